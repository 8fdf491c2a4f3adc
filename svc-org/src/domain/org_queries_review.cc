// See org_queries_review.h.
#include "svc-org/src/domain/org_queries_review.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace huinong::org {

std::vector<ConcurrencyFindingRow> FindConcurrency(
    const std::vector<Assignment>& assignments, const std::map<std::string, std::string>& codes,
    const std::map<std::string, const ConcurrencyPolicy*>& policy_of_post) {
  std::map<std::string, std::vector<const Assignment*>> by_staff;
  for (const auto& a : assignments) by_staff[a.staff_id].push_back(&a);
  auto policy_of = [&](const Assignment* a) -> const ConcurrencyPolicy* {
    auto it = policy_of_post.find(a->post_id);
    return it == policy_of_post.end() ? nullptr : it->second;
  };
  auto held = [&](const Assignment* a) {
    HeldPost h;
    h.assignment_id = a->id;
    h.post.id = a->post_id;
    if (auto c = codes.find(a->post_id); c != codes.end()) h.post.code = c->second;
    h.kind = a->kind;
    h.mitigated = a->mitigation.has_value();
    return h;
  };
  std::vector<ConcurrencyFindingRow> out;
  for (auto& [staff_id, list] : by_staff) {
    if (list.size() < 2) continue;
    std::sort(list.begin(), list.end(),
              [](const Assignment* x, const Assignment* y) { return x->id < y->id; });
    for (size_t i = 0; i < list.size(); ++i) {
      for (size_t j = i + 1; j < list.size(); ++j) {
        ConcurrencyFindingRow row;
        row.staff_id = staff_id;
        row.assignments = {list[i], list[j]};
        const ConcurrencyPolicy* p = policy_of(list[i]);
        if (p == nullptr || p != policy_of(list[j])) {
          row.kind = ConcurrencyFindingKind::kAllowed;
          row.policy = p == policy_of(list[j]) ? p : nullptr;
          out.push_back(std::move(row));
          continue;
        }
        row.policy = p;
        const HeldPost a = held(list[i]);
        const HeldPost b = held(list[j]);
        row.kind = static_cast<ConcurrencyFindingKind>(Classify(*p, a, b));
        if (const SegregationPair* pair = SegregationPairOf(*p, a.post, b.post)) {
          row.risk = pair->risk;
          if (list[i]->mitigation) {
            row.mitigation = &*list[i]->mitigation;
          } else if (list[j]->mitigation) {
            row.mitigation = &*list[j]->mitigation;
          }
        }
        out.push_back(std::move(row));
      }
    }
    // The limit counts 兼任 posts under one policy; ACTING is exempt.
    std::map<const ConcurrencyPolicy*, std::vector<const Assignment*>> under;
    for (const Assignment* a : list) {
      const ConcurrencyPolicy* p = policy_of(a);
      if (p != nullptr && a->kind != AssignmentKind::kActing) under[p].push_back(a);
    }
    for (const auto& [p, held_under] : under) {
      if (p->max_posts_per_person > 0 &&
          static_cast<int>(held_under.size()) > p->max_posts_per_person) {
        ConcurrencyFindingRow row;
        row.staff_id = staff_id;
        row.kind = ConcurrencyFindingKind::kOverLimit;
        row.assignments = held_under;
        row.policy = p;
        out.push_back(std::move(row));
      }
    }
  }
  return out;
}

std::string NormalizeDuty(const std::string& text) {
  std::vector<absl::string_view> words =
      absl::StrSplit(text, absl::ByAnyChar(" \t\r\n"), absl::SkipEmpty());
  return absl::StrJoin(words, " ");
}

std::vector<PostDesignFindingRow> ReviewPostDesign(const std::vector<Unit>& units,
                                                   const std::vector<Post>& posts) {
  std::map<std::string, std::vector<const Post*>> posts_of_unit;
  for (const auto& p : posts) posts_of_unit[p.unit_id].push_back(&p);
  std::vector<PostDesignFindingRow> out;
  auto finding = [&](PostDesignKind kind, const Post& p, std::string description) {
    PostDesignFindingRow f;
    f.kind = kind;
    f.unit_id = p.unit_id;
    f.post_id = p.id;
    f.description = std::move(description);
    out.push_back(std::move(f));
  };
  for (const auto& u : units) {
    auto& list = posts_of_unit[u.id];
    std::sort(list.begin(), list.end(), [](const Post* x, const Post* y) { return x->id < y->id; });
    if (list.empty()) continue;
    if (std::none_of(list.begin(), list.end(), [](const Post* p) { return p->terms.head; })) {
      PostDesignFindingRow f;
      f.kind = PostDesignKind::kUnitWithoutHead;
      f.unit_id = u.id;
      f.description = absl::StrCat(u.display_name, " has ", list.size(), " post(s) and no head post");
      out.push_back(std::move(f));
    }
    for (const Post* p : list) {
      const PostTerms& t = p->terms;
      if (t.duties.empty()) finding(PostDesignKind::kNoDuties, *p, t.title + " lists no duties");
      if (!t.head && t.superior_post_id.empty()) {
        finding(PostDesignKind::kNoSuperior, *p, t.title + " is not a head post and reports to no post");
      }
      if (t.workload_bp > 0 && t.workload_bp < kUnderloadedBelowBp) {
        finding(PostDesignKind::kUnderloaded, *p,
                absl::StrCat(t.title, " is estimated at ", t.workload_bp,
                             " bp of a full load: a candidate for merging"));
      }
      int shares = 0;
      for (const auto& d : t.duties) shares += d.time_share_bp;
      if (shares > 10000) {
        finding(PostDesignKind::kOvercommitted, *p,
                absl::StrCat(t.title, "'s duty time shares add up to ", shares, " bp"));
      }
      if (t.grade_rank <= 0) continue;
      std::set<std::string> own;
      for (const auto& d : t.duties) own.insert(NormalizeDuty(d.text));
      for (const Post* lower : list) {
        if (lower->terms.grade_rank <= 0 || lower->terms.grade_rank >= t.grade_rank) continue;
        std::vector<std::string> shared;
        for (const auto& d : lower->terms.duties) {
          const std::string n = NormalizeDuty(d.text);
          if (!n.empty() && own.count(n) != 0 &&
              std::find(shared.begin(), shared.end(), n) == shared.end()) {
            shared.push_back(n);
          }
        }
        if (shared.empty()) continue;
        PostDesignFindingRow f;
        f.kind = PostDesignKind::kDuplicatesLowerGrade;
        f.unit_id = p->unit_id;
        f.post_id = p->id;
        f.related_post_id = lower->id;
        f.overlapping_duties = shared;
        f.description = absl::StrCat(t.title, " (rank ", t.grade_rank, ") repeats ", shared.size(),
                                     " duty(ies) of ", lower->terms.title, " (rank ",
                                     lower->terms.grade_rank, ")");
        out.push_back(std::move(f));
      }
    }
  }
  return out;
}

}  // namespace huinong::org
