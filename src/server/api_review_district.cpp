// A district's side of the self-review: the overview of its schools (GET
// /api/v1/review/districts/{district}/overview) and the peer review of a district cycle
// (reviewers, comments and challenges, replies). A peer reviewer is an account of role
// peer_reviewer from another district; it reads the aggregates of the cycles it was
// invited to and that district's overview, never anything else, and never a response:
// every body here is built from aggregates (results with small groups suppressed) or
// from what the reviewer and the district wrote themselves.

#include "review/review.h"
#include "server/internal.h"
#include "server/review_json.h"

namespace tenlik::server {
namespace {

constexpr size_t kMaxNoteLength = 4000;

bool IsPeerReviewer(const Call& call) {
  return call.session && call.session->role == accounts::Role::kPeerReviewer;
}

// The {id} cycle, when the caller may read its peer review: any reader, or a peer
// reviewer invited to it (403 forbidden for another cycle). Sends the error otherwise.
std::optional<review::Cycle> ReadableCycle(Call& call) {
  auto id = PathId(call, "id", "cycle_not_found");
  if (!id) return std::nullopt;
  if (IsPeerReviewer(call)) {
    auto invited = review::MayPeerReview(call.db, call.session->user, *id);
    if (!invited.ok()) {
      SendInternal(call, invited.status());
      return std::nullopt;
    }
    if (!*invited) {
      SendError(call.res, call.lang, 403, "forbidden");
      return std::nullopt;
    }
  }
  auto cycle = review::GetCycle(call.db, *id);
  if (!cycle.ok()) {
    SendReviewError(call, cycle.status(), "cycle_not_found", "bad_request");
    return std::nullopt;
  }
  return *cycle;
}

// The {id} cycle when it is a district's (409 not_a_district_cycle for a school's).
std::optional<review::Cycle> DistrictCycle(Call& call) {
  auto cycle = ReadableCycle(call);
  if (!cycle) return std::nullopt;
  if (cycle->unit.kind != review::UnitKind::kDistrict) {
    SendError(call.res, call.lang, 409, "not_a_district_cycle");
    return std::nullopt;
  }
  return cycle;
}

// The district cycles the session's peer reviewer was invited to, newest first.
Result<std::vector<review::Cycle>> InvitedCycles(Call& call) {
  TENLIK_ASSIGN_OR_RETURN(std::vector<review::Cycle> cycles, review::ListCycles(call.db));
  std::vector<review::Cycle> invited;
  for (review::Cycle& cycle : cycles) {
    if (cycle.unit.kind != review::UnitKind::kDistrict) continue;
    TENLIK_ASSIGN_OR_RETURN(bool may, review::MayPeerReview(call.db, call.session->user, cycle.id));
    if (may) invited.push_back(std::move(cycle));
  }
  return invited;
}

nlohmann::json NoteJson(const review::PeerNote& note) {
  nlohmann::json json = {
      {"id", note.id},     {"node_id", note.node_id}, {"kind", review::PeerNoteKindName(note.kind)},
      {"text", note.text}, {"author", note.author},   {"created_at", note.created_at},
      {"reply", nullptr},  {"replied_at", nullptr}};
  if (!note.reply.empty()) {
    json["reply"] = note.reply;
    json["replied_at"] = note.replied_at;
  }
  return json;
}

// Answers `status` with note `note_id` of the cycle as the store now holds it.
void SendNote(Call& call, int64_t cycle_id, int64_t note_id, int status) {
  auto notes = review::ListPeerNotes(call.db, cycle_id);
  if (!notes.ok()) return SendInternal(call, notes.status());
  for (const review::PeerNote& note : *notes) {
    if (note.id == note_id) return SendJson(call.res, status, {{"note", NoteJson(note)}});
  }
  SendInternal(call, Internal("peer note " + std::to_string(note_id) + " is missing"));
}

// A non-empty string member `name` of at most kMaxNoteLength bytes; sends 400
// `invalid_code` naming it otherwise.
std::optional<std::string> Written(Call& call, const nlohmann::json& body, const char* name,
                                   std::string_view invalid_code) {
  bool failed = false;
  auto text = StringField(call, body, name, &failed);
  if (failed) return std::nullopt;
  if (!text || text->empty() || text->size() > kMaxNoteLength) {
    SendError(call.res, call.lang, 400, invalid_code, name);
    return std::nullopt;
  }
  return text;
}

}  // namespace

void HandleDistrictOverview(Call& call) {
  const std::string& district = call.params["district"];
  if (IsPeerReviewer(call)) {
    auto invited = InvitedCycles(call);
    if (!invited.ok()) return SendInternal(call, invited.status());
    bool reviews_district = false;
    for (const review::Cycle& cycle : *invited) reviews_district |= cycle.unit.id == district;
    if (!reviews_district) return SendError(call.res, call.lang, 403, "forbidden");
  }
  const std::string instrument =
      call.req.has_param("instrument") ? call.req.get_param_value("instrument") : "school";
  std::optional<std::string> label;
  if (call.req.has_param("label")) label = call.req.get_param_value("label");
  auto overview = review::ComputeDistrictOverview(call.db, district, instrument, label);
  if (!overview.ok()) {
    return SendReviewError(call, overview.status(), "instrument_not_found", "bad_request");
  }
  SendJsonText(call.res, 200, review::DistrictOverviewToJson(*overview));
}

void HandlePeerInvitations(Call& call) {
  auto invited = InvitedCycles(call);
  if (!invited.ok()) return SendInternal(call, invited.status());
  nlohmann::json list = nlohmann::json::array();
  for (const review::Cycle& cycle : *invited) list.push_back(CycleJson(cycle));
  SendJson(call.res, 200, {{"cycles", list}});
}

void HandlePeerResults(Call& call) {
  auto cycle = DistrictCycle(call);
  if (!cycle) return;
  auto results = review::ComputeResults(call.db, cycle->id);
  if (!results.ok()) return SendInternal(call, results.status());
  SendJsonText(call.res, 200, review::ResultsToJson(*results));
}

void HandleListPeerReviewers(Call& call) {
  auto cycle = DistrictCycle(call);
  if (!cycle) return;
  auto reviewers = review::ListPeerReviewers(call.db, cycle->id);
  if (!reviewers.ok()) return SendInternal(call, reviewers.status());
  nlohmann::json list = nlohmann::json::array();
  for (const review::PeerReviewer& reviewer : *reviewers) {
    list.push_back({{"account", reviewer.account},
                    {"district_id", reviewer.district_id},
                    {"invited_at", reviewer.invited_at}});
  }
  SendJson(call.res, 200, {{"reviewers", list}});
}

void HandleInvitePeerReviewer(Call& call) {
  auto cycle = DistrictCycle(call);
  if (!cycle) return;
  auto body = JsonBody(call);
  if (!body) return;
  bool failed = false;
  auto account = StringField(call, *body, "account", &failed);
  auto district = failed ? std::nullopt : StringField(call, *body, "district_id", &failed);
  if (failed) return;
  if (!account) return SendError(call.res, call.lang, 400, "invalid_reviewer", "account");
  if (!district || district->empty() || *district == cycle->unit.id) {
    return SendError(call.res, call.lang, 400, "invalid_reviewer", "district_id");
  }
  // Only an account that can do nothing but peer review may be invited: the invitation
  // opens this district's aggregates to it and nothing more.
  auto user = call.accounts.FindUser(*account);
  if (!user.ok()) return SendInternal(call, user.status());
  if (!*user || (*user)->role != accounts::Role::kPeerReviewer) {
    return SendError(call.res, call.lang, 400, "invalid_reviewer", "account");
  }
  Status invited =
      review::InvitePeerReviewer(call.db, cycle->id, {*account, *district, 0}, call.Now());
  if (invited.code() == StatusCode::kAlreadyExists) {
    return SendError(call.res, call.lang, 409, "reviewer_invited", "account");
  }
  if (invited.code() == StatusCode::kInvalidArgument) {
    return SendError(call.res, call.lang, 400, "invalid_reviewer");
  }
  if (!invited.ok()) return SendInternal(call, invited);
  if (!AuditedCycle(call, "review_peer_invite", cycle->id, *account)) return;
  SendJson(call.res, 201,
           {{"reviewer",
             {{"account", *account}, {"district_id", *district}, {"invited_at", call.Now()}}}});
}

void HandleListPeerNotes(Call& call) {
  auto cycle = DistrictCycle(call);
  if (!cycle) return;
  auto notes = review::ListPeerNotes(call.db, cycle->id);
  if (!notes.ok()) return SendInternal(call, notes.status());
  nlohmann::json list = nlohmann::json::array();
  for (const review::PeerNote& note : *notes) list.push_back(NoteJson(note));
  SendJson(call.res, 200, {{"notes", list}});
}

void HandleAddPeerNote(Call& call) {
  auto cycle = DistrictCycle(call);  // refuses a reviewer not invited to this cycle
  if (!cycle) return;
  auto body = JsonBody(call);
  if (!body) return;
  bool failed = false;
  auto node = StringField(call, *body, "node_id", &failed);
  auto kind_name = failed ? std::nullopt : StringField(call, *body, "kind", &failed);
  if (failed) return;
  auto kind = kind_name ? review::ParsePeerNoteKind(*kind_name) : std::nullopt;
  if (!kind) return SendError(call.res, call.lang, 400, "invalid_note", "kind");
  auto text = Written(call, *body, "text", "invalid_note");
  if (!text) return;
  auto added = review::AddPeerNote(call.db, cycle->id, call.session->user, node.value_or(""), *kind,
                                   *text, call.Now());
  if (!added.ok()) {
    if (added.status().code() == StatusCode::kInvalidArgument) {
      return SendError(call.res, call.lang, 400, "invalid_note", "node_id");
    }
    if (added.status().code() == StatusCode::kFailedPrecondition) {
      return SendError(call.res, call.lang, 403, "forbidden");
    }
    return SendInternal(call, added.status());
  }
  if (!AuditedCycle(call, "review_peer_note", cycle->id, *kind_name)) return;
  SendNote(call, cycle->id, *added, 201);
}

void HandleReplyToPeerNote(Call& call) {
  auto cycle = DistrictCycle(call);
  if (!cycle) return;
  auto note_id = PathId(call, "note", "note_not_found");
  if (!note_id) return;
  auto body = JsonBody(call);
  if (!body) return;
  auto reply = Written(call, *body, "reply", "invalid_field");
  if (!reply) return;
  Status replied = review::ReplyToPeerNote(call.db, cycle->id, *note_id, *reply, call.Now());
  if (replied.code() == StatusCode::kNotFound) {
    return SendError(call.res, call.lang, 404, "note_not_found");
  }
  if (!replied.ok()) return SendInternal(call, replied);
  if (!AuditedCycle(call, "review_peer_reply", cycle->id, "note " + std::to_string(*note_id)))
    return;
  SendNote(call, cycle->id, *note_id, 200);
}

}  // namespace tenlik::server
