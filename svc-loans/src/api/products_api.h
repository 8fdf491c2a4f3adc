// ProductService's gRPC handlers: loan products and the dated county policy
// (product_service.proto). Each handler checks the request's shape and maps
// it (product_mapping.h, policy_mapping.h); the changes are the use cases of
// app/products.h and app/policies.h, one transaction each through the kit,
// idempotent per (caller, request_id), with one audit event per change.
// Every authenticated caller reads every product and policy version.
#pragma once

#include <memory>

#include "huinong/loans/v1/product_service.grpc.pb.h"
#include "svc-loans/src/api/loans_kit.h"

namespace huinong::loans {

class ProductsApi final : public v1::ProductService::Service, private LoansHandlers {
 public:
  explicit ProductsApi(std::shared_ptr<LoansKit> loans) : LoansHandlers(std::move(loans)) {}

  grpc::Status CreateProduct(grpc::ServerContext* ctx, const v1::CreateProductRequest* req,
                             v1::Product* resp) override;
  grpc::Status GetProduct(grpc::ServerContext* ctx, const v1::GetProductRequest* req, v1::Product* resp) override;
  grpc::Status UpdateProduct(grpc::ServerContext* ctx, const v1::UpdateProductRequest* req,
                             v1::Product* resp) override;
  grpc::Status ListProducts(grpc::ServerContext* ctx, const v1::ListProductsRequest* req,
                            v1::ListProductsResponse* resp) override;
  grpc::Status CreateCountyPolicy(grpc::ServerContext* ctx, const v1::CreateCountyPolicyRequest* req,
                                  v1::CountyPolicy* resp) override;
  grpc::Status GetCountyPolicy(grpc::ServerContext* ctx, const v1::GetCountyPolicyRequest* req,
                               v1::CountyPolicy* resp) override;
  grpc::Status UpdateCountyPolicy(grpc::ServerContext* ctx, const v1::UpdateCountyPolicyRequest* req,
                                  v1::CountyPolicy* resp) override;
  grpc::Status ListCountyPolicies(grpc::ServerContext* ctx, const v1::ListCountyPoliciesRequest* req,
                                  v1::ListCountyPoliciesResponse* resp) override;
  grpc::Status GetEffectiveCountyPolicy(grpc::ServerContext* ctx, const v1::GetEffectiveCountyPolicyRequest* req,
                                        v1::CountyPolicy* resp) override;
};

}  // namespace huinong::loans
