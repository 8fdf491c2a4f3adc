// The pieces svc-org's JSON columns are made of (json_codec.cc,
// change_json.cc): nlohmann-json values, lenient readers (a missing member or
// one of the wrong type reads as empty), and the JSON of the post parts that
// appear both in a post's columns and inside a change request's items.
// Internal to store/.
#pragma once

#include <optional>
#include <string>
#include <vector>


#include "absl/time/civil_time.h"
#include "common/core/json_fields.h"
#include "common/db/document_ref_json.h"
#include "svc-org/src/domain/concurrency.h"
#include "svc-org/src/domain/document.h"
#include "svc-org/src/domain/post.h"

namespace huinong::org::store {

using json::Json;

template <class T, class F>
Json List(const std::vector<T>& items, F each) {
  Json list = Json::array();
  for (const auto& item : items) list.push_back(each(item));
  return list;
}
inline Json Day(const std::optional<absl::CivilDay>& d) { return json::DayText(d); }
inline Json Doc(const DocumentRef& d) { return db::DocumentRefJson(d); }
inline Json Selector(const PostSelector& s) { return {{"post", s.post_id}, {"code", s.post_code}}; }

using json::AsString;
using json::Field;
using json::Parse;
using json::Print;
inline std::string Str(const Json& obj, const char* key) { return json::String(obj, key); }
inline int Int(const Json& obj, const char* key) { return static_cast<int>(json::Int(obj, key)); }
inline std::optional<absl::CivilDay> DayOf(const Json& obj, const char* key) { return json::Day(obj, key); }
inline DocumentRef DocOf(const Json& v) { return db::DocumentRefOf(v); }
inline PostSelector SelectorOf(const Json& v) { return {Str(v, "post"), Str(v, "code")}; }
template <class T, class F>
void Each(const Json& list, std::vector<T>& out, F read) {
  out.clear();
  if (!list.is_array()) return;
  for (const Json& item : list) out.push_back(read(item));
}


Json ToJson(const std::vector<Duty>& duties);
Json ToJson(const std::vector<QualificationGroup>& groups);
Json ToJson(const std::vector<ReportingLine>& lines);
void FromJson(const Json& list, std::vector<Duty>& out);
void FromJson(const Json& list, std::vector<QualificationGroup>& out);
void FromJson(const Json& list, std::vector<ReportingLine>& out);

}  // namespace huinong::org::store
