// The in-process svc-org of structure_fixture.h with a county network to
// hang work calendars on (固安's county centre, one township department, one
// village station) and the demo's 2026 calendar of the county centre:
// Mon–Fri 08:30–12:00 and 13:30–17:30 (the demo's assumption) with the
// State Council's 2026 holidays and make-up working days — the same data as
// tools/huinongctl/data/demo_calendar_2026.json, written out here so the
// expected deadlines below are checked against the rules, not the file.
#pragma once

#include <string>

#include "huinong/org/v1/calendars.pb.h"
#include "svc-org/tests/structure_fixture.h"

namespace huinong::org {

class CalendarFixture : public StructureFixture {
 protected:
  void SetUp() override;

  // The demo's 2026 calendar, in force from 2026-01-01; the time zone is
  // left empty (the default, Asia/Shanghai, is filled in by the service).
  static v1::WorkCalendarVersion Demo2026();
  // Monday–Friday with one period, no holidays, from `from`.
  static v1::WorkCalendarVersion Weekdays(const type::v1::Date& from, const std::string& start,
                                          const std::string& end);

  v1::CreateWorkCalendarRequest CreateRequest(const v1::Unit& unit, const v1::WorkCalendarVersion& version);
  // Creates the calendar of `unit` as admin and fails the test if it cannot.
  v1::WorkCalendar MustCreateCalendar(const v1::Unit& unit, const v1::WorkCalendarVersion& version);
  grpc::Status AddVersion(grpc::ClientContext* ctx, const v1::WorkCalendar& calendar,
                          const v1::WorkCalendarVersion& version, v1::WorkCalendar* out,
                          const std::string& request_id = "");
  // The calendar `name` as of `day` (unset: today), read as admin.
  v1::WorkCalendar MustGet(const std::string& name, const type::v1::Date& as_of = {});

  v1::Unit county_, township_, village_;
};

}  // namespace huinong::org
