#!/usr/bin/env bash
# Brings up the whole Huinong suite on this machine with one command: installs
# what is missing, builds, starts a private MariaDB, the four services and the
# nginx gateway, loads the demo county and prints how to call it.
#
# Usage: scripts/up.sh [--replicas N] [--monitoring]
#   --replicas N  run N processes (1-9) of every service behind the gateway,
#                 replica r on ports 10*(r-1) above replica 1's; the run dir
#                 remembers N for later runs [what the last run used, or 1]
#   --monitoring  also start Debian's Prometheus on 127.0.0.1:9090 (+ offset),
#                 scraping the four services and loading the project's alert
#                 and recording rules (lib/monitoring.sh)
#
# Knobs (environment):
#   HUINONG_RUN_DIR      where everything runtime lives [<repo>/.run]
#   HUINONG_PORT_OFFSET  added to every port: gateway 8080, services 50051-50054,
#                        metrics 9101-9104, MariaDB 13306, Prometheus 9090 [0]
#   HUINONG_REPLICAS     as --replicas
#   HUINONG_SKIP_BUILD=1 skip setup.sh and the build (binaries must exist)
#   HUINONG_BUILD_DIR    [<repo>/build]
#   HUINONG_LOG_LEVEL    services' log level [info]
#   HUINONG_CLOCK_OFFSET run the services' business clock this far ahead, e.g.
#                        120h, to show what later days look like (an overdue
#                        county review); for demonstrations only. Services
#                        already running keep their clock: scripts/down.sh first.
#
# On fresh data the demo is loaded in two stages (lib/demo.sh): first with the
# suite's business clock about 150 days behind, so that its loans have a
# servicing history by today, then at the clock of today.
#
# Guarantees: safe to run again at any time: running pieces are left alone (the
# gateway is reloaded), data and secrets are kept, accounts and demo data are
# re-applied idempotently. Nothing listens beyond 127.0.0.1. On success the
# suite answers health checks through the gateway and RUN/env holds everything
# a client needs (`source RUN/env`). On failure it says which piece failed and
# shows its log; whatever had started keeps running until scripts/down.sh.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

scripts_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/common.sh
source "$scripts_dir/lib/common.sh"
# shellcheck source=lib/secrets.sh
source "$scripts_dir/lib/secrets.sh"
# shellcheck source=lib/mariadb.sh
source "$scripts_dir/lib/mariadb.sh"
# shellcheck source=lib/services.sh
source "$scripts_dir/lib/services.sh"
# shellcheck source=lib/audit.sh
source "$scripts_dir/lib/audit.sh"
# shellcheck source=lib/gateway.sh
source "$scripts_dir/lib/gateway.sh"
# shellcheck source=lib/demo.sh
source "$scripts_dir/lib/demo.sh"
# shellcheck source=lib/monitoring.sh
source "$scripts_dir/lib/monitoring.sh"

BINARIES=(svc-org svc-tickets svc-loans svc-audit huinongctl)

build() {
  "$scripts_dir/setup.sh"
  log "configuring $BUILD_DIR"
  # HUINONG_WERROR is left as the build dir has it, so switching between up.sh
  # and test.sh does not rebuild everything.
  cmake -S "$REPO_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release
  log "building ${BINARIES[*]}"
  ninja -C "$BUILD_DIR" "${BINARIES[@]/#/bin/}"
}

# Runs huinongctl against this suite's gateway with its development secret,
# and with CTL_TOKEN as HUINONG_TOKEN when set. Nothing else HUINONG_* leaks in
# from the caller's shell (e.g. the token of another suite).
CTL_TOKEN=''
ctl() {
  local env_words=()
  mapfile -t env_words < <(huinong_env_unset_words)
  env_words+=(
    HUINONG_GATEWAY="127.0.0.1:$GATEWAY_PORT"
    HUINONG_JWT_HS256_SECRET_FILE="$(jwt_key_file)"
    HUINONG_JWT_ISSUER="$HUINONG_JWT_ISSUER_DEFAULT"
    HUINONG_JWT_AUDIENCE="$HUINONG_JWT_AUDIENCE_DEFAULT"
  )
  [[ -z $CTL_TOKEN ]] || env_words+=(HUINONG_TOKEN="$CTL_TOKEN")
  env "${env_words[@]}" "$BIN_DIR/huinongctl" "$@"
}

wait_healthy() {
  log "waiting for all services to be SERVING through the gateway"
  if ! ctl health --wait 60s; then
    local svc
    for svc in "${HUINONG_SERVICES[@]}"; do show_log_tail "$(service_log_file "$svc")" 20; done
    show_log_tail "$GATEWAY_DIR/logs/error.log" 20
    die "the suite is not healthy through the gateway 127.0.0.1:$GATEWAY_PORT"
  fi
}

