// Loan products between the API (products.proto Product) and the domain
// (domain/product.h). The readers are the request checks: every bad field
// of the API's shape and every rule of the product's own
// (ProductViolations) named under the request path ("product.max_term_months")
// in one Violations list; the county policy's caps need the database and
// are the use case's (app/products.h). Output-only fields are ignored.
//
// Unset enums read as the proto comments say: day_count ACTUAL_365,
// fee_schedule the county's (none on the product), status ACTIVE.
#pragma once

#include <functional>
#include <set>
#include <string>

#include "common/rpc/status_details.h"
#include "huinong/loans/v1/products.pb.h"
#include "svc-loans/src/domain/product.h"

namespace huinong::loans {

std::string ProductName(const std::string& id);  // "products/{id}"

Product ProductFromProto(const v1::Product& proto, const std::string& field, rpc::Violations& v);

// title, borrower_types, max_amount, max_term_months, min_rate_multiple_bp,
// max_rate_multiple_bp, fee_schedule, counter_guarantee_threshold, status.
const std::set<std::string>& UpdatableProductFields();
// The edit that sets the fields in `paths` from `proto`; only their bad
// shapes are named (the edited product is judged whole by the use case).
std::function<void(Product&)> ProductEditFromProto(const v1::Product& proto, const std::set<std::string>& paths,
                                                   const std::string& field, rpc::Violations& v);

v1::Product ToProto(const Product& product);

}  // namespace huinong::loans
