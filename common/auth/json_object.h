// A parsed JSON object (a JWT header or claims set), read member by member.
// Parsing is libjwt's (jansson underneath): one object, valid UTF-8, unique
// member names, no NUL. Getters tell "absent" (Has) apart from "wrong type"
// (nullopt), so the verifier can give a precise reason.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"

struct jwt;  // libjwt's jwt_t; kept out of this header

namespace huinong::auth::internal {

class JsonObject {
 public:
  // nullptr unless `json` is exactly one well-formed JSON object.
  static std::unique_ptr<JsonObject> Parse(std::string_view json);

  ~JsonObject();
  JsonObject(const JsonObject&) = delete;
  JsonObject& operator=(const JsonObject&) = delete;

  bool Has(const char* name) const;
  // nullopt when absent or not a string.
  std::optional<std::string> String(const char* name) const;
  // A JWT NumericDate (integer or fractional seconds since the epoch);
  // nullopt when absent, not a number, or absurdly far from the epoch.
  std::optional<absl::Time> NumericDate(const char* name) const;
  // nullopt when absent, not an array, or any element is not a string.
  std::optional<std::vector<std::string>> StringArray(const char* name) const;

 private:
  explicit JsonObject(::jwt* store) : store_(store) {}

  // The member re-serialized as compact JSON; nullopt when absent.
  std::optional<std::string> Raw(const char* name) const;

  ::jwt* store_;
};

// JSON text for building claims: a quoted string and an array of strings.
std::string JsonQuote(std::string_view text);
std::string JsonStringArray(const std::vector<std::string>& items);

}  // namespace huinong::auth::internal
