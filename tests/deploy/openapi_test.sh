#!/usr/bin/env bash
# Every object that `kubectl kustomize` renders for k8s/base, overlays/dev and
# overlays/prod validates against the Kubernetes OpenAPI schemas (v1.33.0, and
# the prometheus-operator and Gateway API CRDs: openapi/validate.mjs names the
# pinned packages), offline. First proves the validator can fail: the four
# broken objects of openapi/broken-objects.json must each be reported.
# Usage: openapi_test.sh REPO_ROOT
# Exit: 0 pass, 1 fail, 77 skipped (no kubectl, no node, or the pinned
# packages not installed: scripts/setup.sh installs them from the npm registry).
set -euo pipefail

repo=$1
here=$repo/tests/deploy
validator=$here/openapi/validate.mjs
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }

command -v kubectl >/dev/null 2>&1 || skip "kubectl not found; it is not a Debian package"
command -v node >/dev/null 2>&1 || skip "node not found (Node.js runs the validator)"
[[ -d $here/openapi/node_modules/kubernetes-models ]] \
  || skip "the validator's npm packages are not installed: run scripts/setup.sh (npm ci in tests/deploy/openapi)"

# The validator must be able to fail: each broken object is named.
out=$(node "$validator" "$here/openapi/broken-objects.json" 2>&1) && fail "broken objects passed: $out"
for expected in 'replicas-as-text: data/spec/replicas must be integer' \
                'port-as-text: data/spec/rules/0/backendRefs/0/port must be integer' \
                'endpoints-not-a-list: data/spec/endpoints must be array' \
                'no-schema: no schema for this apiVersion and kind'; do
  grep -qF -- "$expected" <<<"$out" || fail "validator did not report '$expected'; it printed: $out"
done

work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
bash "$here/render_all.sh" "$repo" "$work" || exit 1
node "$validator" "$work/base.json" "$work/dev.json" "$work/prod.json" || fail "rendered objects do not match the OpenAPI schemas"
echo "deploy openapi: base, dev and prod validate against Kubernetes v1.33.0 and the CRDs' schemas"
