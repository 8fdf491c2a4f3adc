// The fields an update mask may name on a record, each with the member it
// sets, written once per record type: the mask's allowed paths come from
// the same table that applies them, so the two cannot disagree. Header-only;
// for the loans mappings.
//
//   static const auto* fields = new MaskedFields<Product>({
//       {"title", MaskedFields<Product>::Member(&Product::title)}, ...});
//   edit.apply = fields->Edit(values_read_from_the_request, paths);
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace huinong::loans {

template <class Record>
class MaskedFields {
 public:
  using Copy = std::function<void(const Record&, Record&)>;

  // Copies one member.
  template <class T>
  static Copy Member(T Record::*member) {
    return [member](const Record& from, Record& to) { to.*member = from.*member; };
  }

  explicit MaskedFields(std::map<std::string, Copy> fields) : fields_(std::move(fields)) {
    for (const auto& [name, copy] : fields_) names_.insert(name);
  }

  // The paths an update mask may name.
  const std::set<std::string>& names() const { return names_; }

  // The edit that sets the members named in `paths` from `values`.
  std::function<void(Record&)> Edit(Record values, std::set<std::string> paths) const {
    return [this, values = std::move(values), paths = std::move(paths)](Record& to) {
      for (const std::string& path : paths) {
        if (auto it = fields_.find(path); it != fields_.end()) it->second(values, to);
      }
    };
  }

 private:
  std::map<std::string, Copy> fields_;
  std::set<std::string> names_;
};

}  // namespace huinong::loans
