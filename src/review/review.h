// Public API of review/: school, district and national self-review. The instruments
// as data: the model (a tree of dimensions, sections, indicators and questions,
// worded in kk/ru/en, answered on one fixed scale), the instrument files (YAML,
// docs/review.md), XLSForm import and export, and the store of imported instruments.
// Then review cycles: anonymous single-use access codes, drafts and responses, paper
// responses, results with suppression of small groups, and their exports; the
// development plan chosen from the results and followed up by the next cycle; a
// district's overview of its schools and the peer review of a district's own review.
//
// Every node has a stable id given by the instrument's author ("A1.3", "F07.2.b"):
// responses and review cycles refer to nodes by id, so an id keeps its meaning across
// versions of an instrument; a changed instrument gets a new version.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace tenlik::review {

// A text in the three languages of Tenlik. A valid instrument has all three filled.
struct Text {
  std::string kk;
  std::string ru;
  std::string en;
  bool operator==(const Text&) const = default;
};

enum class InstrumentKind { kSchool, kDistrict, kNational };

// "school", "district", "national"; ParseKind returns nullopt for anything else.
std::string_view KindName(InstrumentKind kind);
std::optional<InstrumentKind> ParseKind(std::string_view name);

// The response scale, fixed for every instrument. "Need more information" is an
// answer of its own: it is counted apart and never scored as disagreement.
enum class Response { kAgree, kAgreeToSomeExtent, kDisagree, kNeedMoreInformation };

struct ResponseOption {
  Response response;
  std::string_view
      name;    // stable: "agree", "agree_to_some_extent", "disagree", "need_more_information"
  Text label;  // what respondents see
  std::optional<int>
      score;  // agree 2, to some extent 1, disagree 0; none for need more information
};

// The four options in the order they are shown.
const std::vector<ResponseOption>& ResponseScale();
// The option named `name` (as in ResponseOption::name); nullptr when unknown.
const ResponseOption* FindResponse(std::string_view name);

// One question. `student` is the simpler wording for students: filled in every
// question of a school instrument, empty (all three languages "") otherwise.
struct Question {
  std::string id;
  Text adult;
  Text student;
  bool operator==(const Question&) const = default;
};

// An indicator: a statement of what an inclusive school (district, system) does,
// examined through its questions (at least one).
struct Indicator {
  std::string id;
  Text title;
  std::vector<Question> questions;
  bool operator==(const Indicator&) const = default;
};

struct Section {
  std::string id;
  Text title;
  std::vector<Indicator> indicators;  // at least one
  bool operator==(const Section&) const = default;
};

// A dimension of a school or national review, or a factor of a district review. It
// holds sections (a school instrument always does) or, in district and national
// instruments, indicators directly; exactly one of the two lists is filled.
struct Dimension {
  std::string id;
  Text title;
  std::vector<Section> sections;
  std::vector<Indicator> indicators;
  bool operator==(const Dimension&) const = default;
};

struct Instrument {
  std::string id;   // "school", "district", "national" for the shipped ones
  int version = 0;  // >= 1; a changed instrument gets a higher version
  InstrumentKind kind = InstrumentKind::kSchool;
  Text title;
  std::vector<Dimension> dimensions;  // at least one
  bool operator==(const Instrument&) const = default;
};

// Version of the instrument file and JSON formats this program reads and writes.
inline constexpr int kInstrumentFormatVersion = 1;

// Checks what every instrument must satisfy, whatever it was read from: ids present,
// made of letters, digits, '.', '_' and '-' and starting with a letter, unique across
// the instrument; version >= 1; every title and wording present in kk, ru and en
// (student wording in school instruments, and only there); no empty dimension, section
// or indicator; school dimensions hold sections. InvalidArgument naming the node by
// id and the field ("A1.3.b: student.kk is empty"), prefixed by `where` (a file name).
Status Validate(const Instrument& instrument, const std::string& where);

// Every indicator of the instrument in order, through sections or directly. The
// pointers point into `instrument` and are valid while it lives unchanged.
std::vector<const Indicator*> Indicators(const Instrument& instrument);

// --- Instrument files (YAML, docs/review.md) ---

// Reads and validates the instrument file at `path`. NotFound when missing;
// InvalidArgument naming the file, line and column and what was expected: not YAML,
// another format or format_version, unknown kind, a missing language, an unknown key,
// an empty list, a duplicate id, ...
Result<Instrument> LoadInstrumentFile(const std::string& path);
// The same for YAML text; `where` names it in messages.
Result<Instrument> ParseInstrumentYaml(std::string_view yaml, const std::string& where);

