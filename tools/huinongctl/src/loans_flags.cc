// See loans_flags.h.
#include "tools/huinongctl/src/loans_flags.h"

#include "absl/strings/str_cat.h"

namespace huinong::ctl {

absl::StatusOr<type::v1::Money> RequiredYuan(const Invocation& inv, const std::string& key) {
  ASSIGN_OR_RETURN(const std::string text, RequiredFlag(inv, key));
  absl::StatusOr<type::v1::Money> money = ParseYuan(text);
  if (!money.ok()) return UsageError(absl::StrCat(Spelled(key), ": ", money.status().message()));
  return money;
}

absl::Status OptionalYuan(const Invocation& inv, const std::string& key, type::v1::Money* out) {
  if (!inv.config.Has(key)) return absl::OkStatus();
  ASSIGN_OR_RETURN(*out, RequiredYuan(inv, key));
  return absl::OkStatus();
}

absl::StatusOr<int> RequiredCount(const Invocation& inv, const std::string& key) {
  if (!inv.config.Has(key)) return UsageError(Spelled(key) + " is required");
  return CountFlag(inv, key, 0);
}

absl::Status OptionalCount(const Invocation& inv, const std::string& key, const std::function<void(int)>& set) {
  if (!inv.config.Has(key)) return absl::OkStatus();
  ASSIGN_OR_RETURN(const int n, CountFlag(inv, key, 0));
  set(n);
  return absl::OkStatus();
}

absl::StatusOr<type::v1::Date> RequiredDate(const Invocation& inv, const std::string& key) {
  if (!inv.config.Has(key)) return UsageError(Spelled(key) + " YYYY-MM-DD is required");
  type::v1::Date date;
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, key, &date, &set));
  return date;
}

absl::Status OptionalDocument(const Invocation& inv, const std::string& key, type::v1::DocumentRef* out) {
  if (!inv.config.Has(key)) return absl::OkStatus();
  absl::StatusOr<type::v1::DocumentRef> document = ParseDocument(inv.config.String(key));
  if (!document.ok()) return UsageError(absl::StrCat(Spelled(key), ": ", document.status().message()));
  *out = *std::move(document);
  return absl::OkStatus();
}

absl::Status DocumentFlags(const Invocation& inv, const std::string& key,
                           google::protobuf::RepeatedPtrField<type::v1::DocumentRef>* out) {
  for (const std::string& text : Values(inv, key)) {
    absl::StatusOr<type::v1::DocumentRef> document = ParseDocument(text);
    if (!document.ok()) return UsageError(absl::StrCat(Spelled(key), ": ", document.status().message()));
    *out->Add() = *std::move(document);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<type::v1::DateRange>> OptionalDateRange(const Invocation& inv,
                                                                     const std::string& from_key,
                                                                     const std::string& to_key) {
  if (!inv.config.Has(from_key) && !inv.config.Has(to_key)) return std::nullopt;
  type::v1::DateRange range;
  if (inv.config.Has(from_key)) {
    ASSIGN_OR_RETURN(*range.mutable_start(), RequiredDate(inv, from_key));
  }
  if (inv.config.Has(to_key)) {
    ASSIGN_OR_RETURN(*range.mutable_end(), RequiredDate(inv, to_key));
  }
  return range;
}

absl::Status PayeeFlags(const Invocation& inv, const std::function<loans::v1::EntrustedPayee*()>& payee_of) {
  if (!inv.config.Has("payee_name")) return absl::OkStatus();  // no payee set at all
  loans::v1::EntrustedPayee* payee = payee_of();
  ASSIGN_OR_RETURN(*payee->mutable_payee_name(), RequiredFlag(inv, "payee_name"));
  ASSIGN_OR_RETURN(*payee->mutable_account_number(), RequiredFlag(inv, "payee_account"));
  ASSIGN_OR_RETURN(*payee->mutable_bank(), RequiredFlag(inv, "payee_bank"));
  return OptionalDocument(inv, "payee_basis", payee->mutable_basis());
}

std::vector<std::string> Values(const Invocation& inv, const std::string& key) {
  const auto it = inv.repeated.find(key);
  return it == inv.repeated.end() ? std::vector<std::string>() : it->second;
}

absl::StatusOr<bool> Switch(const Invocation& inv, const std::string& key) {
  absl::StatusOr<bool> value = inv.config.Bool(key, false);
  if (!value.ok()) return AsUsageError(value.status());
  return value;
}

}  // namespace huinong::ctl
