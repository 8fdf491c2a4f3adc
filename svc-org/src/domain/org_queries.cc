// See org_queries.h.
#include "svc-org/src/domain/org_queries.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "absl/strings/str_cat.h"

namespace huinong::org {

bool UnitStoodOn(const Unit& unit, absl::CivilDay day) {
  if (unit.effective_from && day < *unit.effective_from) return false;
  if (unit.effective_to) return day <= *unit.effective_to;
  return unit.status != UnitStatus::kAbolished;
}

namespace {

void Add(VacancyCounts& into, const VacancyCounts& from) {
  into.quota.min += from.quota.min;
  into.quota.max += from.quota.max;
  into.frozen += from.frozen;
  into.reserved += from.reserved;
  into.filled_seats += from.filled_seats;
  into.vacancies += from.vacancies;
  into.over_quota += from.over_quota;
  into.posts_without_quota += from.posts_without_quota;
}

}  // namespace

std::vector<UnitVacancies> BuildVacancyReport(const std::vector<Unit>& units,
                                              const std::vector<Post>& posts,
                                              const std::vector<Quota>& quotas,
                                              const std::vector<Assignment>& assignments) {
  std::map<std::string, std::vector<PostSeats>> seats_by_unit;
  std::map<std::string, std::pair<std::string, size_t>> seat_of_post;  // post -> (unit, index)
  std::map<std::string, const Quota*> quota_of_post;
  std::map<std::string, const Quota*> total_of_unit;
  for (const auto& q : quotas) {
    if (q.post_id.empty()) {
      total_of_unit[q.unit_id] = &q;
    } else {
      quota_of_post[q.post_id] = &q;
    }
  }
  for (const auto& p : posts) {
    PostSeats s;
    s.post_id = p.id;
    s.title = p.terms.title;
    auto q = quota_of_post.find(p.id);
    if (q != quota_of_post.end()) s.quota = *q->second;
    auto& list = seats_by_unit[p.unit_id];
    seat_of_post[p.id] = {p.unit_id, list.size()};
    list.push_back(std::move(s));
  }
  std::map<std::string, std::set<std::string>> people_of_unit;
  for (const auto& a : assignments) {
    auto it = seat_of_post.find(a.post_id);
    if (it == seat_of_post.end()) continue;
    PostSeats& s = seats_by_unit[it->second.first][it->second.second];
    if (a.FillsSeat()) {
      ++s.filled;
      people_of_unit[it->second.first].insert(a.staff_id);
    } else {
      ++s.acting;
    }
  }

  std::vector<UnitVacancies> rows;
  rows.reserve(units.size());
  for (const auto& u : units) {
    std::optional<Quota> total;
    if (auto t = total_of_unit.find(u.id); t != total_of_unit.end()) total = *t->second;
    const std::set<std::string>& people = people_of_unit[u.id];
    QuotaReport r = BuildQuotaReport(total, seats_by_unit[u.id], static_cast<int>(people.size()));
    UnitVacancies row;
    row.unit_id = u.id;
    row.own.quota = r.unit_total.value_or(r.posts_sum);
    row.own.frozen = r.frozen;
    row.own.headcount = r.headcount;
    row.own.posts_without_quota = static_cast<int>(r.posts_without_quota.size());
    for (const auto& line : r.lines) {
      row.own.filled_seats += line.filled;
      row.own.vacancies += line.vacancies;
      row.own.reserved += line.reserved;
      row.own.over_quota += line.over_quota;
    }
    rows.push_back(std::move(row));
  }
  // Subtrees: a unit's subtree is every later unit whose path starts with its
  // own (path order); distinct people are counted over the whole subtree.
  for (size_t i = 0; i < units.size(); ++i) {
    std::set<std::string> people;
    for (size_t j = i; j < units.size(); ++j) {
      if (j > i && !InSubtree(units[j].path, units[i].path)) break;
      Add(rows[i].subtree, rows[j].own);
      const auto& own_people = people_of_unit[units[j].id];
      people.insert(own_people.begin(), own_people.end());
    }
    rows[i].subtree.headcount = static_cast<int>(people.size());
  }
  return rows;
}

std::vector<ActingHeadRow> FindActingHeads(const std::vector<Unit>& units,
                                           const std::vector<Post>& posts,
                                           const std::vector<Assignment>& assignments,
                                           bool include_deputies) {
  std::map<std::string, std::string> path_of_unit;
  for (const auto& u : units) path_of_unit[u.id] = u.path;
  std::map<std::string, const Post*> heads;
  for (const auto& p : posts) {
    if (p.terms.head || (include_deputies && p.terms.deputy)) heads[p.id] = &p;
  }
  std::vector<std::tuple<std::string, std::string, std::string, ActingHeadRow>> found;
  for (const auto& a : assignments) {
    if (a.kind != AssignmentKind::kActing) continue;
    auto h = heads.find(a.post_id);
    if (h == heads.end()) continue;
    auto path = path_of_unit.find(h->second->unit_id);
    if (path == path_of_unit.end()) continue;
    found.emplace_back(path->second, a.post_id, a.id, ActingHeadRow{h->second, &a});
  }
  std::sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
    return std::tie(std::get<0>(x), std::get<1>(x), std::get<2>(x)) <
           std::tie(std::get<0>(y), std::get<1>(y), std::get<2>(y));
  });
  std::vector<ActingHeadRow> out;
  out.reserve(found.size());
  for (auto& f : found) out.push_back(std::get<3>(f));
  return out;
}

