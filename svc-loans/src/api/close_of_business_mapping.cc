// See close_of_business_mapping.h.
#include "svc-loans/src/api/close_of_business_mapping.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/shared_types.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/township_breaker_mapping.h"

namespace huinong::loans {
namespace {

google::protobuf::Duration DurationProto(absl::Duration d) {
  google::protobuf::Duration out;
  const int64_t nanos = absl::ToInt64Nanoseconds(d);
  out.set_seconds(nanos / 1'000'000'000);
  out.set_nanos(static_cast<int32_t>(nanos % 1'000'000'000));
  return out;
}

}  // namespace

v1::CloseOfBusinessStatus StatusProto(const std::string& county_id, const std::optional<store::CobProgress>& progress,
                                      absl::CivilDay today) {
  v1::CloseOfBusinessStatus out;
  out.set_county(rpc::FormatName("units", county_id));
  *out.mutable_business_date() = rpc::ToDate(today);
  const std::optional<absl::CivilDay> last = progress ? progress->last_closed_date : std::nullopt;
  if (last) *out.mutable_last_closed_date() = rpc::ToDate(*last);
  out.set_lag_days(LagDays(last, today));
  if (!progress) return out;
  out.set_running(progress->lease_live);
  if (progress->working_date) {
    *out.mutable_working_date() = rpc::ToDate(*progress->working_date);
    out.set_working_loans_done(progress->loans_done);
  }
  if (progress->last_run_start) *out.mutable_last_run_start() = rpc::ToTimestamp(*progress->last_run_start);
  if (progress->last_run_end) *out.mutable_last_run_end() = rpc::ToTimestamp(*progress->last_run_end);
  out.set_last_run_loans(progress->last_run_loans);
  return out;
}

void AddRun(const CobRun& run, v1::CloseOfBusinessStatus& status) {
  status.set_dates_closed(run.dates_closed);
  status.set_loans_processed(run.loans_processed);
  *status.mutable_run_duration() = DurationProto(run.elapsed);
}

v1::MaturityReminder ReminderProto(const MaturityReminder& r) {
  v1::MaturityReminder out;
  out.set_loan(rpc::FormatName("loans", r.loan_id));
  out.set_name(absl::StrCat(out.loan(), "/maturityReminders/", absl::FormatCivilTime(r.maturity_date)));
  *out.mutable_maturity_date() = rpc::ToDate(r.maturity_date);
  *out.mutable_remind_on() = rpc::ToDate(r.remind_on);
  *out.mutable_business_date() = rpc::ToDate(r.business_date);
  *out.mutable_outstanding_principal() = rpc::ToMoney(r.outstanding_principal_fen);
  out.set_borrower(rpc::FormatName("borrowers", r.place.borrower_id));
  out.set_village(rpc::FormatName("units", r.place.unit_id));
  out.set_township(rpc::FormatName("units", r.place.township_id));
  out.set_bank(rpc::FormatName("units", r.place.bank_id));
  *out.mutable_create_time() = rpc::ToTimestamp(r.create_time);
  return out;
}

absl::Status RecordReminder(server::Mutation& m, const MaturityReminder& r) {
  const v1::MaturityReminder after = ReminderProto(r);
  return m.Record({"maturity_reminder", after.name(), after.village(), nullptr, &after});
}

CobRecorders CobAuditRecorders() { return CobRecorders{RecordBreakerChange, RecordReminder}; }

}  // namespace huinong::loans
