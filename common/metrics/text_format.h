// Pieces of the Prometheus text exposition format 0.0.4 that the registry
// needs: name validation, escaping and number formatting. Guarantees that
// every number written parses in Prometheus (shortest round-trip decimal,
// "+Inf", "-Inf", "NaN") and that escaped text cannot break a line or a
// quoted label value.
#pragma once

#include <string>
#include <string_view>

namespace huinong::metrics::text {

// [a-zA-Z_:][a-zA-Z0-9_:]*
bool IsValidMetricName(std::string_view name);

// [a-zA-Z_][a-zA-Z0-9_]*, and not starting with "__" (reserved by Prometheus).
bool IsValidLabelName(std::string_view name);

// Shortest decimal that reads back as exactly `value`, in fixed notation for
// magnitudes 1e-4 <= |v| < 1e21 (so amounts stay readable and greppable:
// "150000000", "0.0005") and scientific otherwise ("1e-05"); "+Inf", "-Inf",
// "NaN". For sample values.
void AppendNumber(std::string& out, double value);

// The same digits spelled exactly as Go's strconv 'g' shortest form, which is
// what client_golang writes into le="..." ("0.0005", "2.5", "1e+06"). `le` is a
// string label, so matching it keeps one bucket one series across clients.
void AppendBucketBound(std::string& out, double bound);

// Label values: backslash, double quote and newline are escaped.
void AppendEscapedLabelValue(std::string& out, std::string_view value);

// HELP text: backslash and newline are escaped (quotes are legal there).
void AppendEscapedHelp(std::string& out, std::string_view help);

}  // namespace huinong::metrics::text
