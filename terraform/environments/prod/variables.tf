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
