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
  description = "Static address of the default ingress controller (the edge, Front Door only): DNS of edge-<region>.api."
  value       = azurerm_public_ip.ingress.ip_address
}

output "media_ingress_public_ip" {
  description = "Static address of the pcicloud-media ingress controller: DNS of media.<region>.api (WebSocket media)."
  value       = azurerm_public_ip.media_ingress.ip_address
}

output "ingress_resource_group_name" {
  description = "Resource group of both ingress addresses (the NginxIngressController's load balancer annotation)."
  value       = azurerm_resource_group.this.name
}

output "tenant_id" {
  description = "helm: keyVaultSecrets.tenantId"
  value       = data.azurerm_client_config.current.tenant_id
}

output "platform_key_vault_name" {
  description = "helm: keyVaultSecrets.vaultName (the deployment's secrets; docs/DEPLOY.md, Secrets)."
  value       = azurerm_key_vault.platform.name
}

output "secrets_reader_client_id" {
  description = "helm: keyVaultSecrets.clientId (reads the platform vault only)."
  value       = azurerm_user_assigned_identity.secrets_reader.client_id
}

output "media_rtp_port_range" {
  description = "helm: maskingWorker.media.rtpPortRange (the range the media pool and NSG open)."
  value       = var.media_rtp_port_range
}

output "media_allowed_source_cidrs" {
  description = "helm: maskingWorker.media.allowedSourceCidrs."
  value       = var.media_allowed_source_cidrs
}

output "log_analytics_workspace_id" {
  description = "The region's Log Analytics workspace."
  value       = azurerm_log_analytics_workspace.this.id
}

output "media_public_ip_prefix" {
  description = "The media nodes' public range, for tenants to allow-list."
  value       = azurerm_public_ip_prefix.media.ip_prefix
}
