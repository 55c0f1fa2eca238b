"""Stand-in for `helm template` + `helm lint` where helm is not installed (needs go, python3-yaml, jsonschema,
node + `npm ci` here for kubernetes-models): renders the chart with main.go for each release's values
(schema-validated first) and checks the output: valid YAML, every object valid against Kubernetes' own
schemas (validate.mjs), no duplicate env, every env var a key the hosts read (READ, kept in step with
docs/CONFIGURATION.md) and the keys each pod needs (NEEDED), plus the refusals the templates promise.
    cd helm/tools/template-check && npm ci && go build -o /tmp/pcicloud-render . && python3 check.py
tests/PciCloud.Deployment.Tests runs it (ChartRenderingTests) in the suite.
"""
import copy, json, os, subprocess, sys, tempfile, yaml, jsonschema
HERE = os.path.dirname(os.path.abspath(__file__))
CHART = os.environ.get('PCICLOUD_CHART', os.path.join(HERE, '..', '..', 'pcicloud'))
RENDER = os.environ.get('PCICLOUD_RENDER', '/tmp/pcicloud-render')
VALUES_JSON = os.path.join(tempfile.mkdtemp(prefix='pcicloud-render-'), 'values.json')

def merge(base, over):
    out = copy.deepcopy(base)
    for k, v in over.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else copy.deepcopy(v)
    return out

READ = {  # keys each host reads (from the source audit)
    'region': {'Urls', 'OTEL_SERVICE_NAME', 'OTEL_RESOURCE_ATTRIBUTES', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'Region__Name',
               'Redis__ConnectionString', 'Orleans__ServiceId', 'Orleans__ClusterId', 'Orleans__SiloPort', 'Orleans__GatewayPort',
               'Orleans__AdvertisedIP', 'Orleans__Tls__CertificatePath', 'Orleans__Tls__CertificatePassword',
               'Orleans__Tls__CaCertificatePath', 'KeyVault__Uri', 'Region__PlatformAdminKey', 'Region__PublicBaseUrl'},
    'masking-worker': {'Urls', 'OTEL_SERVICE_NAME', 'OTEL_RESOURCE_ATTRIBUTES', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'ConnectionStrings__redis',
               'Orleans__ServiceId', 'Orleans__ClusterId', 'Orleans__Tls__CertificatePath', 'Orleans__Tls__CertificatePassword',
               'Orleans__Tls__CaCertificatePath', 'MaskingWorker__WorkerId', 'MaskingWorker__RtpBindAddress', 'MaskingWorker__RtpPortStart',
               'MaskingWorker__RtpPortEnd', 'MaskingWorker__MaxStreams', 'MaskingWorker__WebSocketBaseUrl',
               'MaskingWorker__AdvertisedRtpHost', 'MaskingWorker__AdvertisedRtpHostSource',
               'DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS'},  # read by the .NET runtime's socket engine
    'edge': {'Urls', 'OTEL_SERVICE_NAME', 'OTEL_RESOURCE_ATTRIBUTES', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'Edge__PlatformAdminKey',
             'Edge__TenantRefreshSeconds'},
}
NEEDED = {
    'region': {'Region__Name', 'Redis__ConnectionString', 'Orleans__ServiceId', 'Orleans__ClusterId', 'KeyVault__Uri', 'Region__PlatformAdminKey', 'Urls'},
    'masking-worker': {'ConnectionStrings__redis', 'Orleans__ServiceId', 'Orleans__ClusterId', 'MaskingWorker__RtpBindAddress',
                       'MaskingWorker__RtpPortStart', 'MaskingWorker__RtpPortEnd', 'MaskingWorker__MaxStreams', 'MaskingWorker__WebSocketBaseUrl', 'Urls'},
    'edge': {'Edge__PlatformAdminKey', 'Urls'},
}

def kube_validate(name, docs):
    """Every object against Kubernetes' schemas (kubernetes-models, see validate.mjs)."""
    r = subprocess.run(['node', os.path.join(HERE, 'validate.mjs')], input=json.dumps(docs), capture_output=True, text=True, cwd=HERE)
    assert r.returncode == 0, (name, 'objects invalid against the Kubernetes schemas', r.stdout + r.stderr)

