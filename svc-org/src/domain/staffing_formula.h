// The arithmetic formula of a FormulaRule (standards.proto), e.g. staff per
// seat = seat_hours_per_day * working_days_per_month /
// statutory_hours_per_month (`004:117`).
//
// Grammar: decimal numbers (no sign, at most 18 digits), variable names
// [a-z_][a-z0-9_]*, + - * /, unary minus, parentheses, and the functions
// min(a, b), max(a, b), floor(x), ceil(x). Nesting is limited to 64 levels.
//
// Guarantees: evaluation is exact (see staffing_number.h); every operator and
// function application appends one working step, innermost first, whose
// description is the sub-expression as written; division by zero fails with
// INVALID_ARGUMENT naming the divisor as written.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "svc-org/src/domain/staffing_number.h"
#include "svc-org/src/domain/staffing_step.h"

namespace huinong::org {

class Formula {
 public:
  // INVALID_ARGUMENT whose message says what is wrong and at which character
  // (1-based), e.g. "unexpected ')' at character 12".
  static absl::StatusOr<Formula> Parse(absl::string_view expression);

  // Every variable the expression uses.
  const std::set<std::string>& variables() const { return variables_; }

  // `values` must hold every variable (INVALID_ARGUMENT naming the first
  // missing one otherwise). Steps are appended to `steps`.
  absl::StatusOr<Exact> Evaluate(const std::map<std::string, Exact>& values,
                                 std::vector<WorkingStep>& steps) const;

  struct Node;

 private:
  std::shared_ptr<const Node> root_;
  std::set<std::string> variables_;
};

// True for 1–64 characters of [a-z0-9_] starting with a letter or '_': the
// names of drivers, variables, roles and formula variables.
bool ValidDriverName(absl::string_view name);

}  // namespace huinong::org
