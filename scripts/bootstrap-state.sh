#!/usr/bin/env bash
# Terraform state backend for PciCloud (docs/DEPLOY.md, step 1): a private, encrypted storage
# account reached with Entra ID only (no shared keys), versioned, soft-deleted and delete-locked,
# because the state holds the Redis access keys. Prints prod.backend.hcl for `terraform init`.
#   scripts/bootstrap-state.sh <subscription-id> <location> [name-suffix]
set -euo pipefail
if [ $# -lt 2 ]; then
  sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
subscription="$1"; location="$2"
suffix="${3:-$(echo -n "$subscription" | sha256sum | cut -c1-8)}"
rg=rg-pcicloud-tfstate
account="stpcicloudtf${suffix}"
az account set -s "$subscription"
az group create -n "$rg" -l "$location" -o none
az storage account create -n "$account" -g "$rg" -l "$location" --sku Standard_ZRS --kind StorageV2 \
  --min-tls-version TLS1_2 --allow-blob-public-access false --allow-shared-key-access false \
  --https-only true -o none
az storage account blob-service-properties update --account-name "$account" -g "$rg" \
  --enable-versioning true --enable-delete-retention true --delete-retention-days 30 \
  --enable-container-delete-retention true --container-delete-retention-days 30 -o none
me=$(az ad signed-in-user show --query id -o tsv)
scope=$(az storage account show -n "$account" -g "$rg" --query id -o tsv)
az role assignment create --assignee-object-id "$me" --assignee-principal-type User \
  --role "Storage Blob Data Contributor" --scope "$scope" -o none
az storage container create -n tfstate --account-name "$account" --auth-mode login -o none
az lock create -n do-not-delete -g "$rg" --lock-type CanNotDelete --notes "PciCloud terraform state" -o none
cat <<HCL
# prod.backend.hcl: terraform init -backend-config=prod.backend.hcl
resource_group_name  = "$rg"
storage_account_name = "$account"
container_name       = "tfstate"
key                  = "pcicloud/prod.tfstate"
use_azuread_auth     = true
HCL
