// The canonical JSON text of a value: the form of the before/after JSON of
// audit events, which the audit chain hashes byte for byte. Values are held
// as nlohmann::json (members sorted by key) or nlohmann::ordered_json
// (members in insertion order); only the writing is ours, because nlohmann's
// dump() differs from this form (DEL, invalid UTF-8, number digits) and the
// form must never change: events written before and after must agree (the
// golden tests in common/outbox/tests and svc-audit/tests hold it).
//
// The form:
// - no whitespace between tokens;
// - object members in the order the value holds them — byte order of the key
//   for nlohmann::json, insertion order for ordered_json;
// - strings as log::JsonEscape writes them: '"' and '\' escaped, \b \f \n \r
//   \t in short form, other control characters and DEL as \u00xx (lower-case
//   hex), '/' and valid UTF-8 (Chinese included) as they are, each byte of
//   invalid UTF-8 as \ufffd;
// - every number as the double it denotes (as google.protobuf.Value holds
//   it): an integral value below 2^53 in magnitude as plain digits (-0 as 0),
//   any other with the fewest of 15, 16 or 17 significant digits ("%.*g")
//   that read back to the same double (1e+21, 4.94065645841247e-324);
//   NaN and infinities as null;
// - true, false, null as such.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace huinong::json {

// Applied to every string value and object key as it is written (e.g.
// mask::PersonalData); members are still ordered by the key as held.
using TextFilter = std::string (*)(std::string_view);

void AppendCanonical(const nlohmann::json& value, std::string& out, TextFilter filter = nullptr);
void AppendCanonical(const nlohmann::ordered_json& value, std::string& out,
                     TextFilter filter = nullptr);

std::string Canonical(const nlohmann::json& value);
std::string Canonical(const nlohmann::ordered_json& value);

// One string in the canonical form, quotes included.
void AppendCanonicalString(std::string_view text, std::string& out);
// One number in the canonical form.
void AppendCanonicalNumber(double number, std::string& out);

}  // namespace huinong::json
