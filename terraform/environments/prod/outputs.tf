output "regions" {
  description = "Per region: what the helm release and DNS need (values-<region>.yaml)."
  value = {
    for name, r in module.region : name => {
      aks_cluster_name            = r.aks_cluster_name
      resource_group_name         = r.resource_group_name
      key_vault_uri               = r.key_vault_uri
      workload_identity_client_id = r.workload_identity_client_id
      ingress_public_ip           = r.ingress_public_ip
      media_public_ip_prefix      = r.media_public_ip_prefix
    }
  }
}

output "edge" {
  description = "Front Door: CNAME target for api.<domain>, and the id edge ingresses check."
  value = {
    endpoint_host_name = module.edge.endpoint_host_name
    front_door_id      = module.edge.front_door_id
  }
}
