// `huinongctl borrower ...`: svc-loans' BorrowerService from the shell —
// register a borrower (a household with its ID card and birth date, or an
// organisation with its credit code and the households it drives), show and
// list them, record a household's poor-household registration or its
// lifting out of poverty, run every eligibility rule at once, and keep the
// blacklist. Writes carry a request id (given or a new ULID, printed, also
// on failure); poverty and blacklist remove fetch the current etag when
// none is given.
#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/loans_client.h"
#include "tools/huinongctl/src/loans_flags.h"
#include "tools/huinongctl/src/loans_format.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/subcommands.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;
using Stub = v1::BorrowerService::Stub;

absl::StatusOr<std::string> BorrowerArg(const Invocation& inv) {
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "borrower (borrowers/ID)"));
  return ResourceName("borrowers", name);
}

// --file (a Borrower in proto JSON), then the flags on top of it.
absl::StatusOr<v1::Borrower> BorrowerFromFlags(const Invocation& inv) {
  v1::Borrower b;
  if (inv.config.Has("file")) {
    ASSIGN_OR_RETURN(const std::string text, ReadInputFile(inv.config.String("file")));
    const auto status = google::protobuf::util::JsonStringToMessage(text, &b);
    if (!status.ok()) return UsageError(absl::StrCat("--file: ", status.message().as_string()));
  }
  if (inv.config.Has("type") || b.type() == 0) {
    ASSIGN_OR_RETURN(const v1::BorrowerType type, RequiredEnum<v1::BorrowerType>(inv, "type"));
    b.set_type(type);
  }
  if (inv.config.Has("name") || b.display_name().empty()) {
    ASSIGN_OR_RETURN(*b.mutable_display_name(), RequiredFlag(inv, "name"));
  }
  if (inv.config.Has("unit") || b.unit().empty()) {
    ASSIGN_OR_RETURN(const std::string unit, RequiredFlag(inv, "unit"));
    b.set_unit(ResourceName("units", unit));
  }
  // The profile the flags describe: a person (households; svc-loans also
  // takes a family farm as its farmer) or an organisation.
  const bool person = inv.config.Has("id_card") || inv.config.Has("birth_date") || b.has_person() ||
                      (b.type() == v1::BORROWER_TYPE_HOUSEHOLD && !inv.config.Has("credit_code"));
  if (person) {
    v1::PersonProfile& p = *b.mutable_person();
    if (inv.config.Has("id_card")) p.set_id_card_number(inv.config.String("id_card"));
    if (inv.config.Has("birth_date")) {
      ASSIGN_OR_RETURN(*p.mutable_birth_date(), RequiredDate(inv, "birth_date"));
    }
    if (inv.config.Has("phone")) p.set_phone(inv.config.String("phone"));
    RETURN_IF_ERROR(OptionalCount(inv, "household_size", [&](int n) { p.set_household_size(n); }));
  } else {
    v1::OrganisationProfile& o = *b.mutable_organisation();
    if (inv.config.Has("credit_code")) o.set_credit_code(inv.config.String("credit_code"));
    if (inv.config.Has("representative")) o.set_legal_representative(inv.config.String("representative"));
    ASSIGN_OR_RETURN(const bool qualified, Switch(inv, "qualified"));
    if (qualified) {
      o.set_registered(true);
      o.set_licensed(true);
      o.set_tax_paying(true);
      o.set_sound_accounting(true);
    }
    RETURN_IF_ERROR(OptionalDocument(inv, "leading_qualification", o.mutable_leading_enterprise_qualification()));
    RETURN_IF_ERROR(OptionalCount(inv, "shareholders", [&](int n) { o.set_shareholder_households(n); }));
    RETURN_IF_ERROR(OptionalCount(inv, "driven", [&](int n) { o.set_poor_households_driven(n); }));
    RETURN_IF_ERROR(OptionalCount(inv, "lifted", [&](int n) { o.set_poor_households_lifted(n); }));
  }
  if (inv.config.Has("credit_checked")) {
    v1::CreditStanding& c = *b.mutable_credit();
    ASSIGN_OR_RETURN(*c.mutable_checked_date(), RequiredDate(inv, "credit_checked"));
    ASSIGN_OR_RETURN(const bool bad, Switch(inv, "bad_credit"));
    ASSIGN_OR_RETURN(const bool dispute, Switch(inv, "legal_dispute"));
    c.set_good_credit(!bad);
    c.set_bad_credit_record(bad);
    c.set_unresolved_legal_dispute(dispute);
  }
  if (inv.config.Has("account")) {
    v1::SettlementAccount& a = *b.mutable_settlement_account();
    ASSIGN_OR_RETURN(*a.mutable_bank(), RequiredFlag(inv, "bank"));
    a.set_account_number(inv.config.String("account"));
    a.set_holder_name(inv.config.String("holder"));
  }
  return b;
}

