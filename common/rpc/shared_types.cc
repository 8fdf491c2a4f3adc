// See shared_types.h.
#include "common/rpc/shared_types.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/validate.h"

namespace huinong::rpc {
namespace {

bool HexDigest(absl::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool DocumentKind(absl::string_view s) {
  if (s.size() > 40) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

domain::DocumentRef ReadDocument(const type::v1::DocumentRef& in, const std::string& field, Violations& v) {
  CheckText(in.uri(), absl::StrCat(field, ".uri"), 0, 1000, v);
  CheckText(in.title(), absl::StrCat(field, ".title"), 0, 200, v);
  if (!in.sha256().empty() && !HexDigest(in.sha256())) {
    v.Add(absl::StrCat(field, ".sha256"), "must be 64 lower-case hex digits");
  }
  if (!in.kind().empty() && !DocumentKind(in.kind())) {
    v.Add(absl::StrCat(field, ".kind"), "up to 40 lower-case letters, digits and '_', such as \"loan_contract\"");
  }
  CheckText(in.number(), absl::StrCat(field, ".number"), 0, 100, v);
  return {in.uri(), in.sha256(), in.title(), in.kind(), in.number()};
}

domain::DocumentRef ReadRequiredDocument(const type::v1::DocumentRef& in, const std::string& field, Violations& v) {
  domain::DocumentRef d = ReadDocument(in, field, v);
  if (!d.locatable()) v.Add(field, "required: where the document is (uri) or its sha256");
  return d;
}

type::v1::DocumentRef ToProto(const domain::DocumentRef& d) {
  type::v1::DocumentRef p;
  p.set_uri(d.uri);
  p.set_sha256(d.sha256);
  p.set_title(d.title);
  p.set_kind(d.kind);
  p.set_number(d.number);
  return p;
}

type::v1::Money ToMoney(int64_t fen) {
  type::v1::Money m;
  m.set_fen(fen);
  return m;
}

}  // namespace huinong::rpc
