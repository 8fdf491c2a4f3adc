// Tests of Config: precedence flag > env > default, flag spellings, typed
// getters' errors and ReadSecretFile.
#include "common/core/config.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace huinong {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

Config::EnvLookup FakeEnv(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

Config MustParse(std::vector<const char*> args, std::map<std::string, std::string> env = {}) {
  args.insert(args.begin(), "prog");
  auto config = Config::Parse(static_cast<int>(args.size()), args.data(), FakeEnv(std::move(env)));
  EXPECT_TRUE(config.ok()) << config.status();
  return config.ok() ? *std::move(config) : Config();
}

TEST(CoreConfig, FlagBeatsEnvBeatsDefault) {
  const Config config = MustParse({"--db_host=flag-host"},
                                  {{"HUINONG_DB_HOST", "env-host"}, {"HUINONG_DB_PORT", "3307"}});
  EXPECT_EQ(config.String("db_host", "default-host"), "flag-host");
  EXPECT_EQ(config.SourceOf("db_host"), "flag");
  EXPECT_EQ(*config.Int("db_port", 3306), 3307);
  EXPECT_EQ(config.SourceOf("db_port"), "env");
  EXPECT_EQ(config.String("db_user", "huinong"), "huinong");
  EXPECT_EQ(config.SourceOf("db_user"), "default");
  EXPECT_FALSE(config.Has("db_user"));
  EXPECT_TRUE(config.Has("db_host"));
  EXPECT_TRUE(config.Has("db_port"));
}

TEST(CoreConfig, EmptyEnvCountsAsUnset) {
  const Config config = MustParse({}, {{"HUINONG_DB_HOST", ""}});
  EXPECT_EQ(config.String("db_host", "localhost"), "localhost");
  EXPECT_EQ(config.SourceOf("db_host"), "default");
}

TEST(CoreConfig, DashAndUnderscoreSpellingsAreOneKey) {
  const Config config = MustParse({"--db-host=a", "--grpc_port", "7001"});
  EXPECT_EQ(config.String("db_host"), "a");
  EXPECT_EQ(config.String("db-host"), "a");
  EXPECT_EQ(*config.Int("grpc-port", 0), 7001);
  EXPECT_EQ(Config::EnvName("db-host"), "HUINONG_DB_HOST");
}

TEST(CoreConfig, EnvNameDerivedFromKeyWithDashes) {
  const Config config = MustParse({}, {{"HUINONG_METRICS_PORT", "9100"}});
  EXPECT_EQ(*config.Int("metrics-port", 0), 9100);
}

TEST(CoreConfig, BareFlagIsTrueAndSpaceSeparatedValueIsTaken) {
  const Config config = MustParse({"--migrate-only", "--log_level", "debug", "--verbose"});
  EXPECT_TRUE(*config.Bool("migrate_only", false));
  EXPECT_TRUE(*config.Bool("verbose", false));
  EXPECT_EQ(config.String("log_level"), "debug");
  EXPECT_TRUE(config.positional().empty());
}

TEST(CoreConfig, PositionalArgumentsKept) {
  const Config config = MustParse({"token", "--role=admin", "mint", "--", "--not-a-flag", "-x"});
  EXPECT_THAT(config.positional(), ElementsAre("token", "mint", "--not-a-flag", "-x"));
  EXPECT_EQ(config.String("role"), "admin");
  EXPECT_FALSE(config.Has("not_a_flag"));
}

TEST(CoreConfig, NegativeNumberIsAValue) {
  const Config config = MustParse({"--offset", "-5"});
  EXPECT_EQ(*config.Int("offset", 0), -5);
}

TEST(CoreConfig, RepeatedFlagKeepsLastValue) {
  const Config config = MustParse({"--port=1", "--port=2"});
  EXPECT_EQ(*config.Int("port", 0), 2);
}

TEST(CoreConfig, MalformedArgumentsRejected) {
  for (std::vector<const char*> args : std::vector<std::vector<const char*>>{
           {"prog", "-x"}, {"prog", "--=v"}, {"prog", "---x"}, {"prog", "--a b=c"}, {"prog", "--9lives"}}) {
    auto config = Config::Parse(static_cast<int>(args.size()), args.data(), FakeEnv({}));
    EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument) << args[1];
  }
}

TEST(CoreConfig, CheckKnownNamesEveryUnknownFlag) {
  const Config config = MustParse({"--db-host=x", "--colour=red", "--grpc_prot=1"},
                                  {{"HUINONG_SOMETHING_ELSE", "1"}});
  const absl::Status status = config.CheckKnown({"db_host", "grpc_port"});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("--colour"));
  EXPECT_THAT(status.message(), HasSubstr("--grpc_prot"));
  EXPECT_THAT(status.message(), Not(HasSubstr("db-host")));
  EXPECT_THAT(status.message(), Not(HasSubstr("SOMETHING")));
  EXPECT_TRUE(config.CheckKnown({"db-host", "colour", "grpc_prot"}).ok());
}