absl::Status BorrowerCreate(const Invocation& inv, const LoansClient& loans) {
  v1::CreateBorrowerRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_borrower(), BorrowerFromFlags(inv));
  if (inv.config.Has("poor_from")) {
    v1::PovertyStatusChange& change = *request.mutable_poverty_registration();
    change.set_kind(v1::POVERTY_STATUS_CHANGE_KIND_REGISTERED);
    ASSIGN_OR_RETURN(*change.mutable_effective_date(), RequiredDate(inv, "poor_from"));
    ASSIGN_OR_RETURN(*change.mutable_registration_number(), RequiredFlag(inv, "poverty_number"));
  }
  const auto made = loans.Call<v1::Borrower>(&Stub::CreateBorrower, request);
  return PrintWrite(inv, made, "created " + (made.ok() ? made->name() : ""), &BorrowerDetail, request.request_id());
}

absl::StatusOr<v1::Borrower> GetBorrower(const LoansClient& loans, const std::string& name) {
  v1::GetBorrowerRequest request;
  request.set_name(name);
  return loans.Call<v1::Borrower>(&Stub::GetBorrower, request);
}

absl::Status BorrowerGet(const Invocation& inv, const LoansClient& loans) {
  v1::GetBorrowerRequest request;
  ASSIGN_OR_RETURN(*request.mutable_name(), BorrowerArg(inv));
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "as_of", request.mutable_as_of(), &set));
  return PrintRead(inv, loans.Call<v1::Borrower>(&Stub::GetBorrower, request), &BorrowerDetail);
}

absl::Status BorrowerList(const Invocation& inv, const LoansClient& loans) {
  v1::ListBorrowersRequest request;
  ASSIGN_OR_RETURN(const v1::BorrowerType type, OptionalEnum<v1::BorrowerType>(inv, "type"));
  request.set_type(type);
  if (inv.config.Has("unit")) request.set_unit(ResourceName("units", inv.config.String("unit")));
  ASSIGN_OR_RETURN(const bool subtree, Switch(inv, "subtree"));
  request.set_include_subtree(subtree);
  request.set_id_card_number(inv.config.String("id_card"));
  request.set_credit_code(inv.config.String("credit_code"));
  request.set_display_name_prefix(inv.config.String("name_prefix"));
  ASSIGN_OR_RETURN(const bool blacklisted, Switch(inv, "blacklisted"));
  request.set_blacklisted_only(blacklisted);
  ASSIGN_OR_RETURN(const bool poor, Switch(inv, "registered_poor"));
  request.set_registered_poor_only(poor);
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "as_of", request.mutable_as_of(), &set));
  return PrintList<v1::ListBorrowersRequest, v1::ListBorrowersResponse, v1::Borrower>(
      inv, request,
      [&](const v1::ListBorrowersRequest& r) { return loans.Call<v1::ListBorrowersResponse>(&Stub::ListBorrowers, r); },
      &v1::ListBorrowersResponse::mutable_borrowers, &BorrowerTable);
}

absl::Status BorrowerPoverty(const Invocation& inv, const LoansClient& loans) {
  v1::RecordPovertyStatusChangeRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), BorrowerArg(inv));
  v1::PovertyStatusChange& change = *request.mutable_change();
  ASSIGN_OR_RETURN(const v1::PovertyStatusChangeKind kind, RequiredEnum<v1::PovertyStatusChangeKind>(inv, "kind"));
  change.set_kind(kind);
  ASSIGN_OR_RETURN(*change.mutable_effective_date(), RequiredDate(inv, "date"));
  change.set_registration_number(inv.config.String("number"));
  RETURN_IF_ERROR(OptionalDocument(inv, "document", change.mutable_document()));
  request.set_etag(inv.config.String("etag"));
  if (request.etag().empty()) {
    ASSIGN_OR_RETURN(const v1::Borrower current, GetBorrower(loans, request.name()));
    request.set_etag(current.etag());
  }
  const auto made = loans.Call<v1::Borrower>(&Stub::RecordPovertyStatusChange, request);
  return PrintWrite(inv, made, "recorded " + EnumWord(kind) + " for " + request.name(), &BorrowerDetail,
                    request.request_id());
}

absl::Status BorrowerEligibility(const Invocation& inv, const LoansClient& loans) {
  v1::CheckEligibilityRequest request;
  ASSIGN_OR_RETURN(*request.mutable_borrower(), BorrowerArg(inv));
  ASSIGN_OR_RETURN(const std::string product, RequiredFlag(inv, "product"));
  request.set_product(ResourceName("products", product));
  ASSIGN_OR_RETURN(*request.mutable_amount(), RequiredYuan(inv, "amount"));
  ASSIGN_OR_RETURN(const int term, RequiredCount(inv, "term"));
  request.set_term_months(term);
  ASSIGN_OR_RETURN(const v1::Purpose purpose, RequiredEnum<v1::Purpose>(inv, "purpose"));
  request.set_purpose(purpose);
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "as_of", request.mutable_as_of(), &set));
  return PrintRead(inv, loans.Call<v1::EligibilityResult>(&Stub::CheckEligibility, request), &EligibilityText);
}