def render(name, overlays, expect_error=None):
    values = yaml.safe_load(open(f'{CHART}/values.yaml'))
    for o in overlays:
        values = merge(values, yaml.safe_load(open(f'{CHART}/{o}')) if isinstance(o, str) else o)
    jsonschema.validate(values, json.load(open(f'{CHART}/values.schema.json')))
    json.dump(values, open(VALUES_JSON, 'w'))
    r = subprocess.run([RENDER, CHART, VALUES_JSON], capture_output=True, text=True)
    if expect_error:
        assert r.returncode != 0 and expect_error in r.stderr, (name, r.returncode, r.stderr[-500:])
        print(f'ok   {name}: refused as expected ({expect_error})')
        return None
    assert r.returncode == 0, (name, r.stderr)
    docs = [d for d in yaml.safe_load_all(r.stdout) if d]
    kube_validate(name, docs)
    envs = {}
    for d in docs:
        if d['kind'] == 'Deployment':
            comp = d['metadata']['labels']['app.kubernetes.io/component']
            c = d['spec']['template']['spec']['containers'][0]
            names = [e['name'] for e in c['env']]
            assert len(names) == len(set(names)), (name, comp, 'duplicate env', names)
            read = READ[comp]
            unread = [n for n in names if n not in read and not (comp == 'edge' and n.startswith('Edge__Regions__'))]
            assert not unread, (name, comp, 'env the host does not read', unread)
            missing = NEEDED[comp] - set(names)
            assert not missing, (name, comp, 'missing', missing)
            envs[comp] = {e['name']: e.get('value', e.get('valueFrom')) for e in c['env']}
    print(f'ok   {name}: {len(docs)} objects, ' + ', '.join(f'{k} {len(v)} env' for k, v in envs.items()))
    return docs, envs, r.stderr

if __name__ == '__main__':
    docs, envs, notes = render('us', ['values-us.yaml'])
    w = envs['masking-worker']
    assert w['MaskingWorker__AdvertisedRtpHostSource'] == 'azure-imds' and 'MaskingWorker__AdvertisedRtpHost' not in w
    assert w['MaskingWorker__WebSocketBaseUrl'] == 'wss://media.us.api.example.com', w['MaskingWorker__WebSocketBaseUrl']
    assert w['MaskingWorker__RtpBindAddress'] == '0.0.0.0' and w['MaskingWorker__RtpPortStart'] == '40000' and w['MaskingWorker__RtpPortEnd'] == '40999'
    assert w['Orleans__ClusterId'] == 'pcicloud-us' and envs['region']['Orleans__ClusterId'] == 'pcicloud-us'
    assert envs['region']['Region__PublicBaseUrl'] == 'https://us.api.example.com'
    assert envs['region']['Orleans__AdvertisedIP'] == {'fieldRef': {'fieldPath': 'status.podIP'}}
    assert not any(d['kind'] in ('Role', 'RoleBinding') for d in docs)
    render('uk', ['values-uk.yaml'])
    render('au', ['values-au.yaml'])
    _, envs, _ = render('edge', ['values-edge.yaml'])
    assert envs['edge']['Edge__Regions__uk__0'] == 'https://uk.api.example.com/'
    _, envs, _ = render('uk hostIP, no TLS, no ingress, explicit ws url', ['values-uk.yaml', {
        'orleans': {'tls': {'enabled': False}}, 'region': {'ingress': {'enabled': False}},
        'maskingWorker': {'media': {'publicHostFrom': 'hostIP'}, 'ingress': {'enabled': False}, 'webSocketBaseUrl': 'wss://media.internal.example'}}])
    assert envs['masking-worker']['MaskingWorker__AdvertisedRtpHost'] == {'fieldRef': {'fieldPath': 'status.hostIP'}}
    assert not any(k.startswith('Orleans__Tls') for k in envs['region']) and 'Region__PublicBaseUrl' not in envs['region']
    _, envs, _ = render('uk loadBalancer + value', ['values-uk.yaml', {'maskingWorker': {'replicaCount': 1, 'autoscaling': {'enabled': False},
        'media': {'exposure': 'loadBalancer', 'publicHostFrom': 'value', 'publicHost': '203.0.113.5', 'rtpPortRange': {'start': 40000, 'end': 40009}, 'maxStreams': 10}}}])
    assert envs['masking-worker']['MaskingWorker__AdvertisedRtpHost'] == '203.0.113.5'
    render('no ingress, no ws url', ['values-uk.yaml', {'maskingWorker': {'ingress': {'enabled': False}}}], expect_error='webSocketBaseUrl is required')
    render('value without publicHost', ['values-uk.yaml', {'maskingWorker': {'media': {'publicHostFrom': 'value'}}}], expect_error='publicHost is required')
    render('defaults (no region)', [], expect_error='regionName is required')
