// Intake writes a new ticket's clocks without reading back what cannot
// exist yet (app/ticket_clocks.h StartClocks). These tests hold that
// shortcut to the general path: for tickets of every priority, taken in and
// out of working hours, the clocks and next check intake stored are exactly
// what RefreshClocks computes and stores for the same ticket at the same
// instant.
#include <string>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "svc-tickets/src/app/ticket_clocks.h"
#include "svc-tickets/src/store/clock_store.h"
#include "svc-tickets/src/store/ticket_store.h"
#include "svc-tickets/tests/tickets_fixture.h"

namespace huinong::tickets {
namespace {

class IntakeClocksTest : public TicketsFixture {
 protected:
  // Every stored field of the ticket's clocks and its next check, in a line each.
  std::string Stored(const std::string& id) {
    std::string out;
    EXPECT_TRUE(pool_->Read([&](sql::Connection& c) -> absl::Status {
      absl::StatusOr<std::vector<store::ClockRecord>> clocks = store::LoadClocks(c, id);
      if (!clocks.ok()) return clocks.status();
      for (const store::ClockRecord& r : *clocks) {
        const Clock& k = r.watched.clock;
        absl::StrAppend(&out, static_cast<int>(k.kind), " ", static_cast<int>(k.state), " ",
                        absl::FormatTime(k.event), " ", absl::FormatTime(k.start), " ", absl::FormatTime(k.due), " ",
                        absl::FormatTime(k.at_risk), " ", k.stop ? absl::FormatTime(*k.stop) : "-", " ",
                        absl::FormatDuration(k.paused), " ", r.policy, "@", k.policy_revision, " P",
                        static_cast<int>(r.priority), "\n");
      }
      return absl::OkStatus();
    }).ok());
    absl::StrAppend(&out, "next check ",
                    Count(absl::StrCat("SELECT UNIX_TIMESTAMP(next_check) * 1000000 FROM ticket_deadlines"
                                       " WHERE ticket_id = '", id, "'")));
    return out;
  }

  std::string Refreshed(const std::string& id) {
    EXPECT_TRUE(pool_->Transact([&](sql::Connection& c) -> absl::Status {
      absl::StatusOr<std::optional<Ticket>> t = store::LockTicket(c, id);
      if (!t.ok()) return t.status();
      if (!t->has_value()) return absl::NotFoundError(id);
      return RefreshClocks(c, *org_, **t, clock_->Now(), clock_->zone()).status();
    }).ok());
    return Stored(id);
  }

  void ExpectIntakeEqualsRefresh(const std::string& staff, v1::CreateTicketRequest req) {
    const v1::Ticket made = Create(staff, req);
    ASSERT_FALSE(made.name().empty());
    const std::string id = made.name().substr(std::string("tickets/").size());
    const std::string at_intake = Stored(id);
    EXPECT_NE(at_intake.find('\n'), std::string::npos) << "no clock stored for " << made.name();
    EXPECT_EQ(at_intake, Refreshed(id)) << "type " << req.ticket().type() << " severity "
                                        << req.ticket().severity();
  }

  v1::CreateTicketRequest Request(v1::TicketType type, v1::Severity severity) {
    v1::CreateTicketRequest req = LoanComplaint();
    req.mutable_ticket()->set_type(type);
    req.mutable_ticket()->set_severity(severity);
    return req;
  }
};

TEST_F(IntakeClocksTest, EveryPriorityInWorkingHours) {
  ExpectIntakeEqualsRefresh("agent11", Request(v1::TICKET_TYPE_COMPLAINT, v1::SEVERITY_SIMPLE));     // P3
  ExpectIntakeEqualsRefresh("agent1", Request(v1::TICKET_TYPE_COMPLAINT, v1::SEVERITY_MAJOR));       // P2
  ExpectIntakeEqualsRefresh("lead1", Request(v1::TICKET_TYPE_EMERGENCY, v1::SEVERITY_SUDDEN));       // P1
  ExpectIntakeEqualsRefresh("agent12", Request(v1::TICKET_TYPE_CONSULTATION, v1::SEVERITY_SIMPLE));  // P4
  ExpectIntakeEqualsRefresh("agent11", Request(v1::TICKET_TYPE_REPAIR, v1::SEVERITY_SIMPLE));
}

TEST_F(IntakeClocksTest, OutOfHoursAndAtTheWeekend) {
  clock_->Advance(absl::Hours(10));  // Monday 19:00: after the working day
  ExpectIntakeEqualsRefresh("agent11", Request(v1::TICKET_TYPE_COMPLAINT, v1::SEVERITY_SIMPLE));
  clock_->Advance(absl::Hours(24 * 5 + 4));  // Saturday 23:00
  ExpectIntakeEqualsRefresh("agent1", Request(v1::TICKET_TYPE_GRIEVANCE, v1::SEVERITY_MAJOR));
  ExpectIntakeEqualsRefresh("lead1", Request(v1::TICKET_TYPE_EMERGENCY, v1::SEVERITY_SUDDEN));
}

}  // namespace
}  // namespace huinong::tickets
