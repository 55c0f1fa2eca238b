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
    'masking-worker': {'Urls', 'OTEL_SERVICE_NAME', 'OTEL_RESOURCE_ATTRIBUTES', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'Redis__ConnectionString',
               'Orleans__ServiceId', 'Orleans__ClusterId', 'Orleans__Tls__CertificatePath', 'Orleans__Tls__CertificatePassword',
               'Orleans__Tls__CaCertificatePath', 'MaskingWorker__WorkerId', 'MaskingWorker__RtpBindAddress', 'MaskingWorker__RtpPortStart',
               'MaskingWorker__RtpPortEnd', 'MaskingWorker__MaxStreams', 'MaskingWorker__WebSocketBaseUrl',
               'MaskingWorker__AdvertisedRtpHost', 'MaskingWorker__AdvertisedRtpHostSource', 'MaskingWorker__DrainTimeout',
               'DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS'},  # read by the .NET runtime's socket engine
    'edge': {'Urls', 'OTEL_SERVICE_NAME', 'OTEL_RESOURCE_ATTRIBUTES', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'Edge__PlatformAdminKey',
             'Edge__TenantRefreshSeconds', 'Edge__Origin__FrontDoorId'},
}
NEEDED = {
    'region': {'Region__Name', 'Redis__ConnectionString', 'Orleans__ServiceId', 'Orleans__ClusterId', 'KeyVault__Uri', 'Region__PlatformAdminKey', 'Urls'},
    'masking-worker': {'Redis__ConnectionString', 'Orleans__ServiceId', 'Orleans__ClusterId', 'MaskingWorker__RtpBindAddress',
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
        path = os.path.join(HERE, o) if isinstance(o, str) and o.startswith('fixtures/') else f'{CHART}/{o}'
        values = merge(values, yaml.safe_load(open(path)) if isinstance(o, str) else o)
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
            unread = [n for n in names if n not in read and not (comp == 'edge' and n.startswith(('Edge__Regions__', 'Edge__Origin__RegionalHosts__')))
                      and not (comp == 'masking-worker' and n.startswith('MaskingWorker__AllowedDestinationNetworks__'))]
            assert not unread, (name, comp, 'env the host does not read', unread)
            missing = NEEDED[comp] - set(names)
            assert not missing, (name, comp, 'missing', missing)
            envs[comp] = {e['name']: e.get('value', e.get('valueFrom')) for e in c['env']}
    print(f'ok   {name}: {len(docs)} objects, ' + ', '.join(f'{k} {len(v)} env' for k, v in envs.items()))
    return docs, envs, r.stderr

def of_kind(docs, kind):
    return [d for d in docs if d['kind'] == kind]

def region_release(r):
    return [f'values-{r}.yaml', f'fixtures/terraform-region-{r}.yaml']

if __name__ == '__main__':
    docs, envs, notes = render('us', region_release('us'))
    w = envs['masking-worker']
    assert w['MaskingWorker__AdvertisedRtpHostSource'] == 'azure-imds' and 'MaskingWorker__AdvertisedRtpHost' not in w
    assert w['MaskingWorker__WebSocketBaseUrl'] == 'wss://media.us.api.example.com', w['MaskingWorker__WebSocketBaseUrl']
    assert w['MaskingWorker__RtpBindAddress'] == '0.0.0.0' and w['MaskingWorker__RtpPortStart'] == '40000' and w['MaskingWorker__RtpPortEnd'] == '40999'
    assert w['Orleans__ClusterId'] == 'pcicloud-us' and envs['region']['Orleans__ClusterId'] == 'pcicloud-us'
    # The drain: the grace period (3600 s) less 45 s, as a TimeSpan; the destination check gets the egress list.
    assert w['MaskingWorker__DrainTimeout'] == '0.00:59:15', w['MaskingWorker__DrainTimeout']
    assert w['MaskingWorker__AllowedDestinationNetworks__0'] == '0.0.0.0/0', w
    assert envs['region']['Region__PublicBaseUrl'] == 'https://us.api.example.com'
    assert envs['region']['Orleans__AdvertisedIP'] == {'fieldRef': {'fieldPath': 'status.podIP'}}
    assert not any(d['kind'] in ('Role', 'RoleBinding') for d in docs)
    # The region API has no ingress of its own (only the edge in its cluster reaches it); media has.
    assert [i['spec']['rules'][0]['host'] for i in of_kind(docs, 'Ingress')] == ['media.us.api.example.com']
    # Secrets from the platform vault: one SecretProviderClass per component with only what it needs,
    # the TLS files from the CSI mount, no keystore password, nothing synced that env does not read.
    spcs = {d['metadata']['name']: d for d in of_kind(docs, 'SecretProviderClass')}
    assert set(spcs) == {'pcicloud-x-region', 'pcicloud-x-masking-worker'}, set(spcs)
    assert 'platform-admin-key' in spcs['pcicloud-x-region']['spec']['parameters']['objects']
    assert 'platform-admin-key' not in spcs['pcicloud-x-masking-worker']['spec']['parameters']['objects']
    assert [o['secretName'] for o in spcs['pcicloud-x-masking-worker']['spec']['secretObjects']] == ['pcicloud-redis']
    assert w['Orleans__Tls__CertificatePath'] == '/etc/pcicloud/secrets/keystore.p12' and 'Orleans__Tls__CertificatePassword' not in w
    assert 'Orleans__Tls__CertificatePassword' not in envs['region']
    for d in of_kind(docs, 'Deployment'):
        vols = {v['name']: v for v in d['spec']['template']['spec']['volumes']}
        assert vols['secrets']['csi']['volumeAttributes']['secretProviderClass'] == d['metadata']['name'], d['metadata']['name']
    # Port ranges only on request: Cilium before 1.16 enforced only the first port of an endPort rule.
    policies = json.dumps(of_kind(docs, 'NetworkPolicy'))
    assert 'endPort' not in policies
    docs_ranges, _, _ = render('us with networkPolicy.portRanges', region_release('us') + [{'networkPolicy': {'portRanges': True}}])
    assert '"endPort": 40999' in json.dumps(of_kind(docs_ranges, 'NetworkPolicy'))
    render('uk', region_release('uk'))
    render('au', region_release('au'))
    docs, envs, _ = render('edge', ['values-edge.yaml', 'fixtures/terraform-edge-uk.yaml'])
    e = envs['edge']
    assert e['Edge__Regions__uk__0'] == 'http://pcicloud-uk-region.pcicloud.svc.cluster.local/' and e['Edge__Regions__us__0'] == 'https://us.api.example.com/'
    assert e['Edge__Origin__FrontDoorId'] == '7d5e9f5c-1b2a-4c3d-9e8f-0a1b2c3d4e5f' and e['Edge__Origin__RegionalHosts__uk'] == 'uk.api.example.com'
    assert [r['host'] for r in of_kind(docs, 'Ingress')[0]['spec']['rules']] == ['edge-uk.api.example.com', 'uk.api.example.com']
    assert of_kind(docs, 'Ingress')[0]['spec']['tls'][0]['hosts'] == ['edge-uk.api.example.com', 'uk.api.example.com']
    assert [d['metadata']['name'] for d in of_kind(docs, 'SecretProviderClass')] == ['pcicloud-x-edge']
    _, envs, _ = render('uk hostIP, no TLS, no Key Vault CSI, no ingress, explicit ws url', region_release('uk') + [{
        'orleans': {'tls': {'enabled': False}}, 'keyVaultSecrets': {'enabled': False}, 'region': {'publicBaseUrl': ''},
        'maskingWorker': {'media': {'publicHostFrom': 'hostIP'}, 'ingress': {'enabled': False}, 'webSocketBaseUrl': 'wss://media.internal.example'}}])
    assert envs['masking-worker']['MaskingWorker__AdvertisedRtpHost'] == {'fieldRef': {'fieldPath': 'status.hostIP'}}
    assert not any(k.startswith('Orleans__Tls') for k in envs['region']) and 'Region__PublicBaseUrl' not in envs['region']
    docs, envs, _ = render('uk, secrets made by hand (no CSI)', region_release('uk') + [{'keyVaultSecrets': {'enabled': False}}])
    assert envs['region']['Orleans__Tls__CertificatePath'] == '/etc/pcicloud/orleans-tls/keystore.p12' and 'Orleans__Tls__CertificatePassword' in envs['region']
    assert not of_kind(docs, 'SecretProviderClass')
    _, envs, _ = render('uk loadBalancer + value', region_release('uk') + [{'maskingWorker': {'replicaCount': 1, 'autoscaling': {'enabled': False},
        'media': {'exposure': 'loadBalancer', 'publicHostFrom': 'value', 'publicHost': '203.0.113.5', 'rtpPortRange': {'start': 40000, 'end': 40009}, 'maxStreams': 10}}}])
    assert envs['masking-worker']['MaskingWorker__AdvertisedRtpHost'] == '203.0.113.5'
    docs, _, _ = render('digest wins over tag', region_release('uk') + [{'image': {'tag': '1.2.3'}, 'region': {'image': {'digest': 'sha256:' + 'ab' * 32}}}])
    images = {d['metadata']['labels']['app.kubernetes.io/component']: d['spec']['template']['spec']['containers'][0]['image'] for d in of_kind(docs, 'Deployment')}
    assert images == {'region': 'ghcr.io/pcicloud/pcicloud-region@sha256:' + 'ab' * 32, 'masking-worker': 'ghcr.io/pcicloud/pcicloud-masking-worker:1.2.3'}, images
    render('no ingress, no ws url', region_release('uk') + [{'maskingWorker': {'ingress': {'enabled': False}}}], expect_error='webSocketBaseUrl is required')
    render('value without publicHost', region_release('uk') + [{'maskingWorker': {'media': {'publicHostFrom': 'value'}}}], expect_error='publicHost is required')
    render('defaults (no region)', [], expect_error='regionName is required')
