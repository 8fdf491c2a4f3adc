// SubsidyService's messages ↔ subsidy claims (domain/subsidy_claim.h), and
// the one audit event of a claim's change (resource "subsidy_claim",
// "subsidyClaims/{id}", the claim before and after, in the borrower's unit)
// that every handler records with RecordSubsidyChange. The bank card number
// is personal data: every message built here carries it masked
// (mask::BankCard), so responses, lists, exports and audit events never
// show it whole.
#pragma once

#include "common/rpc/status_details.h"
#include "common/server/mutation.h"
#include "huinong/loans/v1/subsidies.pb.h"
#include "svc-loans/src/app/subsidies.h"

namespace huinong::loans {

std::string SubsidyClaimName(const std::string& id);  // "subsidyClaims/{id}"

v1::SubsidyClaim ToProto(const SubsidyClaimRecord& r);

// The claim a borrower files (output-only fields ignored); every bad field
// named in v under "claim.".
SubsidyApplication ApplicationFromProto(const v1::SubsidyClaim& in, rpc::Violations& v);

// A step's comment and documents.
SubsidyStep StepFromProto(const std::string& comment,
                          const google::protobuf::RepeatedPtrField<type::v1::DocumentRef>& documents,
                          rpc::Violations& v);

std::vector<domain::DocumentRef> DocumentsFromProto(
    const google::protobuf::RepeatedPtrField<type::v1::DocumentRef>& documents, const std::string& field,
    rpc::Violations& v);

absl::Status RecordSubsidyChange(server::Mutation& m, const SubsidyChange& change);

}  // namespace huinong::loans
