variable "subscription_id" {
  type        = string
  description = "Azure subscription of the production environment."

  validation {
    condition     = can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", var.subscription_id))
    error_message = "subscription_id must be a GUID."
  }
}

variable "dns_domain" {
  type        = string
  description = "The API domain: regions are <region>.api.<dns_domain>, the global edge api.<dns_domain>."
}

variable "key_vault_admin_object_ids" {
  type        = list(string)
  default     = []
  description = "Entra ID object ids (ops groups) that manage the regions' secrets."
}

variable "tags" {
  type        = map(string)
  default     = { environment = "prod", product = "pcicloud" }
  description = "Tags added to every resource."
}

variable "kubernetes_version" {
  type        = string
  default     = "1.33"
  description = "AKS version of every regional cluster (1.31+: its Cilium enforces NetworkPolicy port ranges)."
}

variable "api_server_private" {
  type        = bool
  default     = false
  description = "Private API servers (then run helm from the VNet); otherwise public to api_server_authorized_ip_ranges only."
}

variable "api_server_authorized_ip_ranges" {
  type        = list(string)
  default     = []
  description = "Ranges that may reach the clusters' API servers (operators, the deployment runner)."
}

variable "key_vault_allowed_ip_ranges" {
  type        = list(string)
  default     = []
  description = "The deployment runner's public range: lets terraform write the Redis connection string into each platform vault."
}

variable "operator_object_ids" {
  type        = list(string)
  default     = []
  description = "Entra ID object ids (ops groups) that run helm in the release namespaces."
}
