// SQL for staff and assignments (tables staff, assignments).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "svc-org/src/domain/staff.h"

namespace sql {
class Connection;
}

namespace huinong::org::store {

absl::StatusOr<std::optional<Staff>> GetStaff(sql::Connection& conn, const std::string& id,
                                              bool for_update = false);
// ALREADY_EXISTS (DUPLICATE_EMPLOYEE_NUMBER) on a clash.
absl::Status InsertStaff(sql::Connection& conn, const Staff& staff);
absl::Status UpdateStaff(sql::Connection& conn, const Staff& staff);

struct StaffQuery {
  absl::CivilDay day;           // assignments are read on this day
  std::string unit_id;          // with an assignment in this unit
  std::string subtree_path;     // with an assignment in this subtree
  std::optional<StaffStatus> status;
  std::string name_prefix;
  std::string capability;       // whose assignments grant it
  // Data scope: with an assignment in a unit in this subtree or above it
  // (or, with include_unassigned, with no assignment at all). Empty: all.
  std::string visible_path;
  bool include_unassigned = false;
  std::string after_id;
  int limit = 50;
};
absl::StatusOr<std::vector<Staff>> ListStaff(sql::Connection& conn, const StaffQuery& query);

absl::StatusOr<std::optional<Assignment>> GetAssignment(sql::Connection& conn, const std::string& id,
                                                        bool for_update = false);
absl::Status InsertAssignment(sql::Connection& conn, const Assignment& a);
// Every mutable column: last day, delegation, secondment, mitigation, note,
// end reason, version, update_time.
absl::Status UpdateAssignment(sql::Connection& conn, const Assignment& a);

// Every assignment of a person, or of a post, in order of first day.
absl::StatusOr<std::vector<Assignment>> AssignmentsOfStaff(sql::Connection& conn,
                                                           const std::string& staff_id);
absl::StatusOr<std::vector<Assignment>> AssignmentsOfPost(sql::Connection& conn,
                                                          const std::string& post_id);
// Assignments in force on the day on posts of the unit / on these posts.
absl::StatusOr<std::vector<Assignment>> AssignmentsOfUnitOn(sql::Connection& conn,
                                                            const std::string& unit_id,
                                                            absl::CivilDay day);
absl::StatusOr<std::vector<Assignment>> AssignmentsOfPostsOn(sql::Connection& conn,
                                                             const std::vector<std::string>& post_ids,
                                                             absl::CivilDay day);
// Assignments of the post in force on some day after `last_day`.
absl::StatusOr<int> CountAssignmentsAfter(sql::Connection& conn, const std::string& post_id,
                                          absl::CivilDay last_day);

struct AssignmentQuery {
  std::string staff_id;
  std::string post_id;
  std::string unit_id;
  std::string subtree_path;
  std::optional<AssignmentKind> kind;
  std::optional<absl::CivilDay> day;  // unset: all dates
  std::string visible_path;          // data scope
  std::string after_id;
  int limit = 50;
};
absl::StatusOr<std::vector<Assignment>> ListAssignments(sql::Connection& conn,
                                                        const AssignmentQuery& query);

}  // namespace huinong::org::store
