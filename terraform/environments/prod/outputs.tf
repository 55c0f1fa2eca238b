output "regions" {
  description = "Per region: the cluster, DNS records and what operators need (docs/DEPLOY.md)."
  value = {
    for name, r in module.region : name => {
      aks_cluster_name        = r.aks_cluster_name
      resource_group_name     = r.resource_group_name
      ingress_public_ip       = r.ingress_public_ip
      media_ingress_public_ip = r.media_ingress_public_ip
      media_public_ip_prefix  = r.media_public_ip_prefix
      platform_key_vault_name = r.platform_key_vault_name
      key_vault_uri           = r.key_vault_uri
    }
  }
}

output "edge" {
  description = "Front Door: CNAME target of api.<domain> and <region>.api.<domain>, and the id the edges check."
  value = {
    endpoint_host_name                = module.edge.endpoint_host_name
    front_door_id                     = module.edge.front_door_id
    custom_domain_validation_token    = module.edge.custom_domain_validation_token
    regional_domain_validation_tokens = module.edge.regional_domain_validation_tokens
  }
}

# The helm values terraform knows, one document per release: helm's -f takes them beside the
# hand-written values-<region>.yaml / values-edge.yaml, so no value is typed twice.
#   terraform output -raw helm_values_region_uk > uk.terraform.yaml
output "helm_values_region_us" {
  description = "helm values of release pcicloud-us (region us)."
  value       = local.helm_values_region["us"]
}

output "helm_values_region_uk" {
  description = "helm values of release pcicloud-uk (region uk)."
  value       = local.helm_values_region["uk"]
}

output "helm_values_region_au" {
  description = "helm values of release pcicloud-au (region au)."
  value       = local.helm_values_region["au"]
}

output "helm_values_edge_us" {
  description = "helm values of the edge release in the us cluster."
  value       = local.helm_values_edge["us"]
}

output "helm_values_edge_uk" {
  description = "helm values of the edge release in the uk cluster."
  value       = local.helm_values_edge["uk"]
}

output "helm_values_edge_au" {
  description = "helm values of the edge release in the au cluster."
  value       = local.helm_values_edge["au"]
}
