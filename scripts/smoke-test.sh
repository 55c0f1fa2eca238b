#!/usr/bin/env bash
# One real payment against a deployed region (or the local stack) with the sandbox gateway:
# registers a call, streams the customer's key presses as RTP through the region's masking worker,
# captures card number, expiry and security code from the tones, submits, and checks that the
# payment was approved and that no key tone reached the agent's audio. Exit 0 only then.
#
#   PCICLOUD_API_KEY=sk_<smoke tenant>_... scripts/smoke-test.sh https://uk.api.example.com [--agent-host <this machine's public IP>]
#
# The tenant must use the sandbox gateway (docs/DEPLOY.md, "Smoke test"). Against a deployed region
# this machine must reach the region's media addresses by UDP (media_allowed_source_cidrs) and
# receive UDP from them on the agent port it prints (--agent-host: its public address).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
base_url="$1"; shift
if [ -z "${PCICLOUD_API_KEY:-}" ]; then
  echo "set PCICLOUD_API_KEY to the smoke tenant's secret key" >&2
  exit 2
fi
exec dotnet run --project src/PciCloud.LocalStack -c Release -- smoke --base-url "$base_url" --fast "$@"
