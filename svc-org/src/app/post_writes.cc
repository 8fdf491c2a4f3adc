// See post_writes.h.
#include "svc-org/src/app/post_writes.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/api/post_mapping.h"
#include "common/rpc/request_checks.h"
#include "svc-org/src/store/staff_store.h"

namespace huinong::org {
namespace {

// The superior and line targets exist (and, for the superior, has not been
// abolished); the superior chain does not come back to `self_id`.
absl::Status CheckLines(sql::Connection& conn, const PostTerms& t, const std::string& self_id,
                        absl::CivilDay day) {
  if (!t.superior_post_id.empty()) {
    ASSIGN_OR_RETURN(Post superior, LoadLatestPost(conn, t.superior_post_id, false));
    if (superior.abolished && superior.effective_to && *superior.effective_to < day) {
      return rpc::FailedPrecondition("SUPERIOR_ABOLISHED",
                                     absl::StrCat(PostName(superior.id), " is abolished by then"));
    }
    if (!self_id.empty()) {
      ASSIGN_OR_RETURN(std::vector<std::string> chain,
                       store::SuperiorChain(conn, t.superior_post_id, day));
      RETURN_IF_ERROR(CheckNoCycle(self_id, chain));
    }
  }
  for (const auto& line : t.other_lines) {
    RETURN_IF_ERROR(LoadLatestPost(conn, line.post_id, false).status());
  }
  return absl::OkStatus();
}

// One head per unit; codes unique among the unit's open posts.
absl::Status CheckUnitRules(sql::Connection& conn, const std::string& unit_id, const PostTerms& t,
                            const std::string& self_id) {
  if (t.head) {
    ASSIGN_OR_RETURN(std::vector<std::string> heads, store::OpenHeadPosts(conn, unit_id, self_id));
    RETURN_IF_ERROR(CheckSingleHead(t, heads));
  }
  if (!t.code.empty()) {
    ASSIGN_OR_RETURN(bool taken, store::OpenCodeTaken(conn, unit_id, t.code, self_id));
    if (taken) {
      return rpc::AlreadyExists("DUPLICATE_CODE",
                                absl::StrCat("another open post of the unit has code ", t.code));
    }
  }
  return absl::OkStatus();
}

// Every current holder still satisfies the REQUIRED qualification groups.
absl::Status CheckHoldersQualify(sql::Connection& conn, const Post& post, absl::CivilDay day) {
  ASSIGN_OR_RETURN(std::vector<Assignment> holders, store::AssignmentsOfPostsOn(conn, {post.id}, day));
  for (const auto& a : holders) {
    ASSIGN_OR_RETURN(std::optional<Staff> staff, store::GetStaff(conn, a.staff_id));
    if (!staff) continue;
    std::vector<int> missing =
        UnsatisfiedRequiredGroups(post.terms.qualification_groups, staff->qualifications, day);
    if (!missing.empty()) {
      return rpc::FailedPrecondition(
          "QUALIFICATION_MISSING",
          absl::StrCat("staff/", a.staff_id, " holds the post and does not satisfy ",
                       DescribeGroup(post.terms.qualification_groups[missing[0]], missing[0])));
    }
  }
  return absl::OkStatus();
}

}  // namespace

const std::set<std::string>& PostUpdatableFields() {
  static const auto* fields = new std::set<std::string>{
      "title",       "code",        "mission", "duties", "qualification_groups", "authorities",
      "grade",       "grade_rank",  "kind",    "office_side", "head", "deputy", "capabilities",
      "superior_post", "other_lines", "workload_bp", "status"};
  return *fields;
}

absl::StatusOr<Post> LoadLatestPost(sql::Connection& conn, const std::string& id, bool for_update) {
  ASSIGN_OR_RETURN(std::optional<Post> post, store::GetLatestPost(conn, id, for_update));
  if (!post) return rpc::NotFound(PostName(id));
  return *std::move(post);
}

absl::StatusOr<v1::Post> PostWithSubordinates(sql::Connection& conn, const Post& post, store::DayRead read) {
  ASSIGN_OR_RETURN(auto subs, store::Subordinates(conn, {post.id}, read));
  return ToProto(post, subs[post.id]);
}

absl::StatusOr<v1::Post> CreatePostIn(const WriteBy& by, Post post,
                                      const std::string& unit_id, absl::CivilDay from, bool store_it) {
  sql::Connection& conn = by.change.tx();
  ASSIGN_OR_RETURN(Unit unit, LoadUnit(conn, unit_id));
  RETURN_IF_ERROR(ChangeableUnit(by.scope, unit));
  if (store_it) {
    ASSIGN_OR_RETURN(unit, LockChangeableUnit(conn, by.scope, unit_id));
  }
  RETURN_IF_ERROR(CheckUnitOpen(unit));
  post.unit_id = unit.id;
  post.effective_from = from;
  post.terms_from = post.effective_from;
  RETURN_IF_ERROR(CheckLines(conn, post.terms, "", post.effective_from));
  RETURN_IF_ERROR(CheckUnitRules(conn, unit.id, post.terms, ""));
  post.version = 1;
  post.create_time = post.update_time = by.change.now();
  if (!store_it) {
    v1::Post out = ToProto(post, {});
    out.clear_name();
    out.clear_etag();
    return out;
  }
  post.id = NewUlid();
  RETURN_IF_ERROR(store::InsertPost(conn, post));
  v1::Post out = ToProto(post, {});
  RETURN_IF_ERROR(by.change.Record(server::AuditEntry("post", out.name(), out.unit(), nullptr, &out).For("CreatePost", by.request_id)));
  return out;
}

absl::StatusOr<v1::Post> UpdatePostIn(const WriteBy& by, const std::string& id,
                                      const std::set<std::string>& paths, const PostTerms& incoming,
                                      std::optional<absl::CivilDay> effective,
                                      const std::optional<std::string>& etag) {
  sql::Connection& conn = by.change.tx();
  ASSIGN_OR_RETURN(Post peek, LoadLatestPost(conn, id, false));
  ASSIGN_OR_RETURN(Unit unit, LockChangeableUnit(conn, by.scope, peek.unit_id));
  ASSIGN_OR_RETURN(Post latest, LoadLatestPost(conn, id, /*for_update=*/true));
  if (etag) {
    RETURN_IF_ERROR(rpc::CheckEtag(*etag, latest.version, PostName(id)));
  }
  if (latest.abolished) {
    return rpc::FailedPrecondition("INVALID_TRANSITION", "the post is abolished");
  }
  const v1::Post before = ToProto(latest, {});
  const absl::CivilDay day = effective.value_or(std::max(by.change.today(), latest.terms_from));
  RETURN_IF_ERROR(CheckUpdateDate(latest, day));
  Post post = latest;
  PostTerms& t = post.terms;
  if (paths.count("title")) t.title = incoming.title;
  if (paths.count("code")) t.code = incoming.code;
  if (paths.count("mission")) t.mission = incoming.mission;
  if (paths.count("duties")) t.duties = incoming.duties;
  if (paths.count("qualification_groups")) t.qualification_groups = incoming.qualification_groups;
  if (paths.count("authorities")) t.authorities = incoming.authorities;
  if (paths.count("grade")) t.grade = incoming.grade;
  if (paths.count("grade_rank")) t.grade_rank = incoming.grade_rank;
  if (paths.count("kind")) t.kind = incoming.kind;
  if (paths.count("office_side")) t.office_side = incoming.office_side;
  if (paths.count("head")) t.head = incoming.head;
  if (paths.count("deputy")) t.deputy = incoming.deputy;
  if (paths.count("capabilities")) t.capabilities = incoming.capabilities;
  if (paths.count("superior_post")) t.superior_post_id = incoming.superior_post_id;
  if (paths.count("other_lines")) t.other_lines = incoming.other_lines;
  if (paths.count("workload_bp")) t.workload_bp = incoming.workload_bp;
  if (paths.count("status")) t.status = incoming.status;
  if (t.head && t.deputy) {
    return rpc::InvalidField("post.deputy", "a post is never both head and deputy");
  }
  for (const auto& line : t.other_lines) {
    if (line.post_id == t.superior_post_id) {
      return rpc::InvalidField("post.other_lines", "already the solid-line superior");
    }
  }
  RETURN_IF_ERROR(CheckPostTransition(latest.terms.status, t.status));
  RETURN_IF_ERROR(CheckLines(conn, t, id, day));
  RETURN_IF_ERROR(CheckUnitRules(conn, unit.id, t, id));
  if (paths.count("qualification_groups")) RETURN_IF_ERROR(CheckHoldersQualify(conn, post, day));
  post.terms_from = day;
  post.version += 1;
  post.update_time = by.change.now();
  RETURN_IF_ERROR(store::SaveTerms(conn, post, latest));
  RETURN_IF_ERROR(store::UpdatePostRow(conn, post));
  ASSIGN_OR_RETURN(v1::Post out, PostWithSubordinates(conn, post, {day, false}));
  v1::Post after = out;
  after.clear_subordinate_posts();
  RETURN_IF_ERROR(by.change.Record(server::AuditEntry("post", out.name(), out.unit(), &before, &after).For("UpdatePost", by.request_id)));
  return out;
}

absl::StatusOr<v1::Post> AbolishPostIn(const WriteBy& by, const std::string& id,
                                       absl::CivilDay last, const std::string& reason,
                                       const std::optional<std::string>& etag) {
  sql::Connection& conn = by.change.tx();
  ASSIGN_OR_RETURN(Post peek, LoadLatestPost(conn, id, false));
  RETURN_IF_ERROR(LockChangeableUnit(conn, by.scope, peek.unit_id).status());
  ASSIGN_OR_RETURN(Post post, LoadLatestPost(conn, id, /*for_update=*/true));
  if (etag) {
    RETURN_IF_ERROR(rpc::CheckEtag(*etag, post.version, PostName(id)));
  }
  ASSIGN_OR_RETURN(int assignments, store::CountAssignmentsAfter(conn, id, last));
  ASSIGN_OR_RETURN(int subordinates, store::CountSubordinatesAfter(conn, id, last));
  RETURN_IF_ERROR(CheckAbolish(post, last, assignments, subordinates));
  const v1::Post before = ToProto(post, {});
  post.abolished = true;
  post.effective_to = last;
  post.abolish_reason = reason;
  post.version += 1;
  post.update_time = by.change.now();
  RETURN_IF_ERROR(store::UpdatePostRow(conn, post));
  v1::Post out = ToProto(post, {});
  RETURN_IF_ERROR(by.change.Record(server::AuditEntry("post", out.name(), out.unit(), &before, &out).For("AbolishPost", by.request_id)));
  return out;
}

}  // namespace huinong::org
