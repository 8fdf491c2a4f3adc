// ProductService's handlers (see products_api.h).
#include "svc-loans/src/api/products_api.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/enum_mapping.h"
#include "svc-loans/src/api/policy_mapping.h"
#include "svc-loans/src/api/product_mapping.h"
#include "svc-loans/src/app/policies.h"
#include "svc-loans/src/app/products.h"
#include "svc-loans/src/store/policy_store.h"
#include "svc-loans/src/store/product_store.h"

namespace huinong::loans {
namespace {

// The change's audit event (products are suite-wide: no unit) and answer.
absl::StatusOr<v1::Product> Answer(server::Mutation& m, const ProductChange& c) {
  const v1::Product after = ToProto(c.after);
  std::optional<v1::Product> before;
  if (c.before) before = ToProto(*c.before);
  RETURN_IF_ERROR(m.Record({"product", after.name(), "", before ? &*before : nullptr, &after}));
  return after;
}

absl::StatusOr<v1::CountyPolicy> Answer(server::Mutation& m, const PolicyChange& c) {
  const v1::CountyPolicy after = ToProto(c.after);
  std::optional<v1::CountyPolicy> before;
  if (c.before) before = ToProto(*c.before);
  RETURN_IF_ERROR(m.Record({"county_policy", after.name(), after.county(), before ? &*before : nullptr, &after}));
  return after;
}

// A list filter on an enum: 0 is any; otherwise a value of the enum.
template <class Domain>
std::optional<Domain> Filter(int value, bool (*is_valid)(int), const char* field, rpc::Violations& v) {
  if (value == 0) return std::nullopt;
  return EnumFromProto<Domain>(value, is_valid, std::nullopt, field, v);
}

}  // namespace

grpc::Status ProductsApi::CreateProduct(grpc::ServerContext* ctx, const v1::CreateProductRequest* req,
                                        v1::Product* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateProduct", [&](const auth::Principal&) -> server::Prepared<v1::Product> {
    rpc::Violations v;
    if (!req->has_product()) v.Add("product", "required");
    const Product product = ProductFromProto(req->product(), "product", v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Product> {
      ASSIGN_OR_RETURN(ProductChange change, loans::CreateProduct(m, org_, product));
      return Answer(m, change);
    };
  });
}

grpc::Status ProductsApi::UpdateProduct(grpc::ServerContext* ctx, const v1::UpdateProductRequest* req,
                                        v1::Product* resp) {
  return kit_.Mutate(*ctx, *req, resp, "UpdateProduct", [&](const auth::Principal&) -> server::Prepared<v1::Product> {
    rpc::Violations v;
    ProductEdit edit;
    edit.id = rpc::ParseName(req->product().name(), "products", "product.name", v);
    edit.etag = req->product().etag();
    if (edit.etag.empty()) v.Add("product.etag", "required: the etag of the product as last read");
    edit.paths = rpc::MaskPaths(req->update_mask(), UpdatableProductFields(), v);
    edit.apply = ProductEditFromProto(req->product(), edit.paths, "product", v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Product> {
      ASSIGN_OR_RETURN(ProductChange change, loans::UpdateProduct(m, org_, edit));
      return Answer(m, change);
    };
  });
}

grpc::Status ProductsApi::GetProduct(grpc::ServerContext* ctx, const v1::GetProductRequest* req, v1::Product* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal&, rpc::Violations& v, const server::Reader& reader) {
    const std::string id = rpc::ParseName(req->name(), "products", "name", v);
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::optional<Product> product, store::GetProduct(conn, id));
      if (!product) return rpc::NotFound(ProductName(id));
      *resp = ToProto(*product);
      return absl::OkStatus();
    });
  });
}

grpc::Status ProductsApi::ListProducts(grpc::ServerContext* ctx, const v1::ListProductsRequest* req,
                                       v1::ListProductsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal&, rpc::Violations& v, const server::Reader& reader) {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::ProductQuery query;
    query.kind = Filter<ProductKind>(req->kind(), v1::ProductKind_IsValid, "kind", v);
    query.status = Filter<ProductStatus>(req->status(), v1::ProductStatus_IsValid, "status", v);
    query.borrower_type = Filter<BorrowerType>(req->borrower_type(), v1::BorrowerType_IsValid, "borrower_type", v);
    const std::string filters =
        absl::StrCat("kind=", req->kind(), ";status=", req->status(), ";borrower_type=", req->borrower_type());
    query.after_id = rpc::PageAfter(req->page_token(), filters, v);
    query.limit = page_size + 1;
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::vector<Product> rows, store::ListProducts(conn, query));
      resp->set_next_page_token(rpc::NextPageToken(rows, page_size, filters, [](const Product& p) { return p.id; }));
      for (const Product& p : rows) *resp->add_products() = ToProto(p);
      return absl::OkStatus();
    });
  });
}

