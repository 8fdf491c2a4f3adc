// Who acts on and sees a loan application (access.h applies its general
// rules; this file says which unit each step's capability is checked for):
// - the county's own network — intake, the township's survey, the county
//   review — for the application's intake unit (svc-org answers for the
//   post's unit and everything below it);
// - the guarantee company and the insurer for the caller's own unit, so any
//   officer of theirs holding loans.guarantee / loans.insure acts, and is
//   recorded as their organisation — which the policy the county review
//   used must name among its guarantee companies / insurers
//   (PERMISSION_DENIED / NOT_COUNTY_PARTNER otherwise);
// - the bank's contract and disbursement for the caller's own unit, which
//   must lie inside the bank the county review recommended
//   (PERMISSION_DENIED / NOT_RECOMMENDED_BANK otherwise).
// Reads: the place scope of access.h; the recommended bank's staff; the
// guarantee company's and insurer's staff once the county has reviewed the
// application (their step or past it, a later rejection included) of a
// county whose policy in force names their organisation in that role, and
// any application whose review's policy named it (so a partner a later
// version drops still reads, by name, what was routed to it).
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "common/server/handler_kit.h"
#include "svc-loans/src/app/access.h"
#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/application.h"
#include "svc-loans/src/domain/loan.h"

namespace huinong::loans {

// Which side of the programme holds a capability of the workflow.
enum class StepSide { kCountyNetwork, kPartner, kBank };
StepSide SideOf(absl::string_view capability);

// The partner role a capability of the partners' side acts in
// (loans.guarantee: guarantee company; loans.insure: insurer).
PartnerRole PartnerRoleOf(absl::string_view capability);

// OK when the caller may take the step that needs `capability` on
// `application`. `review_partners`: the partners of the policy the county
// review used, which a guarantee company's or insurer's step must be among;
// null before the review (the workflow refuses their step then) and for
// the other steps.
absl::Status AuthorizeStep(OrgView& org, const auth::Principal& caller, const Application& application,
                           absl::string_view capability, absl::CivilDay day,
                           const CountyPartners* review_partners = nullptr);

// The application a loan or credit line came from, as far as access reads
// it (its intake unit and the bank it was routed to): credit lines and
// loans are seen and acted on as their application is.
Application RoutingOf(const std::string& application_id, const LendingPlace& place);

// OK when the caller may read `application`; PERMISSION_DENIED otherwise.
// `reader` reads the counties naming a partner, only for partners' staff.
absl::Status RequireApplicationReadable(OrgView& org, const auth::Principal& caller, const Application& application,
                                        absl::CivilDay day, const server::Reader& reader);

// What a caller may list, as filters every list adds to the caller's own:
// everything (admin, auditor, service); the place they act for (a village
// its intake, a township, a county); their bank's records; for the guarantee
// company's and insurer's staff, the applications under way after the
// county review (REVIEWED to DISBURSED; a rejected one only by name) in the
// counties whose policy in force names their organisation; nothing for
// anyone else (`none`).
struct ListScope {
  std::string unit_id;
  std::string township_id;
  std::string county_id;
  std::string bank_id;
  std::vector<int> any_state;               // ApplicationState values
  std::vector<std::string> any_county_id;   // a partner's counties
  bool partner = false;                     // a guarantee company's or insurer's staff
  bool none = false;
};
absl::StatusOr<ListScope> ApplicationListScope(OrgView& org, const auth::Principal& caller, absl::CivilDay day,
                                               const server::Reader& reader);

// Whether the caller sees an entrusted payee's account number in clear: the
// paying bank's staff, and admin, auditor and service accounts.
absl::StatusOr<bool> SeesPayee(OrgView& org, const auth::Principal& caller, const std::string& bank_id);

// The organisation (root unit) the caller acts inside; empty for callers
// without a unit.
absl::StatusOr<std::string> CallerOrganisation(OrgView& org, const auth::Principal& caller);

}  // namespace huinong::loans
