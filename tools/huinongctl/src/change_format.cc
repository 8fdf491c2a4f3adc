// Change request and approval chain text and parsers; see change_format.h.
#include "tools/huinongctl/src/change_format.h"

#include <array>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "common/core/string_views.h"
#include "common/rpc/proto_time.h"
#include "google/protobuf/util/json_util.h"
#include "nlohmann/json.hpp"
#include "tools/huinongctl/src/args.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

namespace v1 = ::huinong::org::v1;

namespace {

template <typename Enum>
struct Named {
  std::string_view name;  // canonical short spelling, lower case with '-'
  Enum value;
};

constexpr std::array<Named<v1::ChangeRequestState>, 5> kStates = {{
    {"draft", v1::CHANGE_REQUEST_STATE_DRAFT},
    {"in-approval", v1::CHANGE_REQUEST_STATE_IN_APPROVAL},
    {"approved", v1::CHANGE_REQUEST_STATE_APPROVED},
    {"rejected", v1::CHANGE_REQUEST_STATE_REJECTED},
    {"withdrawn", v1::CHANGE_REQUEST_STATE_WITHDRAWN},
}};

constexpr std::array<Named<v1::ChangeKind>, 11> kKinds = {{
    {"create-unit", v1::CHANGE_KIND_CREATE_UNIT},
    {"update-unit", v1::CHANGE_KIND_UPDATE_UNIT},
    {"merge-units", v1::CHANGE_KIND_MERGE_UNITS},
    {"split-unit", v1::CHANGE_KIND_SPLIT_UNIT},
    {"abolish-unit", v1::CHANGE_KIND_ABOLISH_UNIT},
    {"move-unit", v1::CHANGE_KIND_MOVE_UNIT},
    {"create-post", v1::CHANGE_KIND_CREATE_POST},
    {"update-post", v1::CHANGE_KIND_UPDATE_POST},
    {"abolish-post", v1::CHANGE_KIND_ABOLISH_POST},
    {"set-quota", v1::CHANGE_KIND_SET_QUOTA},
    {"move-reporting-line", v1::CHANGE_KIND_MOVE_REPORTING_LINE},
}};

// Lower case, '_' turned into '-', the proto enum prefix dropped.
std::string Canonical(std::string_view text, std::string_view enum_prefix) {
  std::string out = absl::AsciiStrToLower(absl::StripAsciiWhitespace(ToAbsl(text)));
  for (char& c : out) {
    if (c == '_') c = '-';
  }
  if (out.starts_with(enum_prefix)) out.erase(0, enum_prefix.size());
  return out;
}

template <typename Enum, size_t N>
absl::StatusOr<Enum> ParseNamed(const std::array<Named<Enum>, N>& table, std::string_view text,
                                std::string_view enum_prefix, std::string_view what) {
  const std::string key = Canonical(text, enum_prefix);
  for (const auto& entry : table) {
    if (entry.name == key) return entry.value;
  }
  std::vector<std::string> names;
  for (const auto& entry : table) names.emplace_back(entry.name);
  return absl::InvalidArgumentError(absl::StrCat("unknown ", ToAbsl(what), " \"", ToAbsl(text),
                                                 "\"; one of: ", absl::StrJoin(names, ", ")));
}

template <typename Enum, size_t N>
std::string NameOf(const std::array<Named<Enum>, N>& table, Enum value) {
  for (const auto& entry : table) {
    if (entry.value == value) return std::string(entry.name);
  }
  return "?";
}

std::string TimeText(const google::protobuf::Timestamp& ts) {
  if (ts.seconds() == 0 && ts.nanos() == 0) return "";
  return absl::FormatTime("%Y-%m-%d %H:%M:%S UTC", rpc::FromTimestamp(ts), absl::UTCTimeZone());
}

// "new/{ref}" as later items refer to it, or "".
std::string RefText(const std::string& ref) { return ref.empty() ? "" : absl::StrCat(" as new/", ref); }

std::string MaskText(const google::protobuf::FieldMask& mask) {
  return mask.paths().empty() ? "" : absl::StrCat(" (", absl::StrJoin(mask.paths(), ", "), ")");
}

std::string Headcount(int min, int max) { return min == max ? absl::StrCat(max) : absl::StrCat(min, "–", max); }

// The item's key targets, after its kind.
std::string Targets(const v1::ChangeItem& item) {
  switch (item.change_case()) {
    case v1::ChangeItem::kCreateUnit: {
      const v1::Unit& unit = item.create_unit().unit();
      return absl::StrCat("\"", unit.display_name(), "\"",
                          unit.parent().empty() ? " (root)" : absl::StrCat(" under ", unit.parent()),
                          RefText(item.create_unit().ref()));
    }
    case v1::ChangeItem::kUpdateUnit:
      return absl::StrCat(item.update_unit().unit().name(), MaskText(item.update_unit().update_mask()));
    case v1::ChangeItem::kMergeUnits:
      return absl::StrCat(absl::StrJoin(item.merge_units().sources(), ", "), " → ", item.merge_units().target());
    case v1::ChangeItem::kSplitUnit: {
      const v1::SplitUnitChange& split = item.split_unit();
      std::vector<std::string> parts;
      for (const v1::CreateUnitChange& made : split.new_units()) {
        parts.push_back(absl::StrCat("\"", made.unit().display_name(), "\"", RefText(made.ref())));
      }
      std::string out = absl::StrCat(split.source(), " → ", absl::StrJoin(parts, ", "));
      if (split.post_moves_size() > 0) absl::StrAppend(&out, "; ", split.post_moves_size(), " posts moved");
      if (split.abolish_source()) absl::StrAppend(&out, "; source abolished");
      return out;
    }
    case v1::ChangeItem::kAbolishUnit: return item.abolish_unit().unit();
    case v1::ChangeItem::kMoveUnit:
      return absl::StrCat(item.move_unit().unit(), " → under ", item.move_unit().new_parent());
    case v1::ChangeItem::kCreatePost: {
      const v1::Post& post = item.create_post().post();
      return absl::StrCat("\"", post.title(), "\" in ", post.unit(), RefText(item.create_post().ref()));
    }
    case v1::ChangeItem::kUpdatePost:
      return absl::StrCat(item.update_post().post().name(), MaskText(item.update_post().update_mask()));
    case v1::ChangeItem::kAbolishPost: return item.abolish_post().post();
    case v1::ChangeItem::kSetQuota: {
      const v1::Quota& quota = item.set_quota().quota();
      return absl::StrCat(quota.post().empty() ? absl::StrCat(quota.unit(), " total")
                                               : absl::StrCat(quota.post(), " in ", quota.unit()),
                          ": ", Headcount(quota.min_headcount(), quota.max_headcount()));
    }
    case v1::ChangeItem::kMoveReportingLine: {
      const v1::MoveReportingLineChange& move = item.move_reporting_line();
      std::string out = absl::StrCat(move.post(), " → ",
                                     move.new_superior_post().empty() ? "top post"
                                                                      : "reports to " + move.new_superior_post());
      if (move.replace_other_lines()) absl::StrAppend(&out, "; ", move.other_lines_size(), " other lines");
      return out;
    }
    case v1::ChangeItem::CHANGE_NOT_SET: return "";
  }
  return "";
}

std::string StepLine(int index, const std::string& title, const std::string& capability, const std::string& unit) {
  return absl::StrCat("  ", index, ". ", title, "  [", capability, " at ", unit, "]");
}

}  // namespace

