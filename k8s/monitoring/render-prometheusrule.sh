#!/usr/bin/env bash
# Makes k8s/base/monitoring/prometheusrule.yaml from huinong.rules.yml, the
# rules file the local Prometheus loads, so both carry the same rules.
#
# Usage: k8s/monitoring/render-prometheusrule.sh [--check]
#   --check: write nothing; exit 1 (with a diff) when the checked-in
#   PrometheusRule is not what this script makes (tests/deploy runs this).
#
# Why a generated copy: a PrometheusRule embeds its rules in spec.groups, and
# kustomize loads no file from outside the kustomization's folder, so no
# generator can read this file from k8s/base. The copy is the rules file
# indented under `spec:`, byte for byte.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rules=$here/huinong.rules.yml
target=$here/../base/monitoring/prometheusrule.yaml

render() {
  cat <<'HEADER'
# GENERATED from k8s/monitoring/huinong.rules.yml by
# k8s/monitoring/render-prometheusrule.sh: edit the rules file and run the
# script; tests/deploy fails while this copy differs.
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: huinong
spec:
HEADER
  sed 's/^./  &/' "$rules"
}

if [[ ${1:-} == --check ]]; then
  if ! diff -u "$target" <(render); then
    echo "render-prometheusrule.sh: $target differs from $rules; run k8s/monitoring/render-prometheusrule.sh" >&2
    exit 1
  fi
  exit 0
fi
(( $# == 0 )) || { echo "usage: $0 [--check]" >&2; exit 2; }
render >"$target.tmp"
mv -f -- "$target.tmp" "$target"
