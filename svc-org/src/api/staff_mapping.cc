// See staff_mapping.h.
#include "svc-org/src/api/staff_mapping.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/core/mask.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "svc-org/src/api/post_mapping.h"
#include "svc-org/src/api/request_checks.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/domain/post.h"

namespace huinong::org {
namespace {

bool PhoneChars(absl::string_view phone) {
  for (char c : phone) {
    if (!((c >= '0' && c <= '9') || c == '+' || c == '-' || c == ' ')) return false;
  }
  return true;
}

}  // namespace

std::string StaffName(const std::string& id) { return rpc::FormatName("staff", id); }
std::string AssignmentName(const std::string& id) { return rpc::FormatName("assignments", id); }

bool ValidStaffStatus(int status) { return status != 0 && v1::StaffStatus_IsValid(status); }
bool ValidAssignmentKind(int kind) { return kind != 0 && v1::AssignmentKind_IsValid(kind); }

v1::Staff ToProto(const Staff& s, bool clear_phone) {
  v1::Staff p;
  p.set_name(StaffName(s.id));
  p.set_display_name(s.display_name);
  p.set_employee_number(s.employee_number);
  p.set_phone(clear_phone ? s.phone : mask::Phone(s.phone));
  p.set_email(s.email);
  p.set_status(static_cast<v1::StaffStatus>(s.status));
  p.set_employer(s.employer);
  for (const auto& q : s.qualifications) {
    auto* h = p.add_qualifications();
    h->set_code(q.code);
    h->set_description(q.description);
    h->set_kind(static_cast<v1::QualificationKind>(q.kind));
    SetDate(q.obtained, h->mutable_obtained_date());
    SetDate(q.expiry, h->mutable_expiry_date());
    h->set_years(q.years);
    if (!q.evidence.empty()) *h->mutable_evidence() = ToProto(q.evidence);
  }
  *p.mutable_create_time() = rpc::ToTimestamp(s.create_time);
  *p.mutable_update_time() = rpc::ToTimestamp(s.update_time);
  p.set_etag(absl::StrCat(s.version));
  return p;
}

v1::Assignment ToProto(const Assignment& a, absl::CivilDay today) {
  v1::Assignment p;
  p.set_name(AssignmentName(a.id));
  p.set_staff(StaffName(a.staff_id));
  p.set_post(PostName(a.post_id));
  p.set_unit(UnitName(a.unit_id));
  p.set_kind(static_cast<v1::AssignmentKind>(a.kind));
  *p.mutable_effective_from() = rpc::ToDate(a.effective_from);
  SetDate(a.effective_to, p.mutable_effective_to());
  if (a.delegation) {
    auto* d = p.mutable_delegation();
    d->set_acting_for(StaffName(a.delegation->acting_for_id));
    d->set_delegated_by(StaffName(a.delegation->delegated_by_id));
    d->set_reason(a.delegation->reason);
    if (!a.delegation->document.empty()) *d->mutable_document() = ToProto(a.delegation->document);
    for (const auto& c : a.delegation->capabilities) d->add_capabilities(c);
  }
  if (a.secondment) {
    auto* s = p.mutable_secondment();
    s->set_from_organisation(a.secondment->from_organisation);
    s->set_home_post_title(a.secondment->home_post_title);
    if (!a.secondment->agreement.empty()) *s->mutable_agreement() = ToProto(a.secondment->agreement);
  }
  if (a.mitigation) {
    auto* m = p.mutable_mitigation();
    m->set_description(a.mitigation->description);
    m->set_checker(StaffName(a.mitigation->checker_id));
    if (!a.mitigation->document.empty()) *m->mutable_document() = ToProto(a.mitigation->document);
    SetDate(a.mitigation->review_date, m->mutable_review_date());
  }
  p.set_note(a.note);
  p.set_end_reason(a.end_reason);
  p.set_state(static_cast<v1::AssignmentState>(a.StateOn(today)));
  p.set_fills_seat(a.FillsSeat());
  *p.mutable_create_time() = rpc::ToTimestamp(a.create_time);
  *p.mutable_update_time() = rpc::ToTimestamp(a.update_time);
  p.set_etag(absl::StrCat(a.version));
  return p;
}

void ReadStaffFields(const v1::Staff& in, const std::string& prefix, Staff& out, rpc::Violations& v) {
  rpc::CheckText(in.display_name(), prefix + ".display_name", 1, 100, v);
  out.display_name = in.display_name();
  if (!in.employee_number().empty() && !ValidCode(absl::AsciiStrToLower(in.employee_number()))) {
    v.Add(prefix + ".employee_number", "1–64 of [A-Za-z0-9._-]");
  }
  out.employee_number = in.employee_number();
  if (in.phone().size() > 32 || !PhoneChars(in.phone())) {
    v.Add(prefix + ".phone", "up to 32 of digits, '+', '-' and spaces");
  }
  out.phone = in.phone();
  rpc::CheckText(in.email(), prefix + ".email", 0, 200, v);
  if (!in.email().empty() && in.email().find('@') == std::string::npos) {
    v.Add(prefix + ".email", "is not an e-mail address");
  }
  out.email = in.email();
  if (in.status() != 0 && !ValidStaffStatus(in.status())) {
    v.Add(prefix + ".status", absl::StrCat("unknown value ", in.status()));
  }
  out.status = in.status() == 0 ? StaffStatus::kActive : static_cast<StaffStatus>(in.status());
  rpc::CheckText(in.employer(), prefix + ".employer", 0, 200, v);
  out.employer = in.employer();
  if (in.qualifications_size() > 50) v.Add(prefix + ".qualifications", "at most 50");
  out.qualifications.clear();
  for (int i = 0; i < in.qualifications_size(); ++i) {
    const auto& q = in.qualifications(i);
    const std::string f = absl::StrCat(prefix, ".qualifications[", i, "]");
    if (!ValidCode(q.code())) v.Add(f + ".code", "required, 1–64 of [a-z0-9._-]");
    rpc::CheckText(q.description(), f + ".description", 0, 500, v);
    if (q.kind() == 0 || !v1::QualificationKind_IsValid(q.kind())) v.Add(f + ".kind", "required");
    if (q.years() < 0 || q.years() > 60) v.Add(f + ".years", "must be 0–60");
    HeldQualification h;
    h.code = q.code();
    h.description = q.description();
    h.kind = q.kind();
    h.obtained = rpc::FromDate(q.obtained_date(), f + ".obtained_date", v);
    h.expiry = rpc::FromDate(q.expiry_date(), f + ".expiry_date", v);
    h.years = q.years();
    h.evidence = ReadDocument(q.evidence(), f + ".evidence", v);
    out.qualifications.push_back(std::move(h));
  }
}

std::optional<Delegation> ReadDelegation(const v1::Assignment& in, const std::string& prefix,
                                         rpc::Violations& v) {
  if (!in.has_delegation()) return std::nullopt;
  const auto& d = in.delegation();
  const std::string f = prefix + ".delegation";
  Delegation out;
  out.acting_for_id = rpc::ParseName(d.acting_for(), "staff", f + ".acting_for", v);
  out.delegated_by_id = rpc::ParseName(d.delegated_by(), "staff", f + ".delegated_by", v);
  rpc::CheckText(d.reason(), f + ".reason", 1, 1000, v);
  out.reason = d.reason();
  out.document = ReadDocument(d.document(), f + ".document", v);
  for (int i = 0; i < d.capabilities_size(); ++i) {
    if (!ValidCapability(d.capabilities(i))) {
      v.Add(absl::StrCat(f, ".capabilities[", i, "]"), "3–64 of [a-z0-9._], dot-separated");
    }
    out.capabilities.push_back(d.capabilities(i));
  }
  return out;
}

std::optional<Secondment> ReadSecondment(const v1::Assignment& in, const std::string& prefix,
                                         rpc::Violations& v) {
  if (!in.has_secondment()) return std::nullopt;
  const auto& s = in.secondment();
  const std::string f = prefix + ".secondment";
  rpc::CheckText(s.from_organisation(), f + ".from_organisation", 1, 200, v);
  rpc::CheckText(s.home_post_title(), f + ".home_post_title", 0, 100, v);
  return Secondment{s.from_organisation(), s.home_post_title(),
                    ReadDocument(s.agreement(), f + ".agreement", v)};
}

std::optional<Mitigation> ReadMitigation(const v1::Assignment& in, const std::string& prefix,
                                         rpc::Violations& v) {
  if (!in.has_mitigation()) return std::nullopt;
  const auto& m = in.mitigation();
  const std::string f = prefix + ".mitigation";
  Mitigation out;
  rpc::CheckText(m.description(), f + ".description", 1, 1000, v);
  out.description = m.description();
  out.checker_id = rpc::ParseName(m.checker(), "staff", f + ".checker", v);
  out.document = ReadDocument(m.document(), f + ".document", v);
  out.review_date = rpc::FromDate(m.review_date(), f + ".review_date", v);
  return out;
}

void ReadAssignmentFields(const v1::Assignment& in, const std::string& prefix, Assignment& out,
                          rpc::Violations& v) {
  out.staff_id = rpc::ParseName(in.staff(), "staff", prefix + ".staff", v);
  out.post_id = rpc::ParseName(in.post(), "posts", prefix + ".post", v);
  if (in.kind() == 0) {
    v.Add(prefix + ".kind", "required");
  } else if (!ValidAssignmentKind(in.kind())) {
    v.Add(prefix + ".kind", absl::StrCat("unknown value ", in.kind()));
  }
  out.kind = static_cast<AssignmentKind>(in.kind());
  std::optional<absl::CivilDay> from = rpc::FromDate(in.effective_from(), prefix + ".effective_from", v);
  if (!in.has_effective_from()) v.Add(prefix + ".effective_from", "required");
  out.effective_from = from.value_or(absl::CivilDay(1970, 1, 1));
  out.effective_to = rpc::FromDate(in.effective_to(), prefix + ".effective_to", v);
  if (from && out.effective_to && *out.effective_to < *from) {
    v.Add(prefix + ".effective_to", "must not be before effective_from");
  }
  out.delegation = ReadDelegation(in, prefix, v);
  out.secondment = ReadSecondment(in, prefix, v);
  out.mitigation = ReadMitigation(in, prefix, v);
  rpc::CheckText(in.note(), prefix + ".note", 0, 1000, v);
  out.note = in.note();
  CheckAssignmentParts(out, prefix, v);
}

void CheckAssignmentParts(const Assignment& a, const std::string& prefix, rpc::Violations& v) {
  const bool acting = a.kind == AssignmentKind::kActing;
  if (acting && !a.delegation) v.Add(prefix + ".delegation", "required for ACTING");
  if (!acting && a.delegation) v.Add(prefix + ".delegation", "only an ACTING assignment has one");
  if (acting && a.delegation && !a.staff_id.empty() && a.delegation->acting_for_id == a.staff_id) {
    v.Add(prefix + ".delegation.acting_for", "a person cannot act for themselves");
  }
  const bool seconded = a.kind == AssignmentKind::kSeconded;
  if (seconded && !a.secondment) v.Add(prefix + ".secondment", "required for SECONDED");
  if (!seconded && a.secondment) v.Add(prefix + ".secondment", "only a SECONDED assignment has one");
  if (a.mitigation && !a.staff_id.empty() && a.mitigation->checker_id == a.staff_id) {
    v.Add(prefix + ".mitigation.checker", "the checker is never the assignee");
  }
}

}  // namespace huinong::org
