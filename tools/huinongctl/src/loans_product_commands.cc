// `huinongctl product ...` and `huinongctl policy ...`: svc-loans'
// ProductService from the shell — the loan products (扶贫小额信贷, 产业发展贷款)
// and the county policy's dated versions every lending decision is judged
// by. A policy version is written as a file (a CountyPolicy in proto JSON,
// dates as "YYYY-MM-DD" allowed), as it has some thirty settings. Writes carry
// a request id (given or a new ULID, printed, also on failure); update
// fetches the product's current etag when none is given.
#include <google/protobuf/util/json_util.h>
#include <nlohmann/json.hpp>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/core/status_macros.h"
#include "google/protobuf/field_mask.pb.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/loans_client.h"
#include "tools/huinongctl/src/loans_flags.h"
#include "tools/huinongctl/src/loans_format.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/subcommands.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;
using Stub = v1::ProductService::Stub;

// "1.45" → 14500 basis points of the base rate (at most four decimals).
absl::StatusOr<int> MultipleBp(absl::string_view text) {
  const std::vector<std::string> parts = absl::StrSplit(text, '.');
  int whole = 0, frac = 0;
  if (parts.size() > 2 || !absl::SimpleAtoi(parts[0], &whole) || whole < 0 || whole > 100 ||
      (parts.size() == 2 && (parts[1].empty() || parts[1].size() > 4 || !absl::SimpleAtoi(parts[1], &frac)))) {
    return UsageError(absl::StrCat("--rate-multiple: \"", text, "\" is not a multiple such as 1.45"));
  }
  if (parts.size() == 2) {
    for (size_t i = parts[1].size(); i < 4; ++i) frac *= 10;
  }
  return whole * 10000 + frac;
}

// --rate-multiple MIN-MAX (or one value for both) of the county's base rate.
absl::Status RateMultiples(const Invocation& inv, v1::Product& product) {
  ASSIGN_OR_RETURN(const std::string text, RequiredFlag(inv, "rate_multiple"));
  const std::vector<std::string> parts = absl::StrSplit(text, absl::MaxSplits('-', 1));
  ASSIGN_OR_RETURN(const int low, MultipleBp(parts[0]));
  ASSIGN_OR_RETURN(const int high, MultipleBp(parts.size() == 2 ? parts[1] : parts[0]));
  product.set_min_rate_multiple_bp(low);
  product.set_max_rate_multiple_bp(high);
  return absl::OkStatus();
}

absl::Status BorrowerTypes(const Invocation& inv, v1::Product& product) {
  for (const std::string& text : Values(inv, "borrower_type")) {
    absl::StatusOr<v1::BorrowerType> type = ParseEnumWord<v1::BorrowerType>(text);
    if (!type.ok()) return UsageError(absl::StrCat("--borrower-type: ", type.status().message()));
    product.add_borrower_types(*type);
  }
  return absl::OkStatus();
}

absl::Status ProductCreate(const Invocation& inv, const LoansClient& loans) {
  v1::CreateProductRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::Product& p = *request.mutable_product();
  ASSIGN_OR_RETURN(*p.mutable_code(), RequiredFlag(inv, "code"));
  ASSIGN_OR_RETURN(*p.mutable_title(), RequiredFlag(inv, "title"));
  ASSIGN_OR_RETURN(const v1::ProductKind kind, RequiredEnum<v1::ProductKind>(inv, "kind"));
  p.set_kind(kind);
  RETURN_IF_ERROR(BorrowerTypes(inv, p));
  ASSIGN_OR_RETURN(*p.mutable_max_amount(), RequiredYuan(inv, "max_amount"));
  ASSIGN_OR_RETURN(const int term, RequiredCount(inv, "max_term"));
  p.set_max_term_months(term);
  RETURN_IF_ERROR(RateMultiples(inv, p));
  ASSIGN_OR_RETURN(const bool revolving, Switch(inv, "revolving"));
  p.set_revolving(revolving);
  ASSIGN_OR_RETURN(const v1::RepaymentMethod method, RequiredEnum<v1::RepaymentMethod>(inv, "repayment"));
  p.set_repayment_method(method);
  ASSIGN_OR_RETURN(const v1::DayCount day_count, OptionalEnum<v1::DayCount>(inv, "day_count"));
  p.set_day_count(day_count);
  ASSIGN_OR_RETURN(const v1::FeeSchedule fees, OptionalEnum<v1::FeeSchedule>(inv, "fee_schedule"));
  p.set_fee_schedule(fees);
  RETURN_IF_ERROR(OptionalYuan(inv, "counter_guarantee_threshold", p.mutable_counter_guarantee_threshold()));
  const auto made = loans.Call<v1::Product>(&Stub::CreateProduct, request);
  return PrintWrite(inv, made, "created " + (made.ok() ? made->name() : ""), &ProductDetail, request.request_id());
}

