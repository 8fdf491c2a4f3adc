// Proto <-> domain for staff and assignments, and the
// shape checks of their requests (fields named "assignment.delegation.reason").
// Phone numbers leave the service in clear only for hr and admin.
#pragma once

#include <string>

#include "absl/time/civil_time.h"
#include "common/rpc/errors.h"
#include "huinong/org/v1/staff.pb.h"
#include "svc-org/src/domain/staff.h"

namespace huinong::org {

std::string StaffName(const std::string& id);
std::string AssignmentName(const std::string& id);

v1::Staff ToProto(const Staff& staff, bool clear_phone);
// `today` decides the state (scheduled / active / ended).
v1::Assignment ToProto(const Assignment& a, absl::CivilDay today);

// The fields of a member of staff a client may set; `prefix` is "staff".
void ReadStaffFields(const v1::Staff& in, const std::string& prefix, Staff& out, rpc::Violations& v);

// The parts of an assignment a client may set, each checked on its own (the
// kind-dependent rules are in ReadAssignmentFields).
std::optional<Delegation> ReadDelegation(const v1::Assignment& in, const std::string& prefix,
                                         rpc::Violations& v);
std::optional<Secondment> ReadSecondment(const v1::Assignment& in, const std::string& prefix,
                                         rpc::Violations& v);
std::optional<Mitigation> ReadMitigation(const v1::Assignment& in, const std::string& prefix,
                                         rpc::Violations& v);
// A whole new assignment: staff, post, kind, dates, and the parts its kind
// needs (a delegation for ACTING only, a secondment for SECONDED only).
void ReadAssignmentFields(const v1::Assignment& in, const std::string& prefix, Assignment& out,
                          rpc::Violations& v);
// The kind-dependent rules on an assignment's parts.
void CheckAssignmentParts(const Assignment& a, const std::string& prefix, rpc::Violations& v);

bool ValidStaffStatus(int status);
bool ValidAssignmentKind(int kind);

}  // namespace huinong::org
