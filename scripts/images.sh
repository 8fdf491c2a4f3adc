#!/usr/bin/env bash
# Builds the container images k8s/ deploys (k8s/README.md#images):
# huinong/svc-{org,tickets,loans,audit}:VERSION and huinong/gateway:VERSION,
# from scripts/images/service.Dockerfile (one for the four services, the
# service's name written in) and gateway/Dockerfile, with Debian's buildah.
#
# No public image registry is reachable from these machines, so the base is
# not pulled: it is made from Debian 12's own packages with mmdebstrap
# (--variant=minbase) and imported as localhost/huinong/debian:bookworm-<point
# release>, a tag that names exactly what it holds (never `latest`). A base
# already made is reused; --refresh-base makes a new one.
#
# Usage: scripts/images.sh [--refresh-base] [--save DIR] [--check-engine]
#   --save DIR       also writes each image as DIR/<name>.oci.tar (oci-archive),
#                    for a cluster's node (`ctr -n k8s.io images import`, `kind load image-archive`)
#   --check-engine   only checks that buildah can build and run here
# Knobs: HUINONG_BUILD_DIR [<repo>/build] (the binaries must be built:
#        `ninja -C build svc-org svc-tickets svc-loans svc-audit`);
#        HUINONG_IMAGE_VERSION [0.1.0, the tag the manifests use].
# Tools: buildah and mmdebstrap (Debian packages, in scripts/setup.sh's
# list); when missing (images.sh run alone), this script installs them with
# apt-get (as root, or through sudo) and says so.
#
# Guarantees: exit 0 only when every image was built (and saved); exit 2, with
# the reason, when no container engine can run on this machine (buildah
# missing and not installable, not root and no user namespaces, no usable
# storage driver) -- it never pretends; exit 1 on any other failure.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=$(realpath -m -- "${HUINONG_BUILD_DIR:-$repo_root/build}")
version=${HUINONG_IMAGE_VERSION:-0.1.0}
services=(org tickets loans audit)
base_repo=localhost/huinong/debian
runtime_repo=localhost/huinong/service-runtime

