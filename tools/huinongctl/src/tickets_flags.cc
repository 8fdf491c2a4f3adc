// See tickets_flags.h.
#include "tools/huinongctl/src/tickets_flags.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "tools/huinongctl/src/args.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/tickets_values.h"

namespace huinong::ctl {

absl::StatusOr<google::protobuf::Timestamp> RequiredTime(const Invocation& inv, const std::string& key) {
  ASSIGN_OR_RETURN(const std::string text, RequiredFlag(inv, key));
  absl::StatusOr<absl::Time> t = ParseTicketTime(text, absl::Now());
  if (!t.ok()) return UsageError(absl::StrCat(Spelled(key), ": ", t.status().message()));
  return rpc::ToTimestamp(*t);
}

absl::Status OptionalTime(const Invocation& inv, const std::string& key,
                          const std::function<google::protobuf::Timestamp*()>& field) {
  if (!inv.config.Has(key)) return absl::OkStatus();
  ASSIGN_OR_RETURN(const google::protobuf::Timestamp t, RequiredTime(inv, key));
  *field() = t;
  return absl::OkStatus();
}

absl::StatusOr<std::string> RequiredName(const Invocation& inv, const std::string& key, const std::string& collection) {
  ASSIGN_OR_RETURN(const std::string text, RequiredFlag(inv, key));
  return ResourceName(collection, text);
}

absl::Status OptionalName(const Invocation& inv, const std::string& key, const std::string& collection,
                          std::string* out) {
  if (!inv.config.Has(key)) return absl::OkStatus();
  ASSIGN_OR_RETURN(*out, RequiredName(inv, key, collection));
  return absl::OkStatus();
}

absl::StatusOr<std::string> NameArg(const Invocation& inv, size_t index, const std::string& collection,
                                    const std::string& what) {
  ASSIGN_OR_RETURN(const std::string text, Arg(inv, index, absl::StrCat(what, " (", collection, "/ID)")));
  return ResourceName(collection, text);
}

absl::StatusOr<int> RangedCount(const Invocation& inv, const std::string& key, int min, int max) {
  ASSIGN_OR_RETURN(const int n, RequiredCount(inv, key));
  if (n < min || n > max) return UsageError(absl::StrCat(Spelled(key), " must be ", min, "–", max, ", not ", n));
  return n;
}

absl::StatusOr<std::optional<tickets::v1::SlaTarget>> TargetFlag(const Invocation& inv, const std::string& key) {
  if (!inv.config.Has(key)) return std::nullopt;
  ASSIGN_OR_RETURN(const std::string text, RequiredFlag(inv, key));
  if (text == "none") return tickets::v1::SlaTarget();
  absl::StatusOr<tickets::v1::SlaTarget> target = ParseSlaTarget(text);
  if (!target.ok()) return UsageError(absl::StrCat(Spelled(key), ": ", target.status().message()));
  return *std::move(target);
}

absl::StatusOr<std::string> EtagOf(const Invocation& inv, const std::function<absl::StatusOr<std::string>()>& current) {
  const std::string given = inv.config.String("etag");
  if (!given.empty()) return given;
  return current();
}

}  // namespace huinong::ctl
