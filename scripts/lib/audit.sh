# shellcheck shell=bash
# svc-audit's database setup: its event table is append-only at the database.
# The schema is created by a separate migrator account (as a Kubernetes
# migration Job would); the runtime account then gets exactly the table
# grants that `svc-audit --print-grants` prints — SELECT and INSERT on the
# events, no UPDATE, no DELETE. Also the Ed25519 key that signs checkpoints.
# Guarantees: idempotent; the key is generated once and kept.
# Requires lib/common.sh, lib/secrets.sh, lib/mariadb.sh, lib/services.sh.

checkpoint_key_file() { printf '%s/audit_ed25519.pem\n' "$SECRETS_DIR"; }

ensure_checkpoint_key() {
  local file
  file=$(checkpoint_key_file)
  [[ -s $file ]] && return 0
  (umask 077 && openssl genpkey -algorithm ed25519 -out "$file.tmp" && mv -f -- "$file.tmp" "$file") \
    || die "could not generate $file"
  log "generated $file"
}

audit_provision() {
  local db user migrator password host
  db=$(db_name audit)
  user=$(db_user audit)
  migrator="${user}_migrator"
  ensure_secret "$(db_password_file audit_migrator)" generate_password
  ensure_checkpoint_key
  password=$(<"$(db_password_file audit_migrator)")
  {
    account_sql "$migrator" "$password"
    for host in localhost 127.0.0.1; do
      printf "GRANT %s ON \`%s\`.* TO '%s'@'%s';\n" "$SERVICE_DB_PRIVILEGES" "$db" "$migrator" "$host"
    done
  } | mariadb_root || die "creating the svc-audit migrator account failed"

  # shellcheck disable=SC2046  # service_env prints one NAME=VALUE word per line
  env -i PATH="$PATH" $(service_env audit) \
    HUINONG_DB_USER="$migrator" HUINONG_DB_PASSWORD_FILE="$(db_password_file audit_migrator)" \
    "$(service_program audit)" --migrate-only >>"$(service_log_file audit)" 2>&1 \
    || { show_log_tail "$(service_log_file audit)"; die "svc-audit migrations failed"; }
  "$(service_program audit)" --print-grants --db-name="$db" --db-user="$user" | mariadb_root \
    || die "granting svc-audit's runtime privileges failed"
  log "svc-audit schema migrated; $user may only SELECT and INSERT events"
}
