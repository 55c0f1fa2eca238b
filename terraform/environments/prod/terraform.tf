terraform {
  required_version = ">= 1.9, < 2.0"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.57"
    }
  }

  # State holds the Redis access key: keep it in a private, encrypted storage account.
  # terraform init -backend-config=prod.backend.hcl (resource_group_name, storage_account_name,
  # container_name, key, use_azuread_auth = true).
  backend "azurerm" {}
}

provider "azurerm" {
  features {
    key_vault {
      # Purge protection is on: never try to purge a vault on destroy.
      purge_soft_delete_on_destroy = false
    }
  }
  subscription_id = var.subscription_id
}
