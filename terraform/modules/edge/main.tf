# The global entry point https://api.<domain>: Azure Front Door (anycast, TLS, WAF) in front of
# the YARP edge that runs in every regional cluster.
#
# Why Front Door plus our own edge, and not one or the other:
# - Front Door alone cannot route: the region of a request is found from the tenant part of
#   its bearer key or agent token, through a tenant -> region table that changes at runtime
#   (issue 6). That is the YARP edge's job.
# - A separate AKS cluster just for the edge would be a fourth cluster to run and one more
#   place that could fail. Instead the edge is a second helm release in each regional cluster,
#   and Front Door sends each client to the nearest healthy one of the three.
# So a regional outage removes one origin: the other edges keep serving, and only the failed
# region's tenants get 503 (the edge never fails over to another region). No tenant data is
# stored at the edge or in Front Door; requests pass through them in transit only.

resource "azurerm_resource_group" "this" {
  name     = "rg-${var.name_prefix}-edge"
  location = var.location
  tags     = var.tags
}
