// Post-loan return visits between the domain (return_visit.h) and the API
// (servicing.proto ReturnVisit): the request's visit read into the domain
// record naming every bad field, and the record shown.
#pragma once

#include "common/rpc/status_details.h"
#include "huinong/loans/v1/servicing.pb.h"
#include "svc-loans/src/domain/return_visit.h"

namespace huinong::loans {

// RecordReturnVisit's request: name, and the visit — its date (required),
// 1–10 distinct visitors ("staff/{id}"), findings (1–4000 characters), the
// use of funds and production status (required), documents (up to 20). The
// date's range is the use case's (it needs the loan).
ReturnVisit ReturnVisitFrom(const v1::RecordReturnVisitRequest& request, rpc::Violations& v);

v1::ReturnVisit ReturnVisitProto(const ReturnVisit& visit);

}  // namespace huinong::loans
