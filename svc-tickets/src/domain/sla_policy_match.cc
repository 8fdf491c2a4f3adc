// See sla_policy_match.h.
#include "svc-tickets/src/domain/sla_policy_match.h"

#include <algorithm>
#include <tuple>

namespace huinong::tickets {
namespace {

template <typename T>
bool Lists(const std::vector<T>& list, T value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

template <typename T>
bool Share(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.empty() != b.empty()) return false;
  if (a.empty()) return true;
  return std::any_of(a.begin(), a.end(), [&](T x) { return std::find(b.begin(), b.end(), x) != b.end(); });
}

}  // namespace

bool Covers(const PolicyScope& scope, TicketType type, Priority priority) {
  return Lists(scope.types, type) && Lists(scope.priorities, priority);
}

const ConfiguredPolicy* MatchPolicy(const std::vector<ConfiguredPolicy>& candidates,
                                    const std::vector<std::string>& unit_chain, TicketType type, Priority priority) {
  const ConfiguredPolicy* best = nullptr;
  // Higher is better; the id is compared the other way round below.
  std::tuple<long, bool, bool> best_rank;
  for (const ConfiguredPolicy& p : candidates) {
    const auto at = std::find(unit_chain.begin(), unit_chain.end(), p.scope.unit);
    if (at == unit_chain.end() || !Covers(p.scope, type, priority)) continue;
    const std::tuple<long, bool, bool> rank{at - unit_chain.begin(), !p.scope.types.empty(),
                                            !p.scope.priorities.empty()};
    if (best == nullptr || rank > best_rank || (rank == best_rank && p.id < best->id)) {
      best = &p;
      best_rank = rank;
    }
  }
  return best;
}

bool Ambiguous(const PolicyScope& a, const PolicyScope& b) {
  return a.unit == b.unit && Share(a.types, b.types) && Share(a.priorities, b.priorities);
}

}  // namespace huinong::tickets
