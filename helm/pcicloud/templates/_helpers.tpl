{{/*
Names and labels, after the `helm create` skeleton. Component helpers take a dict:
  (dict "root" $ "component" "region")
*/}}

{{- define "pcicloud.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name; truncated at 63 chars (DNS naming limit). */}}
{{- define "pcicloud.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "pcicloud.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "pcicloud.labels" -}}
helm.sh/chart: {{ include "pcicloud.chart" . }}
{{ include "pcicloud.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: pcicloud
{{- end }}

{{- define "pcicloud.selectorLabels" -}}
app.kubernetes.io/name: {{ include "pcicloud.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "pcicloud.componentFullname" -}}
{{- printf "%s-%s" (include "pcicloud.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "pcicloud.componentLabels" -}}
{{ include "pcicloud.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "pcicloud.componentSelectorLabels" -}}
{{ include "pcicloud.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Image reference of a component: (dict "root" $ "image" .Values.region.image). A digest (the
workflow publishes one per image and tag) wins over the tag: registry/repository@sha256:...
*/}}
{{- define "pcicloud.image" -}}
{{- if .image.digest }}
{{- printf "%s/%s@%s" .root.Values.image.registry .image.repository .image.digest }}
{{- else }}
{{- printf "%s/%s:%s" .root.Values.image.registry .image.repository (default .root.Chart.AppVersion .root.Values.image.tag) }}
{{- end }}
{{- end }}

{{- define "pcicloud.imagePullSecrets" -}}
{{- with .Values.image.pullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end }}

{{/* The region this release serves; fails early on a missing or unknown name. */}}
{{- define "pcicloud.regionName" -}}
{{- $name := required "regionName is required (us, uk or au)" .Values.regionName }}
{{- if not (has $name (list "us" "uk" "au")) }}
{{- fail (printf "regionName must be us, uk or au, not %q" $name) }}
{{- end }}
{{- $name }}
{{- end }}

{{- define "pcicloud.orleansClusterId" -}}
{{- default (printf "pcicloud-%s" (include "pcicloud.regionName" .)) .Values.orleans.clusterId }}
{{- end }}

{{/*
Orleans settings shared by silos and workers: the ids (Orleans:ServiceId, Orleans:ClusterId;
Orleans Kubernetes hosting is not used, membership is in Redis) and connection TLS. The hosts
load a PKCS#12 keystore (Orleans:Tls:CertificatePath + Orleans:Tls:CertificatePassword) and the
CA (Orleans:Tls:CaCertificatePath): cert-manager writes keystore.p12 and ca.crt into the secret
with spec.keystores.pkcs12. Orleans:Tls:Required is always set here: a deployed host without its
certificate and CA refuses to start (orleans.tls.enabled=false makes the pods fail, never plaintext).
*/}}
{{- define "pcicloud.orleansEnv" -}}
- name: Orleans__Tls__Required
  value: "true"
- name: Orleans__ServiceId
  value: {{ .Values.orleans.serviceId | quote }}
- name: Orleans__ClusterId
  value: {{ include "pcicloud.orleansClusterId" . | quote }}
{{- if and .Values.orleans.tls.enabled .Values.keyVaultSecrets.enabled }}
{{- /* From Key Vault through the CSI driver: the certificate's PFX (no password) and the CA's PEM. */}}
- name: Orleans__Tls__CertificatePath
  value: /etc/pcicloud/secrets/keystore.p12
- name: Orleans__Tls__CaCertificatePath
  value: /etc/pcicloud/secrets/ca.crt
{{- else if .Values.orleans.tls.enabled }}
- name: Orleans__Tls__CertificatePath
  value: /etc/pcicloud/orleans-tls/{{ .Values.orleans.tls.keystoreKey }}
- name: Orleans__Tls__CertificatePassword
  valueFrom:
    secretKeyRef:
      name: {{ required "orleans.tls.keystorePassword.existingSecret is required when orleans.tls.enabled" .Values.orleans.tls.keystorePassword.existingSecret }}
      key: {{ .Values.orleans.tls.keystorePassword.existingSecretKey }}
- name: Orleans__Tls__CaCertificatePath
  value: /etc/pcicloud/orleans-tls/ca.crt
{{- end }}
{{- end }}

{{/*
Environment every host gets: the HTTP address and telemetry. "Urls" (not ASPNETCORE_HTTP_PORTS):
the edge's appsettings.json sets Urls to a loopback address, and Urls wins over HTTP_PORTS; an
environment variable wins over appsettings.json. With "metricsPort" in the context the host also
listens there and serves Prometheus' /metrics on that port only (Metrics:Port).
*/}}
{{- define "pcicloud.commonEnv" -}}
{{- if hasKey . "metricsPort" }}
- name: Urls
  value: {{ printf "http://+:8080;http://+:%d" (int .metricsPort) | quote }}
- name: Metrics__Port
  value: {{ .metricsPort | quote }}
{{- else }}
- name: Urls
  value: "http://+:8080"
{{- end }}
- name: OTEL_SERVICE_NAME
  value: {{ printf "pcicloud-%s" .component | quote }}
- name: OTEL_RESOURCE_ATTRIBUTES
  value: {{ printf "deployment.environment=%s,service.namespace=pcicloud" .root.Values.environment | quote }}
{{- with .root.Values.otel.endpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- end }}

{{/*
Volumes every pod gets: a writable /tmp (the root file system is read-only), then either the
component's Key Vault secrets (Secrets Store CSI driver; mounting them is also what syncs the
Kubernetes secrets the env refers to) or the Orleans TLS secret made by hand or by cert-manager.
(dict "root" $ "tls" true "component" "region")
*/}}
{{- define "pcicloud.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: 64Mi
{{- if .root.Values.keyVaultSecrets.enabled }}
- name: secrets
  csi:
    driver: secrets-store.csi.k8s.io
    readOnly: true
    volumeAttributes:
      secretProviderClass: {{ include "pcicloud.componentFullname" . }}
{{- else if and .tls .root.Values.orleans.tls.enabled }}
- name: orleans-tls
  secret:
    secretName: {{ .root.Values.orleans.tls.existingSecret }}
    defaultMode: 0440
{{- end }}
{{- end }}

{{- define "pcicloud.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if .root.Values.keyVaultSecrets.enabled }}
- name: secrets
  mountPath: /etc/pcicloud/secrets
  readOnly: true
{{- else if and .tls .root.Values.orleans.tls.enabled }}
- name: orleans-tls
  mountPath: /etc/pcicloud/orleans-tls
  readOnly: true
{{- end }}
{{- end }}

{{/*
A component's SecretProviderClass: the Key Vault objects its pods mount (and nothing else), and the
Kubernetes secrets synced from them for env valueFrom. (dict "root" $ "component" "region" "redis" true "adminKey" true "tls" true)
*/}}
{{- define "pcicloud.secretProviderClass" -}}
{{- $kv := .root.Values.keyVaultSecrets }}
{{- $tls := and .tls .root.Values.orleans.tls.enabled }}
apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata:
  name: {{ include "pcicloud.componentFullname" . }}
  labels:
    {{- include "pcicloud.componentLabels" . | nindent 4 }}
spec:
  provider: azure
  parameters:
    # Workload identity: the pod's ServiceAccount token is exchanged for this identity, which may
    # read only the region's platform vault (terraform: secrets_reader_client_id).
    usePodIdentity: "false"
    clientID: {{ required "keyVaultSecrets.clientId is required (terraform output secrets_reader_client_id)" $kv.clientId | quote }}
    keyvaultName: {{ required "keyVaultSecrets.vaultName is required (terraform output platform_key_vault_name)" $kv.vaultName | quote }}
    tenantId: {{ required "keyVaultSecrets.tenantId is required (terraform output tenant_id)" $kv.tenantId | quote }}
    objects: |
      array:
        {{- if .redis }}
        - |
          objectName: {{ $kv.objects.redisConnectionString }}
          objectType: secret
          objectAlias: redis-connection-string
        {{- end }}
        {{- if .adminKey }}
        - |
          objectName: {{ $kv.objects.platformAdminKey }}
          objectType: secret
          objectAlias: platform-admin-key
        {{- end }}
        {{- if $tls }}
        - |
          objectName: {{ $kv.objects.orleansTls }}
          objectType: secret
          objectFormat: pfx
          objectEncoding: base64
          objectAlias: keystore.p12
        - |
          objectName: {{ $kv.objects.orleansCa }}
          objectType: secret
          objectAlias: ca.crt
        {{- end }}
  secretObjects:
    {{- if .redis }}
    - secretName: {{ .root.Values.redis.existingSecret }}
      type: Opaque
      data:
        - objectName: redis-connection-string
          key: {{ .root.Values.redis.existingSecretKey }}
    {{- end }}
    {{- if .adminKey }}
    - secretName: {{ .adminKeySecret.existingSecret }}
      type: Opaque
      data:
        - objectName: platform-admin-key
          key: {{ .adminKeySecret.existingSecretKey }}
    {{- end }}
{{- end }}

{{/* HTTP probes on the ServiceDefaults endpoints: /alive (process) and /health (ready). */}}
{{- define "pcicloud.probes" -}}
startupProbe:
  httpGet:
    path: /alive
    port: http
  periodSeconds: 2
  failureThreshold: 60
livenessProbe:
  httpGet:
    path: /alive
    port: http
  periodSeconds: 10
  timeoutSeconds: 2
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /health
    port: http
  periodSeconds: 5
  timeoutSeconds: 2
  failureThreshold: 2
{{- end }}

{{/* NetworkPolicy egress rules every pod gets: DNS and the OpenTelemetry collector. */}}
{{- define "pcicloud.baseEgress" -}}
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
  ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: {{ .Values.networkPolicy.otelCollectorNamespace }}
  ports:
    - protocol: TCP
      port: 4317
    - protocol: TCP
      port: 4318
{{- end }}

{{- define "pcicloud.fromIngressController" -}}
- namespaceSelector:
    matchLabels:
      kubernetes.io/metadata.name: {{ .Values.networkPolicy.ingressControllerNamespace }}
{{- end }}

{{/* A component's Ingress: (dict "root" $ "component" "edge" "ingress" .Values.edge.ingress "port" 80) */}}
{{- define "pcicloud.ingress" -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "pcicloud.componentFullname" . }}
  labels:
    {{- include "pcicloud.componentLabels" . | nindent 4 }}
  {{- with .ingress.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  ingressClassName: {{ .ingress.className }}
  {{- $hosts := concat (list (required "ingress.host is required when ingress is enabled" .ingress.host)) (default (list) .ingress.extraHosts) }}
  {{- with .ingress.tlsSecret }}
  tls:
    - hosts:
        {{- range $hosts }}
        - {{ . | quote }}
        {{- end }}
      secretName: {{ . }}
  {{- end }}
  rules:
    {{- range $hosts }}
    - host: {{ . | quote }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ include "pcicloud.componentFullname" $ }}
                port:
                  number: {{ $.port }}
    {{- end }}
{{- end }}

{{- define "pcicloud.region.serviceAccountName" -}}
{{- if .Values.region.serviceAccount.create }}
{{- default (include "pcicloud.componentFullname" (dict "root" . "component" "region")) .Values.region.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.region.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* A CPU HorizontalPodAutoscaler: (dict "root" $ "component" "edge" "autoscaling" .Values.edge.autoscaling) */}}
{{- define "pcicloud.hpa" -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "pcicloud.componentFullname" . }}
  labels:
    {{- include "pcicloud.componentLabels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "pcicloud.componentFullname" . }}
  minReplicas: {{ .autoscaling.minReplicas }}
  maxReplicas: {{ .autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .autoscaling.targetCPUUtilizationPercentage }}
    {{- with .podsMetric }}
    # A per-pod custom metric (served by prometheus-adapter); the HPA takes the larger of the two proposals.
    - type: Pods
      pods:
        metric:
          name: {{ .name }}
        target:
          type: AverageValue
          averageValue: {{ .averageValue | quote }}
    {{- end }}
  behavior:
    scaleDown:
      stabilizationWindowSeconds: {{ default 300 .autoscaling.scaleDownStabilizationSeconds }}
      policies:
        - type: Pods
          value: 1
          periodSeconds: 120
{{- end }}

{{/* A PodDisruptionBudget: (dict "root" $ "component" "edge" "pdb" .Values.edge.pdb) */}}
{{- define "pcicloud.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "pcicloud.componentFullname" . }}
  labels:
    {{- include "pcicloud.componentLabels" . | nindent 4 }}
spec:
  {{- if hasKey .pdb "minAvailable" }}
  minAvailable: {{ .pdb.minAvailable }}
  {{- else }}
  maxUnavailable: {{ .pdb.maxUnavailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "pcicloud.componentSelectorLabels" . | nindent 6 }}
{{- end }}
