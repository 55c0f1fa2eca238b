# Plans the region module against a mocked azurerm provider: no cloud account, no credentials.
#   cd terraform/modules/region && terraform init -backend=false && terraform test

mock_provider "azurerm" {
  mock_data "azurerm_client_config" {
    defaults = {
      tenant_id = "00000000-0000-0000-0000-000000000001"
      object_id = "00000000-0000-0000-0000-000000000002"
    }
  }
}

variables {
  name                            = "uk"
  location                        = "uksouth"
  address_space                   = "10.41.0.0/16"
  api_server_authorized_ip_ranges = ["203.0.113.0/24"]
  operator_object_ids             = ["00000000-0000-0000-0000-0000000000c1"]
}

run "everything_lands_in_the_region" {
  command = plan

  assert {
    condition     = azurerm_resource_group.this.name == "rg-pcicloud-uk" && azurerm_resource_group.this.location == "uksouth"
    error_message = "The resource group is named after the region and lies in its location."
  }

  assert {
    condition = alltrue([
      azurerm_kubernetes_cluster.this.location == "uksouth",
      azurerm_managed_redis.this.location == "uksouth",
      azurerm_key_vault.this.location == "uksouth",
    ])
    error_message = "AKS, Redis and Key Vault must all be in the region's location (data residency)."
  }

  assert {
    condition     = azurerm_resource_group.this.tags["data-residency"] == "uk"
    error_message = "Resources carry the region's data-residency tag."
  }
}

run "secrets_and_state_are_protected" {
  command = plan

  assert {
    condition     = azurerm_key_vault.this.rbac_authorization_enabled && azurerm_key_vault.this.purge_protection_enabled
    error_message = "Key Vault uses RBAC and purge protection."
  }

  assert {
    condition     = azurerm_key_vault.this.public_network_access_enabled == false
    error_message = "Without allowed ranges the Key Vault has no public access."
  }

  assert {
    condition     = length(azurerm_key_vault_secret.redis) == 0
    error_message = "Terraform writes no secret into a vault it cannot reach."
  }

  assert {
    condition     = azurerm_key_vault.platform.rbac_authorization_enabled && azurerm_key_vault.platform.purge_protection_enabled && azurerm_key_vault.platform.public_network_access_enabled == false
    error_message = "The platform vault is RBAC-only, purge-protected and private like the tenant vault."
  }

  assert {
    condition = alltrue([
      azurerm_managed_redis.this.public_network_access == "Disabled",
      azurerm_managed_redis.this.default_database[0].client_protocol == "Encrypted",
      azurerm_managed_redis.this.default_database[0].eviction_policy == "NoEviction",
    ])
    error_message = "Redis is private, TLS only, and never evicts grain state."
  }
}

run "workload_identity_is_federated_with_the_chart_service_account" {
  command = plan

  assert {
    condition     = azurerm_federated_identity_credential.region.subject == "system:serviceaccount:pcicloud:pcicloud-uk-region"
    error_message = "The subject must match the helm chart's region ServiceAccount."
  }

  assert {
    condition     = azurerm_kubernetes_cluster.this.oidc_issuer_enabled && azurerm_kubernetes_cluster.this.workload_identity_enabled
    error_message = "The cluster issues OIDC tokens for workload identity."
  }
}

run "media_nodes_open_only_the_rtp_range" {
  command = plan

  variables {
    media_rtp_port_range       = { start = 41000, end = 41499 }
    media_allowed_source_cidrs = ["203.0.113.0/24"]
  }

  assert {
    condition = anytrue([
      for r in azurerm_network_security_group.media.security_rule :
      r.name == "allow-rtp" && r.protocol == "Udp" && r.destination_port_range == "41000-41499" && contains(r.source_address_prefixes, "203.0.113.0/24")
    ])
    error_message = "The media NSG allows UDP on the RTP range from the allowed sources only."
  }

  assert {
    condition     = azurerm_kubernetes_cluster_node_pool.media.node_public_ip_enabled && contains(azurerm_kubernetes_cluster_node_pool.media.node_taints, "pcicloud.io/media=true:NoSchedule")
    error_message = "Media nodes have public IPs and are reserved for masking workers."
  }
}

