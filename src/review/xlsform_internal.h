// Internal to review/: the XLSForm columns the import and the export share
// (docs/review.md has the mapping).
#pragma once

#include <array>
#include <string>

#include "review/review.h"

namespace tenlik::review {

// The language suffix XLSForm puts after "label::", in the order columns are written.
struct XlsFormLanguage {
  std::string Text::*field;
  const char* code;  // "kk"
  const char* name;  // "Kazakh (kk)"
};
inline const std::array<XlsFormLanguage, 3> kXlsFormLanguages = {{
    {&Text::kk, "kk", "Kazakh (kk)"},
    {&Text::ru, "ru", "Russian (ru)"},
    {&Text::en, "en", "English (en)"},
}};

// Column prefixes: labels (adult wording and group titles), the student wording of
// school instruments (a Tenlik column that other XLSForm tools ignore), and the
// instrument's title on the settings sheet.
inline constexpr const char* kLabelPrefix = "label::";
inline constexpr const char* kStudentPrefix = "student_label::";
inline constexpr const char* kTitlePrefix = "title::";

// The choices list the export writes for the response scale.
inline constexpr const char* kScaleList = "scale";

}  // namespace tenlik::review
