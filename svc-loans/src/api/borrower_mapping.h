// Proto <-> domain for borrowers, poverty-status changes and blacklist
// entries, and the shape checks of their requests: every bad field is named
// with its path in the request ("borrower.person.id_card_number"), the
// record's own rules (BorrowerViolations: GB 11643 check digit, GB 32100
// credit code, birth date as the ID number encodes it) included, all at once.
//
// Personal data. ToProto shows identity-card numbers, phones and settlement
// account numbers in clear only when told to (PersonalData::kClear).
// BorrowerService decides it per borrower: in clear to a staff member who
// holds loans.intake for the borrower's unit (the station or department that
// registers and serves it), masked for everyone else (other places, admins,
// auditors, partners); audit events always take the masked form. Bank staff
// see an applicant's account through the application routed to their bank,
// not through BorrowerService. Names are not masked: they identify the
// record in lists and audit trails.
#pragma once

#include <set>
#include <string>

#include "absl/time/civil_time.h"
#include "common/rpc/status_details.h"
#include "common/server/mutation.h"
#include "google/protobuf/field_mask.pb.h"
#include "huinong/loans/v1/borrowers.pb.h"
#include "svc-loans/src/app/borrowers.h"
#include "svc-loans/src/domain/blacklist.h"
#include "svc-loans/src/domain/borrower_record.h"
#include "svc-loans/src/domain/poverty_registration.h"

namespace huinong::loans {


std::string BorrowerName(const std::string& id);
std::string BlacklistEntryName(const std::string& id);

// `person.registered_poor` is whether a period covers `as_of`.
v1::Borrower ToProto(const Borrower& borrower, absl::CivilDay as_of, PersonalData shown);
v1::BlacklistEntry ToProto(const BlacklistEntry& entry);

// A change's audit event, in its transaction; personal data always masked.
// RecordBlacklist: the entry's event, then the borrower's when its
// `blacklisted` moved (AddToBlacklist, RemoveFromBlacklist, and a recovery
// finding malicious evasion).
absl::Status RecordBorrower(server::Mutation& m, const BorrowerChange& c);
absl::Status RecordBlacklist(server::Mutation& m, const BlacklistChange& c);

// The client-settable fields of `in` (type, display_name, unit, the profile
// its type takes, credit, settlement_account) into `out`; output-only fields
// are ignored. Households and family farms take `person` (the farm's
// operator: age and personal credit decide), the others `organisation`.
void ReadBorrower(const v1::Borrower& in, const std::string& prefix, Borrower& out, rpc::Violations& v);

// The fields UpdateBorrower changes.
const std::set<std::string>& BorrowerUpdatableFields();
// Applies the fields of `in` named in `paths` to `b` (its type and
// output-only parts kept; the poverty registrations stay as recorded);
// violations name the fields of `prefix` that the update touches.
void ApplyBorrowerMask(const v1::Borrower& in, const std::set<std::string>& paths, const std::string& prefix,
                       Borrower& b, rpc::Violations& v);

PovertyChange ReadPovertyChange(const v1::PovertyStatusChange& in, const std::string& prefix, rpc::Violations& v);

// The client-settable fields of a new entry (borrower, category, reason,
// loan, evidence).
void ReadBlacklistEntry(const v1::BlacklistEntry& in, const std::string& prefix, BlacklistEntry& out,
                        rpc::Violations& v);

}  // namespace huinong::loans
