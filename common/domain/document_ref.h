// A reference to a written document (an approval, a survey report, a
// contract, meeting minutes): where it lives, its SHA-256 so tampering is
// evident, a title, what kind of document it is and its own number (文号,
// contract number) — never the file itself. Mirrors
// huinong.type.v1.DocumentRef; all parts optional. Every service's records
// of who decided what carry these.
#pragma once

#include <string>
#include <utility>

namespace huinong::domain {

struct DocumentRef {
  DocumentRef() = default;
  // Kind and number optional: most references name where, which and what.
  DocumentRef(std::string uri, std::string sha256, std::string title, std::string kind = "", std::string number = "")
      : uri(std::move(uri)), sha256(std::move(sha256)), title(std::move(title)), kind(std::move(kind)),
        number(std::move(number)) {}

  std::string uri;
  std::string sha256;
  std::string title;
  std::string kind;    // "survey_report", "loan_contract", …
  std::string number;  // as written on the document

  // Says where the document is or what its bytes hash to: what a required
  // reference needs (a kind, number or title alone points at nothing).
  bool locatable() const { return !uri.empty() || !sha256.empty(); }
  bool empty() const { return uri.empty() && sha256.empty() && title.empty() && kind.empty() && number.empty(); }
  bool operator==(const DocumentRef&) const = default;
};

}  // namespace huinong::domain
