#include "bench/proc_stats.h"

#include <dirent.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace huinong::bench {
namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Fields of /proc/<pid>/stat after the command name (which may contain spaces).
absl::StatusOr<std::vector<std::string>> StatFields(pid_t pid) {
  absl::StatusOr<std::string> stat = ReadFile(absl::StrCat("/proc/", pid, "/stat"));
  if (!stat.ok()) return stat.status();
  const size_t close = stat->rfind(')');
  if (close == std::string::npos) return absl::InternalError("malformed /proc stat");
  return absl::StrSplit(stat->substr(close + 2), ' ', absl::SkipEmpty());
}

std::vector<pid_t> ChildrenOf(pid_t parent) {
  std::vector<pid_t> out;
  DIR* dir = opendir("/proc");
  if (dir == nullptr) return out;
  while (struct dirent* e = readdir(dir)) {
    pid_t pid = 0;
    if (!absl::SimpleAtoi(e->d_name, &pid)) continue;
    absl::StatusOr<std::vector<std::string>> f = StatFields(pid);
    pid_t ppid = 0;  // field 4 of stat: index 1 after the command
    if (f.ok() && f->size() > 1 && absl::SimpleAtoi((*f)[1], &ppid) && ppid == parent) out.push_back(pid);
  }
  closedir(dir);
  return out;
}

}  // namespace

absl::StatusOr<double> RssMiB(pid_t pid) {
  absl::StatusOr<std::string> status = ReadFile(absl::StrCat("/proc/", pid, "/status"));
  if (!status.ok()) return status.status();
  for (absl::string_view line : absl::StrSplit(*status, '\n')) {
    if (!absl::ConsumePrefix(&line, "VmRSS:")) continue;
    line = absl::StripAsciiWhitespace(line);
    int64_t kib = 0;
    if (absl::ConsumeSuffix(&line, "kB") && absl::SimpleAtoi(absl::StripAsciiWhitespace(line), &kib)) {
      return static_cast<double>(kib) / 1024.0;
    }
  }
  return absl::InternalError(absl::StrCat("no VmRSS for pid ", pid));
}

absl::StatusOr<double> CpuSeconds(pid_t pid) {
  absl::StatusOr<std::vector<std::string>> f = StatFields(pid);
  if (!f.ok()) return f.status();
  // utime and stime are fields 14 and 15 of stat: indexes 11 and 12 after the command.
  int64_t utime = 0, stime = 0;
  if (f->size() < 13 || !absl::SimpleAtoi((*f)[11], &utime) || !absl::SimpleAtoi((*f)[12], &stime)) {
    return absl::InternalError("malformed /proc stat");
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

absl::StatusOr<pid_t> PidFromFile(const std::string& path) {
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  pid_t pid = 0;
  if (!absl::SimpleAtoi(absl::StripAsciiWhitespace(*text), &pid) || pid <= 0) {
    return absl::InvalidArgumentError(absl::StrCat(path, " holds no pid"));
  }
  if (kill(pid, 0) != 0) return absl::NotFoundError(absl::StrCat("process ", pid, " of ", path, " is gone"));
  return pid;
}

absl::StatusOr<std::vector<ProcessGroup>> SuiteProcesses(const std::string& run_dir) {
  std::vector<ProcessGroup> groups;
  for (const char* name : {"org", "tickets", "loans", "audit", "mariadb"}) {
    absl::StatusOr<pid_t> pid = PidFromFile(absl::StrCat(run_dir, "/pids/", name, ".pid"));
    if (pid.ok()) groups.push_back({name, {*pid}});
  }
  if (groups.empty()) return absl::NotFoundError(absl::StrCat("no running suite under ", run_dir));
  absl::StatusOr<pid_t> nginx = PidFromFile(absl::StrCat(run_dir, "/gateway/nginx.pid"));
  if (nginx.ok()) {
    ProcessGroup g{"gateway", {*nginx}};
    for (pid_t w : ChildrenOf(*nginx)) g.pids.push_back(w);
    groups.push_back(std::move(g));
  }
  return groups;
}

void CpuMeter::Start() {
  start_.clear();
  for (const auto& g : groups_) {
    for (pid_t pid : g.pids) {
      if (auto cpu = CpuSeconds(pid); cpu.ok()) start_[pid] = *cpu;
    }
  }
}

void CpuMeter::Stop() {
  used_.clear();
  for (const auto& g : groups_) {
    double used = 0;
    for (pid_t pid : g.pids) {
      auto begin = start_.find(pid);
      auto end = CpuSeconds(pid);
      if (begin != start_.end() && end.ok()) used += *end - begin->second;
    }
    used_[g.name] = used;
  }
}

}  // namespace huinong::bench
