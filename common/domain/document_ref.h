// A reference to a written document (an approval, a survey report, a
// contract, meeting minutes): where it lives, its SHA-256 so tampering is
// evident, and a title — never the file itself. Mirrors
// huinong.type.v1.DocumentRef; all parts optional. Every service's records
// of who decided what carry these.
#pragma once

#include <string>

namespace huinong::domain {

struct DocumentRef {
  std::string uri;
  std::string sha256;
  std::string title;

  bool empty() const { return uri.empty() && sha256.empty() && title.empty(); }
  bool operator==(const DocumentRef&) const = default;
};

}  // namespace huinong::domain
