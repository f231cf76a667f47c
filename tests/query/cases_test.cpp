// Table-driven tests: tests/data/query/cases.tsv (query, document, fields,
// expected match) and errors.tsv (bad query, column, message fragment).
#include <gtest/gtest.h>

#include <string>

#include "query/query.h"
#include "tsv.h"

namespace tenlik::query {
namespace {

using testing::ReadTsv;
using testing::TsvRow;

DocumentFields ParseFields(const std::string& spec) {
  DocumentFields fields;
  size_t pos = 0;
  while (pos < spec.size()) {
    size_t end = spec.find(';', pos);
    if (end == std::string::npos) end = spec.size();
    std::string item = spec.substr(pos, end - pos);
    size_t eq = item.find('=');
    std::string key = item.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : item.substr(eq + 1);
    if (key == "lang") fields.lang = value;
    if (key == "platform") fields.platform = value;
    if (key == "author_type") fields.author_type = value;
    if (key == "corpus") fields.corpus = value;
    if (key == "regions") {
      size_t p = 0;
      while (p <= value.size()) {
        size_t c = value.find(',', p);
        if (c == std::string::npos) c = value.size();
        if (c > p) fields.regions.push_back(value.substr(p, c - p));
        p = c + 1;
      }
    }
    pos = end + 1;
  }
  return fields;
}

TEST(QueryCases, TableHasEnoughRows) {
  EXPECT_GE(ReadTsv("cases.tsv").size(), 40u);
  EXPECT_GE(ReadTsv("errors.tsv").size(), 20u);
}

// Each row alone, and all rows' queries compiled into one Matcher.
TEST(QueryCases, MatchesAsTabulated) {
  std::vector<TsvRow> rows = ReadTsv("cases.tsv");
  ASSERT_FALSE(rows.empty());
  std::vector<NamedQuery> all;
  for (const TsvRow& row : rows) {
    ASSERT_GE(row.cells.size(), 4u) << "line " << row.line;
    Result<Query> query = Parse(row.cells[0]);
    ASSERT_TRUE(query.ok()) << "line " << row.line << ": " << query.status().ToString();
    all.push_back({"line " + std::to_string(row.line), *query});
  }
  Result<Matcher> together = Compile(all);
  ASSERT_TRUE(together.ok()) << together.status().ToString();
  MatchContext context(*together);

  for (size_t i = 0; i < rows.size(); ++i) {
    const TsvRow& row = rows[i];
    bool expected = row.cells[3] == "1";
    std::string note = row.cells.size() > 4 ? row.cells[4] : "";
    Document doc = MakeDocument(row.cells[1], ParseFields(row.cells[2]));

    Result<Matcher> alone = Compile({all[i]});
    ASSERT_TRUE(alone.ok()) << alone.status().ToString();
    bool got_alone = !alone->Match(doc).empty();
    EXPECT_EQ(got_alone, expected) << "line " << row.line << " (" << note << "): query '"
                                   << row.cells[0] << "' on '" << row.cells[1]
                                   << "' folded as '" << doc.folded_text() << "'\n"
                                   << Explain(all[i].query);

    std::vector<int> hits = together->Match(doc, &context);
    bool got_together = std::find(hits.begin(), hits.end(), static_cast<int>(i)) != hits.end();
    EXPECT_EQ(got_together, expected) << "line " << row.line << " in the combined matcher";
  }
}

TEST(QueryCases, ErrorsAsTabulated) {
  std::vector<TsvRow> rows = ReadTsv("errors.tsv");
  ASSERT_FALSE(rows.empty());
  for (const TsvRow& row : rows) {
    ASSERT_GE(row.cells.size(), 3u) << "line " << row.line;
    Result<Query> query = Parse(row.cells[0]);
    ASSERT_FALSE(query.ok()) << "line " << row.line << ": '" << row.cells[0] << "' parsed as\n"
                             << Explain(*query);
    EXPECT_EQ(query.status().code(), StatusCode::kInvalidArgument);
    std::string message = query.status().message();
    std::string prefix = "column " + row.cells[1] + ": ";
    EXPECT_EQ(message.rfind(prefix, 0), 0u)
        << "line " << row.line << ": '" << row.cells[0] << "' gave: " << message;
    EXPECT_NE(message.find(row.cells[2]), std::string::npos)
        << "line " << row.line << ": '" << row.cells[0] << "' gave: " << message;
  }
}

}  // namespace
}  // namespace tenlik::query
