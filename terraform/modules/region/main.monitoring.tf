# The region's Log Analytics workspace (in the region: logs name tenants and calls) and the
# diagnostic settings that send it the control- and data-plane logs of both vaults, the cluster and
# Redis. No card data reaches any of these logs (the hosts' own invariant); they carry ids only.

resource "azurerm_log_analytics_workspace" "this" {
  name                = "log-${local.suffix}"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  sku                 = "PerGB2018"
  retention_in_days   = var.log_retention_days
  tags                = local.tags
}

locals {
  # category_group "allLogs" where the resource type offers it; AKS by name (its allLogs would
  # include the full kube-audit stream: kube-audit-admin keeps the writes).
  diagnostics = {
    key-vault          = { id = azurerm_key_vault.this.id, groups = ["allLogs"], categories = [] }
    platform-key-vault = { id = azurerm_key_vault.platform.id, groups = ["allLogs"], categories = [] }
    # Azure Managed Redis: connection audit events (not checked against a real subscription here).
    redis = { id = azurerm_managed_redis.this.id, groups = ["allLogs"], categories = [] }
    aks = {
      id         = azurerm_kubernetes_cluster.this.id
      groups     = []
      categories = ["kube-apiserver", "kube-audit-admin", "guard", "kube-controller-manager", "cluster-autoscaler"]
    }
  }
}

resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each                   = local.diagnostics
  name                       = "to-${azurerm_log_analytics_workspace.this.name}"
  target_resource_id         = each.value.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id

  dynamic "enabled_log" {
    for_each = toset(each.value.groups)
    content {
      category_group = enabled_log.value
    }
  }

  dynamic "enabled_log" {
    for_each = toset(each.value.categories)
    content {
      category = enabled_log.value
    }
  }
}
