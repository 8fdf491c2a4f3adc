// The flag readers every loans command shares: amounts in yuan, enum words,
// whole numbers, dates and ranges of them, document references and repeated
// values, each failure a usage error naming the flag as typed; the common
// ending of a write (the JSON, or "VERB NAME", the record's detail and the
// request id); and list paging (--all follows every page, otherwise the next
// page token is printed).
#pragma once

#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/core/status_macros.h"
#include "huinong/loans/v1/applications.pb.h"
#include "huinong/type/v1/types.pb.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/invocation.h"
#include "tools/huinongctl/src/loans_values.h"
#include "tools/huinongctl/src/org_client.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

// --key in yuan; a usage error when missing (Required) or malformed.
absl::StatusOr<type::v1::Money> RequiredYuan(const Invocation& inv, const std::string& key);
// Sets *out only when the flag is given.
absl::Status OptionalYuan(const Invocation& inv, const std::string& key, type::v1::Money* out);
// --key as a whole number ≥ 0; a usage error when missing or malformed.
absl::StatusOr<int> RequiredCount(const Invocation& inv, const std::string& key);
// Calls set(n) only when the flag is given.
absl::Status OptionalCount(const Invocation& inv, const std::string& key, const std::function<void(int)>& set);
absl::StatusOr<type::v1::Date> RequiredDate(const Invocation& inv, const std::string& key);
// --key as "[KIND|[NUMBER|]]URI[#SHA256]"; unset when absent.
absl::Status OptionalDocument(const Invocation& inv, const std::string& key, type::v1::DocumentRef* out);
// Every value of the repeatable --key as a document reference, appended to
// *out in order; a usage error naming the flag for one that does not parse.
absl::Status DocumentFlags(const Invocation& inv, const std::string& key,
                           google::protobuf::RepeatedPtrField<type::v1::DocumentRef>* out);
// --from_key and --to_key as a range of days, either end open; nullopt when
// neither is given (so the request carries no range at all).
absl::StatusOr<std::optional<type::v1::DateRange>> OptionalDateRange(const Invocation& inv,
                                                                     const std::string& from_key,
                                                                     const std::string& to_key);
// The entrusted payee (受托支付) from --payee-name, --payee-account,
// --payee-bank and --payee-basis, written to payee_of() (e.g. the request's
// mutable_entrusted_payee); without --payee-name it is not called, so the
// request carries no payee at all.
absl::Status PayeeFlags(const Invocation& inv, const std::function<loans::v1::EntrustedPayee*()>& payee_of);
// Every value of a repeatable flag, in order.
std::vector<std::string> Values(const Invocation& inv, const std::string& key);
// A boolean flag; a usage error for a value that is not a boolean.
absl::StatusOr<bool> Switch(const Invocation& inv, const std::string& key);

template <typename Enum>
absl::StatusOr<Enum> RequiredEnum(const Invocation& inv, const std::string& key) {
  ASSIGN_OR_RETURN(const std::string text, RequiredFlag(inv, key));
  absl::StatusOr<Enum> value = ParseEnumWord<Enum>(text);
  if (!value.ok()) return UsageError(Spelled(key) + ": " + std::string(value.status().message()));
  return value;
}
// The enum, or 0 (unspecified) when the flag is absent.
template <typename Enum>
absl::StatusOr<Enum> OptionalEnum(const Invocation& inv, const std::string& key) {
  if (!inv.config.Has(key)) return static_cast<Enum>(0);
  return RequiredEnum<Enum>(inv, key);
}

// The end of a write: its failure with the request id to retry with; or the
// record as JSON; or "VERB NAME", the detail and "request_id ID".
template <typename Message>
absl::Status PrintWrite(const Invocation& inv, const absl::StatusOr<Message>& made, const std::string& verb,
                        std::string (*detail)(const Message&), const std::string& request_id) {
  if (!made.ok()) return WithRequestId(made.status(), request_id);
  if (inv.json) return PrintProtoJson(*made);
  std::cout << verb << "\n" << detail(*made) << "request_id  " << request_id << "\n";
  return absl::OkStatus();
}

// A read: JSON, or the detail.
template <typename Message>
absl::Status PrintRead(const Invocation& inv, const absl::StatusOr<Message>& got,
                       std::string (*detail)(const Message&)) {
  if (!got.ok()) return got.status();
  if (inv.json) return PrintProtoJson(*got);
  std::cout << detail(*got);
  return absl::OkStatus();
}

// A list: `page(request)` fetched once, or with --all until the last page
// (the items gathered in the first response); then JSON, or the table and
// the next page token. Request and Response have page_size, page_token and
// next_page_token.
template <typename Request, typename Response, typename Item>
absl::Status PrintList(const Invocation& inv, Request request,
                       const std::function<absl::StatusOr<Response>(const Request&)>& page,
                       google::protobuf::RepeatedPtrField<Item>* (Response::*items)(),
                       Table (*table)(const std::vector<Item>&)) {
  ASSIGN_OR_RETURN(const bool all, Switch(inv, "all"));
  ASSIGN_OR_RETURN(const int size, CountFlag(inv, "page_size", all ? kFullPage : 0));
  request.set_page_size(size);
  request.set_page_token(inv.config.String("page_token"));
  ASSIGN_OR_RETURN(Response response, page(request));
  while (all && !response.next_page_token().empty()) {
    request.set_page_token(response.next_page_token());
    ASSIGN_OR_RETURN(Response next, page(request));
    (response.*items)()->MergeFrom(*(next.*items)());
    response.set_next_page_token(next.next_page_token());
  }
  if (inv.json) return PrintProtoJson(response);
  const auto* list = (response.*items)();
  std::cout << table(std::vector<Item>(list->begin(), list->end())).Render();
  if (!response.next_page_token().empty()) std::cout << "next page: --page-token=" << response.next_page_token() << "\n";
  return absl::OkStatus();
}

}  // namespace huinong::ctl
