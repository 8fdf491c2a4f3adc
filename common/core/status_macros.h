// Early-return helpers for absl::Status / absl::StatusOr, so that code that can
// fail reads top to bottom. Abseil 20220623 does not ship these publicly.
#pragma once

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define HN_CONCAT_INNER_(a, b) a##b
#define HN_CONCAT_(a, b) HN_CONCAT_INNER_(a, b)

// RETURN_IF_ERROR(expr): returns the status of `expr` if it is not OK.
#define RETURN_IF_ERROR(expr)                  \
  do {                                         \
    ::absl::Status hn_status_ = (expr);        \
    if (!hn_status_.ok()) return hn_status_;   \
  } while (0)

// ASSIGN_OR_RETURN(lhs, expr): evaluates the StatusOr `expr`; returns its
// status on error, otherwise moves the value into `lhs` (which may declare).
#define ASSIGN_OR_RETURN(lhs, expr) \
  HN_ASSIGN_OR_RETURN_IMPL_(HN_CONCAT_(hn_statusor_, __LINE__), lhs, expr)
#define HN_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return std::move(tmp).status();  \
  lhs = std::move(tmp).value()
