"""Validates one release's values against values.schema.json, the way `helm install` does before rendering:
    python3 schema_check.py values-uk.yaml [overlay.json ...]
Prints "ok" (exit 0) or "rejected at <path>: <message>" (exit 1). The suite's schema tests use it.
"""
import json, os, sys, yaml, jsonschema
from check import CHART, merge

def load(path):
    path = path if os.path.isabs(path) or os.path.exists(path) else os.path.join(CHART, path)
    return yaml.safe_load(open(path))  # JSON is YAML too

if __name__ == '__main__':
    values = load(os.path.join(CHART, 'values.yaml'))
    for overlay in sys.argv[1:]:
        values = merge(values, load(overlay))
    errors = sorted(jsonschema.Draft7Validator(json.load(open(os.path.join(CHART, 'values.schema.json')))).iter_errors(values),
                    key=lambda e: list(e.absolute_path))
    for e in errors:
        print('rejected at ' + '.'.join(str(p) for p in e.absolute_path) + ': ' + e.message[:300])
    if not errors:
        print('ok')
    sys.exit(1 if errors else 0)
