// A DocumentRef inside a JSON column, the same form in every service's
// store: {"uri", "sha256", "title"}; missing members read as empty.
#pragma once

#include "common/core/json_fields.h"
#include "common/domain/document_ref.h"

namespace huinong::db {

inline json::Json DocumentRefJson(const domain::DocumentRef& d) {
  return {{"uri", d.uri}, {"sha256", d.sha256}, {"title", d.title}};
}

inline domain::DocumentRef DocumentRefOf(const json::Json& v) {
  return {json::String(v, "uri"), json::String(v, "sha256"), json::String(v, "title")};
}

}  // namespace huinong::db
