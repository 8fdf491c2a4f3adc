#!/usr/bin/env bash
# The container images, built and started: scripts/images.sh builds the four
# service images and the gateway's; then one container of each service runs
# (buildah run --isolation chroot, host network, as uid 10001, the suite's
# configuration with its own ports, the suite's MariaDB) behind a container of
# the gateway image, which renders its config with render.sh --check as in
# k8s/base/gateway, and `huinongctl health` through that gateway must report
# every service SERVING. Also checks what the manifests rely on: each image's
# user is 10001, a service image's entrypoint is its binary and it holds no
# shell.
#
# Runs with every scripts/test.sh where a container engine runs (about 50 s
# with the Debian base made; a first run makes it with mmdebstrap, 1-3
# minutes more); HUINONG_TEST_IMAGES=0 leaves it out, e.g. while iterating.
# Usage: images_test.sh REPO_ROOT BUILD_DIR HUINONGCTL   (under scripts/test.sh)
# Exit: 0 pass, 1 fail, 77 skipped with the reason (left out, no suite,
# or no container engine can run here: images.sh exits 2 and says why).
set -euo pipefail

repo=$1
build_dir=$2
huinongctl=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }

[[ ${HUINONG_TEST_IMAGES:-1} != 0 ]] \
  || skip "image build left out (HUINONG_TEST_IMAGES=0)"
[[ -n ${HUINONG_TEST_RUN_DIR:-} && -n ${HUINONG_TEST_DB_PORT:-} ]] \
  || skip "needs the suite's MariaDB: run it through scripts/test.sh"

version=${HUINONG_IMAGE_VERSION:-0.1.0}
rc=0
HUINONG_BUILD_DIR=$build_dir "$repo/scripts/images.sh" || rc=$?
(( rc == 2 )) && skip "no container engine can run on this machine (scripts/images.sh said why above)"
(( rc == 0 )) || fail "scripts/images.sh failed (exit $rc)"

# The suite's layout and each service's environment, with the containers'
# ports 250 above the suite's (below, where above would pass port 65535),
# away from the offsets suites usually take (multiples of 500), and the
# suite's MariaDB.
# shellcheck source=../../scripts/lib/common.sh
source "$repo/scripts/lib/common.sh"
# shellcheck source=../../scripts/lib/secrets.sh
source "$repo/scripts/lib/secrets.sh"
# shellcheck source=../../scripts/lib/services.sh
source "$repo/scripts/lib/services.sh"
# shellcheck source=../../scripts/lib/audit.sh
source "$repo/scripts/lib/audit.sh"
suite_offset=$(( HUINONG_TEST_DB_PORT - HUINONG_DB_BASE_PORT ))
container_offset=$(( suite_offset + 250 ))
(( container_offset + 50054 <= 65535 )) || container_offset=$(( suite_offset - 250 ))
HUINONG_RUN_DIR=$HUINONG_TEST_RUN_DIR HUINONG_PORT_OFFSET=$container_offset load_layout
# shellcheck disable=SC2034  # read by service_env
DB_PORT=$HUINONG_TEST_DB_PORT

work=$(mktemp -d)
containers=()
pgids=()
cleanup() {
  local pgid ctr
  for pgid in "${pgids[@]}"; do kill -TERM -- "-$pgid" 2>/dev/null || true; done
  sleep 2
  for pgid in "${pgids[@]}"; do kill -KILL -- "-$pgid" 2>/dev/null || true; done
  for ctr in "${containers[@]}"; do buildah rm "$ctr" >/dev/null 2>&1 || true; done
  rm -rf -- "$work"
}
trap cleanup EXIT

# Nothing else may answer on the containers' ports, or health could pass
# without them.
for svc in "${HUINONG_SERVICES[@]}"; do
  require_port_free "$(grpc_port "$svc")" "the svc-$svc container"
  require_port_free "$(metrics_port "$svc")" "the svc-$svc container's metrics"
done
require_port_free "$GATEWAY_PORT" "the gateway container"

# The secrets as the pods see them: readable by uid 10001 only.
cp -a -- "$SECRETS_DIR" "$work/secrets"
chown -R 10001:10001 "$work/secrets"

for image in "${HUINONG_SERVICES[@]/#/huinong/svc-}" huinong/gateway; do
  user=$(buildah inspect --type image --format '{{.OCIv1.Config.User}}' "$image:$version")
  [[ $user == 10001:10001 ]] || fail "$image runs as '$user', not 10001:10001"
done

# start NAME IMAGE LOG [buildah run args...] -- COMMAND...: one container in
# its own process group (so it is stopped by pgid, with its process).
start() {
  local name=$1 image=$2 log=$3 ctr
  shift 3
  ctr=$(buildah from --pull=never --name "huinong-images-test-$name-$$" "$image:$version")
  containers+=("$ctr")
  setsid buildah run --isolation chroot --network host --user 10001:10001 "$@" >"$log" 2>&1 &
  pgids+=("$!")
}

for svc in "${HUINONG_SERVICES[@]}"; do
  image=huinong/svc-$svc
  entrypoint=$(buildah inspect --type image --format '{{.OCIv1.Config.Entrypoint}}' "$image:$version")
  [[ $entrypoint == "[/usr/local/bin/svc-$svc]" ]] || fail "$image's entrypoint is $entrypoint"
  env_args=()
  while IFS= read -r word; do env_args+=(-e "$word"); done < <(service_env "$svc")
  # The no-shell check runs in a container of its own, before the service's
  # starts: two `buildah run` in one container race on its /proc mount.
  probe=$(buildah from --pull=never --name "huinong-images-test-$svc-probe-$$" "$image:$version")
  containers+=("$probe")
  if buildah run --isolation chroot "$probe" -- /bin/sh -c true >/dev/null 2>&1; then
    fail "$image holds a shell (/bin/sh): a service image holds only its binary and libraries"
  fi
  start "$svc" "$image" "$work/$svc.log" -v "$work/secrets:$SECRETS_DIR:ro" "${env_args[@]}" \
    "huinong-images-test-$svc-$$" -- "/usr/local/bin/svc-$svc"
done

mkdir -p "$work/gateway"
chown 10001:10001 "$work/gateway"
# shellcheck disable=SC2016  # expanded by the container's bash
start gateway huinong/gateway "$work/gateway.log" -v "$work/gateway:/run/gateway" \
  -e GATEWAY_PREFIX=/run/gateway -e "GATEWAY_LISTEN=127.0.0.1:$GATEWAY_PORT" \
  -e "ORG_ADDR=$(grpc_addr org)" -e "TICKETS_ADDR=$(grpc_addr tickets)" \
  -e "LOANS_ADDR=$(grpc_addr loans)" -e "AUDIT_ADDR=$(grpc_addr audit)" \
  "huinong-images-test-gateway-$$" -- /bin/bash -c \
  '/opt/huinong/gateway/render.sh --check "$GATEWAY_PREFIX/nginx.conf" && exec nginx -p "$GATEWAY_PREFIX" -c "$GATEWAY_PREFIX/nginx.conf" -g "daemon off;"'

if ! "$huinongctl" health --gateway="127.0.0.1:$GATEWAY_PORT" --wait=120s; then
  for log in "$work"/*.log; do echo "---- $log" >&2; tail -n 20 "$log" >&2; done
  fail "the containers did not all report SERVING through the gateway container"
fi
echo "deploy images: ${#HUINONG_SERVICES[@]} service containers and the gateway container of huinong/*:$version report SERVING"
