// See borrowers.h.
#include "svc-loans/src/app/borrowers.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/status_details.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/app/application_load.h"
#include "svc-loans/src/domain/application_steps.h"
#include "svc-loans/src/store/township_store.h"

namespace huinong::loans {
namespace {

using type::v1::LEVEL_COUNTY;
using type::v1::LEVEL_TOWNSHIP;
using type::v1::LEVEL_VILLAGE;

absl::StatusOr<Borrower> LoadBorrower(sql::Connection& conn, const std::string& id, bool for_update) {
  ASSIGN_OR_RETURN(std::optional<Borrower> b, store::GetBorrower(conn, id, for_update));
  if (!b) return rpc::NotFound(rpc::FormatName("borrowers", id));
  return *std::move(b);
}

absl::StatusOr<BlacklistEntry> LoadEntry(sql::Connection& conn, const std::string& id, bool for_update) {
  ASSIGN_OR_RETURN(std::optional<BlacklistEntry> e, store::GetBlacklistEntry(conn, id, for_update));
  if (!e) return rpc::NotFound(rpc::FormatName("blacklistEntries", id));
  return *std::move(e);
}

// Writes `after` (one version on).
absl::StatusOr<BorrowerChange> SaveBorrower(server::Mutation& m, const Borrower& before, Borrower after) {
  after.version = before.version + 1;
  after.update_time = m.now();
  RETURN_IF_ERROR(store::UpdateBorrower(m.tx(), after));
  return BorrowerChange{before, std::move(after)};
}

}  // namespace

absl::StatusOr<Placement> PlaceBorrower(OrgView& org, BorrowerType type, const std::string& unit_id,
                                        const std::string& field) {
  absl::StatusOr<UnitLineage> lineage = org.Lineage(unit_id);
  if (absl::IsNotFound(lineage.status())) return rpc::NotFound(rpc::FormatName("units", unit_id));
  RETURN_IF_ERROR(lineage.status());
  const type::v1::Level wanted = type == BorrowerType::kLeadingEnterprise ? LEVEL_TOWNSHIP : LEVEL_VILLAGE;
  if (lineage->unit().level != wanted) {
    return rpc::WithReason(
        rpc::InvalidField(field, absl::StrCat("a ", BorrowerTypeName(type), " belongs to a ",
                                              wanted == LEVEL_TOWNSHIP ? "TOWNSHIP" : "VILLAGE", " unit")),
        "WRONG_UNIT_LEVEL");
  }
  Placement place{unit_id, "", ""};
  if (const org_directory::UnitLink* township = lineage->Nearest(LEVEL_TOWNSHIP)) place.township_id = township->id;
  if (const org_directory::UnitLink* county = lineage->Nearest(LEVEL_COUNTY)) place.county_id = county->id;
  return place;
}

absl::StatusOr<PersonalData> PersonalDataFor(OrgView& org, const auth::Principal& caller, const std::string& unit_id,
                                             absl::CivilDay day) {
  if (!org_directory::MayReadPersonalData(caller)) return PersonalData::kMasked;
  ASSIGN_OR_RETURN(bool intake, org.Holds(StaffIdOf(caller), kIntake, unit_id, day));
  return intake ? PersonalData::kClear : PersonalData::kMasked;
}

absl::StatusOr<BorrowerChange> CreateBorrower(server::Mutation& m, Borrower b, const Placement& place,
                                        const std::optional<PovertyChange>& first) {
  b.id = NewUlid();
  b.unit_id = place.unit_id;
  b.township_id = place.township_id;
  b.county_id = place.county_id;
  b.profile.poor_registrations.clear();
  b.profile.blacklisted = false;
  b.blacklist_entry_id.clear();
  if (first) {
    RETURN_IF_ERROR(ApplyPovertyChange(b, *first, m.caller().subject, m.now(), m.today(),
                                       {"borrower.type", "poverty_registration.effective_date",
                                        "poverty_registration.registration_number"}));
  }
  b.version = 1;
  b.create_time = b.update_time = m.now();
  RETURN_IF_ERROR(store::InsertBorrower(m.tx(), b));
  return BorrowerChange{std::nullopt, std::move(b)};
}

absl::StatusOr<BorrowerChange> UpdateBorrower(server::Mutation& m, OrgView& org, const std::string& id,
                                        const std::string& etag,
                                        const std::function<absl::Status(Borrower&)>& change) {
  ASSIGN_OR_RETURN(Borrower before, LoadBorrower(m.tx(), id, true));
  RETURN_IF_ERROR(RequireCapability(org, m.caller(), kIntake, before.unit_id, m.today()));
  RETURN_IF_ERROR(rpc::CheckEtag(etag, before.version, rpc::FormatName("borrowers", id)));
  Borrower after = before;
  RETURN_IF_ERROR(change(after));
  if (after.unit_id != before.unit_id) {
    ASSIGN_OR_RETURN(Placement place, PlaceBorrower(org, after.profile.type, after.unit_id, "borrower.unit"));
    if (place.county_id != before.county_id) {
      return rpc::InvalidField("borrower.unit", "a borrower moves only within its county");
    }
    RETURN_IF_ERROR(RequireCapability(org, m.caller(), kIntake, place.unit_id, m.today()));
    after.township_id = place.township_id;
  }
  return SaveBorrower(m, before, std::move(after));
}

absl::StatusOr<BorrowerChange> RecordPovertyStatusChange(server::Mutation& m, OrgView& org, const std::string& id,
                                                   const std::string& etag, const PovertyChange& change) {
  ASSIGN_OR_RETURN(Borrower before, LoadBorrower(m.tx(), id, true));
  RETURN_IF_ERROR(RequireCapability(org, m.caller(), kIntake, before.unit_id, m.today()));
  RETURN_IF_ERROR(rpc::CheckEtag(etag, before.version, rpc::FormatName("borrowers", id)));
  Borrower after = before;
  RETURN_IF_ERROR(ApplyPovertyChange(after, change, m.caller().subject, m.now(), m.today(),
                                     {"name", "change.effective_date", "change.registration_number"}));
  return SaveBorrower(m, before, std::move(after));
}

absl::StatusOr<BlacklistChange> AddToBlacklist(server::Mutation& m, OrgView& org, BlacklistEntry e) {
  ASSIGN_OR_RETURN(Borrower borrower, LoadBorrower(m.tx(), e.borrower_id, true));
  RETURN_IF_ERROR(RequireCapability(org, m.caller(), kCountyReview, borrower.unit_id, m.today()));
  return ListOnBlacklist(m, std::move(e));
}

absl::StatusOr<BlacklistChange> ListOnBlacklist(server::Mutation& m, BlacklistEntry e) {
  ASSIGN_OR_RETURN(Borrower before, LoadBorrower(m.tx(), e.borrower_id, true));
  if (before.profile.blacklisted) {
    return rpc::AlreadyExists("ALREADY_BLACKLISTED",
                              absl::StrCat(rpc::FormatName("borrowers", before.id), " is on the blacklist: ",
                                           rpc::FormatName("blacklistEntries", before.blacklist_entry_id)));
  }
  e.id = NewUlid();
  e.active = true;
  e.listed_by = m.caller().subject;
  e.list_time = m.now();
  e.removed_by.clear();
  e.remove_time.reset();
  e.removal_reason.clear();
  e.version = 1;
  RETURN_IF_ERROR(store::InsertBlacklistEntry(m.tx(), e));
  Borrower after = before;
  after.profile.blacklisted = true;
  after.blacklist_entry_id = e.id;
  ASSIGN_OR_RETURN(BorrowerChange listed, SaveBorrower(m, before, std::move(after)));
  return BlacklistChange{std::nullopt, std::move(e), before.unit_id, std::move(listed)};
}

absl::StatusOr<BlacklistChange> RemoveFromBlacklist(server::Mutation& m, OrgView& org, const std::string& id,
                                                   const std::string& etag, const std::string& reason) {
  // The borrower's row is locked before the entry's, in the order
  // AddToBlacklist takes them.
  ASSIGN_OR_RETURN(BlacklistEntry seen, LoadEntry(m.tx(), id, false));
  ASSIGN_OR_RETURN(Borrower borrower, LoadBorrower(m.tx(), seen.borrower_id, true));
  ASSIGN_OR_RETURN(BlacklistEntry before, LoadEntry(m.tx(), id, true));
  RETURN_IF_ERROR(RequireCapability(org, m.caller(), kCountyReview, borrower.unit_id, m.today()));
  RETURN_IF_ERROR(rpc::CheckEtag(etag, before.version, rpc::FormatName("blacklistEntries", id)));
  RETURN_IF_ERROR(CheckRemoval(before, m.caller().subject));
  BlacklistEntry after = before;
  after.active = false;
  after.removed_by = m.caller().subject;
  after.remove_time = m.now();
  after.removal_reason = reason;
  after.version = before.version + 1;
  RETURN_IF_ERROR(store::UpdateBlacklistEntry(m.tx(), after));
  BlacklistChange change{before, std::move(after), borrower.unit_id, std::nullopt};
  if (borrower.blacklist_entry_id == id) {
    Borrower cleared = borrower;
    cleared.profile.blacklisted = false;
    cleared.blacklist_entry_id.clear();
    ASSIGN_OR_RETURN(change.borrower, SaveBorrower(m, borrower, std::move(cleared)));
  }
  return change;
}

absl::StatusOr<Borrower> ReadableBorrower(sql::Connection& conn, OrgView& org, const auth::Principal& caller,
                                          const std::string& id) {
  ASSIGN_OR_RETURN(Borrower b, LoadBorrower(conn, id, false));
  RETURN_IF_ERROR(RequireReadable(org, caller, b.unit_id));
  return b;
}

store::PlaceFilter PlaceFilterOf(const org_directory::UnitLink& place) {
  using Column = store::PlaceFilter::Column;
  const Column column = place.level == LEVEL_COUNTY     ? Column::kCounty
                        : place.level == LEVEL_TOWNSHIP ? Column::kTownship
                                                        : Column::kUnit;
  return {column, place.id};
}

absl::StatusOr<std::vector<Borrower>> ListBorrowers(sql::Connection& conn, const PlaceScope& scope,
                                                    store::BorrowerQuery query,
                                                    std::optional<absl::CivilDay> registered_poor_on) {
  if (!scope.all) {
    if (!scope.place) return std::vector<Borrower>{};
    query.places.push_back(PlaceFilterOf(*scope.place));
  }
  if (!registered_poor_on) return store::ListBorrowers(conn, query);
  // Registration periods live in the record's JSON: read pages of
  // households and keep those registered that day.
  const int household = static_cast<int>(BorrowerType::kHousehold);
  if (query.type != 0 && query.type != household) return std::vector<Borrower>{};
  query.type = household;
  const int wanted = query.limit;
  std::vector<Borrower> picked;
  while (static_cast<int>(picked.size()) < wanted) {
    ASSIGN_OR_RETURN(std::vector<Borrower> rows, store::ListBorrowers(conn, query));
    const bool more = static_cast<int>(rows.size()) == query.limit;
    if (!rows.empty()) query.after_id = rows.back().id;
    for (Borrower& b : rows) {
      if (static_cast<int>(picked.size()) < wanted && b.profile.PoorOn(*registered_poor_on)) {
        picked.push_back(std::move(b));
      }
    }
    if (!more) break;
  }
  return picked;
}

absl::StatusOr<EligibilityAnswer> JudgeEligibility(sql::Connection& conn, OrgView& org, const auth::Principal& caller,
                                                   const std::string& borrower_id, const std::string& product_id,
                                                   LoanRequest request) {
  ASSIGN_OR_RETURN(Borrower borrower, ReadableBorrower(conn, org, caller, borrower_id));
  ASSIGN_OR_RETURN(Product product, LoadProduct(conn, product_id));
  ASSIGN_OR_RETURN(CountyPolicy policy, LoadPolicyInForce(conn, borrower.county_id, request.application_date));
  request.product = product.kind;
  request.rate_bp = ProposedRateBp(product, policy);
  EligibilityAnswer answer;
  answer.failures = CheckEligibility(borrower.profile, request, product, policy);
  ASSIGN_OR_RETURN(LendingStatus township, store::TownshipLendingStatus(conn, borrower.township_id));
  if (township == LendingStatus::kSuspended) {
    answer.failures.push_back({"TOWNSHIP_SUSPENDED", "borrower.unit", "a township open for lending",
                               absl::StrCat("units/", borrower.township_id, " suspended"), policy.id});
  }
  if (const std::optional<int64_t> county = CeilingFen(policy, borrower.profile.type, product.kind)) {
    answer.ceiling_fen = std::min(*county, product.max_amount_fen);
  }
  if (borrower.profile.type == BorrowerType::kHousehold) {
    answer.counter_guarantee_threshold_fen = product.counter_guarantee_threshold_fen;
  }
  answer.policy_id = policy.id;
  return answer;
}

absl::StatusOr<std::vector<BlacklistEntry>> ListBlacklistEntries(sql::Connection& conn, const PlaceScope& scope,
                                                                 store::BlacklistQuery query) {
  if (!scope.all) {
    if (!scope.place) return std::vector<BlacklistEntry>{};
    query.places.push_back(PlaceFilterOf(*scope.place));
  }
  return store::ListBlacklistEntries(conn, query);
}

}  // namespace huinong::loans
