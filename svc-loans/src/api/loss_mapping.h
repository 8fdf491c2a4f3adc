// What follows a loss on a loan between the domain (write_off.h,
// recovery.h, app/recoveries.h's LoanLoss) and the API (servicing.proto,
// recovery.proto): a Loan's write_off, compensated, recovered,
// recovery_state and accountability; recoveries; and the shape checks of
// the write-off, recovery and accountability requests, naming every bad
// field at once.
#pragma once

#include <string>

#include "huinong/loans/v1/recovery.pb.h"
#include "huinong/loans/v1/servicing.pb.h"
#include "svc-loans/src/app/recoveries.h"
#include "svc-loans/src/app/write_offs.h"

namespace huinong::loans {

// Fills `out`'s write_off, compensated, recovered, recovery_state and
// accountability from `loss`.
void FillLoss(const LoanLoss& loss, v1::Loan& out);

v1::WriteOff WriteOffProto(const WriteOffRecord& w);
v1::Recovery RecoveryProto(const RecoveryRecord& r);
v1::AccountabilityRecord AccountabilityProto(const AccountabilityRecord& a);

// The request's order; every bad field named in `v`.
WriteOffOrder ReadWriteOffOrder(const v1::RequestWriteOffRequest& req, rpc::Violations& v);
RecoveryOrder ReadRecoveryOrder(const v1::RecordRecoveryRequest& req, rpc::Violations& v);
AccountabilityRecord ReadAccountability(const v1::AccountabilityRecord& in, rpc::Violations& v);

}  // namespace huinong::loans
