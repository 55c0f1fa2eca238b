# Front Door's access, health-probe and WAF logs go to a workspace of the edge's own, in its
# resource group (Front Door is global; the logs hold client addresses and paths with ids, never
# card data).

resource "azurerm_log_analytics_workspace" "this" {
  name                = "log-${var.name_prefix}-edge"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  sku                 = "PerGB2018"
  retention_in_days   = var.log_retention_days
  tags                = var.tags
}

resource "azurerm_monitor_diagnostic_setting" "front_door" {
  name                       = "to-${azurerm_log_analytics_workspace.this.name}"
  target_resource_id         = azurerm_cdn_frontdoor_profile.this.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id

  enabled_log {
    category_group = "allLogs"
  }
}