run "rejects_an_unknown_region" {
  command = plan

  variables {
    name = "eu"
  }

  expect_failures = [var.name, var.location]
}

run "rejects_a_location_outside_the_region" {
  command = plan

  variables {
    name     = "uk"
    location = "eastus2"
  }

  expect_failures = [var.location]
}

run "rejects_a_reversed_port_range" {
  command = plan

  variables {
    media_rtp_port_range = { start = 41000, end = 40000 }
  }

  expect_failures = [var.media_rtp_port_range]
}

run "rejects_a_network_that_is_not_a_slash_16" {
  command = plan

  variables {
    address_space = "10.41.0.0/24"
  }

  expect_failures = [var.address_space]
}

run "media_pool_allows_exactly_the_rtp_host_ports" {
  command = plan

  variables {
    media_rtp_port_range = { start = 41000, end = 41499 }
  }

  assert {
    condition = (
      length(azurerm_kubernetes_cluster_node_pool.media.node_network_profile[0].allowed_host_ports) == 1 &&
      azurerm_kubernetes_cluster_node_pool.media.node_network_profile[0].allowed_host_ports[0].port_start == 41000 &&
      azurerm_kubernetes_cluster_node_pool.media.node_network_profile[0].allowed_host_ports[0].port_end == 41499 &&
      azurerm_kubernetes_cluster_node_pool.media.node_network_profile[0].allowed_host_ports[0].protocol == "UDP"
    )
    error_message = "AKS's NSG drops host-port traffic unless the pool allows it: exactly the RTP range, UDP."
  }

  assert {
    condition     = length(azurerm_kubernetes_cluster_node_pool.apps.node_network_profile) == 0
    error_message = "No other pool opens host ports."
  }
}

run "kubernetes_version_is_pinned_to_one_that_enforces_port_ranges" {
  command = plan

  assert {
    condition     = azurerm_kubernetes_cluster.this.kubernetes_version == "1.33"
    error_message = "The cluster's version (and so its Cilium) is pinned."
  }
}

run "rejects_a_kubernetes_version_whose_cilium_ignores_end_port" {
  command = plan

  variables {
    kubernetes_version = "1.29"
  }

  expect_failures = [var.kubernetes_version]
}

run "perimeter_api_server_policy_defender" {
  command = apply

  assert {
    condition     = azurerm_kubernetes_cluster.this.api_server_access_profile[0].authorized_ip_ranges == toset(["203.0.113.0/24"]) && !azurerm_kubernetes_cluster.this.private_cluster_enabled
    error_message = "A public API server answers only the authorized ranges."
  }

  assert {
    condition     = azurerm_kubernetes_cluster.this.azure_policy_enabled
    error_message = "The Azure Policy add-on is on."
  }

  assert {
    condition     = azurerm_kubernetes_cluster.this.microsoft_defender[0].log_analytics_workspace_id == azurerm_log_analytics_workspace.this.id
    error_message = "Defender's sensor reports to the region's workspace."
  }

  assert {
    condition = alltrue([
      for target in [azurerm_key_vault.this.id, azurerm_key_vault.platform.id, azurerm_kubernetes_cluster.this.id, azurerm_managed_redis.this.id] :
      anytrue([for d in azurerm_monitor_diagnostic_setting.this : d.target_resource_id == target && d.log_analytics_workspace_id == azurerm_log_analytics_workspace.this.id])
    ])
    error_message = "Both vaults, the cluster and Redis send their logs to the region's workspace."
  }

  assert {
    condition     = azurerm_management_lock.key_vault.scope == azurerm_key_vault.this.id && azurerm_management_lock.platform_key_vault.scope == azurerm_key_vault.platform.id && azurerm_management_lock.key_vault.lock_level == "CanNotDelete"
    error_message = "Both vaults carry a delete lock."
  }
}

