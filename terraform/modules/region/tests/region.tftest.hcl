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
  name          = "uk"
  location      = "uksouth"
  address_space = "10.41.0.0/16"
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
