// Standard process_* metrics (the names the Go and Java clients export, so
// stock dashboards work), read from /proc/self at every scrape.
#pragma once

#include "common/metrics/registry.h"

namespace huinong::metrics {

// Adds process_resident_memory_bytes, process_virtual_memory_bytes,
// process_cpu_seconds_total, process_open_fds and process_start_time_seconds,
// refreshed by a collector before each Render(). If /proc cannot be read the
// values keep their last reading; a scrape never fails because of it.
void AddProcessMetrics(Registry& registry);

}  // namespace huinong::metrics
