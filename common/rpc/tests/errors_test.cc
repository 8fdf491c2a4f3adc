// The error model: details survive the trip through the gRPC edge in the
// standard google.rpc.Status wire format, and internals never leave.
#include "common/rpc/errors.h"

#include <gtest/gtest.h>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace huinong::rpc {
namespace {

TEST(Errors, InvalidArgumentNamesEveryField) {
  Violations v;
  v.Add("unit.display_name", "required");
  v.Add("request_id", "required");
  absl::Status s = v.ToStatus();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("unit.display_name: required"), absl::string_view::npos);
  EXPECT_NE(s.message().find("request_id: required"), absl::string_view::npos);
  auto fields = FieldViolationsOf(s);
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].field, "unit.display_name");
  EXPECT_EQ(fields[1].field, "request_id");
  EXPECT_EQ(ReasonOf(s), "INVALID_ARGUMENT");
}

TEST(Errors, EmptyViolationsAreOk) { EXPECT_TRUE(Violations().ToStatus().ok()); }

TEST(Errors, GrpcDetailsAreGoogleRpcStatusWireFormat) {
  absl::Status s = InvalidField("unit.kind", "required");
  grpc::Status g = ToGrpcStatus(s);
  EXPECT_EQ(g.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::Status wire;
  ASSERT_TRUE(wire.ParseFromString(g.error_details()));
  EXPECT_EQ(wire.code(), 3);
  EXPECT_EQ(wire.message(), g.error_message());
  bool saw_bad_request = false, saw_info = false;
  for (const auto& any : wire.details()) {
    if (any.type_url() == "type.googleapis.com/google.rpc.BadRequest") {
      google::rpc::BadRequest bad;
      ASSERT_TRUE(bad.ParseFromString(any.value()));
      ASSERT_EQ(bad.field_violations_size(), 1);
      EXPECT_EQ(bad.field_violations(0).field(), "unit.kind");
      saw_bad_request = true;
    }
    if (any.type_url() == "type.googleapis.com/google.rpc.ErrorInfo") {
      google::rpc::ErrorInfo info;
      ASSERT_TRUE(info.ParseFromString(any.value()));
      EXPECT_EQ(info.reason(), "INVALID_ARGUMENT");
      EXPECT_EQ(info.domain(), "huinong");
      saw_info = true;
    }
  }
  EXPECT_TRUE(saw_bad_request);
  EXPECT_TRUE(saw_info);
}

TEST(Errors, RoundTripKeepsCodeMessageReasonAndFields) {
  absl::Status original =
      FailedPrecondition("TOWNSHIP_SUSPENDED", "lending in this township is suspended");
  absl::Status back = FromGrpcStatus(ToGrpcStatus(original));
  EXPECT_EQ(back.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(back.message(), "lending in this township is suspended");
  EXPECT_EQ(ReasonOf(back), "TOWNSHIP_SUSPENDED");

  absl::Status bad = InvalidArgument({{"a", "x"}, {"b.c", "y"}});
  auto fields = FieldViolationsOf(FromGrpcStatus(ToGrpcStatus(bad)));
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[1].field, "b.c");
  EXPECT_EQ(fields[1].description, "y");
}

TEST(Errors, EveryCanonicalCodeMapsToTheSameGrpcCode) {
  for (int c = 1; c <= 16; ++c) {
    auto code = static_cast<absl::StatusCode>(c);
    grpc::Status g = ToGrpcStatus(absl::Status(code, "m"));
    EXPECT_EQ(static_cast<int>(g.error_code()), c);
    EXPECT_EQ(FromGrpcStatus(g).code(), code);
  }
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
}

TEST(Errors, InternalMessagesAndDetailsDoNotLeak) {
  absl::Status s = WithReason(
      absl::InternalError("Table 'huinong_org.units' doesn't exist at /srv/x.sql"), "DB");
  grpc::Status g = ToGrpcStatus(s);
  EXPECT_EQ(g.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_EQ(g.error_message(), "internal error");
  google::rpc::Status wire;
  ASSERT_TRUE(wire.ParseFromString(g.error_details()));
  EXPECT_EQ(wire.details_size(), 0);
  EXPECT_EQ(g.error_details().find("huinong_org"), std::string::npos);
}

TEST(Errors, ShorthandsCarryReasons) {
  EXPECT_EQ(NotFound("units/x").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(NotFound("units/x").message(), "units/x not found");
  EXPECT_EQ(ReasonOf(Aborted("STALE_ETAG", "m")), "STALE_ETAG");
  EXPECT_EQ(AlreadyExists("DUPLICATE_NAME", "m").code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(PermissionDenied("m").code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(ReasonOf(absl::InternalError("x")), "");
}

}  // namespace
}  // namespace huinong::rpc
