// See sla_policies.h.
#include "svc-tickets/src/app/sla_policies.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/status_details.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/app/ticket_clocks.h"
#include "svc-tickets/src/store/policy_store.h"
#include "svc-tickets/src/store/ticket_store.h"

namespace huinong::tickets {
namespace {

constexpr int kTicketPage = 200;

std::string PolicyName(const std::string& id) { return rpc::FormatName("slaPolicies", id); }

absl::Status RequireAuthority(server::Mutation& m, OrgView& org, const std::string& unit) {
  if (m.caller().IsAdmin()) return absl::OkStatus();
  return org_directory::RequireCapability(org, m.caller(), kSupervisor, unit, m.today());
}

// Under the unit's lock, so two changes at one unit cannot both pass.
absl::Status RequireNoOverlap(sql::Connection& conn, const ConfiguredPolicy& p) {
  RETURN_IF_ERROR(store::LockPolicyUnit(conn, p.scope.unit));
  ASSIGN_OR_RETURN(const std::vector<ConfiguredPolicy> here, store::PoliciesAt(conn, {p.scope.unit}));
  for (const ConfiguredPolicy& other : here) {
    if (other.id != p.id && Ambiguous(other.scope, p.scope)) {
      return rpc::AlreadyExists("POLICY_OVERLAP",
                                absl::StrCat(other.rules.name, " at the same unit covers the same types and "
                                                               "priorities as specifically"));
    }
  }
  return absl::OkStatus();
}

TicketActivity RecomputedEntry(const server::Mutation& m, const Ticket& t, const ConfiguredPolicy& p) {
  TicketActivity a;
  a.ticket_id = t.id;
  a.kind = ActivityKind::kClocksRecomputed;
  const std::string staff = org_directory::StaffIdOf(m.caller());
  a.actor = staff.empty() ? m.caller().subject : staff;
  a.by_service = m.caller().IsService();
  a.time = m.now();
  a.note = absl::StrCat(p.rules.name, " revision ", p.rules.revision);
  a.source = p.rules.name;
  a.from_state = a.to_state = t.state;
  a.request_id = m.request_id();
  return a;
}

// The open tickets in the policy's subtree that used it or use it now:
// clocks computed again, a timeline entry each, no etag moved.
absl::Status RecomputeOpenClocks(server::Mutation& m, const TicketDesk& desk, const ConfiguredPolicy& p) {
  store::TicketQuery q;
  q.resolver_path_prefix = p.unit_path;
  q.open_only = true;
  q.limit = kTicketPage;
  for (;;) {
    ASSIGN_OR_RETURN(const std::vector<Ticket> page, store::ListTickets(m.tx(), q));
    for (const Ticket& listed : page) {
      ASSIGN_OR_RETURN(std::optional<Ticket> t, store::LockTicket(m.tx(), listed.id));
      if (!t || !IsOpen(t->state)) continue;
      ASSIGN_OR_RETURN(const SlaPolicy now, PolicyFor(m.tx(), *t));
      if (t->sla_policy != p.rules.name && now.name != p.rules.name) continue;
      RETURN_IF_ERROR(RefreshClocks(m.tx(), desk.org, *t, m.now(), desk.zone).status());
      TicketActivity entry = RecomputedEntry(m, *t, p);
      RETURN_IF_ERROR(store::AppendActivity(m.tx(), entry));
    }
    if (static_cast<int>(page.size()) < kTicketPage) return absl::OkStatus();
    q.after_id = page.back().id;
  }
}

void ApplyMasked(const std::set<std::string>& paths, const ConfiguredPolicy& in, ConfiguredPolicy& p) {
  const auto has = [&](const char* path) { return paths.count(path) > 0; };
  SlaPolicy& r = p.rules;
  const SlaPolicy& n = in.rules;
  if (has("display_name")) p.display_name = in.display_name;
  if (has("types")) p.scope.types = in.scope.types;
  if (has("priorities")) p.scope.priorities = in.scope.priorities;
  if (has("calendar")) r.all_day = n.all_day;
  if (has("first_response")) r.first_response = n.first_response;
  if (has("on_site")) r.on_site = n.on_site;
  if (has("manager_notification")) r.manager_notification = n.manager_notification;
  if (has("reply")) r.reply = n.reply;
  if (has("resolution")) r.resolution = n.resolution;
  if (has("complaint_closure")) r.complaint_closure = n.complaint_closure;
  if (has("callback")) r.callback = n.callback;
  if (has("follow_up_gap")) r.follow_up_gap = n.follow_up_gap;
  if (has("at_risk_bp")) r.at_risk_bp = n.at_risk_bp;
  if (has("callbacks_required")) r.callbacks_required = n.callbacks_required;
  if (has("max_callback_attempts")) r.max_callback_attempts = n.max_callback_attempts;
  if (has("reply_approval_required")) r.reply_approval_required = n.reply_approval_required;
  if (has("escalate_on_breach")) r.escalate_on_breach = n.escalate_on_breach;
}

}  // namespace

const std::set<std::string>& SlaPolicyUpdatablePaths() {
  static const auto* paths = new std::set<std::string>{
      "display_name", "types", "priorities", "calendar", "first_response", "on_site", "manager_notification",
      "reply", "resolution", "complaint_closure", "callback", "follow_up_gap", "at_risk_bp", "callbacks_required",
      "max_callback_attempts", "reply_approval_required", "escalate_on_breach"};
  return *paths;
}

absl::StatusOr<ConfiguredPolicy> CreateSlaPolicy(server::Mutation& m, const TicketDesk& desk, ConfiguredPolicy p) {
  absl::StatusOr<std::string> path = UnitPath(desk.org, p.scope.unit);
  if (absl::IsNotFound(path.status())) return rpc::NotFound(rpc::FormatName("units", p.scope.unit));
  if (!path.ok()) return path.status();
  RETURN_IF_ERROR(RequireAuthority(m, desk.org, p.scope.unit));
  p.id = NewUlid();
  p.unit_path = *path;
  p.rules.name = PolicyName(p.id);
  p.rules.revision = 1;
  p.create_time = p.update_time = m.now();
  RETURN_IF_ERROR(RequireNoOverlap(m.tx(), p));
  RETURN_IF_ERROR(store::InsertPolicy(m.tx(), p));
  RETURN_IF_ERROR(RecomputeOpenClocks(m, desk, p));
  return p;
}

absl::StatusOr<PolicyUpdate> UpdateSlaPolicy(server::Mutation& m, const TicketDesk& desk, const std::string& id,
                                             const std::string& etag, const std::set<std::string>& paths,
                                             const ConfiguredPolicy& incoming) {
  ASSIGN_OR_RETURN(const std::optional<ConfiguredPolicy> found, store::GetPolicy(m.tx(), id, 0, /*lock=*/true));
  if (!found) return rpc::NotFound(PolicyName(id));
  RETURN_IF_ERROR(RequireAuthority(m, desk.org, found->scope.unit));
  RETURN_IF_ERROR(rpc::CheckEtag(etag, found->rules.revision, PolicyName(id)));
  PolicyUpdate u{*found, *found};
  ApplyMasked(paths, incoming, u.after);
  u.after.rules.revision = found->rules.revision + 1;
  u.after.update_time = m.now();
  RETURN_IF_ERROR(RequireNoOverlap(m.tx(), u.after));
  RETURN_IF_ERROR(store::InsertRevision(m.tx(), u.after));
  RETURN_IF_ERROR(RecomputeOpenClocks(m, desk, u.after));
  return u;
}

absl::StatusOr<PolicyReadScope> SlaPolicyReadScope(OrgView& org, const auth::Principal& caller) {
  ASSIGN_OR_RETURN(const std::vector<std::string> below, ReadScope(org, caller));
  PolicyReadScope scope;
  scope.below = below;
  if (below.empty()) return scope;
  ASSIGN_OR_RETURN(const org_directory::UnitLineage lineage, org.Lineage(org_directory::CallerUnitId(caller)));
  for (const org_directory::UnitLink& link : lineage.chain) scope.on_chain.push_back(link.id);
  return scope;
}

absl::StatusOr<ConfiguredPolicy> ReadableSlaPolicy(OrgView& org, const auth::Principal& caller,
                                                   sql::Connection& conn, const std::string& id, int revision) {
  ASSIGN_OR_RETURN(const std::optional<ConfiguredPolicy> p, store::GetPolicy(conn, id, revision, false));
  if (!p) {
    return rpc::NotFound(revision > 0 ? absl::StrCat(PolicyName(id), " revision ", revision) : PolicyName(id));
  }
  ASSIGN_OR_RETURN(const PolicyReadScope scope, SlaPolicyReadScope(org, caller));
  if (scope.below.empty()) return *p;
  for (const std::string& path : scope.below) {
    if (absl::StartsWith(p->unit_path, path)) return *p;
  }
  for (const std::string& unit : scope.on_chain) {
    if (unit == p->scope.unit) return *p;
  }
  return rpc::PermissionDenied(absl::StrCat(caller.unit, " does not see ", PolicyName(id)));
}

}  // namespace huinong::tickets
