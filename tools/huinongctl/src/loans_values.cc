// Loans values for the command line; see loans_values.h.
#include "tools/huinongctl/src/loans_values.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;
using google::protobuf::EnumDescriptor;

// "BorrowerType" → "BORROWER_TYPE_".
std::string ValuePrefix(const EnumDescriptor* descriptor) {
  std::string out;
  for (const char c : descriptor->name()) {
    if (std::isupper(static_cast<unsigned char>(c)) && !out.empty()) out += '_';
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out + "_";
}

std::string Word(const EnumDescriptor* descriptor, const std::string& value_name) {
  std::string word = value_name;
  const std::string prefix = ValuePrefix(descriptor);
  if (word.starts_with(prefix)) word.erase(0, prefix.size());
  word = absl::AsciiStrToLower(word);
  for (char& c : word) {
    if (c == '_') c = '-';
  }
  return word;
}

}  // namespace

std::string EnumWordOf(const EnumDescriptor* descriptor, int value) {
  if (value == 0) return "-";
  const google::protobuf::EnumValueDescriptor* v = descriptor->FindValueByNumber(value);
  return v == nullptr ? "?" : Word(descriptor, std::string(v->name()));
}

absl::StatusOr<int> ParseEnumWordOf(const EnumDescriptor* descriptor, absl::string_view text) {
  std::string wanted = absl::AsciiStrToLower(absl::StripAsciiWhitespace(absl::string_view(text.data(), text.size())));
  for (char& c : wanted) {
    if (c == '_') c = '-';
  }
  std::vector<std::string> words;
  for (int i = 0; i < descriptor->value_count(); ++i) {
    const google::protobuf::EnumValueDescriptor* v = descriptor->value(i);
    if (v->number() == 0) continue;
    const std::string word = Word(descriptor, std::string(v->name()));
    std::string full = absl::AsciiStrToLower(std::string(v->name()));
    for (char& c : full) {
      if (c == '_') c = '-';
    }
    if (wanted == word || wanted == full) return v->number();
    words.push_back(word);
  }
  return absl::InvalidArgumentError(
      absl::StrCat("\"", text, "\" is not one of: ", absl::StrJoin(words, " ")));
}

absl::StatusOr<type::v1::Money> ParseYuan(absl::string_view text) {
  std::string digits;
  for (const char c : text) {
    if (c != ',') digits += c;
  }
  const std::vector<std::string> parts = absl::StrSplit(digits, '.');
  const auto all_digits = [](const std::string& s) {
    return !s.empty() && s.size() <= 15 &&
           std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  };
  if (parts.size() > 2 || !all_digits(parts[0]) || (parts.size() == 2 && (!all_digits(parts[1]) || parts[1].size() > 2))) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", text, "\" is not an amount in yuan (e.g. 50000 or 1,000,000 or 123.45)"));
  }
  int64_t yuan = 0, fen = 0;
  (void)absl::SimpleAtoi(parts[0], &yuan);
  if (parts.size() == 2) {
    (void)absl::SimpleAtoi(parts[1], &fen);
    if (parts[1].size() == 1) fen *= 10;
  }
  type::v1::Money money;
  money.set_fen(yuan * 100 + fen);
  return money;
}

std::string YuanText(const type::v1::Money& money) {
  const int64_t fen = money.fen();
  const bool negative = fen < 0;
  const uint64_t abs = negative ? static_cast<uint64_t>(-(fen + 1)) + 1 : static_cast<uint64_t>(fen);
  const std::string digits = absl::StrCat(abs / 100);
  std::string whole;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) whole += ',';
    whole += digits[i];
  }
  return absl::StrFormat("%s%s.%02d", negative ? "-" : "", whole, static_cast<int>(abs % 100));
}

std::string RateText(int bp) { return absl::StrFormat("%d bp (%d.%02d%%)", bp, bp / 100, bp % 100); }

