// See staffing_formula.h. A recursive-descent parser builds an immutable
// tree; evaluation walks it once, appending a step per operation.
#include "svc-org/src/domain/staffing_formula.h"

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"

namespace huinong::org {

struct Formula::Node {
  enum class Kind { kNumber, kVariable, kNegate, kAdd, kSubtract, kMultiply, kDivide,
                    kMin, kMax, kFloor, kCeil };
  Kind kind = Kind::kNumber;
  Exact number;
  std::string name;  // variable name
  std::string text;  // the sub-expression as written
  std::vector<std::shared_ptr<const Node>> args;
};

namespace {

using Node = Formula::Node;
using Kind = Formula::Node::Kind;

constexpr int kMaxDepth = 64;

bool NameStart(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }
bool NameChar(char c) { return NameStart(c) || (c >= '0' && c <= '9'); }

class Parser {
 public:
  explicit Parser(absl::string_view src) : src_(src) {}

  absl::StatusOr<std::shared_ptr<const Node>> Whole(std::set<std::string>& variables) {
    variables_ = &variables;
    ASSIGN_OR_RETURN(auto root, Expression(0));
    SkipSpace();
    if (pos_ < src_.size()) return Unexpected();
    return root;
  }

 private:
  void SkipSpace() {
    while (pos_ < src_.size() && absl::ascii_isspace(static_cast<unsigned char>(src_[pos_]))) ++pos_;
  }
  bool Take(char c) {
    SkipSpace();
    if (pos_ < src_.size() && src_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  absl::Status Unexpected() {
    if (pos_ >= src_.size()) return absl::InvalidArgumentError("the expression ends too early");
    return absl::InvalidArgumentError(
        absl::StrCat("unexpected '", src_.substr(pos_, 1), "' at character ", pos_ + 1));
  }
  std::shared_ptr<Node> Make(Kind kind, size_t begin, std::vector<std::shared_ptr<const Node>> args) {
    auto n = std::make_shared<Node>();
    n->kind = kind;
    n->text = std::string(absl::StripAsciiWhitespace(src_.substr(begin, pos_ - begin)));
    n->args = std::move(args);
    return n;
  }

  absl::StatusOr<std::shared_ptr<const Node>> Expression(int depth) {
    if (depth > kMaxDepth) return absl::InvalidArgumentError("the expression is nested too deeply");
    SkipSpace();
    const size_t begin = pos_;
    ASSIGN_OR_RETURN(std::shared_ptr<const Node> left, Term(depth));
    while (true) {
      Kind kind;
      if (Take('+')) {
        kind = Kind::kAdd;
      } else if (Take('-')) {
        kind = Kind::kSubtract;
      } else {
        return left;
      }
      ASSIGN_OR_RETURN(std::shared_ptr<const Node> right, Term(depth));
      left = Make(kind, begin, {left, right});
    }
  }

  absl::StatusOr<std::shared_ptr<const Node>> Term(int depth) {
    SkipSpace();
    const size_t begin = pos_;
    ASSIGN_OR_RETURN(std::shared_ptr<const Node> left, Unary(depth));
    while (true) {
      Kind kind;
      if (Take('*')) {
        kind = Kind::kMultiply;
      } else if (Take('/')) {
        kind = Kind::kDivide;
      } else {
        return left;
      }
      ASSIGN_OR_RETURN(std::shared_ptr<const Node> right, Unary(depth));
      left = Make(kind, begin, {left, right});
    }
  }

  absl::StatusOr<std::shared_ptr<const Node>> Unary(int depth) {
    SkipSpace();
    const size_t begin = pos_;
    if (Take('-')) {
      if (depth + 1 > kMaxDepth) return absl::InvalidArgumentError("the expression is nested too deeply");
      ASSIGN_OR_RETURN(std::shared_ptr<const Node> operand, Unary(depth + 1));
      return std::shared_ptr<const Node>(Make(Kind::kNegate, begin, {operand}));
    }
    return Primary(depth);
  }

  absl::StatusOr<std::shared_ptr<const Node>> Primary(int depth) {
    SkipSpace();
    const size_t begin = pos_;
    if (Take('(')) {
      ASSIGN_OR_RETURN(std::shared_ptr<const Node> inner, Expression(depth + 1));
      if (!Take(')')) return Unexpected();
      return inner;
    }
    if (pos_ < src_.size() && (absl::ascii_isdigit(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '.')) {
      while (pos_ < src_.size() &&
             (absl::ascii_isdigit(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '.')) {
        ++pos_;
      }
      auto n = Make(Kind::kNumber, begin, {});
      absl::StatusOr<Exact> value = Exact::Parse(n->text);
      if (!value.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat(value.status().message(), " (at character ", begin + 1, ")"));
      }
      n->number = *value;
      return std::shared_ptr<const Node>(n);
    }
    if (pos_ < src_.size() && NameStart(src_[pos_])) {
      while (pos_ < src_.size() && NameChar(src_[pos_])) ++pos_;
      const std::string name(src_.substr(begin, pos_ - begin));
      if (!Take('(')) {
        if (!ValidDriverName(name)) {
          return absl::InvalidArgumentError(absl::StrCat("\"", name, "\" is not a valid variable name"));
        }
        auto n = Make(Kind::kVariable, begin, {});
        n->name = name;
        variables_->insert(name);
        return std::shared_ptr<const Node>(n);
      }
      return Call(name, begin, depth);
    }
    return Unexpected();
  }

  absl::StatusOr<std::shared_ptr<const Node>> Call(const std::string& name, size_t begin, int depth) {
    Kind kind;
    size_t arity;
    if (name == "min" || name == "max") {
      kind = name == "min" ? Kind::kMin : Kind::kMax;
      arity = 2;
    } else if (name == "floor" || name == "ceil") {
      kind = name == "floor" ? Kind::kFloor : Kind::kCeil;
      arity = 1;
    } else {
      return absl::InvalidArgumentError(absl::StrCat("unknown function \"", name,
                                                     "\" (known: min, max, floor, ceil)"));
    }
    std::vector<std::shared_ptr<const Node>> args;
    do {
      ASSIGN_OR_RETURN(std::shared_ptr<const Node> arg, Expression(depth + 1));
      args.push_back(std::move(arg));
    } while (Take(','));
    if (!Take(')')) return Unexpected();
    if (args.size() != arity) {
      return absl::InvalidArgumentError(
          absl::StrCat(name, "() takes ", arity, " argument(s), not ", args.size()));
    }
    return std::shared_ptr<const Node>(Make(kind, begin, std::move(args)));
  }

  absl::string_view src_;
  size_t pos_ = 0;
  std::set<std::string>* variables_ = nullptr;
};

const char* Symbol(Kind kind) {
  switch (kind) {
    case Kind::kAdd: return " + ";
    case Kind::kSubtract: return " - ";
    case Kind::kMultiply: return " × ";
    case Kind::kDivide: return " ÷ ";
    default: return "";
  }
}

const char* FunctionName(Kind kind) {
  switch (kind) {
    case Kind::kMin: return "min";
    case Kind::kMax: return "max";
    case Kind::kFloor: return "floor";
    case Kind::kCeil: return "ceil";
    default: return "";
  }
}

absl::StatusOr<Exact> Eval(const Node& n, const std::map<std::string, Exact>& values,
                           std::vector<WorkingStep>& steps) {
  switch (n.kind) {
    case Kind::kNumber:
      return n.number;
    case Kind::kVariable: {
      auto it = values.find(n.name);
      if (it == values.end()) return absl::InvalidArgumentError(absl::StrCat("no value for ", n.name));
      return it->second;
    }
    case Kind::kNegate: {
      ASSIGN_OR_RETURN(Exact x, Eval(*n.args[0], values, steps));
      return Negate(x);
    }
    default:
      break;
  }
  std::vector<Exact> args;
  for (const auto& a : n.args) {
    ASSIGN_OR_RETURN(Exact x, Eval(*a, values, steps));
    args.push_back(x);
  }
  absl::StatusOr<Exact> result;
  std::string shown;
  switch (n.kind) {
    case Kind::kAdd: result = Add(args[0], args[1]); break;
    case Kind::kSubtract: result = Subtract(args[0], args[1]); break;
    case Kind::kMultiply: result = Multiply(args[0], args[1]); break;
    case Kind::kDivide:
      if (args[1].is_zero()) {
        return absl::InvalidArgumentError(
            absl::StrCat("division by zero: ", n.args[1]->text, " is 0 in ", n.text));
      }
      result = Divide(args[0], args[1]);
      break;
    case Kind::kMin: result = Compare(args[0], args[1]) <= 0 ? args[0] : args[1]; break;
    case Kind::kMax: result = Compare(args[0], args[1]) >= 0 ? args[0] : args[1]; break;
    case Kind::kFloor:
    case Kind::kCeil: {
      const Exact::Int whole = args[0].Round(n.kind == Kind::kFloor ? Rounding::kDown : Rounding::kUp);
      if (whole > INT64_MAX || whole < INT64_MIN) return absl::OutOfRangeError("a number is too large");
      result = Exact::Integer(static_cast<int64_t>(whole));
      break;
    }
    default:
      return absl::InternalError("unknown formula node");
  }
  if (!result.ok()) return result.status();
  if (n.args.size() == 2 && *Symbol(n.kind)) {
    shown = absl::StrCat(args[0].Text(), Symbol(n.kind), args[1].Text());
  } else if (n.args.size() == 2) {
    shown = absl::StrCat(FunctionName(n.kind), "(", args[0].Text(), ", ", args[1].Text(), ")");
  } else {
    shown = absl::StrCat(FunctionName(n.kind), "(", args[0].Text(), ")");
  }
  steps.push_back({n.text, absl::StrCat(shown, " ", result->Equals()), *result});
  return result;
}

}  // namespace

bool ValidDriverName(absl::string_view name) {
  if (name.empty() || name.size() > 64 || !NameStart(name[0])) return false;
  for (char c : name) {
    if (!NameChar(c)) return false;
  }
  return true;
}

absl::StatusOr<Formula> Formula::Parse(absl::string_view expression) {
  Formula f;
  Parser parser(expression);
  ASSIGN_OR_RETURN(f.root_, parser.Whole(f.variables_));
  return f;
}

absl::StatusOr<Exact> Formula::Evaluate(const std::map<std::string, Exact>& values,
                                        std::vector<WorkingStep>& steps) const {
  if (!root_) return absl::FailedPreconditionError("the formula was not parsed");
  return Eval(*root_, values, steps);
}

}  // namespace huinong::org
