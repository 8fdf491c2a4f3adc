// See quota_writes.h.
#include "svc-org/src/app/quota_writes.h"

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/api/post_mapping.h"
#include "svc-org/src/api/quota_mapping.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/store/post_store.h"
#include "svc-org/src/store/quota_store.h"

namespace huinong::org {
absl::Status CheckNoQuotaOverlap(sql::Connection& conn, const Quota& q) {
  ASSIGN_OR_RETURN(std::string other, store::OverlappingQuota(conn, q.unit_id, q.post_id,
                                                              q.effective_from, q.effective_to, q.id));
  if (other.empty()) return absl::OkStatus();
  return rpc::AlreadyExists(
      "QUOTA_EXISTS", absl::StrCat(QuotaName(other), " already sets the ",
                                   q.post_id.empty() ? "unit's total" : "post's quota",
                                   " for these days"));
}

absl::StatusOr<v1::Quota> CreateQuotaIn(const WriteBy& by, Quota quota) {
  sql::Connection& conn = by.change.tx();
  ASSIGN_OR_RETURN(Unit unit, LockChangeableUnit(conn, by.scope, quota.unit_id));
  RETURN_IF_ERROR(CheckUnitOpen(unit));
  if (!quota.post_id.empty()) {
    ASSIGN_OR_RETURN(std::optional<Post> post, store::GetLatestPost(conn, quota.post_id));
    if (!post) return rpc::NotFound(PostName(quota.post_id));
    if (post->unit_id != unit.id) {
      return rpc::FailedPrecondition(
          "POST_NOT_IN_UNIT",
          absl::StrCat(PostName(post->id), " belongs to ", UnitName(post->unit_id)));
    }
  }
  quota.id = NewUlid();
  RETURN_IF_ERROR(CheckNoQuotaOverlap(conn, quota));
  quota.terms_from = quota.effective_from;
  quota.version = 1;
  quota.create_time = quota.update_time = by.change.now();
  RETURN_IF_ERROR(store::InsertQuota(conn, quota));
  v1::Quota out = ToProto(quota);
  RETURN_IF_ERROR(by.change.Record(server::AuditEntry("quota", out.name(), out.unit(), nullptr, &out).For("CreateQuota", by.request_id)));
  return out;
}

absl::StatusOr<v1::Quota> SetQuotaIn(const WriteBy& by, Quota quota,
                                     absl::CivilDay day) {
  sql::Connection& conn = by.change.tx();
  RETURN_IF_ERROR(LockChangeableUnit(conn, by.scope, quota.unit_id).status());
  ASSIGN_OR_RETURN(std::string open_id, store::OverlappingQuota(conn, quota.unit_id, quota.post_id,
                                                                day, day, ""));
  if (open_id.empty()) {
    quota.effective_from = day;
    return CreateQuotaIn(by, std::move(quota));
  }
  ASSIGN_OR_RETURN(std::optional<Quota> latest, store::GetLatestQuota(conn, open_id, true));
  if (!latest) return rpc::NotFound(QuotaName(open_id));
  if (day < latest->terms_from) {
    return rpc::FailedPrecondition(
        "EFFECTIVE_DATE_TOO_EARLY",
        absl::StrCat(QuotaName(open_id), " has a version from ", absl::FormatCivilTime(latest->terms_from)));
  }
  const v1::Quota before = ToProto(*latest);
  Quota next = *latest;
  next.terms = quota.terms;
  if (quota.effective_to) {
    if (*quota.effective_to < next.effective_from) {
      return rpc::InvalidField("quota.effective_to", "must not be before the quota's effective_from");
    }
    next.effective_to = quota.effective_to;
    RETURN_IF_ERROR(CheckNoQuotaOverlap(conn, next));
  }
  next.terms_from = day;
  next.version += 1;
  next.update_time = by.change.now();
  RETURN_IF_ERROR(store::SaveQuotaTerms(conn, next, *latest));
  RETURN_IF_ERROR(store::UpdateQuotaRow(conn, next));
  v1::Quota out = ToProto(next);
  RETURN_IF_ERROR(by.change.Record(server::AuditEntry("quota", out.name(), out.unit(), &before, &out).For("UpdateQuota", by.request_id)));
  return out;
}

}  // namespace huinong::org
