// See change_json.h. Enums are stored as their numbers (the domain's values,
// which match the API's); absent members read as empty.
#include "svc-org/src/store/change_json.h"

#include "svc-org/src/store/json_parts.h"

namespace huinong::org::store {
namespace {

bool Bool(const Json& obj, const char* key) {
  const Json& v = Field(obj, key);
  return v.is_boolean() && v.get<bool>();
}
std::vector<std::string> Strings(const Json& list) {
  std::vector<std::string> out;
  Each(list, out, AsString);
  return out;
}

Json RefJson(const ItemRef& r) { return {{"id", r.id}, {"ref", r.ref}}; }
ItemRef RefOf(const Json& v) { return {Str(v, "id"), Str(v, "ref")}; }

Json UnitJson(const Unit& u) {
  return {{"display_name", u.display_name}, {"kind", u.kind},
          {"level", static_cast<int>(u.level)}, {"status", static_cast<int>(u.status)},
          {"code", u.code}, {"functions", u.functions},
          {"effective_from", Day(u.effective_from)}, {"effective_to", Day(u.effective_to)}};
}
Unit UnitOf(const Json& v) {
  Unit u;
  u.display_name = Str(v, "display_name");
  u.kind = Int(v, "kind");
  u.level = static_cast<Level>(Int(v, "level"));
  u.status = static_cast<UnitStatus>(Int(v, "status"));
  u.code = Str(v, "code");
  u.functions = Strings(Field(v, "functions"));
  u.effective_from = DayOf(v, "effective_from");
  u.effective_to = DayOf(v, "effective_to");
  return u;
}

Json TermsJson(const PostTerms& t) {
  return {{"title", t.title}, {"code", t.code}, {"mission", t.mission},
          {"duties", ToJson(t.duties)}, {"qualification_groups", ToJson(t.qualification_groups)},
          {"authorities", t.authorities}, {"grade", t.grade}, {"grade_rank", t.grade_rank},
          {"kind", static_cast<int>(t.kind)}, {"office_side", static_cast<int>(t.office_side)},
          {"head", t.head}, {"deputy", t.deputy}, {"capabilities", t.capabilities},
          {"superior_post", t.superior_post_id}, {"other_lines", ToJson(t.other_lines)},
          {"workload_bp", t.workload_bp}, {"status", static_cast<int>(t.status)}};
}
PostTerms TermsOf(const Json& v) {
  PostTerms t;
  t.title = Str(v, "title");
  t.code = Str(v, "code");
  t.mission = Str(v, "mission");
  FromJson(Field(v, "duties"), t.duties);
  FromJson(Field(v, "qualification_groups"), t.qualification_groups);
  t.authorities = Strings(Field(v, "authorities"));
  t.grade = Str(v, "grade");
  t.grade_rank = Int(v, "grade_rank");
  t.kind = static_cast<PostKind>(Int(v, "kind"));
  t.office_side = static_cast<OfficeSide>(Int(v, "office_side"));
  t.head = Bool(v, "head");
  t.deputy = Bool(v, "deputy");
  t.capabilities = Strings(Field(v, "capabilities"));
  t.superior_post_id = Str(v, "superior_post");
  FromJson(Field(v, "other_lines"), t.other_lines);
  t.workload_bp = Int(v, "workload_bp");
  t.status = static_cast<PostStatus>(Int(v, "status"));
  return t;
}

Json QuotaJson(const QuotaTerms& q) {
  return {{"kind", static_cast<int>(q.kind)}, {"min_headcount", q.min_headcount},
          {"max_headcount", q.max_headcount}, {"approved_by", q.approved_by},
          {"approval_date", absl::FormatCivilTime(q.approval_date)}, {"document", Doc(q.document)},
          {"note", q.note}};
}
QuotaTerms QuotaOf(const Json& v) {
  QuotaTerms q;
  q.kind = static_cast<QuotaKind>(Int(v, "kind"));
  q.min_headcount = Int(v, "min_headcount");
  q.max_headcount = Int(v, "max_headcount");
  q.approved_by = Str(v, "approved_by");
  if (auto day = DayOf(v, "approval_date")) q.approval_date = *day;
  q.document = DocOf(Field(v, "document"));
  q.note = Str(v, "note");
  return q;
}

// Only the parts an item's kind uses are written (change_item.h).
Json ItemJson(const ChangeItem& item) {
  Json v = {{"kind", static_cast<int>(item.kind)}};
  if (!item.ref.empty()) v["ref"] = item.ref;
  if (!item.subject.empty()) v["subject"] = RefJson(item.subject);
  if (!item.target.empty()) v["target"] = RefJson(item.target);
  if (!item.target_post.empty()) v["target_post"] = RefJson(item.target_post);
  if (!item.paths.empty()) v["paths"] = item.paths;
  if (!item.result.empty()) v["result"] = item.result;
  switch (item.kind) {
    case ChangeKind::kCreateUnit:
    case ChangeKind::kUpdateUnit:
      v["unit"] = UnitJson(item.unit);
      break;
    case ChangeKind::kCreatePost:
    case ChangeKind::kUpdatePost:
    case ChangeKind::kMoveReportingLine:
      v["post"] = TermsJson(item.post);
      break;
    case ChangeKind::kSetQuota:
      v["quota"] = QuotaJson(item.quota);
      v["quota_effective_to"] = Day(item.quota_effective_to);
      break;
    default:
      break;
  }
  return v;
}
ChangeItem ItemOf(const Json& v) {
  ChangeItem item;
  item.kind = static_cast<ChangeKind>(Int(v, "kind"));
  item.ref = Str(v, "ref");
  item.subject = RefOf(Field(v, "subject"));
  item.target = RefOf(Field(v, "target"));
  item.target_post = RefOf(Field(v, "target_post"));
  for (const std::string& path : Strings(Field(v, "paths"))) item.paths.insert(path);
  item.result = Str(v, "result");
  item.unit = UnitOf(Field(v, "unit"));
  item.post = TermsOf(Field(v, "post"));
  item.quota = QuotaOf(Field(v, "quota"));
  item.quota_effective_to = DayOf(v, "quota_effective_to");
  return item;
}

Json StepJson(const ApprovalStep& s) {
  return {{"title", s.title}, {"capability", s.capability}, {"at_unit_id", s.at_unit_id},
          {"state", static_cast<int>(s.state)}, {"decided_by", s.decided_by},
          {"decide_time", json::InstantText(s.decide_time)}, {"comment", s.comment}, {"document", Doc(s.document)}};
}
ApprovalStep StepOf(const Json& v) {
  ApprovalStep s;
  s.title = Str(v, "title");
  s.capability = Str(v, "capability");
  s.at_unit_id = Str(v, "at_unit_id");
  s.state = static_cast<StepState>(Int(v, "state"));
  s.decided_by = Str(v, "decided_by");
  s.decide_time = json::Instant(v, "decide_time");
  s.comment = Str(v, "comment");
  s.document = DocOf(Field(v, "document"));
  return s;
}

}  // namespace

std::string EncodeBody(const ChangeRequest& r) {
  Json body = {{"title", r.title}, {"reason", r.reason}, {"documents", List(r.documents, Doc)},
               {"items", List(r.items, ItemJson)}, {"steps", List(r.steps, StepJson)},
               {"current_step", r.current_step}, {"submit_time", json::InstantText(r.submit_time)}};
  if (!r.legacy_body.empty()) body["legacy_body"] = r.legacy_body;  // kept on every save
  return Print(body);
}

void DecodeBody(const std::string& json, ChangeRequest& out) {
  const Json v = Parse(json);
  out.title = Str(v, "title");
  out.reason = Str(v, "reason");
  Each(Field(v, "documents"), out.documents, DocOf);
  Each(Field(v, "items"), out.items, ItemOf);
  Each(Field(v, "steps"), out.steps, StepOf);
  const Json& current = Field(v, "current_step");
  out.current_step = current.is_number() ? current.get<int>() : -1;
  out.submit_time = json::Instant(v, "submit_time");
  const Json& legacy = Field(v, "legacy_body");
  out.legacy_body = legacy.is_string() ? legacy.get<std::string>() : legacy.is_null() ? "" : legacy.dump();
}

}  // namespace huinong::org::store
