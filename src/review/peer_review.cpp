// Peer review of a district cycle: invited reviewers from other districts, their
// comments and challenges, and the district's replies (tables review_peer_reviewers
// and review_peer_notes). Nothing here reads a response.
#include "review/cycle_internal.h"

namespace tenlik::review {
namespace {

Status RequireFilled(const std::string& field, const std::string& value) {
  if (value.find_first_not_of(" \t\r\n") != std::string::npos) return Status::Ok();
  return InvalidArgument(field + " is empty");
}

// Every dimension, section and indicator id of the instrument.
std::set<std::string> NodeIds(const Instrument& instrument) {
  std::set<std::string> ids;
  for (const Dimension& dimension : instrument.dimensions) {
    ids.insert(dimension.id);
    for (const Section& section : dimension.sections) ids.insert(section.id);
  }
  for (const Indicator* indicator : Indicators(instrument)) ids.insert(indicator->id);
  return ids;
}

}  // namespace

std::string_view PeerNoteKindName(PeerNoteKind kind) {
  return kind == PeerNoteKind::kComment ? "comment" : "challenge";
}

std::optional<PeerNoteKind> ParsePeerNoteKind(std::string_view name) {
  if (name == "comment") return PeerNoteKind::kComment;
  if (name == "challenge") return PeerNoteKind::kChallenge;
  return std::nullopt;
}

Status InvitePeerReviewer(store::Connection& db, int64_t cycle_id, const PeerReviewer& reviewer,
                          int64_t now) {
  TENLIK_ASSIGN_OR_RETURN(Cycle cycle, GetCycle(db, cycle_id));
  if (cycle.unit.kind != UnitKind::kDistrict) {
    return FailedPrecondition("cycle " + std::to_string(cycle_id) +
                              " is a school's: peer review is of a district's review");
  }
  TENLIK_RETURN_IF_ERROR(RequireFilled("account", reviewer.account));
  TENLIK_RETURN_IF_ERROR(RequireFilled("district_id", reviewer.district_id));
  if (reviewer.district_id == cycle.unit.id) {
    return InvalidArgument("district_id '" + reviewer.district_id +
                           "' is the reviewed district: a peer comes from another district");
  }
  TENLIK_ASSIGN_OR_RETURN(bool invited, MayPeerReview(db, reviewer.account, cycle_id));
  if (invited) {
    return Status(StatusCode::kAlreadyExists,
                  reviewer.account + " is already invited to cycle " + std::to_string(cycle_id));
  }
  return internal::InTransaction(db, [&]() -> Status {
    TENLIK_ASSIGN_OR_RETURN(auto insert,
                            db.Prepare("INSERT INTO review_peer_reviewers (cycle_id, account, "
                                       "district_id, invited_at) VALUES ($1, $2, $3, $4)"));
    TENLIK_RETURN_IF_ERROR(insert->Bind(1, cycle_id));
    TENLIK_RETURN_IF_ERROR(insert->Bind(2, reviewer.account));
    TENLIK_RETURN_IF_ERROR(insert->Bind(3, reviewer.district_id));
    TENLIK_RETURN_IF_ERROR(insert->Bind(4, now));
    return insert->Step().status();
  });
}

Result<std::vector<PeerReviewer>> ListPeerReviewers(store::Connection& db, int64_t cycle_id) {
  TENLIK_RETURN_IF_ERROR(GetCycle(db, cycle_id).status());
  TENLIK_ASSIGN_OR_RETURN(auto select,
                          db.Prepare("SELECT account, district_id, invited_at FROM "
                                     "review_peer_reviewers WHERE cycle_id = $1 ORDER BY id"));
  TENLIK_RETURN_IF_ERROR(select->Bind(1, cycle_id));
  std::vector<PeerReviewer> reviewers;
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, select->Step());
    if (!row) break;
    reviewers.push_back({std::string(select->ColumnText(0)), std::string(select->ColumnText(1)),
                         select->ColumnInt(2)});
  }
  return reviewers;
}

Result<bool> MayPeerReview(store::Connection& db, const std::string& account, int64_t cycle_id) {
  TENLIK_ASSIGN_OR_RETURN(auto select,
                          db.Prepare("SELECT id FROM review_peer_reviewers WHERE cycle_id = $1 "
                                     "AND account = $2"));
  TENLIK_RETURN_IF_ERROR(select->Bind(1, cycle_id));
  TENLIK_RETURN_IF_ERROR(select->Bind(2, account));
  TENLIK_ASSIGN_OR_RETURN(bool row, select->Step());
  if (row) TENLIK_RETURN_IF_ERROR(select->Reset());
  return row;
}

