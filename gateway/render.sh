#!/usr/bin/env bash
# Renders gateway/nginx.conf.template into a runnable nginx config and creates
# the prefix directories it writes to (logs, temp).
#
# Usage: GATEWAY_PREFIX=DIR [VAR=value ...] gateway/render.sh [--check] [OUTPUT]
#   OUTPUT defaults to $GATEWAY_PREFIX/nginx.conf; with --check the new config
#   replaces OUTPUT only if `nginx -t` accepts it.
#   Variables (defaults in brackets):
#     GATEWAY_PREFIX             directory for pid, logs and temp files (required)
#     GATEWAY_LISTEN             [127.0.0.1:8080]
#     ORG_ADDR TICKETS_ADDR LOANS_ADDR AUDIT_ADDR   [127.0.0.1:50051..50054]
#                                each host:port, or several separated by commas
#                                (the replicas of a service: one upstream, all
#                                of them as its servers, round robin)
#     GATEWAY_RATE               requests per second per client address [5000]
#     GATEWAY_BURST              requests above the rate served at once [10000]
#     GATEWAY_BODY_LIMIT         largest request body [4m]
#     GATEWAY_WORKERS            [auto]
#     GATEWAY_WORKER_CONNECTIONS [4096, or half the open-file limit if that is lower]
#
# Guarantees: only the variables listed above are substituted, so nginx's own
# $variables survive; every value is validated before anything is written; the
# output is replaced atomically, and with --check only by a config nginx
# accepts; as root the workers run as root (they must read and write the
# prefix, which may not be open to nobody), otherwise no user directive is
# written and nginx runs as the invoking user.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
template=$here/nginx.conf.template

die() { printf 'gateway/render.sh: %s\n' "$*" >&2; exit 1; }

check=0
if [[ ${1:-} == --check ]]; then check=1; shift; fi
(( $# <= 1 )) || die "usage: GATEWAY_PREFIX=DIR gateway/render.sh [--check] [OUTPUT]"

[[ -n ${GATEWAY_PREFIX:-} ]] || die "GATEWAY_PREFIX is required"
GATEWAY_PREFIX=$(realpath -m -- "$GATEWAY_PREFIX")
output=$(realpath -m -- "${1:-$GATEWAY_PREFIX/nginx.conf}")

export GATEWAY_PREFIX
export GATEWAY_LISTEN=${GATEWAY_LISTEN:-127.0.0.1:8080}
export ORG_ADDR=${ORG_ADDR:-127.0.0.1:50051}
export TICKETS_ADDR=${TICKETS_ADDR:-127.0.0.1:50052}
export LOANS_ADDR=${LOANS_ADDR:-127.0.0.1:50053}
export AUDIT_ADDR=${AUDIT_ADDR:-127.0.0.1:50054}
export GATEWAY_RATE=${GATEWAY_RATE:-5000}
export GATEWAY_BURST=${GATEWAY_BURST:-10000}
export GATEWAY_BODY_LIMIT=${GATEWAY_BODY_LIMIT:-4m}
export GATEWAY_WORKERS=${GATEWAY_WORKERS:-auto}
# Workers may raise their open-file limit up to the hard limit without
# privileges; a proxied call holds two descriptors (client and backend).
hard_nofile=$(ulimit -Hn)
[[ $hard_nofile =~ ^[0-9]+$ ]] || hard_nofile=65536   # "unlimited"
export GATEWAY_RLIMIT_NOFILE=$(( hard_nofile < 16384 ? hard_nofile : 16384 ))
default_connections=$(( GATEWAY_RLIMIT_NOFILE / 2 < 4096 ? GATEWAY_RLIMIT_NOFILE / 2 : 4096 ))
export GATEWAY_WORKER_CONNECTIONS=${GATEWAY_WORKER_CONNECTIONS:-$default_connections}
if (( EUID == 0 )); then
  export GATEWAY_USER_DIRECTIVE='user root;'
else
  export GATEWAY_USER_DIRECTIVE='# no user directive: nginx runs as the user who started it'
fi

# ---- validation: a bad value must fail here, not as a puzzling nginx error ----
require_match() {   # NAME REGEX DESCRIPTION
  [[ ${!1} =~ $2 ]] || die "$1='${!1}' is not $3"
}
host_port='^[A-Za-z0-9.-]+:[0-9]{1,5}$|^\[[0-9a-fA-F:]+\]:[0-9]{1,5}$'
require_host_port() {   # NAME VALUE
  [[ $2 =~ $host_port ]] || die "$1='$2' is not host:port"
  local port=${2##*:}
  (( port >= 1 && port <= 65535 )) || die "$1='$2' has no valid port"
}
require_host_port GATEWAY_LISTEN "$GATEWAY_LISTEN"
# NAME_ADDR (one or more host:port, comma-separated) becomes NAME_SERVERS, the
# upstream's `server` lines.
for name in ORG_ADDR TICKETS_ADDR LOANS_ADDR AUDIT_ADDR; do
  IFS=, read -r -a addrs <<<"${!name}"
  (( ${#addrs[@]} > 0 )) || die "$name is empty"
  servers=''
  for addr in "${addrs[@]}"; do
    require_host_port "$name" "$addr"
    servers+="${servers:+$'\n        '}server $addr;"
  done
  export "${name%_ADDR}_SERVERS=$servers"
done
require_match GATEWAY_RATE '^[1-9][0-9]*$' "a positive integer (requests per second)"
require_match GATEWAY_BURST '^[1-9][0-9]*$' "a positive integer (nginx has no burst of 0)"
require_match GATEWAY_BODY_LIMIT '^[0-9]+[kKmMgG]?$' "an nginx size (e.g. 4m)"
require_match GATEWAY_WORKERS '^(auto|[1-9][0-9]*)$' "auto or a positive integer"
require_match GATEWAY_WORKER_CONNECTIONS '^[1-9][0-9]*$' "a positive integer"
# The prefix is written into quoted nginx strings.
[[ $GATEWAY_PREFIX != *[\"\$\;\{\}\\]* && $GATEWAY_PREFIX != *$'\n'* ]] \
  || die "GATEWAY_PREFIX contains a character nginx would misread: $GATEWAY_PREFIX"

# ---- render --------------------------------------------------------------------
# envsubst's SHELL-FORMAT: the literal names to replace, everything else kept.
# shellcheck disable=SC2016
substituted='${GATEWAY_PREFIX} ${GATEWAY_LISTEN} ${ORG_SERVERS} ${TICKETS_SERVERS} ${LOANS_SERVERS}
             ${AUDIT_SERVERS} ${GATEWAY_RATE} ${GATEWAY_BURST} ${GATEWAY_BODY_LIMIT}
             ${GATEWAY_WORKERS} ${GATEWAY_WORKER_CONNECTIONS} ${GATEWAY_RLIMIT_NOFILE}
             ${GATEWAY_USER_DIRECTIVE}'

mkdir -p -- "$GATEWAY_PREFIX/logs" "$(dirname "$output")"
for dir in client_body proxy fastcgi uwsgi scgi; do
  mkdir -p -- "$GATEWAY_PREFIX/temp/$dir"
done

envsubst "$substituted" <"$template" >"$output.tmp"
if (( check )); then
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  if ! "$nginx_bin" -t -q -p "$GATEWAY_PREFIX" -c "$output.tmp"; then
    rm -f -- "$output.tmp"
    die "nginx rejected the rendered config; $output is unchanged"
  fi
fi
mv -f -- "$output.tmp" "$output"
