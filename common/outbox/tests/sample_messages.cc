// See sample_messages.h.
#include "common/outbox/tests/sample_messages.h"

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "huinong/type/v1/types.pb.h"

namespace huinong::outbox::testing {

org::v1::Unit SampleStation() {
  org::v1::Unit u;
  u.set_name("units/01J0000000000000000000000A");
  u.set_display_name("东红寺村金融扶贫服务站");
  u.set_kind(org::v1::UNIT_KIND_STATION);
  u.set_level(type::v1::LEVEL_VILLAGE);
  u.set_parent("units/01J0000000000000000000000B");
  u.set_status(org::v1::UNIT_STATUS_ACTIVE);
  u.set_depth(2);
  u.set_etag("1");
  return u;
}

google::protobuf::Struct StructFromJson(const std::string& json) {
  google::protobuf::Struct s;
  auto status = google::protobuf::util::JsonStringToMessage(json, &s);
  EXPECT_TRUE(status.ok()) << status.ToString() << " in " << json.substr(0, 200);
  return s;
}

}  // namespace huinong::outbox::testing
