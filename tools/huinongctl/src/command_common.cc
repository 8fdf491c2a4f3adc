// Shared command pieces; see command_common.h.
#include "tools/huinongctl/src/command_common.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

std::string ResourceName(const std::string& collection, const std::string& text) {
  return text.find('/') == std::string::npos ? collection + "/" + text : text;
}

std::string RequestIdOf(const Invocation& inv) {
  std::string id = inv.config.String("request_id");
  return id.empty() ? NewUlid() : id;
}

absl::Status WithRequestId(const absl::Status& status, const std::string& request_id) {
  if (IsUsageError(status)) return status;
  return Rephrased(status, absl::StrCat(status.message(), " (request id ", request_id,
                                       "; retry with --request-id=", request_id, ")"));
}

absl::Status PrintProtoJson(const google::protobuf::Message& message) {
  ASSIGN_OR_RETURN(const std::string json, MessageJson(message));
  std::cout << json << "\n";
  return absl::OkStatus();
}

absl::Status DateFlag(const Invocation& inv, const std::string& key, type::v1::Date* out, bool* set) {
  *set = false;
  if (!inv.config.Has(key)) return absl::OkStatus();
  absl::StatusOr<type::v1::Date> date = ParseDate(inv.config.String(key));
  if (!date.ok()) return UsageError(absl::StrCat(Spelled(key), ": ", date.status().message()));
  *out = *date;
  *set = true;
  return absl::OkStatus();
}

absl::StatusOr<int> CountFlag(const Invocation& inv, const std::string& key, int def) {
  absl::StatusOr<int64_t> value = inv.config.Int(key, def);
  if (!value.ok()) return AsUsageError(value.status());
  if (*value < 0 || *value > 1000000) return UsageError(absl::StrCat(Spelled(key), " out of range"));
  return static_cast<int>(*value);
}

absl::StatusOr<std::string> ReadInputFile(const std::string& path) {
  std::stringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream file(path);
    if (!file) return absl::NotFoundError(absl::StrCat("cannot read ", path));
    text << file.rdbuf();
  }
  return text.str();
}

absl::StatusOr<std::string> Arg(const Invocation& inv, size_t index, const std::string& what) {
  if (inv.args.size() <= index) return UsageError(absl::StrCat("missing ", what));
  return inv.args[index];
}

}  // namespace huinong::ctl
