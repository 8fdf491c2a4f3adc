// See post_mapping.h.
#include "svc-org/src/api/post_mapping.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "svc-org/src/api/unit_mapping.h"

namespace huinong::org {
namespace {

constexpr int kMaxDuties = 100;
constexpr int kMaxGroups = 20;
constexpr int kMaxItems = 50;
constexpr int kMaxAuthorities = 50;
constexpr int kMaxCapabilities = 50;
constexpr int kMaxLines = 20;
constexpr int kMaxWorkloadBp = 30000;

void ReadDuties(const v1::Post& in, const std::string& prefix, PostTerms& out, rpc::Violations& v) {
  if (in.duties_size() > kMaxDuties) v.Add(prefix + ".duties", "at most 100 duties");
  int total_bp = 0;
  out.duties.clear();
  for (int i = 0; i < in.duties_size(); ++i) {
    const auto& d = in.duties(i);
    const std::string f = absl::StrCat(prefix, ".duties[", i, "]");
    rpc::CheckText(d.text(), f + ".text", 1, 1000, v);
    if (d.time_share_bp() < 0 || d.time_share_bp() > 10000) {
      v.Add(f + ".time_share_bp", "must be 0–10000");
    }
    total_bp += d.time_share_bp();
    out.duties.push_back({d.text(), d.time_share_bp()});
  }
  if (total_bp > 10000) v.Add(prefix + ".duties", "the time shares sum to more than 10000 bp");
}

void ReadGroups(const v1::Post& in, const std::string& prefix, PostTerms& out, rpc::Violations& v) {
  if (in.qualification_groups_size() > kMaxGroups) {
    v.Add(prefix + ".qualification_groups", "at most 20 groups");
  }
  out.qualification_groups.clear();
  for (int i = 0; i < in.qualification_groups_size(); ++i) {
    const auto& g = in.qualification_groups(i);
    const std::string f = absl::StrCat(prefix, ".qualification_groups[", i, "]");
    rpc::CheckText(g.title(), f + ".title", 0, 100, v);
    if (g.mode() == 0 || !v1::QualificationGroupMode_IsValid(g.mode())) v.Add(f + ".mode", "required");
    if (g.requirement() == 0 || !v1::QualificationRequirement_IsValid(g.requirement())) {
      v.Add(f + ".requirement", "required");
    }
    if (g.items_size() == 0) v.Add(f + ".items", "at least one qualification");
    if (g.items_size() > kMaxItems) v.Add(f + ".items", "at most 50 qualifications");
    QualificationGroup group;
    group.title = g.title();
    group.mode = static_cast<GroupMode>(g.mode());
    group.requirement = static_cast<Requirement>(g.requirement());
    for (int k = 0; k < g.items_size(); ++k) {
      const auto& q = g.items(k);
      const std::string fi = absl::StrCat(f, ".items[", k, "]");
      if (!q.code().empty() && !ValidCode(q.code())) v.Add(fi + ".code", "1–64 of [a-z0-9._-]");
      rpc::CheckText(q.description(), fi + ".description", 1, 500, v);
      if (q.kind() == 0 || !v1::QualificationKind_IsValid(q.kind())) v.Add(fi + ".kind", "required");
      if (q.min_years() < 0 || q.min_years() > 60) {
        v.Add(fi + ".min_years", "must be 0–60");
      } else if (q.min_years() > 0 && q.kind() != kExperienceKind) {
        v.Add(fi + ".min_years", "only an EXPERIENCE qualification has minimum years");
      }
      group.items.push_back({q.code(), q.description(), q.kind(), q.min_years()});
    }
    out.qualification_groups.push_back(std::move(group));
  }
}

void ReadCapabilities(const v1::Post& in, const std::string& prefix, PostTerms& out,
                      rpc::Violations& v) {
  if (in.capabilities_size() > kMaxCapabilities) v.Add(prefix + ".capabilities", "at most 50");
  std::set<std::string> seen;
  out.capabilities.clear();
  for (int i = 0; i < in.capabilities_size(); ++i) {
    const std::string& c = in.capabilities(i);
    const std::string f = absl::StrCat(prefix, ".capabilities[", i, "]");
    if (!ValidCapability(c)) {
      v.Add(f, "3–64 of [a-z0-9._], dot-separated, e.g. loans.survey.lead");
    } else if (!seen.insert(c).second) {
      v.Add(f, absl::StrCat("duplicate capability ", c));
    }
    out.capabilities.push_back(c);
  }
}

void ReadLines(const v1::Post& in, const std::string& prefix, const std::string& self_id,
               PostTerms& out, rpc::Violations& v) {
  out.superior_post_id =
      rpc::ParseOptionalName(in.superior_post(), "posts", prefix + ".superior_post", v);
  if (!self_id.empty() && out.superior_post_id == self_id) {
    v.Add(prefix + ".superior_post", "a post cannot report to itself");
  }
  if (in.other_lines_size() > kMaxLines) v.Add(prefix + ".other_lines", "at most 20 lines");
  std::set<std::string> targets;
  out.other_lines.clear();
  for (int i = 0; i < in.other_lines_size(); ++i) {
    const auto& l = in.other_lines(i);
    const std::string f = absl::StrCat(prefix, ".other_lines[", i, "]");
    const std::string target = rpc::ParseName(l.post(), "posts", f + ".post", v);
    if (!target.empty()) {
      if (target == self_id) v.Add(f + ".post", "a post cannot report to itself");
      if (target == out.superior_post_id) v.Add(f + ".post", "already the solid-line superior");
      if (!targets.insert(target).second) v.Add(f + ".post", "at most one line per post");
    }
    if (l.kind() != v1::REPORTING_LINE_KIND_DOTTED && l.kind() != v1::REPORTING_LINE_KIND_INDEPENDENT) {
      v.Add(f + ".kind", "DOTTED or INDEPENDENT");
    }
    rpc::CheckText(l.note(), f + ".note", 0, 500, v);
    out.other_lines.push_back({target, static_cast<LineKind>(l.kind()), l.note()});
  }
}

}  // namespace

std::string PostName(const std::string& id) { return rpc::FormatName("posts", id); }

bool ValidPostKind(int kind) { return kind != 0 && v1::PostKind_IsValid(kind); }
bool ValidPostStatus(int status) { return status != 0 && v1::PostStatus_IsValid(status); }

v1::Post ToProto(const Post& post, const std::vector<std::string>& subordinates) {
  const PostTerms& t = post.terms;
  v1::Post p;
  p.set_name(PostName(post.id));
  p.set_unit(UnitName(post.unit_id));
  p.set_title(t.title);
  p.set_code(t.code);
  p.set_mission(t.mission);
  for (const auto& d : t.duties) {
    auto* duty = p.add_duties();
    duty->set_text(d.text);
    duty->set_time_share_bp(d.time_share_bp);
  }
  for (const auto& g : t.qualification_groups) {
    auto* group = p.add_qualification_groups();
    group->set_title(g.title);
    group->set_mode(static_cast<v1::QualificationGroupMode>(g.mode));
    group->set_requirement(static_cast<v1::QualificationRequirement>(g.requirement));
    for (const auto& q : g.items) {
      auto* item = group->add_items();
      item->set_code(q.code);
      item->set_description(q.description);
      item->set_kind(static_cast<v1::QualificationKind>(q.kind));
      item->set_min_years(q.min_years);
    }
  }
  for (const auto& a : t.authorities) p.add_authorities(a);
  p.set_grade(t.grade);
  p.set_grade_rank(t.grade_rank);
  p.set_kind(static_cast<v1::PostKind>(t.kind));
  p.set_office_side(static_cast<v1::OfficeSide>(t.office_side));
  p.set_head(t.head);
  p.set_deputy(t.deputy);
  for (const auto& c : t.capabilities) p.add_capabilities(c);
  if (!t.superior_post_id.empty()) p.set_superior_post(PostName(t.superior_post_id));
  for (const auto& l : t.other_lines) {
    auto* line = p.add_other_lines();
    line->set_post(PostName(l.post_id));
    line->set_kind(static_cast<v1::ReportingLineKind>(l.kind));
    line->set_note(l.note);
  }
  for (const auto& s : subordinates) p.add_subordinate_posts(PostName(s));
  p.set_workload_bp(t.workload_bp);
  p.set_status(static_cast<v1::PostStatus>(post.status()));
  *p.mutable_effective_from() = rpc::ToDate(post.effective_from);
  if (post.effective_to) *p.mutable_effective_to() = rpc::ToDate(*post.effective_to);
  *p.mutable_create_time() = rpc::ToTimestamp(post.create_time);
  *p.mutable_update_time() = rpc::ToTimestamp(post.update_time);
  p.set_etag(absl::StrCat(post.version));
  return p;
}

void ReadPostTerms(const v1::Post& in, const std::string& prefix, const std::string& self_id,
                   PostTerms& out, rpc::Violations& v) {
  rpc::CheckText(in.title(), prefix + ".title", 1, 100, v);
  out.title = in.title();
  if (!in.code().empty() && !ValidCode(in.code())) v.Add(prefix + ".code", "1–64 of [a-z0-9._-]");
  out.code = in.code();
  rpc::CheckText(in.mission(), prefix + ".mission", 0, 2000, v);
  out.mission = in.mission();
  ReadDuties(in, prefix, out, v);
  ReadGroups(in, prefix, out, v);
  if (in.authorities_size() > kMaxAuthorities) v.Add(prefix + ".authorities", "at most 50");
  out.authorities.clear();
  for (int i = 0; i < in.authorities_size(); ++i) {
    rpc::CheckText(in.authorities(i), absl::StrCat(prefix, ".authorities[", i, "]"), 1, 500, v);
    out.authorities.push_back(in.authorities(i));
  }
  rpc::CheckText(in.grade(), prefix + ".grade", 0, 32, v);
  out.grade = in.grade();
  if (in.grade_rank() < 0 || in.grade_rank() > 100) v.Add(prefix + ".grade_rank", "must be 0–100");
  out.grade_rank = in.grade_rank();
  if (in.kind() == 0) {
    v.Add(prefix + ".kind", "required");
  } else if (!ValidPostKind(in.kind())) {
    v.Add(prefix + ".kind", absl::StrCat("unknown value ", in.kind()));
  }
  out.kind = static_cast<PostKind>(in.kind());
  if (!v1::OfficeSide_IsValid(in.office_side())) {
    v.Add(prefix + ".office_side", absl::StrCat("unknown value ", in.office_side()));
  }
  out.office_side = static_cast<OfficeSide>(in.office_side());
  if (in.head() && in.deputy()) v.Add(prefix + ".deputy", "a post is never both head and deputy");
  out.head = in.head();
  out.deputy = in.deputy();
  ReadCapabilities(in, prefix, out, v);
  ReadLines(in, prefix, self_id, out, v);
  if (in.workload_bp() < 0 || in.workload_bp() > kMaxWorkloadBp) {
    v.Add(prefix + ".workload_bp", "must be 0–30000");
  }
  out.workload_bp = in.workload_bp();
  if (in.status() == v1::POST_STATUS_ABOLISHED || !v1::PostStatus_IsValid(in.status())) {
    v.Add(prefix + ".status", "PLANNED or ACTIVE (abolish with AbolishPost)");
  }
  out.status = in.status() == 0 ? PostStatus::kActive : static_cast<PostStatus>(in.status());
}

}  // namespace huinong::org
