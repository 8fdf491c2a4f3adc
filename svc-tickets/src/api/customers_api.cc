// See customers_api.h.
#include "svc-tickets/src/api/customers_api.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/api/customer_mapping.h"
#include "svc-tickets/src/api/list_filters.h"
#include "svc-tickets/src/app/customers.h"
#include "svc-tickets/src/store/customer_store.h"

namespace huinong::tickets {

grpc::Status CustomersApi::CreateCustomer(grpc::ServerContext* ctx, const v1::CreateCustomerRequest* req,
                                          v1::Customer* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateCustomer",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Customer> {
    rpc::Violations v;
    if (!req->has_customer()) v.Add("customer", "required");
    const Customer draft = CustomerFrom(req->customer(), "customer", v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this, &caller](server::Mutation& m) -> absl::StatusOr<v1::Customer> {
      ASSIGN_OR_RETURN(const CustomerRecord r, tickets::CreateCustomer(m, org_, draft));
      RETURN_IF_ERROR(RecordCustomer(m, nullptr, r));
      ASSIGN_OR_RETURN(const bool visible, SeesPersonalData(org_, caller, r.customer, m.today()));
      return CustomerProto(r, visible);
    };
  });
}

grpc::Status CustomersApi::GetCustomer(grpc::ServerContext* ctx, const v1::GetCustomerRequest* req,
                                       v1::Customer* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "customers", "name", v);
    std::optional<CustomerRecord> r;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(r, ReadableCustomer(org_, caller, conn, id));
      return absl::OkStatus();
    }));
    ASSIGN_OR_RETURN(const bool visible, SeesPersonalData(org_, caller, r->customer, kit_.clock().Today()));
    *resp = CustomerProto(*r, visible);
    return absl::OkStatus();
  });
}

grpc::Status CustomersApi::UpdateCustomer(grpc::ServerContext* ctx, const v1::UpdateCustomerRequest* req,
                                          v1::Customer* resp) {
  return kit_.Mutate(*ctx, *req, resp, "UpdateCustomer",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Customer> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->customer().name(), "customers", "customer.name", v);
    if (req->customer().etag().empty()) v.Add("customer.etag", "required: the customer's current etag");
    const std::set<std::string> paths = rpc::MaskPaths(req->update_mask(), CustomerUpdatableFields(), v);
    const std::function<void(Customer&)> edit = CustomerEdit(req->customer(), paths, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this, &caller](server::Mutation& m) -> absl::StatusOr<v1::Customer> {
      Customer before;
      ASSIGN_OR_RETURN(const CustomerRecord r,
                       tickets::UpdateCustomer(m, org_, id, req->customer().etag(), edit, &before));
      RETURN_IF_ERROR(RecordCustomer(m, &before, r));
      ASSIGN_OR_RETURN(const bool visible, SeesPersonalData(org_, caller, r.customer, m.today()));
      return CustomerProto(r, visible);
    };
  });
}

grpc::Status CustomersApi::ListCustomers(grpc::ServerContext* ctx, const v1::ListCustomersRequest* req,
                                         v1::ListCustomersResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::CustomerQuery q;
    q.phone = req->phone();
    q.id_card_number = req->id_card_number();
    rpc::CheckText(req->phone(), "phone", 0, 20, v);
    rpc::CheckText(req->id_card_number(), "id_card_number", 0, 18, v);
    rpc::CheckText(req->display_name_prefix(), "display_name_prefix", 0, 100, v);
    q.display_name_prefix = req->display_name_prefix();
    const std::string unit = rpc::ParseOptionalName(req->unit(), "units", "unit", v);
    if (req->include_subtree() && unit.empty()) v.Add("include_subtree", "needs a unit");
    if (!v1::CustomerTier_IsValid(req->tier())) v.Add("tier", "not a tier");
    q.tier = req->tier();
    q.borrower = rpc::ParseOptionalName(req->borrower(), "borrowers", "borrower", v);
    const std::string filters = ListFilters(*req);
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    q.limit = page_size + 1;
    if (!v.empty()) return absl::OkStatus();  // answered with the bad fields
    ASSIGN_OR_RETURN(const CustomerScope scope, CustomerScopeOf(org_, caller));
    q.scope_paths = scope.paths;
    q.unplaced = scope.unplaced;
    if (!unit.empty()) {
      absl::StatusOr<std::string> path = UnitPath(org_, unit);
      if (absl::IsNotFound(path.status())) return rpc::NotFound(rpc::FormatName("units", unit));
      RETURN_IF_ERROR(path.status());
      q.unit_path_prefix = *path;
      q.unit_exact = !req->include_subtree();
    }
    std::vector<CustomerRecord> rows;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::vector<Customer> found, store::ListCustomers(conn, q));
      ASSIGN_OR_RETURN(rows, WithHistories(conn, std::move(found)));
      return absl::OkStatus();
    }));
    resp->set_next_page_token(
        rpc::NextPageToken(rows, page_size, filters, [](const CustomerRecord& r) { return r.customer.id; }));
    // Lists never show personal data whole: the record itself does.
    for (const CustomerRecord& r : rows) *resp->add_customers() = CustomerProto(r, false);
    return absl::OkStatus();
  });
}

}  // namespace huinong::tickets