absl::StatusOr<std::string> ProductArg(const Invocation& inv) {
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "product (products/ID)"));
  return ResourceName("products", name);
}

absl::StatusOr<v1::Product> GetProduct(const LoansClient& loans, const std::string& name) {
  v1::GetProductRequest request;
  request.set_name(name);
  return loans.Call<v1::Product>(&Stub::GetProduct, request);
}

absl::Status ProductGet(const Invocation& inv, const LoansClient& loans) {
  ASSIGN_OR_RETURN(const std::string name, ProductArg(inv));
  return PrintRead(inv, GetProduct(loans, name), &ProductDetail);
}

absl::Status ProductList(const Invocation& inv, const LoansClient& loans) {
  v1::ListProductsRequest request;
  ASSIGN_OR_RETURN(const v1::ProductKind kind, OptionalEnum<v1::ProductKind>(inv, "kind"));
  request.set_kind(kind);
  ASSIGN_OR_RETURN(const v1::ProductStatus status, OptionalEnum<v1::ProductStatus>(inv, "status"));
  request.set_status(status);
  ASSIGN_OR_RETURN(const v1::BorrowerType type, OptionalEnum<v1::BorrowerType>(inv, "borrower_type"));
  request.set_borrower_type(type);
  return PrintList<v1::ListProductsRequest, v1::ListProductsResponse, v1::Product>(
      inv, request,
      [&](const v1::ListProductsRequest& r) { return loans.Call<v1::ListProductsResponse>(&Stub::ListProducts, r); },
      &v1::ListProductsResponse::mutable_products, &ProductTable);
}

absl::Status ProductUpdate(const Invocation& inv, const LoansClient& loans) {
  v1::UpdateProductRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::Product& p = *request.mutable_product();
  ASSIGN_OR_RETURN(*p.mutable_name(), ProductArg(inv));
  google::protobuf::FieldMask& mask = *request.mutable_update_mask();
  if (inv.config.Has("title")) {
    ASSIGN_OR_RETURN(*p.mutable_title(), RequiredFlag(inv, "title"));
    mask.add_paths("title");
  }
  if (!Values(inv, "borrower_type").empty()) {
    RETURN_IF_ERROR(BorrowerTypes(inv, p));
    mask.add_paths("borrower_types");
  }
  if (inv.config.Has("max_amount")) {
    ASSIGN_OR_RETURN(*p.mutable_max_amount(), RequiredYuan(inv, "max_amount"));
    mask.add_paths("max_amount");
  }
  if (inv.config.Has("max_term")) {
    ASSIGN_OR_RETURN(const int term, RequiredCount(inv, "max_term"));
    p.set_max_term_months(term);
    mask.add_paths("max_term_months");
  }
  if (inv.config.Has("rate_multiple")) {
    RETURN_IF_ERROR(RateMultiples(inv, p));
    mask.add_paths("min_rate_multiple_bp");
    mask.add_paths("max_rate_multiple_bp");
  }
  if (inv.config.Has("fee_schedule")) {
    ASSIGN_OR_RETURN(const v1::FeeSchedule fees, RequiredEnum<v1::FeeSchedule>(inv, "fee_schedule"));
    p.set_fee_schedule(fees);
    mask.add_paths("fee_schedule");
  }
  if (inv.config.Has("counter_guarantee_threshold")) {
    RETURN_IF_ERROR(OptionalYuan(inv, "counter_guarantee_threshold", p.mutable_counter_guarantee_threshold()));
    mask.add_paths("counter_guarantee_threshold");
  }
  if (inv.config.Has("status")) {
    ASSIGN_OR_RETURN(const v1::ProductStatus status, RequiredEnum<v1::ProductStatus>(inv, "status"));
    p.set_status(status);
    mask.add_paths("status");
  }
  if (mask.paths().empty()) {
    return UsageError(
        "nothing to change: give --title, --borrower-type, --max-amount, --max-term, --rate-multiple, "
        "--fee-schedule, --counter-guarantee-threshold or --status");
  }
  p.set_etag(inv.config.String("etag"));
  if (p.etag().empty()) {
    ASSIGN_OR_RETURN(const v1::Product current, GetProduct(loans, p.name()));
    p.set_etag(current.etag());
  }
  const auto made = loans.Call<v1::Product>(&Stub::UpdateProduct, request);
  return PrintWrite(inv, made, "updated " + p.name(), &ProductDetail, request.request_id());
}

