// See replica_name.h.
#include "common/core/replica_name.h"

#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"

namespace huinong {

std::string ReplicaName() {
  char host[256] = {0};
  if (gethostname(host, sizeof(host) - 1) != 0) host[0] = '\0';
  return absl::StrCat(host, ":", getpid(), ":", NewUlid().substr(20));
}

}  // namespace huinong
