output "resource_group_name" {
  description = "The region's resource group."
  value       = azurerm_resource_group.this.name
}

output "aks_cluster_name" {
  description = "The region's AKS cluster (az aks get-credentials)."
  value       = azurerm_kubernetes_cluster.this.name
}

output "oidc_issuer_url" {
  description = "The cluster's OIDC issuer (workload identity)."
  value       = azurerm_kubernetes_cluster.this.oidc_issuer_url
}

output "key_vault_uri" {
  description = "helm: region.keyVault.uri"
  value       = azurerm_key_vault.this.vault_uri
}

output "workload_identity_client_id" {
  description = "helm: region.serviceAccount.workloadIdentityClientId"
  value       = azurerm_user_assigned_identity.region.client_id
}

output "redis_hostname" {
  description = "Azure Managed Redis host name (port: redis_port)."
  value       = azurerm_managed_redis.this.hostname
}

output "redis_port" {
  description = "Azure Managed Redis TLS port."
  value       = azurerm_managed_redis.this.default_database[0].port
}

output "ingress_public_ip" {
  description = "Static address for the ingress controller: DNS of <region>.api, media.<region>.api and edge-<region>.api; helm edge.networkPolicy.regionCidrs."
  value       = azurerm_public_ip.ingress.ip_address
}

output "media_public_ip_prefix" {
  description = "The media nodes' public range, for tenants to allow-list."
  value       = azurerm_public_ip_prefix.media.ip_prefix
}
