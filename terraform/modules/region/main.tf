# One PciCloud region: everything a region's tenants' data touches, in one Azure location and
# one resource group. Nothing here is shared with another region.

data "azurerm_client_config" "current" {}

locals {
  suffix               = "${var.name_prefix}-${var.name}"
  service_account_name = coalesce(var.region_service_account_name, "${var.name_prefix}-${var.name}-region")
  # The chart's ServiceAccounts (release pcicloud-<region> in kubernetes_namespace, release
  # pcicloud in edge_namespace) whose pods mount secrets from the platform vault.
  secrets_reader_subjects = {
    region         = "system:serviceaccount:${var.kubernetes_namespace}:${local.service_account_name}"
    masking-worker = "system:serviceaccount:${var.kubernetes_namespace}:${var.name_prefix}-${var.name}-masking-worker"
    edge           = "system:serviceaccount:${var.edge_namespace}:${var.name_prefix}-edge"
  }
  tags = merge(var.tags, {
    "pcicloud-region" = var.name
    "data-residency"  = var.name
  })
}

resource "azurerm_resource_group" "this" {
  name     = "rg-${local.suffix}"
  location = var.location
  tags     = local.tags
}
