// See application_flow.h.
#include "svc-loans/src/domain/application_flow.h"

#include <vector>

namespace huinong::loans {
namespace {

using S = ApplicationState;
using E = ApplicationEvent;
using Table = domain::StateTable<S, E>;

const std::vector<S>& AllStates() {
  static const auto* states = new std::vector<S>{S::kDraft,     S::kSubmitted,  S::kSurveyed, S::kApproved,
                                                 S::kGuaranteed, S::kInsured,   S::kContracted, S::kDisbursed,
                                                 S::kRejected,  S::kWithdrawn};
  return *states;
}

const std::vector<E>& AllEvents() {
  static const auto* events = new std::vector<E>{E::kSubmit,          E::kRecordSurvey,  E::kApprove,
                                                 E::kRecordGuarantee, E::kRecordInsurance, E::kSignContract,
                                                 E::kDisburse,        E::kReject,        E::kWithdraw};
  return *events;
}

// In the order of the flow, so the table reads as the workflow does.
std::vector<Table::Row> Rows(bool guarantee) {
  std::vector<Table::Row> rows = {
      {S::kDraft, E::kSubmit, S::kSubmitted},
      {S::kSubmitted, E::kRecordSurvey, S::kSurveyed},
      {S::kSurveyed, E::kApprove, S::kApproved},
  };
  if (guarantee) {
    rows.push_back({S::kApproved, E::kRecordGuarantee, S::kGuaranteed});
    rows.push_back({S::kGuaranteed, E::kRecordInsurance, S::kInsured});
  } else {
    rows.push_back({S::kApproved, E::kRecordInsurance, S::kInsured});
  }
  rows.push_back({S::kInsured, E::kSignContract, S::kContracted});
  rows.push_back({S::kContracted, E::kDisburse, S::kDisbursed});
  std::vector<S> open = {S::kSubmitted, S::kSurveyed, S::kApproved};
  if (guarantee) open.push_back(S::kGuaranteed);
  open.push_back(S::kInsured);
  open.push_back(S::kContracted);
  for (S s : open) rows.push_back({s, E::kReject, S::kRejected});
  rows.push_back({S::kDraft, E::kWithdraw, S::kWithdrawn});
  for (S s : open) rows.push_back({s, E::kWithdraw, S::kWithdrawn});
  return rows;
}

}  // namespace

const std::vector<ApplicationState>& EveryApplicationState() { return AllStates(); }

absl::string_view ApplicationStateName(ApplicationState state) {
  switch (state) {
    case S::kDraft: return "DRAFT";
    case S::kSubmitted: return "SUBMITTED";
    case S::kSurveyed: return "SURVEYED";
    case S::kApproved: return "REVIEWED";  // the API's name (applications.proto)
    case S::kGuaranteed: return "GUARANTEED";
    case S::kInsured: return "INSURED";
    case S::kContracted: return "CONTRACTED";
    case S::kDisbursed: return "DISBURSED";
    case S::kRejected: return "REJECTED";
    case S::kWithdrawn: return "WITHDRAWN";
  }
  return "UNKNOWN";
}

absl::string_view ApplicationEventName(ApplicationEvent event) {
  switch (event) {
    case E::kSubmit: return "SUBMIT";
    case E::kRecordSurvey: return "RECORD_SURVEY";
    case E::kApprove: return "APPROVE";
    case E::kRecordGuarantee: return "RECORD_GUARANTEE";
    case E::kRecordInsurance: return "RECORD_INSURANCE";
    case E::kSignContract: return "SIGN_CONTRACT";
    case E::kDisburse: return "DISBURSE";
    case E::kReject: return "REJECT";
    case E::kWithdraw: return "WITHDRAW";
  }
  return "UNKNOWN";
}

bool GuaranteeRequired(ProductKind product, SmallLoanModel model) {
  return !(product == ProductKind::kPovertySmallLoan && model == SmallLoanModel::kGuaranteeFree);
}

const domain::StateTable<ApplicationState, ApplicationEvent>& ApplicationFlow(bool guarantee_required) {
  static const Table* with = new Table("a loan application (with guarantee)", AllStates(), AllEvents(),
                                       ApplicationStateName, ApplicationEventName, Rows(true));
  static const Table* without = new Table("a loan application (without guarantee)", AllStates(), AllEvents(),
                                          ApplicationStateName, ApplicationEventName, Rows(false));
  return guarantee_required ? *with : *without;
}

absl::string_view StepWaitedFor(ApplicationState state, bool guarantee_required) {
  switch (state) {
    case S::kDraft: return "submission";
    case S::kSubmitted: return "survey";
    case S::kSurveyed: return "county_review";
    case S::kApproved: return guarantee_required ? "guarantee" : "insurance";
    case S::kGuaranteed: return "insurance";
    case S::kInsured: return "contract";
    case S::kContracted: return "disbursement";
    case S::kDisbursed:
    case S::kRejected:
    case S::kWithdrawn: break;
  }
  return "";
}

absl::string_view StepCapability(ApplicationState state, bool guarantee_required) {
  switch (state) {
    case S::kDraft: return "loans.intake";
    case S::kSubmitted: return "loans.survey.lead";
    case S::kSurveyed: return "loans.review.county";
    case S::kApproved: return guarantee_required ? "loans.guarantee" : "loans.insure";
    case S::kGuaranteed: return "loans.insure";
    case S::kInsured: return "loans.contract";
    case S::kContracted: return "loans.disburse";
    case S::kDisbursed:
    case S::kRejected:
    case S::kWithdrawn: break;
  }
  return "";
}

}  // namespace huinong::loans
