# shellcheck shell=bash
# The four Huinong services as background processes of the local suite, each
# in REPLICAS processes ("replicas"; lib/common.sh). A replica is named by an
# instance: "org" for replica 1 (pid file pids/org.pid, log logs/org.log, as
# with one replica), "org-2" for replica 2, and so on.
# Guarantees: each service gets its whole configuration from HUINONG_*
# variables and inherits no other HUINONG_* variable from the caller; a
# service whose pid file names a live svc-<name> process is left alone, so
# starting twice is safe; start-up fails loudly, with the tail of the
# service's log, when a service exits or does not open its gRPC port; replica
# 1 of every service starts (and runs its migrations) before the other
# replicas start; stopping a service stops every replica that has a pid file,
# whatever REPLICAS is now, and gives them 30 s (drain plus stop hooks) after
# SIGTERM; svc-audit stops last so the others can flush their outboxes into it.
# Requires lib/common.sh and lib/secrets.sh.

# RUN/replicas: the REPLICAS of the last up.sh, the default of the next one.
services_record_replicas() { printf '%s\n' "$REPLICAS" >"$RUN_DIR/replicas"; }

# Instance names: service_instance SVC R; instance_service and instance_replica take them apart.
service_instance() { if (( ${2:-1} == 1 )); then printf '%s\n' "$1"; else printf '%s-%s\n' "$1" "$2"; fi; }
instance_service() { printf '%s\n' "${1%%-*}"; }
instance_replica() { if [[ $1 == *-* ]]; then printf '%s\n' "${1##*-}"; else printf '1\n'; fi; }

service_program()  { printf '%s/svc-%s\n' "$BIN_DIR" "$(instance_service "$1")"; }
service_pid_file() { printf '%s/%s.pid\n' "$PID_DIR" "$1"; }
service_log_file() { printf '%s/%s.log\n' "$LOG_DIR" "$1"; }
service_running_pid() { running_pid "$(service_pid_file "$1")" "svc-$(instance_service "$1")"; }

# The instances of replica R of every service, in start order.
replica_instances() {
  local svc
  for svc in "${HUINONG_SERVICES[@]}"; do service_instance "$svc" "$1"; done
}

# The instances of the named services that have a pid file (any replica).
recorded_instances() {
  local svc file name
  for svc in "$@"; do
    for file in "$PID_DIR/$svc.pid" "$PID_DIR/$svc"-[0-9].pid; do
      [[ -e $file ]] || continue
      name=${file##*/}
      printf '%s\n' "${name%.pid}"
    done
  done
}

require_binaries() {
  local svc missing=()
  for svc in "${HUINONG_SERVICES[@]}"; do
    [[ -x $(service_program "$svc") ]] || missing+=("$(service_program "$svc")")
  done
  [[ -x $BIN_DIR/huinongctl ]] || missing+=("$BIN_DIR/huinongctl")
  (( ${#missing[@]} == 0 )) || die "not built: ${missing[*]} (run scripts/up.sh without HUINONG_SKIP_BUILD, or ninja -C $BUILD_DIR)"
}

# The address a service calls a peer at: replica 1's, or with several replicas
# a gRPC target naming them all (pick_first: the first that answers, the next
# when it is down), as a Kubernetes Service would spread them.
peer_target() {
  if (( REPLICAS == 1 )); then grpc_addr "$1"; else printf 'ipv4:%s\n' "$(grpc_addrs "$1")"; fi
}

# The environment of one service instance, as NAME=VALUE words for env(1).
service_env() {
  local svc replica peer
  svc=$(instance_service "$1")
  replica=$(instance_replica "$1")
  local vars=(
    HUINONG_LISTEN="$(grpc_addr "$svc" "$replica")"
    HUINONG_METRICS_LISTEN="$(metrics_addr "$svc" "$replica")"
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
    vars+=("HUINONG_${peer^^}_ADDR=$(peer_target "$peer")")
  done
  printf '%s\n' "${vars[@]}"
}

# Starts every replica that is not running: replica 1 of each service first
# (the migrations serialise on a database lock anyway; this way the others
# find them applied), then the rest; replicas above REPLICAS are stopped.
services_start() {
  mkdir -p -- "$LOG_DIR" "$PID_DIR"
  local replica instances=()
  for (( replica = 1; replica <= REPLICAS; replica++ )); do
    mapfile -t instances < <(replica_instances "$replica")
    services_start_instances "${instances[@]}"
  done
  services_stop_beyond "$REPLICAS"
}

services_start_instances() {
  local inst svc replica pid
  for inst in "$@"; do
    svc=$(instance_service "$inst")
    replica=$(instance_replica "$inst")
    pid=$(service_running_pid "$inst")
    if [[ -n $pid ]]; then
      log "svc-$inst already running (pid $pid)"
      continue
    fi
    require_port_free "$(grpc_port "$svc" "$replica")" "svc-$inst gRPC"
    require_port_free "$(metrics_port "$svc" "$replica")" "svc-$inst metrics"
    local env_words=()
    mapfile -t env_words < <(huinong_env_unset_words; service_env "$inst")
    log "starting svc-$inst on $(grpc_addr "$svc" "$replica") (metrics $(metrics_addr "$svc" "$replica"))"
    start_detached "$(service_pid_file "$inst")" "$(service_log_file "$inst")" \
      env "${env_words[@]}" "$(service_program "$inst")"
  done
  services_wait_listening "$@"
}

# Stops the replicas numbered above N (left from an up.sh with more replicas).
services_stop_beyond() {
  local inst extra=()
  while read -r inst; do
    if (( $(instance_replica "$inst") > $1 )); then extra+=("$inst"); fi
  done < <(recorded_instances "${HUINONG_SERVICES[@]}")
  (( ${#extra[@]} == 0 )) || services_stop_instances "${extra[@]}"
}

# Waits until every named instance accepts TCP connections on its gRPC port.
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
      port_open "$(grpc_port "$(instance_service "$svc")" "$(instance_replica "$svc")")" || still+=("$svc")
    done
    pending=("${still[@]}")
    (( ${#pending[@]} == 0 )) && break
    if (( ticks-- <= 0 )); then
      for svc in "${pending[@]}"; do show_log_tail "$(service_log_file "$svc")"; done
      die "not listening after 120s: ${pending[*]/#/svc-}"
    fi
    sleep 0.1
  done
  log "accepting connections: ${*/#/svc-}"
}

# Stops every replica of the named services (see services_stop_instances).
services_stop_group() {
  local instances=()
  mapfile -t instances < <(recorded_instances "$@")
  (( ${#instances[@]} == 0 )) || services_stop_instances "${instances[@]}"
}

# Sends SIGTERM to every named running instance, gives them 30 s together to
# drain, then SIGKILLs whichever is left.
services_stop_instances() {
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
