// See unit_directory.h.
#include "common/org_directory/unit_directory.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"

namespace huinong::org_directory {
namespace {

UnitLink LinkOf(const org::v1::Unit& unit) {
  std::string id = unit.name();
  if (absl::StartsWith(id, "units/")) id = id.substr(6);
  return {std::move(id), unit.level(), unit.display_name()};
}

}  // namespace

const UnitLink* UnitLineage::Nearest(type::v1::Level level) const {
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (it->level == level) return &*it;
  }
  return nullptr;
}

bool UnitLineage::Within(const std::string& unit_id) const {
  for (const UnitLink& link : chain) {
    if (link.id == unit_id) return true;
  }
  return false;
}

UnitDirectory::UnitDirectory(std::shared_ptr<grpc::Channel> org, TokenSource token, UnitDirectoryOptions options,
                             std::function<absl::Time()> clock)
    : stub_(org::v1::UnitService::NewStub(std::move(org))),
      token_(std::move(token)),
      options_(options),
      lineages_(options.ttl, options.max_entries, std::move(clock)) {}

absl::StatusOr<UnitLineage> UnitDirectory::Lineage(const std::string& unit_id) {
  if (auto cached = lineages_.Find(unit_id)) return **cached;
  const auto ticket = lineages_.Take();

  const std::string name = absl::StrCat("units/", unit_id);
  org::v1::GetUnitRequest unit_request;
  unit_request.set_name(name);
  org::v1::Unit unit;
  RETURN_IF_ERROR(CallOrg(token_, options_.deadline, absl::StrCat("what ", name, " is"),
                          [&](grpc::ClientContext& ctx) { return stub_->GetUnit(&ctx, unit_request, &unit); }));
  org::v1::GetUnitAncestorsRequest ancestors_request;
  ancestors_request.set_name(name);
  org::v1::GetUnitAncestorsResponse ancestors;
  RETURN_IF_ERROR(CallOrg(token_, options_.deadline, absl::StrCat("where ", name, " stands"),
                          [&](grpc::ClientContext& ctx) {
                            return stub_->GetUnitAncestors(&ctx, ancestors_request, &ancestors);
                          }));
  auto lineage = std::make_shared<UnitLineage>();
  for (const org::v1::Unit& above : ancestors.ancestors()) lineage->chain.push_back(LinkOf(above));
  lineage->chain.push_back(LinkOf(unit));
  lineages_.Put(unit_id, lineage, ticket);
  return *lineage;
}

}  // namespace huinong::org_directory
