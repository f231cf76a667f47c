// Query validation, step three: reading the labels back from a filled-in sheet,
// rejecting what cannot be used (with file, row and reason) and storing the rest.
#include <unicode/unistr.h>

#include <cmath>
#include <ctime>
#include <filesystem>
#include <set>

#include "listen/listen.h"
#include "listen/validate_internal.h"

namespace tenlik::listen {
namespace {

// Lower case (ICU, so Cyrillic and Kazakh letters too), spaces trimmed and runs of
// spaces, no-break spaces and underscores read as one space.
std::string Normalise(std::string_view cell) {
  std::string lower;
  icu::UnicodeString::fromUTF8(icu::StringPiece(cell.data(), static_cast<int32_t>(cell.size())))
      .toLower()
      .toUTF8String(lower);
  std::string out;
  bool space = false;
  for (size_t i = 0; i < lower.size(); ++i) {
    bool is_space = lower[i] == ' ' || lower[i] == '\t' || lower[i] == '\n' || lower[i] == '\r' ||
                    lower[i] == '_';
    if (lower.compare(i, 2, "\xC2\xA0") == 0) {  // U+00A0
      is_space = true;
      ++i;
    }
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += lower[i];
  }
  return out;
}

// A whole number written in a cell ("17", "17.0", "1.7E1"); nullopt otherwise.
std::optional<int64_t> WholeNumber(const std::string& cell) {
  if (cell.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(cell.c_str(), &end);
  if (end != cell.c_str() + cell.size() || !std::isfinite(v) || v != std::floor(v) ||
      std::fabs(v) > 9e15) {
    return std::nullopt;
  }
  return static_cast<int64_t>(v);
}

std::string Cell(const XlsxRow& row, size_t column) {
  return column < row.cells.size() ? row.cells[column] : std::string();
}

std::string RawRow(const XlsxRow& row) {
  std::string raw;
  for (size_t i = 0; i < row.cells.size(); ++i) raw += (i ? "\t" : "") + row.cells[i];
  return raw.size() > 4096 ? raw.substr(0, 4096) : raw;
}

}  // namespace

std::optional<ValidationLabel> ParseValidationLabel(std::string_view cell) {
  const std::string s = Normalise(cell);
  if (s.empty()) return ValidationLabel::kUnlabelled;
  static const std::set<std::string> kRelevant = {
      "relevant",   "yes",         "y",  "1",       "1.0", "true",
      "релевантно", "релевантный", "да", "қатысты", "иә",  "ия"};
  static const std::set<std::string> kNotRelevant = {"not relevant",
                                                     "irrelevant",
                                                     "no",
                                                     "n",
                                                     "0",
                                                     "0.0",
                                                     "false",
                                                     "не релевантно",
                                                     "нерелевантно",
                                                     "нерелевантный",
                                                     "не релевантный",
                                                     "нет",
                                                     "қатысты емес",
                                                     "жоқ"};
  if (kRelevant.contains(s)) return ValidationLabel::kRelevant;
  if (kNotRelevant.contains(s)) return ValidationLabel::kNotRelevant;
  return std::nullopt;
}

Result<ValidationImport> ImportValidationSheet(store::Connection& db, const Study& study,
                                               std::string_view query_id, const std::string& path,
                                               const ValidationImportOptions& options) {
  TENLIK_ASSIGN_OR_RETURN(const StudyQuery* query, FindStudyQuery(study, query_id));
  TENLIK_ASSIGN_OR_RETURN(auto sheets, ReadXlsx(path));
  auto meta_sheet = sheets.find(kValidationMetaSheet);
  if (meta_sheet == sheets.end()) {
    return DataLoss(path + ": no sheet '" + kValidationMetaSheet +
                    "': not a labelling sheet made by `tenlik listen validate --out`");
  }
  std::map<std::string, std::string> meta;
  for (const XlsxRow& row : meta_sheet->second) meta[Cell(row, 0)] = Cell(row, 1);
  if (meta["format"] != std::to_string(kValidationSheetVersion)) {
    return DataLoss(path + ": sheet '" + kValidationMetaSheet + "': expected format " +
                    std::to_string(kValidationSheetVersion) + ", found '" + meta["format"] + "'");
  }
  if (meta["study"] != StudyKey(study)) {
    return InvalidArgument(path + ": the sheet was made for the study '" + meta["study"] +
                           "', not '" + StudyKey(study) + "'");
  }
  if (meta["query"] != query->id) {
    return InvalidArgument(path + ": the sheet was made for the query '" + meta["query"] +
                           "', not '" + query->id + "'");
  }
  const std::string query_hash = meta["query_hash"];
  if (query_hash.size() != 16) {
    return DataLoss(path + ": sheet '" + kValidationMetaSheet +
                    "': expected a query_hash of 16 hex digits");
  }
  auto labels_sheet = sheets.find(meta["labels_sheet"]);
  if (labels_sheet == sheets.end()) {
    return DataLoss(path + ": no sheet '" + meta["labels_sheet"] +
                    "' with the labels (was it renamed?)");
  }

  ValidationImport report;
  report.file = path;
  TENLIK_RETURN_IF_ERROR(db.Migrate(Migrations()));
  TENLIK_ASSIGN_OR_RETURN(auto exists, db.Prepare("SELECT 1 FROM listen_posts WHERE id = $1"));
  std::vector<PostLabel> accepted;
  std::set<int64_t> seen;
  for (const XlsxRow& row : labels_sheet->second) {
    if (row.number <= 1) continue;  // the header
    const int64_t record = report.rows++;
    auto reject = [&](const char* field, std::string reason) {
      report.rejects.push_back({path, row.number, record, field, std::move(reason), RawRow(row)});
    };
    const std::string id_cell = Cell(row, kColumnPostId), query_cell = Cell(row, kColumnQuery),
                      label_cell = Cell(row, kColumnLabel);
    std::optional<int64_t> post_id = WholeNumber(id_cell);
    if (!post_id) {
      reject("post id", "expected a post id (a whole number), found '" + id_cell + "'");
      continue;
    }
    if (query_cell != query->id) {
      reject("query", "expected the query '" + query->id + "', found '" + query_cell + "'");
      continue;
    }
    std::optional<ValidationLabel> label = ParseValidationLabel(label_cell);
    if (!label) {
      reject("label", "unknown label '" + label_cell +
                          "'; expected relevant / not relevant (релевантно / не релевантно, "
                          "қатысты / қатысты емес), "
                          "yes / no or 1 / 0, or an empty cell");
      continue;
    }
    if (!seen.insert(*post_id).second) {
      reject("post id",
             "post id " + std::to_string(*post_id) + " is given twice; the first row counts");
      continue;
    }
    TENLIK_RETURN_IF_ERROR(exists->Reset());
    TENLIK_RETURN_IF_ERROR(exists->Bind(1, *post_id));
    TENLIK_ASSIGN_OR_RETURN(bool found, exists->Step());
    if (!found) {
      reject("post id", "post id " + std::to_string(*post_id) + " is not in the store");
      continue;
    }
    (*label == ValidationLabel::kRelevant      ? report.relevant
     : *label == ValidationLabel::kNotRelevant ? report.not_relevant
                                               : report.unlabelled)++;
    accepted.push_back({*post_id, *label});
  }

  const int64_t now = options.now != 0 ? options.now : static_cast<int64_t>(std::time(nullptr));
  const std::string source = std::filesystem::path(path).filename().string();
  TENLIK_RETURN_IF_ERROR(StoreValidationLabels(db, study, query->id, query_hash, accepted,
                                               BlankLabel::kKeepsGiven, now, source));
  TENLIK_ASSIGN_OR_RETURN(report.validation, ComputeQueryValidation(db, study, *query, query_hash));
  return report;
}

}  // namespace tenlik::listen
