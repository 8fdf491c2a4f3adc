// See handover_mapping.h. The domain enums carry the proto values.
#include "svc-tickets/src/api/handover_mapping.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"

namespace huinong::tickets {
namespace {

std::vector<std::string> StaffList(const google::protobuf::RepeatedPtrField<std::string>& names,
                                   const std::string& field, rpc::Violations& v) {
  std::vector<std::string> out;
  for (int i = 0; i < names.size(); ++i) {
    out.push_back(rpc::ParseName(names[i], "staff", absl::StrCat(field, "[", i, "]"), v));
  }
  return out;
}

std::string Staff(const std::string& id) { return id.empty() ? "" : rpc::FormatName("staff", id); }

}  // namespace

Handover HandoverDraftFrom(const v1::Handover& in, rpc::Violations& v) {
  Handover h;
  h.unit_id = rpc::ParseName(in.unit(), "units", "handover.unit", v);
  if (in.kind() <= v1::HANDOVER_KIND_UNSPECIFIED || !v1::HandoverKind_IsValid(in.kind())) {
    v.Add("handover.kind", "required: SHIFT or LEAVE");
  }
  h.kind = static_cast<HandoverKind>(in.kind());
  rpc::CheckText(in.shift_label(), "handover.shift_label", 0, 100, v);
  h.shift_label = in.shift_label();
  h.outgoing = StaffList(in.outgoing_staff(), "handover.outgoing_staff", v);
  h.incoming = StaffList(in.incoming_staff(), "handover.incoming_staff", v);
  CheckSides(h.kind, h.outgoing, h.incoming, "handover", v);
  rpc::CheckText(in.notes(), "handover.notes", 0, 4000, v);
  h.notes = in.notes();
  for (int i = 0; i < in.items_size(); ++i) {
    const v1::HandoverItem& from = in.items(i);
    const std::string field = absl::StrCat("handover.items[", i, "]");
    HandoverItem item;
    item.ticket_id = rpc::ParseName(from.ticket(), "tickets", field + ".ticket", v);
    rpc::CheckText(from.note(), field + ".note", 0, 2000, v);
    item.note = from.note();
    item.to_staff = rpc::ParseOptionalName(from.to_staff(), "staff", field + ".to_staff", v);
    if (!item.to_staff.empty() && !IsIncoming(h, item.to_staff)) v.Add(field + ".to_staff", "not an incoming person");
    const bool repeated = std::any_of(h.items.begin(), h.items.end(),
                                      [&](const HandoverItem& earlier) { return earlier.ticket_id == item.ticket_id; });
    if (repeated) v.Add(field + ".ticket", "listed twice");
    h.items.push_back(std::move(item));
  }
  return h;
}

v1::Handover HandoverProto(const Handover& h) {
  v1::Handover out;
  out.set_name(rpc::FormatName("handovers", h.id));
  out.set_unit(rpc::FormatName("units", h.unit_id));
  out.set_kind(static_cast<v1::HandoverKind>(h.kind));
  out.set_shift_label(h.shift_label);
  for (const std::string& s : h.outgoing) out.add_outgoing_staff(Staff(s));
  for (const std::string& s : h.incoming) out.add_incoming_staff(Staff(s));
  for (const HandoverItem& item : h.items) {
    v1::HandoverItem* to = out.add_items();
    to->set_ticket(rpc::FormatName("tickets", item.ticket_id));
    to->set_state(static_cast<v1::TicketState>(item.state));
    to->set_priority(static_cast<v1::Priority>(item.priority));
    to->set_summary(item.summary);
    if (item.next_due_time) *to->mutable_next_due_time() = rpc::ToTimestamp(*item.next_due_time);
    to->set_note(item.note);
    to->set_to_staff(Staff(item.to_staff));
  }
  out.set_notes(h.notes);
  out.set_state(static_cast<v1::HandoverState>(h.state));
  out.set_created_by(Staff(h.created_by));
  *out.mutable_create_time() = rpc::ToTimestamp(h.create_time);
  out.set_acknowledged_by(Staff(h.acknowledged_by));
  if (h.acknowledge_time) *out.mutable_acknowledge_time() = rpc::ToTimestamp(*h.acknowledge_time);
  out.set_acknowledgement_note(h.acknowledgement_note);
  out.set_etag(rpc::Etag(h.version));
  return out;
}

absl::Status RecordHandover(server::Mutation& m, const Handover* before, const Handover& after) {
  const v1::Handover shown_after = HandoverProto(after);
  std::optional<v1::Handover> shown_before;
  if (before != nullptr) shown_before = HandoverProto(*before);
  return m.Record({"handover", shown_after.name(), rpc::FormatName("units", after.unit_id),
                   shown_before ? &*shown_before : nullptr, &shown_after});
}

}  // namespace huinong::tickets