run "private_api_server" {
  command = plan

  variables {
    api_server_private              = true
    api_server_authorized_ip_ranges = []
  }

  assert {
    condition     = azurerm_kubernetes_cluster.this.private_cluster_enabled && length(azurerm_kubernetes_cluster.this.api_server_access_profile) == 0
    error_message = "A private API server needs no authorized ranges."
  }
}

run "rejects_a_public_api_server_open_to_everyone" {
  command = plan

  variables {
    api_server_authorized_ip_ranges = ["0.0.0.0/0"]
  }

  expect_failures = [var.api_server_authorized_ip_ranges]
}

run "rejects_a_public_api_server_without_ranges" {
  command = plan

  variables {
    api_server_authorized_ip_ranges = []
  }

  expect_failures = [var.api_server_authorized_ip_ranges]
}

run "csi_identity_reads_only_the_platform_vault" {
  command = apply

  assert {
    condition     = azurerm_role_assignment.secrets_reader.scope == azurerm_key_vault.platform.id && azurerm_role_assignment.secrets_reader.role_definition_name == "Key Vault Secrets User"
    error_message = "The secrets reader may read the platform vault's secrets, nothing more."
  }

  assert {
    condition     = azurerm_role_assignment.region_secrets.scope == azurerm_key_vault.this.id && azurerm_role_assignment.region_secrets.principal_id == azurerm_user_assigned_identity.region.principal_id
    error_message = "Only the silos' identity touches the tenant vault."
  }

  assert {
    condition = toset([for f in azurerm_federated_identity_credential.secrets_reader : f.subject]) == toset([
      "system:serviceaccount:pcicloud:pcicloud-uk-region",
      "system:serviceaccount:pcicloud:pcicloud-uk-masking-worker",
      "system:serviceaccount:pcicloud-edge:pcicloud-edge",
    ])
    error_message = "The secrets reader is federated with exactly the chart's region, worker and edge ServiceAccounts."
  }
}

run "redis_connection_string_goes_to_the_platform_vault" {
  command = apply

  variables {
    key_vault_allowed_ip_ranges = ["198.51.100.7/32"]
  }

  assert {
    condition     = azurerm_key_vault_secret.redis[0].key_vault_id == azurerm_key_vault.platform.id && azurerm_key_vault_secret.redis[0].name == "redis-connection-string"
    error_message = "The Redis connection string lands in the platform vault, where the chart's CSI mounts read it."
  }
}

run "edge_ingress_accepts_only_front_door" {
  command = apply

  assert {
    condition = anytrue([
      for r in azurerm_network_security_group.nodes.security_rule :
      r.access == "Allow" && r.source_address_prefix == "AzureFrontDoor.Backend" && r.destination_port_range == "443" && r.destination_address_prefix == azurerm_public_ip.ingress.ip_address
    ])
    error_message = "HTTPS reaches the edge's ingress address from Front Door's back end only."
  }

  assert {
    condition = alltrue([
      for r in azurerm_network_security_group.nodes.security_rule :
      r.access == "Deny" || r.source_address_prefix == "AzureFrontDoor.Backend" || r.destination_address_prefix == azurerm_public_ip.media_ingress.ip_address
    ])
    error_message = "Nothing else is allowed in from the Internet but media WebSockets to their own address."
  }
}

run "operators_get_helm_rights_in_the_release_namespaces_only" {
  command = apply

  assert {
    condition = toset([for a in azurerm_role_assignment.operators_helm : a.scope]) == toset([
      "${azurerm_kubernetes_cluster.this.id}/namespaces/pcicloud",
      "${azurerm_kubernetes_cluster.this.id}/namespaces/pcicloud-edge",
    ])
    error_message = "The helm operator role applies in the release namespaces, not cluster-wide."
  }

  assert {
    condition     = contains(azurerm_role_definition.helm_operator.permissions[0].data_actions, "Microsoft.ContainerService/managedClusters/secrets-store.csi.x-k8s.io/secretproviderclasses/*")
    error_message = "Operators can install the chart's SecretProviderClasses."
  }
}
