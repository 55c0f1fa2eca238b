// Validates Kubernetes objects against Kubernetes' own OpenAPI schemas (npm kubernetes-models): types,
// formats and required fields of every built-in kind. Reads a JSON array of objects on stdin; prints one
// line per object and exits 1 if any is invalid or of a kind it has no model for (except the CRD kinds
// listed below, which it checks by hand). Run by check.py:  node validate.mjs < objects.json
import { readFileSync } from 'node:fs';

const groupPath = (apiVersion) => (apiVersion.includes('/') ? apiVersion : `v1`);

// Custom resources the chart renders: not in kubernetes-models; required fields checked here.
const crds = {
  'secrets-store.csi.x-k8s.io/v1/SecretProviderClass': (o) =>
    [o.spec?.provider === 'azure' || 'spec.provider must be azure', typeof o.spec?.parameters?.objects === 'string' || 'spec.parameters.objects must be a string']
      .filter((r) => r !== true),
};

const objects = JSON.parse(readFileSync(0, 'utf8'));
let failed = 0;
for (const o of objects) {
  const name = `${o.kind}/${o.metadata?.name}`;
  const crd = crds[`${o.apiVersion}/${o.kind}`];
  try {
    if (crd) {
      const problems = crd(o);
      if (problems.length) throw new Error(problems.join('; '));
    } else {
      const module = await import(`kubernetes-models/${groupPath(o.apiVersion)}/${o.kind}`).catch(() => null);
      if (!module) throw new Error(`no model for ${o.apiVersion} ${o.kind}`);
      const Model = module[o.kind] ?? module.default;
      new Model(o).validate();
    }
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