absl::Status BlacklistAdd(const Invocation& inv, const LoansClient& loans) {
  v1::AddToBlacklistRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::BlacklistEntry& entry = *request.mutable_entry();
  ASSIGN_OR_RETURN(*entry.mutable_borrower(), BorrowerArg(inv));
  ASSIGN_OR_RETURN(const v1::BlacklistCategory category, RequiredEnum<v1::BlacklistCategory>(inv, "category"));
  entry.set_category(category);
  ASSIGN_OR_RETURN(*entry.mutable_reason(), RequiredFlag(inv, "reason"));
  if (inv.config.Has("loan")) entry.set_loan(ResourceName("loans", inv.config.String("loan")));
  for (const std::string& text : Values(inv, "evidence")) {
    absl::StatusOr<type::v1::DocumentRef> document = ParseDocument(text);
    if (!document.ok()) return UsageError(absl::StrCat("--evidence: ", document.status().message()));
    *entry.add_evidence() = *document;
  }
  const auto made = loans.Call<v1::BlacklistEntry>(&Stub::AddToBlacklist, request);
  return PrintWrite(inv, made, "blacklisted " + entry.borrower(), &BlacklistEntryDetail, request.request_id());
}

absl::Status BlacklistRemove(const Invocation& inv, const LoansClient& loans) {
  v1::RemoveFromBlacklistRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "blacklist entry (blacklistEntries/ID)"));
  request.set_name(ResourceName("blacklistEntries", name));
  ASSIGN_OR_RETURN(*request.mutable_reason(), RequiredFlag(inv, "reason"));
  request.set_etag(inv.config.String("etag"));
  // No method reads one entry: its etag is found among the active entries.
  v1::ListBlacklistEntriesRequest list;
  list.set_active_only(true);
  list.set_page_size(kFullPage);
  while (request.etag().empty()) {
    ASSIGN_OR_RETURN(const v1::ListBlacklistEntriesResponse page,
                     loans.Call<v1::ListBlacklistEntriesResponse>(&Stub::ListBlacklistEntries, list));
    for (const v1::BlacklistEntry& e : page.entries()) {
      if (e.name() == request.name()) request.set_etag(e.etag());
    }
    if (page.next_page_token().empty()) break;
    list.set_page_token(page.next_page_token());
  }
  if (request.etag().empty()) return absl::NotFoundError(absl::StrCat("no active entry ", request.name()));
  const auto made = loans.Call<v1::BlacklistEntry>(&Stub::RemoveFromBlacklist, request);
  return PrintWrite(inv, made, "removed " + request.name(), &BlacklistEntryDetail, request.request_id());
}

absl::Status BlacklistList(const Invocation& inv, const LoansClient& loans) {
  v1::ListBlacklistEntriesRequest request;
  if (inv.config.Has("borrower")) request.set_borrower(ResourceName("borrowers", inv.config.String("borrower")));
  ASSIGN_OR_RETURN(const bool active, Switch(inv, "active"));
  request.set_active_only(active);
  return PrintList<v1::ListBlacklistEntriesRequest, v1::ListBlacklistEntriesResponse, v1::BlacklistEntry>(
      inv, request,
      [&](const v1::ListBlacklistEntriesRequest& r) {
        return loans.Call<v1::ListBlacklistEntriesResponse>(&Stub::ListBlacklistEntries, r);
      },
      &v1::ListBlacklistEntriesResponse::mutable_entries, &BlacklistTable);
}

const SubcommandTable<LoansClient>& Subcommands() {
  static const auto* table = new SubcommandTable<LoansClient>{
      {"borrower create",
       {&BorrowerCreate,
        {"type", "name", "unit", "file", "id_card", "birth_date", "phone", "household_size", "poor_from",
         "poverty_number", "credit_code", "representative", "qualified", "leading_qualification", "shareholders",
         "driven", "lifted", "credit_checked", "bad_credit", "legal_dispute", "bank", "account", "holder",
         "request_id"},
        0}},
      {"borrower get", {&BorrowerGet, {"as_of"}, 1}},
      {"borrower list",
       {&BorrowerList,
        {"type", "unit", "subtree", "id_card", "credit_code", "name_prefix", "blacklisted", "registered_poor", "as_of",
         "page_size", "page_token", "all"},
        0}},
      {"borrower poverty", {&BorrowerPoverty, {"kind", "date", "number", "document", "etag", "request_id"}, 1}},
      {"borrower eligibility", {&BorrowerEligibility, {"product", "amount", "term", "purpose", "as_of"}, 1}},
      {"borrower blacklist add", {&BlacklistAdd, {"category", "reason", "loan", "evidence", "request_id"}, 1}},
      {"borrower blacklist remove", {&BlacklistRemove, {"reason", "etag", "request_id"}, 1}},
      {"borrower blacklist list", {&BlacklistList, {"borrower", "active", "page_size", "page_token", "all"}, 0}},
  };
  return *table;
}

}  // namespace

absl::Status RunBorrower(const Invocation& inv) { return RunSubcommand(inv, Subcommands()); }

}  // namespace huinong::ctl
