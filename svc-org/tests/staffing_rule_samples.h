// A rule of every kind and shape in the API's text format, for the tests of
// the stored form of a rule (its JSON and the migration that wrote it): the
// seeds' numbers where they have some (004:117, 001:743, 004:77, 004:111,
// 004:113), a zero default, a Chinese description, a named total driver.
#pragma once

namespace huinong::org {

inline constexpr const char* kEveryRuleKind[] = {
    R"(per_unit { driver: "households" per { micros: 20000000000 } rounding: ROUNDING_MODE_DOWN })",
    R"(per_unit { driver: "vehicles" per { micros: 50000000 } posts_per_step: 2 rounding: ROUNDING_MODE_UP
                  minimum: 1 })",
    R"(formula { expression: "seat_hours_per_day * working_days / statutory_hours"
                 variables { name: "seat_hours_per_day" description: "每个座席每天的小时数" }
                 variables { name: "working_days" default_value { micros: 21750000 } has_default: true }
                 variables { name: "statutory_hours" default_value { micros: 166640000 } has_default: true }
                 variables { name: "extra" default_value { } has_default: true }
                 rounding: ROUNDING_MODE_HALF_UP minimum: 1 })",
    R"(summed_fractions { terms { driver: "households" capacity { micros: 1200000000 } }
                          terms { driver: "area_10k_m2" capacity { micros: 10000000 } }
                          rounding: ROUNDING_MODE_DOWN })",
    R"(percentage_bands { bands { kind: POST_KIND_MANAGEMENT min_bp: 800 max_bp: 1000 }
                          bands { kind: POST_KIND_PROFESSIONAL_TECHNICAL min_bp: 8000 max_bp: 8500 }
                          bands { kind: POST_KIND_SUPPORT max_bp: 1000 } })",
    R"(percentage_bands { total_driver: "posts" bands { kind: POST_KIND_SUPPORT min_bp: 0 max_bp: 10000 } })",
    R"(ratio_pyramid { base_driver: "beds"
                       tiers { role: "doctors" relative_to: "beds" ratio { micros: 200000 }
                               rounding: ROUNDING_MODE_HALF_UP }
                       tiers { role: "nurses" relative_to: "doctors" ratio { micros: 2000000 }
                               rounding: ROUNDING_MODE_UP } })",
};

}  // namespace huinong::org
