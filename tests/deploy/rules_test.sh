#!/usr/bin/env bash
# The Prometheus rules (k8s/monitoring/huinong.rules.yml): promtool accepts
# them, their unit tests pass, every alert has unit tests that show it firing
# and staying quiet, every alert's runbook link has its section in
# docs/runbook.md, and the PrometheusRule in k8s/base is the same rules.
# promtool comes with Debian's prometheus package (scripts/setup.sh).
# Usage: rules_test.sh REPO_ROOT
set -euo pipefail

repo=$1
dir=$repo/k8s/monitoring
rules=$dir/huinong.rules.yml
tests=$dir/huinong.rules.test.yml
runbook=$repo/docs/runbook.md
fail() { echo "FAIL: $*" >&2; exit 1; }

command -v promtool >/dev/null 2>&1 || fail "promtool not found: run scripts/setup.sh (Debian package prometheus)"

promtool check rules "$rules" || fail "promtool check rules"
(cd "$dir" && promtool test rules "$(basename "$tests")") || fail "promtool test rules"
"$dir/render-prometheusrule.sh" --check || fail "k8s/base/monitoring/prometheusrule.yaml is not the rules file"

mapfile -t alerts < <(sed -n -E 's/^ *- alert: *([A-Za-z0-9_]+) *$/\1/p' "$rules")
(( ${#alerts[@]} > 0 )) || fail "no alert in $rules"

# For each alert name: "fires" when a test expects it, "quiet" when one expects none.
coverage=$(awk '
  /^ *alertname:/ { name = $2; next }
  /^ *exp_alerts: *\[\] *$/ { if (name != "") quiet[name] = 1; next }
  /^ *exp_alerts: *$/ { if (name != "") fires[name] = 1; next }
  END { for (n in fires) print n, "fires"; for (n in quiet) print n, "quiet" }' "$tests")

for alert in "${alerts[@]}"; do
  grep -qx "$alert fires" <<<"$coverage" || fail "$alert: no unit test shows it firing"
  grep -qx "$alert quiet" <<<"$coverage" || fail "$alert: no unit test shows it quiet"
  anchor=${alert,,}
  grep -q -E "runbook_url: docs/runbook\.md#$anchor\$" "$rules" || fail "$alert: no runbook_url docs/runbook.md#$anchor"
  grep -qx "## $alert" "$runbook" || fail "$alert: docs/runbook.md has no section '## $alert'"
done
echo "deploy rules: ${#alerts[@]} alerts, each tested firing and quiet, each with its runbook section"
