# Regional host names: <region>.api.<domain> for tenants that pin their region. Each has its own
# route to an origin group with only that region's edge, so a UK tenant's TLS to uk.api never ends
# in another region's cluster; the global name keeps its route to every edge. The origin keeps the
# client's host name (origin_host_header), and the edge refuses a tenant of another region on it
# (421) as well as any request without this profile's X-Azure-FDID.

resource "azurerm_cdn_frontdoor_origin_group" "regional" {
  for_each                 = var.regional_domains
  name                     = "edge-${each.key}"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.this.id
  session_affinity_enabled = false

  load_balancing {
    sample_size                        = 4
    successful_samples_required        = 3
    additional_latency_in_milliseconds = 50
  }

  health_probe {
    path                = "/health"
    protocol            = "Https"
    request_type        = "GET"
    interval_in_seconds = 30
  }
}

resource "azurerm_cdn_frontdoor_origin" "regional" {
  for_each                       = var.regional_domains
  name                           = "edge-${each.key}-regional"
  cdn_frontdoor_origin_group_id  = azurerm_cdn_frontdoor_origin_group.regional[each.key].id
  enabled                        = true
  host_name                      = var.origins[each.key].host_name
  origin_host_header             = each.value
  certificate_name_check_enabled = true
  http_port                      = 80
  https_port                     = 443
  priority                       = 1
  weight                         = 1000
}

resource "azurerm_cdn_frontdoor_custom_domain" "regional" {
  for_each                 = var.regional_domains
  name                     = replace(each.value, ".", "-")
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.this.id
  host_name                = each.value

  tls {
    certificate_type = "ManagedCertificate"
  }
}

resource "azurerm_cdn_frontdoor_route" "regional" {
  for_each                        = var.regional_domains
  name                            = "api-${each.key}"
  cdn_frontdoor_endpoint_id       = azurerm_cdn_frontdoor_endpoint.this.id
  cdn_frontdoor_origin_group_id   = azurerm_cdn_frontdoor_origin_group.regional[each.key].id
  cdn_frontdoor_origin_ids        = [azurerm_cdn_frontdoor_origin.regional[each.key].id]
  cdn_frontdoor_custom_domain_ids = [azurerm_cdn_frontdoor_custom_domain.regional[each.key].id]
  patterns_to_match               = ["/*"]
  supported_protocols             = ["Http", "Https"]
  https_redirect_enabled          = true
  forwarding_protocol             = "HttpsOnly"
  # Only the custom domain: the endpoint's default domain stays with the global route.
  link_to_default_domain = false
}

resource "azurerm_cdn_frontdoor_custom_domain_association" "regional" {
  for_each                       = var.regional_domains
  cdn_frontdoor_custom_domain_id = azurerm_cdn_frontdoor_custom_domain.regional[each.key].id
  cdn_frontdoor_route_ids        = [azurerm_cdn_frontdoor_route.regional[each.key].id]
}
