// See product_mapping.h.
#include "svc-loans/src/api/product_mapping.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/shared_types.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/enum_mapping.h"
#include "svc-loans/src/api/masked_fields.h"

namespace huinong::loans {
namespace {

std::string At(const std::string& field, const char* member) { return absl::StrCat(field, ".", member); }

// 1–64 of [a-z0-9._-].
bool ValidCode(const std::string& code) {
  if (code.empty() || code.size() > 64) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

// The fields an update may set (and the immutable ones a creation reads
// too); bad shapes named in v.
Product FieldsFromProto(const v1::Product& p, const std::string& f, rpc::Violations& v) {
  Product out;
  out.code = p.code();
  if (!ValidCode(p.code())) v.Add(At(f, "code"), "required: 1–64 of [a-z0-9._-]");
  out.title = p.title();
  rpc::CheckText(p.title(), At(f, "title"), 1, 100, v);
  out.kind = EnumFromProto<ProductKind>(p.kind(), v1::ProductKind_IsValid, std::nullopt, At(f, "kind"), v);
  if (p.borrower_types_size() == 0) v.Add(At(f, "borrower_types"), "required: at least one borrower type");
  for (int i = 0; i < p.borrower_types_size(); ++i) {
    const std::string at = absl::StrCat(f, ".borrower_types[", i, "]");
    const BorrowerType type =
        EnumFromProto<BorrowerType>(p.borrower_types(i), v1::BorrowerType_IsValid, std::nullopt, at, v);
    if (std::find(out.borrower_types.begin(), out.borrower_types.end(), type) != out.borrower_types.end()) {
      v.Add(at, "repeats an earlier borrower type");
    }
    out.borrower_types.push_back(type);
  }
  out.max_amount_fen = p.max_amount().fen();
  out.max_term_months = p.max_term_months();
  out.min_rate_multiple_bp = p.min_rate_multiple_bp();
  out.max_rate_multiple_bp = p.max_rate_multiple_bp();
  out.revolving = p.revolving();
  out.repayment_method = EnumFromProto<RepaymentMethod>(p.repayment_method(), v1::RepaymentMethod_IsValid,
                                                        std::nullopt, At(f, "repayment_method"), v);
  out.day_count = EnumFromProto<DayCount>(p.day_count(), v1::DayCount_IsValid, DayCount::kActual365,
                                          At(f, "day_count"), v);
  if (p.fee_schedule() != v1::FEE_SCHEDULE_UNSPECIFIED) {
    out.fee_schedule = EnumFromProto<FeeSchedule>(p.fee_schedule(), v1::FeeSchedule_IsValid, std::nullopt,
                                                  At(f, "fee_schedule"), v);
  }
  out.counter_guarantee_threshold_fen = p.counter_guarantee_threshold().fen();
  out.status = EnumFromProto<ProductStatus>(p.status(), v1::ProductStatus_IsValid, ProductStatus::kActive,
                                            At(f, "status"), v);
  return out;
}

using Fields = MaskedFields<Product>;
constexpr auto Member = [](auto member) { return Fields::Member(member); };

// Each updatable field of the API, and the member it sets.
const Fields& Updatable() {
  static const auto* fields = new Fields({
      {"title", Member(&Product::title)},
      {"borrower_types", Member(&Product::borrower_types)},
      {"max_amount", Member(&Product::max_amount_fen)},
      {"max_term_months", Member(&Product::max_term_months)},
      {"min_rate_multiple_bp", Member(&Product::min_rate_multiple_bp)},
      {"max_rate_multiple_bp", Member(&Product::max_rate_multiple_bp)},
      {"fee_schedule", Member(&Product::fee_schedule)},
      {"counter_guarantee_threshold", Member(&Product::counter_guarantee_threshold_fen)},
      {"status", Member(&Product::status)},
  });
  return *fields;
}

}  // namespace

std::string ProductName(const std::string& id) { return rpc::FormatName("products", id); }

Product ProductFromProto(const v1::Product& p, const std::string& f, rpc::Violations& v) {
  Product out = FieldsFromProto(p, f, v);
  for (auto& [field, description] : ProductViolations(out)) v.Add(absl::StrCat(f, ".", field), description);
  return out;
}

const std::set<std::string>& UpdatableProductFields() { return Updatable().names(); }

std::function<void(Product&)> ProductEditFromProto(const v1::Product& p, const std::set<std::string>& paths,
                                                   const std::string& f, rpc::Violations& v) {
  rpc::Violations all;
  Product values = FieldsFromProto(p, f, all);
  rpc::KeepMasked(all, f, paths, v);
  return Updatable().Edit(std::move(values), paths);
}

v1::Product ToProto(const Product& p) {
  v1::Product out;
  out.set_name(ProductName(p.id));
  out.set_code(p.code);
  out.set_title(p.title);
  out.set_kind(static_cast<v1::ProductKind>(p.kind));
  for (BorrowerType t : p.borrower_types) out.add_borrower_types(static_cast<v1::BorrowerType>(t));
  *out.mutable_max_amount() = rpc::ToMoney(p.max_amount_fen);
  out.set_max_term_months(p.max_term_months);
  out.set_min_rate_multiple_bp(p.min_rate_multiple_bp);
  out.set_max_rate_multiple_bp(p.max_rate_multiple_bp);
  out.set_revolving(p.revolving);
  out.set_repayment_method(static_cast<v1::RepaymentMethod>(p.repayment_method));
  out.set_day_count(static_cast<v1::DayCount>(p.day_count));
  if (p.fee_schedule) out.set_fee_schedule(static_cast<v1::FeeSchedule>(*p.fee_schedule));
  *out.mutable_counter_guarantee_threshold() = rpc::ToMoney(p.counter_guarantee_threshold_fen);
  out.set_status(static_cast<v1::ProductStatus>(p.status));
  *out.mutable_create_time() = rpc::ToTimestamp(p.create_time);
  *out.mutable_update_time() = rpc::ToTimestamp(p.update_time);
  out.set_etag(rpc::Etag(p.version));
  return out;
}

}  // namespace huinong::loans
