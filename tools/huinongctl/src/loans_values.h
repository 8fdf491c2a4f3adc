// The values people type and read in the loans commands: enum words
// ("household", "family-farm", "poverty-small-loan", "surveyed"), amounts of
// money in yuan ("50000", "1,000,000", "123.45" — the API's integer fen
// underneath, never floating point), rates in basis points, document
// references ("[KIND|[NUMBER|]]URI[#SHA256]"), collateral ("KIND:DESCRIPTION[:VALUE]")
// and survey members ("ROLE:NAME[:staff/ID]"). Pure, so tested without a
// server.
//
// Enum words are the proto value names without the enum's prefix, lower
// case with '-' ("BORROWER_TYPE_FAMILY_FARM" → "family-farm"); parsing also
// takes '_', any case and the full proto name, so a value copied from
// --json output works.
#pragma once

#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "google/protobuf/generated_enum_reflection.h"
#include "huinong/loans/v1/applications.pb.h"
#include "huinong/type/v1/types.pb.h"

namespace huinong::ctl {

// The word for `value` of the enum `descriptor`; "?" for an unknown number,
// "-" for 0 (unspecified).
std::string EnumWordOf(const google::protobuf::EnumDescriptor* descriptor, int value);
// INVALID_ARGUMENT listing the accepted words; "unspecified" is never accepted.
absl::StatusOr<int> ParseEnumWordOf(const google::protobuf::EnumDescriptor* descriptor, absl::string_view text);

template <typename Enum>
std::string EnumWord(Enum value) {
  return EnumWordOf(google::protobuf::GetEnumDescriptor<Enum>(), static_cast<int>(value));
}
template <typename Enum>
absl::StatusOr<Enum> ParseEnumWord(absl::string_view text) {
  absl::StatusOr<int> value = ParseEnumWordOf(google::protobuf::GetEnumDescriptor<Enum>(), text);
  if (!value.ok()) return value.status();
  return static_cast<Enum>(*value);
}

// Yuan with at most two decimals, ',' allowed between digits: "50000" →
// 5,000,000 fen. INVALID_ARGUMENT otherwise (negative, three decimals, text).
absl::StatusOr<type::v1::Money> ParseYuan(absl::string_view text);
// 5000000 fen → "50,000.00".
std::string YuanText(const type::v1::Money& money);
// 435 → "435 bp (4.35%)"; 14500 as a multiple → see MultipleText.
std::string RateText(int bp);
// 14500 (basis points of the base rate) → "×1.45".
std::string MultipleText(int bp_of_base);

// "[KIND|[NUMBER|]]URI[#SHA256]": "loan_contract|固农信借字〔2026〕第0187号|docs://c.pdf",
// or just "URI" or "URI#SHA256" (64 hex digits).
absl::StatusOr<type::v1::DocumentRef> ParseDocument(absl::string_view text);
std::string DocumentText(const type::v1::DocumentRef& document);
// "KIND:DESCRIPTION[:VALUE in yuan]", e.g. "equipment:两台烘干机:120000".
absl::StatusOr<loans::v1::Collateral> ParseCollateral(absl::string_view text);
// "ROLE:NAME[:staff/ID]", e.g. "bank-credit-officer:刘志刚:staff/01J…".
absl::StatusOr<loans::v1::SurveyMember> ParseSurveyMember(absl::string_view text);

}  // namespace huinong::ctl
