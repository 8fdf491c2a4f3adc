#!/usr/bin/env bash
# What k8s/ copies from elsewhere still matches its source:
#  - the dev overlay's svc-audit runtime grants are `svc-audit --print-grants`
#    for host '%';
#  - each GRPCRoute lists exactly the gRPC services of its package's protos.
# Usage: copies_test.sh REPO_ROOT SVC_AUDIT_BINARY
set -euo pipefail

repo=$1
svc_audit=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

grants=$repo/k8s/overlays/dev/audit-runtime-grants.sql
expected=$("$svc_audit" --print-grants --db-name=huinong_audit --db-user=huinong_audit \
  | sed -e "s/'localhost'/'%'/" -e "s/'127\.0\.0\.1'/'%'/" | awk '!seen[$0]++')
[[ -n $expected ]] || fail "svc-audit --print-grants printed nothing"
if ! diff -u <(grep -v '^--' "$grants") <(printf '%s\n' "$expected"); then
  fail "$grants is not svc-audit --print-grants for host '%'"
fi

routes=$repo/k8s/components/gateway-api/grpcroutes.yaml
for package in org tickets loans audit; do
  want=$(sed -n -E 's/^service ([A-Za-z0-9_]+) *\{.*/huinong.'"$package"'.v1.\1/p' \
           "$repo"/protos/huinong/"$package"/v1/*.proto | sort)
  [[ -n $want ]] || fail "no service in protos/huinong/$package/v1"
  # The huinong.* services matched by the route named svc-<package>.
  have=$(awk -v route="svc-$package" '
    /^kind:/ { in_route = 0 }
    /^  name: / { in_route = ($2 == route) }
    in_route && /service: huinong\./ { print $2 }' "$routes" | sort)
  if ! diff -u <(printf '%s\n' "$want") <(printf '%s\n' "$have"); then
    fail "GRPCRoute svc-$package does not route exactly the services of protos/huinong/$package/v1"
  fi
done
echo "deploy copies: svc-audit's dev grants and the GRPCRoutes match their sources"
