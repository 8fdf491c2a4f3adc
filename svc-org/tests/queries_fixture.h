// The fixture of the query tests: StructureFixture's structure, queried
// through `queries_` (OrgQueryService, hosted with the other services).
#pragma once

#include "svc-org/tests/structure_fixture.h"

namespace huinong::org {

class QueriesFixture : public StructureFixture {};

}  // namespace huinong::org
