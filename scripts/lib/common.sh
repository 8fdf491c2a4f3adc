# shellcheck shell=bash
# shellcheck disable=SC2034  # the globals set here are read by the sourcing scripts
# Shared layout for the local suite scripts: where the repo, build and run
# directories are, which ports each piece listens on (base port + offset), and
# small helpers for logging and for processes tracked by pid files.
# Guarantees: every path it exports is absolute; every port is checked to be a
# valid TCP port; a pid file is only trusted when the process it names is alive
# and is the program we expect (so a recycled pid is never signalled).
# Sourced by scripts/*.sh after `set -euo pipefail`; defines no behaviour of its own.

# ---- logging --------------------------------------------------------------

log() { printf '[huinong %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Prints the last lines of a log file, indented, if it exists.
show_log_tail() {
  local file=$1 lines=${2:-40}
  if [[ -s $file ]]; then
    printf -- '---- last %d lines of %s ----\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" | sed 's/^/  /' >&2
  else
    printf -- '---- %s is empty or missing ----\n' "$file" >&2
  fi
}

# ---- layout ----------------------------------------------------------------

# The four services in start order. Each has db name and db user huinong_<svc>.
HUINONG_SERVICES=(org tickets loans audit)
declare -A HUINONG_GRPC_BASE_PORT=([org]=50051 [tickets]=50052 [loans]=50053 [audit]=50054)
declare -A HUINONG_METRICS_BASE_PORT=([org]=9101 [tickets]=9102 [loans]=9103 [audit]=9104)
# Replica r (1-based) of a service listens REPLICA_PORT_STRIDE*(r-1) above
# replica 1, gRPC and metrics alike: org 50051, 50061, ...; metrics 9101, 9111, ...
HUINONG_REPLICA_PORT_STRIDE=10
HUINONG_MAX_REPLICAS=9
HUINONG_GATEWAY_BASE_PORT=8080
HUINONG_DB_BASE_PORT=13306
HUINONG_JWT_ISSUER_DEFAULT=huinong-local
HUINONG_JWT_AUDIENCE_DEFAULT=huinong

# Resolves a possibly relative path against the caller's working directory.
absolute_path() { realpath -m -- "$1"; }

# Sets REPO_ROOT, BUILD_DIR, BIN_DIR, RUN_DIR, LOG_DIR, PID_DIR, SECRETS_DIR,
# GATEWAY_DIR, PORT_OFFSET, GATEWAY_PORT, DB_PORT, DB_SOCKET and REPLICAS from
# the HUINONG_* knobs and validates them. REPLICAS (processes per service) is
# HUINONG_REPLICAS, else what the run dir's last up.sh recorded, else 1.
load_layout() {
  REPO_ROOT=$(absolute_path "$(dirname "${BASH_SOURCE[0]}")/../..")
  BUILD_DIR=$(absolute_path "${HUINONG_BUILD_DIR:-$REPO_ROOT/build}")
  BIN_DIR=$BUILD_DIR/bin
  RUN_DIR=$(absolute_path "${HUINONG_RUN_DIR:-$REPO_ROOT/.run}")
  LOG_DIR=$RUN_DIR/logs
  PID_DIR=$RUN_DIR/pids
  SECRETS_DIR=$RUN_DIR/secrets
  GATEWAY_DIR=$RUN_DIR/gateway

  PORT_OFFSET=${HUINONG_PORT_OFFSET:-0}
  [[ $PORT_OFFSET =~ ^[0-9]+$ ]] || die "HUINONG_PORT_OFFSET must be a non-negative integer, got '$PORT_OFFSET'"
  GATEWAY_PORT=$(offset_port "$HUINONG_GATEWAY_BASE_PORT" gateway)
  DB_PORT=$(offset_port "$HUINONG_DB_BASE_PORT" MariaDB)

  REPLICAS=${HUINONG_REPLICAS:-}
  if [[ -z $REPLICAS && -r $RUN_DIR/replicas ]]; then read -r REPLICAS <"$RUN_DIR/replicas" || true; fi
  REPLICAS=${REPLICAS:-1}
  [[ $REPLICAS =~ ^[1-9]$ ]] || die "replicas must be 1 to $HUINONG_MAX_REPLICAS, got '$REPLICAS'"
  local svc top=$(( (REPLICAS - 1) * HUINONG_REPLICA_PORT_STRIDE ))
  for svc in "${HUINONG_SERVICES[@]}"; do
    offset_port $(( HUINONG_GRPC_BASE_PORT[$svc] + top )) "svc-$svc gRPC" >/dev/null
    offset_port $(( HUINONG_METRICS_BASE_PORT[$svc] + top )) "svc-$svc metrics" >/dev/null
  done

  DB_SOCKET=$RUN_DIR/mariadb.sock
  # sun_path holds 108 bytes; MariaDB refuses longer socket paths.
  (( ${#DB_SOCKET} < 100 )) || die "run dir path too long for a unix socket ($DB_SOCKET); set a shorter HUINONG_RUN_DIR"
}

# offset_port BASE WHAT: prints BASE + PORT_OFFSET, or dies if it is not a TCP port.
offset_port() {
  local port=$(( $1 + PORT_OFFSET ))
  (( port <= 65535 )) || die "HUINONG_PORT_OFFSET=$PORT_OFFSET puts the $2 port at $port (above 65535); the largest usable offset is $(( 65535 - 50054 - (${REPLICAS:-1} - 1) * HUINONG_REPLICA_PORT_STRIDE ))"
  printf '%s\n' "$port"
}

# SVC [REPLICA]: the ports and addresses of one replica of a service (default 1).
replica_port_step() { printf '%s\n' $(( (${1:-1} - 1) * HUINONG_REPLICA_PORT_STRIDE )); }
grpc_port()    { printf '%s\n' $(( HUINONG_GRPC_BASE_PORT[$1] + PORT_OFFSET + $(replica_port_step "${2:-1}") )); }
metrics_port() { printf '%s\n' $(( HUINONG_METRICS_BASE_PORT[$1] + PORT_OFFSET + $(replica_port_step "${2:-1}") )); }
grpc_addr()    { printf '127.0.0.1:%s\n' "$(grpc_port "$1" "${2:-1}")"; }
metrics_addr() { printf '127.0.0.1:%s\n' "$(metrics_port "$1" "${2:-1}")"; }
# SVC: the gRPC addresses of all REPLICAS replicas, comma-separated.
grpc_addrs() {
  local r out=()
  for (( r = 1; r <= REPLICAS; r++ )); do out+=("$(grpc_addr "$1" "$r")"); done
  (IFS=,; printf '%s\n' "${out[*]}")
}
metrics_addrs() {
  local r out=()
  for (( r = 1; r <= REPLICAS; r++ )); do out+=("$(metrics_addr "$1" "$r")"); done
  (IFS=,; printf '%s\n' "${out[*]}")
}
db_name()      { printf 'huinong_%s\n' "$1"; }
db_user()      { printf 'huinong_%s\n' "$1"; }

# Finds a program that Debian installs under sbin (not on a normal user's PATH).
find_program() {
  local name=$1 dir
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
  for dir in /usr/sbin /sbin /usr/local/sbin; do
    if [[ -x $dir/$name ]]; then printf '%s\n' "$dir/$name"; return 0; fi
  done
  die "$name not found; run scripts/setup.sh"
}

# Prints `-u NAME` words for env(1) that drop every exported HUINONG_*
# variable, so a child sees only the configuration we give it (not, say, the
# token of another suite sourced into this shell).
huinong_env_unset_words() {
  local name
  for name in $(compgen -e); do
    [[ $name == HUINONG_* ]] && printf -- '-u\n%s\n' "$name"
  done
  return 0
}

# ---- processes -------------------------------------------------------------

# pid_alive PID: true when PID is a live (non-zombie) process.
pid_alive() {
  local pid=$1 state
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ -n $state && $state != Z && $state != X ]]
}

# pid_from_file FILE: prints the pid stored in FILE (nothing if absent or garbage).
pid_from_file() {
  local pid=''
  if [[ -r $1 ]]; then read -r pid <"$1" || true; fi
  [[ $pid =~ ^[0-9]+$ ]] && printf '%s\n' "$pid"
  return 0
}

# running_pid FILE PROGRAM: prints the pid from FILE when that process is
# alive and its command name is PROGRAM; otherwise prints nothing.
running_pid() {
  local pid comm
  pid=$(pid_from_file "$1")
  [[ -n $pid ]] && pid_alive "$pid" || return 0
  comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 0
  # The kernel truncates comm to 15 characters.
  [[ $comm == "${2:0:15}" ]] && printf '%s\n' "$pid"
  return 0
}

# start_detached PIDFILE LOGFILE COMMAND...: starts COMMAND in its own session
# (so a Ctrl-C in this terminal does not reach it), stdin from /dev/null,
# stdout+stderr appended to LOGFILE, and records its pid in PIDFILE. The pid is
# written by the process itself just before exec, so it is the program's pid.
start_detached() {
  local pidfile=$1 logfile=$2
  shift 2
  rm -f -- "$pidfile"
  # shellcheck disable=SC2016  # $$ and "$@" expand in the child shell.
  setsid bash -c 'echo "$$" >"$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 &
  local waited=0
  until [[ -s $pidfile ]]; do
    (( waited++ < 50 )) || die "could not start $1 (no pid file $pidfile)"
    sleep 0.1
  done
}

# stop_pid PID WHAT GRACE_SECONDS: SIGTERM, wait up to GRACE, then SIGKILL.
# Returns once the process is gone.
stop_pid() {
  local pid=$1 what=$2 grace=$3 ticks
  pid_alive "$pid" || return 0
  log "stopping $what (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  wait_pid_exit "$pid" "$grace" && return 0
  log "$what did not stop within ${grace}s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  ticks=0
  while pid_alive "$pid" && (( ticks++ < 50 )); do sleep 0.1; done
}

# wait_pid_exit PID SECONDS: true once PID is gone, false if still alive after SECONDS.
wait_pid_exit() {
  local pid=$1 ticks=$(( $2 * 10 ))
  while pid_alive "$pid"; do
    (( ticks-- > 0 )) || return 1
    sleep 0.1
  done
}

# port_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Dies with a hint when a port we are about to listen on is already taken.
require_port_free() {
  local port=$1 what=$2
  if port_open "$port"; then
    die "port $port (for $what) is already in use by another process; see: ss -ltnp 'sport = :$port'  (or choose another HUINONG_PORT_OFFSET)"
  fi
}
