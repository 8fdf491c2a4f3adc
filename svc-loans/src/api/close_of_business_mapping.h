// CloseOfBusinessService's messages ↔ the job's records (the county's
// progress, store/close_of_business_store.h; reminders,
// domain/close_of_business.h), and the audit events of what the job
// records: a maturity reminder (resource "maturity_reminder",
// "loans/{id}/maturityReminders/{maturity}", belonging to the loan's
// village) and a township breaker's trip (township_breaker_mapping.h) —
// CobAuditRecorders hands both to the job.
#pragma once

#include <optional>

#include "absl/time/civil_time.h"
#include "common/server/mutation.h"
#include "huinong/loans/v1/close_of_business_service.pb.h"
#include "svc-loans/src/app/close_of_business.h"
#include "svc-loans/src/jobs/close_of_business_job.h"
#include "svc-loans/src/store/close_of_business_store.h"

namespace huinong::loans {

// The county's status on `today` (its business date); `progress` none
// before its first run.
v1::CloseOfBusinessStatus StatusProto(const std::string& county_id, const std::optional<store::CobProgress>& progress,
                                      absl::CivilDay today);
// Adds what one run did.
void AddRun(const CobRun& run, v1::CloseOfBusinessStatus& status);

v1::MaturityReminder ReminderProto(const MaturityReminder& reminder);

absl::Status RecordReminder(server::Mutation& m, const MaturityReminder& reminder);

CobRecorders CobAuditRecorders();

}  // namespace huinong::loans
