#!/usr/bin/env bash
# Stops the Huinong suite that scripts/up.sh started under HUINONG_RUN_DIR
# (default <repo>/.run): Prometheus when up.sh --monitoring started it, the
# gateway, every replica of the four services, then MariaDB.
#
# Usage: scripts/down.sh [--purge]
#   --purge  also delete the run dir (data, secrets, logs)
#
# Guarantees: only processes named by the run dir's pid files are signalled,
# and only when the pid still belongs to the expected program (never by name);
# services get SIGTERM and 15 s to drain before SIGKILL, svc-audit last so the
# others can flush their outboxes; MariaDB shuts down cleanly. Safe when
# nothing runs. Without --purge the data stays and a later up.sh resumes it.
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
# shellcheck source=lib/gateway.sh
source "$scripts_dir/lib/gateway.sh"
# shellcheck source=lib/monitoring.sh
source "$scripts_dir/lib/monitoring.sh"

usage() { sed -n '2,7s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

# What up.sh creates in a run dir; --purge deletes nothing else.
RUN_DIR_ENTRIES=(env env.tmp gateway logs mariadb mariadb.sock mariadb.sock.lock pids prometheus replicas secrets)

# Dies unless RUN_DIR holds only what up.sh puts there, so a mistyped
# HUINONG_RUN_DIR can never delete a source tree or a home directory.
check_purgeable() {
  local entry name known unexpected=()
  for entry in "$RUN_DIR"/* "$RUN_DIR"/.[!.]*; do
    [[ -e $entry || -L $entry ]] || continue
    name=${entry##*/}
    for known in "${RUN_DIR_ENTRIES[@]}"; do
      [[ $name == "$known" ]] && continue 2
    done
    unexpected+=("$name")
  done
  (( ${#unexpected[@]} == 0 )) \
    || die "refusing to delete $RUN_DIR: it holds things up.sh did not create (${unexpected[*]})"
}

main() {
  local purge=0
  while (( $# > 0 )); do
    case $1 in
      --purge) purge=1 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; die "unknown argument: $1" ;;
    esac
    shift
  done

  load_layout
  if [[ ! -d $RUN_DIR ]]; then
    log "nothing to stop: $RUN_DIR does not exist"
    return 0
  fi

  (( purge )) && check_purgeable

  monitoring_stop
  gateway_stop
  services_stop
  mariadb_stop
  log "stopped everything under $RUN_DIR"

  if (( purge )); then
    log "deleting $RUN_DIR"
    rm -rf -- "$RUN_DIR"
  fi
}

main "$@"
