#include "bench/child_server.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "absl/strings/numbers.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"

namespace huinong::bench {
namespace {

// Reads the child's first line, up to the deadline.
absl::StatusOr<std::string> ReadLine(int fd, absl::Time deadline) {
  std::string line;
  char c;
  while (true) {
    const int64_t left_ms = absl::ToInt64Milliseconds(deadline - absl::Now());
    if (left_ms <= 0) return absl::DeadlineExceededError("baseline server did not report its port");
    struct pollfd p = {fd, POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(left_ms));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t n = read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return absl::UnavailableError("baseline server exited during start-up");
    if (c == '\n') return line;
    line.push_back(c);
  }
}

bool WaitExit(pid_t pid, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    int status = 0;
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid || (r < 0 && errno == ECHILD)) return true;
    absl::SleepFor(absl::Milliseconds(20));
  }
  return false;
}

}  // namespace

absl::StatusOr<std::unique_ptr<ChildServer>> ChildServer::Start(const std::vector<std::string>& args,
                                                                const std::string& log_path,
                                                                absl::Duration timeout) {
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) return absl::InternalError("pipe failed");
  const int log_fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (log_fd < 0) {
    close(out[0]);
    close(out[1]);
    return absl::PermissionDeniedError(absl::StrCat("cannot write ", log_path));
  }
  // Built before fork: the child may only make async-signal-safe calls.
  std::vector<std::string> argv_strings = {"/proc/self/exe"};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  char exe[4096];
  const ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  if (len <= 0) return absl::InternalError("cannot find this executable");
  exe[len] = '\0';
  const pid_t parent = getpid();

  const pid_t pid = fork();
  if (pid < 0) return absl::InternalError("fork failed");
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(1);
    dup2(out[1], STDOUT_FILENO);
    dup2(log_fd, STDERR_FILENO);
    execv(exe, argv.data());
    _exit(127);
  }
  close(out[1]);
  close(log_fd);
  absl::StatusOr<std::string> line = ReadLine(out[0], absl::Now() + timeout);
  close(out[0]);
  auto child = std::unique_ptr<ChildServer>(new ChildServer(pid, 0));
  int port = 0;
  if (!line.ok()) return absl::Status(line.status().code(), absl::StrCat(line.status().message(), "; see ", log_path));
  if (!absl::StartsWith(*line, "port ") || !absl::SimpleAtoi(absl::StripPrefix(*line, "port "), &port)) {
    return absl::InternalError(absl::StrCat("baseline server said \"", *line, "\"; see ", log_path));
  }
  child->port_ = port;
  return child;
}

ChildServer::~ChildServer() { Stop(); }

void ChildServer::Stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  if (!WaitExit(pid_, absl::Seconds(10))) {
    kill(pid_, SIGKILL);
    WaitExit(pid_, absl::Seconds(5));
  }
  pid_ = -1;
}

}  // namespace huinong::bench
