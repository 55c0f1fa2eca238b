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

{{/* Image reference of a component: (dict "root" $ "image" .Values.region.image) */}}
{{- define "pcicloud.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .image.repository (default .root.Chart.AppVersion .root.Values.image.tag) }}
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
{{- if .Values.orleans.tls.enabled }}
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
environment variable wins over appsettings.json.
*/}}
{{- define "pcicloud.commonEnv" -}}
- name: Urls
  value: "http://+:8080"
- name: OTEL_SERVICE_NAME
  value: {{ printf "pcicloud-%s" .component | quote }}
- name: OTEL_RESOURCE_ATTRIBUTES
  value: {{ printf "deployment.environment=%s,service.namespace=pcicloud" .root.Values.environment | quote }}
{{- with .root.Values.otel.endpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- end }}

{{/* Volumes every pod gets: a writable /tmp (the root file system is read-only), Orleans TLS. */}}
{{- define "pcicloud.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: 64Mi
{{- if and .tls .root.Values.orleans.tls.enabled }}
- name: orleans-tls
  secret:
    secretName: {{ .root.Values.orleans.tls.existingSecret }}
    defaultMode: 0440
{{- end }}
{{- end }}

{{- define "pcicloud.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if and .tls .root.Values.orleans.tls.enabled }}
- name: orleans-tls
  mountPath: /etc/pcicloud/orleans-tls
  readOnly: true
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
  {{- with .ingress.tlsSecret }}
  tls:
    - hosts: [{{ required "ingress.host is required when ingress is enabled" $.ingress.host | quote }}]
      secretName: {{ . }}
  {{- end }}
  rules:
    - host: {{ required "ingress.host is required when ingress is enabled" .ingress.host | quote }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ include "pcicloud.componentFullname" . }}
                port:
                  number: {{ .port }}
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
