// SQL for loan products (table products, migration 0004). Functions run on a
// connection inside the caller's transaction; Connector/C++ exceptions are
// left to the pool, which turns them into statuses. Every member of the
// domain Product reads back as written; a code is unique; lists are
// keyset-paginated by id, never OFFSET.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "svc-loans/src/domain/product.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

absl::StatusOr<std::optional<Product>> GetProduct(sql::Connection& conn, const std::string& id,
                                                  bool for_update = false);

// Products with id > after_id, ordered by id, matching every filter set.
struct ProductQuery {
  std::optional<ProductKind> kind;
  std::optional<ProductStatus> status;
  std::optional<BorrowerType> borrower_type;  // open to this type
  std::string after_id;
  int limit = 50;
};
absl::StatusOr<std::vector<Product>> ListProducts(sql::Connection& conn, const ProductQuery& query);

// ALREADY_EXISTS / PRODUCT_EXISTS when the code is taken.
absl::Status InsertProduct(sql::Connection& conn, const Product& product);
// Rewrites every member but id, code, kind and create_time.
absl::Status UpdateProduct(sql::Connection& conn, const Product& product);

}  // namespace huinong::loans::store
