// Proto <-> domain audit types; see chain_mapping.h.
#include "common/audit_chain/chain_mapping.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"

namespace huinong::audit {

Event DomainEvent(const v1::Event& e) {
  Event out;
  out.event_id = e.event_id();
  out.time = rpc::FromTimestamp(e.time());
  out.service = e.service();
  out.actor_subject = e.actor().subject();
  out.actor_unit = e.actor().unit();
  out.actor_roles.assign(e.actor().roles().begin(), e.actor().roles().end());
  out.action = e.action();
  out.resource_type = e.resource_type();
  out.resource_id = e.resource_id();
  out.resource_unit = e.resource_unit();
  out.request_id = e.request_id();
  out.before_json = e.before_json();
  out.after_json = e.after_json();
  out.sequence = e.sequence();
  out.prev_hash = e.prev_hash();
  out.hash = e.hash();
  if (e.has_append_time()) out.append_time = rpc::FromTimestamp(e.append_time());
  return out;
}

v1::Event ProtoEvent(const Event& e) {
  v1::Event out;
  out.set_event_id(e.event_id);
  *out.mutable_time() = rpc::ToTimestamp(e.time);
  out.set_service(e.service);
  out.mutable_actor()->set_subject(e.actor_subject);
  out.mutable_actor()->set_unit(e.actor_unit);
  for (const std::string& role : e.actor_roles) out.mutable_actor()->add_roles(role);
  out.set_action(e.action);
  out.set_resource_type(e.resource_type);
  out.set_resource_id(e.resource_id);
  out.set_resource_unit(e.resource_unit);
  out.set_request_id(e.request_id);
  out.set_before_json(e.before_json);
  out.set_after_json(e.after_json);
  out.set_sequence(e.sequence);
  out.set_prev_hash(e.prev_hash);
  out.set_hash(e.hash);
  if (e.append_time != absl::Time()) *out.mutable_append_time() = rpc::ToTimestamp(e.append_time);
  return out;
}

Checkpoint DomainCheckpoint(const v1::Checkpoint& c) {
  Checkpoint out;
  out.sequence = c.sequence();
  out.head_hash = c.head_hash();
  out.time = rpc::FromTimestamp(c.time());
  out.key_id = c.key_id();
  out.signature = c.signature();
  return out;
}

v1::Checkpoint ProtoCheckpoint(const Checkpoint& c) {
  v1::Checkpoint out;
  out.set_name(absl::StrCat("checkpoints/", c.sequence));
  out.set_sequence(c.sequence);
  out.set_head_hash(c.head_hash);
  *out.mutable_time() = rpc::ToTimestamp(c.time);
  out.set_key_id(c.key_id);
  out.set_signature(c.signature);
  return out;
}

ChainProblem DomainProblem(v1::ChainProblem problem) {
  return static_cast<ChainProblem>(static_cast<int>(problem));
}

v1::ChainProblem ProtoProblem(ChainProblem problem) {
  return static_cast<v1::ChainProblem>(static_cast<int>(problem));
}

}  // namespace huinong::audit
