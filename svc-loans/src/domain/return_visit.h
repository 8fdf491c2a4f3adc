// A post-loan return visit (贷后回访, 000:1453: "组织金融机构与贷款主体建立定期
// 回访机制，了解贫困户或企业使用贷款情况，严防改变贷款用途"): who went to the
// borrower, on which business day, what they found — whether the money is
// used as contracted, diverted (贷后他用) or not used (贷而不用), how the
// financed production stands — with documents, and whether someone must
// follow up. A visit belongs to its loan's place (village, township,
// county, bank), so lists are scoped as loans are. Pure: the record and
// its one rule.
#pragma once

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/domain/document_ref.h"
#include "svc-loans/src/domain/loan.h"

namespace huinong::loans {

// Numeric values match the API's.
enum class FundsUse { kAsContracted = 1, kDiverted = 2, kUnused = 3 };
enum class ProductionStatus { kNormal = 1, kDifficulties = 2, kStopped = 3, kNotStarted = 4 };

struct ReturnVisit {
  std::string id;
  std::string loan_id;
  LendingPlace place;  // the loan's
  absl::CivilDay visit_date;
  std::vector<std::string> visitors;  // "staff/{id}"
  std::string findings;
  FundsUse funds_use = FundsUse::kAsContracted;
  ProductionStatus production_status = ProductionStatus::kNormal;
  bool follow_up = false;
  std::vector<domain::DocumentRef> documents;
  std::string recorded_by;  // "staff/{id}"
  absl::Time record_time;
};

// A visit is made to a loan that was paid out, and is recorded once made:
// from the disbursement to today.
inline bool VisitDateAllowed(const Loan& loan, absl::CivilDay visit_date, absl::CivilDay today) {
  return visit_date >= loan.disbursement_date && visit_date <= today;
}

}  // namespace huinong::loans
