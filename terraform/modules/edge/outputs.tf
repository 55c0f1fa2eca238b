output "endpoint_host_name" {
  description = "Front Door's default host name (CNAME target of the custom domain)."
  value       = azurerm_cdn_frontdoor_endpoint.this.host_name
}

output "front_door_id" {
  description = "The profile's resource GUID: edge ingresses accept only requests whose X-Azure-FDID header carries it."
  value       = azurerm_cdn_frontdoor_profile.this.resource_guid
}

output "custom_domain_validation_token" {
  description = "TXT record value that proves ownership of the custom domain (null without one)."
  value       = one(azurerm_cdn_frontdoor_custom_domain.api[*].validation_token)
}

output "regional_domain_validation_tokens" {
  description = "Per region: the TXT record value (_dnsauth.<region>.api) that proves ownership of its regional host name."
  value       = { for k, d in azurerm_cdn_frontdoor_custom_domain.regional : k => d.validation_token }
}
