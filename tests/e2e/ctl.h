// huinongctl as a person runs it against the suite under test: the built
// binary with the suite's environment (gateway, signing secret), a token of
// the test's choosing, stdout and stderr kept apart with the exit code; its
// --json output parsed into the API's messages; tokens minted with
// `huinongctl token` for the demo's people.
#pragma once

#include <string>
#include <vector>

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "absl/strings/str_join.h"

namespace huinong::e2e {

struct Cli {
  int code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// huinongctl with `token` ("" = the suite's admin token) and `words`.
Cli Ctl(const std::string& token, const std::vector<std::string>& words);

// `subject` ("staff/{id}") with `roles` ("staff", "hr,staff") acting for `unit`, for an hour.
std::string MintToken(const std::string& subject, const std::string& roles, const std::string& unit);

template <typename Message>
Message Parsed(const Cli& cli) {
  Message message;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  const auto status = google::protobuf::util::JsonStringToMessage(cli.out, &message, options);
  EXPECT_TRUE(status.ok()) << status.message() << "\n" << cli.out << cli.err;
  return message;
}

// `--json WORDS...` run as `token`; fails the test unless it succeeds.
template <typename Message>
Message Json(const std::string& token, std::vector<std::string> words) {
  words.insert(words.begin(), "--json");
  const Cli cli = Ctl(token, words);
  EXPECT_EQ(cli.code, 0) << absl::StrJoin(words, " ") << "\n" << cli.out << cli.err;
  return Parsed<Message>(cli);
}

}  // namespace huinong::e2e
