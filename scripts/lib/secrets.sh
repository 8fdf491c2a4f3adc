# shellcheck shell=bash
# Local secrets under RUN/secrets: the HS256 signing key for development
# tokens and one database password per account.
# Guarantees: the directory is 0700 and every file 0600; a secret is generated
# once and never replaced while it exists (so a restart keeps tokens and
# database passwords valid); files hold the secret without a trailing newline.
# Requires lib/common.sh (SECRETS_DIR, HUINONG_SERVICES, log, die).

# Writes the output of a generator command to FILE atomically, unless FILE
# already holds a secret.
ensure_secret() {
  local file=$1
  shift
  [[ -s $file ]] && { chmod 600 -- "$file"; return 0; }
  (
    umask 077
    "$@" | tr -d '\n' >"$file.tmp"
    [[ -s $file.tmp ]] || exit 1
    mv -f -- "$file.tmp" "$file"
  ) || die "could not generate $file"
  log "generated $file"
}

# HS256 key: 64 random bytes, base64 (88 printable characters).
generate_jwt_key()  { openssl rand -base64 64; }
# Database passwords: hex, so they never need quoting in SQL or shells.
generate_password() { openssl rand -hex 24; }

jwt_key_file()       { printf '%s/jwt_hs256.key\n' "$SECRETS_DIR"; }
db_password_file()   { printf '%s/db_%s.password\n' "$SECRETS_DIR" "$1"; }   # svc name or "admin"

ensure_secrets() {
  mkdir -p -- "$SECRETS_DIR"
  chmod 700 -- "$SECRETS_DIR"
  ensure_secret "$(jwt_key_file)" generate_jwt_key
  ensure_secret "$(db_password_file admin)" generate_password
  local svc
  for svc in "${HUINONG_SERVICES[@]}"; do
    ensure_secret "$(db_password_file "$svc")" generate_password
  done
}
