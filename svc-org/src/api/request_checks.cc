// See request_checks.h.
#include "svc-org/src/api/request_checks.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/page_token.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"

namespace huinong::org {

store::DayRead ReadAsOf(const type::v1::Date& as_of, const std::string& field, absl::CivilDay today,
                        rpc::Violations& v) {
  std::optional<absl::CivilDay> day = rpc::FromDate(as_of, field, v);
  if (day) return {*day, false};
  return {today, true};
}

void SetDate(const std::optional<absl::CivilDay>& day, type::v1::Date* out) {
  if (day) *out = rpc::ToDate(*day);
}

}  // namespace huinong::org
