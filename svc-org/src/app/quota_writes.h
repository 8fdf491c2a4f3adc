// The writes of quotas shared by the quota handlers and by the approval of
// change requests: one open quota per unit total or post for any day, the
// post inside the unit, dated versions of the terms, one audit event each.
#pragma once

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "huinong/org/v1/quotas.pb.h"
#include "svc-org/src/app/unit_writes.h"
#include "svc-org/src/domain/quota.h"

namespace huinong::org {

// ALREADY_EXISTS / QUOTA_EXISTS when another quota sets the same unit total
// or post for some of the quota's days.
absl::Status CheckNoQuotaOverlap(sql::Connection& conn, const Quota& q);

// Creates `quota` (unit, optional post, terms and dates set).
absl::StatusOr<v1::Quota> CreateQuotaIn(const WriteBy& by, Quota quota);

// The quota of quota.unit / quota.post from `day`: when one is open that
// day, a new version of its terms from `day` (and its effective_to replaced
// when quota.effective_to is set); otherwise a new quota from `day` (with
// quota.effective_to, if set).
absl::StatusOr<v1::Quota> SetQuotaIn(const WriteBy& by, Quota quota,
                                     absl::CivilDay day);

}  // namespace huinong::org
