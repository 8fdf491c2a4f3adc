// The writes of the unit registry, shared by the unit handlers and by the
// approval of change requests, so both check the same rules, record the same
// dated version and write the same audit event.
//
// Every write runs inside the caller's transaction (`WriteBy::change`) and takes effect on
// `WriteDay::day`. A day that has come (today or earlier) changes the
// registry row and records a version; a later day only records a scheduled
// version, which the ScheduledUnitVersions job copies into the registry when
// the day comes (or a write to the unit finds it due first). While a unit has
// a scheduled version, direct writes to it
// fail with FAILED_PRECONDITION / CHANGE_SCHEDULED: the scheduled terms were
// judged against the unit as it was, and a later write would be lost.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "common/auth/principal.h"
#include "common/rpc/status_details.h"
#include "common/server/mutation.h"
#include "huinong/org/v1/units.pb.h"
#include "svc-org/src/domain/scope.h"
#include "svc-org/src/domain/unit.h"
#include "svc-org/src/domain/unit_history.h"

namespace sql {
class Connection;
}

namespace huinong::org {

// Who writes, within which scope: the change in progress (its transaction,
// caller, instant and audit events) and the request id its events carry —
// the call's, or "{request}#items[i]" for an item of a change request.
struct WriteBy {
  server::Mutation& change;
  std::string request_id;
  const CallerScope& scope;
  const auth::Principal& caller() const { return change.caller(); }
};

// When the write takes effect, and the change request behind it (if any).
struct WriteDay {
  absl::CivilDay day;
  absl::CivilDay today;
  std::string change_request_id;
};

// The fields UpdateUnit (and an update_unit change item) may change.
const std::set<std::string>& UnitUpdatableFields();

// Applies the fields of `in` named in `mask` to `unit`; violations name the
// request's fields ("unit.display_name"), each bad new value once.
void ApplyUnitMask(const v1::Unit& in, const google::protobuf::FieldMask& mask, Unit& unit,
                   rpc::Violations& v);

// Creates `unit` under `parent_id` (empty: a root). The registry row is
// written at once even for a later day; the unit stands from its
// effective_from, which a change request sets to its effective date.
absl::StatusOr<v1::Unit> CreateUnitIn(const WriteBy& by, Unit unit,
                                      const std::string& parent_id, const WriteDay& when);

// Changes the unit's terms with `change` (which may not touch parent, level,
// path or depth), checking the status transition. `etag`, when given, must
// be the registry row's.
absl::StatusOr<v1::Unit> UpdateUnitIn(const WriteBy& by, const std::string& id,
                                      const std::function<absl::Status(Unit&)>& change,
                                      const std::optional<std::string>& etag, const WriteDay& when);

// Moves the unit (with its subtree) under `parent_id`.
absl::StatusOr<v1::Unit> MoveUnitIn(const WriteBy& by, const std::string& id,
                                    const std::string& parent_id,
                                    const std::optional<std::string>& etag, const WriteDay& when);

// Copies a due scheduled version into the registry (its unit row locked by
// the caller), judged again by the rules of a direct write, with the audit
// event org.ScheduledUnitChange. When the structure has moved on so that the
// rules refuse it (the new parent abolished meanwhile, a sibling with the
// same name, open children of a unit to abolish), the version is dropped —
// the one before stays in force — with the event org.ScheduledUnitChangeRefused
// and a warning in the log; returns false then. Database failures pass.
absl::StatusOr<bool> TakeEffect(server::Mutation& m, const UnitVersion& v);

// Up to `limit` scheduled versions whose day has come, each through
// TakeEffect; returns how many were handled (applied or refused). Safe to run
// on several replicas: each version is re-read under its unit's row lock.
absl::StatusOr<int> ApplyDueUnitVersions(server::Mutation& m, absl::CivilDay today, int limit);

}  // namespace huinong::org
