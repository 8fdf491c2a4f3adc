// Every lifecycle of the suite is one StateTable; docs/state-machines.md is
// those tables as they are, not as someone remembered them. This test renders
// them and compares: a table changed without its documentation fails here.
// To rewrite the document from the code: HUINONG_UPDATE_DOCS=1 and run it.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "svc-org/src/domain/change_request.h"
#include "svc-org/src/domain/post.h"
#include "svc-org/src/domain/staff.h"
#include "svc-org/src/domain/staffing_standard.h"
#include "svc-org/src/domain/unit.h"
#include "svc-loans/src/domain/application_flow.h"
#include "svc-loans/src/domain/subsidy_claim.h"
#include "svc-loans/src/domain/compensation_claim.h"
#include "svc-loans/src/domain/write_off.h"
#include "svc-tickets/src/domain/ticket_flow.h"

namespace huinong {
namespace {

using namespace org;  // NOLINT: the tables of every service are named here
using loans::ApplicationFlow;
using loans::SubsidyClaimFlow;
using loans::ClaimFlow;
using loans::WriteOffFlow;
using tickets::TicketFlow;

template <class Table>
std::string Section(const std::string& title, const std::string& source, const Table& table) {
  std::string states;
  for (auto s : table.States()) states += (states.empty() ? "" : ", ") + std::string(table.NameOf(s));
  std::string events;
  for (auto e : table.Events()) events += (events.empty() ? "" : ", ") + std::string(table.NameOf(e));
  return "## " + title + "\n\n`" + source + "` — states: " + states + "; events: " + events +
         ".\nAny pair not listed is refused with FAILED_PRECONDITION / INVALID_TRANSITION.\n\n" +
         table.Markdown() + "\n";
}

std::string Rendered() {
  return "# State machines\n\n"
         "Generated from the tables in the code (`common/domain/state_table.h`); "
         "`tests/docs/state_machines_doc_test.cc` fails when they differ.\n\n" +
         Section("Units", "svc-org/src/domain/unit.h", UnitLifecycle()) +
         Section("Posts", "svc-org/src/domain/post.h", PostLifecycle()) +
         Section("Staff", "svc-org/src/domain/staff.h", StaffLifecycle()) +
         Section("Change requests", "svc-org/src/domain/change_request.h", ChangeLifecycle()) +
         Section("Staffing standards", "svc-org/src/domain/staffing_standard.h", StandardLifecycle()) +
         Section("Loan applications (with the guarantee step)", "svc-loans/src/domain/application_flow.h",
                 ApplicationFlow(true)) +
         Section("Loan applications (without it: a small loan under 两免一补)",
                 "svc-loans/src/domain/application_flow.h", ApplicationFlow(false)) +
         Section("Interest-subsidy claims", "svc-loans/src/domain/subsidy_claim.h", SubsidyClaimFlow()) +
         Section("Loan write-offs", "svc-loans/src/domain/write_off.h", WriteOffFlow()) +
         Section("Compensation claims on the risk fund", "svc-loans/src/domain/compensation_claim.h", ClaimFlow()) +
         Section("Tickets (a complaint is never cancelled: COMPLAINT_NOT_CANCELLABLE)",
                 "svc-tickets/src/domain/ticket_flow.h", TicketFlow());
}

TEST(StateMachinesDoc, TheDocumentIsTheTablesOfTheCode) {
  const std::string path = std::string(HUINONG_SOURCE_DIR) + "/docs/state-machines.md";
  const std::string rendered = Rendered();
  if (const char* update = std::getenv("HUINONG_UPDATE_DOCS"); update && std::string(update) == "1") {
    std::ofstream(path) << rendered;
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), rendered) << "docs/state-machines.md is out of date; rerun with HUINONG_UPDATE_DOCS=1";
}

}  // namespace
}  // namespace huinong