log() { printf '[images %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
cannot_run() { log "no container engine can run here: $*"; exit 2; }

# ---- tools and engine --------------------------------------------------------

ensure_tools() {
  local missing=() tool
  for tool in buildah mmdebstrap; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  (( ${#missing[@]} == 0 )) && return 0
  local sudo=()
  if (( EUID != 0 )); then
    command -v sudo >/dev/null 2>&1 || cannot_run "${missing[*]} not installed, and not root and no sudo to install it (apt-get install ${missing[*]})"
    sudo=(sudo)
  fi
  log "installing ${missing[*]} (Debian packages; scripts/setup.sh does not install them)"
  if ! { "${sudo[@]}" apt-get update >/dev/null &&
         "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }; then
    cannot_run "could not install ${missing[*]} with apt-get"
  fi
}

# buildah must be able to create a container (storage driver) and run a
# process in one. Rootless needs user namespaces and /etc/subuid; `podman
# run` is not used because crun cannot set RLIMIT_NOFILE in some sandboxes,
# which is why every RUN here uses --isolation chroot.
check_engine() {
  if (( EUID != 0 )); then
    local userns
    userns=$(cat /proc/sys/user/max_user_namespaces 2>/dev/null || echo 0)
    (( userns > 0 )) || cannot_run "not root and user namespaces are off (/proc/sys/user/max_user_namespaces = $userns)"
    grep -q "^$(id -un):" /etc/subuid 2>/dev/null \
      || cannot_run "not root and $(id -un) has no range in /etc/subuid (rootless buildah needs one)"
  fi
  local ctr out
  if ! out=$(buildah from --pull=never scratch 2>&1); then
    cannot_run "buildah cannot create a container: $out"
  fi
  ctr=$out
  buildah rm "$ctr" >/dev/null
}

# ---- base and build context ----------------------------------------------------

image_exists() { buildah inspect --type image "$1" >/dev/null 2>&1; }

# Prints the tag of the Debian base, making it first when there is none.
debian_base() {
  local existing
  existing=$(buildah images --format '{{.Name}}:{{.Tag}}' 2>/dev/null \
               | grep -E "^$base_repo:bookworm-12\.[0-9]+$" | sort -V | tail -n 1 || true)
  if [[ -n $existing && ${refresh_base:-0} != 1 ]]; then
    log "reusing base $existing (--refresh-base makes a new one)"
    printf '%s\n' "$existing"
    return 0
  fi
  local tar=$work/debian.tar point ctr tag
  log "making the Debian 12 base with mmdebstrap --variant=minbase (from Debian's archive; about 2 min)"
  mmdebstrap --quiet --variant=minbase bookworm "$tar" || die "mmdebstrap failed"
  point=$(tar -xOf "$tar" ./etc/debian_version) || die "no /etc/debian_version in the base"
  [[ $point =~ ^12\.[0-9]+$ ]] || die "unexpected Debian version '$point' in the base"
  tag=$base_repo:bookworm-$point
  ctr=$(buildah from --pull=never scratch)
  buildah add --quiet "$ctr" "$tar" / >/dev/null
  buildah config --cmd /bin/bash --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --label org.opencontainers.image.description="Debian $point minbase (mmdebstrap)" "$ctr"
  buildah commit --quiet --rm "$ctr" "$tag" >/dev/null
  log "made base $tag"
  printf '%s\n' "$tag"
}

# The context every Dockerfile is built from: the binaries, the project's own
# shared libraries they load (ldd names them inside the build dir), and the
# few source files the images carry.
stage_context() {
  local ctx=$1 svc binary lib
  mkdir -p "$ctx/bin" "$ctx/lib" "$ctx/scripts/images" "$ctx/gateway"
  for svc in "${services[@]}"; do
    binary=$build_dir/bin/svc-$svc
    [[ -x $binary ]] || die "not built: $binary (ninja -C $build_dir svc-$svc)"
    cp -- "$binary" "$ctx/bin/"
    while read -r lib; do
      cp -- "$lib" "$ctx/lib/"
    done < <(ldd "$binary" | awk -v dir="$build_dir/" '$3 ~ "^" dir { print $3 }')
  done
  cp -- "$repo_root/scripts/images/collect-runtime.sh" "$ctx/scripts/images/"
  cp -- "$repo_root/gateway/render.sh" "$repo_root/gateway/nginx.conf.template" "$ctx/gateway/"
}

image_id() { buildah inspect --type image --format '{{.FromImageID}}' "$1" 2>/dev/null || true; }

# Builds one image; the image the tag named before is deleted (a rebuild
# would otherwise leave an untagged copy behind every time).
build() {
  local name=$1 dockerfile=$2 previous
  shift 2
  previous=$(image_id "$name")
  log "building $name"
  buildah bud --quiet --isolation chroot --pull=never --layers=false \
    -f "$dockerfile" -t "$name" "$@" "$work/context" >"$work/build-${name//[\/:]/_}.log" 2>&1 \
    || { tail -n 40 "$work/build-${name//[\/:]/_}.log" >&2; die "building $name failed"; }
  if [[ -n $previous && $previous != "$(image_id "$name")" ]]; then
    buildah rmi "$previous" >/dev/null 2>&1 || true   # still used by a container: kept
  fi
}

main() {
  local save_dir='' check_only=0
  refresh_base=0
  while (( $# > 0 )); do
    case $1 in
      --refresh-base) refresh_base=1 ;;
      --save) save_dir=${2:?--save needs a directory}; shift ;;
      --check-engine) check_only=1 ;;
      *) die "unknown argument '$1' (usage: scripts/images.sh [--refresh-base] [--save DIR] [--check-engine])" ;;
    esac
    shift
  done

  ensure_tools
  check_engine
  if (( check_only )); then log "buildah $(buildah --version | awk '{print $3}') can build here"; return 0; fi

  work=$(mktemp -d)
  trap 'rm -rf -- "$work"' EXIT
  stage_context "$work/context"
  local base runtime
  base=$(debian_base)
  runtime=$runtime_repo:${base##*:}
  build "$runtime" "$repo_root/scripts/images/service-runtime.Dockerfile" --build-arg "DEBIAN_BASE=$base"

  local svc images=()
  for svc in "${services[@]}"; do
    sed "s/@SERVICE@/$svc/g" "$repo_root/scripts/images/service.Dockerfile" >"$work/svc-$svc.Dockerfile"
    build "huinong/svc-$svc:$version" "$work/svc-$svc.Dockerfile" --build-arg "SERVICE_RUNTIME=$runtime"
    images+=("huinong/svc-$svc:$version")
  done
  build "huinong/gateway:$version" "$repo_root/gateway/Dockerfile" --build-arg "DEBIAN_BASE=$base"
  images+=("huinong/gateway:$version")

  if [[ -n $save_dir ]]; then
    mkdir -p -- "$save_dir"
    local image file
    for image in "${images[@]}"; do
      file=$save_dir/$(basename "${image%%:*}").oci.tar
      rm -f -- "$file"
      buildah push --quiet "$image" "oci-archive:$file:$image" >/dev/null || die "saving $image failed"
      log "saved $file"
    done
  fi
  log "built on $base:"
  buildah images --format '{{.Name}}:{{.Tag}} {{.Size}}' | grep -E "/huinong/(svc-|gateway:)" | grep ":$version " >&2
}

main "$@"
