#!/usr/bin/env bash
# Renders k8s/base and both overlays with `kubectl kustomize` into OUT_DIR as
# base.yaml, dev.yaml, prod.yaml and the same objects as JSON (base.json, ...,
# one object after another), for the tests that check them.
# Usage: render_all.sh REPO_ROOT OUT_DIR     (kubectl must be on PATH)
# Exit: 0 when all three render, 1 naming the one that did not.
set -euo pipefail

repo=$1
out=$2
for target in base overlays/dev overlays/prod; do
  name=${target##*/}
  kubectl kustomize "$repo/k8s/$target" >"$out/$name.yaml" \
    || { echo "FAIL: kubectl kustomize k8s/$target" >&2; exit 1; }
  # annotate --local changes nothing but what it is told, and needs no cluster.
  kubectl annotate --local -f "$out/$name.yaml" huinong.io/rendered=true -o json >"$out/$name.json" \
    || { echo "FAIL: kubectl could not read the rendered k8s/$target" >&2; exit 1; }
done