// The instrument as an instrument file (YAML) that LoadInstrumentFile reads back equal.
std::string InstrumentToYaml(const Instrument& instrument);
// Writes InstrumentToYaml to `path` (replaced when present); IoError when it cannot.
Status WriteInstrumentFile(const Instrument& instrument, const std::string& path);

// The folder of the shipped instruments: $TENLIK_DATA/instruments when TENLIK_DATA is
// set, else the first of ../data/instruments and ../../data/instruments beside the
// running program that holds school.yaml. NotFound saying what was tried.
Result<std::string> DefaultInstrumentsDir();

// Every *.yaml instrument file of `dir`, by file name. Errors as LoadInstrumentFile.
Result<std::vector<Instrument>> LoadInstrumentsDir(const std::string& dir);

// --- XLSForm (docs/review.md: survey, choices and settings sheets) ---

// Reads and validates an XLSForm workbook. NotFound when missing; DataLoss when it is
// not an XLSX workbook; InvalidArgument naming file, sheet, row and column and what was
// expected ("survey row 14, column label::Kazakh (kk): empty label"): a missing sheet
// or column, an unknown question type, end_group without begin_group, a select_one list
// missing from the choices sheet or not the response scale, groups nested too deep, ...
Result<Instrument> ImportXlsForm(const std::string& path);

// Writes the instrument as an XLSForm workbook at `path` (libxlsxwriter) that
// ImportXlsForm reads back equal. IoError when it cannot be written.
Status ExportXlsForm(const Instrument& instrument, const std::string& path);

// --- JSON (how the store keeps an instrument) ---

// {"format": "tenlik-instrument", "format_version": 1, ...}: the same for equal
// instruments (keys in a fixed order), so stored copies compare as text.
std::string InstrumentToJson(const Instrument& instrument);
// Reads InstrumentToJson's output back, validated. DataLoss when it is not that
// format; FailedPrecondition when written by a later format version.
Result<Instrument> InstrumentFromJson(std::string_view json);

// --- The store (module "review", migrations in schema.cpp) ---

const std::vector<store::Migration>& Migrations();

enum class ImportOutcome { kAdded, kAlreadyStored };

// Stores `instrument` (validated first) as version instrument.version of its id, at
// `now` (Unix seconds). kAlreadyStored, changing nothing, when that id and version is
// stored with the same content; AlreadyExists when it is stored with other content (a
// changed instrument needs a new version). Needs Migrations() applied.
Result<ImportOutcome> ImportInstrument(store::Connection& db, const Instrument& instrument,
                                       int64_t now);

struct InstrumentSummary {
  std::string id;
  int version = 0;
  InstrumentKind kind = InstrumentKind::kSchool;
  Text title;
  int64_t imported_at = 0;  // Unix seconds
};

// Every stored instrument version, by id then version.
Result<std::vector<InstrumentSummary>> ListInstruments(store::Connection& db);

// The stored instrument `id` at `version`, or its highest version when none is given.
// NotFound naming id (and version) when there is none.
Result<Instrument> GetInstrument(store::Connection& db, const std::string& id,
                                 std::optional<int> version);

// --- Review cycles (docs/review.md "Cycles") ---
//
// A cycle is one round of a review in one unit (a school or a district), on one stored
// instrument version. Respondents answer anonymously with single-use access codes
// issued per respondent group; the store keeps only a hash of each code, and a
// response row holds its cycle, group, day and answers and nothing that leads back to
// a code. Every function below is a whole request of the future HTTP layer: it takes
// the connection and plain values and runs its own transaction where it writes.

// The unit kind follows the instrument: a school instrument reviews a school, a
// district instrument a district. National instruments are not run as cycles.
using UnitKind = InstrumentKind;

struct Unit {
  std::string id;      // the caller's identifier of the school or district
  std::string name;    // as it should be printed
  std::string region;  // ISO 3166-2 code of the region, "KZ-ALA", "KZ-75", ...
  UnitKind kind = UnitKind::kSchool;
};

