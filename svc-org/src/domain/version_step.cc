// See version_step.h.
#include "svc-org/src/domain/version_step.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"

namespace huinong::org {

absl::StatusOr<VersionStep> NextVersionStep(const std::optional<absl::CivilDay>& latest_from,
                                            absl::CivilDay from) {
  if (!latest_from) return VersionStep::kOpenFirst;
  if (from == *latest_from) return VersionStep::kReplaceLatest;
  if (from > *latest_from) return VersionStep::kCloseLatestAndOpen;
  return rpc::FailedPrecondition(
      "EFFECTIVE_DATE_TOO_EARLY",
      absl::StrCat("new terms from ", absl::FormatCivilTime(from), " would come before the version from ",
                   absl::FormatCivilTime(*latest_from)));
}

}  // namespace huinong::org
