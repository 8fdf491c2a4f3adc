// Unit enum names for the command line; see names.h.
#include "tools/huinongctl/src/names.h"

#include <array>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace huinong::ctl {
namespace {

using org::v1::UnitKind;
using org::v1::UnitStatus;
using type::v1::Level;

template <typename Enum>
struct Named {
  std::string_view name;  // canonical short spelling, lower case with '-'
  Enum value;
};

constexpr std::array<Named<UnitKind>, 9> kKinds = {{
    {"company", org::v1::UNIT_KIND_COMPANY},
    {"division", org::v1::UNIT_KIND_DIVISION},
    {"department", org::v1::UNIT_KIND_DEPARTMENT},
    {"centre", org::v1::UNIT_KIND_CENTRE},
    {"group", org::v1::UNIT_KIND_GROUP},
    {"module", org::v1::UNIT_KIND_MODULE},
    {"station", org::v1::UNIT_KIND_STATION},
    {"leading-group", org::v1::UNIT_KIND_LEADING_GROUP},
    {"office", org::v1::UNIT_KIND_OFFICE},
}};

constexpr std::array<Named<Level>, 4> kLevels = {{
    {"county", type::v1::LEVEL_COUNTY},
    {"township", type::v1::LEVEL_TOWNSHIP},
    {"village", type::v1::LEVEL_VILLAGE},
    {"none", type::v1::LEVEL_UNSPECIFIED},
}};

constexpr std::array<Named<UnitStatus>, 4> kStatuses = {{
    {"planned", org::v1::UNIT_STATUS_PLANNED},
    {"active", org::v1::UNIT_STATUS_ACTIVE},
    {"frozen", org::v1::UNIT_STATUS_FROZEN},
    {"abolished", org::v1::UNIT_STATUS_ABOLISHED},
}};

// Lower case with '_' turned into '-', and the proto enum prefix dropped, so
// "LEADING_GROUP", "leading_group" and "UNIT_KIND_LEADING_GROUP" all match.
std::string Canonical(std::string_view text, std::string_view enum_prefix) {
  std::string out = absl::AsciiStrToLower(absl::StripAsciiWhitespace(
      absl::string_view(text.data(), text.size())));
  for (char& c : out) {
    if (c == '_') c = '-';
  }
  if (out.starts_with(enum_prefix)) out.erase(0, enum_prefix.size());
  return out;
}

template <typename Enum, size_t N>
absl::StatusOr<Enum> ParseNamed(const std::array<Named<Enum>, N>& table, std::string_view text,
                                std::string_view enum_prefix, std::string_view what,
                                std::initializer_list<std::pair<std::string_view, Enum>> aliases = {}) {
  const std::string key = Canonical(text, enum_prefix);
  for (const auto& entry : table) {
    if (entry.name == key) return entry.value;
  }
  for (const auto& [alias, value] : aliases) {
    if (alias == key) return value;
  }
  std::vector<std::string> names;
  for (const auto& entry : table) names.emplace_back(entry.name);
  return absl::InvalidArgumentError(
      absl::StrCat("unknown ", absl::string_view(what.data(), what.size()), " \"",
                   absl::string_view(text.data(), text.size()),
                   "\"; one of: ", absl::StrJoin(names, ", ")));
}

template <typename Enum, size_t N>
std::string NameOf(const std::array<Named<Enum>, N>& table, Enum value, std::string_view fallback) {
  for (const auto& entry : table) {
    if (entry.value == value) return std::string(entry.name);
  }
  return std::string(fallback);
}

}  // namespace

absl::StatusOr<UnitKind> ParseKind(std::string_view text) {
  // The proto and the seeds spell it "centre"; American spelling is common in scripts.
  return ParseNamed(kKinds, text, "unit-kind-", "kind", {{"center", org::v1::UNIT_KIND_CENTRE}});
}

absl::StatusOr<Level> ParseLevel(std::string_view text) {
  return ParseNamed(kLevels, text, "level-", "level", {{"unspecified", type::v1::LEVEL_UNSPECIFIED}});
}

absl::StatusOr<UnitStatus> ParseStatus(std::string_view text) {
  return ParseNamed(kStatuses, text, "unit-status-", "status");
}

std::string KindName(UnitKind kind) { return NameOf(kKinds, kind, "?"); }

std::string LevelName(Level level) {
  return absl::AsciiStrToUpper(NameOf(kLevels, level, "?"));
}

std::string StatusName(UnitStatus status) { return NameOf(kStatuses, status, "?"); }

}  // namespace huinong::ctl
