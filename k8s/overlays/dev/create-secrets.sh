#!/usr/bin/env bash
# Creates the Secrets the dev overlay reads, with fresh random values, in the
# cluster kubectl points at (namespace huinong, created if missing), the way
# scripts/lib/secrets.sh makes the local ones:
#   huinong-dev-mariadb-root  password     the MariaDB servers' root
#   svc-<name>-db             password     each service's database account
#   svc-audit-db-migrator     password     svc-audit's schema owner
#   huinong-jwt               hs256.key    the HS256 token secret (dev only)
#   svc-audit-checkpoint-key  ed25519.pem  signs the audit chain's checkpoints
# Guarantees: a Secret that exists is left as it is (a database initialised
# with a password keeps it); values go from openssl straight into kubectl,
# never into a file or onto a command line; passwords are hex, so they need no
# quoting in SQL or shells.
# Usage: k8s/overlays/dev/create-secrets.sh   (then kubectl apply -k k8s/overlays/dev)
set -euo pipefail

namespace=huinong
command -v kubectl >/dev/null || { echo "create-secrets.sh: kubectl not found" >&2; exit 1; }
command -v openssl >/dev/null || { echo "create-secrets.sh: openssl not found" >&2; exit 1; }

kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"

# ensure NAME KEY GENERATOR...: creates Secret NAME with KEY = the generator's output.
ensure() {
  local name=$1 key=$2
  shift 2
  if kubectl -n "$namespace" get secret "$name" >/dev/null 2>&1; then
    echo "secret $name exists; kept"
    return 0
  fi
  "$@" | kubectl -n "$namespace" create secret generic "$name" --from-file="$key=/dev/stdin" >/dev/null
  echo "secret $name created"
}

password() { openssl rand -hex 24 | tr -d '\n'; }
ensure huinong-dev-mariadb-root password password
for svc in org tickets loans audit; do
  ensure "svc-$svc-db" password password
done
ensure svc-audit-db-migrator password password
ensure huinong-jwt hs256.key sh -c 'openssl rand -base64 64 | tr -d "\n"'
ensure svc-audit-checkpoint-key ed25519.pem openssl genpkey -algorithm ed25519
