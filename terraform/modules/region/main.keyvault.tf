# The region's Key Vault: gateway credentials, webhook and link-signing secrets, the Redis
# connection string. RBAC only (no access policies); reached from the cluster through a private
# endpoint, by the silos' workload identity.

resource "azurerm_key_vault" "this" {
  name                          = "kv-${local.suffix}"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku_name                      = "premium"
  rbac_authorization_enabled    = true
  purge_protection_enabled      = true
  soft_delete_retention_days    = 90
  public_network_access_enabled = length(var.key_vault_allowed_ip_ranges) > 0
  tags                          = local.tags

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
    ip_rules       = var.key_vault_allowed_ip_ranges
  }
}

resource "azurerm_private_endpoint" "key_vault" {
  name                = "pe-${local.suffix}-kv"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  subnet_id           = azurerm_subnet.private_endpoints.id
  tags                = local.tags

  private_service_connection {
    name                           = "vault"
    private_connection_resource_id = azurerm_key_vault.this.id
    subresource_names              = ["vault"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "vault"
    private_dns_zone_ids = [azurerm_private_dns_zone.this["privatelink.vaultcore.azure.net"].id]
  }
}

# The silos' identity: a user-assigned managed identity, federated with the region's
# Kubernetes ServiceAccount (no secret anywhere), allowed to read and write secrets (the
# region stores tenants' gateway credentials and webhook secrets).
resource "azurerm_user_assigned_identity" "region" {
  name                = "id-${local.suffix}-region"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags
}

resource "azurerm_federated_identity_credential" "region" {
  name                = "aks-${local.suffix}-region"
  resource_group_name = azurerm_resource_group.this.name
  parent_id           = azurerm_user_assigned_identity.region.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = azurerm_kubernetes_cluster.this.oidc_issuer_url
  subject             = "system:serviceaccount:${var.kubernetes_namespace}:${local.service_account_name}"
}

resource "azurerm_role_assignment" "region_secrets" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = azurerm_user_assigned_identity.region.principal_id
}

# The cluster's Key Vault secrets provider syncs the Redis connection string into Kubernetes.
resource "azurerm_role_assignment" "secrets_provider" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_kubernetes_cluster.this.key_vault_secrets_provider[0].secret_identity[0].object_id
}

resource "azurerm_role_assignment" "admins" {
  for_each             = toset(var.key_vault_admin_object_ids)
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = each.key
}

# Written only when the runner can reach the vault (key_vault_allowed_ip_ranges); otherwise the
# operators put it there. Terraform state holds it too: keep the state encrypted and private.
resource "azurerm_key_vault_secret" "redis" {
  count        = length(var.key_vault_allowed_ip_ranges) > 0 ? 1 : 0
  name         = "redis-connection-string"
  key_vault_id = azurerm_key_vault.this.id
  content_type = "StackExchange.Redis connection string"
  value        = "${azurerm_managed_redis.this.hostname}:${azurerm_managed_redis.this.default_database[0].port},password=${azurerm_managed_redis.this.default_database[0].primary_access_key},ssl=True,abortConnect=False"

  depends_on = [azurerm_role_assignment.admins]
}
