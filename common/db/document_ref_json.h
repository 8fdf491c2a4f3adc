// A DocumentRef inside a JSON column, the same form in every service's
// store: {"uri", "sha256", "title", "kind", "number"}; kind and number are
// written only when set (rows and audit events written before they existed
// stay as they were); missing members read as empty.
#pragma once

#include <vector>

#include "common/core/json_fields.h"
#include "common/domain/document_ref.h"

namespace huinong::db {

inline json::Json DocumentRefJson(const domain::DocumentRef& d) {
  json::Json out = {{"uri", d.uri}, {"sha256", d.sha256}, {"title", d.title}};
  if (!d.kind.empty()) out["kind"] = d.kind;
  if (!d.number.empty()) out["number"] = d.number;
  return out;
}

inline domain::DocumentRef DocumentRefOf(const json::Json& v) {
  return {json::String(v, "uri"), json::String(v, "sha256"), json::String(v, "title"), json::String(v, "kind"),
          json::String(v, "number")};
}

// A list of references as a JSON array, and the array at `key` read back
// (missing: none).
inline json::Json DocumentRefsJson(const std::vector<domain::DocumentRef>& docs) {
  json::Json out = json::Json::array();
  for (const auto& d : docs) out.push_back(DocumentRefJson(d));
  return out;
}

inline std::vector<domain::DocumentRef> DocumentRefsOf(const json::Json& v, const char* key) {
  std::vector<domain::DocumentRef> out;
  for (const json::Json& d : json::Array(v, key)) out.push_back(DocumentRefOf(d));
  return out;
}

// A JSON array of references read back (anything else: none).
inline std::vector<domain::DocumentRef> DocumentRefsOf(const json::Json& list) {
  std::vector<domain::DocumentRef> out;
  if (!list.is_array()) return out;
  for (const json::Json& d : list) out.push_back(DocumentRefOf(d));
  return out;
}

}  // namespace huinong::db
