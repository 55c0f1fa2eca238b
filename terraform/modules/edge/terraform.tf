terraform {
  required_version = ">= 1.9, < 2.0"

  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
      # The same bounds as modules/region: one provider version for the whole environment.
      version = "~> 4.57"
    }
  }
}
