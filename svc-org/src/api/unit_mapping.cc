#include "svc-org/src/api/unit_mapping.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"

namespace huinong::org {
namespace {

constexpr size_t kMaxFunctions = 50;
constexpr size_t kMaxFunctionChars = 500;
constexpr size_t kMaxCodeChars = 32;

bool CodeChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

}  // namespace

std::string UnitName(const std::string& id) { return rpc::FormatName("units", id); }

std::string Etag(const Unit& unit) { return absl::StrCat(unit.version); }

bool ValidKind(int kind) { return kind != 0 && v1::UnitKind_IsValid(kind); }
bool ValidLevel(int level) { return type::v1::Level_IsValid(level); }
bool ValidStatus(int status) { return status != 0 && v1::UnitStatus_IsValid(status); }

v1::Unit ToProto(const Unit& u) {
  v1::Unit p;
  p.set_name(UnitName(u.id));
  p.set_display_name(u.display_name);
  p.set_kind(static_cast<v1::UnitKind>(u.kind));
  p.set_level(static_cast<type::v1::Level>(u.level));
  if (!u.parent_id.empty()) p.set_parent(UnitName(u.parent_id));
  p.set_status(static_cast<v1::UnitStatus>(u.status));
  p.set_code(u.code);
  for (const auto& f : u.functions) p.add_functions(f);
  if (u.effective_from) *p.mutable_effective_from() = rpc::ToDate(*u.effective_from);
  if (u.effective_to) *p.mutable_effective_to() = rpc::ToDate(*u.effective_to);
  p.set_depth(u.depth);
  *p.mutable_create_time() = rpc::ToTimestamp(u.create_time);
  *p.mutable_update_time() = rpc::ToTimestamp(u.update_time);
  p.set_etag(Etag(u));
  return p;
}

void ReadUnitFields(const v1::Unit& in, const std::string& prefix, Unit& out, rpc::Violations& v) {
  auto field = [&](absl::string_view name) { return absl::StrCat(prefix, ".", name); };
  rpc::CheckText(in.display_name(), field("display_name"), 1, 100, v);
  out.display_name = in.display_name();
  if (in.kind() == 0) {
    v.Add(field("kind"), "required");
  } else if (!ValidKind(in.kind())) {
    v.Add(field("kind"), absl::StrCat("unknown value ", in.kind()));
  }
  out.kind = in.kind();
  if (!ValidLevel(in.level())) v.Add(field("level"), absl::StrCat("unknown value ", in.level()));
  out.level = static_cast<Level>(in.level());
  if (in.status() != 0 && !ValidStatus(in.status())) {
    v.Add(field("status"), absl::StrCat("unknown value ", in.status()));
  }
  out.status = in.status() == 0 ? UnitStatus::kActive : static_cast<UnitStatus>(in.status());
  if (in.code().size() > kMaxCodeChars) {
    v.Add(field("code"), absl::StrCat("must be at most ", kMaxCodeChars, " characters"));
  } else {
    for (char c : in.code()) {
      if (!CodeChar(c)) {
        v.Add(field("code"), "may hold only A-Z a-z 0-9 and -");
        break;
      }
    }
  }
  out.code = in.code();
  if (static_cast<size_t>(in.functions_size()) > kMaxFunctions) {
    v.Add(field("functions"), absl::StrCat("at most ", kMaxFunctions, " entries"));
  }
  out.functions.clear();
  for (int i = 0; i < in.functions_size(); ++i) {
    rpc::CheckText(in.functions(i), absl::StrCat(prefix, ".functions[", i, "]"), 1,
                   kMaxFunctionChars, v);
    out.functions.push_back(in.functions(i));
  }
  out.effective_from = rpc::FromDate(in.effective_from(), field("effective_from"), v);
  out.effective_to = rpc::FromDate(in.effective_to(), field("effective_to"), v);
  if (!EffectiveDatesOrdered(out.effective_from, out.effective_to)) {
    v.Add(field("effective_to"), "must not be before effective_from");
  }
}

}  // namespace huinong::org
