// svc-org's records name documents with the suite's DocumentRef
// (common/domain/document_ref.h).
#pragma once

#include "common/domain/document_ref.h"

namespace huinong::org {

using DocumentRef = domain::DocumentRef;

}  // namespace huinong::org
