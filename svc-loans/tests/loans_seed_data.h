// Records of the seeds that every loans test judges against — the domain
// rules' tests directly, the store and API tests written straight to the
// store so each test starts from them: the poverty small loan (000:1497:
// households, at most 50,000 CNY and 36 months, a credit line), the
// industry loan, and the fixture county's policy from 2026-01-01 with the
// default settings of domain/county_policy.h.
#pragma once

#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/product.h"

namespace huinong::loans {

inline constexpr char kPovertySmallLoanId[] = "01PRODUCTSMALL000000000001";
inline constexpr char kCountyPolicy2026Id[] = "01POLICY2026A0000000000000";
inline constexpr char kIndustryLoanId[] = "01PRODUCTINDUSTRY000000001";

Product PovertySmallLoanProduct();
// 产业发展贷款 (000:1501-1509): every borrower type, the county's ceilings,
// 36 months, rates from the base to base × 1.45, a household's part above
// 50,000 CNY counter-guaranteed (000:1519).
Product IndustryLoanProduct();
// For the fixture's "county" unit, lending with the fixture's organisations
// (loans_fixture.h): the banks "rcc" (the rural credit union) and "abc" (the
// Agricultural Bank), the guarantee company "guarantor" and the insurer "picc".
CountyPolicy CountyPolicy2026();

}  // namespace huinong::loans
