// A parsed JSON object (a JWT header or claims set), read member by member.
// Parsing is nlohmann-json's, held strict: exactly one object and nothing
// after it (no byte order mark before it), valid UTF-8 (no lone surrogates), unique member names at every
// depth, no NUL (raw or "\u0000") anywhere, no number that overflows a
// double, at most 2048 nested arrays and objects (jansson's limit, used before). Getters tell "absent" (Has) apart from "wrong type" (nullopt), so
// the verifier can give a precise reason.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/time/time.h"

namespace huinong::auth::internal {

class JsonObject {
 public:
  // nullptr unless `json` is exactly one well-formed JSON object (see above).
  static std::unique_ptr<JsonObject> Parse(std::string_view json);

  bool Has(const char* name) const;
  // nullopt when absent or not a string.
  std::optional<std::string> String(const char* name) const;
  // A JWT NumericDate (integer or fractional seconds since the epoch);
  // nullopt when absent, not a number, or absurdly far from the epoch.
  std::optional<absl::Time> NumericDate(const char* name) const;
  // nullopt when absent, not an array, or any element is not a string.
  std::optional<std::vector<std::string>> StringArray(const char* name) const;

 private:
  explicit JsonObject(nlohmann::json object) : object_(std::move(object)) {}

  // The member, or nullptr when absent.
  const nlohmann::json* Member(const char* name) const;

  nlohmann::json object_;
};

}  // namespace huinong::auth::internal
