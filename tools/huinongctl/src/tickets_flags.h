// The flag readers the tickets commands share beyond loans_flags.h (enum
// words, switches, repeated values, paging and the ends of reads and writes
// come from there): times in the county's zone, resource names from bare ids,
// lists of enum words, SLA targets and whole numbers in a range — each
// failure a usage error naming the flag as typed, found before any call.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/timestamp.pb.h"
#include "huinong/tickets/v1/sla.pb.h"
#include "tools/huinongctl/src/args.h"
#include "tools/huinongctl/src/invocation.h"
#include "tools/huinongctl/src/loans_flags.h"

namespace huinong::ctl {

// --key as a time (tickets_values.h: "2026-12-05 17:00" county time, RFC 3339,
// or "+48h" from now); a usage error when missing or malformed.
absl::StatusOr<google::protobuf::Timestamp> RequiredTime(const Invocation& inv, const std::string& key);
// Writes to field() only when the flag is given (so an absent flag leaves
// the request's timestamp unset: the server's "now").
absl::Status OptionalTime(const Invocation& inv, const std::string& key,
                          const std::function<google::protobuf::Timestamp*()>& field);
// --key as "<collection>/ID" (a bare ID gets the collection); *out untouched
// when the flag is absent, a usage error when it is given empty.
absl::Status OptionalName(const Invocation& inv, const std::string& key, const std::string& collection,
                          std::string* out);
absl::StatusOr<std::string> RequiredName(const Invocation& inv, const std::string& key, const std::string& collection);
// The positional word `index` as "<collection>/ID", or a usage error naming `what`.
absl::StatusOr<std::string> NameArg(const Invocation& inv, size_t index, const std::string& collection,
                                    const std::string& what);
// --key as a whole number in [min, max].
absl::StatusOr<int> RangedCount(const Invocation& inv, const std::string& key, int min, int max);
// --key as an SLA target ("48h", "3wd"), or "none": a target with nothing
// set (the clock is not kept); nullopt when the flag is absent.
absl::StatusOr<std::optional<tickets::v1::SlaTarget>> TargetFlag(const Invocation& inv, const std::string& key);
// --key as a comma-separated list of enum words ("complaint,grievance").
template <typename Enum>
absl::StatusOr<std::vector<Enum>> EnumList(const Invocation& inv, const std::string& key) {
  std::vector<Enum> values;
  for (const std::string& word : SplitList(inv.config.String(key))) {
    absl::StatusOr<Enum> value = ParseEnumWord<Enum>(word);
    if (!value.ok()) return UsageError(Spelled(key) + ": " + std::string(value.status().message()));
    values.push_back(*value);
  }
  return values;
}
// The etag to send: --etag, or the one `current` reads just before the change.
absl::StatusOr<std::string> EtagOf(const Invocation& inv, const std::function<absl::StatusOr<std::string>()>& current);

}  // namespace huinong::ctl