// Respondent groups, by stable name: a school cycle has "staff", "students",
// "parents"; a district cycle has "district_staff" (the district's education office)
// and "school_leaders" (heads of its schools). Students see the student wording.
const std::vector<std::string>& GroupsFor(UnitKind kind);
// The group's name in kk/ru/en; nullptr for an unknown group.
const Text* GroupLabel(std::string_view group);

// Fewer respondents than this in a group and the group is suppressed everywhere.
inline constexpr int64_t kMinGroupSize = 5;

struct OpenCycleRequest {
  Unit unit;  // unit.kind is checked against the instrument's kind
  std::string instrument_id;
  std::optional<int> instrument_version;           // the highest stored when none
  std::string label;                               // "2026", "2026 spring"; required
  std::vector<std::pair<std::string, int>> codes;  // group -> number of codes to issue
  // The district a school belongs to (the unit id of its district's cycles), for the
  // district overview; "" for none. Only school cycles name a district.
  std::string district_id;
};

// One access code as shown to its holder once: 10 characters from an alphabet
// without look-alikes (no 0/O, 1/I/L), printed as "ABCDE-FGHJK". Codes are read back
// ignoring case, spaces and dashes.
struct IssuedCode {
  std::string group;
  std::string code;
};

enum class CycleState { kOpen, kClosed };
std::string_view CycleStateName(CycleState state);  // "open", "closed"

struct GroupProgress {
  std::string group;
  int64_t codes_issued = 0;
  // Responses received (online and paper); nullopt while fewer than kMinGroupSize, so
  // that a small group's count is never shown.
  std::optional<int64_t> responses;
};

struct Cycle {
  int64_t id = 0;
  Unit unit;
  std::string instrument_id;
  int instrument_version = 0;
  std::string label;
  CycleState state = CycleState::kOpen;
  int64_t opened_at = 0;              // Unix seconds
  int64_t closed_at = 0;              // 0 while open
  std::vector<GroupProgress> groups;  // in GroupsFor order
  std::string district_id;            // as opened; "" for none
};

struct OpenedCycle {
  Cycle cycle;
  std::vector<IssuedCode> codes;  // the only time the codes exist outside their holders
};

// Opens a cycle and issues its first codes, in one transaction. InvalidArgument for
// an empty unit id, name or label, a region not "KZ-" + 2..3 letters or digits, a group
// not of the unit's kind, a count outside 0..100000, a district id on a district cycle; NotFound
// when the instrument is not stored; FailedPrecondition when its kind is national or not the unit's
// kind.
Result<OpenedCycle> OpenCycle(store::Connection& db, const OpenCycleRequest& request, int64_t now);

// Issues `count` more codes for `group` of an open cycle (FailedPrecondition when
// closed, NotFound when there is no such cycle).
Result<std::vector<IssuedCode>> IssueCodes(store::Connection& db, int64_t cycle_id,
                                           const std::string& group, int count);

// Every cycle, newest first; one cycle. NotFound when there is no cycle `id`.
Result<std::vector<Cycle>> ListCycles(store::Connection& db);
Result<Cycle> GetCycle(store::Connection& db, int64_t id);

// The cycle as JSON, for the API and `--json`: {"id", "unit": {"id", "name", "region",
// "kind"}, "district_id" (null when none), "instrument": {"id", "version"}, "label",
// "state", "opened_at", "closed_at" (null while open), "minimum_group_size", "groups":
// [{"group", "label": {"kk", "ru", "en"}, "codes_issued", "responses" (null while fewer
// than kMinGroupSize)}]}. Results JSON embeds the same object as "cycle".
std::string CycleToJson(const Cycle& cycle);

// Closes an open cycle: from then on no draft is saved, no response submitted or
// imported, and its results stay as they are. Drafts never submitted are deleted.
// FailedPrecondition when already closed.
Status CloseCycle(store::Connection& db, int64_t id, int64_t now);

// --- Answering with a code ---

using Answers = std::map<std::string, Response>;  // question id -> answer

// What a code holder sees: which review it is (the cycle's label and the unit's
// name, nothing else of the cycle), the group, the instrument and the answers saved
// so far. NotFound for a code that was never issued (the same for every unknown
// code), AlreadyExists when the code was already used to submit (the form says "your
// answers were received"), FailedPrecondition when the cycle is closed.
struct RespondentView {
  std::string cycle_label;
  std::string unit_name;
  std::string group;
  Instrument instrument;
  Answers draft;
};
Result<RespondentView> OpenWithCode(store::Connection& db, std::string_view code);

