#include "common/rpc/shared_types.h"

#include <gtest/gtest.h>

#include <string>

#include "common/db/document_ref_json.h"

namespace huinong::rpc {
namespace {

type::v1::DocumentRef LoanContract() {
  type::v1::DocumentRef p;
  p.set_uri("docs://guan/contracts/2026-0187.pdf");
  p.set_sha256(std::string(64, 'a'));
  p.set_title("借款合同");
  p.set_kind("loan_contract");
  p.set_number("固农信借字〔2026〕第0187号");
  return p;
}

TEST(DocumentRef, KindAndNumberTravelFromTheApiToTheStoreAndBack) {
  Violations v;
  const domain::DocumentRef d = ReadDocument(LoanContract(), "contract.contract", v);
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(d.kind, "loan_contract");
  EXPECT_EQ(d.number, "固农信借字〔2026〕第0187号");
  EXPECT_EQ(db::DocumentRefOf(db::DocumentRefJson(d)), d);
  EXPECT_EQ(ToProto(d).SerializeAsString(), LoanContract().SerializeAsString());
}

TEST(DocumentRef, AKindOrNumberAloneIsAReference) {
  domain::DocumentRef d;
  EXPECT_TRUE(d.empty());
  d.number = "郏政办〔2016〕12号";
  EXPECT_FALSE(d.empty());
}

TEST(DocumentRef, StoredBeforeKindAndNumberExistedReadsTheSame) {
  const domain::DocumentRef old{"docs://a", "", "survey report", "", ""};
  EXPECT_EQ(db::DocumentRefJson(old).dump(), R"({"sha256":"","title":"survey report","uri":"docs://a"})");
  EXPECT_EQ(db::DocumentRefOf(db::DocumentRefJson(old)), old);
}

TEST(DocumentRef, EveryBadPartIsNamed) {
  type::v1::DocumentRef p = LoanContract();
  p.set_kind("Loan Contract");
  p.set_number(std::string(101, 'x'));
  p.set_sha256("abc");
  Violations v;
  ReadDocument(p, "survey.report", v);
  ASSERT_EQ(v.list().size(), 3u);
  EXPECT_EQ(v.list()[0].field, "survey.report.sha256");
  EXPECT_EQ(v.list()[1].field, "survey.report.kind");
  EXPECT_EQ(v.list()[2].field, "survey.report.number");
}

TEST(DocumentRef, KindBoundaries) {
  type::v1::DocumentRef p;
  p.set_kind(std::string(40, 'k'));
  Violations ok;
  ReadDocument(p, "d", ok);
  EXPECT_TRUE(ok.empty());
  p.set_kind(std::string(41, 'k'));
  Violations bad;
  ReadDocument(p, "d", bad);
  ASSERT_EQ(bad.list().size(), 1u);
  EXPECT_EQ(bad.list()[0].field, "d.kind");
}

TEST(DocumentRef, ARequiredReferenceSaysWhereTheDocumentIsOrItsHash) {
  Violations v;
  ReadRequiredDocument(type::v1::DocumentRef(), "guarantee.contract", v);
  type::v1::DocumentRef numbered;
  numbered.set_kind("insurance_policy");
  numbered.set_number("PICC-2026-0001");
  numbered.set_title("保证保险单");
  ReadRequiredDocument(numbered, "insurance.policy_document", v);
  ASSERT_EQ(v.list().size(), 2u);
  EXPECT_EQ(v.list()[0].field, "guarantee.contract");
  EXPECT_EQ(v.list()[1].field, "insurance.policy_document");
  Violations ok;
  type::v1::DocumentRef hashed = numbered;
  hashed.set_sha256(std::string(64, 'b'));
  ReadRequiredDocument(hashed, "insurance.policy_document", ok);
  numbered.set_uri("docs://picc/2026-0001.pdf");
  ReadRequiredDocument(numbered, "insurance.policy_document", ok);
  EXPECT_TRUE(ok.empty());
}

}  // namespace
}  // namespace huinong::rpc
