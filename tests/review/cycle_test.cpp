#include <gtest/gtest.h>

#include <set>

#include "review/review.h"
#include "review_store_fixture.h"
#include "store/store.h"

namespace tenlik::review {
namespace {

class CycleTest : public testing::ReviewStoreTest {
 protected:
  OpenCycleRequest SchoolRequest() const {
    OpenCycleRequest request;
    request.unit = {"school-17", "School No. 17", "KZ-ALA", UnitKind::kSchool};
    request.instrument_id = "school";
    request.label = "2026";
    request.codes = {{"staff", 6}, {"students", 3}, {"parents", 2}};
    return request;
  }

  // Every text value of every row of `table`, as one string per row.
  std::vector<std::string> Rows(const std::string& table, int columns) {
    auto select = db_->Prepare("SELECT * FROM " + table);
    EXPECT_TRUE(select.ok());
    std::vector<std::string> rows;
    while (true) {
      Result<bool> row = (*select)->Step();
      EXPECT_TRUE(row.ok());
      if (!row.ok() || !*row) break;
      std::string text;
      for (int c = 0; c < columns; ++c) {
        if (!(*select)->ColumnIsNull(c)) text += std::string((*select)->ColumnText(c)) + "|";
      }
      rows.push_back(text);
    }
    return rows;
  }

  std::set<std::string> ColumnsOf(const std::string& table) {
    const std::string sql =
        db_->Backend() == "sqlite"
            ? "SELECT name FROM pragma_table_info('" + table + "')"
            : "SELECT column_name FROM information_schema.columns WHERE table_name = '" + table +
                  "'";
    auto select = db_->Prepare(sql);
    EXPECT_TRUE(select.ok());
    std::set<std::string> columns;
    while (true) {
      Result<bool> row = (*select)->Step();
      if (!row.ok() || !*row) break;
      columns.insert(std::string((*select)->ColumnText(0)));
    }
    return columns;
  }

