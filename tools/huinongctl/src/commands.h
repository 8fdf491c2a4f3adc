// The commands huinongctl dispatches to. Each writes its result to stdout
// (a table, or JSON with --json) and returns OK, a usage error, a failed
// check, or the failure to report (see invocation.h).
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/auth/token.h"
#include "common/core/config.h"
#include "huinong/org/v1/standards.pb.h"
#include "tools/huinongctl/src/invocation.h"

namespace huinong::ctl {

// The runner the command's first words name ("unit …", "loan …"); a usage
// error naming an unknown command. main and the command tests use it, so
// what a test runs is what a user types.
absl::Status RunCommand(const Invocation& inv);

absl::Status RunToken(const Invocation& inv);
absl::Status RunHealth(const Invocation& inv);
// "unit create", "unit get", ...; a usage error for an unknown subcommand.
absl::Status RunUnit(const Invocation& inv);
absl::Status RunDemoLoad(const Invocation& inv);
// "post create|get|list", "staff create|get|list", "assign", "assignment list".
absl::Status RunPeople(const Invocation& inv);
// "change create|get|list|submit|approve|reject|withdraw", "chain create|get|list".
absl::Status RunChange(const Invocation& inv);
// "calendar create|get|versions|add-version|deadline".
absl::Status RunCalendar(const Invocation& inv);
// svc-loans: "borrower create|get|list|poverty|eligibility",
// "borrower blacklist add|remove|list"; "product create|get|list|update",
// "policy create|get|list|effective"; "application create|get|list|submit|
// survey|review|guarantee|insure|contract|disburse|reject|withdraw";
// "creditline get|list|draw", "loan get|list";
// "breaker status|measure|plan|approve|reject";
// "loan writeoff request|approve|reject", "loan accountable",
// "recovery record|list", "fund create|get|contribute|transactions|check",
// "claim list|get|review|reject|pay" (RunLosses).
absl::Status RunBorrower(const Invocation& inv);
absl::Status RunProduct(const Invocation& inv);
absl::Status RunApplication(const Invocation& inv);
absl::Status RunLending(const Invocation& inv);
absl::Status RunBreaker(const Invocation& inv);
absl::Status RunSubsidy(const Invocation& inv);
// "loans report": the county's monthly report or quarterly bulletin.
absl::Status RunLoansReport(const Invocation& inv);
// "loans cob run|status", "loans reminders list".
absl::Status RunCloseOfBusiness(const Invocation& inv);
absl::Status RunLosses(const Invocation& inv);
// svc-tickets: "tickets create|get|list|activities|update", one command per
// transition ("tickets answer|open-case|assign|…|cancel"), "tickets callback
// record|close-unreachable|list", "tickets handover create|get|list|acknowledge",
// "tickets policy create|get|list|update|revisions", "tickets clocks",
// "tickets customer create|get|list|update", "tickets report".
absl::Status RunTickets(const Invocation& inv);
// "capability check|holders", "standard list|get", "calc".
absl::Status RunRules(const Invocation& inv);
// "report vacancies|chain|acting-heads|coverage|quota".
absl::Status RunReport(const Invocation& inv);
// The CalculateStaffing request of `calc STANDARD --input k=v ...` (for tests).
absl::StatusOr<org::v1::CalculateStaffingRequest> CalcRequest(const Invocation& inv);

// "audit history", "audit search", "audit verify", "audit export",
// "audit verify-export"; a broken chain or export is CheckFailed (exit 3).
absl::Status RunAudit(const Invocation& inv);

// A development token for `claims` (subject, roles, unit, ttl) signed with
// the configured secret (--jwt-hs256-secret-file / HUINONG_JWT_HS256_SECRET_FILE)
// and the configured issuer and audience; a usage error without a secret.
absl::StatusOr<std::string> MintFor(const Config& config, auth::Claims claims, absl::Time now);
// The token `huinongctl token` prints, minted at `now` (exposed for tests).
absl::StatusOr<std::string> MintToken(const Invocation& inv, absl::Time now);

}  // namespace huinong::ctl
