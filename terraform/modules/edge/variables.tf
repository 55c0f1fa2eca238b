variable "name_prefix" {
  type        = string
  default     = "pcicloud"
  description = "Prefix of every resource name."

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,11}$", var.name_prefix))
    error_message = "name_prefix must be 2-12 lower-case letters and digits, starting with a letter."
  }
}

variable "location" {
  type        = string
  default     = "eastus2"
  description = "Location of the resource group (Front Door itself is global and stores no tenant data)."

  validation {
    condition     = can(regex("^[a-z]+[a-z0-9]*$", var.location))
    error_message = "location must be an Azure location name such as eastus2."
  }
}

variable "origins" {
  type = map(object({
    host_name = string
    priority  = optional(number, 1)
    weight    = optional(number, 1000)
  }))
  description = "The YARP edge in each regional cluster, keyed by region (us, uk, au): its public host name. Front Door sends each client to the nearest healthy one."

  validation {
    condition     = length(var.origins) > 0 && alltrue([for k in keys(var.origins) : contains(["us", "uk", "au"], k)])
    error_message = "origins must be keyed by region name: us, uk or au."
  }

  validation {
    condition     = alltrue([for o in values(var.origins) : can(regex("^[a-z0-9.-]+$", o.host_name)) && o.priority >= 1 && o.priority <= 5])
    error_message = "Each origin needs a lower-case DNS host_name and a priority between 1 and 5."
  }
}

variable "custom_domain" {
  type        = string
  default     = null
  description = "The public API host name, e.g. api.example.com (managed certificate); null serves only the Front Door default domain."
}

variable "regional_domains" {
  type        = map(string)
  default     = {}
  description = "Region -> its own API host name (e.g. uk = uk.api.example.com), routed only to that region's edge origin. Every key must be in origins."

  validation {
    condition     = alltrue([for k, v in var.regional_domains : contains(["us", "uk", "au"], k) && can(regex("^[a-z0-9.-]+$", v))])
    error_message = "regional_domains must be keyed by us, uk or au, with lower-case DNS host names."
  }

  validation {
    condition     = alltrue([for k in keys(var.regional_domains) : contains(keys(var.origins), k)])
    error_message = "Every region of regional_domains needs its edge in origins."
  }
}

variable "log_retention_days" {
  type        = number
  default     = 90
  description = "Retention of the edge's Log Analytics workspace (Front Door logs)."

  validation {
    condition     = var.log_retention_days >= 30 && var.log_retention_days <= 730
    error_message = "log_retention_days must be between 30 and 730."
  }
}

variable "waf_mode" {
  type        = string
  default     = "Prevention"
  description = "WAF mode: Prevention blocks, Detection only logs."

  validation {
    condition     = contains(["Prevention", "Detection"], var.waf_mode)
    error_message = "waf_mode must be Prevention or Detection."
  }
}

variable "rate_limit_per_ip_per_minute" {
  type        = number
  default     = 6000
  description = "Coarse per-client-IP request ceiling at the WAF (abuse guard); per-tenant limits are the edge's and the region's."

  validation {
    condition     = var.rate_limit_per_ip_per_minute >= 100
    error_message = "rate_limit_per_ip_per_minute must be at least 100."
  }
}

variable "tags" {
  type        = map(string)
  default     = {}
  description = "Tags added to every resource."
}