  int64_t Count(const std::string& sql) {
    auto select = db_->Prepare(sql);
    EXPECT_TRUE(select.ok());
    Result<bool> row = (*select)->Step();
    EXPECT_TRUE(row.ok() && *row);
    return (*select)->ColumnInt(0);
  }
};

TEST_P(CycleTest, OpenIssuesCodesStoredOnlyAsHashes) {
  Result<OpenedCycle> opened = OpenCycle(*db_, SchoolRequest(), 1'780'000'000);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->cycle.state, CycleState::kOpen);
  EXPECT_EQ(opened->cycle.instrument_version, 1);
  ASSERT_EQ(opened->codes.size(), 11u);
  std::set<std::string> distinct;
  for (const IssuedCode& code : opened->codes) {
    ASSERT_EQ(code.code.size(), 11u) << code.code;
    EXPECT_EQ(code.code[5], '-');
    EXPECT_TRUE(NormaliseCode(code.code).ok()) << code.code;
    distinct.insert(code.code);
  }
  EXPECT_EQ(distinct.size(), 11u);
  ASSERT_EQ(opened->cycle.groups.size(), 3u);
  EXPECT_EQ(opened->cycle.groups[0].group, "staff");
  EXPECT_EQ(opened->cycle.groups[0].codes_issued, 6);
  EXPECT_EQ(opened->cycle.groups[2].codes_issued, 2);

  // No stored text holds a code, in either its printed or its normalised form.
  for (const std::string& row : Rows("review_codes", 6)) {
    for (const IssuedCode& code : opened->codes) {
      EXPECT_EQ(row.find(code.code), std::string::npos);
      EXPECT_EQ(row.find(*NormaliseCode(code.code)), std::string::npos);
    }
  }
  Result<std::vector<IssuedCode>> more = IssueCodes(*db_, opened->cycle.id, "parents", 4);
  ASSERT_TRUE(more.ok()) << more.status().ToString();
  EXPECT_EQ(more->size(), 4u);
  Result<Cycle> cycle = GetCycle(*db_, opened->cycle.id);
  ASSERT_TRUE(cycle.ok());
  EXPECT_EQ(cycle->groups[2].codes_issued, 6);
  EXPECT_EQ(IssueCodes(*db_, opened->cycle.id, "district_staff", 1).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(IssueCodes(*db_, 999, "staff", 1).status().code(), StatusCode::kNotFound);
}

TEST_P(CycleTest, OpenRefusesBadRequests) {
  OpenCycleRequest request = SchoolRequest();
  request.unit.region = "ALA";
  EXPECT_EQ(OpenCycle(*db_, request, 1).status().code(), StatusCode::kInvalidArgument);
  request = SchoolRequest();
  request.label = "";
  EXPECT_EQ(OpenCycle(*db_, request, 1).status().code(), StatusCode::kInvalidArgument);
  request = SchoolRequest();
  request.codes = {{"school_leaders", 3}};
  EXPECT_EQ(OpenCycle(*db_, request, 1).status().code(), StatusCode::kInvalidArgument);
  request = SchoolRequest();
  request.codes = {{"staff", -1}};
  EXPECT_EQ(OpenCycle(*db_, request, 1).status().code(), StatusCode::kInvalidArgument);
  request = SchoolRequest();
  request.instrument_id = "district";
  EXPECT_EQ(OpenCycle(*db_, request, 1).status().code(), StatusCode::kFailedPrecondition);
  request.instrument_id = "national";
  EXPECT_EQ(OpenCycle(*db_, request, 1).status().code(), StatusCode::kFailedPrecondition);
  request.instrument_id = "nothing";
  EXPECT_EQ(OpenCycle(*db_, request, 1).status().code(), StatusCode::kNotFound);
  // Nothing was stored by the refused requests.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_cycles"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_codes"), 0);

  // A district cycle has the district's own groups.
  request = SchoolRequest();
  request.unit = {"d-3", "Medeu district", "KZ-75", UnitKind::kDistrict};
  request.instrument_id = "district";
  request.codes = {{"district_staff", 2}, {"school_leaders", 5}};
  Result<OpenedCycle> district = OpenCycle(*db_, request, 1);
  ASSERT_TRUE(district.ok()) << district.status().ToString();
  ASSERT_EQ(district->cycle.groups.size(), 2u);
  EXPECT_EQ(district->cycle.groups[1].group, "school_leaders");
  EXPECT_EQ(district->cycle.groups[1].codes_issued, 5);
}

TEST_P(CycleTest, DraftThenSubmitOnceWithTheStudentWordingGroup) {
  Result<OpenedCycle> opened = OpenCycle(*db_, SchoolRequest(), 1'780'000'000);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  const std::string code = opened->codes[6].code;  // the first students' code
  ASSERT_EQ(opened->codes[6].group, "students");

  // Typed in lower case with spaces, the code still opens.
  std::string typed = *NormaliseCode(code);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  typed.insert(3, " ");
  Result<RespondentView> view = OpenWithCode(*db_, typed);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  EXPECT_EQ(view->cycle_label, "2026");
  EXPECT_EQ(view->unit_name, "School No. 17");
  EXPECT_EQ(view->group, "students");
  EXPECT_EQ(view->instrument.id, "school");
  EXPECT_TRUE(view->draft.empty());

  ASSERT_TRUE(SaveDraft(*db_, code, {{"A1.1.a", Response::kAgree}}).ok());
  ASSERT_TRUE(SaveDraft(*db_, code, {{"A1.1.b", Response::kNeedMoreInformation}}).ok());
  EXPECT_EQ(SaveDraft(*db_, code, {{"Z9", Response::kAgree}}).code(), StatusCode::kInvalidArgument);
  view = OpenWithCode(*db_, code);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->draft,
            (Answers{{"A1.1.a", Response::kAgree}, {"A1.1.b", Response::kNeedMoreInformation}}));

  // Submitting merges the draft; the code is used up and a second submit changes nothing.
  ASSERT_TRUE(SubmitResponse(*db_, code, {{"A1.1.a", Response::kDisagree}}, 1'780'000'000).ok());
  EXPECT_EQ(SubmitResponse(*db_, code, {{"A1.2.a", Response::kAgree}}, 1'780'000'000).code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(OpenWithCode(*db_, code).status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(SaveDraft(*db_, code, {{"A1.2.a", Response::kAgree}}).code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_responses"), 1);
  const std::vector<std::string> responses = Rows("review_responses", 5);
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_NE(responses[0].find("students|2026-05-28|"), std::string::npos) << responses[0];
  EXPECT_NE(responses[0].find("\"A1.1.a\":\"disagree\""), std::string::npos) << responses[0];
  EXPECT_NE(responses[0].find("\"A1.1.b\":\"need_more_information\""), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_codes WHERE draft IS NOT NULL"), 0);

  // An unknown code and a malformed one.
  EXPECT_EQ(OpenWithCode(*db_, "ABCDE-FGHJK").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(OpenWithCode(*db_, "0000-1111").status().code(), StatusCode::kInvalidArgument);
  // Nothing answered is refused, and does not use the code.
  EXPECT_EQ(SubmitResponse(*db_, opened->codes[0].code, {}, 1).code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(OpenWithCode(*db_, opened->codes[0].code).ok());
}

// Anonymity: no column of a response leads to a code, and no column of a code to a
// response; a used code keeps nothing of what was answered.
TEST_P(CycleTest, NothingJoinsAResponseToItsCode) {
  EXPECT_EQ(ColumnsOf("review_responses"),
            (std::set<std::string>{"id", "cycle_id", "group_name", "day", "answers"}));
  EXPECT_EQ(ColumnsOf("review_codes"),
            (std::set<std::string>{"id", "cycle_id", "group_name", "code_hash", "used", "draft"}));

  Result<OpenedCycle> opened = OpenCycle(*db_, SchoolRequest(), 1'780'000'000);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  // Submitted in the reverse of the order issued: response ids follow submission only.
  for (int i = 5; i >= 0; --i) {
    ASSERT_TRUE(SubmitResponse(*db_, opened->codes[i].code,
                               {{"A1.1.a", i % 2 == 0 ? Response::kAgree : Response::kDisagree}},
                               1'780'000'000 + i)
                    .ok());
  }
  std::set<int64_t> code_ids;
  {
    auto select = db_->Prepare("SELECT id, draft FROM review_codes WHERE used = 1");
    ASSERT_TRUE(select.ok());
    while (*(*select)->Step()) {
      code_ids.insert((*select)->ColumnInt(0));
      EXPECT_TRUE((*select)->ColumnIsNull(1));
    }
  }
  EXPECT_EQ(code_ids.size(), 6u);
  // Every response of the day is stored with the day only, not the second.
  for (const std::string& row : Rows("review_responses", 5)) {
    EXPECT_NE(row.find("|2026-05-28|"), std::string::npos) << row;
    EXPECT_EQ(row.find("1780000"), std::string::npos) << row;
  }
}

TEST_P(CycleTest, ClosedCycleIsFrozen) {
  Result<OpenedCycle> opened = OpenCycle(*db_, SchoolRequest(), 1'780'000'000);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  const int64_t id = opened->cycle.id;
  ASSERT_TRUE(SaveDraft(*db_, opened->codes[0].code, {{"A1.1.a", Response::kAgree}}).ok());
  ASSERT_TRUE(CloseCycle(*db_, id, 1'780'100'000).ok());
  Result<Cycle> closed = GetCycle(*db_, id);
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->state, CycleState::kClosed);
  EXPECT_EQ(closed->closed_at, 1'780'100'000);
  // The unsubmitted draft is gone, and nothing more can be saved, submitted or added.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_codes WHERE draft IS NOT NULL"), 0);
  EXPECT_EQ(SaveDraft(*db_, opened->codes[1].code, {{"A1.1.a", Response::kAgree}}).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(SubmitResponse(*db_, opened->codes[0].code, {{"A1.1.a", Response::kAgree}}, 1).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(AddResponses(*db_, id, "staff", {{{"A1.1.a", Response::kAgree}}}, 1).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(IssueCodes(*db_, id, "staff", 1).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(CloseCycle(*db_, id, 1).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_responses"), 0);
}

TEST_P(CycleTest, ProgressHidesGroupsBelowFiveResponses) {
  Result<OpenedCycle> opened = OpenCycle(*db_, SchoolRequest(), 1'780'000'000);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  const int64_t id = opened->cycle.id;
  const std::vector<Answers> four(4, Answers{{"A1.1.a", Response::kAgree}});
  ASSERT_TRUE(AddResponses(*db_, id, "staff", four, 1).ok());
  Result<Cycle> cycle = GetCycle(*db_, id);
  ASSERT_TRUE(cycle.ok());
  EXPECT_FALSE(cycle->groups[0].responses.has_value());
  ASSERT_TRUE(AddResponses(*db_, id, "staff", {{{"A1.1.b", Response::kAgree}}}, 1).ok());
  cycle = GetCycle(*db_, id);
  ASSERT_TRUE(cycle.ok());
  EXPECT_EQ(cycle->groups[0].responses, 5);
  EXPECT_EQ(AddResponses(*db_, id, "staff", {{{"nope", Response::kAgree}}}, 1).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(AddResponses(*db_, id, "school_leaders", four, 1).code(), StatusCode::kInvalidArgument);

  Result<std::vector<Cycle>> cycles = ListCycles(*db_);
  ASSERT_TRUE(cycles.ok());
  ASSERT_EQ(cycles->size(), 1u);
  EXPECT_EQ((*cycles)[0].unit.name, "School No. 17");
}

TEST(QrSvgTest, EncodesTheAccessLink) {
  Result<std::string> svg = QrSvg("https://tenlik.example/", "ABCDE-FGHJK");
  ASSERT_TRUE(svg.ok()) << svg.status().ToString();
  EXPECT_EQ(svg->rfind("<?xml", 0), 0u);
  EXPECT_NE(svg->find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_NE(svg->find("<path fill=\"#000\" d=\"M"), std::string::npos);
  // Another code draws other modules; the same code the same ones.
  EXPECT_NE(*svg, *QrSvg("https://tenlik.example", "ABCDE-FGHJM"));
  EXPECT_EQ(*svg, *QrSvg("https://tenlik.example", "ABCDE-FGHJK"));
  EXPECT_EQ(QrSvg(std::string(8000, 'x'), "ABCDE-FGHJK").status().code(),
            StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Backends, CycleTest, ::testing::ValuesIn(store::testing::TestBackends()),
                         store::testing::BackendName);

}  // namespace
}  // namespace tenlik::review
