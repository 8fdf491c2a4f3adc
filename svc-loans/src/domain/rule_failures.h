// How a lending rule's refusal is collected (eligibility, credit-line
// draws): every failed rule, in order, each with its field, limit, what was
// asked and the policy version that set the limit. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

namespace huinong::loans {

struct RuleFailure {
  std::string rule;            // e.g. "AGE_LIMIT"
  std::string field;           // the request's field, e.g. "borrower.birth_date"
  std::string limit;           // e.g. "at most 60 years on 2026-12-02"
  std::string actual;          // e.g. "61 years"
  std::string policy_version;  // the CountyPolicy version that set the limit

  bool operator==(const RuleFailure&) const = default;
};

// The failures of one check, all under one policy version.
class RuleFailures {
 public:
  explicit RuleFailures(std::string policy_version) : version_(std::move(policy_version)) {}
  void Add(std::string rule, std::string field, std::string limit, std::string actual) {
    list_.push_back({std::move(rule), std::move(field), std::move(limit), std::move(actual), version_});
  }
  std::vector<RuleFailure> Take() { return std::move(list_); }

 private:
  std::string version_;
  std::vector<RuleFailure> list_;
};

// An amount as failures show it: "5000000 fen".
inline std::string FenText(int64_t fen) { return absl::StrCat(fen, " fen"); }

}  // namespace huinong::loans
