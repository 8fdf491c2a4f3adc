// See document_mapping.h.
#include "svc-loans/src/api/document_mapping.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/validate.h"

namespace huinong::loans {
namespace {

bool LowerHexDigest(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

domain::DocumentRef ReadDocument(const type::v1::DocumentRef& in, const std::string& field, rpc::Violations& v) {
  rpc::CheckText(in.uri(), absl::StrCat(field, ".uri"), 0, 1000, v);
  rpc::CheckText(in.title(), absl::StrCat(field, ".title"), 0, 200, v);
  if (!in.sha256().empty() && !LowerHexDigest(in.sha256())) {
    v.Add(absl::StrCat(field, ".sha256"), "must be 64 lower-case hex digits");
  }
  return {in.uri(), in.sha256(), in.title()};
}

type::v1::DocumentRef ToProto(const domain::DocumentRef& d) {
  type::v1::DocumentRef p;
  p.set_uri(d.uri);
  p.set_sha256(d.sha256);
  p.set_title(d.title);
  return p;
}

}  // namespace huinong::loans
