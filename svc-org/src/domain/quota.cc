// See quota.h.
#include "svc-org/src/domain/quota.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"

namespace huinong::org {

std::vector<std::pair<std::string, std::string>> NormalizeQuotaShape(QuotaTerms& t) {
  std::vector<std::pair<std::string, std::string>> out;
  if (t.min_headcount < 0 || t.min_headcount > 10000) {
    out.emplace_back("min_headcount", "must be 0–10000");
  }
  const int lowest_max = t.kind == QuotaKind::kFrozen ? 0 : 1;
  if (t.max_headcount < lowest_max || t.max_headcount > 10000) {
    out.emplace_back("max_headcount", absl::StrCat("must be ", lowest_max, "–10000"));
  }
  switch (t.kind) {
    case QuotaKind::kExact:
      if (t.min_headcount == 0) t.min_headcount = t.max_headcount;
      if (t.min_headcount != t.max_headcount) {
        out.emplace_back("min_headcount", "an EXACT quota has min_headcount equal to max_headcount");
      }
      break;
    case QuotaKind::kRange:
      if (t.min_headcount >= t.max_headcount) {
        out.emplace_back("min_headcount", "a RANGE quota has min_headcount below max_headcount");
      }
      break;
    case QuotaKind::kFrozen:
    case QuotaKind::kReservedVacancy:
      if (t.min_headcount != 0) {
        out.emplace_back("min_headcount", "must be 0 for FROZEN and RESERVED_VACANCY quotas");
      }
      break;
    case QuotaKind::kUnspecified:
      out.emplace_back("kind", "required");
      break;
  }
  return out;
}

absl::Status CheckSeatAvailable(const std::optional<QuotaTerms>& terms, int peak_filled) {
  if (!terms) return absl::OkStatus();
  if (terms->kind == QuotaKind::kFrozen) {
    return rpc::FailedPrecondition(
        "QUOTA_FROZEN", "the post's quota is frozen (set but not staffed for now)");
  }
  if (peak_filled + 1 > terms->max_headcount) {
    return rpc::FailedPrecondition(
        "QUOTA_EXCEEDED", absl::StrCat("the post's quota of ", terms->max_headcount,
                                       " is already filled (", peak_filled, " seat(s))"));
  }
  return absl::OkStatus();
}

QuotaReport BuildQuotaReport(const std::optional<Quota>& unit_total,
                             const std::vector<PostSeats>& posts, int headcount) {
  QuotaReport r;
  r.headcount = headcount;
  for (const auto& p : posts) {
    PostQuotaLine line;
    line.post_id = p.post_id;
    line.title = p.title;
    line.filled = p.filled;
    line.acting = p.acting;
    if (!p.quota) {
      r.posts_without_quota.push_back(p.post_id);
    } else {
      const QuotaTerms& t = p.quota->terms;
      line.quota_id = p.quota->id;
      line.kind = t.kind;
      line.range = {t.min_headcount, t.max_headcount};
      line.over_quota = std::max(0, p.filled - t.max_headcount);
      switch (t.kind) {
        case QuotaKind::kFrozen:
          r.frozen += t.max_headcount;
          break;
        case QuotaKind::kReservedVacancy:
          line.reserved = std::max(0, t.max_headcount - p.filled);
          r.posts_sum.min += t.min_headcount;
          r.posts_sum.max += t.max_headcount;
          break;
        default:
          line.vacancies = std::max(0, t.min_headcount - p.filled);
          r.posts_sum.min += t.min_headcount;
          r.posts_sum.max += t.max_headcount;
          break;
      }
    }
    r.lines.push_back(std::move(line));
  }
  if (unit_total) {
    r.unit_total = HeadcountRange{unit_total->terms.min_headcount, unit_total->terms.max_headcount};
    r.difference = HeadcountRange{r.unit_total->min - r.posts_sum.min,
                                  r.unit_total->max - r.posts_sum.max};
    r.balanced = r.difference->min == 0 && r.difference->max == 0;
  }
  return r;
}

}  // namespace huinong::org
