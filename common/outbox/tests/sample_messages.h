// Messages the audit-JSON tests share: one village station, and a
// google.protobuf.Struct from JSON text (to give any JSON shape as a change).
// The golden files depend on these values: change them and the goldens with
// them, never one alone.
#pragma once

#include <string>

#include <google/protobuf/struct.pb.h>

#include "huinong/org/v1/units.pb.h"

namespace huinong::outbox::testing {

// 东红寺村金融扶贫服务站, an active village station at depth 2, etag "1".
org::v1::Unit SampleStation();

// Parses `json` as a JSON object (fails the calling test otherwise).
google::protobuf::Struct StructFromJson(const std::string& json);

}  // namespace huinong::outbox::testing
