# shellcheck shell=bash
# The suite's private MariaDB instance under RUN/mariadb: initialise once,
# start in the background, provision accounts, stop.
# Guarantees: the server listens only on 127.0.0.1:DB_PORT and RUN/mariadb.sock;
# root is reachable only over the socket by the OS user running the scripts;
# there are no anonymous accounts; each service account can reach only its own
# database; provisioning is idempotent and keeps the passwords in RUN/secrets.
# Requires lib/common.sh and lib/secrets.sh.

mariadb_data_dir() { printf '%s/mariadb/data\n' "$RUN_DIR"; }
mariadb_pid_file() { printf '%s/mariadb.pid\n' "$PID_DIR"; }
mariadb_log_file() { printf '%s/mariadb.log\n' "$LOG_DIR"; }

# Privileges of a service account on its own database: enough to run its
# migrations and its queries, nothing server-wide.
SERVICE_DB_PRIVILEGES='SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES'

# mariadb-install-db gives the OS user that ran it a socket-authenticated
# superuser account (root when run as root).
mariadb_superuser() { id -un; }

# Runs the mariadb client as the superuser over the socket; SQL on stdin or via -e.
mariadb_root() {
  mariadb --no-defaults --socket="$DB_SOCKET" --user="$(mariadb_superuser)" \
    --batch --skip-column-names "$@"
}

mariadb_running_pid() { running_pid "$(mariadb_pid_file)" mariadbd; }

# Creates the data directory on first use. A marker file records success, so
# an interrupted initialisation is redone rather than half-used.
mariadb_init() {
  local data marker
  data=$(mariadb_data_dir)
  marker=$RUN_DIR/mariadb/.initialized
  [[ -f $marker ]] && return 0
  log "initialising MariaDB data directory $data"
  rm -rf -- "$data"
  mkdir -p -- "$data" "$RUN_DIR/mariadb/tmp" "$LOG_DIR" "$PID_DIR"
  local args=(--no-defaults --datadir="$data" --auth-root-authentication-method=socket
              --skip-test-db --skip-name-resolve)
  (( EUID == 0 )) && args+=(--user=root)
  if ! mariadb-install-db "${args[@]}" >"$LOG_DIR/mariadb-install.log" 2>&1; then
    show_log_tail "$LOG_DIR/mariadb-install.log"
    die "mariadb-install-db failed"
  fi
  touch -- "$marker"
}

# Starts mariadbd unless it is already running, then waits until it answers.
mariadb_start() {
  mkdir -p -- "$RUN_DIR/mariadb/tmp" "$LOG_DIR" "$PID_DIR"
  local pid
  pid=$(mariadb_running_pid)
  if [[ -n $pid ]]; then
    log "MariaDB already running (pid $pid)"
  else
    require_port_free "$DB_PORT" MariaDB
    rm -f -- "$DB_SOCKET"
    local mariadbd args
    mariadbd=$(find_program mariadbd)
    args=(--no-defaults
          --datadir="$(mariadb_data_dir)"
          --tmpdir="$RUN_DIR/mariadb/tmp"
          --socket="$DB_SOCKET"
          --port="$DB_PORT"
          --bind-address=127.0.0.1
          --pid-file="$(mariadb_pid_file)"
          --log-error="$(mariadb_log_file)"
          --skip-name-resolve
          --character-set-server=utf8mb4
          --collation-server=utf8mb4_unicode_ci
          --default-time-zone=+00:00
          --max-connections=500
          --innodb-buffer-pool-size=256M
          # Commits reach the OS at once, the disk within a second: a killed
          # mariadbd loses nothing, only a machine crash could.
          --innodb-flush-log-at-trx-commit=2)
    (( EUID == 0 )) && args+=(--user=root)
    log "starting MariaDB on 127.0.0.1:$DB_PORT"
    start_detached "$(mariadb_pid_file)" "$(mariadb_log_file)" "$mariadbd" "${args[@]}"
  fi
  mariadb_wait_ready
}

mariadb_wait_ready() {
  local pid ticks=600   # 60 s
  pid=$(pid_from_file "$(mariadb_pid_file)")
  until mariadb-admin --no-defaults --socket="$DB_SOCKET" --user="$(mariadb_superuser)" \
          --connect-timeout=2 ping >/dev/null 2>&1; do
    if [[ -z $pid ]] || ! pid_alive "$pid"; then
      show_log_tail "$(mariadb_log_file)"
      die "MariaDB exited during start-up"
    fi
    if (( ticks-- <= 0 )); then
      show_log_tail "$(mariadb_log_file)"
      die "MariaDB did not answer within 60s"
    fi
    sleep 0.1
  done
}

# Emits SQL that creates (or re-keys) ACCOUNT at localhost and 127.0.0.1:
# socket clients match 'localhost', TCP clients '127.0.0.1' (names are not resolved).
account_sql() {
  local user=$1 password=$2 host
  for host in localhost 127.0.0.1; do
    printf "CREATE USER IF NOT EXISTS '%s'@'%s' IDENTIFIED BY '%s';\n" "$user" "$host" "$password"
    printf "ALTER USER '%s'@'%s' IDENTIFIED BY '%s';\n" "$user" "$host" "$password"
  done
}

# Creates the admin account, and a database plus least-privilege account per
# service. Passwords travel on stdin, never on a command line.
mariadb_provision() {
  # Anonymous accounts would shadow named ones for local connections.
  mariadb_root -e "SELECT CONCAT('DROP USER ', QUOTE(User), '@', QUOTE(Host), ';')
                   FROM mysql.user WHERE User = ''" | mariadb_root

  local admin_password svc db user password host
  admin_password=$(<"$(db_password_file admin)")
  {
    account_sql huinong_admin "$admin_password"
    for host in localhost 127.0.0.1; do
      printf "GRANT ALL PRIVILEGES ON *.* TO 'huinong_admin'@'%s' WITH GRANT OPTION;\n" "$host"
    done
    for svc in "${HUINONG_SERVICES[@]}"; do
      db=$(db_name "$svc")
      user=$(db_user "$svc")
      password=$(<"$(db_password_file "$svc")")
      # shellcheck disable=SC2016  # backticks quote the SQL identifier
      printf 'CREATE DATABASE IF NOT EXISTS `%s` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n' "$db"
      account_sql "$user" "$password"
      # svc-audit's runtime account gets table grants only (lib/audit.sh).
      [[ $svc == audit ]] && continue
      for host in localhost 127.0.0.1; do
        printf "GRANT %s ON \`%s\`.* TO '%s'@'%s';\n" "$SERVICE_DB_PRIVILEGES" "$db" "$user" "$host"
      done
    done
  } | mariadb_root || die "provisioning MariaDB accounts failed"
  log "MariaDB accounts ready (admin: huinong_admin; services: ${HUINONG_SERVICES[*]/#/huinong_})"
}

# Stops mariadbd with SIGTERM (a clean InnoDB shutdown), SIGKILL after 60 s.
mariadb_stop() {
  local pid
  pid=$(mariadb_running_pid)
  [[ -n $pid ]] || return 0
  stop_pid "$pid" MariaDB 60
  rm -f -- "$(mariadb_pid_file)"
}
