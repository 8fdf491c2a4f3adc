// Registry, families and histogram cells; see registry.h for the guarantees.
#include "common/metrics/registry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <set>
#include <utility>

#include "common/metrics/text_format.h"

namespace huinong::metrics {
namespace {

std::string_view TypeName(MetricType type) {
  switch (type) {
    case MetricType::kCounter: return "counter";
    case MetricType::kGauge: return "gauge";
    case MetricType::kHistogram: return "histogram";
  }
  return "untyped";
}

void AppendHeader(std::string& out, const std::string& name, std::string_view help,
                  MetricType type) {
  out += "# HELP ";
  out += name;
  out += ' ';
  text::AppendEscapedHelp(out, help);
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += TypeName(type);
  out += '\n';
}

// Writes `name{l1="v1",...[,le="bound"]} ` (no braces when there are no labels).
void AppendSeriesStart(std::string& out, std::string_view name,
                       const std::vector<std::string>& label_names,
                       const std::vector<std::string>& label_values, const double* le) {
  out += name;
  if (!label_names.empty() || le != nullptr) {
    out += '{';
    for (size_t i = 0; i < label_names.size(); ++i) {
      if (i > 0) out += ',';
      out += label_names[i];
      out += "=\"";
      text::AppendEscapedLabelValue(out, label_values[i]);
      out += '"';
    }
    if (le != nullptr) {
      if (!label_names.empty()) out += ',';
      out += "le=\"";
      text::AppendBucketBound(out, *le);
      out += '"';
    }
    out += '}';
  }
  out += ' ';
}

void AppendValueLine(std::string& out, double value) {
  text::AppendNumber(out, value);
  out += '\n';
}

void CheckShape(MetricType type, const std::string& name,
                const std::vector<std::string>& label_names, std::vector<double>& bounds) {
  if (!text::IsValidMetricName(name)) {
    internal::Die("invalid metric name \"" + name + "\" (want [a-zA-Z_:][a-zA-Z0-9_:]*)");
  }
  std::set<std::string_view> seen;
  for (const std::string& label : label_names) {
    if (!text::IsValidLabelName(label)) {
      internal::Die("metric \"" + name + "\": invalid label name \"" + label +
                    "\" (want [a-zA-Z_][a-zA-Z0-9_]*, not starting with __)");
    }
    if (type == MetricType::kHistogram && label == "le") {
      internal::Die("histogram \"" + name + "\": label name \"le\" is reserved for buckets");
    }
    if (!seen.insert(label).second) {
      internal::Die("metric \"" + name + "\": label name \"" + label + "\" given twice");
    }
  }
  if (type != MetricType::kHistogram) return;
  if (!bounds.empty() && std::isinf(bounds.back()) && bounds.back() > 0) bounds.pop_back();
  for (size_t i = 0; i < bounds.size(); ++i) {
    if (!std::isfinite(bounds[i]) || (i > 0 && !(bounds[i - 1] < bounds[i]))) {
      internal::Die("histogram \"" + name + "\": bucket bounds must be finite and strictly increasing");
    }
  }
}

}  // namespace

Histogram::Histogram(std::vector<double> bounds)
    : bounds_(std::move(bounds)),
      buckets_(std::make_unique<std::atomic<uint64_t>[]>(bounds_.size() + 1)) {}

void Histogram::Observe(double v) {
  // NaN compares false with every bound; like the Go client, it lands in +Inf.
  const size_t index =
      std::isnan(v) ? bounds_.size()
                    : static_cast<size_t>(std::lower_bound(bounds_.begin(), bounds_.end(), v) -
                                          bounds_.begin());
  buckets_[index].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(v, std::memory_order_relaxed);
}

uint64_t Histogram::Count() const {
  uint64_t total = 0;
  for (size_t i = 0; i <= bounds_.size(); ++i) total += buckets_[i].load(std::memory_order_relaxed);
  return total;
}

std::vector<uint64_t> Histogram::BucketCounts() const {
  std::vector<uint64_t> counts(bounds_.size() + 1);
  for (size_t i = 0; i < counts.size(); ++i) counts[i] = buckets_[i].load(std::memory_order_relaxed);
  return counts;
}

namespace internal {

void Die(const std::string& message) {
  std::fprintf(stderr, "huinong::metrics: %s\n", message.c_str());
  std::fflush(stderr);
  std::abort();
}

FamilyBase::FamilyBase(MetricType type, std::string name, std::string help,
                       std::vector<std::string> label_names, std::vector<double> bounds)
    : type_(type),
      name_(std::move(name)),
      help_(std::move(help)),
      label_names_(std::move(label_names)),
      bounds_(std::move(bounds)) {}

void FamilyBase::CheckLabelCount(size_t got) const {
  if (got != label_names_.size()) {
    Die("metric \"" + name_ + "\" has " + std::to_string(label_names_.size()) +
        " label(s) but WithLabels got " + std::to_string(got) + " value(s)");
  }
}

}  // namespace internal

template <class Cell>
void Family<Cell>::RenderTo(std::string& out) const {
  absl::ReaderMutexLock lock(&mu_);
  if (cells_.empty()) return;
  AppendHeader(out, name_, help_, type_);
  for (const auto& [values, cell] : cells_) {
    if constexpr (std::is_same_v<Cell, Histogram>) {
      // _count is derived from the same bucket snapshot, so it always equals
      // the +Inf bucket even while other threads observe.
      const std::vector<uint64_t> counts = cell.BucketCounts();
      const std::string bucket_name = name_ + "_bucket";
      uint64_t cumulative = 0;
      for (size_t i = 0; i < counts.size(); ++i) {
        cumulative += counts[i];
        const double le = i < bounds_.size() ? bounds_[i] : std::numeric_limits<double>::infinity();
        AppendSeriesStart(out, bucket_name, label_names_, values, &le);
        AppendValueLine(out, static_cast<double>(cumulative));
      }
      AppendSeriesStart(out, name_ + "_sum", label_names_, values, nullptr);
      AppendValueLine(out, cell.Sum());
      AppendSeriesStart(out, name_ + "_count", label_names_, values, nullptr);
      AppendValueLine(out, static_cast<double>(cumulative));
    } else {
      AppendSeriesStart(out, name_, label_names_, values, nullptr);
      AppendValueLine(out, cell.Value());
    }
  }
}

template class Family<Counter>;
template class Family<Gauge>;
template class Family<Histogram>;

template <class Cell>
Family<Cell>& Registry::Add(MetricType type, std::string name, std::string help,
                            std::vector<std::string> label_names, std::vector<double> bounds) {
  CheckShape(type, name, label_names, bounds);
  Family<Cell>* family = nullptr;
  {
    absl::MutexLock lock(&mu_);
    auto it = families_.find(name);
    if (it != families_.end()) {
      const internal::FamilyBase& existing = *it->second;
      if (existing.type() != type || existing.label_names() != label_names ||
          existing.bounds() != bounds) {
        internal::Die("metric \"" + name +
                      "\" registered twice with a different type, label names or buckets");
      }
      return static_cast<Family<Cell>&>(*it->second);
    }
    auto created = std::make_unique<Family<Cell>>(type, name, std::move(help),
                                                  std::move(label_names), std::move(bounds));
    family = created.get();
    families_.emplace(std::move(name), std::move(created));
  }
  // Without labels there is exactly one series; create it so it exports 0.
  if (family->label_names().empty()) family->WithLabels({});
  return *family;
}

CounterFamily& Registry::AddCounter(std::string name, std::string help,
                                    std::vector<std::string> label_names) {
  return Add<Counter>(MetricType::kCounter, std::move(name), std::move(help),
                      std::move(label_names), {});
}

GaugeFamily& Registry::AddGauge(std::string name, std::string help,
                                std::vector<std::string> label_names) {
  return Add<Gauge>(MetricType::kGauge, std::move(name), std::move(help),
                    std::move(label_names), {});
}

HistogramFamily& Registry::AddHistogram(std::string name, std::string help,
                                        std::vector<std::string> label_names,
                                        std::vector<double> bucket_bounds) {
  return Add<Histogram>(MetricType::kHistogram, std::move(name), std::move(help),
                        std::move(label_names), std::move(bucket_bounds));
}

void Registry::AddCollector(std::function<void()> refresh) {
  absl::MutexLock lock(&mu_);
  collectors_.push_back(std::move(refresh));
}

std::string Registry::Render() {
  absl::MutexLock render_lock(&render_mu_);
  std::vector<std::function<void()>> collectors;
  {
    absl::MutexLock lock(&mu_);
    collectors = collectors_;
  }
  // Outside mu_: a collector may look up or even add families.
  for (const auto& refresh : collectors) refresh();

  std::string out;
  absl::ReaderMutexLock lock(&mu_);
  for (const auto& [name, family] : families_) family->RenderTo(out);
  return out;
}

std::vector<double> LatencyBuckets() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

}  // namespace huinong::metrics
