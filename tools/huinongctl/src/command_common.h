// Small pieces every org command shares: resource names from bare ids,
// request ids, flag parsing as usage errors, and printing a proto as JSON.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "huinong/type/v1/types.pb.h"
#include "tools/huinongctl/src/invocation.h"

namespace huinong::ctl {

// "X" -> "<collection>/X"; a name that already has a '/' is kept.
std::string ResourceName(const std::string& collection, const std::string& text);
// --request-id, or a new ULID.
std::string RequestIdOf(const Invocation& inv);
// The failure with "retry with --request-id=..." appended (usage errors kept).
absl::Status WithRequestId(const absl::Status& status, const std::string& request_id);
absl::Status PrintProtoJson(const google::protobuf::Message& message);
// --key as a date (YYYY-MM-DD), or unset when the flag is absent.
absl::Status DateFlag(const Invocation& inv, const std::string& key, type::v1::Date* out, bool* set);
absl::StatusOr<int> CountFlag(const Invocation& inv, const std::string& key, int def);
// The text of the file at `path`, or of stdin for "-"; NOT_FOUND when it
// cannot be read.
absl::StatusOr<std::string> ReadInputFile(const std::string& path);
// The positional word `index`, or a usage error naming `what`.
absl::StatusOr<std::string> Arg(const Invocation& inv, size_t index, const std::string& what);

}  // namespace huinong::ctl
