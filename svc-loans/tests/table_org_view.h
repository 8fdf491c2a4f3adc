// svc-loans' tests name the shared table-driven OrgView in their own
// namespace (common/org_directory/testing/table_org_view.h).
#pragma once

#include "common/org_directory/testing/table_org_view.h"

namespace huinong::loans {

using org_directory::TableOrgView;
using org_directory::WeekdayCalendar;

}  // namespace huinong::loans
