// Registry and families, collected for prometheus-cpp; see registry.h for the
// guarantees.
#include "common/metrics/registry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <set>
#include <type_traits>
#include <utility>

#include <prometheus/check_names.h>
#include <prometheus/text_serializer.h>

#include "common/metrics/exposition.h"

namespace huinong::metrics {
namespace {

// prometheus-cpp writes HELP as given; the text format wants backslash and
// newline escaped there (quotes are legal).
std::string EscapeHelp(std::string_view help) {
  std::string out;
  out.reserve(help.size());
  for (const char c : help) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
  return out;
}

void CheckShape(internal::Shape& shape) {
  const std::string& name = shape.name;
  if (!prometheus::CheckMetricName(name)) {
    internal::Die("invalid metric name \"" + name +
                  "\" (want [a-zA-Z_:][a-zA-Z0-9_:]*, not starting with __)");
  }
  std::set<std::string_view> seen;
  for (const std::string& label : shape.label_names) {
    if (!prometheus::CheckLabelName(label)) {
      internal::Die("metric \"" + name + "\": invalid label name \"" + label +
                    "\" (want [a-zA-Z_][a-zA-Z0-9_]*, not starting with __)");
    }
    if (shape.type == MetricType::kHistogram && label == "le") {
      internal::Die("histogram \"" + name + "\": label name \"le\" is reserved for buckets");
    }
    if (!seen.insert(label).second) {
      internal::Die("metric \"" + name + "\": label name \"" + label + "\" given twice");
    }
  }
  if (shape.type != MetricType::kHistogram) return;
  std::vector<double>& bounds = shape.bounds;
  if (!bounds.empty() && std::isinf(bounds.back()) && bounds.back() > 0) bounds.pop_back();
  for (size_t i = 0; i < bounds.size(); ++i) {
    if (!std::isfinite(bounds[i]) || (i > 0 && !(bounds[i - 1] < bounds[i]))) {
      internal::Die("histogram \"" + name + "\": bucket bounds must be finite and strictly increasing");
    }
  }
}

}  // namespace

namespace internal {

void Die(const std::string& message) {
  std::fprintf(stderr, "huinong::metrics: %s\n", message.c_str());
  std::fflush(stderr);
  std::abort();
}

void FamilyBase::CheckLabelCount(size_t got) const {
  if (got != shape_.label_names.size()) {
    Die("metric \"" + shape_.name + "\" has " + std::to_string(shape_.label_names.size()) +
        " label(s) but WithLabels got " + std::to_string(got) + " value(s)");
  }
}

}  // namespace internal

template <class Cell>
Cell& Family<Cell>::Create(std::vector<std::string> values) {
  absl::MutexLock lock(&mu_);
  // Another thread may have created it between our reader and writer lock.
  auto it = cells_.find(values);
  if (it != cells_.end()) return it->second;
  if constexpr (std::is_same_v<Cell, Histogram>) {
    return cells_.try_emplace(std::move(values), std::span<const double>(shape_.bounds))
        .first->second;
  } else {
    return cells_.try_emplace(std::move(values)).first->second;
  }
}

template <class Cell>
std::vector<prometheus::MetricFamily> Family<Cell>::Collect() const {
  // Label pairs in name order, as prometheus-cpp's own families write them.
  const std::vector<std::string>& names = shape_.label_names;
  std::vector<size_t> order(names.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return names[a] < names[b]; });

  prometheus::MetricFamily family{shape_.name, help_, Cell::kType, {}};
  absl::ReaderMutexLock lock(&mu_);
  if (cells_.empty()) return {};
  family.metric.reserve(cells_.size());
  for (const auto& [values, cell] : cells_) {
    prometheus::ClientMetric& metric = family.metric.emplace_back();
    metric.label.reserve(order.size());
    for (const size_t i : order) metric.label.push_back({names[i], values[i]});
    cell.CollectInto(metric);
  }
  std::vector<prometheus::MetricFamily> out;
  out.push_back(std::move(family));
  return out;
}

template class Family<Counter>;
template class Family<Gauge>;
template class Family<Histogram>;

Registry::Registry() : exposition_(std::make_shared<internal::Exposition>()) {}

Registry::~Registry() = default;

template <class Cell>
Family<Cell>& Registry::Add(internal::Shape shape, std::string help) {
  CheckShape(shape);
  Family<Cell>* family = nullptr;
  {
    absl::MutexLock lock(&mu_);
    auto it = families_.find(shape.name);
    if (it != families_.end()) {
      if (it->second->shape() != shape) {
        internal::Die("metric \"" + shape.name +
                      "\" registered twice with a different type, label names or buckets");
      }
      return static_cast<Family<Cell>&>(*it->second);
    }
    std::string name = shape.name;
    auto created = std::make_shared<Family<Cell>>(std::move(shape), EscapeHelp(help));
    family = created.get();
    exposition_->AddCollectable(created);
    families_.emplace(std::move(name), std::move(created));
  }
  // Without labels there is exactly one series; create it so it exports 0.
  if (family->shape().label_names.empty()) family->WithLabels({});
  return *family;
}

CounterFamily& Registry::AddCounter(std::string name, std::string help,
                                    std::vector<std::string> label_names) {
  return Add<Counter>({MetricType::kCounter, std::move(name), std::move(label_names), {}},
                      std::move(help));
}

GaugeFamily& Registry::AddGauge(std::string name, std::string help,
                                std::vector<std::string> label_names) {
  return Add<Gauge>({MetricType::kGauge, std::move(name), std::move(label_names), {}},
                    std::move(help));
}

HistogramFamily& Registry::AddHistogram(std::string name, std::string help,
                                        std::vector<std::string> label_names,
                                        std::vector<double> bucket_bounds) {
  return Add<Histogram>({MetricType::kHistogram, std::move(name), std::move(label_names),
                         std::move(bucket_bounds)},
                        std::move(help));
}

void Registry::AddCollector(std::function<void()> refresh) {
  exposition_->AddCollector(std::move(refresh));
}

void Registry::AddCollectable(std::shared_ptr<prometheus::Collectable> collectable) {
  exposition_->AddCollectable(std::move(collectable));
}

std::string Registry::Render() {
  return prometheus::TextSerializer().Serialize(exposition_->Collect());
}

std::weak_ptr<prometheus::Collectable> Registry::exposition() const { return exposition_; }

std::vector<double> LatencyBuckets() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

}  // namespace huinong::metrics
