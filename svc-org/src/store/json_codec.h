// The JSON columns of svc-org's tables: nested parts of posts, staff,
// assignments and policies that are read and written whole and never
// filtered on, held as JSON text written with nlohmann-json (keys sorted).
// Decoding is lenient — a malformed or missing value, or a member of the
// wrong type, reads as empty rather than failing a read of the whole row
// (the API validated everything before it was written). Rows written by the
// earlier google.protobuf.Value codec read the same.
#pragma once

#include <string>
#include <vector>

#include "svc-org/src/domain/change_request.h"
#include "svc-org/src/domain/concurrency.h"
#include "svc-org/src/domain/post.h"
#include "svc-org/src/domain/staff.h"

namespace huinong::org::store {

std::string Encode(const std::vector<Duty>& duties);
std::string Encode(const std::vector<QualificationGroup>& groups);
std::string Encode(const std::vector<std::string>& strings);
std::string Encode(const std::vector<ReportingLine>& lines);
std::string Encode(const DocumentRef& document);
std::string Encode(const std::vector<HeldQualification>& held);
std::string Encode(const Delegation& delegation);
std::string Encode(const Secondment& secondment);
std::string Encode(const Mitigation& mitigation);
std::string Encode(const std::vector<AllowedCombination>& whitelist);
std::string Encode(const std::vector<SegregationPair>& pairs);
// An approval chain's title and steps (migration 0014); the rest are columns.
std::string Encode(const ApprovalChain& chain);

void Decode(const std::string& json, std::vector<Duty>& out);
void Decode(const std::string& json, std::vector<QualificationGroup>& out);
void Decode(const std::string& json, std::vector<std::string>& out);
void Decode(const std::string& json, std::vector<ReportingLine>& out);
void Decode(const std::string& json, DocumentRef& out);
void Decode(const std::string& json, std::vector<HeldQualification>& out);
void Decode(const std::string& json, Delegation& out);
void Decode(const std::string& json, Secondment& out);
void Decode(const std::string& json, Mitigation& out);
void Decode(const std::string& json, std::vector<AllowedCombination>& out);
void Decode(const std::string& json, std::vector<SegregationPair>& out);
void Decode(const std::string& json, ApprovalChain& out);

}  // namespace huinong::org::store
