// BorrowerService's use cases: each change runs in the one transaction of
// its Mutation (locks the borrower row first, then anything of it), checks
// who may act through svc-org (app/access.h), and returns every record it
// changed as it was before and after — the handler records one audit event
// per record, with personal data masked, as ApplicationService's does. The
// reads behind the handlers decide scope and masking the same way.
//
// Guarantees: a refused change writes nothing; a borrower's `blacklisted`
// and `blacklist_entry` change only together with its active entry; a
// borrower's township and county are those of its unit when it was placed.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "common/auth/principal.h"
#include "common/server/mutation.h"
#include "svc-loans/src/app/access.h"
#include "svc-loans/src/domain/blacklist.h"
#include "svc-loans/src/domain/borrower_record.h"
#include "svc-loans/src/domain/eligibility.h"
#include "svc-loans/src/domain/poverty_registration.h"
#include "svc-loans/src/store/blacklist_store.h"
#include "svc-loans/src/store/borrower_store.h"

namespace sql {
class Connection;
}

namespace huinong::loans {

// Whether a reader sees a borrower's identity, phone and account numbers.
enum class PersonalData { kClear, kMasked };

// A borrower as a change left it, and as it was (none for a creation).
struct BorrowerChange {
  std::optional<Borrower> before;
  Borrower after;
};

// A blacklist entry as a change left it, and the borrower whose
// `blacklisted` it moved (none when the borrower was not changed).
struct BlacklistChange {
  std::optional<BlacklistEntry> before;
  BlacklistEntry after;
  std::string unit_id;  // the borrower's, which the entry belongs to
  std::optional<BorrowerChange> borrower;
};

inline constexpr char kIntake[] = "loans.intake";
inline constexpr char kCountyReview[] = "loans.review.county";

// Where a borrower of `type` may stand: `unit_id` with its township and
// county, from svc-org. NOT_FOUND for an unknown unit; INVALID_ARGUMENT /
// WRONG_UNIT_LEVEL naming `field` when the unit's level does not fit the
// type — a VILLAGE for households, family farms, cooperatives and
// share-cooperatives, a TOWNSHIP for leading enterprises (000:1511).
struct Placement {
  std::string unit_id;
  std::string township_id;
  std::string county_id;
};
absl::StatusOr<Placement> PlaceBorrower(OrgView& org, BorrowerType type, const std::string& unit_id,
                                        const std::string& field);

// Whether `caller` sees the personal data of a borrower of `unit_id` in
// clear: a staff member holding loans.intake for it; the API masks the
// rest (api/borrower_mapping.h).
absl::StatusOr<PersonalData> PersonalDataFor(OrgView& org, const auth::Principal& caller, const std::string& unit_id,
                                             absl::CivilDay day);

// Creates `draft` at `place` (already checked: PlaceBorrower, and
// loans.intake for the unit), with its first poverty registration when
// given. ALREADY_EXISTS / BORROWER_EXISTS for a taken number; the
// registration's refusals as RecordPovertyStatusChange's, naming
// "poverty_registration.*".
absl::StatusOr<BorrowerChange> CreateBorrower(server::Mutation& m, Borrower draft, const Placement& place,
                                        const std::optional<PovertyChange>& first);

// Applies `change` to the borrower under loans.intake for its unit (and for
// the new unit, when it moves: within the same county, at a level its type
// fits). NOT_FOUND; PERMISSION_DENIED; ABORTED / STALE_ETAG; ALREADY_EXISTS.
absl::StatusOr<BorrowerChange> UpdateBorrower(server::Mutation& m, OrgView& org, const std::string& id,
                                        const std::string& etag,
                                        const std::function<absl::Status(Borrower&)>& change);

// Opens or closes a poverty registration period (poverty_registration.h)
// under loans.intake for the borrower's unit.
absl::StatusOr<BorrowerChange> RecordPovertyStatusChange(server::Mutation& m, OrgView& org, const std::string& id,
                                                   const std::string& etag, const PovertyChange& change);

// Lists the borrower named by `draft` under loans.review.county for its unit.
// NOT_FOUND (the borrower); ALREADY_EXISTS / ALREADY_BLACKLISTED.
absl::StatusOr<BlacklistChange> AddToBlacklist(server::Mutation& m, OrgView& org, BlacklistEntry draft);

// The listing itself, for a step that has authorized its caller by its own
// rule (a bank's recovery finding malicious evasion, recoveries.h): the
// same checks, entry and borrower change as AddToBlacklist.
absl::StatusOr<BlacklistChange> ListOnBlacklist(server::Mutation& m, BlacklistEntry draft);

// Ends an active entry with `reason`, under loans.review.county for the
// borrower's unit, by someone other than the lister. NOT_FOUND; ABORTED;
// FAILED_PRECONDITION / INVALID_TRANSITION; PERMISSION_DENIED /
// SELF_APPROVAL.
absl::StatusOr<BlacklistChange> RemoveFromBlacklist(server::Mutation& m, OrgView& org, const std::string& id,
                                                   const std::string& etag, const std::string& reason);

// The borrower, if the caller reads its unit: NOT_FOUND; PERMISSION_DENIED.
absl::StatusOr<Borrower> ReadableBorrower(sql::Connection& conn, OrgView& org, const auth::Principal& caller,
                                          const std::string& id);

// The place filter of records placed under `place` at its level.
store::PlaceFilter PlaceFilterOf(const org_directory::UnitLink& place);

// Borrowers matching `query` within `scope`, at most query.limit of them
// after query.after_id; with `registered_poor_on`, only households
// registered poor that day (read on, page by page, until enough match).
absl::StatusOr<std::vector<Borrower>> ListBorrowers(sql::Connection& conn, const PlaceScope& scope,
                                                    store::BorrowerQuery query,
                                                    std::optional<absl::CivilDay> registered_poor_on);

// What CheckEligibility answers: every failed rule, the ceiling that
// applies (none: the county sets no ceiling for the type), the amount above
// which a household needs a counter-guarantee (0: none) and the policy
// version that judged.
struct EligibilityAnswer {
  std::vector<RuleFailure> failures;
  std::optional<int64_t> ceiling_fen;
  int64_t counter_guarantee_threshold_fen = 0;
  std::string policy_id;
};
// Judges `request` (amount, term, purpose; no pledges: a dry run) on
// `request.application_date` for a borrower the caller reads, under the
// product and the policy in force for the borrower's county that day, the
// borrower as recorded (its registration that day, the blacklist) and its
// township's lending status (a suspended township is one more failure,
// TOWNSHIP_SUSPENDED). NOT_FOUND (borrower, product); PERMISSION_DENIED;
// FAILED_PRECONDITION / NO_POLICY.
absl::StatusOr<EligibilityAnswer> JudgeEligibility(sql::Connection& conn, OrgView& org, const auth::Principal& caller,
                                                   const std::string& borrower_id, const std::string& product_id,
                                                   LoanRequest request);

// Entries matching `query` within `scope` (through their borrowers' places).
absl::StatusOr<std::vector<BlacklistEntry>> ListBlacklistEntries(sql::Connection& conn, const PlaceScope& scope,
                                                                 store::BlacklistQuery query);

}  // namespace huinong::loans
