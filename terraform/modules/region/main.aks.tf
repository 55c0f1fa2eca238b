# The region's AKS cluster: workload identity (OIDC issuer) for Key Vault, Cilium for
# NetworkPolicies and hostPort, Entra ID RBAC only (no local admin account), three node pools.

resource "azurerm_kubernetes_cluster" "this" {
  name                      = "aks-${local.suffix}"
  location                  = azurerm_resource_group.this.location
  resource_group_name       = azurerm_resource_group.this.name
  dns_prefix                = local.suffix
  kubernetes_version        = var.kubernetes_version
  sku_tier                  = "Standard"
  automatic_upgrade_channel = "patch"
  node_os_upgrade_channel   = "NodeImage"
  oidc_issuer_enabled       = true
  workload_identity_enabled = true
  local_account_disabled    = true
  # Perimeter: the API server is private (reached from the VNet, e.g. a runner or bastion there),
  # or public only to the authorized ranges (variables.tf refuses neither).
  private_cluster_enabled = var.api_server_private
  # Azure Policy add-on (Gatekeeper): the subscription's Kubernetes policy assignments apply here.
  azure_policy_enabled = true
  tags                 = local.tags

  dynamic "api_server_access_profile" {
    for_each = var.api_server_private ? [] : [1]
    content {
      authorized_ip_ranges = var.api_server_authorized_ip_ranges
    }
  }

  # Defender for Containers' sensor, reporting to the region's workspace (the plan itself is
  # enabled per subscription in environments/prod).
  microsoft_defender {
    log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id
  }

  default_node_pool {
    name                         = "system"
    vm_size                      = var.node_pools.system.vm_size
    vnet_subnet_id               = azurerm_subnet.nodes.id
    zones                        = var.availability_zones
    auto_scaling_enabled         = true
    min_count                    = var.node_pools.system.min_count
    max_count                    = var.node_pools.system.max_count
    only_critical_addons_enabled = true

    upgrade_settings {
      max_surge = "33%"
    }
  }

  identity {
    type = "SystemAssigned"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
    tenant_id          = data.azurerm_client_config.current.tenant_id
  }

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    network_data_plane  = "cilium"
    network_policy      = "cilium"
    load_balancer_sku   = "standard"
  }

  # The Secrets Store CSI driver: pods mount their secrets from the platform vault with the
  # secrets reader identity (main.keyvault.tf), never with the add-on's own identity, which gets no
  # role anywhere.
  key_vault_secrets_provider {
    secret_rotation_enabled = true
  }

  # The managed NGINX ingress controller (ingress class webapprouting.kubernetes.azure.com).
  web_app_routing {
    dns_zone_ids = []
  }
}

# Silos and the edge.
resource "azurerm_kubernetes_cluster_node_pool" "apps" {
  name                  = "apps"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.this.id
  mode                  = "User"
  vm_size               = var.node_pools.apps.vm_size
  vnet_subnet_id        = azurerm_subnet.nodes.id
  zones                 = var.availability_zones
  auto_scaling_enabled  = true
  min_count             = var.node_pools.apps.min_count
  max_count             = var.node_pools.apps.max_count
  tags                  = local.tags
}

# Masking workers only (taint), one per node (the chart's anti-affinity), each node with its
# own public IP from the prefix so RTP reaches the worker that reserved the port directly.
resource "azurerm_kubernetes_cluster_node_pool" "media" {
  name                     = "media"
  kubernetes_cluster_id    = azurerm_kubernetes_cluster.this.id
  mode                     = "User"
  vm_size                  = var.node_pools.media.vm_size
  vnet_subnet_id           = azurerm_subnet.media.id
  zones                    = var.availability_zones
  auto_scaling_enabled     = true
  min_count                = var.node_pools.media.min_count
  max_count                = var.node_pools.media.max_count
  node_public_ip_enabled   = true
  node_public_ip_prefix_id = azurerm_public_ip_prefix.media.id
  node_labels              = { "pcicloud.io/pool" = "media" }
  node_taints              = ["pcicloud.io/media=true:NoSchedule"]
  tags                     = local.tags

  # AKS's own NSG drops traffic to host ports on instance-level public IPs unless the pool allows
  # them: exactly the workers' RTP range (the chart's maskingWorker.media.rtpPortRange, fed from the
  # same variable through environments/prod's helm_values_region output).
  node_network_profile {
    allowed_host_ports {
      port_start = var.media_rtp_port_range.start
      port_end   = var.media_rtp_port_range.end
      protocol   = "UDP"
    }
  }
}

# The cluster places its load balancers on the ingress address and joins the subnets.
resource "azurerm_role_assignment" "aks_network" {
  scope                = azurerm_resource_group.this.id
  role_definition_name = "Network Contributor"
  principal_id         = azurerm_kubernetes_cluster.this.identity[0].principal_id
}
