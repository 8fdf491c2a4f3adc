#!/usr/bin/env bash
# The Grafana dashboard (k8s/monitoring/huinong-dashboard.json) against a real
# Prometheus scraping the running suite: Debian's Prometheus, started the way
# `scripts/up.sh --monitoring` starts it (scripts/lib/monitoring.sh) unless it
# already runs for the suite, scrapes the four services under the job names
# the rules group by and has loaded every recording and alert rule of
# k8s/monitoring/huinong.rules.yml (healthy, per /api/v1/rules); after a short
# load through the gateway with huinongctl (reads on every service, a
# NOT_FOUND, a chain verification), every query of every panel returns at
# least one series with a number (NaN is not one): a query that returns nothing
# fails, naming its panel. A panel that shows 0 when nothing went wrong (error
# rates) falls back, with `or`, on a series of the same code that always
# exists; so that a misspelt name cannot hide behind that fallback, every
# metric a query names must be one the code registers (or a rule records).
# Usage: dashboard_test.sh REPO_ROOT BIN_DIR [DASHBOARD], with the
# environment of scripts/test.sh (the suite's RUN/env and HUINONG_TEST_RUN_DIR);
# DASHBOARD [REPO_ROOT/k8s/monitoring/huinong-dashboard.json] lets one show
# the test failing on a changed copy.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

repo=$1
bin_dir=$2
dashboard=${3:-$repo/k8s/monitoring/huinong-dashboard.json}
rules=$repo/k8s/monitoring/huinong.rules.yml
fail() { echo "FAIL: $*" >&2; exit 1; }

[[ -n ${HUINONG_TEST_RUN_DIR:-} && -n ${HUINONG_GATEWAY:-} && -n ${HUINONG_TOKEN:-} ]] \
  || fail "the suite is not running (HUINONG_TEST_RUN_DIR, HUINONG_GATEWAY, HUINONG_TOKEN unset): run scripts/test.sh"
command -v jq >/dev/null 2>&1 || fail "jq not found: run scripts/setup.sh"
jq -e . "$dashboard" >/dev/null || fail "$dashboard is not JSON"

# shellcheck source=../../scripts/lib/common.sh
source "$repo/scripts/lib/common.sh"
# shellcheck source=../../scripts/lib/monitoring.sh
source "$repo/scripts/lib/monitoring.sh"
HUINONG_RUN_DIR=$HUINONG_TEST_RUN_DIR load_layout

if [[ -z $(prometheus_running_pid) ]]; then
  monitoring_start
  trap monitoring_stop EXIT
fi
url=$(prometheus_url)

# query EXPR: the /api/v1/query answer for EXPR at this moment.
query() { curl -fsS --get "$url/api/v1/query" --data-urlencode "query=$1"; }

# waits up to SECONDS for COMMAND to succeed.
eventually() {
  local seconds=$1 deadline
  shift
  deadline=$(( $(date +%s) + seconds ))
  until "$@"; do
    (( $(date +%s) < deadline )) || return 1
    sleep 1
  done
}

# ---- scrape targets: the four services, named as the rules expect ----------
expected_jobs='svc-audit svc-loans svc-org svc-tickets'
# Every target up (one per replica), and exactly the four jobs.
targets_up() {
  local targets
  targets=$(curl -fsS "$url/api/v1/targets?state=active") || return 1
  [[ $(jq -r '[.data.activeTargets[] | .labels.job] | unique | join(" ")' <<<"$targets") == "$expected_jobs" ]] \
    && [[ $(jq '[.data.activeTargets[] | select(.health != "up")] | length' <<<"$targets") == 0 ]]
}
eventually 30 targets_up || {
  curl -fsS "$url/api/v1/targets?state=active" | jq -c '.data.activeTargets[] | {job: .labels.job, health, lastError}' >&2
  fail "Prometheus does not scrape exactly the jobs $expected_jobs, all up"
}
echo "targets up: $expected_jobs"

