// See ctl.h.
#include "tests/e2e/ctl.h"

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "tests/e2e/suite.h"

namespace huinong::e2e {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// `word` in single quotes for /bin/sh.
std::string Quoted(const std::string& word) {
  std::string out = "'";
  for (const char c : word) {
    if (c == '\'') {
      out.append("'\\''");
    } else {
      out.push_back(c);
    }
  }
  out.push_back('\'');
  return out;
}

}  // namespace

Cli Ctl(const std::string& token, const std::vector<std::string>& words) {
  const std::string err_path =
      (std::filesystem::temp_directory_path() / absl::StrCat("huinong-e2e-", Unique(), ".err")).string();
  std::string cmd = absl::StrCat(Suite::Get().bin_dir(), "/huinongctl");
  if (!token.empty()) absl::StrAppend(&cmd, " --token=", Quoted(token));
  for (const std::string& w : words) absl::StrAppend(&cmd, " ", Quoted(w));
  absl::StrAppend(&cmd, " 2>", Quoted(err_path));
  Cli cli;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return cli;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) cli.out.append(buf, n);
  const int status = pclose(p);
  cli.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  cli.err = ReadAll(err_path);
  std::filesystem::remove(err_path);
  return cli;
}

std::string MintToken(const std::string& subject, const std::string& roles, const std::string& unit) {
  const Cli cli = Ctl("", {"token", "--sub", subject, "--roles", roles, "--unit", unit, "--ttl", "1h"});
  EXPECT_EQ(cli.code, 0) << cli.out << cli.err;
  return std::string(absl::StripAsciiWhitespace(cli.out));
}

}  // namespace huinong::e2e
