# The platform vault: the deployment's own secrets and nothing of tenants': the Redis connection
# string, the platform admin key, the Orleans TLS certificate and the CA it chains to. Pods mount
# them through the Secrets Store CSI driver (the chart's SecretProviderClasses) as the secrets
# reader identity, which can read this vault and nothing else.

resource "azurerm_key_vault" "platform" {
  name                          = "kv-${local.suffix}-ops"
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

resource "azurerm_private_endpoint" "platform_key_vault" {
  name                = "pe-${local.suffix}-kv-ops"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  subnet_id           = azurerm_subnet.private_endpoints.id
  tags                = local.tags

  private_service_connection {
    name                           = "vault"
    private_connection_resource_id = azurerm_key_vault.platform.id
    subresource_names              = ["vault"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "vault"
    private_dns_zone_ids = [azurerm_private_dns_zone.this["privatelink.vaultcore.azure.net"].id]
  }
}

resource "azurerm_management_lock" "platform_key_vault" {
  name       = "do-not-delete"
  scope      = azurerm_key_vault.platform.id
  lock_level = "CanNotDelete"
  notes      = "Redis connection, admin key and Orleans TLS of the region: deleting the vault stops its pods from starting."
}

# The secrets reader: federated with exactly the ServiceAccounts of the chart's region, worker and
# edge pods (the CSI driver exchanges their tokens), and allowed only to read this vault's secrets.
resource "azurerm_user_assigned_identity" "secrets_reader" {
  name                = "id-${local.suffix}-secrets"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags
}

resource "azurerm_federated_identity_credential" "secrets_reader" {
  for_each            = local.secrets_reader_subjects
  name                = "aks-${local.suffix}-${each.key}"
  resource_group_name = azurerm_resource_group.this.name
  parent_id           = azurerm_user_assigned_identity.secrets_reader.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = azurerm_kubernetes_cluster.this.oidc_issuer_url
  subject             = each.value
}

resource "azurerm_role_assignment" "secrets_reader" {
  scope                = azurerm_key_vault.platform.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.secrets_reader.principal_id
}

# Operators put the admin key and the Orleans certificate here (docs/DEPLOY.md, "Secrets").
resource "azurerm_role_assignment" "platform_admins" {
  for_each = { for pair in setproduct(var.key_vault_admin_object_ids, ["Key Vault Secrets Officer", "Key Vault Certificates Officer"]) : "${pair[0]}/${pair[1]}" => pair }

  scope                = azurerm_key_vault.platform.id
  role_definition_name = each.value[1]
  principal_id         = each.value[0]
}

# Written only when the runner can reach the vault (key_vault_allowed_ip_ranges); otherwise the
# operators put it there. Terraform state holds it too: keep the state encrypted and private.
resource "azurerm_key_vault_secret" "redis" {
  count        = length(var.key_vault_allowed_ip_ranges) > 0 ? 1 : 0
  name         = "redis-connection-string"
  key_vault_id = azurerm_key_vault.platform.id
  content_type = "StackExchange.Redis connection string"
  value        = "${azurerm_managed_redis.this.hostname}:${azurerm_managed_redis.this.default_database[0].port},password=${azurerm_managed_redis.this.default_database[0].primary_access_key},ssl=True,abortConnect=False"

  depends_on = [azurerm_role_assignment.platform_admins]
}
