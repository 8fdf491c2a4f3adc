#!/usr/bin/env bash
# Renders k8s/base and both overlays with `kubectl kustomize` and checks them:
# the policy of manifest_policy.h on every object (prod: two replicas or more
# and topology spread), and what each overlay promises (dev: a durable MariaDB
# with a volume per service; prod: external databases from Secrets, TLS at the
# gateway from a Secret). Also: no Secret object anywhere under k8s/.
# Usage: manifests_test.sh REPO_ROOT K8S_POLICY_CHECK
# Exit: 0 pass, 1 fail, 77 skipped (no kubectl: it is not a Debian package).
set -euo pipefail

repo=$1
policy_check=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

if ! command -v kubectl >/dev/null 2>&1; then
  echo "SKIP: kubectl not found; it is not a Debian package (install the Kubernetes client to run this test)"
  exit 77
fi
kubectl version --client 2>/dev/null | head -2

work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT

# expect_count FILE REGEX N WHAT: exactly N lines of FILE match REGEX.
expect_count() {
  local n
  n=$(grep -c -E -- "$2" "$1" || true)
  [[ $n == "$3" ]] || fail "$4: expected $3 lines matching '$2' in $(basename "$1"), found $n"
}

bash "$(dirname "${BASH_SOURCE[0]}")/render_all.sh" "$repo" "$work" || exit 1
for name in base dev prod; do
  min_replicas=1
  [[ $name == prod ]] && min_replicas=2
  "$policy_check" --min-server-replicas=$min_replicas "$work/$name.json" || fail "k8s/$name breaks the policy"
done

# Every overlay: the four services, their migration Jobs, the PrometheusRule.
for name in base dev prod; do
  expect_count "$work/$name.yaml" '^kind: PrometheusRule$' 1 "$name"
  expect_count "$work/$name.yaml" '^ *- --migrate-only$' 4 "$name"
done

# dev: one MariaDB per service, durable, with its own volume.
expect_count "$work/dev.yaml" '^kind: StatefulSet$' 4 "dev"
expect_count "$work/dev.yaml" '^  volumeClaimTemplates:$' 4 "dev"
grep -q -E '^ +innodb_flush_log_at_trx_commit = 1$' "$work/dev.yaml" || fail "dev: innodb_flush_log_at_trx_commit is not 1"
grep -q -E '^ +sync_binlog = 1$' "$work/dev.yaml" || fail "dev: sync_binlog is not 1"

# prod: no database inside, every service's and Job's database from a Secret,
# TLS from a Secret, no plaintext nginx entry.
expect_count "$work/prod.yaml" '^kind: StatefulSet$' 0 "prod"
expect_count "$work/prod.yaml" '^ *- name: HUINONG_DB_HOST$' 8 "prod"
grep -q -E '^ +name: huinong-gateway-tls$' "$work/prod.yaml" || fail "prod: the gateway's TLS Secret is not referenced"
expect_count "$work/prod.yaml" '^kind: GRPCRoute$' 4 "prod"
if grep -q -E '^  name: gateway$' "$work/prod.yaml"; then fail "prod: the plaintext nginx gateway is deployed"; fi

# No Secret objects in the tree: Secrets are referenced by name only.
if grep -rlE '^kind: Secret$' "$repo/k8s"; then fail "a Secret object under k8s/ (values never live in the repository)"; fi

echo "deploy manifests: base, dev and prod render and keep the policy"