absl::StatusOr<v1::ChangeRequestState> ParseChangeState(std::string_view text) {
  return ParseNamed(kStates, text, "change-request-state-", "state");
}

absl::StatusOr<v1::ChangeKind> ParseChangeKind(std::string_view text) {
  return ParseNamed(kKinds, text, "change-kind-", "change kind");
}

std::string ChangeStateName(v1::ChangeRequestState state) { return NameOf(kStates, state); }

std::string ChangeKindName(v1::ChangeKind kind) { return NameOf(kKinds, kind); }

std::string StepStateName(v1::ApprovalStepState state) {
  switch (state) {
    case v1::APPROVAL_STEP_STATE_PENDING: return "pending";
    case v1::APPROVAL_STEP_STATE_APPROVED: return "approved";
    case v1::APPROVAL_STEP_STATE_REJECTED: return "rejected";
    default: return "?";
  }
}

absl::StatusOr<v1::ApprovalStepTemplate> ParseStepTemplate(std::string_view text) {
  const std::vector<std::string> parts = absl::StrSplit(ToAbsl(text), '|');
  const auto bad = [&](std::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat("step \"", ToAbsl(text), "\": ", ToAbsl(why),
                                                   " (want TITLE|CAPABILITY|units/ID[|KIND,KIND])"));
  };
  if (parts.size() < 3 || parts.size() > 4) return bad("three or four parts separated by '|'");
  v1::ApprovalStepTemplate step;
  step.set_title(std::string(absl::StripAsciiWhitespace(parts[0])));
  step.set_required_capability(std::string(absl::StripAsciiWhitespace(parts[1])));
  const std::string unit(absl::StripAsciiWhitespace(parts[2]));
  if (step.title().empty()) return bad("no title");
  if (step.required_capability().empty()) return bad("no capability");
  if (unit.empty()) return bad("no unit");
  step.set_at_unit(unit.find('/') == std::string::npos ? "units/" + unit : unit);
  if (parts.size() == 4) {
    for (const std::string& name : SplitList(parts[3])) {
      absl::StatusOr<v1::ChangeKind> kind = ParseChangeKind(name);
      if (!kind.ok()) return bad(ToStd(kind.status().message()));
      step.add_applies_to(*kind);
    }
  }
  return step;
}

