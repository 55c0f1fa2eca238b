terraform {
  # 1.9+: variable validations that refer to other variables (location vs region name).
  required_version = ">= 1.9, < 2.0"

  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
      # 4.57+: azurerm_managed_redis with NoCluster, AOF persistence and public_network_access,
      # and azurerm_key_vault.rbac_authorization_enabled.
      version = "~> 4.57"
    }
  }
}