// Saves `answers` into the code's draft (merged over what was saved before; an
// answer replaces the earlier one to the same question). InvalidArgument for a
// question id not in the instrument; otherwise errors as OpenWithCode.
Status SaveDraft(store::Connection& db, std::string_view code, const Answers& answers);

// Submits the draft merged with `answers` as one anonymous response, in one
// transaction: the response row is added (cycle, group, the day of `now`, answers),
// the draft is deleted and the code marked used. A second submit with the same code is
// AlreadyExists, a submit after the cycle closed FailedPrecondition; neither changes
// anything.
// InvalidArgument when nothing is answered or a question id is unknown.
Status SubmitResponse(store::Connection& db, std::string_view code, const Answers& answers,
                      int64_t now);

// The code as the holder types it, normalised: upper case, without spaces and dashes;
// InvalidArgument when it is not 10 characters of the code alphabet.
Result<std::string> NormaliseCode(std::string_view code);

// A QR code as a self-contained SVG document (black modules on white, a quiet zone
// of 4 modules, error correction M) that encodes `base_url` + "/r/" + `code` (a
// trailing '/' of base_url is dropped). InvalidArgument when it is too long to encode.
Result<std::string> QrSvg(const std::string& base_url, const std::string& code);

// --- Paper responses ---

// A row of a paper file that was not stored: file, spreadsheet/CSV row (1-based, the
// header is row 1), column (the header name, or "" for the whole row) and what was
// expected. The same fields as listening's reject records (listen::Reject), so the
// CLI writes both to the one reject file.
struct PaperReject {
  std::string file;
  int64_t row = 0;
  int64_t record = 0;  // 0-based ordinal of the respondent row (rejects included)
  std::string column;
  std::string reason;
  std::string raw;  // the row's cells joined by ','
};

struct PaperImport {
  int64_t rows = 0;      // data rows read
  int64_t imported = 0;  // stored as responses
  std::vector<PaperReject> rejects;
};

// Imports a CSV (UTF-8, ',' or ';') or XLSX (its only sheet, or the one named
// "responses") of paper questionnaires into an open cycle: a header row with `group`
// and question ids (every column a question of the cycle's instrument; others are
// refused), then one row per respondent: the group's name, and per question an answer
// name (agree, agree_to_some_extent, disagree, need_more_information) or 1-4 in that
// order, or blank. A row with an unknown group, an unknown answer, more cells than the
// header or no answer at all is rejected naming its row and column; good rows are
// stored in one transaction, as responses of the day of `now`. InvalidArgument naming
// the file, row and column for a bad header or another extension; NotFound / DataLoss
// for a missing or unreadable file; FailedPrecondition when the cycle is closed.
Result<PaperImport> ImportPaperResponses(store::Connection& db, int64_t cycle_id,
                                         const std::string& path, int64_t now);

// Stores already validated responses of one group, in one transaction (the paper
// import and the benchmark use it). FailedPrecondition when the cycle is closed;
// InvalidArgument for a group not of the cycle or an unknown question.
Status AddResponses(store::Connection& db, int64_t cycle_id, const std::string& group,
                    const std::vector<Answers>& responses, int64_t now);

// --- Results (docs/review.md "Results") ---

// One group's answers to the questions under one node (an indicator, a section or a
// dimension). When `suppressed` (the group has fewer than kMinGroupSize
// respondents in the cycle) every other field is empty or zero.
struct GroupCell {
  std::string group;
  bool suppressed = false;
  int64_t respondents = 0;          // who answered at least one question of the node
  std::array<int64_t, 4> counts{};  // answers, in ResponseScale() order
  // 0-100: the mean over respondents of each respondent's mean score (agree 2, to
  // some extent 1, disagree 0) on the node's questions, times 50. nullopt when no
  // answer was scored.
  std::optional<double> score;
  double score_sd = 0;                     // SD of the respondents' scores (0-100), n-1
  int64_t scored_respondents = 0;          // respondents with at least one scored answer
  double need_more_information_share = 0;  // of all answers, 0-1
  std::optional<double> change;            // score minus the previous cycle's, when both shown
};

// A gap between two shown groups on one node: difference = score(a) - score(b) in
// points of 0-100, effect size = Cohen's d (difference over the pooled SD of the
// respondents' scores; nullopt when that SD is 0). `flagged` when |d| >= the
// threshold, or when the SD is 0 and the scores differ.
struct Gap {
  std::string group_a;
  std::string group_b;
  double difference = 0;
  std::optional<double> effect_size;
  bool flagged = false;
};

