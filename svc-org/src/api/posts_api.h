// PostService's gRPC handlers (see post_service.proto for the contract):
// posts (posts_api.cc) and quotas with the quota report (quotas_api.cc).
// A write to a post's terms invalidates the capability grants of its holders
// after commit (OrgKit::grants).
#pragma once

#include <memory>

#include <grpcpp/server_context.h>

#include "huinong/org/v1/post_service.grpc.pb.h"
#include "svc-org/src/api/org_kit.h"

namespace huinong::org {

class PostsApi final : public v1::PostService::Service, private OrgHandlers {
 public:
  explicit PostsApi(std::shared_ptr<OrgKit> org);

  // Posts (posts_api.cc).
  grpc::Status CreatePost(grpc::ServerContext* ctx, const v1::CreatePostRequest* req,
                          v1::Post* resp) override;
  grpc::Status GetPost(grpc::ServerContext* ctx, const v1::GetPostRequest* req,
                       v1::Post* resp) override;
  grpc::Status UpdatePost(grpc::ServerContext* ctx, const v1::UpdatePostRequest* req,
                          v1::Post* resp) override;
  grpc::Status ListPosts(grpc::ServerContext* ctx, const v1::ListPostsRequest* req,
                         v1::ListPostsResponse* resp) override;
  grpc::Status AbolishPost(grpc::ServerContext* ctx, const v1::AbolishPostRequest* req,
                           v1::Post* resp) override;

  // Quotas (quotas_api.cc).
  grpc::Status CreateQuota(grpc::ServerContext* ctx, const v1::CreateQuotaRequest* req,
                           v1::Quota* resp) override;
  grpc::Status GetQuota(grpc::ServerContext* ctx, const v1::GetQuotaRequest* req,
                        v1::Quota* resp) override;
  grpc::Status UpdateQuota(grpc::ServerContext* ctx, const v1::UpdateQuotaRequest* req,
                           v1::Quota* resp) override;
  grpc::Status ListQuotas(grpc::ServerContext* ctx, const v1::ListQuotasRequest* req,
                          v1::ListQuotasResponse* resp) override;
  grpc::Status GetQuotaReport(grpc::ServerContext* ctx, const v1::GetQuotaReportRequest* req,
                              v1::QuotaReport* resp) override;
};

}  // namespace huinong::org
