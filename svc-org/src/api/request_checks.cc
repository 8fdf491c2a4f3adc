// See request_checks.h.
#include "svc-org/src/api/request_checks.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/rpc/page_token.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"

namespace huinong::org {
namespace {

bool HexDigest(absl::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

absl::CivilDay Today() { return absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()); }

store::DayRead ReadAsOf(const type::v1::Date& as_of, const std::string& field, rpc::Violations& v) {
  std::optional<absl::CivilDay> day = rpc::FromDate(as_of, field, v);
  if (day) return {*day, false};
  return {Today(), true};
}

absl::Status CheckEtag(const std::string& given, int64_t version, absl::string_view name) {
  if (given == absl::StrCat(version)) return absl::OkStatus();
  return rpc::Aborted("STALE_ETAG",
                      absl::StrCat(name, " was changed by someone else; read it again"));
}

std::string PageAfter(const std::string& token, absl::string_view filters, rpc::Violations& v) {
  auto after = rpc::DecodePageToken(token, filters);
  if (after.ok()) return *after;
  for (const auto& fv : rpc::FieldViolationsOf(after.status())) v.Add(fv.field, fv.description);
  return "";
}

std::set<std::string> MaskPaths(const google::protobuf::FieldMask& mask,
                                const std::set<std::string>& updatable, rpc::Violations& v) {
  if (mask.paths_size() == 0) v.Add("update_mask", "required");
  std::set<std::string> paths;
  for (const auto& path : mask.paths()) {
    if (!updatable.count(path)) {
      v.Add("update_mask", absl::StrCat("\"", path, "\" is not an updatable field"));
    }
    paths.insert(path);
  }
  return paths;
}

void KeepMasked(const rpc::Violations& all, absl::string_view prefix,
                const std::set<std::string>& paths, rpc::Violations& v) {
  for (const auto& fv : all.list()) {
    std::string field = fv.field.substr(prefix.size() + 1);
    field = field.substr(0, field.find_first_of(".["));
    if (paths.count(field)) v.Add(fv.field, fv.description);
  }
}

DocumentRef ReadDocument(const type::v1::DocumentRef& in, const std::string& field,
                         rpc::Violations& v) {
  rpc::CheckText(in.uri(), absl::StrCat(field, ".uri"), 0, 1000, v);
  rpc::CheckText(in.title(), absl::StrCat(field, ".title"), 0, 200, v);
  if (!in.sha256().empty() && !HexDigest(in.sha256())) {
    v.Add(absl::StrCat(field, ".sha256"), "must be 64 lower-case hex digits");
  }
  return {in.uri(), in.sha256(), in.title()};
}

type::v1::DocumentRef ToProto(const DocumentRef& d) {
  type::v1::DocumentRef p;
  p.set_uri(d.uri);
  p.set_sha256(d.sha256);
  p.set_title(d.title);
  return p;
}

void SetDate(const std::optional<absl::CivilDay>& day, type::v1::Date* out) {
  if (day) *out = rpc::ToDate(*day);
}

}  // namespace huinong::org