enum class NodeLevel { kDimension, kSection, kIndicator };

struct NodeResult {
  NodeLevel level = NodeLevel::kIndicator;
  std::string id;
  Text title;
  std::vector<GroupCell> groups;  // in GroupsFor order
  std::vector<Gap> gaps;          // every pair of shown groups, in GroupsFor order
};

struct CycleResults {
  Cycle cycle;
  // The previous cycle of the same unit and instrument id (the latest opened before
  // this one), whose scores `change` compares with; nullopt when there is none.
  std::optional<int64_t> previous_cycle_id;
  std::string previous_label;
  double gap_threshold = 0.5;
  // The tree in instrument order: each dimension, then its sections each followed
  // by its indicators (or the dimension's indicators directly).
  std::vector<NodeResult> nodes;
};

// Results of a cycle (open or closed; a closed cycle's never change). Groups with
// fewer than kMinGroupSize respondents are suppressed in every node; no total over
// groups is given, so no suppressed group can be worked out by subtraction.
// `gap_threshold` is the |Cohen's d| from which a gap is flagged (0.5: medium).
Result<CycleResults> ComputeResults(store::Connection& db, int64_t cycle_id,
                                    double gap_threshold = 0.5);

// The results as JSON for the API and `--json` ({"format": "tenlik-review-results",
// "format_version": 1, ...}); suppressed cells are {"group": .., "suppressed": true}.
std::string ResultsToJson(const CycleResults& results);

// --- Development plan (docs/review.md "Development plan") ---
//
// After a cycle closes, the unit chooses priorities from its results: indicators
// where it wants to improve. Each priority has actions with a responsible role,
// dates, resources and the evidence that will show success, and each action gets
// progress updates through the year. The next cycle of the unit looks back at the
// plan (FollowUpPreviousPlan).

// Why an indicator is suggested as a priority.
enum class SuggestionReason {
  kLowScore,             // a shown group's score is below kLowScoreBelow
  kFlaggedGap,           // a gap between two shown groups is flagged
  kNeedMoreInformation,  // a shown group's "need more information" share is high
};
// "low_score", "flagged_gap", "need_more_information".
std::string_view SuggestionReasonName(SuggestionReason reason);

// A score below this (0-100) suggests the indicator.
inline constexpr double kLowScoreBelow = 50;
// A share of "need more information" answers from this (0-1) suggests the indicator:
// respondents do not know what the school does there.
inline constexpr double kHighNeedMoreInformationShare = 0.25;

// One figure behind a suggestion. Low score: `group`, value = its score. Flagged gap:
// `group` and `other_group`, value = the difference score(group) - score(other_group)
// in points, with Cohen's d when defined. Need more information: `group`, value = its
// share (0-1).
struct SuggestionFinding {
  SuggestionReason reason = SuggestionReason::kLowScore;
  std::string group;
  std::string other_group;  // only for a gap
  double value = 0;
  std::optional<double> effect_size;  // only for a gap
};

struct PrioritySuggestion {
  std::string indicator_id;
  Text title;
  std::vector<SuggestionFinding> findings;  // at least one, in GroupsFor order per reason
  std::optional<double> lowest_score;       // the lowest score of a shown group
};

// Indicators worth choosing as priorities, from the results' indicator nodes: those
// with at least one finding, ranked by the number of findings (most first), then by
// the lowest shown score (lowest first, none last), then in instrument order.
// Suppressed groups are never looked at, so no suggestion reveals anything of them.
std::vector<PrioritySuggestion> SuggestPriorities(const CycleResults& results);

enum class ActionStatus { kNotStarted, kInProgress, kDone, kBlocked };
// "not_started", "in_progress", "done", "blocked"; ParseActionStatus: nullopt otherwise.
std::string_view ActionStatusName(ActionStatus status);
std::optional<ActionStatus> ParseActionStatus(std::string_view name);

struct ProgressUpdate {
  int64_t id = 0;
  std::string date;  // YYYY-MM-DD
  ActionStatus status = ActionStatus::kNotStarted;
  std::string note;
};

