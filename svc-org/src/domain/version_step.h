// How new terms join a dated record's versions (a unit's, a post's, a
// quota's): each version applies from its first day until the next one
// starts. Terms that start on the day the latest version starts replace it
// (two versions never start the same day); terms that start later close the
// latest version on their first day and open a new one. Earlier is refused:
// versions are only ever added at the end. Pure.
#pragma once

#include <optional>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"

namespace huinong::org {

enum class VersionStep {
  kOpenFirst,           // no version yet
  kReplaceLatest,       // the same day as the latest
  kCloseLatestAndOpen,  // a later day: the latest ends (exclusive) where the new one starts
};

// `latest_from`: the first day of the latest version, nullopt when there is
// none. FAILED_PRECONDITION / EFFECTIVE_DATE_TOO_EARLY when `from` is before it.
absl::StatusOr<VersionStep> NextVersionStep(const std::optional<absl::CivilDay>& latest_from,
                                            absl::CivilDay from);

}  // namespace huinong::org
