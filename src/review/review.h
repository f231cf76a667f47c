// Public API of review/: school, district and national self-review. This first part
// holds the instruments as data: the model (a tree of dimensions, sections,
// indicators and questions, worded in kk/ru/en, answered on one fixed scale), the
// instrument files (YAML, docs/review.md), XLSForm import and export, and the store
// of imported instruments.
//
// Every node has a stable id given by the instrument's author ("A1.3", "F07.2.b"):
// responses and later review cycles refer to nodes by id, so an id keeps its meaning
// across versions of an instrument; a changed instrument gets a new version.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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

}  // namespace tenlik::review