grpc::Status ProductsApi::CreateCountyPolicy(grpc::ServerContext* ctx, const v1::CreateCountyPolicyRequest* req,
                                             v1::CountyPolicy* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateCountyPolicy",
                     [&](const auth::Principal&) -> server::Prepared<v1::CountyPolicy> {
    rpc::Violations v;
    if (!req->has_policy()) v.Add("policy", "required");
    const CountyPolicy policy = PolicyFromProto(req->policy(), "policy", v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::CountyPolicy> {
      ASSIGN_OR_RETURN(PolicyChange change, CreatePolicy(m, org_, policy));
      return Answer(m, change);
    };
  });
}

grpc::Status ProductsApi::UpdateCountyPolicy(grpc::ServerContext* ctx, const v1::UpdateCountyPolicyRequest* req,
                                             v1::CountyPolicy* resp) {
  return kit_.Mutate(*ctx, *req, resp, "UpdateCountyPolicy",
                     [&](const auth::Principal&) -> server::Prepared<v1::CountyPolicy> {
    rpc::Violations v;
    PolicyEdit edit;
    edit.id = rpc::ParseName(req->policy().name(), "countyPolicies", "policy.name", v);
    edit.etag = req->policy().etag();
    if (edit.etag.empty()) v.Add("policy.etag", "required: the etag of the version as last read");
    const std::set<std::string> paths = rpc::MaskPaths(req->update_mask(), UpdatablePolicyFields(), v);
    edit.apply = PolicyEditFromProto(req->policy(), paths, "policy", v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::CountyPolicy> {
      ASSIGN_OR_RETURN(PolicyChange change, UpdatePolicy(m, org_, edit));
      return Answer(m, change);
    };
  });
}

grpc::Status ProductsApi::GetCountyPolicy(grpc::ServerContext* ctx, const v1::GetCountyPolicyRequest* req,
                                          v1::CountyPolicy* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal&, rpc::Violations& v, const server::Reader& reader) {
    const std::string id = rpc::ParseName(req->name(), "countyPolicies", "name", v);
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::optional<CountyPolicy> policy, store::GetPolicy(conn, id));
      if (!policy) return rpc::NotFound(PolicyName(id));
      *resp = ToProto(*policy);
      return absl::OkStatus();
    });
  });
}

grpc::Status ProductsApi::ListCountyPolicies(grpc::ServerContext* ctx, const v1::ListCountyPoliciesRequest* req,
                                             v1::ListCountyPoliciesResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal&, rpc::Violations& v, const server::Reader& reader) {
    const int page_size = rpc::PageSize(req->page_size(), v);
    const std::string county = rpc::ParseOptionalName(req->county(), "units", "county", v);
    const std::string filters = absl::StrCat("county=", county);
    const std::string after = rpc::PageAfter(req->page_token(), filters, v);
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::vector<CountyPolicy> rows, store::ListPolicies(conn, county, after, page_size + 1));
      resp->set_next_page_token(
          rpc::NextPageToken(rows, page_size, filters, [](const CountyPolicy& p) { return p.id; }));
      for (const CountyPolicy& p : rows) *resp->add_policies() = ToProto(p);
      return absl::OkStatus();
    });
  });
}

grpc::Status ProductsApi::GetEffectiveCountyPolicy(grpc::ServerContext* ctx,
                                                   const v1::GetEffectiveCountyPolicyRequest* req,
                                                   v1::CountyPolicy* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal&, rpc::Violations& v, const server::Reader& reader) -> absl::Status {
    const std::string unit_id = rpc::ParseName(req->unit(), "units", "unit", v);
    const std::optional<absl::CivilDay> as_of = rpc::FromDate(req->as_of(), "as_of", v);
    const absl::CivilDay day = as_of.value_or(kit_.clock().Today());
    RETURN_IF_ERROR(v.ToStatus());
    // The unit's county, from svc-org (cached); svc-org down is UNAVAILABLE.
    absl::StatusOr<org_directory::UnitLineage> unit = org_.Lineage(unit_id);
    if (absl::IsNotFound(unit.status())) return rpc::NotFound(req->unit());
    RETURN_IF_ERROR(unit.status());
    const org_directory::UnitLink* county = unit->Nearest(type::v1::LEVEL_COUNTY);
    if (county == nullptr) {
      return rpc::WithReason(absl::NotFoundError(absl::StrCat(req->unit(), " is in no county: no policy governs it")),
                             "NO_POLICY");
    }
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::optional<CountyPolicy> policy, store::PolicyOn(conn, county->id, day));
      if (!policy) {
        return rpc::WithReason(absl::NotFoundError(absl::StrCat("no county policy of units/", county->id,
                                                                " is in force on ", absl::FormatCivilTime(day))),
                               "NO_POLICY");
      }
      *resp = ToProto(*policy);
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::loans
