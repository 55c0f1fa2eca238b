# The region's network: AKS nodes, the media nodes (public, RTP only) and private endpoints
# for Key Vault and Redis, which have no public data path.

locals {
  subnet_nodes             = cidrsubnet(var.address_space, 4, 0)  # /20
  subnet_media             = cidrsubnet(var.address_space, 4, 1)  # /20
  subnet_private_endpoints = cidrsubnet(var.address_space, 8, 32) # /24
}

resource "azurerm_virtual_network" "this" {
  name                = "vnet-${local.suffix}"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  address_space       = [var.address_space]
  tags                = local.tags
}

resource "azurerm_subnet" "nodes" {
  name                 = "snet-nodes"
  resource_group_name  = azurerm_resource_group.this.name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [local.subnet_nodes]
}

resource "azurerm_subnet" "media" {
  name                 = "snet-media"
  resource_group_name  = azurerm_resource_group.this.name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [local.subnet_media]
}

resource "azurerm_subnet" "private_endpoints" {
  name                 = "snet-private-endpoints"
  resource_group_name  = azurerm_resource_group.this.name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [local.subnet_private_endpoints]
}

# Media nodes have instance-level public IPs, so the Internet reaches them directly: this NSG
# lets in only RTP on the workers' port range, from the allowed sources. NetworkPolicies in the
# cluster filter again per pod.
resource "azurerm_network_security_group" "media" {
  name                = "nsg-${local.suffix}-media"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags

  security_rule {
    name                       = "allow-rtp"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Udp"
    source_port_range          = "*"
    destination_port_range     = "${var.media_rtp_port_range.start}-${var.media_rtp_port_range.end}"
    source_address_prefixes    = var.media_allowed_source_cidrs
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "deny-internet"
    priority                   = 4000
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}

resource "azurerm_subnet_network_security_group_association" "media" {
  subnet_id                 = azurerm_subnet.media.id
  network_security_group_id = azurerm_network_security_group.media.id
}

# The media nodes' public addresses: one prefix, so tenants allow-list a single range.
resource "azurerm_public_ip_prefix" "media" {
  name                = "ippre-${local.suffix}-media"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  prefix_length       = var.media_public_ip_prefix_length
  zones               = var.availability_zones
  tags                = local.tags
}

# The static address of the cluster's default ingress controller: the edge only, behind Front
# Door (the nodes NSG below lets in nobody else).
resource "azurerm_public_ip" "ingress" {
  name                = "pip-${local.suffix}-ingress"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = var.availability_zones
  tags                = local.tags
}

# The second ingress controller's address (the chart's pcicloud-media class): WebSocket media
# streams from tenants' platforms, which do not pass through Front Door.
resource "azurerm_public_ip" "media_ingress" {
  name                = "pip-${local.suffix}-media-ingress"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = var.availability_zones
  tags                = local.tags
}

# The nodes subnet: HTTPS reaches the edge's ingress address from Front Door's back end only (its
# service tag; the edge also checks X-Azure-FDID, since other Front Door profiles share the tag),
# and the media ingress address from the allowed media sources only. AKS's load balancer keeps the
# frontend address as destination (floating IP), so these rules name it.
resource "azurerm_network_security_group" "nodes" {
  name                = "nsg-${local.suffix}-nodes"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags

  security_rule {
    name                       = "allow-front-door-to-edge"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "AzureFrontDoor.Backend"
    destination_address_prefix = azurerm_public_ip.ingress.ip_address
  }

  security_rule {
    name                       = "allow-media-websockets"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefixes    = var.media_allowed_source_cidrs
    destination_address_prefix = azurerm_public_ip.media_ingress.ip_address
  }

  security_rule {
    name                       = "deny-internet"
    priority                   = 4000
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}

resource "azurerm_subnet_network_security_group_association" "nodes" {
  subnet_id                 = azurerm_subnet.nodes.id
  network_security_group_id = azurerm_network_security_group.nodes.id
}

resource "azurerm_private_dns_zone" "this" {
  for_each            = toset(["privatelink.vaultcore.azure.net", "privatelink.redis.azure.net"])
  name                = each.key
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "this" {
  for_each              = azurerm_private_dns_zone.this
  name                  = "link-${local.suffix}"
  resource_group_name   = azurerm_resource_group.this.name
  private_dns_zone_name = each.value.name
  virtual_network_id    = azurerm_virtual_network.this.id
  tags                  = local.tags
}
