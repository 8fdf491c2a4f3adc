// A reference to a written document (approval, delegation, certificate): where
// it lives, its SHA-256 so tampering is evident, and a title. Mirrors
// huinong.type.v1.DocumentRef; all parts optional.
#pragma once

#include <string>

namespace huinong::org {

struct DocumentRef {
  std::string uri;
  std::string sha256;
  std::string title;

  bool empty() const { return uri.empty() && sha256.empty() && title.empty(); }
};

}  // namespace huinong::org
