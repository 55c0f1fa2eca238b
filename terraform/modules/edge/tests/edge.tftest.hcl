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

run "regional_names_reach_only_their_regions_edge" {
  command = plan

  variables {
    custom_domain    = "api.example.com"
    regional_domains = { uk = "uk.api.example.com", us = "us.api.example.com" }
  }

  assert {
    condition     = azurerm_cdn_frontdoor_origin.regional["uk"].host_name == "edge-uk.api.example.com" && azurerm_cdn_frontdoor_origin.regional["uk"].origin_host_header == "uk.api.example.com"
    error_message = "uk.api goes to the UK edge only, which sees the regional host name and refuses other regions' tenants."
  }

  assert {
    condition     = length(azurerm_cdn_frontdoor_route.regional["uk"].cdn_frontdoor_origin_ids) == 1 && !azurerm_cdn_frontdoor_route.regional["uk"].link_to_default_domain
    error_message = "A regional route has exactly one origin and only its own domain."
  }

  assert {
    condition     = azurerm_cdn_frontdoor_custom_domain.regional["us"].host_name == "us.api.example.com" && length(azurerm_cdn_frontdoor_origin.edge) == 3
    error_message = "The global name still reaches every edge."
  }
}

run "regional_names_are_behind_the_waf" {
  command = apply

  variables {
    regional_domains = { uk = "uk.api.example.com" }
  }

  assert {
    condition     = contains([for d in azurerm_cdn_frontdoor_security_policy.this.security_policies[0].firewall[0].association[0].domain : d.cdn_frontdoor_domain_id], azurerm_cdn_frontdoor_custom_domain.regional["uk"].id)
    error_message = "The WAF covers the regional domains too."
  }
}

run "front_door_logs_go_to_the_workspace" {
  command = apply

  assert {
    condition     = azurerm_monitor_diagnostic_setting.front_door.target_resource_id == azurerm_cdn_frontdoor_profile.this.id && azurerm_monitor_diagnostic_setting.front_door.log_analytics_workspace_id == azurerm_log_analytics_workspace.this.id
    error_message = "Front Door's logs reach the edge's Log Analytics workspace."
  }
}

run "rejects_a_regional_name_without_its_edge" {
  command = plan

  variables {
    origins          = { us = { host_name = "edge-us.api.example.com" } }
    regional_domains = { uk = "uk.api.example.com" }
  }

  expect_failures = [var.regional_domains]
}
