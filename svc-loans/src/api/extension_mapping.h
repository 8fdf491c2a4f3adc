// A loan's extensions between the domain (loan.h LoanExtension) and the API
// (servicing.proto Extension), and ExtendLoan's request read into the
// order its use case takes (app/extensions.h), naming every bad field.
#pragma once

#include "common/rpc/status_details.h"
#include "huinong/loans/v1/servicing.pb.h"
#include "svc-loans/src/app/extensions.h"
#include "svc-loans/src/domain/loan.h"

namespace huinong::loans {

v1::Extension ExtensionProto(const LoanExtension& extension);

// name, etag (required: an extension is a change of the loan's terms),
// months (≥ 1; the caps are the rule's), reason (1–2000 characters) and
// the agreement (required).
ExtensionOrder ExtensionOrderFrom(const v1::ExtendLoanRequest& request, rpc::Violations& v);

}  // namespace huinong::loans
