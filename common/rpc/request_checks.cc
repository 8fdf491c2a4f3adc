// See request_checks.h.
#include "common/rpc/request_checks.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace huinong::rpc {

std::string PageAfter(absl::string_view token, absl::string_view filters, Violations& v) {
  auto after = DecodePageToken(token, filters);
  if (after.ok()) return *after;
  for (const auto& fv : FieldViolationsOf(after.status())) v.Add(fv.field, fv.description);
  return "";
}

int64_t PageAfterSequence(absl::string_view token, absl::string_view filters, int64_t start,
                          Violations& v) {
  const std::string after = PageAfter(token, filters, v);
  if (after.empty()) return start;
  int64_t sequence = 0;
  if (!absl::SimpleAtoi(after, &sequence)) {
    v.Add("page_token", "malformed");
    return start;
  }
  return sequence;
}

std::set<std::string> MaskPaths(const google::protobuf::FieldMask& mask,
                                const std::set<std::string>& updatable, Violations& v,
                                const std::string& field) {
  if (mask.paths_size() == 0) v.Add(field, "required");
  std::set<std::string> paths;
  for (const auto& path : mask.paths()) {
    if (!updatable.count(path)) v.Add(field, absl::StrCat("\"", path, "\" is not an updatable field"));
    paths.insert(path);
  }
  return paths;
}

void KeepMasked(const Violations& all, absl::string_view prefix, const std::set<std::string>& paths,
                Violations& v) {
  for (const auto& fv : all.list()) {
    std::string field = fv.field.substr(prefix.size() + 1);
    field = field.substr(0, field.find_first_of(".["));
    if (paths.count(field)) v.Add(fv.field, fv.description);
  }
}

std::string Etag(int64_t version) { return absl::StrCat(version); }

absl::Status CheckEtag(absl::string_view given, int64_t version, absl::string_view name) {
  if (given == Etag(version)) return absl::OkStatus();
  return Aborted("STALE_ETAG", absl::StrCat(name, " was changed by someone else; read it again"));
}

}  // namespace huinong::rpc
