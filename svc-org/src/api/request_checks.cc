// See request_checks.h.
#include "svc-org/src/api/request_checks.h"

#include "absl/strings/str_cat.h"
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

store::DayRead ReadAsOf(const type::v1::Date& as_of, const std::string& field, absl::CivilDay today,
                        rpc::Violations& v) {
  std::optional<absl::CivilDay> day = rpc::FromDate(as_of, field, v);
  if (day) return {*day, false};
  return {today, true};
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
