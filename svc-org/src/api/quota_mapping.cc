// See quota_mapping.h.
#include "svc-org/src/api/quota_mapping.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "svc-org/src/api/post_mapping.h"
#include "svc-org/src/api/request_checks.h"
#include "svc-org/src/api/unit_mapping.h"

namespace huinong::org {
namespace {

v1::HeadcountRange Range(const HeadcountRange& r) {
  v1::HeadcountRange p;
  p.set_min(r.min);
  p.set_max(r.max);
  return p;
}

}  // namespace

std::string QuotaName(const std::string& id) { return rpc::FormatName("quotas", id); }

bool ValidQuotaKind(int kind) { return kind != 0 && v1::QuotaKind_IsValid(kind); }

v1::Quota ToProto(const Quota& q) {
  v1::Quota p;
  p.set_name(QuotaName(q.id));
  p.set_unit(UnitName(q.unit_id));
  if (!q.post_id.empty()) p.set_post(PostName(q.post_id));
  p.set_kind(static_cast<v1::QuotaKind>(q.terms.kind));
  p.set_min_headcount(q.terms.min_headcount);
  p.set_max_headcount(q.terms.max_headcount);
  p.set_approved_by(q.terms.approved_by);
  *p.mutable_approval_date() = rpc::ToDate(q.terms.approval_date);
  if (!q.terms.document.empty()) *p.mutable_approval_document() = ToProto(q.terms.document);
  p.set_note(q.terms.note);
  *p.mutable_effective_from() = rpc::ToDate(q.effective_from);
  SetDate(q.effective_to, p.mutable_effective_to());
  *p.mutable_create_time() = rpc::ToTimestamp(q.create_time);
  *p.mutable_update_time() = rpc::ToTimestamp(q.update_time);
  p.set_etag(absl::StrCat(q.version));
  return p;
}

v1::QuotaReport ToProto(const QuotaReport& r) {
  v1::QuotaReport p;
  if (r.unit_total) *p.mutable_unit_total() = Range(*r.unit_total);
  *p.mutable_posts_sum() = Range(r.posts_sum);
  p.set_frozen(r.frozen);
  if (r.difference) *p.mutable_difference() = Range(*r.difference);
  p.set_balanced(r.balanced);
  p.set_headcount(r.headcount);
  for (const auto& l : r.lines) {
    auto* line = p.add_posts();
    line->set_post(PostName(l.post_id));
    line->set_post_title(l.title);
    if (!l.quota_id.empty()) {
      line->set_quota(QuotaName(l.quota_id));
      line->set_kind(static_cast<v1::QuotaKind>(l.kind));
      *line->mutable_quota_range() = Range(l.range);
    }
    line->set_filled(l.filled);
    line->set_acting(l.acting);
    line->set_vacancies(l.vacancies);
    line->set_reserved(l.reserved);
    line->set_over_quota(l.over_quota);
  }
  for (const auto& id : r.posts_without_quota) p.add_posts_without_quota(PostName(id));
  return p;
}

void ReadQuotaTerms(const v1::Quota& in, const std::string& prefix, QuotaTerms& out,
                    rpc::Violations& v) {
  if (in.kind() != 0 && !ValidQuotaKind(in.kind())) {
    v.Add(prefix + ".kind", absl::StrCat("unknown value ", in.kind()));
  }
  out.kind = static_cast<QuotaKind>(ValidQuotaKind(in.kind()) ? in.kind() : 0);
  out.min_headcount = in.min_headcount();
  out.max_headcount = in.max_headcount();
  if (ValidQuotaKind(in.kind()) || in.kind() == 0) {
    for (const auto& [field, problem] : NormalizeQuotaShape(out)) {
      v.Add(absl::StrCat(prefix, ".", field), problem);
    }
  }
  rpc::CheckText(in.approved_by(), prefix + ".approved_by", 1, 200, v);
  out.approved_by = in.approved_by();
  std::optional<absl::CivilDay> approved = rpc::FromDate(in.approval_date(), prefix + ".approval_date", v);
  if (!in.has_approval_date()) v.Add(prefix + ".approval_date", "required");
  out.approval_date = approved.value_or(absl::CivilDay(1970, 1, 1));
  out.document = ReadDocument(in.approval_document(), prefix + ".approval_document", v);
  rpc::CheckText(in.note(), prefix + ".note", 0, 1000, v);
  out.note = in.note();
}

}  // namespace huinong::org
