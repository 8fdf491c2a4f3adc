// See change_mapping.h.
#include "svc-org/src/api/change_mapping.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "svc-org/src/api/change_item_mapping.h"
#include "svc-org/src/api/request_checks.h"
#include "svc-org/src/api/unit_mapping.h"

namespace huinong::org {

std::string ChangeRequestName(const std::string& id) { return absl::StrCat("changeRequests/", id); }

const std::set<std::string>& ChangeRequestWritableFields() {
  static const auto* fields = new std::set<std::string>{"title", "reason", "items", "effective_date", "documents"};
  return *fields;
}

void ReadChangeRequestFields(const v1::ChangeRequest& in, const std::set<std::string>& paths, ChangeRequest& out,
                             rpc::Violations& v) {
  const std::string p = "change_request";
  if (paths.count("title")) {
    rpc::CheckText(in.title(), p + ".title", 1, 200, v);
    out.title = in.title();
  }
  if (paths.count("reason")) {
    rpc::CheckText(in.reason(), p + ".reason", 1, 4000, v);
    out.reason = in.reason();
  }
  if (paths.count("items")) ReadChangeItems(in.items(), p + ".items", out.items, v);
  if (paths.count("effective_date")) {
    out.effective_date = std::nullopt;
    if (in.has_effective_date()) out.effective_date = rpc::FromDate(in.effective_date(), p + ".effective_date", v);
  }
  if (paths.count("documents")) {
    out.documents.clear();
    for (int i = 0; i < in.documents_size(); ++i) {
      out.documents.push_back(ReadDocument(in.documents(i), absl::StrCat(p, ".documents[", i, "]"), v));
    }
  }
}

v1::ChangeRequest ToProto(const ChangeRequest& r) {
  v1::ChangeRequest p;
  p.set_name(ChangeRequestName(r.id));
  p.set_unit(UnitName(r.unit_id));
  p.set_title(r.title);
  p.set_reason(r.reason);
  for (const ChangeItem& item : r.items) *p.add_items() = ToProto(item);
  if (r.effective_date) *p.mutable_effective_date() = rpc::ToDate(*r.effective_date);
  for (const DocumentRef& d : r.documents) *p.add_documents() = ToProto(d);
  p.set_state(static_cast<v1::ChangeRequestState>(r.state));
  for (const ApprovalStep& s : r.steps) {
    v1::ApprovalStep* step = p.add_steps();
    step->set_title(s.title);
    step->set_required_capability(s.capability);
    step->set_at_unit(UnitName(s.at_unit_id));
    step->set_state(static_cast<v1::ApprovalStepState>(s.state));
    step->set_decided_by(s.decided_by);
    if (s.decide_time) *step->mutable_decide_time() = rpc::ToTimestamp(*s.decide_time);
    step->set_comment(s.comment);
    if (!s.document.empty()) *step->mutable_document() = ToProto(s.document);
  }
  p.set_current_step(r.current_step);
  p.set_drafted_by(r.drafted_by);
  if (r.submit_time) *p.mutable_submit_time() = rpc::ToTimestamp(*r.submit_time);
  *p.mutable_create_time() = rpc::ToTimestamp(r.create_time);
  *p.mutable_update_time() = rpc::ToTimestamp(r.update_time);
  p.set_etag(absl::StrCat(r.version));
  return p;
}

}  // namespace huinong::org
