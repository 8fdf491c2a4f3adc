#!/usr/bin/env bash
# Runs the whole Huinong test suite (what .ci/run calls): installs what is
# missing, builds everything with warnings as errors, starts a fresh suite in
# build/test-run on ports offset by 11000 (services 61051-61054, above the
# kernel's ephemeral port range, so no outgoing connection can hold them), and
# runs ctest against it. Without ctest args (the whole run, what CI does) it
# then starts a fresh suite with two replicas of every service behind the
# gateway (scripts/up.sh --replicas 2) and runs the end-to-end tests (-L e2e)
# against that too: no service may keep state in its process that another
# replica would disagree with, and background jobs run once across replicas.
#
# Usage: scripts/test.sh [ctest args...]     e.g. scripts/test.sh -L unit
# Knobs: HUINONG_BUILD_DIR [<repo>/build]; HUINONG_TEST_PORT_OFFSET [11000];
#        HUINONG_SKIP_BUILD=1 to test the binaries as they are;
#        HUINONG_TEST_REPLICAS=N to run the given ctest args against a suite
#        of N replicas per service (default 1), e.g.
#        HUINONG_TEST_REPLICAS=2 scripts/test.sh -L e2e
#
# Guarantees: the suite under test starts from nothing (the previous test run
# dir is stopped and deleted first) and never touches the developer's .run or
# its ports; it is always stopped again, whatever happens; on failure the tail
# of every service log, the gateway error log and the MariaDB log is printed;
# the exit code is ctest's (or that of the step that failed before it).
set -euo pipefail

scripts_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$scripts_dir/.." && pwd)
build_dir=$(realpath -m -- "${HUINONG_BUILD_DIR:-$repo_root/build}")
run_dir=$build_dir/test-run
port_offset=${HUINONG_TEST_PORT_OFFSET:-11000}

# The suite's own scripts, pointed at the test run dir.
suite() {
  HUINONG_RUN_DIR=$run_dir HUINONG_PORT_OFFSET=$port_offset HUINONG_BUILD_DIR=$build_dir \
    "$@"
}

show_logs() {
  local file
  for file in "$run_dir"/logs/{org,tickets,loans,audit}{,-[0-9]}.log "$run_dir/gateway/logs/error.log" \
              "$run_dir/logs/mariadb.log"; do
    [[ -e $file ]] || continue
    printf -- '---- last 40 lines of %s ----\n' "$file" >&2
    tail -n 40 "$file" >&2
  done
}

ctest_pid=''

finish() {
  local rc=$?
  # Interrupted while the tests ran: stop ctest and its tests (its own process group).
  if [[ -n $ctest_pid ]] && kill -0 "$ctest_pid" 2>/dev/null; then
    kill -TERM -- "-$ctest_pid" 2>/dev/null || true
    local ticks=20
    while (( ticks-- > 0 )); do
      kill -0 -- "-$ctest_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$ctest_pid" 2>/dev/null || true
  fi
  if (( rc != 0 )); then
    echo "test.sh: failed with exit code $rc" >&2
    show_logs
  fi
  suite "$scripts_dir/down.sh" || echo "test.sh: down.sh failed" >&2
  exit "$rc"
}

main() {
  if [[ ${HUINONG_SKIP_BUILD:-0} != 1 ]]; then
    "$scripts_dir/setup.sh"
    cmake -S "$repo_root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHUINONG_WERROR=ON
    ninja -C "$build_dir"
  fi

  trap finish EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  if (( $# > 0 )); then
    run_against_suite "${HUINONG_TEST_REPLICAS:-1}" "$@"
  else
    run_against_suite "${HUINONG_TEST_REPLICAS:-1}"
    echo "test.sh: the end-to-end tests again, against two replicas of every service" >&2
    run_against_suite 2 -L e2e
  fi
}

# run_against_suite REPLICAS [ctest args...]: a fresh suite of REPLICAS
# replicas per service, then ctest against it.
run_against_suite() {
  local replicas=$1
  shift
  suite "$scripts_dir/down.sh" --purge
  suite env HUINONG_SKIP_BUILD=1 "$scripts_dir/up.sh" --replicas "$replicas"

  # Everything a test needs to reach the suite and its database.
  # shellcheck source=/dev/null
  source "$run_dir/env"
  export HUINONG_TEST_RUN_DIR=$run_dir
  export HUINONG_TEST_DB_HOST=127.0.0.1
  export HUINONG_TEST_DB_PORT=$HUINONG_DB_PORT
  export HUINONG_TEST_DB_USER=huinong_admin
  export HUINONG_TEST_DB_PASSWORD_FILE=$HUINONG_DB_ADMIN_PASSWORD_FILE

  # In the background and waited for, so that a signal to this script is
  # handled at once (bash defers traps while a foreground command runs).
  local rc=0
  setsid ctest --test-dir "$build_dir" --output-on-failure -j2 --timeout 300 "$@" &
  ctest_pid=$!
  wait "$ctest_pid" || rc=$?
  ctest_pid=''
  return "$rc"
}

main "$@"
