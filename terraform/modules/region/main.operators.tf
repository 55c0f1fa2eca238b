# Operators run helm against the cluster with Entra ID (no local accounts): the cluster user role
# to get credentials, and in the release namespaces only, a role with exactly what the chart
# creates plus helm's own release records (Secrets of type helm.sh/release.v1). No cluster-wide
# rights, no RBAC objects, no exec into pods.

resource "azurerm_role_definition" "helm_operator" {
  name        = "PciCloud helm operator (${local.suffix})"
  scope       = azurerm_kubernetes_cluster.this.id
  description = "Install, upgrade and roll back the PciCloud helm releases in their namespaces."

  permissions {
    data_actions = [
      for resource in [
        "apps/deployments", "apps/replicasets", "autoscaling/horizontalpodautoscalers", "policy/poddisruptionbudgets",
        "networking.k8s.io/networkpolicies", "networking.k8s.io/ingresses", "services", "serviceaccounts", "secrets", "configmaps",
        "secrets-store.csi.x-k8s.io/secretproviderclasses",
      ] : "Microsoft.ContainerService/managedClusters/${resource}/*"
    ]
    not_data_actions = []
  }

  assignable_scopes = [azurerm_kubernetes_cluster.this.id]
}

resource "azurerm_role_definition" "helm_observer" {
  name        = "PciCloud release observer (${local.suffix})"
  scope       = azurerm_kubernetes_cluster.this.id
  description = "Watch the PciCloud pods roll out: pods, their logs and events, read only."

  permissions {
    data_actions = [
      "Microsoft.ContainerService/managedClusters/pods/read",
      "Microsoft.ContainerService/managedClusters/pods/log/read",
      "Microsoft.ContainerService/managedClusters/events/read",
      "Microsoft.ContainerService/managedClusters/events.k8s.io/events/read",
      "Microsoft.ContainerService/managedClusters/namespaces/read",
    ]
  }

  assignable_scopes = [azurerm_kubernetes_cluster.this.id]
}

resource "azurerm_role_assignment" "operators_cluster_user" {
  for_each             = toset(var.operator_object_ids)
  scope                = azurerm_kubernetes_cluster.this.id
  role_definition_name = "Azure Kubernetes Service Cluster User Role"
  principal_id         = each.key
}

resource "azurerm_role_assignment" "operators_helm" {
  for_each = { for pair in setproduct(var.operator_object_ids, [var.kubernetes_namespace, var.edge_namespace]) : "${pair[0]}/${pair[1]}" => pair }

  scope              = "${azurerm_kubernetes_cluster.this.id}/namespaces/${each.value[1]}"
  role_definition_id = azurerm_role_definition.helm_operator.role_definition_resource_id
  principal_id       = each.value[0]
}

resource "azurerm_role_assignment" "operators_observe" {
  for_each = { for pair in setproduct(var.operator_object_ids, [var.kubernetes_namespace, var.edge_namespace]) : "${pair[0]}/${pair[1]}" => pair }

  scope              = "${azurerm_kubernetes_cluster.this.id}/namespaces/${each.value[1]}"
  role_definition_id = azurerm_role_definition.helm_observer.role_definition_resource_id
  principal_id       = each.value[0]
}
