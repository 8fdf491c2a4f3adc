# shellcheck shell=bash
# Debian's Prometheus (package prometheus, scripts/setup.sh) for the local
# suite: `scripts/up.sh --monitoring` starts it, scripts/down.sh stops it, and
# the dashboard test (tests/e2e/dashboard_test.sh) starts it against the suite
# under test.
# Guarantees: it lives wholly under RUN/prometheus (its config, its own data
# dir, its log in RUN/logs) and listens on 127.0.0.1 only, port 9090 + the
# suite's port offset like every other piece; it scrapes the four services'
# metrics endpoints every 2 s with job names svc-org, svc-tickets, svc-loans,
# svc-audit (the names k8s/monitoring/huinong.rules.yml groups by, as the
# ServiceMonitor gives them in Kubernetes) and loads those rules, evaluated
# every 2 s; a Prometheus already running for this run dir is left alone;
# start-up fails loudly, with the tail of its log, unless it answers ready.
# Requires lib/common.sh (load_layout done).

HUINONG_PROMETHEUS_BASE_PORT=9090
# How often the local Prometheus scrapes and evaluates its rules: a few
# seconds, so that a panel shows a call made a moment ago.
HUINONG_PROMETHEUS_INTERVAL=2s

prometheus_dir()      { printf '%s/prometheus\n' "$RUN_DIR"; }
prometheus_port()     { offset_port "$HUINONG_PROMETHEUS_BASE_PORT" Prometheus; }
prometheus_url()      { printf 'http://127.0.0.1:%s\n' "$(prometheus_port)"; }
prometheus_pid_file() { printf '%s/prometheus.pid\n' "$PID_DIR"; }
prometheus_log_file() { printf '%s/prometheus.log\n' "$LOG_DIR"; }
prometheus_rules_file() { printf '%s/k8s/monitoring/huinong.rules.yml\n' "$REPO_ROOT"; }
prometheus_running_pid() { running_pid "$(prometheus_pid_file)" prometheus; }

# The scrape configuration: one job per service, named as in Kubernetes.
prometheus_write_config() {
  local file=$1 svc
  {
    printf '# Written by scripts/lib/monitoring.sh for the suite in %s.\n' "$RUN_DIR"
    printf 'global:\n  scrape_interval: %s\n  evaluation_interval: %s\n' \
      "$HUINONG_PROMETHEUS_INTERVAL" "$HUINONG_PROMETHEUS_INTERVAL"
    printf 'rule_files:\n  - %s\n' "$(prometheus_rules_file)"
    printf 'scrape_configs:\n'
    # Every replica under its service's job (the rules sum or max by job).
    for svc in "${HUINONG_SERVICES[@]}"; do
      printf '  - job_name: svc-%s\n    static_configs:\n      - targets: ["%s"]\n' \
        "$svc" "$(metrics_addrs "$svc" | sed 's/,/", "/g')"
    done
  } >"$file.tmp"
  mv -f -- "$file.tmp" "$file"
}

monitoring_start() {
  local dir pid prometheus port
  dir=$(prometheus_dir)
  port=$(prometheus_port)
  mkdir -p -- "$dir/data" "$LOG_DIR" "$PID_DIR"
  prometheus_write_config "$dir/prometheus.yml"
  pid=$(prometheus_running_pid)
  if [[ -n $pid ]]; then
    # A running Prometheus re-reads its configuration and rules on SIGHUP.
    log "Prometheus already running (pid $pid); reloading its configuration"
    kill -HUP "$pid"
    return 0
  fi
  prometheus=$(find_program prometheus)
  require_port_free "$port" Prometheus
  log "starting Prometheus on $(prometheus_url) (data in $dir/data)"
  start_detached "$(prometheus_pid_file)" "$(prometheus_log_file)" \
    "$prometheus" --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" --storage.tsdb.retention.time=7d
  local ticks=300
  until curl -fsS "$(prometheus_url)/-/ready" >/dev/null 2>&1; do
    pid=$(pid_from_file "$(prometheus_pid_file)")
    if [[ -z $pid ]] || ! pid_alive "$pid" || (( ticks-- <= 0 )); then
      show_log_tail "$(prometheus_log_file)"
      die "Prometheus did not become ready on $(prometheus_url)"
    fi
    sleep 0.1
  done
  log "Prometheus is ready: $(prometheus_url)"
}

monitoring_stop() {
  local pid
  pid=$(prometheus_running_pid)
  [[ -z $pid ]] || stop_pid "$pid" Prometheus 15
}
