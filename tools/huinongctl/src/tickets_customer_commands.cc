// `huinongctl tickets customer create|get|list|update` (the customer archive:
// one record per customer, tier and contact preferences; phone and ID numbers
// as the server returns them, masked unless the caller may see them) and
// `huinongctl tickets report --week 2026-W49 | --month 2026-12 | --from D
// --to D --unit units/X [--by-child-unit] [--split week|month]` (the KPI
// report of a unit subtree: every figure, each rate with its parts).
#include <iostream>
#include <tuple>
#include <utility>
#include <vector>

#include "google/protobuf/field_mask.pb.h"
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/tickets_commands.h"
#include "tools/huinongctl/src/tickets_flags.h"
#include "tools/huinongctl/src/tickets_format.h"
#include "tools/huinongctl/src/tickets_values.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::tickets::v1;
using Stub = v1::CustomerService::Stub;

// The customer's fields from the flags given, each path added to `mask`.
absl::Status CustomerFlags(const Invocation& inv, v1::Customer& c, google::protobuf::FieldMask& mask) {
  for (const auto& [key, path, field] : std::vector<std::tuple<std::string, std::string, std::string* (v1::Customer::*)()>>{
           {"name", "display_name", &v1::Customer::mutable_display_name},
           {"phone", "phone", &v1::Customer::mutable_phone},
           {"id_card", "id_card_number", &v1::Customer::mutable_id_card_number},
           {"address", "address", &v1::Customer::mutable_address},
           {"note", "note", &v1::Customer::mutable_note}}) {
    if (!inv.config.Has(key)) continue;
    *(c.*field)() = inv.config.String(key);
    mask.add_paths(path);
  }
  if (inv.config.Has("unit")) {
    RETURN_IF_ERROR(OptionalName(inv, "unit", "units", c.mutable_unit()));
    mask.add_paths("unit");
  }
  if (inv.config.Has("borrower")) {
    RETURN_IF_ERROR(OptionalName(inv, "borrower", "borrowers", c.mutable_borrower()));
    mask.add_paths("borrower");
  }
  if (inv.config.Has("tier")) {
    ASSIGN_OR_RETURN(const v1::CustomerTier tier, RequiredEnum<v1::CustomerTier>(inv, "tier"));
    c.set_tier(tier);
    mask.add_paths("tier");
  }
  // The preferences travel whole (one mask path): those not given keep what
  // `c` already holds (on an update, the current ones).
  if (!inv.config.Has("channel") && !inv.config.Has("preferred_time") && !inv.config.Has("language") &&
      !inv.config.Has("do_not_call")) {
    return absl::OkStatus();
  }
  v1::ContactPreferences& prefs = *c.mutable_preferences();
  if (inv.config.Has("channel")) {
    ASSIGN_OR_RETURN(const v1::TicketChannel channel, RequiredEnum<v1::TicketChannel>(inv, "channel"));
    prefs.set_preferred_channel(channel);
  }
  if (inv.config.Has("preferred_time")) prefs.set_preferred_time(inv.config.String("preferred_time"));
  if (inv.config.Has("language")) prefs.set_language(inv.config.String("language"));
  if (inv.config.Has("do_not_call")) {
    ASSIGN_OR_RETURN(const bool do_not_call, Switch(inv, "do_not_call"));
    prefs.set_do_not_call(do_not_call);
  }
  mask.add_paths("preferences");
  return absl::OkStatus();
}

absl::Status CustomerCreate(const Invocation& inv, const TicketsClient& tickets) {
  v1::CreateCustomerRequest request;
  request.set_request_id(RequestIdOf(inv));
  RETURN_IF_ERROR(RequiredFlag(inv, "name").status());
  RETURN_IF_ERROR(RequiredFlag(inv, "phone").status());
  google::protobuf::FieldMask unused;
  RETURN_IF_ERROR(CustomerFlags(inv, *request.mutable_customer(), unused));
  const auto made = tickets.Call<v1::Customer>(&Stub::CreateCustomer, request);
  return PrintWrite(inv, made, "created " + (made.ok() ? made->name() : ""), &CustomerDetail, request.request_id());
}

absl::StatusOr<v1::Customer> GetCustomer(const TicketsClient& tickets, const std::string& name) {
  v1::GetCustomerRequest request;
  request.set_name(name);
  return tickets.Call<v1::Customer>(&Stub::GetCustomer, request);
}

absl::Status CustomerGet(const Invocation& inv, const TicketsClient& tickets) {
  ASSIGN_OR_RETURN(const std::string name, NameArg(inv, 0, "customers", "customer"));
  return PrintRead(inv, GetCustomer(tickets, name), &CustomerDetail);
}

