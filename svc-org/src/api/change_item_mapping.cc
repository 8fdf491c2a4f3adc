// See change_item_mapping.h.
#include "svc-org/src/api/change_item_mapping.h"

#include <set>

#include <google/protobuf/util/field_mask_util.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "svc-org/src/api/post_mapping.h"
#include "svc-org/src/api/quota_mapping.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/app/post_writes.h"
#include "svc-org/src/app/unit_writes.h"

namespace huinong::org {
namespace {

using Refs = std::set<std::string>;  // refs defined by earlier items

constexpr char kNew[] = "new/";

bool ValidRef(const std::string& ref) {
  if (ref.empty() || ref.size() > 32) return false;
  for (char c : ref) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// A "collection/{id}" or, when `new_allowed`, a "new/{ref}" defined earlier.
ItemRef ReadRef(const std::string& value, const char* collection, const std::string& field, bool new_allowed,
                const Refs& refs, rpc::Violations& v) {
  if (new_allowed && absl::StartsWith(value, kNew)) {
    const std::string ref = value.substr(4);
    if (!refs.count(ref)) v.Add(field, absl::StrCat("\"", value, "\" is not defined by an earlier item"));
    return {"", ref};
  }
  return {rpc::ParseName(value, collection, field, v), ""};
}

void DefineRef(const std::string& ref, const std::string& field, Refs& refs, rpc::Violations& v) {
  if (ref.empty()) return;
  if (!ValidRef(ref)) {
    v.Add(field, "1–32 of [a-z0-9-]");
  } else if (refs.count(ref)) {
    v.Add(field, absl::StrCat("\"", ref, "\" is already defined by an earlier item"));
  } else {
    refs.insert(ref);
  }
}

// Violations of a nested reader name fields from its own prefix ("unit.x");
// this renames them under the item's path.
void Reprefix(const rpc::Violations& inner, const std::string& from, const std::string& to,
              rpc::Violations& v) {
  for (const auto& fv : inner.list()) {
    std::string field = fv.field;
    if (absl::StartsWith(field, from)) field = to + field.substr(from.size());
    v.Add(field, fv.description);
  }
}

ChangeKind KindOf(const v1::ChangeItem& item) {
  switch (item.change_case()) {
    case v1::ChangeItem::kCreateUnit: return ChangeKind::kCreateUnit;
    case v1::ChangeItem::kUpdateUnit: return ChangeKind::kUpdateUnit;
    case v1::ChangeItem::kMergeUnits: return ChangeKind::kMergeUnits;
    case v1::ChangeItem::kSplitUnit: return ChangeKind::kSplitUnit;
    case v1::ChangeItem::kAbolishUnit: return ChangeKind::kAbolishUnit;
    case v1::ChangeItem::kMoveUnit: return ChangeKind::kMoveUnit;
    case v1::ChangeItem::kCreatePost: return ChangeKind::kCreatePost;
    case v1::ChangeItem::kUpdatePost: return ChangeKind::kUpdatePost;
    case v1::ChangeItem::kAbolishPost: return ChangeKind::kAbolishPost;
    case v1::ChangeItem::kSetQuota: return ChangeKind::kSetQuota;
    case v1::ChangeItem::kMoveReportingLine: return ChangeKind::kMoveReportingLine;
    case v1::ChangeItem::CHANGE_NOT_SET: break;
  }
  return ChangeKind::kUnspecified;
}

ChangeItem ReadItem(const v1::ChangeItem& in, const std::string& at, Refs& refs, rpc::Violations& v) {
  ChangeItem item;
  item.kind = KindOf(in);
  switch (in.change_case()) {
    case v1::ChangeItem::kCreateUnit: {
      const auto& c = in.create_unit();
      const std::string f = at + ".create_unit";
      if (!c.has_unit()) v.Add(f + ".unit", "required");
      rpc::Violations inner;
      ReadUnitFields(c.unit(), "unit", item.unit, inner);
      if (!ValidInitialStatus(item.unit.status)) inner.Add("unit.status", "a new unit is PLANNED or ACTIVE");
      Reprefix(inner, "unit", f + ".unit", v);
      if (c.unit().parent().empty()) {
        v.Add(f + ".unit.parent", "required: a change request creates units inside its organisation");
      } else {
        item.target = ReadRef(c.unit().parent(), "units", f + ".unit.parent", true, refs, v);
      }
      DefineRef(c.ref(), f + ".ref", refs, v);
      item.ref = c.ref();
      break;
    }
    case v1::ChangeItem::kUpdateUnit: {
      const auto& c = in.update_unit();
      const std::string f = at + ".update_unit";
      item.subject.id = rpc::ParseName(c.unit().name(), "units", f + ".unit.name", v);
      item.paths = rpc::MaskPaths(c.update_mask(), UnitUpdatableFields(), v, f + ".update_mask");
      rpc::Violations inner;
      ApplyUnitMask(c.unit(), c.update_mask(), item.unit, inner);  // the new values alone
      Reprefix(inner, "unit", f + ".unit", v);
      break;
    }
    case v1::ChangeItem::kAbolishUnit:
      item.subject.id = rpc::ParseName(in.abolish_unit().unit(), "units", at + ".abolish_unit.unit", v);
      break;
    case v1::ChangeItem::kMoveUnit:
      item.subject.id = rpc::ParseName(in.move_unit().unit(), "units", at + ".move_unit.unit", v);
      item.target = ReadRef(in.move_unit().new_parent(), "units", at + ".move_unit.new_parent", true, refs, v);
      break;
    case v1::ChangeItem::kCreatePost: {
      const auto& c = in.create_post();
      const std::string f = at + ".create_post";
      if (!c.has_post()) v.Add(f + ".post", "required");
      rpc::Violations inner;
      ReadPostTerms(c.post(), "post", "", item.post, inner);
      Reprefix(inner, "post", f + ".post", v);
      item.target = ReadRef(c.post().unit(), "units", f + ".post.unit", true, refs, v);
      DefineRef(c.ref(), f + ".ref", refs, v);
      item.ref = c.ref();
      break;
    }
    case v1::ChangeItem::kUpdatePost: {
      const auto& c = in.update_post();
      const std::string f = at + ".update_post";
      item.subject.id = rpc::ParseName(c.post().name(), "posts", f + ".post.name", v);
      item.paths = rpc::MaskPaths(c.update_mask(), PostUpdatableFields(), v, f + ".update_mask");
      rpc::Violations all, kept;
      ReadPostTerms(c.post(), "post", item.subject.id, item.post, all);
      rpc::KeepMasked(all, "post", item.paths, kept);
      Reprefix(kept, "post", f + ".post", v);
      break;
    }
    case v1::ChangeItem::kAbolishPost:
      item.subject.id = rpc::ParseName(in.abolish_post().post(), "posts", at + ".abolish_post.post", v);
      break;
    case v1::ChangeItem::kSetQuota: {
      const auto& q = in.set_quota().quota();
      const std::string f = at + ".set_quota.quota";
      if (!in.set_quota().has_quota()) v.Add(f, "required");
      item.target = ReadRef(q.unit(), "units", f + ".unit", true, refs, v);
      if (!q.post().empty()) item.target_post = ReadRef(q.post(), "posts", f + ".post", true, refs, v);
      rpc::Violations inner;
      ReadQuotaTerms(q, "quota", item.quota, inner);
      item.quota_effective_to = rpc::FromDate(q.effective_to(), "quota.effective_to", inner);
      Reprefix(inner, "quota", f, v);
      break;
    }
    case v1::ChangeItem::kMoveReportingLine: {
      const auto& c = in.move_reporting_line();
      const std::string f = at + ".move_reporting_line";
      item.subject = ReadRef(c.post(), "posts", f + ".post", true, refs, v);
      // A superior made by an earlier item is resolved when the items apply.
      v1::Post lines;
      if (absl::StartsWith(c.new_superior_post(), kNew)) {
        item.target_post = ReadRef(c.new_superior_post(), "posts", f + ".new_superior_post", true, refs, v);
      } else {
        lines.set_superior_post(c.new_superior_post());
      }
      item.paths = {"superior_post"};
      if (c.replace_other_lines()) {
        item.paths.insert("other_lines");
        *lines.mutable_other_lines() = c.other_lines();
      }
      rpc::Violations all, kept;
      ReadPostTerms(lines, "post", item.subject.id, item.post, all);
      rpc::KeepMasked(all, "post", item.paths, kept);
      Reprefix(kept, "post.superior_post", f + ".new_superior_post", v);
      break;
    }
    case v1::ChangeItem::kMergeUnits:
    case v1::ChangeItem::kSplitUnit:
      v.Add(at, "merge_units and split_unit are not supported yet: express them as create_unit, "
                "create_post, abolish_post and abolish_unit items");
      break;
    case v1::ChangeItem::CHANGE_NOT_SET:
      v.Add(at, "exactly one change is required");
      break;
  }
  return item;
}

std::string RefName(const ItemRef& r, const char* collection) {
  if (!r.ref.empty()) return absl::StrCat(kNew, r.ref);
  return r.id.empty() ? "" : absl::StrCat(collection, "/", r.id);
}

google::protobuf::FieldMask Mask(const std::set<std::string>& paths) {
  google::protobuf::FieldMask mask;
  for (const std::string& p : paths) mask.add_paths(p);
  return mask;
}

// The unit's values as a client writes them: no name, place or times.
v1::Unit UnitValues(const Unit& unit) {
  v1::Unit p = ToProto(unit);
  p.clear_name();
  p.clear_parent();
  p.clear_depth();
  p.clear_create_time();
  p.clear_update_time();
  p.clear_etag();
  return p;
}

v1::Post PostValues(const PostTerms& terms) {
  Post post;
  post.terms = terms;
  v1::Post p = ToProto(post, {});
  p.clear_name();
  p.clear_unit();
  p.clear_effective_from();
  p.clear_effective_to();
  p.clear_create_time();
  p.clear_update_time();
  p.clear_etag();
  return p;
}

}  // namespace

void ReadChangeItems(const google::protobuf::RepeatedPtrField<v1::ChangeItem>& items, const std::string& prefix,
                     std::vector<ChangeItem>& out, rpc::Violations& v) {
  if (items.size() > 200) v.Add(prefix, "at most 200 items");
  Refs refs;
  out.clear();
  for (int i = 0; i < items.size(); ++i) {
    out.push_back(ReadItem(items[i], absl::StrCat(prefix, "[", i, "]"), refs, v));
  }
}

v1::ChangeItem ToProto(const ChangeItem& item) {
  v1::ChangeItem p;
  p.set_kind(static_cast<v1::ChangeKind>(item.kind));
  p.set_result(item.result);
  switch (item.kind) {
    case ChangeKind::kCreateUnit: {
      auto* c = p.mutable_create_unit();
      c->set_ref(item.ref);
      *c->mutable_unit() = UnitValues(item.unit);
      c->mutable_unit()->set_parent(RefName(item.target, "units"));
      break;
    }
    case ChangeKind::kUpdateUnit: {
      auto* c = p.mutable_update_unit();
      *c->mutable_update_mask() = Mask(item.paths);
      *c->mutable_unit() = UnitValues(item.unit);
      google::protobuf::util::FieldMaskUtil::TrimMessage(c->update_mask(), c->mutable_unit());
      c->mutable_unit()->set_name(RefName(item.subject, "units"));
      break;
    }
    case ChangeKind::kAbolishUnit:
      p.mutable_abolish_unit()->set_unit(RefName(item.subject, "units"));
      break;
    case ChangeKind::kMoveUnit:
      p.mutable_move_unit()->set_unit(RefName(item.subject, "units"));
      p.mutable_move_unit()->set_new_parent(RefName(item.target, "units"));
      break;
    case ChangeKind::kCreatePost: {
      auto* c = p.mutable_create_post();
      c->set_ref(item.ref);
      *c->mutable_post() = PostValues(item.post);
      c->mutable_post()->set_unit(RefName(item.target, "units"));
      break;
    }
    case ChangeKind::kUpdatePost: {
      auto* c = p.mutable_update_post();
      *c->mutable_update_mask() = Mask(item.paths);
      *c->mutable_post() = PostValues(item.post);
      google::protobuf::util::FieldMaskUtil::TrimMessage(c->update_mask(), c->mutable_post());
      c->mutable_post()->set_name(RefName(item.subject, "posts"));
      break;
    }
    case ChangeKind::kAbolishPost:
      p.mutable_abolish_post()->set_post(RefName(item.subject, "posts"));
      break;
    case ChangeKind::kSetQuota: {
      Quota quota;
      quota.terms = item.quota;
      quota.effective_to = item.quota_effective_to;
      v1::Quota* q = p.mutable_set_quota()->mutable_quota();
      *q = ToProto(quota);
      q->clear_name();
      q->clear_effective_from();
      q->clear_create_time();
      q->clear_update_time();
      q->clear_etag();
      if (!item.quota_effective_to) q->clear_effective_to();
      q->set_unit(RefName(item.target, "units"));
      q->set_post(RefName(item.target_post, "posts"));
      break;
    }
    case ChangeKind::kMoveReportingLine: {
      auto* c = p.mutable_move_reporting_line();
      c->set_post(RefName(item.subject, "posts"));
      c->set_new_superior_post(item.target_post.empty() ? PostValues(item.post).superior_post()
                                                        : RefName(item.target_post, "posts"));
      c->set_replace_other_lines(item.paths.count("other_lines") > 0);
      if (c->replace_other_lines()) *c->mutable_other_lines() = PostValues(item.post).other_lines();
      break;
    }
    default:
      break;
  }
  return p;
}

}  // namespace huinong::org
