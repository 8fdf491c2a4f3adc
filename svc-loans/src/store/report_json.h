// The stored form of a lending report's figures (report_snapshots.body_json,
// migration 0016): every figure of LendingReportFigures but its period,
// which is the row's key. Encode/Decode round-trip exactly (tested); enums
// are their numbers. kReportFormat names this form and the rules that made
// the figures: raise it when either changes, and stored reports of an older
// format are computed afresh instead of read (report_snapshot_store.h).
#pragma once

#include <string>

#include "svc-loans/src/domain/report.h"

namespace huinong::loans::store {

inline constexpr int kReportFormat = 1;

std::string EncodeReportFigures(const LendingReportFigures& report);
// Fills all but `period`; false when the text is not a stored report.
bool DecodeReportFigures(const std::string& json, LendingReportFigures& out);

}  // namespace huinong::loans::store
