# shellcheck shell=bash
# The suite's nginx gateway under RUN/gateway: render its config from
# gateway/nginx.conf.template, start it or reload it, stop it.
# Guarantees: a config that fails `nginx -t` is never started or loaded; a
# running gateway is reloaded in place (no dropped listener); stopping is
# graceful first (QUIT lets in-flight calls finish), then TERM, and is done by
# the master's pid file, never by process name.
# Requires lib/common.sh.

gateway_pid_file() { printf '%s/nginx.pid\n' "$GATEWAY_DIR"; }
gateway_conf()     { printf '%s/nginx.conf\n' "$GATEWAY_DIR"; }
gateway_running_pid() { running_pid "$(gateway_pid_file)" nginx; }

# Renders RUN/gateway/nginx.conf, every replica of a service in its upstream;
# a config nginx rejects never replaces it.
gateway_render() {
  GATEWAY_PREFIX=$GATEWAY_DIR \
  GATEWAY_LISTEN=127.0.0.1:$GATEWAY_PORT \
  ORG_ADDR=$(grpc_addrs org) \
  TICKETS_ADDR=$(grpc_addrs tickets) \
  LOANS_ADDR=$(grpc_addrs loans) \
  AUDIT_ADDR=$(grpc_addrs audit) \
    "$REPO_ROOT/gateway/render.sh" --check "$(gateway_conf)" \
    || die "could not render the gateway config"
}

gateway_start() {
  gateway_render
  local nginx pid
  nginx=$(find_program nginx)
  pid=$(gateway_running_pid)
  if [[ -n $pid ]]; then
    log "reloading gateway (pid $pid) on 127.0.0.1:$GATEWAY_PORT"
    kill -HUP "$pid"
    return 0
  fi
  require_port_free "$GATEWAY_PORT" gateway
  log "starting gateway on 127.0.0.1:$GATEWAY_PORT"
  # nginx daemonises itself; its start-up complaints land in this file.
  if ! "$nginx" -p "$GATEWAY_DIR" -c "$(gateway_conf)" </dev/null >"$GATEWAY_DIR/logs/start.log" 2>&1; then
    show_log_tail "$GATEWAY_DIR/logs/start.log"
    show_log_tail "$GATEWAY_DIR/logs/error.log"
    die "gateway did not start"
  fi
  local ticks=100
  until [[ -n $(gateway_running_pid) ]] && port_open "$GATEWAY_PORT"; do
    if (( ticks-- <= 0 )); then
      show_log_tail "$GATEWAY_DIR/logs/error.log"
      die "gateway is not listening on 127.0.0.1:$GATEWAY_PORT after 10s"
    fi
    sleep 0.1
  done
}

# Graceful stop: QUIT, then TERM after 10 s, then KILL of the master and the
# workers it leaves behind.
gateway_stop() {
  local pid workers=()
  pid=$(gateway_running_pid)
  [[ -n $pid ]] || { rm -f -- "$(gateway_pid_file)"; return 0; }
  log "stopping gateway (pid $pid)"
  kill -QUIT "$pid" 2>/dev/null || true
  wait_pid_exit "$pid" 10 && return 0
  log "gateway still busy after 10s; sending SIGTERM"
  kill -TERM "$pid" 2>/dev/null || true
  wait_pid_exit "$pid" 5 && return 0
  # A killed master does not take its workers along: collect them first.
  mapfile -t workers < <(ps -o pid= --ppid "$pid" 2>/dev/null | tr -d ' ')
  log "gateway ignored SIGTERM; sending SIGKILL to $pid ${workers[*]}"
  kill -KILL "$pid" "${workers[@]}" 2>/dev/null || true
  rm -f -- "$(gateway_pid_file)"
}