absl::StatusOr<std::vector<v1::ChangeItem>> ParseChangeItems(std::string_view json) {
  const nlohmann::json array = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!array.is_array()) {
    return absl::InvalidArgumentError("not a JSON array of change items ([{\"abolish_unit\": {...}}, ...])");
  }
  // Each element through the protobuf parser, which checks it against ChangeItem.
  std::vector<v1::ChangeItem> items(array.size());
  for (size_t i = 0; i < array.size(); ++i) {
    // The text was parsed as UTF-8, so dump() cannot throw.
    const auto status = google::protobuf::util::JsonStringToMessage(array[i].dump(), &items[i]);
    if (!status.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("item ", i + 1, " is not a change item: ", status.message().as_string()));
    }
  }
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].change_case() == v1::ChangeItem::CHANGE_NOT_SET) {
      return absl::InvalidArgumentError(
          absl::StrCat("item ", i + 1, " sets no change (create_unit, merge_units, abolish_post, ...)"));
    }
  }
  return items;
}

v1::ChangeKind ItemKind(const v1::ChangeItem& item) {
  switch (item.change_case()) {
    case v1::ChangeItem::kCreateUnit: return v1::CHANGE_KIND_CREATE_UNIT;
    case v1::ChangeItem::kUpdateUnit: return v1::CHANGE_KIND_UPDATE_UNIT;
    case v1::ChangeItem::kMergeUnits: return v1::CHANGE_KIND_MERGE_UNITS;
    case v1::ChangeItem::kSplitUnit: return v1::CHANGE_KIND_SPLIT_UNIT;
    case v1::ChangeItem::kAbolishUnit: return v1::CHANGE_KIND_ABOLISH_UNIT;
    case v1::ChangeItem::kMoveUnit: return v1::CHANGE_KIND_MOVE_UNIT;
    case v1::ChangeItem::kCreatePost: return v1::CHANGE_KIND_CREATE_POST;
    case v1::ChangeItem::kUpdatePost: return v1::CHANGE_KIND_UPDATE_POST;
    case v1::ChangeItem::kAbolishPost: return v1::CHANGE_KIND_ABOLISH_POST;
    case v1::ChangeItem::kSetQuota: return v1::CHANGE_KIND_SET_QUOTA;
    case v1::ChangeItem::kMoveReportingLine: return v1::CHANGE_KIND_MOVE_REPORTING_LINE;
    case v1::ChangeItem::CHANGE_NOT_SET: break;
  }
  return item.kind();
}

std::string ItemSummary(const v1::ChangeItem& item) {
  std::string out = ChangeKindName(ItemKind(item));
  const std::string targets = Targets(item);
  if (!targets.empty()) absl::StrAppend(&out, "  ", targets);
  if (!item.result().empty()) absl::StrAppend(&out, "  = ", item.result());
  return out;
}

std::string ChangeRequestLabel(const v1::ChangeRequest& r) {
  const std::string effective = DateText(r.effective_date());
  return absl::StrCat(r.title(), "  [", ChangeStateName(r.state()), effective.empty() ? "" : ", effective ",
                      effective, "]  ", r.name());
}