# RUN/env: `export K=V` lines for clients, tests and operators. Holds a token,
# so it is private to the user.
write_env_file() {
  local token=$1 file=$RUN_DIR/env svc
  kv() { printf 'export %s=%q\n' "$1" "$2"; }
  (
    umask 077
    {
      printf '# Huinong local suite in %s, written by scripts/up.sh. Use: source %s\n' "$RUN_DIR" "$file"
      kv HUINONG_GATEWAY "127.0.0.1:$GATEWAY_PORT"
      kv HUINONG_TOKEN "$token"
      kv HUINONG_JWT_HS256_SECRET_FILE "$(jwt_key_file)"
      kv HUINONG_JWT_ISSUER "$HUINONG_JWT_ISSUER_DEFAULT"
      kv HUINONG_JWT_AUDIENCE "$HUINONG_JWT_AUDIENCE_DEFAULT"
      kv HUINONG_RUN_DIR "$RUN_DIR"
      kv HUINONG_BUILD_DIR "$BUILD_DIR"
      kv HUINONG_PORT_OFFSET "$PORT_OFFSET"
      kv HUINONG_REPLICAS "$REPLICAS"
      kv HUINONG_DB_PORT "$DB_PORT"
      kv HUINONG_DB_SOCKET "$DB_SOCKET"
      kv HUINONG_DB_ADMIN_USER huinong_admin
      kv HUINONG_DB_ADMIN_PASSWORD_FILE "$(db_password_file admin)"
      for svc in "${HUINONG_SERVICES[@]}"; do
        kv "HUINONG_${svc^^}_ADDR" "$(grpc_addr "$svc")"
        kv "HUINONG_${svc^^}_METRICS" "$(metrics_addr "$svc")"
        kv "HUINONG_${svc^^}_ADDRS" "$(grpc_addrs "$svc")"
        kv "HUINONG_${svc^^}_METRICS_ADDRS" "$(metrics_addrs "$svc")"
      done
    } >"$file.tmp"
    mv -f -- "$file.tmp" "$file"
  )
}

# A path as the user would type it from here.
display_path() {
  local rel
  rel=$(realpath -m --relative-to="$PWD" -- "$1")
  if [[ $rel == ../* ]]; then printf '%s\n' "$1"; else printf '%s\n' "$rel"; fi
}

# The down.sh command line that stops this suite.
down_command() {
  if [[ $RUN_DIR == "$REPO_ROOT/.run" ]]; then
    printf 'scripts/down.sh\n'
  else
    printf 'HUINONG_RUN_DIR=%s scripts/down.sh\n' "$(display_path "$RUN_DIR")"
  fi
}

print_welcome() {
  local run down r
  run=$(display_path "$RUN_DIR")
  down=$(down_command)
  cat <<MSG

Huinong is up.
  gateway:  127.0.0.1:$GATEWAY_PORT  (gRPC over plaintext HTTP/2)
  use it:   source $run/env
            $(display_path "$BIN_DIR/huinongctl") unit tree
  metrics:
MSG
  local inst
  for (( r = 1; r <= REPLICAS; r++ )); do
    for inst in $(replica_instances "$r"); do
      printf '            http://%s/metrics  (svc-%s)\n' \
        "$(metrics_addr "$(instance_service "$inst")" "$r")" "$inst"
    done
  done
  cat <<MSG
  logs:     $run/logs/  and  $run/gateway/logs/
  stop:     $down   (keeps the data; add --purge to delete $run)

MSG
}

on_exit() {
  local rc=$?
  (( rc == 0 )) && return 0
  log "up.sh failed (exit $rc); logs are in $LOG_DIR and $GATEWAY_DIR/logs; what started is still running: stop it with $(down_command)"
}

usage() { sed -n '/^# Usage:/,/^#$/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

main() {
  local monitoring=0
  while (( $# > 0 )); do
    case $1 in
      --replicas) (( $# >= 2 )) || die "--replicas needs a number"; export HUINONG_REPLICAS=$2; shift ;;
      --replicas=*) export HUINONG_REPLICAS=${1#*=} ;;
      --monitoring) monitoring=1 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; die "unknown argument: $1" ;;
    esac
    shift
  done

  load_layout
  trap on_exit EXIT
  mkdir -p -- "$RUN_DIR" "$LOG_DIR" "$PID_DIR"
  services_record_replicas

  if [[ ${HUINONG_SKIP_BUILD:-0} == 1 ]]; then
    log "HUINONG_SKIP_BUILD=1: using the binaries in $BIN_DIR as they are"
  else
    build
  fi
  require_binaries

  ensure_secrets
  mariadb_init
  mariadb_start
  mariadb_provision
  audit_provision

  # Minted before the health check (it needs only the local secret) so that
  # the check also works against services that want a caller identity.
  local token
  token=$(ctl token --sub admin --roles admin --ttl 720h)
  token=${token//[[:space:]]/}
  [[ -n $token ]] || die "huinongctl token printed no token"
  CTL_TOKEN=$token

  # Fresh data: stage one of the demo's history with the clock behind; until
  # stage two has loaded, svc-loans runs without its close-of-business schedule.
  local stage
  stage=$(demo_history_pending_stage)
  if [[ $stage == 1 ]]; then
    demo_load_history
    stage=2
  fi
  if [[ $stage == 2 ]]; then
    services_stop_group loans
    SERVICES_COB_INTERVAL=0 services_start
  else
    services_start
  fi
  gateway_start
  wait_healthy
  write_env_file "$token"

  log "loading the demo county"
  if ! ctl demo load >"$LOG_DIR/demo-load.log" 2>&1; then
    show_log_tail "$LOG_DIR/demo-load.log"
    [[ $stage != 2 ]] || log "svc-loans runs without its close-of-business schedule until scripts/up.sh loads the demo's history"
    # The demo's request ids are fixed, so a demo changed since RUN's data
    # was loaded is refused request by request rather than half applied.
    ! grep -q REQUEST_ID_REUSED "$LOG_DIR/demo-load.log" \
      || log "the data in $RUN_DIR was loaded by an older version of the demo; start afresh with: scripts/down.sh --purge && scripts/up.sh"
    die "huinongctl demo load failed"
  fi
  log "demo county loaded (output in $LOG_DIR/demo-load.log)"
  [[ $stage != 2 ]] || demo_history_loaded
  (( ! monitoring )) || monitoring_start
  print_welcome
}

main "$@"
