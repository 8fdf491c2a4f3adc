// The handlers of posts (see posts.proto and post_service.proto for the
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
#include "common/rpc/page_token.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/api/posts_api.h"
#include "svc-org/src/app/change_gate.h"
#include "svc-org/src/api/post_mapping.h"
#include "svc-org/src/app/post_writes.h"
#include "svc-org/src/api/request_checks.h"
#include "svc-org/src/store/post_store.h"
#include "svc-org/src/store/staff_store.h"

namespace huinong::org {
PostsApi::PostsApi(std::shared_ptr<OrgKit> org) : OrgHandlers(std::move(org)) {}

grpc::Status PostsApi::CreatePost(grpc::ServerContext* ctx, const v1::CreatePostRequest* req,
                                  v1::Post* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreatePost",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Post> {
    rpc::Violations v;
    if (!req->has_post()) v.Add("post", "required");
    const std::string unit_id = rpc::ParseName(req->post().unit(), "units", "post.unit", v);
    Post post;
    ReadPostTerms(req->post(), "post", "", post.terms, v);
    std::optional<absl::CivilDay> from =
        rpc::FromDate(req->post().effective_from(), "post.effective_from", v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return [=](server::Mutation& m) -> absl::StatusOr<v1::Post> {
      // validate_only checks without storing and answers the post unnamed.
      const bool store_it = !m.validate_only();
      if (store_it) RETURN_IF_ERROR(CheckDirectChangeAllowed(m.tx(), m.caller(), unit_id));
      return CreatePostIn({m, m.request_id(), scope}, post, unit_id, from.value_or(m.today()), store_it);
    };
  });
}

grpc::Status PostsApi::GetPost(grpc::ServerContext* ctx, const v1::GetPostRequest* req,
                               v1::Post* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "posts", "name", v);
    const store::DayRead read = ReadAsOf(req->as_of(), "as_of", kit_.clock().Today(), v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::optional<Post> post, store::GetPostOn(conn, id, read));
      if (!post) return rpc::NotFound(PostName(id));
      ASSIGN_OR_RETURN(Unit unit, LoadReadableUnit(conn, scope, post->unit_id));
      ASSIGN_OR_RETURN(*resp, PostWithSubordinates(conn, *post, read));
      return absl::OkStatus();
    });
  });
}

grpc::Status PostsApi::UpdatePost(grpc::ServerContext* ctx, const v1::UpdatePostRequest* req,
                                  v1::Post* resp) {
  return kit_.Mutate(*ctx, *req, resp, "UpdatePost",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Post> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->post().name(), "posts", "post.name", v);
    if (req->post().etag().empty()) v.Add("post.etag", "required");
    const std::set<std::string> paths = rpc::MaskPaths(req->update_mask(), PostUpdatableFields(), v);
    std::optional<absl::CivilDay> effective =
        rpc::FromDate(req->effective_date(), "effective_date", v);
    PostTerms incoming;
    rpc::Violations all;
    ReadPostTerms(req->post(), "post", id, incoming, all);
    rpc::KeepMasked(all, "post", paths, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Post> {
      ASSIGN_OR_RETURN(Post peek, LoadLatestPost(m.tx(), id));
      RETURN_IF_ERROR(CheckDirectChangeAllowed(m.tx(), m.caller(), peek.unit_id));
      m.AfterCommit([this] { grants_.InvalidateAll(); });  // posts' terms reach every holder
      return UpdatePostIn({m, m.request_id(), scope}, id, paths, incoming, effective, req->post().etag());
    };
  });
}

grpc::Status PostsApi::ListPosts(grpc::ServerContext* ctx, const v1::ListPostsRequest* req,
                                 v1::ListPostsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::PostQuery q;
    q.read = ReadAsOf(req->as_of(), "as_of", kit_.clock().Today(), v);
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
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    if (!scope.reads_all) q.visible_path = scope.unit_path;
    q.limit = page_size + 1;

    return reader([&](sql::Connection& conn) -> absl::Status {
      RETURN_IF_ERROR(NarrowToUnit(conn, scope, unit_id, req->include_subtree(), q));
      ASSIGN_OR_RETURN(std::vector<Post> posts, store::ListPosts(conn, q));
      const bool more = rpc::TrimToPage(posts, page_size);
      std::vector<std::string> ids;
      for (const auto& p : posts) ids.push_back(p.id);
      ASSIGN_OR_RETURN(auto subs, store::Subordinates(conn, ids, q.read));
      for (const auto& p : posts) *resp->add_posts() = ToProto(p, subs[p.id]);
      if (more) resp->set_next_page_token(rpc::EncodePageToken(filters, posts.back().id));
      return absl::OkStatus();
    });
  });
}

grpc::Status PostsApi::AbolishPost(grpc::ServerContext* ctx, const v1::AbolishPostRequest* req,
                                   v1::Post* resp) {
  return kit_.Mutate(*ctx, *req, resp, "AbolishPost",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Post> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "posts", "name", v);
    if (req->etag().empty()) v.Add("etag", "required");
    std::optional<absl::CivilDay> last = rpc::FromDate(req->effective_to(), "effective_to", v);
    if (!req->has_effective_to()) {
      v.Add("effective_to", "required");
    } else if (last && *last < kit_.clock().Today()) {
      v.Add("effective_to", "must not be before today");
    }
    rpc::CheckText(req->reason(), "reason", 1, kMaxAbolishReason, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Post> {
      if (*last < m.today()) return rpc::InvalidField("effective_to", "must not be before today");
      ASSIGN_OR_RETURN(Post peek, LoadLatestPost(m.tx(), id));
      RETURN_IF_ERROR(CheckDirectChangeAllowed(m.tx(), m.caller(), peek.unit_id));
      m.AfterCommit([this] { grants_.InvalidateAll(); });  // holders lose the post's capabilities
      return AbolishPostIn({m, m.request_id(), scope}, id, *last, req->reason(), req->etag());
    };
  });
}

}  // namespace huinong::org
