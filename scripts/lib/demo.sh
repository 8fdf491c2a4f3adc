# shellcheck shell=bash
# The demo's servicing history, loaded in two stages on fresh data (see
# tools/huinongctl/src/demo_servicing.h): the API records every change at the
# server's business date and never backdates one, so loans that are overdue,
# non-performing, settled or written off today must have been disbursed
# months ago. Stage one runs the whole suite with its business clock
# DEMO_HISTORY_CLOCK_OFFSET behind and loads the demo then (the loans are
# disbursed that day); stage two is up.sh's ordinary start at the user's
# clock, whose `demo load` records the repayments on their past due dates,
# runs the close of business through yesterday and takes the write-off, the
# claims, the extension and the visits.
# Guarantees: only data with no county policy yet counts as fresh, so a
# suite that holds a demo is never taken back in time; stage one leaves no
# service running; svc-loans runs without its close-of-business schedule from
# stage one until stage two's `demo load` has succeeded (the job would
# otherwise close the past days first, find every loan unpaid and suspend
# 柳泉镇), and is restarted with it after; a stage that failed is taken again
# by the next up.sh (RUN/demo-history-stage says which).
# Requires lib/common.sh, lib/mariadb.sh, lib/services.sh and lib/gateway.sh,
# and up.sh's ctl, CTL_TOKEN and wait_healthy.

# 135 days (kDemoHistoryStageDays in demo_servicing.h, whose test checks the
# days): four monthly instalments fall due before today, the non-performing
# loan is 90 days past due and more, the overdue one under 90, and it all
# stays inside 2026, the year of the demo's work calendar.
DEMO_HISTORY_CLOCK_OFFSET=-3240h

# Which stage of the history is still to load, in RUN/demo-history-stage
# while it is under way: 1 (the clock behind), 2 (today), or nothing (loaded,
# or a suite whose demo was loaded before the history existed).
demo_history_stage_file() { printf '%s/demo-history-stage\n' "$RUN_DIR"; }
demo_history_pending_stage() {
  local file
  file=$(demo_history_stage_file)
  if [[ -s $file ]]; then
    cat -- "$file"
  elif demo_data_fresh; then
    printf '1\n'
  fi
}

# True when svc-loans' database holds no county policy: the demo was never loaded.
demo_data_fresh() {
  local tables policies
  tables=$(mariadb_root -e "SELECT COUNT(*) FROM information_schema.tables
                            WHERE table_schema = 'huinong_loans' AND table_name = 'county_policies'") \
    || die "could not read svc-loans' database"
  (( tables == 0 )) && return 0
  policies=$(mariadb_root -e 'SELECT COUNT(*) FROM huinong_loans.county_policies') \
    || die "could not read svc-loans' county policies"
  (( policies == 0 ))
}

# Stage one: the suite $DEMO_HISTORY_CLOCK_OFFSET behind, `demo load`, the suite stopped.
demo_load_history() {
  log "loading the demo's history with the business clock $DEMO_HISTORY_CLOCK_OFFSET behind (stage one of two)"
  printf '1\n' >"$(demo_history_stage_file)"
  services_stop
  HUINONG_CLOCK_OFFSET=$DEMO_HISTORY_CLOCK_OFFSET SERVICES_COB_INTERVAL=0 services_start
  gateway_start
  wait_healthy
  ctl demo load >"$LOG_DIR/demo-history.log" 2>&1 \
    || { show_log_tail "$LOG_DIR/demo-history.log"; services_stop; die "huinongctl demo load (stage one, clock behind) failed"; }
  log "stage one loaded (output in $LOG_DIR/demo-history.log); back to the business clock of today"
  services_stop
  printf '2\n' >"$(demo_history_stage_file)"
}

# Stage two is loaded: svc-loans again with its close-of-business schedule.
demo_history_loaded() {
  rm -f -- "$(demo_history_stage_file)"
  log "restarting svc-loans with its close-of-business schedule"
  services_stop_group loans
  services_start
  wait_healthy
}
