// Every method of the unit registry against a real MariaDB through a real
// gRPC server: validation naming fields, level rules, idempotent retries,
// etags, keyset pagination across pages, moves, subtrees, ancestors and the
// data scope of township callers.
#include <set>

#include <gtest/gtest.h>

#include "common/rpc/errors.h"
#include "svc-org/tests/org_fixture.h"

namespace huinong::org {
namespace {

using type::v1::LEVEL_COUNTY;
using type::v1::LEVEL_TOWNSHIP;
using type::v1::LEVEL_UNSPECIFIED;
using type::v1::LEVEL_VILLAGE;

absl::Status AsStatus(const grpc::Status& s) { return rpc::FromGrpcStatus(s); }

std::set<std::string> FieldsOf(const grpc::Status& s) {
  std::set<std::string> out;
  for (const auto& fv : rpc::FieldViolationsOf(AsStatus(s))) out.insert(fv.field);
  return out;
}

class UnitsApi : public OrgFixture {
 protected:
  void SetUp() override {
    OrgFixture::SetUp();
    county_ = MustCreate("固安县金融扶贫服务中心", v1::UNIT_KIND_CENTRE, LEVEL_COUNTY, "");
    t1_ = MustCreate("柳泉镇金融服务部", v1::UNIT_KIND_DEPARTMENT, LEVEL_TOWNSHIP, county_.name());
    t2_ = MustCreate("牛驼镇金融服务站", v1::UNIT_KIND_STATION, LEVEL_TOWNSHIP, county_.name());
    v1_ = MustCreate("东红寺村金融扶贫服务站", v1::UNIT_KIND_STATION, LEVEL_VILLAGE, t1_.name());
    v2_ = MustCreate("西小屯村金融扶贫服务站", v1::UNIT_KIND_STATION, LEVEL_VILLAGE, t2_.name());
  }

  v1::CreateUnitRequest Village(const std::string& request_id, const std::string& name,
                                const std::string& parent) {
    v1::CreateUnitRequest req;
    req.set_request_id(request_id);
    req.mutable_unit()->set_display_name(name);
    req.mutable_unit()->set_kind(v1::UNIT_KIND_STATION);
    req.mutable_unit()->set_level(LEVEL_VILLAGE);
    req.mutable_unit()->set_parent(parent);
    return req;
  }

  v1::Unit county_, t1_, t2_, v1_, v2_;
};

TEST_F(UnitsApi, CreateThenGetReturnsTheSameUnit) {
  v1::Unit got;
  v1::GetUnitRequest get;
  get.set_name(v1_.name());
  ASSERT_TRUE(units_->GetUnit(Admin().get(), get, &got).ok());
  EXPECT_EQ(got.display_name(), "东红寺村金融扶贫服务站");
  EXPECT_EQ(got.level(), LEVEL_VILLAGE);
  EXPECT_EQ(got.parent(), t1_.name());
  EXPECT_EQ(got.status(), v1::UNIT_STATUS_ACTIVE);
  EXPECT_EQ(got.depth(), 2);
  EXPECT_EQ(got.etag(), "1");
  EXPECT_EQ(got.create_time().seconds(), v1_.create_time().seconds());
  EXPECT_EQ(county_.depth(), 0);
  EXPECT_TRUE(county_.parent().empty());
}

TEST_F(UnitsApi, GetUnknownIsNotFoundAndMalformedNamesTheField) {
  v1::Unit got;
  v1::GetUnitRequest get;
  get.set_name("units/01JNOTTHERE0000000000000");
  EXPECT_EQ(units_->GetUnit(Admin().get(), get, &got).error_code(), grpc::StatusCode::NOT_FOUND);
  get.set_name("posts/x");
  grpc::Status s = units_->GetUnit(Admin().get(), get, &got);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"name"});
}

TEST_F(UnitsApi, InvalidCreateNamesEveryBadField) {
  v1::CreateUnitRequest req;
  req.mutable_unit()->set_kind(static_cast<v1::UnitKind>(99));
  req.mutable_unit()->set_parent("nonsense");
  req.mutable_unit()->mutable_effective_from()->set_year(2026);
  req.mutable_unit()->mutable_effective_from()->set_month(2);
  req.mutable_unit()->mutable_effective_from()->set_day(30);
  v1::Unit out;
  grpc::Status s = units_->CreateUnit(Admin().get(), req, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), (std::set<std::string>{"request_id", "unit.display_name", "unit.kind",
                                                "unit.parent", "unit.effective_from"}));
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM units"), "5");  // nothing changed
}