// What a priority's action is (as added or edited). `responsible_role` names a role
// ("deputy head", "завуч"), not a person: the plan is shared in meetings and reports.
// Dates are YYYY-MM-DD with start <= due.
struct ActionFields {
  std::string what;
  std::string responsible_role;
  std::string start;
  std::string due;
  std::string resources;  // may be empty: nothing beyond the usual
  std::string success_evidence;
};

struct Action {
  int64_t id = 0;
  ActionFields fields;
  std::vector<ProgressUpdate> progress;  // by date, then in the order added
};

// The action's status now: its latest progress update's, not_started when none.
ActionStatus LatestStatus(const Action& action);

// What a priority is (as added or edited): an indicator id of the cycle's instrument
// (each at most once per plan), why it was chosen (required) and an optional note.
struct PriorityFields {
  std::string indicator_id;
  std::string reason;
  std::string note;
};

struct Priority {
  int64_t id = 0;
  PriorityFields fields;
  Text title;                   // the indicator's, from the cycle's instrument
  std::vector<Action> actions;  // in the order added
};

struct DevelopmentPlan {
  Cycle cycle;
  std::vector<Priority> priorities;  // in the order added
};

struct ProgressFields {
  std::string date;  // YYYY-MM-DD
  ActionStatus status = ActionStatus::kNotStarted;
  std::string note;
};

// Plan edits. Each is one transaction on a closed cycle (FailedPrecondition while it
// is open: the plan rests on final results); NotFound when the cycle, or the priority
// or action within that cycle, does not exist. InvalidArgument naming the field for a
// bad value: an empty indicator_id, reason, what, responsible_role or
// success_evidence, an indicator not in the instrument, a date that is not a real
// YYYY-MM-DD day, due before start. AlreadyExists when the indicator is already a
// priority of the plan. Adds return the new id. Removing a priority removes its
// actions and their progress; removing an action, its progress.
Result<int64_t> AddPriority(store::Connection& db, int64_t cycle_id, const PriorityFields& fields);
Status EditPriority(store::Connection& db, int64_t cycle_id, int64_t priority_id,
                    const PriorityFields& fields);
Status RemovePriority(store::Connection& db, int64_t cycle_id, int64_t priority_id);
Result<int64_t> AddAction(store::Connection& db, int64_t cycle_id, int64_t priority_id,
                          const ActionFields& fields);
Status EditAction(store::Connection& db, int64_t cycle_id, int64_t action_id,
                  const ActionFields& fields);
Status RemoveAction(store::Connection& db, int64_t cycle_id, int64_t action_id);
Result<int64_t> AddProgress(store::Connection& db, int64_t cycle_id, int64_t action_id,
                            const ProgressFields& fields);

// The plan of a cycle (no priorities when none was chosen). NotFound for no cycle.
Result<DevelopmentPlan> GetPlan(store::Connection& db, int64_t cycle_id);

// One group's score on a priority's indicator in the planned cycle ("then") and in
// the cycle looking back ("now"); each nullopt when the group is suppressed there or
// gave no scored answer.
struct FollowUpScore {
  std::string group;
  std::optional<double> then;
  std::optional<double> now;
};

struct PriorityFollowUp {
  Priority priority;                  // with its actions and their progress
  std::vector<FollowUpScore> scores;  // in GroupsFor order
};

struct PlanFollowUp {
  int64_t planned_cycle_id = 0;  // the previous cycle, whose plan this is
  std::string planned_label;
  std::vector<PriorityFollowUp> priorities;
};

// How the plan of the cycle before `cycle_id` (the previous cycle of its unit and
// instrument id, as in CycleResults) went: each priority with its indicator's score
// per group then and now, and its actions with their progress (LatestStatus gives
// each one's status). nullopt when there is no previous cycle or it has no plan.
Result<std::optional<PlanFollowUp>> FollowUpPreviousPlan(store::Connection& db, int64_t cycle_id);

// {"format": "tenlik-review-plan", "format_version": 1, "cycle", "priorities": [...],
// "previous_plan": null | {...}}: the plan for the API and `--json`.
std::string PlanToJson(const DevelopmentPlan& plan, const std::optional<PlanFollowUp>& previous);

// --- District overview (docs/review.md "District overview") ---

// A district's schools side by side, for the district's own review: each school's
// latest closed cycle naming the district (OpenCycleRequest::district_id) on one
// instrument, or its cycle labelled `label`. Each school's results are exactly what
// ComputeResults shows (small groups suppressed in every node), keeping the dimension
// and indicator nodes; no total over schools or groups is given, so nothing
// suppressed can be worked out from the overview.
struct DistrictOverview {
  std::string district_id;
  std::string instrument_id;
  std::vector<CycleResults> schools;  // by school (unit id)
};

