// See capability.h.
#include "svc-org/src/domain/capability.h"

#include <algorithm>
#include <tuple>

namespace huinong::org {
namespace {

bool Lists(const std::vector<std::string>& list, absl::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool DelegationAllows(const GrantSource& s, absl::string_view capability) {
  return s.kind != AssignmentKind::kActing || s.delegated.empty() || Lists(s.delegated, capability);
}

// The judgement over the sources `use` accepts.
template <class Use>
CapabilityAnswer Judge(const StaffGrants& grants, absl::string_view capability,
                       absl::string_view unit_path, absl::CivilDay day, Use use) {
  CapabilityAnswer best;
  bool out_of_scope = false;
  bool not_effective = false;
  for (const auto& s : grants.sources) {
    if (!use(s)) continue;
    if (!GrantsOn(s, capability, day)) {
      if (GrantsEver(s, capability)) not_effective = true;
      continue;
    }
    const int distance = DistanceUp(unit_path, s.post_unit_path);
    if (distance < 0) {
      out_of_scope = true;
      continue;
    }
    const bool better =
        !best.allowed ||
        std::make_tuple(distance, KindRank(s.kind), s.assignment_id) <
            std::make_tuple(best.distance, KindRank(best.via->kind), best.via->assignment_id);
    if (better) {
      const GrantTerms* terms = TermsOn(s, day);
      best.allowed = true;
      best.denial = CapabilityDenial::kNone;
      best.via = &s;
      best.distance = distance;
      best.head = terms->head;
      best.deputy = terms->deputy;
    }
  }
  if (!best.allowed) {
    best.denial = out_of_scope    ? CapabilityDenial::kOutOfScope
                  : not_effective ? CapabilityDenial::kNotEffective
                                  : CapabilityDenial::kNotGranted;
  }
  return best;
}

}  // namespace

const GrantTerms* TermsOn(const GrantSource& source, absl::CivilDay day) {
  if (day < source.post_from || (source.post_to && day > *source.post_to)) return nullptr;
  for (const auto& t : source.terms) {
    if (t.from <= day && (!t.until || day < *t.until)) return &t;
  }
  return nullptr;
}

bool GrantsOn(const GrantSource& source, absl::string_view capability, absl::CivilDay day) {
  if (day < source.from || (source.to && day > *source.to)) return false;
  const GrantTerms* terms = TermsOn(source, day);
  if (terms == nullptr || terms->status != PostStatus::kActive) return false;
  return Lists(terms->capabilities, capability) && DelegationAllows(source, capability);
}

bool GrantsEver(const GrantSource& source, absl::string_view capability) {
  if (!DelegationAllows(source, capability)) return false;
  for (const auto& t : source.terms) {
    if (Lists(t.capabilities, capability)) return true;
  }
  return false;
}

int DistanceUp(absl::string_view unit_path, absl::string_view ancestor_path) {
  if (!InSubtree(unit_path, ancestor_path)) return -1;
  // Every id on a path is followed by one '/'.
  return static_cast<int>(std::count(unit_path.begin(), unit_path.end(), '/') -
                          std::count(ancestor_path.begin(), ancestor_path.end(), '/'));
}

int KindRank(AssignmentKind kind) {
  switch (kind) {
    case AssignmentKind::kPrimary: return 0;
    case AssignmentKind::kConcurrent:
    case AssignmentKind::kSeconded: return 1;
    case AssignmentKind::kActing: return 2;
    case AssignmentKind::kUnspecified: break;
  }
  return 3;
}

CapabilityAnswer CheckCapability(const StaffGrants& grants, absl::string_view capability,
                                 absl::string_view unit_path, absl::CivilDay day) {
  auto all = [](const GrantSource&) { return true; };
  switch (grants.status) {
    case StaffStatus::kLeft: {
      CapabilityAnswer no;
      no.denial = CapabilityDenial::kStaffNotActive;
      return no;
    }
    case StaffStatus::kOnLeave: {
      CapabilityAnswer acting =
          Judge(grants, capability, unit_path, day,
                [](const GrantSource& s) { return s.kind == AssignmentKind::kActing; });
      if (acting.allowed) return acting;
      CapabilityAnswer any = Judge(grants, capability, unit_path, day, all);
      if (!any.allowed) return any;
      CapabilityAnswer no;
      no.denial = CapabilityDenial::kStaffNotActive;
      return no;
    }
    default:
      return Judge(grants, capability, unit_path, day, all);
  }
}

}  // namespace huinong::org
