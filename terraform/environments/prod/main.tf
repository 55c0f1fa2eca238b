# Production: one region module per PciCloud region, each in its own Azure location, and the
# global edge (Front Door) in front of the edge release that runs in every regional cluster.

locals {
  regions = {
    us = { location = "eastus2", address_space = "10.40.0.0/16" }
    uk = { location = "uksouth", address_space = "10.41.0.0/16" }
    au = { location = "australiaeast", address_space = "10.42.0.0/16" }
  }
}

module "region" {
  source   = "../../modules/region"
  for_each = local.regions

  name                       = each.key
  location                   = each.value.location
  address_space              = each.value.address_space
  key_vault_admin_object_ids = var.key_vault_admin_object_ids
  tags                       = var.tags
}

module "edge" {
  source = "../../modules/edge"

  location      = local.regions.us.location
  custom_domain = "api.${var.dns_domain}"
  # The edge release's ingress in each cluster answers on edge-<region>.api.<domain>, an A
  # record on that region's ingress_public_ip.
  origins = { for name, _ in local.regions : name => { host_name = "edge-${name}.api.${var.dns_domain}" } }
  tags    = var.tags
}