absl::Status CustomerList(const Invocation& inv, const TicketsClient& tickets) {
  v1::ListCustomersRequest request;
  request.set_phone(inv.config.String("phone"));
  request.set_id_card_number(inv.config.String("id_card"));
  request.set_display_name_prefix(inv.config.String("name_prefix"));
  RETURN_IF_ERROR(OptionalName(inv, "unit", "units", request.mutable_unit()));
  ASSIGN_OR_RETURN(const bool subtree, Switch(inv, "subtree"));
  request.set_include_subtree(subtree);
  ASSIGN_OR_RETURN(const v1::CustomerTier tier, OptionalEnum<v1::CustomerTier>(inv, "tier"));
  request.set_tier(tier);
  RETURN_IF_ERROR(OptionalName(inv, "borrower", "borrowers", request.mutable_borrower()));
  return PrintList<v1::ListCustomersRequest, v1::ListCustomersResponse, v1::Customer>(
      inv, request,
      [&](const v1::ListCustomersRequest& r) { return tickets.Call<v1::ListCustomersResponse>(&Stub::ListCustomers, r); },
      &v1::ListCustomersResponse::mutable_customers, &CustomerTable);
}

absl::Status CustomerUpdate(const Invocation& inv, const TicketsClient& tickets) {
  v1::UpdateCustomerRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::Customer& c = *request.mutable_customer();
  ASSIGN_OR_RETURN(*c.mutable_name(), NameArg(inv, 0, "customers", "customer"));
  v1::Customer checked;  // every flag checked before any call
  RETURN_IF_ERROR(CustomerFlags(inv, checked, *request.mutable_update_mask()));
  if (request.update_mask().paths().empty()) {
    return UsageError("nothing to change: give --name, --phone, --id-card, --address, --unit, --tier, --borrower, "
                      "--note, --channel, --preferred-time, --language or --do-not-call");
  }
  c.set_etag(inv.config.String("etag"));
  if (c.etag().empty() || checked.has_preferences()) {
    ASSIGN_OR_RETURN(const v1::Customer current, GetCustomer(tickets, c.name()));
    if (c.etag().empty()) c.set_etag(current.etag());
    *c.mutable_preferences() = current.preferences();
  }
  google::protobuf::FieldMask same;
  RETURN_IF_ERROR(CustomerFlags(inv, c, same));
  if (!checked.has_preferences()) c.clear_preferences();
  const auto made = tickets.Call<v1::Customer>(&Stub::UpdateCustomer, request);
  return PrintWrite(inv, made, "updated " + c.name(), &CustomerDetail, request.request_id());
}

// The report's period: --week, --month, or --from and --to; exactly one way.
absl::StatusOr<type::v1::DateRange> ReportPeriod(const Invocation& inv) {
  const int ways = inv.config.Has("week") + inv.config.Has("month") + (inv.config.Has("from") || inv.config.Has("to"));
  if (ways != 1) return UsageError("one period: --week 2026-W49, --month 2026-12, or --from D --to D");
  if (inv.config.Has("week")) {
    absl::StatusOr<type::v1::DateRange> week = IsoWeekRange(inv.config.String("week"));
    if (!week.ok()) return UsageError(absl::StrCat("--week: ", week.status().message()));
    return week;
  }
  if (inv.config.Has("month")) {
    absl::StatusOr<type::v1::DateRange> month = MonthRange(inv.config.String("month"));
    if (!month.ok()) return UsageError(absl::StrCat("--month: ", month.status().message()));
    return month;
  }
  type::v1::DateRange range;
  ASSIGN_OR_RETURN(*range.mutable_start(), RequiredDate(inv, "from"));
  ASSIGN_OR_RETURN(*range.mutable_end(), RequiredDate(inv, "to"));
  return range;
}

absl::Status Report(const Invocation& inv, const TicketsClient& tickets) {
  v1::GetKpiReportRequest request;
  ASSIGN_OR_RETURN(*request.mutable_unit(), RequiredName(inv, "unit", "units"));
  ASSIGN_OR_RETURN(*request.mutable_period(), ReportPeriod(inv));
  ASSIGN_OR_RETURN(const v1::KpiSplit split, OptionalEnum<v1::KpiSplit>(inv, "split"));
  request.set_split(split);
  ASSIGN_OR_RETURN(const bool by_child, Switch(inv, "by_child_unit"));
  request.set_by_child_unit(by_child);
  request.set_time_zone(inv.config.String("time_zone"));
  return PrintRead(inv, tickets.Call<v1::KpiReport>(&Stub::GetKpiReport, request), &KpiReportText);
}

}  // namespace

void AddCustomerReportCommands(TicketsSubcommands& table) {
  const std::vector<std::string> fields = {"name",     "phone", "id_card", "address",        "unit",     "tier",
                                           "borrower", "note",  "channel", "preferred_time", "language", "do_not_call"};
  std::vector<std::string> create = fields, update = fields;
  create.push_back("request_id");
  update.insert(update.end(), {"etag", "request_id"});
  table.insert({
      {"tickets customer create", {&CustomerCreate, create, 0}},
      {"tickets customer get", {&CustomerGet, {}, 1}},
      {"tickets customer list",
       {&CustomerList,
        {"phone", "id_card", "name_prefix", "unit", "subtree", "tier", "borrower", "page_size", "page_token", "all"},
        0}},
      {"tickets customer update", {&CustomerUpdate, update, 1}},
      {"tickets report",
       {&Report, {"unit", "week", "month", "from", "to", "split", "by_child_unit", "time_zone"}, 0}},
  });
}

}  // namespace huinong::ctl
