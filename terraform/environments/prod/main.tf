# Production: one region module per PciCloud region, each in its own Azure location, and the
# global edge (Front Door) in front of the edge release that runs in every regional cluster.

locals {
  regions = {
    us = { location = "eastus2", address_space = "10.40.0.0/16" }
    uk = { location = "uksouth", address_space = "10.41.0.0/16" }
    au = { location = "australiaeast", address_space = "10.42.0.0/16" }
  }
  # Public names (API.md): the global edge, each region's own name, each cluster's edge origin
  # and media WebSocket name.
  global_host   = "api.${var.dns_domain}"
  regional_host = { for name, _ in local.regions : name => "${name}.api.${var.dns_domain}" }
  edge_host     = { for name, _ in local.regions : name => "edge-${name}.api.${var.dns_domain}" }
  media_host    = { for name, _ in local.regions : name => "media.${name}.api.${var.dns_domain}" }
}

module "region" {
  source   = "../../modules/region"
  for_each = local.regions

  name                            = each.key
  location                        = each.value.location
  address_space                   = each.value.address_space
  kubernetes_version              = var.kubernetes_version
  api_server_private              = var.api_server_private
  api_server_authorized_ip_ranges = var.api_server_authorized_ip_ranges
  key_vault_admin_object_ids      = var.key_vault_admin_object_ids
  key_vault_allowed_ip_ranges     = var.key_vault_allowed_ip_ranges
  operator_object_ids             = var.operator_object_ids
  tags                            = var.tags
}

module "edge" {
  source = "../../modules/edge"

  location      = local.regions.us.location
  custom_domain = local.global_host
  # The edge release's ingress in each cluster answers on edge-<region>.api.<domain>, an A
  # record on that region's ingress_public_ip, and on the region's own name for its route.
  origins          = { for name, _ in local.regions : name => { host_name = local.edge_host[name] } }
  regional_domains = local.regional_host
  tags             = var.tags
}

# Microsoft Defender plans for what PciCloud runs on, subscription-wide (the AKS sensor is the
# region module's microsoft_defender block).
resource "azurerm_security_center_subscription_pricing" "this" {
  for_each      = toset(["Containers", "KeyVaults", "Arm"])
  tier          = "Standard"
  resource_type = each.key
}
