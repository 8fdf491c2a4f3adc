// See policy_mapping.h.
#include "svc-org/src/api/policy_mapping.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "svc-org/src/api/post_mapping.h"
#include "svc-org/src/api/unit_mapping.h"

namespace huinong::org {
namespace {

v1::PostSelector ToProto(const PostSelector& s) {
  v1::PostSelector p;
  if (!s.post_id.empty()) {
    p.set_post(PostName(s.post_id));
  } else {
    p.set_post_code(s.post_code);
  }
  return p;
}

PostSelector ReadSelector(const v1::PostSelector& in, const std::string& field, rpc::Violations& v) {
  PostSelector s;
  switch (in.selector_case()) {
    case v1::PostSelector::kPost:
      s.post_id = rpc::ParseName(in.post(), "posts", field + ".post", v);
      break;
    case v1::PostSelector::kPostCode:
      if (!ValidCode(in.post_code())) v.Add(field + ".post_code", "1–64 of [a-z0-9._-]");
      s.post_code = in.post_code();
      break;
    default:
      v.Add(field, "a post or a post_code is required");
  }
  return s;
}

}  // namespace

std::string PolicyName(const std::string& id) { return rpc::FormatName("concurrencyPolicies", id); }

v1::ConcurrencyPolicy ToProto(const ConcurrencyPolicy& c) {
  v1::ConcurrencyPolicy p;
  p.set_name(PolicyName(c.id));
  p.set_unit(UnitName(c.unit_id));
  p.set_title(c.title);
  for (const auto& entry : c.whitelist) {
    auto* e = p.add_whitelist();
    for (const auto& s : entry.posts) *e->add_posts() = ToProto(s);
    e->set_note(entry.note);
  }
  for (const auto& pair : c.segregation_pairs) {
    auto* e = p.add_segregation_pairs();
    *e->mutable_first() = ToProto(pair.first);
    *e->mutable_second() = ToProto(pair.second);
    e->set_risk(pair.risk);
  }
  p.set_max_posts_per_person(c.max_posts_per_person);
  *p.mutable_create_time() = rpc::ToTimestamp(c.create_time);
  *p.mutable_update_time() = rpc::ToTimestamp(c.update_time);
  p.set_etag(absl::StrCat(c.version));
  return p;
}

void ReadPolicyFields(const v1::ConcurrencyPolicy& in, const std::string& prefix,
                      ConcurrencyPolicy& out, rpc::Violations& v) {
  rpc::CheckText(in.title(), prefix + ".title", 1, 100, v);
  out.title = in.title();
  if (in.whitelist_size() > 100) v.Add(prefix + ".whitelist", "at most 100 entries");
  out.whitelist.clear();
  for (int i = 0; i < in.whitelist_size(); ++i) {
    const auto& e = in.whitelist(i);
    const std::string f = absl::StrCat(prefix, ".whitelist[", i, "]");
    if (e.posts_size() < 2) v.Add(f + ".posts", "a combination needs at least two posts");
    AllowedCombination c;
    for (int k = 0; k < e.posts_size(); ++k) {
      c.posts.push_back(ReadSelector(e.posts(k), absl::StrCat(f, ".posts[", k, "]"), v));
    }
    rpc::CheckText(e.note(), f + ".note", 0, 500, v);
    c.note = e.note();
    out.whitelist.push_back(std::move(c));
  }
  if (in.segregation_pairs_size() > 100) v.Add(prefix + ".segregation_pairs", "at most 100 pairs");
  out.segregation_pairs.clear();
  for (int i = 0; i < in.segregation_pairs_size(); ++i) {
    const auto& e = in.segregation_pairs(i);
    const std::string f = absl::StrCat(prefix, ".segregation_pairs[", i, "]");
    SegregationPair pair;
    pair.first = ReadSelector(e.first(), f + ".first", v);
    pair.second = ReadSelector(e.second(), f + ".second", v);
    if (e.has_first() && e.has_second() && pair.first == pair.second) {
      v.Add(f + ".second", "a pair of one post with itself");
    }
    rpc::CheckText(e.risk(), f + ".risk", 1, 500, v);
    pair.risk = e.risk();
    out.segregation_pairs.push_back(std::move(pair));
  }
  if (in.max_posts_per_person() < 0 || in.max_posts_per_person() > 100) {
    v.Add(prefix + ".max_posts_per_person", "must be 0–100");
  }
  out.max_posts_per_person = in.max_posts_per_person();
}

}  // namespace huinong::org
