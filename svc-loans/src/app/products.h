// The loan products' use cases, one transaction each, run inside the kit's
// Mutation. Products are suite-wide; who changes them is admin or a holder
// of loans.policy for the county they act in (their unit's county), and a
// product is judged against that county's policy in force today as well as
// by its own rules (ProductViolations; INVALID_ARGUMENT under "product.").
// Admin acting for no unit is judged by the product's own rules only.
//
// - CreateProduct: a new ACTIVE (or given status) product; a code is taken
//   once (ALREADY_EXISTS / PRODUCT_EXISTS).
// - UpdateProduct: the etag (ABORTED / STALE_ETAG); the fields the mask
//   names. The county's caps are checked only on the fields the update
//   changes, so a product made under an earlier policy can still be retired.
//   Retiring (status RETIRED) stops new applications; existing loans go on.
// Each returns the product before and after; none touches the API's types.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "common/org_directory/org_view.h"
#include "common/server/mutation.h"
#include "svc-loans/src/domain/product.h"

namespace huinong::loans {

struct ProductChange {
  std::optional<Product> before;  // none for a creation
  Product after;
};

// The product being edited, the etag the caller read, the fields the update
// mask names (as the API names them) and the edit that sets them.
struct ProductEdit {
  std::string id;
  std::string etag;
  std::set<std::string> paths;
  std::function<void(Product&)> apply;
};

// `product`: everything but id, version and times, which are set here.
absl::StatusOr<ProductChange> CreateProduct(server::Mutation& m, org_directory::OrgView& org, Product product);
absl::StatusOr<ProductChange> UpdateProduct(server::Mutation& m, org_directory::OrgView& org, const ProductEdit& edit);

}  // namespace huinong::loans
