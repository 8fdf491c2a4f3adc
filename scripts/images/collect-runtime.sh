#!/bin/bash
# Copies one service binary and exactly what it needs at run time into a
# fresh root (the service images' `FROM scratch` stage takes that root whole):
# the binary, every shared library the dynamic loader resolves for it (ldd),
# MariaDB's client plugins (loaded by name at connect time, so ldd cannot see
# them), the time zone database (business dates are in the county's zone),
# CA certificates, and /etc/passwd and /etc/group naming uid/gid 10001.
# Guarantees: fails, naming the library, when any library is missing from
# this stage (the package list in service-runtime.Dockerfile has drifted from
# what the binary links), or when the loader, run inside the new root, cannot
# load the binary: an image never ships a binary that cannot start.
# Usage: collect-runtime.sh BINARY ROOT      (runs inside the build stage)
set -euo pipefail

binary=$1
root=$2
die() { echo "collect-runtime.sh: $*" >&2; exit 1; }

[[ -x $binary ]] || die "$binary is not an executable"
missing=$(ldd "$binary" | awk '/not found/ { print $1 }')
[[ -z $missing ]] || die "libraries not found for $binary: $missing"

mkdir -p "$root/usr/local/bin" "$root/etc" "$root/tmp"
chmod 1777 "$root/tmp"
# Debian 12's merged /usr: /lib, /lib64, /bin and /sbin are symlinks into /usr,
# and the loader and libraries are found (and link to each other) through
# them; the new root gets the same links, so every copied path resolves.
for dir in bin sbin lib lib64; do
  if [[ -L /$dir ]]; then
    target=$(readlink "/$dir")   # relative: usr/lib
    mkdir -p "$root/$target"
    ln -s "$target" "$root/$dir"
  fi
done
cp -a "$binary" "$root/usr/local/bin/"

# Each library at the path the loader found it, plus the file behind a symlink.
copy_path() {
  local path=$1
  mkdir -p "$root$(dirname "$path")"
  cp -a "$path" "$root$path"
  if [[ -L $path ]]; then copy_path "$(readlink -f "$path")"; fi
}
while read -r lib; do
  copy_path "$lib"
done < <(ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | sort -u)

plugins=$(find /usr/lib -maxdepth 3 -type d -path '*libmariadb3/plugin' | head -n 1)
[[ -n $plugins ]] && { mkdir -p "$root$(dirname "$plugins")"; cp -a "$plugins" "$root$plugins"; }
mkdir -p "$root/usr/share" "$root/etc/ssl/certs"
cp -a /usr/share/zoneinfo "$root/usr/share/"
cp -aL /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
# The dynamic loader itself, inside the new root, must find every library.
loader=$(ldd "$binary" | awk '$1 ~ /^\// { print $1 }')
if ! listed=$(chroot "$root" "$loader" --list "/usr/local/bin/$(basename "$binary")" 2>&1) \
   || grep -q 'not found' <<<"$listed"; then
  die "the binary does not load in the new root: $listed"
fi

printf 'root:x:0:0:root:/root:/nonexistent\nhuinong:x:10001:10001:huinong:/nonexistent:/nonexistent\n' >"$root/etc/passwd"
printf 'root:x:0:\nhuinong:x:10001:\n' >"$root/etc/group"
