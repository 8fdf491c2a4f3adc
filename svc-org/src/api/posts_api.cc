// The handlers of posts (see posts.proto and org_service.proto for the
// contract). Writes lock the post's unit row first, so the checks spanning a
// unit's posts (one head, unique codes) cannot race; UpdatePost records a
// new dated version; a change to a post's terms invalidates the capability
// cache after commit, since it reaches every holder.
#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/db/request_log.h"
#include "common/rpc/page_token.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-org/src/api/access.h"
#include "svc-org/src/api/org_api.h"
#include "svc-org/src/api/org_events.h"
#include "svc-org/src/api/post_mapping.h"
#include "svc-org/src/api/request_checks.h"
#include "svc-org/src/store/post_store.h"
#include "svc-org/src/store/staff_store.h"

namespace huinong::org {
namespace {

const std::set<std::string> kUpdatable = {
    "title",       "code",        "mission", "duties", "qualification_groups", "authorities",
    "grade",       "grade_rank",  "kind",    "office_side", "head", "deputy", "capabilities",
    "superior_post", "other_lines", "workload_bp", "status"};

absl::StatusOr<Post> LoadLatest(sql::Connection& conn, const std::string& id, bool for_update) {
  ASSIGN_OR_RETURN(std::optional<Post> post, store::GetLatestPost(conn, id, for_update));
  if (!post) return rpc::NotFound(PostName(id));
  return *std::move(post);
}

// The superior and line targets exist (and, for the superior, has not been
// abolished); the superior chain does not come back to `self_id`.
absl::Status CheckLines(sql::Connection& conn, const PostTerms& t, const std::string& self_id,
                        absl::CivilDay day) {
  if (!t.superior_post_id.empty()) {
    ASSIGN_OR_RETURN(Post superior, LoadLatest(conn, t.superior_post_id, false));
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
    RETURN_IF_ERROR(LoadLatest(conn, line.post_id, false).status());
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

absl::StatusOr<v1::Post> WithSubordinates(sql::Connection& conn, const Post& post,
                                          store::DayRead read) {
  ASSIGN_OR_RETURN(auto subs, store::Subordinates(conn, {post.id}, read));
  return ToProto(post, subs[post.id]);
}

}  // namespace

grpc::Status OrgApi::CreatePost(grpc::ServerContext* ctx, const v1::CreatePostRequest* req,
                                v1::Post* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal& caller) -> absl::Status {
    rpc::Violations v;
    rpc::CheckRequestId(req->request_id(), v);
    if (!req->has_post()) v.Add("post", "required");
    const std::string unit_id = rpc::ParseName(req->post().unit(), "units", "post.unit", v);
    Post post;
    ReadPostTerms(req->post(), "post", "", post.terms, v);
    std::optional<absl::CivilDay> from =
        rpc::FromDate(req->post().effective_from(), "post.effective_from", v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));

    auto plan = [&](sql::Connection& conn, bool store_it) -> absl::StatusOr<v1::Post> {
      ASSIGN_OR_RETURN(Unit unit, LoadUnit(conn, unit_id));
      RETURN_IF_ERROR(ChangeableUnit(scope, unit));
      if (store_it) {
        ASSIGN_OR_RETURN(unit, LockChangeableUnit(conn, scope, unit_id));
      }
      RETURN_IF_ERROR(CheckUnitOpen(unit));
      post.unit_id = unit.id;
      post.effective_from = from.value_or(Today());
      post.terms_from = post.effective_from;
      RETURN_IF_ERROR(CheckLines(conn, post.terms, "", post.effective_from));
      RETURN_IF_ERROR(CheckUnitRules(conn, unit.id, post.terms, ""));
      post.version = 1;
      post.create_time = post.update_time = absl::Now();
      if (!store_it) {
        v1::Post out = ToProto(post, {});
        out.clear_name();
        out.clear_etag();
        return out;
      }
      post.id = NewUlid();
      RETURN_IF_ERROR(store::InsertPost(conn, post));
      v1::Post out = ToProto(post, {});
      RETURN_IF_ERROR(RecordOrgEvent(conn, caller, req->request_id(),
                                     {"CreatePost", "post", out.name(), out.unit(), nullptr, &out}));
      return out;
    };
    absl::StatusOr<v1::Post> created;
    if (req->validate_only()) {
      RETURN_IF_ERROR(pool_.Read([&](sql::Connection& conn) -> absl::Status {
        created = plan(conn, false);
        return created.status();
      }));
    } else {
      created = db::RunOnce<v1::Post>(
          pool_, db::KeyFor("CreatePost", caller.subject, req->request_id(), *req),
          [&](sql::Connection& conn) { return plan(conn, true); });
    }
    if (!created.ok()) return created.status();
    *resp = *std::move(created);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::GetPost(grpc::ServerContext* ctx, const v1::GetPostRequest* req,
                             v1::Post* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal& caller) -> absl::Status {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "posts", "name", v);
    const store::DayRead read = ReadAsOf(req->as_of(), "as_of", v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return pool_.Read([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::optional<Post> post, store::GetPostOn(conn, id, read));
      if (!post) return rpc::NotFound(PostName(id));
      ASSIGN_OR_RETURN(Unit unit, LoadUnit(conn, post->unit_id));
      RETURN_IF_ERROR(ReadableUnit(scope, unit));
      ASSIGN_OR_RETURN(*resp, WithSubordinates(conn, *post, read));
      return absl::OkStatus();
    });
  });
}

