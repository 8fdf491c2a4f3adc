// See call_deadline.h.
#include "common/core/call_deadline.h"

namespace huinong {
namespace {

thread_local absl::Time current_deadline = absl::InfiniteFuture();

}  // namespace

absl::Time CurrentCallDeadline() { return current_deadline; }

CallDeadlineScope::CallDeadlineScope(absl::Time deadline) : outer_(current_deadline) { current_deadline = deadline; }

CallDeadlineScope::~CallDeadlineScope() { current_deadline = outer_; }

}  // namespace huinong
