#!/usr/bin/env bash
# Installs every Debian package that building Huinong, running its tests and
# running the local suite need, and the pinned npm packages of the offline
# OpenAPI validator (tests/deploy/openapi, from its lock file).
# Guarantees: idempotent; when everything is already installed it changes
# nothing and returns in well under a second; otherwise it runs one
# `apt-get update` and one non-interactive `apt-get install` of the missing
# packages only (installed ones are never upgraded behind your back); it uses
# sudo only when not run as root.
set -euo pipefail

# The one list. Build: compilers, CMake, Ninja, ccache, gRPC/Protobuf/Abseil,
# MySQL Connector/C++, libjwt, cpp-httplib, OpenSSL. Tests: GoogleTest/GMock,
# Google Benchmark, promtool and Prometheus (prometheus), jq (the dashboard
# test). Local suite: MariaDB, nginx, Prometheus (`up.sh --monitoring`), and
# the tools the scripts call (openssl, envsubst, ss, ps, curl, setsid, realpath).
PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache
  libgrpc++-dev libgrpc-dev protobuf-compiler-grpc protobuf-compiler libprotobuf-dev
  libabsl-dev libmysqlcppconn-dev libjwt-dev libcpp-httplib-dev libssl-dev
  prometheus-cpp-dev nlohmann-json3-dev grpc-proto
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  mariadb-server mariadb-client nginx prometheus
  openssl procps ca-certificates gettext-base iproute2 curl psmisc util-linux coreutils jq
  buildah mmdebstrap
)

missing_packages() {
  # dpkg-query prints nothing for a package it has never heard of, so compare
  # against the full list rather than trusting its output alone.
  local installed
  installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${PACKAGES[@]}" 2>/dev/null \
                | awk '$4 == "installed" { print $1 }' || true)
  local pkg
  for pkg in "${PACKAGES[@]}"; do
    grep -qxF -- "$pkg" <<<"$installed" || printf '%s\n' "$pkg"
  done
}

# The pinned npm packages of the offline OpenAPI validator
# (tests/deploy/openapi): `npm ci` from its lock file, again only when the
# lock file changed since the last install (a stamp holds its hash). Without
# node or npm it says so and the test skips.
install_openapi_validator() {
  local dir
  dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../tests/deploy/openapi" && pwd)
  local stamp=$dir/node_modules/.huinong-lock.sha256 want
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  [[ -f $stamp && $(cat "$stamp") == "$want" ]] && return 0
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: npm not found; the OpenAPI validation test (tests/deploy) will skip" >&2
    return 0
  fi
  echo "setup: installing the OpenAPI validator's npm packages (npm ci in $dir)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  printf '%s\n' "$want" >"$stamp"
}

main() {
  install_openapi_validator
  local missing=()
  mapfile -t missing < <(missing_packages)
  if (( ${#missing[@]} == 0 )); then
    echo "setup: all ${#PACKAGES[@]} packages already installed"
    return 0
  fi

  local sudo=()
  if (( EUID != 0 )); then
    command -v sudo >/dev/null 2>&1 \
      || { echo "setup: not root and no sudo; as root run: apt-get install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "setup: installing ${missing[*]}"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}

main "$@"
