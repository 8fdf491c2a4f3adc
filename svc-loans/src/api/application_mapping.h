// Loan applications between the API (applications.proto) and the domain
// (domain/application.h). The From* readers are also the request checks of
// each step's content: every bad field of the API's shape (lengths,
// amounts, dates, enums, names, document references) is named under the
// request path ("survey.members[1].role") into one Violations list; the
// domain's rules on the content (application_steps.h) add theirs later.
// Output-only fields of requests are ignored.
//
// ToProto shows an application as of the clock's now (review_overdue is
// "past the deadline and still waiting for the county"; review_due_date is
// the deadline's day in the county's time zone). The account number of an
// entrusted payee is personal data: `masked` hides it (audit events, and
// readers outside the bank and the intake station).
#pragma once

#include <set>
#include <string>

#include "common/core/business_clock.h"
#include "common/rpc/status_details.h"
#include "huinong/loans/v1/applications.pb.h"
#include "huinong/loans/v1/credit_lines.pb.h"
#include "huinong/loans/v1/servicing.pb.h"
#include "svc-loans/src/app/applications.h"

namespace huinong::loans {

std::string ApplicationName(const std::string& id);  // "applications/{id}"

DraftTerms DraftFromProto(const v1::Application& proto, const std::string& field, rpc::Violations& v);
// The fields named in `paths` (amount, term_months, purpose, purpose_detail,
// collateral, documents) of `proto`.
DraftEdit DraftEditFromProto(const v1::Application& proto, const std::set<std::string>& paths,
                             const std::string& field, rpc::Violations& v);
Survey SurveyFromProto(const v1::SurveyRecord& proto, rpc::Violations& v);
Review ReviewFromProto(const v1::ReviewRecord& proto, rpc::Violations& v);
Guarantee GuaranteeFromProto(const v1::GuaranteeRecord& proto, rpc::Violations& v);
Insurance InsuranceFromProto(const v1::InsuranceRecord& proto, rpc::Violations& v);
Contract ContractFromProto(const v1::ContractRecord& proto, rpc::Violations& v);
Disbursement DisbursementFromProto(const v1::DisbursementRecord& proto, rpc::Violations& v);
std::optional<EntrustedPayee> PayeeFromProto(const v1::EntrustedPayee& proto, bool present, const std::string& field,
                                             rpc::Violations& v);

v1::Application ToProto(const Application& application, const BusinessClock& clock, bool masked);
// `masked`: the entrusted payee's account number masked.
v1::Loan ToProto(const Loan& loan, bool masked);
v1::CreditLine ToProto(const CreditLineRecord& line);

}  // namespace huinong::loans
