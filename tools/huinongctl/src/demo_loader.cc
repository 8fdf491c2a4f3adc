// `huinongctl demo load`: makes every object of DemoStructure() (units,
// posts, quotas, staff, assignments, the concurrency policy, the staffing
// standard, the approval chain, the county's work calendar) in dependency
// order, then the loans programme (demo_lending.h), its servicing history
// (demo_servicing.h) and the customer requests (demo_tickets.h) as the demo's people; the chain comes after the structure, as it may require change
// requests for structural writes in its subtree. Each
// request carries a fixed request id, so a rerun is answered from the server's
// request log and changes nothing; an object someone else already made
// (DUPLICATE_NAME, DUPLICATE_CODE, QUOTA_EXISTS, DUPLICATE_EMPLOYEE_NUMBER,
// ALREADY_HOLDS_POST, POLICY_EXISTS) is looked up and adopted, and a unit that
// already has an approval chain or a work calendar (CALENDAR_EXISTS) keeps it. An object counts as created when the
// server made it during this run (its create_time is not before the run began).
#include <iostream>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "common/rpc/proto_time.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/connection.h"
#include "tools/huinongctl/src/demo_ensure.h"
#include "tools/huinongctl/src/demo_lending.h"
#include "tools/huinongctl/src/demo_plan.h"
#include "tools/huinongctl/src/org_client.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/src/unit_format.h"

namespace huinong::ctl {

namespace v1 = ::huinong::org::v1;

namespace {

absl::Status Named(const absl::Status& status, const std::string& what) {
  return Rephrased(status, absl::StrCat(what, ": ", status.message()));
}

// Who holds each post (its first primary holder), for the loans demo's tokens.
DemoPeople People(const DemoPlan& plan, const std::map<int, v1::Unit>& units, const std::map<std::string, v1::Post>& posts,
                  const std::map<std::string, std::string>& staff) {
  DemoPeople people;
  for (const auto& [index, unit] : units) people.units[index] = unit.name();
  std::map<std::string, std::string> names;
  for (const DemoStaff& s : plan.staff) names[s.key] = s.display_name;
  for (const DemoAssignment& a : plan.assignments) {
    if (a.kind != v1::ASSIGNMENT_KIND_PRIMARY || people.holder_by_post.contains(a.post)) continue;
    people.holder_by_post[a.post] = {staff.at(a.staff), posts.at(a.post).unit(), names[a.staff]};
  }
  return people;
}

absl::StatusOr<DemoTally> Load(const Invocation& inv, const OrgClient& org, absl::Time start,
                               std::vector<v1::Unit>& units_out) {
  const DemoPlan& plan = DemoStructure();
  DemoLoad load{org, start};
  std::map<int, v1::Unit> units;
  for (const DemoUnit& demo : plan.units) {
    const std::string parent = demo.parent == 0 ? "" : units.at(demo.parent).name();
    absl::StatusOr<v1::Unit> unit = EnsureDemoUnit(org, demo, parent);
    if (!unit.ok()) return Named(unit.status(), demo.display_name);
    load.Count("units", unit->create_time());
    units[demo.index] = *unit;
    units_out.push_back(*std::move(unit));
  }
  std::map<std::string, v1::Post> posts;
  for (const DemoPost& demo : plan.posts) {
    const std::string superior = demo.superior.empty() ? "" : posts.at(demo.superior).name();
    absl::StatusOr<v1::Post> post = load.Post(demo, units.at(demo.unit).name(), superior);
    if (!post.ok()) return Named(post.status(), "post " + demo.key);
    RETURN_IF_ERROR(load.PostQuota(demo, *post));
    posts[demo.key] = *std::move(post);
  }
  for (const DemoUnitQuota& demo : plan.unit_quotas) {
    RETURN_IF_ERROR(load.UnitQuota(demo, units.at(demo.unit).name()));
  }
  std::map<std::string, std::string> staff;  // key -> staff/{id}
  for (const DemoStaff& demo : plan.staff) {
    absl::StatusOr<v1::Staff> made = load.Staff(demo);
    if (!made.ok()) return Named(made.status(), "staff " + demo.key);
    staff[demo.key] = made->name();
  }
  for (const DemoAssignment& demo : plan.assignments) {
    absl::Status s = load.Assignment(demo, staff, posts.at(demo.post).name());
    if (!s.ok()) return Named(s, "assignment " + demo.key);
  }
  for (const DemoPolicy& demo : plan.policies) {
    absl::Status s = load.Policy(demo, units.at(demo.unit).name());
    if (!s.ok()) return Named(s, "policy " + demo.key);
  }
  for (const DemoStandard& demo : plan.standards) {
    absl::Status s = load.Standard(demo);
    if (!s.ok()) return Named(s, "standard " + demo.key);
  }
  std::map<int, std::string> unit_names;
  for (const auto& [index, unit] : units) unit_names[index] = unit.name();
  for (const DemoChain& demo : plan.chains) {
    absl::Status s = load.Chain(demo, unit_names);
    if (!s.ok()) return Named(s, "approval chain " + demo.key);
  }
  for (const DemoCalendar& demo : plan.calendars) {
    absl::Status s = load.Calendar(demo, units.at(demo.unit).name());
    if (!s.ok()) return Named(s, "work calendar " + demo.key);
  }
  RETURN_IF_ERROR(LoadDemoLending(inv, People(plan, units, posts, staff), load, start));
  return load.tally();
}

void PrintJson(const DemoTally& tally, const std::vector<v1::Unit>& units, absl::Duration took) {
  nlohmann::ordered_json created = nlohmann::ordered_json::object();
  nlohmann::ordered_json total = nlohmann::ordered_json::object();
  for (const auto& [kind, counts] : tally) {
    created[kind] = counts.created;
    total[kind] = counts.total;
  }
  nlohmann::ordered_json out = {{"created", created},
                                {"total", total},
                                {"root", units.front().name()},
                                {"seconds", absl::ToDoubleSeconds(took)},
                                {"units", nlohmann::ordered_json::array()}};
  for (const v1::Unit& unit : units) out["units"].push_back(MessageValue(unit));
  std::cout << JsonLine(out) << "\n";
}

}  // namespace

absl::Status RunDemoLoad(const Invocation& inv) {
  // The secret the demo people's tokens are minted with (as `token` mints).
  RETURN_IF_ERROR(CheckUsage(inv, {"jwt_hs256_secret_file", "jwt_issuer", "jwt_audience"}, 0));
  ASSIGN_OR_RETURN(ConnectionOptions options, ConnectionOptionsFrom(inv.config));
  const Connection connection(std::move(options));
  const OrgClient org(connection);

  const absl::Time start = absl::Now();
  std::vector<v1::Unit> units;
  ASSIGN_OR_RETURN(const DemoTally tally, Load(inv, org, start, units));
  const absl::Duration took = absl::Now() - start;
  if (inv.json) {
    PrintJson(tally, units, took);
    return absl::OkStatus();
  }
  std::cout << UnitTree(units) << "\n" << DemoSummary(tally).Render();
  int created = 0, total = 0;
  for (const auto& [kind, counts] : tally) {
    created += counts.created;
    total += counts.total;
  }
  std::cout << absl::StrCat("demo data: ", created, " created, ", total - created, " already present, ", total,
                            " total; root ", units.front().display_name(), " (", units.front().name(), ")\n")
            << absl::StrFormat("loaded in %.2f s\n", absl::ToDoubleSeconds(took));
  return absl::OkStatus();
}

}  // namespace huinong::ctl
