# One PciCloud region: everything a region's tenants' data touches, in one Azure location and
# one resource group. Nothing here is shared with another region.

data "azurerm_client_config" "current" {}

locals {
  suffix               = "${var.name_prefix}-${var.name}"
  service_account_name = coalesce(var.region_service_account_name, "${var.name_prefix}-${var.name}-region")
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