grpc::Status OrgApi::UpdatePost(grpc::ServerContext* ctx, const v1::UpdatePostRequest* req,
                                v1::Post* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal& caller) -> absl::Status {
    rpc::Violations v;
    rpc::CheckRequestId(req->request_id(), v);
    const std::string id = rpc::ParseName(req->post().name(), "posts", "post.name", v);
    if (req->post().etag().empty()) v.Add("post.etag", "required");
    const std::set<std::string> paths = MaskPaths(req->update_mask(), kUpdatable, v);
    std::optional<absl::CivilDay> effective =
        rpc::FromDate(req->effective_date(), "effective_date", v);
    PostTerms incoming;
    rpc::Violations all;
    ReadPostTerms(req->post(), "post", id, incoming, all);
    KeepMasked(all, "post", paths, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));

    const absl::Status changed = db::ChangeOnce(
        pool_, "UpdatePost", caller.subject, *req, resp,
        [&](sql::Connection& conn) -> absl::StatusOr<v1::Post> {
          ASSIGN_OR_RETURN(Post peek, LoadLatest(conn, id, false));
          ASSIGN_OR_RETURN(Unit unit, LockChangeableUnit(conn, scope, peek.unit_id));
          ASSIGN_OR_RETURN(Post latest, LoadLatest(conn, id, /*for_update=*/true));
          RETURN_IF_ERROR(CheckEtag(req->post().etag(), latest.version, PostName(id)));
          if (latest.abolished) {
            return rpc::FailedPrecondition("INVALID_TRANSITION", "the post is abolished");
          }
          const v1::Post before = ToProto(latest, {});
          const absl::CivilDay day = effective.value_or(std::max(Today(), latest.terms_from));
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
          post.update_time = absl::Now();
          RETURN_IF_ERROR(store::SaveTerms(conn, post, latest));
          RETURN_IF_ERROR(store::UpdatePostRow(conn, post));
          ASSIGN_OR_RETURN(v1::Post out, WithSubordinates(conn, post, {day, false}));
          v1::Post after = out;
          after.clear_subordinate_posts();
          RETURN_IF_ERROR(RecordOrgEvent(conn, caller, req->request_id(),
                                         {"UpdatePost", "post", out.name(), out.unit(), &before, &after}));
          return out;
        });
    RETURN_IF_ERROR(changed);
    grants_.InvalidateAll();  // after the commit
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::ListPosts(grpc::ServerContext* ctx, const v1::ListPostsRequest* req,
                               v1::ListPostsResponse* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal& caller) -> absl::Status {
    rpc::Violations v;
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::PostQuery q;
    q.read = ReadAsOf(req->as_of(), "as_of", v);
    const std::string unit_id = rpc::ParseOptionalName(req->unit(), "units", "unit", v);
    if (req->include_subtree() && unit_id.empty()) v.Add("include_subtree", "needs a unit");
    if (req->kind() != 0) {
      if (!ValidPostKind(req->kind())) v.Add("kind", absl::StrCat("unknown value ", req->kind()));
      q.kind = static_cast<PostKind>(req->kind());
    }
    if (!req->capability().empty() && !ValidCapability(req->capability())) {
      v.Add("capability", "3–64 of [a-z0-9._], dot-separated");
    }
    q.capability = req->capability();
    if (!req->code().empty() && !ValidCode(req->code())) v.Add("code", "1–64 of [a-z0-9._-]");
    q.code = req->code();
    q.head_only = req->head_only();
    if (req->status() != 0) {
      if (!ValidPostStatus(req->status())) v.Add("status", absl::StrCat("unknown value ", req->status()));
      q.status = static_cast<PostStatus>(req->status());
    }
    const std::string filters = absl::StrCat(
        "unit=", req->unit(), "|sub=", req->include_subtree(), "|kind=", req->kind(),
        "|cap=", req->capability(), "|code=", req->code(), "|head=", req->head_only(),
        "|status=", req->status(), "|as_of=", req->as_of().SerializeAsString());
    q.after_id = PageAfter(req->page_token(), filters, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    if (!scope.reads_all) q.visible_path = scope.unit_path;
    q.limit = page_size + 1;

    return pool_.Read([&](sql::Connection& conn) -> absl::Status {
      RETURN_IF_ERROR(NarrowToUnit(conn, scope, unit_id, req->include_subtree(), q));
      ASSIGN_OR_RETURN(std::vector<Post> posts, store::ListPosts(conn, q));
      const bool more = TrimToPage(posts, page_size);
      std::vector<std::string> ids;
      for (const auto& p : posts) ids.push_back(p.id);
      ASSIGN_OR_RETURN(auto subs, store::Subordinates(conn, ids, q.read));
      for (const auto& p : posts) *resp->add_posts() = ToProto(p, subs[p.id]);
      if (more) resp->set_next_page_token(rpc::EncodePageToken(filters, posts.back().id));
      return absl::OkStatus();
    });
  });
}