std::string MultipleText(int bp_of_base) {
  std::string decimals = absl::StrFormat("%04d", bp_of_base % 10000);
  while (decimals.size() > 2 && decimals.back() == '0') decimals.pop_back();
  return absl::StrCat("×", bp_of_base / 10000, ".", decimals);
}

absl::StatusOr<type::v1::DocumentRef> ParseDocument(absl::string_view text) {
  type::v1::DocumentRef document;
  // KIND| only when the first part is a kind ([a-z0-9_], as the API checks;
  // empty for a number without one), and NUMBER| only when the part after
  // it is no URI: a URI may hold '|'.
  absl::string_view uri = text;
  const size_t bar = uri.find('|');
  if (bar != absl::string_view::npos && bar <= 40 &&
      std::all_of(uri.begin(), uri.begin() + bar,
                  [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; })) {
    document.set_kind(std::string(uri.substr(0, bar)));
    uri.remove_prefix(bar + 1);
    const size_t next = uri.find('|');
    if (next != absl::string_view::npos && !absl::StrContains(uri.substr(0, next), "://")) {
      document.set_number(std::string(uri.substr(0, next)));
      uri.remove_prefix(next + 1);
    }
  }
  const size_t hash = uri.rfind('#');
  if (hash != absl::string_view::npos) {
    const absl::string_view digest = uri.substr(hash + 1);
    if (digest.size() != 64 ||
        !std::all_of(digest.begin(), digest.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
      return absl::InvalidArgumentError(absl::StrCat("\"", text, "\": after '#' comes the SHA-256 (64 hex digits)"));
    }
    document.set_sha256(absl::AsciiStrToLower(absl::string_view(digest.data(), digest.size())));
    uri = uri.substr(0, hash);
  }
  if (uri.empty()) return absl::InvalidArgumentError("a document needs its URI");
  document.set_uri(std::string(uri));
  return document;
}

std::string DocumentText(const type::v1::DocumentRef& document) {
  std::vector<std::string> parts;
  for (const std::string* part : {&document.kind(), &document.number(), &document.title(), &document.uri()}) {
    if (!part->empty()) parts.push_back(*part);
  }
  std::string out = absl::StrJoin(parts, "  ");
  if (!document.sha256().empty()) absl::StrAppend(&out, "  sha256:", document.sha256().substr(0, 12), "…");
  return out;
}

absl::StatusOr<v1::Collateral> ParseCollateral(absl::string_view text) {
  const std::vector<std::string> parts = absl::StrSplit(text, absl::MaxSplits(':', 2));
  if (parts.size() < 2 || parts[1].empty()) {
    return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not KIND:DESCRIPTION[:VALUE]"));
  }
  v1::Collateral collateral;
  absl::StatusOr<v1::CollateralKind> kind = ParseEnumWord<v1::CollateralKind>(parts[0]);
  if (!kind.ok()) return kind.status();
  collateral.set_kind(*kind);
  collateral.set_description(parts[1]);
  if (parts.size() == 3) {
    absl::StatusOr<type::v1::Money> value = ParseYuan(parts[2]);
    if (!value.ok()) return value.status();
    *collateral.mutable_estimated_value() = *value;
  }
  return collateral;
}

absl::StatusOr<v1::SurveyMember> ParseSurveyMember(absl::string_view text) {
  const std::vector<std::string> parts = absl::StrSplit(text, absl::MaxSplits(':', 2));
  if (parts.size() < 2 || parts[1].empty()) {
    return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not ROLE:NAME[:staff/ID]"));
  }
  v1::SurveyMember member;
  absl::StatusOr<v1::SurveyRole> role = ParseEnumWord<v1::SurveyRole>(parts[0]);
  if (!role.ok()) return role.status();
  member.set_role(*role);
  member.set_display_name(parts[1]);
  if (parts.size() == 3) member.set_staff(parts[2].find('/') == std::string::npos ? "staff/" + parts[2] : parts[2]);
  return member;
}

}  // namespace huinong::ctl