# ---- rules: every rule of the rules file loaded and evaluated ---------------
mapfile -t rule_names < <(sed -n -E 's/^ *- (record|alert): *([A-Za-z0-9_:]+) *$/\2/p' "$rules")
(( ${#rule_names[@]} > 0 )) || fail "no rule found in $rules"
unhealthy_rules() {
  local loaded name
  loaded=$(curl -fsS "$url/api/v1/rules" | jq -r '.data.groups[].rules[] | select(.health == "ok") | .name')
  for name in "${rule_names[@]}"; do
    grep -qxF -- "$name" <<<"$loaded" || printf '%s\n' "$name"
  done
}
rules_healthy() { [[ -z $(unhealthy_rules) ]]; }
eventually 30 rules_healthy || fail "rules not loaded or not healthy in Prometheus: $(unhealthy_rules | tr '\n' ' ')"
echo "rules loaded and healthy: ${#rule_names[@]} (from $rules)"

# ---- every metric a panel names exists in the code ------------------------
# Each panel query as "title<US>refId<US>expr" (US, the unit separator: the
# queries hold tabs of no kind, but backslashes that @tsv would double).
panel_queries() {
  jq -r '.panels[] | select(.targets) | .title as $t | .targets[] | "\($t)\u001f\(.refId)\u001f\(.expr)"' "$dashboard"
}
(( $(panel_queries | wc -l) > 0 )) || fail "no panel query in $dashboard"
promql_words='sum|max|min|avg|count|topk|bottomk|by|without|on|ignoring|or|and|unless|rate|irate|increase|histogram_quantile|vector|scalar|absent|le'
metric_names() {
  sed -E 's/\{[^}]*\}//g; s/\[[^]]*\]//g; s/(by|without) *\([^)]*\)//g' <<<"$1" \
    | grep -oE '[a-zA-Z_:][a-zA-Z0-9_:]*' | grep -vxE "$promql_words" | sort -u
}
all_names=''
while IFS=$'\x1f' read -r title ref expr; do
  for name in $(metric_names "$expr"); do
    all_names+="$name"$'\n'
    if [[ $name == *:* ]]; then
      grep -qE "^ *- record: *$name *\$" "$rules" \
        || fail "panel '$title' $ref reads $name, which no rule of $rules records"
    else
      base=$(sed -E 's/_(bucket|count|sum)$//' <<<"$name")
      grep -rqF --include='*.cc' --include='*.h' "\"$base\"" "$repo/common" "$repo"/svc-*/src \
        || fail "panel '$title' $ref reads $name, which no service registers"
    fi
  done
done < <(panel_queries)
echo "metrics named by the dashboard, all registered by the code or recorded by a rule: $(sort -u <<<"$all_names" | grep -c .)"

# ---- a short load through the gateway ------------------------------------
ctl() { "$bin_dir/huinongctl" "$@" >/dev/null; }
for _ in 1 2 3; do
  ctl unit tree
  ctl tickets list
  ctl application list
  ctl loan list
  ctl subsidy list
  ctl breaker status
  ctl audit verify
  # An answer that is not OK (NOT_FOUND): the panel of such answers has a series.
  if "$bin_dir/huinongctl" unit get 01ZZZZZZZZZZZZZZZZZZZZZZZZ >/dev/null 2>&1; then
    fail "huinongctl unit get of a unit that does not exist succeeded"
  fi
done
echo "load: 3 rounds of 8 calls through the gateway $HUINONG_GATEWAY"

# ---- every panel's every query returns a number ---------------------------
# The scrapes and rule evaluations after the load (2 s intervals) get 45 s in
# all; a query still empty then fails.
has_number() {
  query "$1" | jq -e '.status == "success"
    and ([.data.result[] | .value[1] | select(. != "NaN" and . != "+Inf" and . != "-Inf")] | length > 0)' >/dev/null
}
deadline=$(( $(date +%s) + 45 ))
failures=0 checked=0
while IFS=$'\x1f' read -r title ref expr; do
  checked=$(( checked + 1 ))
  until has_number "$expr" || (( $(date +%s) >= deadline )); do sleep 1; done
  if has_number "$expr"; then
    printf 'ok   %-45s %s  %s\n' "$title" "$ref" "$(query "$expr" | jq -c '[.data.result[] | .value[1]] | .[0:4]')"
  else
    printf 'FAIL %-45s %s  returned nothing: %s\n       answer: %s\n' "$title" "$ref" "$expr" \
      "$(query "$expr" | head -c 300)"
    failures=$(( failures + 1 ))
  fi
done < <(panel_queries)
(( failures == 0 )) || fail "$failures of $checked panel queries returned nothing"
echo "dashboard: all $checked queries of $(jq '[.panels[] | select(.targets)] | length' "$dashboard") panels return numbers"
