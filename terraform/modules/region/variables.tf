variable "name" {
  type        = string
  description = "The PciCloud region: us, uk or au. A tenant lives in exactly one of them."
  nullable    = false

  validation {
    condition     = contains(["us", "uk", "au"], var.name)
    error_message = "name must be one of us, uk, au."
  }
}

variable "location" {
  type        = string
  description = "Azure location of every resource of the region. It must lie in the region's own geography (data residency)."
  nullable    = false

  validation {
    condition = contains(lookup({
      us = ["eastus", "eastus2", "centralus", "westus2", "westus3"]
      uk = ["uksouth", "ukwest"]
      au = ["australiaeast", "australiasoutheast"]
    }, var.name, []), var.location)
    error_message = "location must be an Azure location inside the region's geography (us: eastus, eastus2, centralus, westus2, westus3; uk: uksouth, ukwest; au: australiaeast, australiasoutheast)."
  }
}

variable "name_prefix" {
  type        = string
  default     = "pcicloud"
  description = "Prefix of every resource name."

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,11}$", var.name_prefix))
    error_message = "name_prefix must be 2-12 lower-case letters and digits, starting with a letter (Key Vault names are at most 24 characters)."
  }
}

variable "address_space" {
  type        = string
  description = "The region's virtual network, a /16 (split into node, media and private-endpoint subnets)."

  validation {
    condition     = can(cidrnetmask(var.address_space)) && endswith(var.address_space, "/16")
    error_message = "address_space must be an IPv4 CIDR block of size /16."
  }
}

variable "availability_zones" {
  type        = list(string)
  default     = ["1", "2", "3"]
  description = "Availability zones of the node pools and zonal resources."
}

variable "kubernetes_version" {
  type        = string
  default     = "1.33"
  nullable    = false
  description = "AKS Kubernetes version (major.minor), pinned: Cilium's version follows it, and AKS 1.31+ ships a Cilium (1.16+) that enforces NetworkPolicy port ranges (the chart's networkPolicy.portRanges). Patches are applied automatically."

  validation {
    condition     = can(regex("^1\\.[0-9]+$", var.kubernetes_version)) && try(tonumber(split(".", var.kubernetes_version)[1]) >= 31, false)
    error_message = "kubernetes_version must be major.minor, 1.31 or later (Cilium 1.16+, which enforces NetworkPolicy endPort)."
  }
}

variable "api_server_private" {
  type        = bool
  default     = false
  description = "Private API server (reached only from the VNet or peered networks). Otherwise it is public to api_server_authorized_ip_ranges only."
}

variable "api_server_authorized_ip_ranges" {
  type        = list(string)
  default     = []
  description = "Ranges allowed to reach a public API server (operators, the deployment runner). Required unless api_server_private."

  validation {
    condition     = var.api_server_private || (length(var.api_server_authorized_ip_ranges) > 0 && alltrue([for c in var.api_server_authorized_ip_ranges : can(cidrnetmask(c)) && c != "0.0.0.0/0"]))
    error_message = "A public API server needs api_server_authorized_ip_ranges: IPv4 CIDR blocks, not 0.0.0.0/0 (or set api_server_private)."
  }
}

variable "operator_object_ids" {
  type        = list(string)
  default     = []
  description = "Entra ID object ids (ops groups) that run helm: cluster user role, and the PciCloud helm operator role in the release namespaces only."
}

variable "log_retention_days" {
  type        = number
  default     = 90
  description = "Retention of the region's Log Analytics workspace."

  validation {
    condition     = var.log_retention_days >= 30 && var.log_retention_days <= 730
    error_message = "log_retention_days must be between 30 and 730."
  }
}

variable "node_pools" {
  type = object({
    system = object({ vm_size = string, min_count = number, max_count = number })
    apps   = object({ vm_size = string, min_count = number, max_count = number })
    media  = object({ vm_size = string, min_count = number, max_count = number })
  })
  default = {
    system = { vm_size = "Standard_D4ds_v5", min_count = 3, max_count = 5 }
    apps   = { vm_size = "Standard_D8ds_v5", min_count = 3, max_count = 12 }
    media  = { vm_size = "Standard_F8s_v2", min_count = 2, max_count = 16 }
  }
  description = "Node pools: system (AKS add-ons), apps (region silos, edge), media (one masking worker per node, public IPs)."

  validation {
    condition     = alltrue([for p in values(var.node_pools) : p.min_count >= 1 && p.min_count <= p.max_count])
    error_message = "Every node pool needs 1 <= min_count <= max_count."
  }
}

variable "media_public_ip_prefix_length" {
  type        = number
  default     = 28
  description = "Size of the public IP prefix of the media nodes (tenants allow-list this range); /28 gives 16 nodes."

  validation {
    condition     = var.media_public_ip_prefix_length >= 24 && var.media_public_ip_prefix_length <= 31
    error_message = "media_public_ip_prefix_length must be between 24 and 31."
  }
}

variable "media_rtp_port_range" {
  type        = object({ start = number, end = number })
  default     = { start = 40000, end = 40999 }
  description = "UDP port range of the masking workers (helm maskingWorker.media.rtpPortRange); opened in the media subnet's NSG."

  validation {
    condition     = var.media_rtp_port_range.start >= 1024 && var.media_rtp_port_range.start <= var.media_rtp_port_range.end && var.media_rtp_port_range.end <= 65535
    error_message = "media_rtp_port_range needs 1024 <= start <= end <= 65535."
  }
}

variable "media_allowed_source_cidrs" {
  type        = list(string)
  default     = ["0.0.0.0/0"]
  description = "Sources allowed to send RTP to the media nodes (tenants' telephony platforms, or Internet)."

  validation {
    condition     = length(var.media_allowed_source_cidrs) > 0 && alltrue([for c in var.media_allowed_source_cidrs : can(cidrnetmask(c))])
    error_message = "media_allowed_source_cidrs must be a non-empty list of IPv4 CIDR blocks."
  }
}

variable "redis_sku" {
  type        = string
  default     = "Balanced_B5"
  description = "Azure Managed Redis SKU (Orleans membership, grain state, reminders; never card data)."

  validation {
    condition     = can(regex("^(Balanced_B|ComputeOptimized_X|MemoryOptimized_M)[0-9]+$", var.redis_sku))
    error_message = "redis_sku must be a Balanced_B*, ComputeOptimized_X* or MemoryOptimized_M* SKU."
  }
}

variable "kubernetes_namespace" {
  type        = string
  default     = "pcicloud"
  description = "Namespace of the region's helm release."
}

variable "edge_namespace" {
  type        = string
  default     = "pcicloud-edge"
  description = "Namespace of the edge's helm release (release name pcicloud) in this cluster."
}

variable "region_service_account_name" {
  type        = string
  default     = null
  description = "ServiceAccount of the region's silos (federated with the workload identity); null means the chart's default pcicloud-<name>-region."
}

variable "key_vault_admin_object_ids" {
  type        = list(string)
  default     = []
  description = "Entra ID object ids (ops groups) that may manage the Key Vault's secrets."
}

variable "key_vault_allowed_ip_ranges" {
  type        = list(string)
  default     = []
  description = "Public ranges (e.g. the deployment runner) allowed to reach the Key Vault besides the private endpoint."

  validation {
    condition     = alltrue([for c in var.key_vault_allowed_ip_ranges : can(cidrnetmask(c))])
    error_message = "key_vault_allowed_ip_ranges must be IPv4 CIDR blocks."
  }
}

variable "tags" {
  type        = map(string)
  default     = {}
  description = "Tags added to every resource."
}
