# The region's tenant vault: gateway credentials, webhook and link-signing secrets, written and
# read by the silos only. RBAC only (no access policies); reached from the cluster through a
# private endpoint, by the silos' workload identity. Deployment secrets live apart, in the platform
# vault (main.platformvault.tf), so nothing that mounts those can read tenants' credentials.

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

resource "azurerm_role_assignment" "admins" {
  for_each             = toset(var.key_vault_admin_object_ids)
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = each.key
}

resource "azurerm_management_lock" "key_vault" {
  name       = "do-not-delete"
  scope      = azurerm_key_vault.this.id
  lock_level = "CanNotDelete"
  notes      = "Tenants' gateway credentials and signing secrets: deleting the vault stops every payment of the region."
}