TEST(CoreConfig, BadIntNamesKeyAndOrigin) {
  const Config config = MustParse({"--grpc-port=70o1"}, {{"HUINONG_DB_PORT", "x"}});
  const auto port = config.Int("grpc_port", 7001);
  ASSERT_EQ(port.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(port.status().message(), HasSubstr("grpc_port"));
  EXPECT_THAT(port.status().message(), HasSubstr("--grpc-port"));
  EXPECT_THAT(port.status().message(), HasSubstr("70o1"));
  const auto db_port = config.Int("db_port", 3306);
  ASSERT_FALSE(db_port.ok());
  EXPECT_THAT(db_port.status().message(), HasSubstr("HUINONG_DB_PORT"));
}

TEST(CoreConfig, BoolSpellings) {
  const Config config = MustParse({"--a=yes", "--b=0", "--c=OFF", "--d=True", "--e=maybe"});
  EXPECT_TRUE(*config.Bool("a", false));
  EXPECT_FALSE(*config.Bool("b", true));
  EXPECT_FALSE(*config.Bool("c", true));
  EXPECT_TRUE(*config.Bool("d", false));
  EXPECT_THAT(config.Bool("e", false).status().message(), HasSubstr("e"));
  EXPECT_FALSE(config.Bool("e", false).ok());
  EXPECT_TRUE(*config.Bool("absent", true));
}

TEST(CoreConfig, Durations) {
  const Config config = MustParse({"--timeout=5s", "--poll=250ms", "--bad=5"});
  EXPECT_EQ(*config.Duration("timeout", absl::Seconds(1)), absl::Seconds(5));
  EXPECT_EQ(*config.Duration("poll", absl::Seconds(1)), absl::Milliseconds(250));
  EXPECT_EQ(*config.Duration("absent", absl::Minutes(2)), absl::Minutes(2));
  const auto bad = config.Duration("bad", absl::Seconds(1));
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("bad"));
}

TEST(CoreConfig, FromProcessReadsRealEnvironment) {
  ASSERT_EQ(setenv("HUINONG_CORE_TEST_VALUE", "from-env", 1), 0);
  char prog[] = "prog";
  char* argv[] = {prog, nullptr};
  auto config = Config::FromProcess(1, argv);
  unsetenv("HUINONG_CORE_TEST_VALUE");
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->String("core_test_value"), "from-env");
}

class CoreSecretFile : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/huinong_core_secret_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    for (const std::string& f : files_) unlink(f.c_str());
    rmdir(dir_.c_str());
  }
  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    files_.push_back(path);
    return path;
  }
  std::string dir_;
  std::vector<std::string> files_;
};

TEST_F(CoreSecretFile, TrimsOneTrailingNewline) {
  EXPECT_EQ(*ReadSecretFile(Write("a", "s3cret\n")), "s3cret");
  EXPECT_EQ(*ReadSecretFile(Write("b", "s3cret\r\n")), "s3cret");
  EXPECT_EQ(*ReadSecretFile(Write("c", "s3cret\n\n")), "s3cret\n");
  EXPECT_EQ(*ReadSecretFile(Write("d", "no-newline")), "no-newline");
}

TEST_F(CoreSecretFile, MissingFileIsNotFoundWithPath) {
  const std::string path = dir_ + "/absent";
  const auto secret = ReadSecretFile(path);
  EXPECT_EQ(secret.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(secret.status().message(), HasSubstr(path));
}

// Root reads any file, so as root the check runs in a child that has given
// up root for "nobody".
TEST_F(CoreSecretFile, UnreadableFileIsPermissionDenied) {
  const std::string path = Write("locked", "x");
  ASSERT_EQ(chmod(path.c_str(), 0), 0);
  const auto check = [&path]() {
    const auto secret = ReadSecretFile(path);
    return secret.status().code() == absl::StatusCode::kPermissionDenied &&
           secret.status().message().find(path) != std::string_view::npos;
  };
  if (geteuid() != 0) {
    EXPECT_TRUE(check()) << ReadSecretFile(path).status();
    return;
  }
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    if (setgid(65534) != 0 || setuid(65534) != 0) _exit(2);
    _exit(check() ? 0 : 1);
  }
  int wstatus = 0;
  ASSERT_EQ(waitpid(child, &wstatus, 0), child);
  ASSERT_TRUE(WIFEXITED(wstatus));
  EXPECT_EQ(WEXITSTATUS(wstatus), 0) << "1: wrong status, 2: could not drop root";
}

TEST_F(CoreSecretFile, DirectoryIsRejected) {
  const auto secret = ReadSecretFile(dir_);
  EXPECT_EQ(secret.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(secret.status().message(), HasSubstr(dir_));
}

}  // namespace
}  // namespace huinong
