#include <gtest/gtest.h>

#include "review/review.h"
#include "review_store_fixture.h"
#include "store/store.h"

namespace tenlik::review {
namespace {

class PeerReviewTest : public testing::ReviewStoreTest {
 protected:
  int64_t Open(const Unit& unit, const std::string& instrument) {
    OpenCycleRequest request;
    request.unit = unit;
    request.instrument_id = instrument;
    request.label = "2026";
    Result<OpenedCycle> opened = OpenCycle(*db_, request, 1'780'000'000);
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    return opened.ok() ? opened->cycle.id : 0;
  }
};

TEST_P(PeerReviewTest, InvitedPeersFromAnotherDistrictCommentAndTheDistrictReplies) {
  const int64_t cycle = Open({"d-3", "Medeu district", "KZ-75", UnitKind::kDistrict}, "district");
  const int64_t school = Open({"s1", "School 1", "KZ-75", UnitKind::kSchool}, "school");

  EXPECT_EQ(InvitePeerReviewer(*db_, school, {"aigerim", "d-5", 0}, 1).code(),
            StatusCode::kFailedPrecondition);
  Status same = InvitePeerReviewer(*db_, cycle, {"aigerim", "d-3", 0}, 1);
  EXPECT_EQ(same.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(same.message().find("district_id"), std::string::npos);
  EXPECT_EQ(InvitePeerReviewer(*db_, cycle, {"", "d-5", 0}, 1).code(),
            StatusCode::kInvalidArgument);

  Result<bool> before = MayPeerReview(*db_, "aigerim", cycle);
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(*before);
  EXPECT_EQ(
      AddPeerNote(*db_, cycle, "aigerim", "", PeerNoteKind::kComment, "hello", 2).status().code(),
      StatusCode::kFailedPrecondition);

  ASSERT_TRUE(InvitePeerReviewer(*db_, cycle, {"aigerim", "d-5", 0}, 10).ok());
  EXPECT_EQ(InvitePeerReviewer(*db_, cycle, {"aigerim", "d-5", 0}, 11).code(),
            StatusCode::kAlreadyExists);
  EXPECT_TRUE(*MayPeerReview(*db_, "aigerim", cycle));
  EXPECT_FALSE(*MayPeerReview(*db_, "aigerim", school));
  EXPECT_FALSE(*MayPeerReview(*db_, "someone", cycle));
  Result<std::vector<PeerReviewer>> reviewers = ListPeerReviewers(*db_, cycle);
  ASSERT_TRUE(reviewers.ok());
  ASSERT_EQ(reviewers->size(), 1u);
  EXPECT_EQ((*reviewers)[0].district_id, "d-5");
  EXPECT_EQ((*reviewers)[0].invited_at, 10);

  Result<Instrument> district = GetInstrument(*db_, "district", std::nullopt);
  ASSERT_TRUE(district.ok());
  const std::string node = district->dimensions[0].id;
  Result<int64_t> whole =
      AddPeerNote(*db_, cycle, "aigerim", "", PeerNoteKind::kComment, "Clear evidence.", 20);
  Result<int64_t> challenge = AddPeerNote(*db_, cycle, "aigerim", node, PeerNoteKind::kChallenge,
                                          "Which schools does this rest on?", 21);
  ASSERT_TRUE(whole.ok() && challenge.ok()) << challenge.status().ToString();
  Result<int64_t> bad_node =
      AddPeerNote(*db_, cycle, "aigerim", "Q.99", PeerNoteKind::kComment, "x", 22);
  EXPECT_EQ(bad_node.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad_node.status().message().find("node_id"), std::string::npos);
  EXPECT_EQ(
      AddPeerNote(*db_, cycle, "aigerim", "", PeerNoteKind::kComment, " ", 22).status().code(),
      StatusCode::kInvalidArgument);

  ASSERT_TRUE(ReplyToPeerNote(*db_, cycle, *challenge, "Schools 1-12, see the overview.", 30).ok());
  EXPECT_EQ(ReplyToPeerNote(*db_, school, *challenge, "wrong cycle", 31).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(ReplyToPeerNote(*db_, cycle, *challenge, "", 31).code(), StatusCode::kInvalidArgument);

  Result<std::vector<PeerNote>> notes = ListPeerNotes(*db_, cycle);
  ASSERT_TRUE(notes.ok());
  ASSERT_EQ(notes->size(), 2u);
  EXPECT_EQ((*notes)[0].node_id, "");
  EXPECT_EQ((*notes)[0].kind, PeerNoteKind::kComment);
  EXPECT_EQ((*notes)[0].reply, "");
  EXPECT_EQ((*notes)[1].node_id, node);
  EXPECT_EQ((*notes)[1].kind, PeerNoteKind::kChallenge);
  EXPECT_EQ((*notes)[1].author, "aigerim");
  EXPECT_EQ((*notes)[1].reply, "Schools 1-12, see the overview.");
  EXPECT_EQ((*notes)[1].replied_at, 30);
}

INSTANTIATE_TEST_SUITE_P(Backends, PeerReviewTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         store::testing::BackendName);

}  // namespace
}  // namespace tenlik::review
