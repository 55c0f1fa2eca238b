# The part of each helm release's values that terraform decides (helm/pcicloud/values.yaml
# documents each key). helm/tools/template-check/fixtures holds a copy of their shape for the
# suite's chart check.

locals {
  key_vault_secrets = {
    for name, r in module.region : name => {
      enabled   = true
      vaultName = r.platform_key_vault_name
      tenantId  = r.tenant_id
      clientId  = r.secrets_reader_client_id
    }
  }

  helm_values_region = {
    for name, r in module.region : name => yamlencode({
      region = {
        keyVault       = { uri = r.key_vault_uri }
        serviceAccount = { workloadIdentityClientId = r.workload_identity_client_id }
        publicBaseUrl  = "https://${local.regional_host[name]}"
      }
      keyVaultSecrets = local.key_vault_secrets[name]
      maskingWorker = {
        ingress = { host = local.media_host[name] }
        media = {
          rtpPortRange       = r.media_rtp_port_range
          allowedSourceCidrs = r.media_allowed_source_cidrs
        }
      }
    })
  }

  # Each cluster's edge sends its own region's tenants to the region service in the cluster and
  # the others' to their regional name (through Front Door to that region's edge).
  helm_values_edge = {
    for name, r in module.region : name => yamlencode({
      edge = {
        frontDoorId   = module.edge.front_door_id
        regionalHosts = local.regional_host
        regions = {
          for other, _ in local.regions : other => [
            other == name ? "http://pcicloud-${other}-region.pcicloud.svc.cluster.local/" : "https://${local.regional_host[other]}/"
          ]
        }
        ingress = {
          host       = local.edge_host[name]
          extraHosts = [local.regional_host[name]]
        }
      }
      keyVaultSecrets = local.key_vault_secrets[name]
    })
  }
}