// "2026-01-01" → {"year": 2026, ...} in every member named like a date, so a
// policy file can be written by hand; the protobuf parser checks the rest.
void DateTexts(nlohmann::json& value) {
  if (value.is_array()) {
    for (nlohmann::json& item : value) DateTexts(item);
    return;
  }
  if (!value.is_object()) return;
  for (auto& [key, member] : value.items()) {
    if (member.is_string()) {
      absl::StatusOr<type::v1::Date> date = ParseDate(member.get<std::string>());
      if (date.ok()) member = {{"year", date->year()}, {"month", date->month()}, {"day", date->day()}};
    } else {
      DateTexts(member);
    }
  }
}

absl::Status PolicyCreate(const Invocation& inv, const LoansClient& loans) {
  v1::CreateCountyPolicyRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(const std::string path, RequiredFlag(inv, "spec"));
  ASSIGN_OR_RETURN(const std::string text, ReadInputFile(path));
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return UsageError(absl::StrCat("--spec ", path, ": not a JSON object (a CountyPolicy)"));
  doc.erase("about");
  DateTexts(doc);
  v1::CountyPolicy& policy = *request.mutable_policy();
  const auto parsed = google::protobuf::util::JsonStringToMessage(doc.dump(), &policy);
  if (!parsed.ok()) return UsageError(absl::StrCat("--spec ", path, ": ", parsed.message().as_string()));
  if (inv.config.Has("county")) policy.set_county(ResourceName("units", inv.config.String("county")));
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "from", policy.mutable_effective_from(), &set));
  const auto made = loans.Call<v1::CountyPolicy>(&Stub::CreateCountyPolicy, request);
  return PrintWrite(inv, made, "created " + (made.ok() ? made->name() : ""), &PolicyDetail, request.request_id());
}

absl::Status PolicyGet(const Invocation& inv, const LoansClient& loans) {
  v1::GetCountyPolicyRequest request;
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "policy (countyPolicies/ID)"));
  request.set_name(ResourceName("countyPolicies", name));
  return PrintRead(inv, loans.Call<v1::CountyPolicy>(&Stub::GetCountyPolicy, request), &PolicyDetail);
}

absl::Status PolicyList(const Invocation& inv, const LoansClient& loans) {
  v1::ListCountyPoliciesRequest request;
  if (inv.config.Has("county")) request.set_county(ResourceName("units", inv.config.String("county")));
  return PrintList<v1::ListCountyPoliciesRequest, v1::ListCountyPoliciesResponse, v1::CountyPolicy>(
      inv, request,
      [&](const v1::ListCountyPoliciesRequest& r) {
        return loans.Call<v1::ListCountyPoliciesResponse>(&Stub::ListCountyPolicies, r);
      },
      &v1::ListCountyPoliciesResponse::mutable_policies, &PolicyTable);
}

absl::Status PolicyEffective(const Invocation& inv, const LoansClient& loans) {
  v1::GetEffectiveCountyPolicyRequest request;
  ASSIGN_OR_RETURN(const std::string unit, RequiredFlag(inv, "unit"));
  request.set_unit(ResourceName("units", unit));
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "as_of", request.mutable_as_of(), &set));
  return PrintRead(inv, loans.Call<v1::CountyPolicy>(&Stub::GetEffectiveCountyPolicy, request), &PolicyDetail);
}

const SubcommandTable<LoansClient>& Subcommands() {
  static const auto* table = new SubcommandTable<LoansClient>{
      {"product create",
       {&ProductCreate,
        {"code", "title", "kind", "borrower_type", "max_amount", "max_term", "rate_multiple", "revolving", "repayment",
         "day_count", "fee_schedule", "counter_guarantee_threshold", "request_id"},
        0}},
      {"product get", {&ProductGet, {}, 1}},
      {"product list", {&ProductList, {"kind", "status", "borrower_type", "page_size", "page_token", "all"}, 0}},
      {"product update",
       {&ProductUpdate,
        {"title", "borrower_type", "max_amount", "max_term", "rate_multiple", "fee_schedule",
         "counter_guarantee_threshold", "status", "etag", "request_id"},
        1}},
      {"policy create", {&PolicyCreate, {"spec", "county", "from", "request_id"}, 0}},
      {"policy get", {&PolicyGet, {}, 1}},
      {"policy list", {&PolicyList, {"county", "page_size", "page_token", "all"}, 0}},
      {"policy effective", {&PolicyEffective, {"unit", "as_of"}, 0}},
  };
  return *table;
}

}  // namespace

absl::Status RunProduct(const Invocation& inv) { return RunSubcommand(inv, Subcommands()); }

}  // namespace huinong::ctl
