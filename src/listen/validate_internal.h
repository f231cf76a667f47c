// Internal to listen/: the pieces of query validation (validate_*.cpp) that its
// files share. Not part of the public API.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "listen/keyword_in_context.h"
#include "listen/listen.h"
#include "sheet/sheet.h"

namespace tenlik::listen {

// Version of the labelling workbook, kept in its hidden "tenlik" sheet; an import
// refuses a workbook of another version.
inline constexpr int kValidationSheetVersion = 1;
inline constexpr const char* kValidationMetaSheet = "tenlik";

// Columns of the labels sheet (0-based), in the order they are written.
inline constexpr size_t kColumnPostId = 0;
inline constexpr size_t kColumnQuery = 1;
inline constexpr size_t kColumnText = 2;
inline constexpr size_t kColumnLang = 3;
inline constexpr size_t kColumnLabel = 4;

// The two labels the sheet offers, in kk, ru or en (English for anything else).
struct LabelWords {
  const char* relevant;
  const char* not_relevant;
};
LabelWords LabelWordsIn(std::string_view lang);

// Workbooks are read back by sheet/ (sheet::ReadXlsx).
using XlsxRow = sheet::Row;
using XlsxSheet = sheet::Sheet;
using sheet::ReadXlsx;

// One label to store for a post.
struct PostLabel {
  int64_t post_id = 0;
  ValidationLabel label = ValidationLabel::kUnlabelled;
};

// What a blank (kUnlabelled) label does to a label stored before: a sheet row left
// blank never undoes a given label (it is recorded as looked at, if nothing was);
// a label cleared in the web application removes the stored one.
enum class BlankLabel { kKeepsGiven, kClears };

// Stores `labels` of the study's query `query_id` and text `query_hash` in one
// transaction, each replacing the post's earlier label of that text, with `now` and
// `source` recorded. The posts must exist (the caller checks).
Status StoreValidationLabels(store::Connection& db, const Study& study, const std::string& query_id,
                             const std::string& query_hash, const std::vector<PostLabel>& labels,
                             BlankLabel blank, int64_t now, const std::string& source);

// True when post `post_id` is one SampleQueryHits could draw for `query`: an
// original post in the study's scope that the query's current text matches.
Result<bool> IsValidationHit(store::Connection& db, const Study& study, const StudyQuery& query,
                             int64_t post_id);

// The precision of `query` over the labels stored for the query text `query_hash`
// (stale when that is not the query's current text).
Result<QueryValidation> ComputeQueryValidation(store::Connection& db, const Study& study,
                                               const StudyQuery& query,
                                               const std::string& query_hash);

}  // namespace tenlik::listen
