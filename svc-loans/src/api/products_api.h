// ProductService's gRPC handlers: products and the dated county policy. Not
// built yet (see loans_services.h).
#pragma once

#include "huinong/loans/v1/product_service.grpc.pb.h"

namespace huinong::loans {

class ProductsApi final : public v1::ProductService::Service {};

}  // namespace huinong::loans
