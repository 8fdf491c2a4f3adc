// `huinongctl loans cob run|status` and `huinongctl loans reminders list`:
// the close-of-business job of svc-loans (CloseOfBusinessService) — close a
// county's business dates through a day (loans.cob.run for the county, or
// admin), see how far it is and whether a replica is at it, and list the
// maturity reminders it recorded (000:1445, two months ahead).
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/loans_client.h"
#include "tools/huinongctl/src/loans_flags.h"
#include "tools/huinongctl/src/loans_values.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/src/subcommands.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;
using Stub = v1::CloseOfBusinessService::Stub;

absl::StatusOr<std::string> CountyFlag(const Invocation& inv) {
  ASSIGN_OR_RETURN(const std::string county, RequiredFlag(inv, "county"));
  return ResourceName("units", county);
}

std::string StatusDetail(const v1::CloseOfBusinessStatus& s) {
  std::vector<std::pair<std::string, std::string>> rows = {
      {"county", s.county()},
      {"business date", DateText(s.business_date())},
      {"last closed", s.has_last_closed_date() ? DateText(s.last_closed_date()) : "never"},
      {"lag", s.lag_days() < 0 ? "never closed" : absl::StrCat(s.lag_days(), " days")},
      {"running", s.running() ? "yes (a replica holds the lease)" : "no"},
  };
  if (s.has_working_date()) {
    rows.emplace_back("working on", absl::StrCat(DateText(s.working_date()), ", ", s.working_loans_done(),
                                                 " loans done (a run stopped halfway; the next resumes)"));
  }
  if (s.dates_closed() > 0 || s.loans_processed() > 0) {
    rows.emplace_back("this run", absl::StrCat(s.dates_closed(), " dates, ", s.loans_processed(), " loans, ",
                                               s.run_duration().seconds(), ".",
                                               absl::StrFormat("%03d", s.run_duration().nanos() / 1'000'000), " s"));
  }
  return KeyValueBlock(rows);
}

Table ReminderTable(const std::vector<v1::MaturityReminder>& reminders) {
  Table table({"REMIND ON", "MATURITY", "LOAN", "OUTSTANDING", "TOWNSHIP", "VILLAGE", "BANK"});
  for (const v1::MaturityReminder& r : reminders) {
    table.AddRow({DateText(r.remind_on()), DateText(r.maturity_date()), r.loan(), YuanText(r.outstanding_principal()),
                  r.township(), r.village(), r.bank()});
  }
  return table;
}

absl::Status Run(const Invocation& inv, const LoansClient& loans) {
  v1::RunCloseOfBusinessRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_county(), CountyFlag(inv));
  ASSIGN_OR_RETURN(*request.mutable_through(), RequiredDate(inv, "through"));
  const auto status = loans.Call<v1::CloseOfBusinessStatus>(&Stub::RunCloseOfBusiness, request);
  return PrintWrite(inv, status, "closed " + request.county() + " through " + DateText(request.through()),
                    &StatusDetail, request.request_id());
}

absl::Status Status(const Invocation& inv, const LoansClient& loans) {
  v1::GetCloseOfBusinessStatusRequest request;
  ASSIGN_OR_RETURN(*request.mutable_county(), CountyFlag(inv));
  return PrintRead(inv, loans.Call<v1::CloseOfBusinessStatus>(&Stub::GetCloseOfBusinessStatus, request),
                   &StatusDetail);
}

absl::Status Reminders(const Invocation& inv, const LoansClient& loans) {
  v1::ListMaturityRemindersRequest request;
  ASSIGN_OR_RETURN(*request.mutable_county(), CountyFlag(inv));
  ASSIGN_OR_RETURN(const std::optional<type::v1::DateRange> between, OptionalDateRange(inv, "from", "to"));
  if (between.has_value()) *request.mutable_remind_between() = *between;
  return PrintList<v1::ListMaturityRemindersRequest, v1::ListMaturityRemindersResponse, v1::MaturityReminder>(
      inv, request,
      [&](const v1::ListMaturityRemindersRequest& r) {
        return loans.Call<v1::ListMaturityRemindersResponse>(&Stub::ListMaturityReminders, r);
      },
      &v1::ListMaturityRemindersResponse::mutable_reminders, &ReminderTable);
}

const SubcommandTable<LoansClient>& Subcommands() {
  static const auto* table = new SubcommandTable<LoansClient>{
      {"loans cob run", {&Run, {"county", "through", "request_id"}, 0}},
      {"loans cob status", {&Status, {"county"}, 0}},
      {"loans reminders list", {&Reminders, {"county", "from", "to", "page_size", "page_token", "all"}, 0}},
  };
  return *table;
}

}  // namespace

absl::Status RunCloseOfBusiness(const Invocation& inv) { return RunSubcommand(inv, Subcommands()); }

}  // namespace huinong::ctl