// InvalidArgument for an empty district id; no schools when no closed cycle matches.
Result<DistrictOverview> ComputeDistrictOverview(store::Connection& db,
                                                 const std::string& district_id,
                                                 const std::string& instrument_id,
                                                 const std::optional<std::string>& label);

// {"format": "tenlik-review-district-overview", "format_version": 1, "district_id",
// "instrument_id", "schools": [ResultsToJson of each school]}.
std::string DistrictOverviewToJson(const DistrictOverview& overview);

// --- Peer review of a district cycle (docs/review.md "Peer review") ---
//
// A district invites a reviewer from another district to read its review's aggregates
// (the district cycle's results and its district overview, never a response) and to
// write comments and challenges, to each of which the district replies.

struct PeerReviewer {
  std::string account;      // the reviewer's account name
  std::string district_id;  // the reviewer's own district; never the reviewed one
  int64_t invited_at = 0;   // Unix seconds
};

// Invites `reviewer` to the district cycle `cycle_id`. NotFound for no cycle;
// FailedPrecondition when the cycle is a school's; InvalidArgument naming the field for
// an empty account or district_id, or a district_id equal to the reviewed district;
// AlreadyExists when the account is already invited to the cycle.
Status InvitePeerReviewer(store::Connection& db, int64_t cycle_id, const PeerReviewer& reviewer,
                          int64_t now);
// The cycle's reviewers, in the order invited.
Result<std::vector<PeerReviewer>> ListPeerReviewers(store::Connection& db, int64_t cycle_id);

// Whether `account` may read the aggregates of cycle `cycle_id` and comment on them:
// true only when invited to it. The server asks this before every peer request.
Result<bool> MayPeerReview(store::Connection& db, const std::string& account, int64_t cycle_id);

enum class PeerNoteKind { kComment, kChallenge };
// "comment", "challenge"; ParsePeerNoteKind: nullopt otherwise.
std::string_view PeerNoteKindName(PeerNoteKind kind);
std::optional<PeerNoteKind> ParsePeerNoteKind(std::string_view name);

struct PeerNote {
  int64_t id = 0;
  std::string node_id;  // a node of the cycle's instrument, or "" for the whole review
  PeerNoteKind kind = PeerNoteKind::kComment;
  std::string text;
  std::string author;  // the reviewer's account
  int64_t created_at = 0;
  std::string reply;  // the district's; "" until it replies
  int64_t replied_at = 0;
};

// A comment or challenge by `account` on the cycle. FailedPrecondition when the
// account is not invited to it; InvalidArgument for empty text or a node id that is
// not a dimension, section or indicator of the instrument. Returns the note's id.
Result<int64_t> AddPeerNote(store::Connection& db, int64_t cycle_id, const std::string& account,
                            const std::string& node_id, PeerNoteKind kind, const std::string& text,
                            int64_t now);
// The district's reply to note `note_id` of the cycle (a later reply replaces it).
// NotFound when the cycle has no such note; InvalidArgument for an empty reply.
Status ReplyToPeerNote(store::Connection& db, int64_t cycle_id, int64_t note_id,
                       const std::string& reply, int64_t now);
// The cycle's notes, in the order written.
Result<std::vector<PeerNote>> ListPeerNotes(store::Connection& db, int64_t cycle_id);

// --- Exports (labels in `lang`: "kk", "ru" or "en") ---

// Writes the results as one CSV file (UTF-8 with BOM; one row per node and shown
// group), an XLSX workbook or a printable self-contained HTML report for the staff
// meeting (both through report/: a chart of indicator scores per dimension, the
// results and gaps tables), chosen by the extension of `path` (.csv, .xlsx, .html).
// Suppressed groups are left out of every table and chart; only the note saying they
// are not shown names them.
// With a `plan` that has priorities, the XLSX and HTML files add a section
// "Development plan": a row per action (or per priority without actions) with its
// latest status.
// InvalidArgument for another extension or language; IoError when it cannot write.
Status ExportResults(const CycleResults& results, const Instrument& instrument,
                     const std::string& lang, const std::string& path,
                     const std::optional<DevelopmentPlan>& plan = std::nullopt);

}  // namespace tenlik::review