TEST_F(UnitsApi, LevelRulesAreEnforced) {
  v1::Unit out;
  // A village directly under the county.
  grpc::Status s = units_->CreateUnit(Admin().get(), Village("r-lvl-1", "错位村", county_.name()), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(rpc::ReasonOf(AsStatus(s)), "LEVEL_MISMATCH");
  // A township under a village.
  v1::CreateUnitRequest req = Village("r-lvl-2", "错位镇", v1_.name());
  req.mutable_unit()->set_level(LEVEL_TOWNSHIP);
  EXPECT_EQ(rpc::ReasonOf(AsStatus(units_->CreateUnit(Admin().get(), req, &out))), "LEVEL_MISMATCH");
  // A department without level may sit under a village station.
  req = Village("r-lvl-3", "驻村工作队", v1_.name());
  req.mutable_unit()->set_level(LEVEL_UNSPECIFIED);
  req.mutable_unit()->set_kind(v1::UNIT_KIND_GROUP);
  EXPECT_TRUE(units_->CreateUnit(Admin().get(), req, &out).ok());
}

TEST_F(UnitsApi, TheSameRequestIdTwiceCreatesOneUnit) {
  v1::Unit first, second;
  auto req = Village("r-same-1", "新村", t1_.name());
  ASSERT_TRUE(units_->CreateUnit(Admin().get(), req, &first).ok());
  ASSERT_TRUE(units_->CreateUnit(Admin().get(), req, &second).ok());
  EXPECT_EQ(first.name(), second.name());
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM units WHERE display_name = '新村'"), "1");
  // The same id for a different request is refused, naming request_id.
  auto other = Village("r-same-1", "另一个村", t1_.name());
  grpc::Status s = units_->CreateUnit(Admin().get(), other, &second);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(rpc::ReasonOf(AsStatus(s)), "REQUEST_ID_REUSED");
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"request_id"});
}