grpc::Status OrgApi::AbolishPost(grpc::ServerContext* ctx, const v1::AbolishPostRequest* req,
                                 v1::Post* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal& caller) -> absl::Status {
    rpc::Violations v;
    rpc::CheckRequestId(req->request_id(), v);
    const std::string id = rpc::ParseName(req->name(), "posts", "name", v);
    if (req->etag().empty()) v.Add("etag", "required");
    std::optional<absl::CivilDay> last = rpc::FromDate(req->effective_to(), "effective_to", v);
    if (!req->has_effective_to()) {
      v.Add("effective_to", "required");
    } else if (last && *last < Today()) {
      v.Add("effective_to", "must not be before today");
    }
    rpc::CheckText(req->reason(), "reason", 1, 1000, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));

    const absl::Status changed = db::ChangeOnce(
        pool_, "AbolishPost", caller.subject, *req, resp,
        [&](sql::Connection& conn) -> absl::StatusOr<v1::Post> {
          ASSIGN_OR_RETURN(Post peek, LoadLatest(conn, id, false));
          RETURN_IF_ERROR(LockChangeableUnit(conn, scope, peek.unit_id).status());
          ASSIGN_OR_RETURN(Post post, LoadLatest(conn, id, /*for_update=*/true));
          RETURN_IF_ERROR(CheckEtag(req->etag(), post.version, PostName(id)));
          ASSIGN_OR_RETURN(int assignments, store::CountAssignmentsAfter(conn, id, *last));
          ASSIGN_OR_RETURN(int subordinates, store::CountSubordinatesAfter(conn, id, *last));
          RETURN_IF_ERROR(CheckAbolish(post, *last, assignments, subordinates));
          const v1::Post before = ToProto(post, {});
          post.abolished = true;
          post.effective_to = *last;
          post.abolish_reason = req->reason();
          post.version += 1;
          post.update_time = absl::Now();
          RETURN_IF_ERROR(store::UpdatePostRow(conn, post));
          v1::Post out = ToProto(post, {});
          RETURN_IF_ERROR(RecordOrgEvent(conn, caller, req->request_id(),
                                         {"AbolishPost", "post", out.name(), out.unit(), &before, &out}));
          return out;
        });
    RETURN_IF_ERROR(changed);
    grants_.InvalidateAll();  // after the commit
    return absl::OkStatus();
  });
}

}  // namespace huinong::org