Result<int64_t> AddPeerNote(store::Connection& db, int64_t cycle_id, const std::string& account,
                            const std::string& node_id, PeerNoteKind kind, const std::string& text,
                            int64_t now) {
  TENLIK_ASSIGN_OR_RETURN(Cycle cycle, GetCycle(db, cycle_id));
  TENLIK_ASSIGN_OR_RETURN(bool invited, MayPeerReview(db, account, cycle_id));
  if (!invited) {
    return FailedPrecondition(account + " is not a peer reviewer of cycle " +
                              std::to_string(cycle_id));
  }
  TENLIK_RETURN_IF_ERROR(RequireFilled("text", text));
  if (!node_id.empty()) {
    TENLIK_ASSIGN_OR_RETURN(Instrument instrument, internal::CycleInstrument(db, cycle));
    if (!NodeIds(instrument).contains(node_id)) {
      return InvalidArgument("node_id '" + node_id + "' is not a node of " + instrument.id);
    }
  }
  int64_t id = 0;
  TENLIK_RETURN_IF_ERROR(internal::InTransaction(db, [&]() -> Status {
    TENLIK_ASSIGN_OR_RETURN(
        auto insert,
        db.Prepare("INSERT INTO review_peer_notes (cycle_id, node_id, kind, body, author, "
                   "created_at, reply, replied_at) VALUES ($1, $2, $3, $4, $5, $6, '', 0) "
                   "RETURNING id"));
    TENLIK_RETURN_IF_ERROR(insert->Bind(1, cycle_id));
    TENLIK_RETURN_IF_ERROR(insert->Bind(2, node_id));
    TENLIK_RETURN_IF_ERROR(insert->Bind(3, PeerNoteKindName(kind)));
    TENLIK_RETURN_IF_ERROR(insert->Bind(4, text));
    TENLIK_RETURN_IF_ERROR(insert->Bind(5, account));
    TENLIK_RETURN_IF_ERROR(insert->Bind(6, now));
    TENLIK_ASSIGN_OR_RETURN(bool row, insert->Step());
    if (!row) return Internal("inserting a peer note returned no id");
    id = insert->ColumnInt(0);
    while (true) {  // finish the statement before the next one
      TENLIK_ASSIGN_OR_RETURN(bool more, insert->Step());
      if (!more) break;
    }
    return Status::Ok();
  }));
  return id;
}

Status ReplyToPeerNote(store::Connection& db, int64_t cycle_id, int64_t note_id,
                       const std::string& reply, int64_t now) {
  TENLIK_RETURN_IF_ERROR(RequireFilled("reply", reply));
  return internal::InTransaction(db, [&]() -> Status {
    TENLIK_ASSIGN_OR_RETURN(auto update,
                            db.Prepare("UPDATE review_peer_notes SET reply = $3, replied_at = $4 "
                                       "WHERE id = $1 AND cycle_id = $2"));
    TENLIK_RETURN_IF_ERROR(update->Bind(1, note_id));
    TENLIK_RETURN_IF_ERROR(update->Bind(2, cycle_id));
    TENLIK_RETURN_IF_ERROR(update->Bind(3, reply));
    TENLIK_RETURN_IF_ERROR(update->Bind(4, now));
    TENLIK_RETURN_IF_ERROR(update->Step().status());
    if (update->ChangedRows() == 1) return Status::Ok();
    return NotFound("no note " + std::to_string(note_id) + " in cycle " + std::to_string(cycle_id));
  });
}

Result<std::vector<PeerNote>> ListPeerNotes(store::Connection& db, int64_t cycle_id) {
  TENLIK_RETURN_IF_ERROR(GetCycle(db, cycle_id).status());
  TENLIK_ASSIGN_OR_RETURN(
      auto select, db.Prepare("SELECT id, node_id, kind, body, author, created_at, reply, "
                              "replied_at FROM review_peer_notes WHERE cycle_id = $1 ORDER BY id"));
  TENLIK_RETURN_IF_ERROR(select->Bind(1, cycle_id));
  std::vector<PeerNote> notes;
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, select->Step());
    if (!row) break;
    std::optional<PeerNoteKind> kind = ParsePeerNoteKind(select->ColumnText(2));
    if (!kind) return DataLoss("peer note has an unknown kind");
    notes.push_back({select->ColumnInt(0), std::string(select->ColumnText(1)), *kind,
                     std::string(select->ColumnText(3)), std::string(select->ColumnText(4)),
                     select->ColumnInt(5), std::string(select->ColumnText(6)),
                     select->ColumnInt(7)});
  }
  return notes;
}

}  // namespace tenlik::review
