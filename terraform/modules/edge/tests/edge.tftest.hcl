# Plans the edge module against a mocked azurerm provider: no cloud account, no credentials.
#   cd terraform/modules/edge && terraform init -backend=false && terraform test

mock_provider "azurerm" {}

variables {
  origins = {
    us = { host_name = "edge-us.api.example.com" }
    uk = { host_name = "edge-uk.api.example.com" }
    au = { host_name = "edge-au.api.example.com" }
  }
}

run "one_origin_per_regional_edge" {
  command = plan

  assert {
    condition     = length(azurerm_cdn_frontdoor_origin.edge) == 3
    error_message = "Each regional edge is an origin."
  }

  assert {
    condition     = azurerm_cdn_frontdoor_origin.edge["uk"].host_name == "edge-uk.api.example.com" && azurerm_cdn_frontdoor_origin.edge["uk"].certificate_name_check_enabled
    error_message = "Origins are reached by name over verified TLS."
  }

  assert {
    condition     = azurerm_cdn_frontdoor_origin_group.edge.health_probe[0].path == "/health"
    error_message = "Front Door probes the edge's health endpoint."
  }
}

run "https_only_and_never_cached" {
  command = plan

  assert {
    condition     = azurerm_cdn_frontdoor_route.api.forwarding_protocol == "HttpsOnly" && azurerm_cdn_frontdoor_route.api.https_redirect_enabled
    error_message = "Clients are redirected to HTTPS and origins are reached over HTTPS."
  }

  assert {
    condition     = length(azurerm_cdn_frontdoor_route.api.cache) == 0
    error_message = "Tenant API answers must never be cached."
  }

  assert {
    condition     = azurerm_cdn_frontdoor_firewall_policy.this.mode == "Prevention"
    error_message = "The WAF blocks by default."
  }
}

run "custom_domain_is_optional" {
  command = plan

  variables {
    custom_domain = "api.example.com"
  }

  assert {
    condition     = azurerm_cdn_frontdoor_custom_domain.api[0].host_name == "api.example.com"
    error_message = "The custom domain is served with a managed certificate."
  }
}

run "rejects_an_origin_that_is_not_a_region" {
  command = plan

  variables {
    origins = { eu = { host_name = "edge-eu.api.example.com" } }
  }

  expect_failures = [var.origins]
}

run "rejects_an_unknown_waf_mode" {
  command = plan

  variables {
    waf_mode = "Off"
  }

  expect_failures = [var.waf_mode]
}
