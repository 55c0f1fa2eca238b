resource "azurerm_cdn_frontdoor_profile" "this" {
  name                = "afd-${var.name_prefix}"
  resource_group_name = azurerm_resource_group.this.name
  # Premium: managed WAF rule sets.
  sku_name = "Premium_AzureFrontDoor"
  # The longest wait for an origin's response (the Agent Assist event stream is long-lived).
  response_timeout_seconds = 240
  tags                     = var.tags
}

resource "azurerm_cdn_frontdoor_endpoint" "this" {
  name                     = "${var.name_prefix}-api"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.this.id
  tags                     = var.tags
}

resource "azurerm_cdn_frontdoor_origin_group" "edge" {
  name                     = "edge"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.this.id
  session_affinity_enabled = false

  load_balancing {
    sample_size                        = 4
    successful_samples_required        = 3
    additional_latency_in_milliseconds = 50
  }

  # The edge's /health answers while the edge itself runs, whatever the state of the regions:
  # a region outage must not take that region's edge out of rotation for everyone else.
  health_probe {
    path                = "/health"
    protocol            = "Https"
    request_type        = "GET"
    interval_in_seconds = 30
  }
}

resource "azurerm_cdn_frontdoor_origin" "edge" {
  for_each                       = var.origins
  name                           = "edge-${each.key}"
  cdn_frontdoor_origin_group_id  = azurerm_cdn_frontdoor_origin_group.edge.id
  enabled                        = true
  host_name                      = each.value.host_name
  origin_host_header             = each.value.host_name
  certificate_name_check_enabled = true
  http_port                      = 80
  https_port                     = 443
  priority                       = each.value.priority
  weight                         = each.value.weight
}

resource "azurerm_cdn_frontdoor_custom_domain" "api" {
  count                    = var.custom_domain == null ? 0 : 1
  name                     = replace(var.custom_domain, ".", "-")
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.this.id
  host_name                = var.custom_domain

  tls {
    certificate_type = "ManagedCertificate"
  }
}

# Everything goes to the edge over HTTPS; nothing is cached (no cache block): API answers are
# per tenant and must never be served to anyone else.
resource "azurerm_cdn_frontdoor_route" "api" {
  name                            = "api"
  cdn_frontdoor_endpoint_id       = azurerm_cdn_frontdoor_endpoint.this.id
  cdn_frontdoor_origin_group_id   = azurerm_cdn_frontdoor_origin_group.edge.id
  cdn_frontdoor_origin_ids        = [for o in azurerm_cdn_frontdoor_origin.edge : o.id]
  cdn_frontdoor_custom_domain_ids = azurerm_cdn_frontdoor_custom_domain.api[*].id
  patterns_to_match               = ["/*"]
  supported_protocols             = ["Http", "Https"]
  https_redirect_enabled          = true
  forwarding_protocol             = "HttpsOnly"
  link_to_default_domain          = true
}

resource "azurerm_cdn_frontdoor_custom_domain_association" "api" {
  count                          = var.custom_domain == null ? 0 : 1
  cdn_frontdoor_custom_domain_id = azurerm_cdn_frontdoor_custom_domain.api[0].id
  cdn_frontdoor_route_ids        = [azurerm_cdn_frontdoor_route.api.id]
}