namespace {

CoverageGap Gap(CoverageGapKind kind, const Unit& u, std::string description) {
  CoverageGap g;
  g.kind = kind;
  g.unit_id = u.id;
  g.level = u.level;
  g.division_code = u.code;
  g.description = std::move(description);
  g.depth = u.depth;
  return g;
}

void CheckCodes(const std::vector<const Unit*>& of_level, Level level, int usual_depth,
                const std::vector<std::string>& expected, std::vector<CoverageGap>& gaps) {
  std::map<std::string, std::vector<const Unit*>> by_code;
  for (const Unit* u : of_level) {
    if (!u->code.empty()) by_code[u->code].push_back(u);
  }
  for (const auto& [code, list] : by_code) {
    if (list.size() < 2) continue;
    for (const Unit* u : list) {
      gaps.push_back(Gap(CoverageGapKind::kDuplicateUnit, *u,
                         absl::StrCat(list.size(), " ", LevelName(level), " units share code ", code)));
    }
  }
  for (const auto& code : std::set<std::string>(expected.begin(), expected.end())) {
    if (by_code.count(code) != 0) continue;
    CoverageGap g;
    g.kind = CoverageGapKind::kMissingUnit;
    g.level = level;
    g.division_code = code;
    g.depth = usual_depth;
    g.description = absl::StrCat("no ", LevelName(level), " unit has division code ", code);
    gaps.push_back(std::move(g));
  }
}

}  // namespace

CoverageReport FindCoverageGaps(const std::vector<Unit>& units, const std::vector<Post>& posts,
                                const std::vector<Assignment>& assignments,
                                const std::vector<std::string>& expected_township_codes,
                                const std::vector<std::string>& expected_village_codes) {
  CoverageReport report;
  std::set<std::string> staffed_units;
  std::set<std::string> held_posts;
  for (const auto& a : assignments) {
    staffed_units.insert(a.unit_id);
    held_posts.insert(a.post_id);
  }
  std::map<std::string, std::vector<const Post*>> heads_of_unit;
  for (const auto& p : posts) {
    if (p.terms.head) heads_of_unit[p.unit_id].push_back(&p);
  }
  std::vector<const Unit*> townships, villages;
  int county_depth = units.empty() ? 0 : units.front().depth;
  for (const auto& u : units) {
    if (u.level == Level::kTownship) townships.push_back(&u);
    if (u.level == Level::kVillage) villages.push_back(&u);
  }
  for (const auto* list : {&townships, &villages}) {
    for (const Unit* u : *list) {
      if (u->status != UnitStatus::kActive) {
        report.gaps.push_back(Gap(CoverageGapKind::kUnitNotActive, *u,
                                  absl::StrCat(u->display_name, " is ", StatusName(u->status))));
      }
      if (staffed_units.count(u->id) == 0) {
        report.gaps.push_back(Gap(CoverageGapKind::kUnstaffed, *u,
                                  absl::StrCat(u->display_name, " has no effective assignment")));
      } else {
        bool headed = false;
        for (const Post* p : heads_of_unit[u->id]) headed = headed || held_posts.count(p->id) != 0;
        if (!headed) {
          report.gaps.push_back(Gap(CoverageGapKind::kNoHead, *u,
                                    heads_of_unit[u->id].empty()
                                        ? absl::StrCat(u->display_name, " has no head post")
                                        : absl::StrCat(u->display_name, "'s head post is not held")));
        }
      }
    }
  }
  for (const Unit* t : townships) {
    const bool has_village = std::any_of(villages.begin(), villages.end(), [&](const Unit* v) {
      return InSubtree(v->path, t->path);
    });
    if (!has_village) {
      report.gaps.push_back(Gap(CoverageGapKind::kTownshipWithoutVillages, *t,
                                absl::StrCat(t->display_name, " has no village station")));
    }
  }
  CheckCodes(townships, Level::kTownship, county_depth + 1, expected_township_codes, report.gaps);
  CheckCodes(villages, Level::kVillage, county_depth + 2, expected_village_codes, report.gaps);
  std::stable_sort(report.gaps.begin(), report.gaps.end(),
                   [](const CoverageGap& x, const CoverageGap& y) {
                     return std::tie(x.depth, x.unit_id, x.kind) < std::tie(y.depth, y.unit_id, y.kind);
                   });
  report.townships_checked = static_cast<int>(townships.size());
  report.villages_checked = static_cast<int>(villages.size());
  return report;
}

}  // namespace huinong::org
