// How change requests and approval chains look to a person, and the parsers
// their commands share: request states and item kinds by short name
// ("in-approval", "merge-units"; the proto names work too), a chain step
// written "title|capability|units/ID[|KIND,KIND]", and a file of change items
// in protobuf JSON. Pure functions of the protos, tested without a server.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "huinong/org/v1/changes.pb.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

// Case-insensitive; '-' and '_' alike; the proto enum name works too
// (IN_APPROVAL, CHANGE_REQUEST_STATE_IN_APPROVAL). INVALID_ARGUMENT listing
// the accepted names otherwise.
absl::StatusOr<org::v1::ChangeRequestState> ParseChangeState(std::string_view text);
absl::StatusOr<org::v1::ChangeKind> ParseChangeKind(std::string_view text);
// "draft", "in-approval", ...; "?" for UNSPECIFIED or unknown numbers.
std::string ChangeStateName(org::v1::ChangeRequestState state);
// "create-unit", "move-reporting-line", ...
std::string ChangeKindName(org::v1::ChangeKind kind);
// "pending", "approved", "rejected".
std::string StepStateName(org::v1::ApprovalStepState state);

// "办公室审核|org.change.review|units/U1|create-unit,merge-units": title,
// required capability, at_unit (a bare id gets "units/") and optionally the
// kinds the step applies to (none: every request). INVALID_ARGUMENT otherwise.
absl::StatusOr<org::v1::ApprovalStepTemplate> ParseStepTemplate(std::string_view text);

// A JSON array of ChangeItem in protobuf JSON (proto or lowerCamel field
// names), e.g. [{"abolish_unit": {"unit": "units/U7"}}]. INVALID_ARGUMENT
// with the parser's message when it is not one, or an item sets no change.
absl::StatusOr<std::vector<org::v1::ChangeItem>> ParseChangeItems(std::string_view json);

// The kind of the item's `change` (the output-only `kind` when none is set).
org::v1::ChangeKind ItemKind(const org::v1::ChangeItem& item);
// "move-unit  units/U7 → under units/U2" and, once approved, "  = units/U9":
// the kind and the item's key targets.
std::string ItemSummary(const org::v1::ChangeItem& item);

// "东区合并  [in-approval, effective 2026-07-01]  changeRequests/CR1".
std::string ChangeRequestLabel(const org::v1::ChangeRequest& request);
// The request's fields as "key  value" lines, then "items:" and "steps:"
// with one numbered line each; the pending step is marked "← current".
std::string ChangeRequestDetail(const org::v1::ChangeRequest& request);
// NAME, STATE, EFFECTIVE, UNIT, ITEMS, STEP (pending step or "-"), TITLE.
Table ChangeRequestTable(const std::vector<org::v1::ChangeRequest>& requests);

// "固安县变更审批  [2 steps, change requests required]  approvalChains/AC1".
std::string ApprovalChainLabel(const org::v1::ApprovalChain& chain);
// The chain's fields, then "steps:" with one numbered line each.
std::string ApprovalChainDetail(const org::v1::ApprovalChain& chain);
// NAME, UNIT, STEPS, REQUIRED (change requests required), TITLE.
Table ApprovalChainTable(const std::vector<org::v1::ApprovalChain>& chains);

}  // namespace huinong::ctl
