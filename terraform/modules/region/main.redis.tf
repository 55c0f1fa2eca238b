# Azure Managed Redis: Orleans membership, grain state and reminders of this region (never
# card data). Private endpoint only; TLS; no eviction (state must not vanish under memory
# pressure); AOF persistence so reminders (recurring schedules) survive a Redis restart.
# Access keys are on because the Orleans Redis providers take a StackExchange.Redis
# connection string; the key goes only into the region's Key Vault.

resource "azurerm_managed_redis" "this" {
  name                      = "amr-${local.suffix}"
  location                  = azurerm_resource_group.this.location
  resource_group_name       = azurerm_resource_group.this.name
  sku_name                  = var.redis_sku
  high_availability_enabled = true
  public_network_access     = "Disabled"
  tags                      = local.tags

  default_database {
    access_keys_authentication_enabled            = true
    client_protocol                               = "Encrypted"
    clustering_policy                             = "NoCluster"
    eviction_policy                               = "NoEviction"
    persistence_append_only_file_backup_frequency = "1s"
  }
}

resource "azurerm_private_endpoint" "redis" {
  name                = "pe-${local.suffix}-redis"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  subnet_id           = azurerm_subnet.private_endpoints.id
  tags                = local.tags

  private_service_connection {
    name                           = "redis"
    private_connection_resource_id = azurerm_managed_redis.this.id
    subresource_names              = ["redisEnterprise"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "redis"
    private_dns_zone_ids = [azurerm_private_dns_zone.this["privatelink.redis.azure.net"].id]
  }
}