std::string ChangeRequestDetail(const v1::ChangeRequest& r) {
  std::vector<std::pair<std::string, std::string>> rows = {
      {"name", r.name()},
      {"title", r.title()},
      {"unit", r.unit()},
      {"state", ChangeStateName(r.state())},
      {"effective", DateText(r.effective_date())},
      {"drafted_by", r.drafted_by()},
      {"reason", r.reason()},
  };
  for (const type::v1::DocumentRef& doc : r.documents()) {
    rows.emplace_back("document", absl::StrCat(doc.title(), doc.title().empty() ? "" : "  ", doc.uri()));
  }
  rows.emplace_back("submitted", TimeText(r.submit_time()));
  rows.emplace_back("created", TimeText(r.create_time()));
  rows.emplace_back("updated", TimeText(r.update_time()));
  rows.emplace_back("etag", r.etag());
  std::vector<std::pair<std::string, std::string>> shown;
  for (auto& row : rows) {
    if (!row.second.empty()) shown.push_back(std::move(row));
  }
  std::string out = KeyValueBlock(shown);
  out += "items:\n";
  if (r.items().empty()) out += "  (none)\n";
  for (int i = 0; i < r.items_size(); ++i) absl::StrAppend(&out, "  ", i + 1, ". ", ItemSummary(r.items(i)), "\n");
  if (r.steps().empty()) return out;
  out += "steps:\n";
  for (int i = 0; i < r.steps_size(); ++i) {
    const v1::ApprovalStep& step = r.steps(i);
    absl::StrAppend(&out, StepLine(i + 1, step.title(), step.required_capability(), step.at_unit()), "  ",
                    StepStateName(step.state()));
    if (!step.decided_by().empty()) absl::StrAppend(&out, " by ", step.decided_by());
    if (!step.comment().empty()) absl::StrAppend(&out, ": ", step.comment());
    if (i == r.current_step()) out += "  ← current";
    out += "\n";
  }
  return out;
}

Table ChangeRequestTable(const std::vector<v1::ChangeRequest>& requests) {
  Table table({"NAME", "STATE", "EFFECTIVE", "UNIT", "ITEMS", "STEP", "TITLE"});
  for (const v1::ChangeRequest& r : requests) {
    const bool pending = r.current_step() >= 0 && r.current_step() < r.steps_size();
    table.AddRow({r.name(), ChangeStateName(r.state()), DateText(r.effective_date()), r.unit(),
                  absl::StrCat(r.items_size()),
                  pending ? absl::StrCat(r.current_step() + 1, "/", r.steps_size(), " ",
                                         r.steps(r.current_step()).title())
                          : "-",
                  r.title()});
  }
  return table;
}

std::string ApprovalChainLabel(const v1::ApprovalChain& chain) {
  return absl::StrCat(chain.title(), "  [", chain.steps_size(), chain.steps_size() == 1 ? " step" : " steps",
                      chain.require_change_requests() ? ", change requests required" : "", "]  ", chain.name());
}

std::string ApprovalChainDetail(const v1::ApprovalChain& chain) {
  std::vector<std::pair<std::string, std::string>> rows = {
      {"name", chain.name()},
      {"unit", chain.unit()},
      {"title", chain.title()},
      {"require_change_requests", chain.require_change_requests() ? "yes" : "no"},
      {"created", TimeText(chain.create_time())},
      {"updated", TimeText(chain.update_time())},
      {"etag", chain.etag()},
  };
  std::vector<std::pair<std::string, std::string>> shown;
  for (auto& row : rows) {
    if (!row.second.empty()) shown.push_back(std::move(row));
  }
  std::string out = KeyValueBlock(shown);
  out += "steps:\n";
  for (int i = 0; i < chain.steps_size(); ++i) {
    const v1::ApprovalStepTemplate& step = chain.steps(i);
    std::vector<std::string> kinds;
    for (const int kind : step.applies_to()) kinds.push_back(ChangeKindName(static_cast<v1::ChangeKind>(kind)));
    absl::StrAppend(&out, StepLine(i + 1, step.title(), step.required_capability(), step.at_unit()), "  for ",
                    kinds.empty() ? "every request" : absl::StrJoin(kinds, ", "), "\n");
  }
  return out;
}

Table ApprovalChainTable(const std::vector<v1::ApprovalChain>& chains) {
  Table table({"NAME", "UNIT", "STEPS", "REQUIRED", "TITLE"});
  for (const v1::ApprovalChain& c : chains) {
    table.AddRow({c.name(), c.unit(), absl::StrCat(c.steps_size()), c.require_change_requests() ? "yes" : "no",
                  c.title()});
  }
  return table;
}

}  // namespace huinong::ctl