TEST_F(UnitsApi, DuplicateOpenSiblingNameIsAlreadyExists) {
  v1::Unit out;
  grpc::Status s = units_->CreateUnit(Admin().get(), Village("r-dup", v1_.display_name(), t1_.name()), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(rpc::ReasonOf(AsStatus(s)), "DUPLICATE_NAME");
  // The same name under another township is fine.
  EXPECT_TRUE(units_->CreateUnit(Admin().get(), Village("r-dup2", v1_.display_name(), t2_.name()), &out).ok());
}

TEST_F(UnitsApi, UpdateChecksEtagMaskAndTransitions) {
  v1::UpdateUnitRequest req;
  req.set_request_id("r-upd-1");
  *req.mutable_unit() = v1_;
  req.mutable_unit()->set_display_name("东红寺村服务站");
  req.mutable_update_mask()->add_paths("display_name");
  v1::Unit updated;
  ASSERT_TRUE(units_->UpdateUnit(Admin().get(), req, &updated).ok());
  EXPECT_EQ(updated.display_name(), "东红寺村服务站");
  EXPECT_EQ(updated.etag(), "2");

  // The old etag is stale now.
  req.set_request_id("r-upd-2");
  req.mutable_unit()->set_display_name("又一个名字");
  grpc::Status stale = units_->UpdateUnit(Admin().get(), req, &updated);
  EXPECT_EQ(stale.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(rpc::ReasonOf(AsStatus(stale)), "STALE_ETAG");

  // Immutable or unknown fields in the mask are named.
  req.set_request_id("r-upd-3");
  req.mutable_unit()->set_etag("2");
  req.mutable_update_mask()->add_paths("level");
  grpc::Status bad_mask = units_->UpdateUnit(Admin().get(), req, &updated);
  EXPECT_EQ(bad_mask.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(bad_mask), std::set<std::string>{"update_mask"});

  // ACTIVE -> PLANNED is not in the table.
  v1::UpdateUnitRequest back;
  back.set_request_id("r-upd-4");
  back.mutable_unit()->set_name(v1_.name());
  back.mutable_unit()->set_etag("2");
  back.mutable_unit()->set_status(v1::UNIT_STATUS_PLANNED);
  back.mutable_update_mask()->add_paths("status");
  grpc::Status planned = units_->UpdateUnit(Admin().get(), back, &updated);
  EXPECT_EQ(rpc::ReasonOf(AsStatus(planned)), "INVALID_TRANSITION");

  // Abolishing a township with an open village is refused.
  v1::UpdateUnitRequest abolish;
  abolish.set_request_id("r-upd-5");
  abolish.mutable_unit()->set_name(t1_.name());
  abolish.mutable_unit()->set_etag(t1_.etag());
  abolish.mutable_unit()->set_status(v1::UNIT_STATUS_ABOLISHED);
  abolish.mutable_update_mask()->add_paths("status");
  grpc::Status open_child = units_->UpdateUnit(Admin().get(), abolish, &updated);
  EXPECT_EQ(rpc::ReasonOf(AsStatus(open_child)), "HAS_OPEN_CHILDREN");
}

TEST_F(UnitsApi, ListPaginatesAcrossPagesWithoutGapsOrRepeats) {
  std::set<std::string> created = {v1_.name()};
  for (int i = 0; i < 6; ++i) {
    v1::Unit out;
    ASSERT_TRUE(units_->CreateUnit(Admin().get(),
                                  Village("r-page-" + std::to_string(i), "村" + std::to_string(i), t1_.name()),
                                  &out).ok());
    created.insert(out.name());
  }
  std::set<std::string> seen;
  std::vector<int> page_sizes;
  v1::ListUnitsRequest req;
  req.set_parent(t1_.name());
  req.set_page_size(3);
  std::string last;
  do {
    v1::ListUnitsResponse resp;
    ASSERT_TRUE(units_->ListUnits(Admin().get(), req, &resp).ok());
    page_sizes.push_back(resp.units_size());
    for (const auto& u : resp.units()) {
      EXPECT_TRUE(seen.insert(u.name()).second) << "repeated " << u.name();
      EXPECT_GT(u.name(), last);  // ordered by id
      last = u.name();
    }
    req.set_page_token(resp.next_page_token());
  } while (!req.page_token().empty());
  EXPECT_EQ(page_sizes, (std::vector<int>{3, 3, 1}));
  EXPECT_EQ(seen, created);
}

TEST_F(UnitsApi, PageTokenIsBoundToItsFilters) {
  v1::ListUnitsRequest req;
  req.set_level(LEVEL_TOWNSHIP);
  req.set_page_size(1);
  v1::ListUnitsResponse resp;
  ASSERT_TRUE(units_->ListUnits(Admin().get(), req, &resp).ok());
  ASSERT_FALSE(resp.next_page_token().empty());
  req.set_level(LEVEL_VILLAGE);
  req.set_page_token(resp.next_page_token());
  grpc::Status s = units_->ListUnits(Admin().get(), req, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"page_token"});
}

TEST_F(UnitsApi, ListFiltersByLevelKindAndStatus) {
  v1::ListUnitsRequest req;
  req.set_level(LEVEL_TOWNSHIP);
  v1::ListUnitsResponse resp;
  ASSERT_TRUE(units_->ListUnits(Admin().get(), req, &resp).ok());
  EXPECT_EQ(resp.units_size(), 2);
  req.set_kind(v1::UNIT_KIND_STATION);
  resp.Clear();
  ASSERT_TRUE(units_->ListUnits(Admin().get(), req, &resp).ok());
  ASSERT_EQ(resp.units_size(), 1);
  EXPECT_EQ(resp.units(0).name(), t2_.name());
  v1::ListUnitsRequest frozen;
  frozen.set_status(v1::UNIT_STATUS_FROZEN);
  resp.Clear();
  ASSERT_TRUE(units_->ListUnits(Admin().get(), frozen, &resp).ok());
  EXPECT_EQ(resp.units_size(), 0);
  v1::ListUnitsRequest bad;
  bad.set_level(static_cast<type::v1::Level>(42));
  bad.set_page_size(-1);
  grpc::Status s = units_->ListUnits(Admin().get(), bad, &resp);
  EXPECT_EQ(FieldsOf(s), (std::set<std::string>{"level", "page_size"}));
}

TEST_F(UnitsApi, MoveCarriesTheSubtreeAndChecksRules) {
  v1::Unit team = MustCreate("驻村工作队", v1::UNIT_KIND_GROUP, LEVEL_UNSPECIFIED, v1_.name());
  v1::MoveUnitRequest req;
  req.set_request_id("r-move-1");
  req.set_name(v1_.name());
  req.set_etag(v1_.etag());
  req.set_new_parent(t2_.name());
  v1::Unit moved;
  ASSERT_TRUE(units_->MoveUnit(Admin().get(), req, &moved).ok());
  EXPECT_EQ(moved.parent(), t2_.name());
  EXPECT_EQ(moved.etag(), "2");

  v1::GetUnitAncestorsRequest anc;
  anc.set_name(team.name());
  v1::GetUnitAncestorsResponse chain;
  ASSERT_TRUE(units_->GetUnitAncestors(Admin().get(), anc, &chain).ok());
  ASSERT_EQ(chain.ancestors_size(), 3);
  EXPECT_EQ(chain.ancestors(0).name(), county_.name());
  EXPECT_EQ(chain.ancestors(1).name(), t2_.name());
  EXPECT_EQ(chain.ancestors(2).name(), v1_.name());

  // Stale etag, a cycle, a level mismatch.
  req.set_request_id("r-move-2");
  req.set_new_parent(t1_.name());
  EXPECT_EQ(units_->MoveUnit(Admin().get(), req, &moved).error_code(), grpc::StatusCode::ABORTED);
  v1::MoveUnitRequest cycle;
  cycle.set_request_id("r-move-3");
  cycle.set_name(t2_.name());
  cycle.set_etag(t2_.etag());
  cycle.set_new_parent(team.name());
  EXPECT_EQ(rpc::ReasonOf(AsStatus(units_->MoveUnit(Admin().get(), cycle, &moved))), "CYCLE");
  v1::MoveUnitRequest level;
  level.set_request_id("r-move-4");
  level.set_name(v2_.name());
  level.set_etag(v2_.etag());
  level.set_new_parent(county_.name());
  EXPECT_EQ(rpc::ReasonOf(AsStatus(units_->MoveUnit(Admin().get(), level, &moved))), "LEVEL_MISMATCH");
}

TEST_F(UnitsApi, SubtreeIsDepthFirstAndPaged) {
  v1::ListUnitSubtreeRequest req;
  req.set_name(county_.name());
  v1::ListUnitSubtreeResponse resp;
  ASSERT_TRUE(units_->ListUnitSubtree(Admin().get(), req, &resp).ok());
  ASSERT_EQ(resp.units_size(), 5);
  EXPECT_EQ(resp.units(0).name(), county_.name());
  EXPECT_EQ(resp.units(1).name(), t1_.name());
  EXPECT_EQ(resp.units(2).name(), v1_.name());  // each unit before the next sibling's subtree
  EXPECT_EQ(resp.units(3).name(), t2_.name());
  EXPECT_EQ(resp.units(4).name(), v2_.name());

  req.set_max_depth(1);
  resp.Clear();
  ASSERT_TRUE(units_->ListUnitSubtree(Admin().get(), req, &resp).ok());
  EXPECT_EQ(resp.units_size(), 3);

  req.set_max_depth(0);
  req.set_page_size(2);
  std::vector<std::string> order;
  do {
    resp.Clear();
    ASSERT_TRUE(units_->ListUnitSubtree(Admin().get(), req, &resp).ok());
    for (const auto& u : resp.units()) order.push_back(u.name());
    req.set_page_token(resp.next_page_token());
  } while (!req.page_token().empty());
  EXPECT_EQ(order, (std::vector<std::string>{county_.name(), t1_.name(), v1_.name(), t2_.name(),
                                             v2_.name()}));
}

TEST_F(UnitsApi, TownshipCallerSeesOnlyItsTownshipAndAbove) {
  v1::GetUnitRequest get;
  v1::Unit out;
  get.set_name(v2_.name());
  grpc::Status other = units_->GetUnit(As("staff/t1", {"staff"}, t1_.name()).get(), get, &out);
  EXPECT_EQ(other.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  get.set_name(v1_.name());
  EXPECT_TRUE(units_->GetUnit(As("staff/t1", {"staff"}, t1_.name()).get(), get, &out).ok());
  get.set_name(county_.name());
  EXPECT_TRUE(units_->GetUnit(As("staff/t1", {"staff"}, t1_.name()).get(), get, &out).ok());

  v1::ListUnitsRequest list;
  v1::ListUnitsResponse listed;
  ASSERT_TRUE(units_->ListUnits(As("staff/t1", {"staff"}, t1_.name()).get(), list, &listed).ok());
  std::set<std::string> names;
  for (const auto& u : listed.units()) names.insert(u.name());
  EXPECT_EQ(names, (std::set<std::string>{t1_.name(), v1_.name()}));

  v1::ListUnitSubtreeRequest tree;
  tree.set_name(county_.name());
  v1::ListUnitSubtreeResponse subtree;
  ASSERT_TRUE(units_->ListUnitSubtree(As("staff/t1", {"staff"}, t1_.name()).get(), tree, &subtree).ok());
  EXPECT_EQ(subtree.units_size(), 3);  // county, own township, own village
}

TEST_F(UnitsApi, TownshipOrgAdminChangesOnlyInsideItsTownship) {
  v1::Unit out;
  auto own = Village("r-scope-1", "新建村", t1_.name());
  EXPECT_TRUE(units_->CreateUnit(As("hr/t1", {"org.admin"}, t1_.name()).get(), own, &out).ok());
  auto other = Village("r-scope-2", "越权村", t2_.name());
  EXPECT_EQ(units_->CreateUnit(As("hr/t1", {"org.admin"}, t1_.name()).get(), other, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  auto plain = Village("r-scope-3", "无权村", t1_.name());
  EXPECT_EQ(units_->CreateUnit(As("staff/t1", {"staff"}, t1_.name()).get(), plain, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(UnitsApi, NoTokenIsUnauthenticated) {
  grpc::ClientContext ctx;
  v1::GetUnitRequest get;
  get.set_name(county_.name());
  v1::Unit out;
  EXPECT_EQ(units_->GetUnit(&ctx, get, &out).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

}  // namespace
}  // namespace huinong::org
