#!/usr/bin/env bash
# bench/run.sh [--quick] [huinong_bench suite flags...]
#
# Benchmarks the running local suite (scripts/up.sh) against baselines measured
# in the same invocation and prints one table: figure, value, baseline, ratio,
# target, met? (docs/performance.md explains the method and the figures).
#   --quick  two rounds (forwards, backwards) of 2 s warm-up + 5 s per measurement: under 5 minutes
#   (default) four rounds of 3 s + 10 s (about 15 minutes); each figure pools its rounds
# Other flags go to `huinong_bench suite` (e.g. --concurrency 32 --channels 8).
# The full result, with every percentile and CPU by process, is written to
# $HUINONG_RUN_DIR/logs/bench/latest.json; the baseline servers log there too
# (under logs/, so scripts/down.sh --purge still deletes the run directory).
#
# Guarantees: fails with a clear message, before measuring anything, when the
# suite is not up; builds only its own target; starts and stops nothing of the
# suite (its baseline servers are its own children, stopped by pid).
set -euo pipefail

# shellcheck source=../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
load_layout

env_file=$RUN_DIR/env
[[ -f $env_file ]] || die "the suite is not up ($env_file is missing): start it with scripts/up.sh"
# shellcheck disable=SC1090
source "$env_file"

for svc in "${HUINONG_SERVICES[@]}"; do
  [[ -n $(running_pid "$PID_DIR/$svc.pid" "svc-$svc") ]] ||
    die "svc-$svc is not running (no live pid in $PID_DIR/$svc.pid): start the suite with scripts/up.sh"
done
[[ -n $(running_pid "$PID_DIR/mariadb.pid" mariadbd) ]] ||
  die "MariaDB is not running ($PID_DIR/mariadb.pid): start the suite with scripts/up.sh"
[[ -n $(running_pid "$GATEWAY_DIR/nginx.pid" nginx) ]] ||
  die "the gateway is not running ($GATEWAY_DIR/nginx.pid): start the suite with scripts/up.sh"

if [[ ${HUINONG_SKIP_BUILD:-0} != 1 || ! -x $BIN_DIR/huinong_bench ]]; then
  if [[ ! -f $BUILD_DIR/build.ninja ]]; then
    cmake -S "$REPO_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  log "building huinong_bench"
  ninja -C "$BUILD_DIR" bin/huinong_bench >/dev/null || die "building huinong_bench failed (ninja -C $BUILD_DIR bin/huinong_bench)"
fi

mkdir -p -- "$LOG_DIR/bench"
json=$LOG_DIR/bench/latest.json
log "benchmarking the suite in $RUN_DIR (progress on stderr; the table at the end)"
"$BIN_DIR/huinong_bench" suite --plan "$REPO_ROOT/bench/scenarios.json" \
  --work_dir "$LOG_DIR/bench" --json "$json" "$@"
log "full result: $json"
