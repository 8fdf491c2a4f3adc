# shellcheck shell=bash
# The four Huinong services as background processes of the local suite.
# Guarantees: each service gets its whole configuration from HUINONG_*
# variables and inherits no other HUINONG_* variable from the caller; a
# service whose pid file names a live svc-<name> process is left alone, so
# starting twice is safe; start-up fails loudly, with the tail of the
# service's log, when a service exits or does not open its gRPC port; stopping
# gives the services 30 s (drain plus stop hooks) after SIGTERM, and stops svc-audit last so
# the others can flush their outboxes into it.
# Requires lib/common.sh and lib/secrets.sh.

service_program()  { printf '%s/svc-%s\n' "$BIN_DIR" "$1"; }
service_pid_file() { printf '%s/%s.pid\n' "$PID_DIR" "$1"; }
service_log_file() { printf '%s/%s.log\n' "$LOG_DIR" "$1"; }
service_running_pid() { running_pid "$(service_pid_file "$1")" "svc-$1"; }

require_binaries() {
  local svc missing=()
  for svc in "${HUINONG_SERVICES[@]}"; do
    [[ -x $(service_program "$svc") ]] || missing+=("$(service_program "$svc")")
  done
  [[ -x $BIN_DIR/huinongctl ]] || missing+=("$BIN_DIR/huinongctl")
  (( ${#missing[@]} == 0 )) || die "not built: ${missing[*]} (run scripts/up.sh without HUINONG_SKIP_BUILD, or ninja -C $BUILD_DIR)"
}

# The environment of one service, as NAME=VALUE words for env(1).
service_env() {
  local svc=$1 peer
  local vars=(
    HUINONG_LISTEN="$(grpc_addr "$svc")"
    HUINONG_METRICS_LISTEN="$(metrics_addr "$svc")"
    HUINONG_DB_HOST=127.0.0.1
    HUINONG_DB_PORT="$DB_PORT"
    HUINONG_DB_NAME="$(db_name "$svc")"
    HUINONG_DB_USER="$(db_user "$svc")"
    HUINONG_DB_PASSWORD_FILE="$(db_password_file "$svc")"
    HUINONG_JWT_HS256_SECRET_FILE="$(jwt_key_file)"
    HUINONG_JWT_ISSUER="$HUINONG_JWT_ISSUER_DEFAULT"
    HUINONG_JWT_AUDIENCE="$HUINONG_JWT_AUDIENCE_DEFAULT"
    HUINONG_LOG_LEVEL="${HUINONG_LOG_LEVEL:-info}"
  )
  # A demonstration run days ahead (an overdue county review): every service
  # runs its business clock that far off the wall clock, and says so.
  if [[ -n ${HUINONG_CLOCK_OFFSET:-} ]]; then
    vars+=("HUINONG_CLOCK_OFFSET=$HUINONG_CLOCK_OFFSET")
  fi
  # While the demo's history loads (lib/demo.sh), svc-loans runs its
  # close-of-business job only when asked.
  if [[ $svc == loans && -n ${SERVICES_COB_INTERVAL:-} ]]; then
    vars+=("HUINONG_COB_INTERVAL=$SERVICES_COB_INTERVAL")
  fi
  # The local suite scans SLA clocks every few seconds (30 s by default), so
  # a breach shows within a test's patience.
  if [[ $svc == tickets ]]; then
    vars+=("HUINONG_SLA_SCAN_INTERVAL=${SERVICES_SLA_SCAN_INTERVAL:-5s}")
  fi
  if [[ $svc == audit ]]; then
    vars+=("HUINONG_CHECKPOINT_KEY_FILE=$(checkpoint_key_file)")
  fi
  # Where the other services are, for the calls between them (org scope, audit outbox relay).
  for peer in "${HUINONG_SERVICES[@]}"; do
    vars+=("HUINONG_${peer^^}_ADDR=$(grpc_addr "$peer")")
  done
  printf '%s\n' "${vars[@]}"
}

services_start() {
  mkdir -p -- "$LOG_DIR" "$PID_DIR"
  local svc pid
  for svc in "${HUINONG_SERVICES[@]}"; do
    pid=$(service_running_pid "$svc")
    if [[ -n $pid ]]; then
      log "svc-$svc already running (pid $pid)"
      continue
    fi
    require_port_free "$(grpc_port "$svc")" "svc-$svc gRPC"
    require_port_free "$(metrics_port "$svc")" "svc-$svc metrics"
    local env_words=()
    mapfile -t env_words < <(huinong_env_unset_words; service_env "$svc")
    log "starting svc-$svc on $(grpc_addr "$svc") (metrics $(metrics_addr "$svc"))"
    start_detached "$(service_pid_file "$svc")" "$(service_log_file "$svc")" \
      env "${env_words[@]}" "$(service_program "$svc")"
  done
  services_wait_listening "${HUINONG_SERVICES[@]}"
}

# Waits until every named service accepts TCP connections on its gRPC port.
services_wait_listening() {
  local pending=("$@") ticks=1200 svc pid still   # 120 s: first start runs the migrations
  while (( ${#pending[@]} > 0 )); do
    still=()
    for svc in "${pending[@]}"; do
      pid=$(pid_from_file "$(service_pid_file "$svc")")
      if [[ -z $pid ]] || ! pid_alive "$pid"; then
        show_log_tail "$(service_log_file "$svc")"
        die "svc-$svc exited during start-up"
      fi
      port_open "$(grpc_port "$svc")" || still+=("$svc")
    done
    pending=("${still[@]}")
    (( ${#pending[@]} == 0 )) && break
    if (( ticks-- <= 0 )); then
      for svc in "${pending[@]}"; do show_log_tail "$(service_log_file "$svc")"; done
      die "not listening after 120s: ${pending[*]/#/svc-}"
    fi
    sleep 0.1
  done
  log "all services accept connections"
}

# Sends SIGTERM to every named running service, gives them 30 s together to
# drain, then SIGKILLs whichever is left.
services_stop_group() {
  local svc pid pids=() names=()
  for svc in "$@"; do
    pid=$(service_running_pid "$svc")
    if [[ -n $pid ]]; then
      log "stopping svc-$svc (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      names+=("svc-$svc")
    fi
    rm -f -- "$(service_pid_file "$svc")"
  done
  local deadline=$(( SECONDS + 30 )) i alive
  while :; do
    alive=0
    for pid in "${pids[@]}"; do pid_alive "$pid" && alive=1; done
    (( alive == 0 || SECONDS >= deadline )) && break
    sleep 0.1
  done
  for i in "${!pids[@]}"; do
    if pid_alive "${pids[$i]}"; then
      log "${names[$i]} did not stop within 30s; sending SIGKILL"
      kill -KILL "${pids[$i]}" 2>/dev/null || true
      wait_pid_exit "${pids[$i]}" 5 || log "${names[$i]} (pid ${pids[$i]}) survived SIGKILL"
    fi
  done
}

services_stop() {
  local svc others=()
  for svc in "${HUINONG_SERVICES[@]}"; do
    [[ $svc == audit ]] || others+=("$svc")
  done
  services_stop_group "${others[@]}"
  services_stop_group audit
}
