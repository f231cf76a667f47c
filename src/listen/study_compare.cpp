// A study run compared with an earlier one (`listen run --compare-with`): the
// earlier run's results.json is read back, and each share both runs report is set
// side by side with its change and a two-proportion z-test.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "listen/annotate_internal.h"

namespace tenlik::listen {

namespace {

using nlohmann::json;

// The number, flag or text at `at`; 0, false or "" when absent or of another type (the file
// may come from anywhere).
int64_t IntAt(const json& j, const json::json_pointer& at) {
  return j.contains(at) && j.at(at).is_number() ? j.at(at).get<int64_t>() : 0;
}
bool BoolAt(const json& j, const json::json_pointer& at) {
  return j.contains(at) && j.at(at).is_boolean() && j.at(at).get<bool>();
}
std::string StringAt(const json& j, const json::json_pointer& at) {
  return j.contains(at) && j.at(at).is_string() ? j.at(at).get<std::string>() : std::string();
}

// One share of both runs: `posts` out of `of` in each.
json ShareRow(const std::string& section, const std::string& key, int64_t previous,
              int64_t previous_of, int64_t now, int64_t now_of) {
  double p1 =
      previous_of > 0 ? static_cast<double>(previous) / static_cast<double>(previous_of) : 0;
  double p2 = now_of > 0 ? static_cast<double>(now) / static_cast<double>(now_of) : 0;
  double z = 0;
  if (previous_of > 0 && now_of > 0) {
    double pooled = static_cast<double>(previous + now) / static_cast<double>(previous_of + now_of);
    double se =
        std::sqrt(pooled * (1 - pooled) *
                  (1.0 / static_cast<double>(previous_of) + 1.0 / static_cast<double>(now_of)));
    if (se > 0) z = (p2 - p1) / se;
  }
  return {{"section", section},
          {"key", key},
          {"previous", previous},
          {"previous_of", previous_of},
          {"previous_share", p1},
          {"now", now},
          {"now_of", now_of},
          {"now_share", p2},
          {"change_points", (p2 - p1) * 100},
          {"z", z},
          {"significant", std::fabs(z) >= 1.959963984540054}};
}

// Rows for a list of {"key", "posts"} entries found under `list` in either run,
// each out of the number at `of`, in the order the current run lists them and then
// the keys only the previous run had.
void AddListRows(const std::string& section, const json& previous, const json& now,
                 const json::json_pointer& list, const json::json_pointer& of, json* rows) {
  auto posts_by_key = [&](const json& results) {
    std::vector<std::pair<std::string, int64_t>> out;
    if (!results.contains(list) || !results.at(list).is_array()) return out;
    for (const json& e : results.at(list)) {
      if (e.contains("key") && e["key"].is_string() && e.contains("posts") &&
          e["posts"].is_number())
        out.emplace_back(e["key"].get<std::string>(), e["posts"].get<int64_t>());
    }
    return out;
  };
  std::vector<std::pair<std::string, int64_t>> before = posts_by_key(previous),
                                               after = posts_by_key(now);
  auto find = [](const std::vector<std::pair<std::string, int64_t>>& v, const std::string& key) {
    for (const auto& [k, n] : v) {
      if (k == key) return n;
    }
    return int64_t{0};
  };
  std::set<std::string> seen;
  for (const auto& [key, n] : after) {
    seen.insert(key);
    rows->push_back(
        ShareRow(section, key, find(before, key), IntAt(previous, of), n, IntAt(now, of)));
  }
  for (const auto& [key, n] : before) {
    if (seen.insert(key).second)
      rows->push_back(ShareRow(section, key, n, IntAt(previous, of), 0, IntAt(now, of)));
  }
}

// Posts with a stigmatising term among posts with a stigmatising or person-first term.
std::pair<int64_t, int64_t> StigmatisingOfAny(const json& results) {
  int64_t stigmatising = 0, any = 0;
  const json::json_pointer quarters("/stigma/quarters");
  if (!results.contains(quarters) || !results.at(quarters).is_array()) return {0, 0};
  for (const json& q : results.at(quarters)) {
    stigmatising += IntAt(q, json::json_pointer("/stigmatising"));
    any += IntAt(q, json::json_pointer("/any"));
  }
  return {stigmatising, any};
}

}  // namespace

Result<json> LoadPreviousResults(const std::string& path) {
  std::filesystem::path file(path);
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) file /= "results.json";
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return NotFound(file.string() +
                    ": cannot read the earlier run's results (expected the results.json, or the "
                    "report folder holding it, that an earlier `listen run` wrote)");
  }
  std::stringstream text;
  text << in.rdbuf();
  json results = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (results.is_discarded() || !results.is_object()) {
    return InvalidArgument(file.string() + ": not JSON; expected the results.json of a study run");
  }
  if (!results.contains("posts") || !results.contains("study")) {
    return InvalidArgument(file.string() +
                           ": has no \"posts\" and \"study\"; expected the results.json of a "
                           "study run");
  }
  int64_t version = results.contains("results_version")
                        ? IntAt(results, json::json_pointer("/results_version"))
                        : 1;
  if (version > kResultsVersion) {
    return InvalidArgument(file.string() + ": results version " + std::to_string(version) +
                           " was written by a newer Tenlik; this one reads up to " +
                           std::to_string(kResultsVersion));
  }
  return results;
}

json CompareResults(const json& previous, const json& now) {
  json rows = json::array();
  const json::json_pointer original("/posts/original");
  AddListRows("subtopic", previous, now, json::json_pointer("/subtopics"), original, &rows);
  AddListRows("barriers", previous, now, json::json_pointer("/lexicon/barriers/categories"),
              json::json_pointer("/lexicon/barriers/denominator"), &rows);
  for (const char* family : {"programmes", "disability", "groups"}) {
    std::string base = std::string("/lexicon/") + family;
    AddListRows(family, previous, now, json::json_pointer(base + "/subcategories"),
                json::json_pointer(base + "/denominator"), &rows);
  }
  for (const char* gender : {"girls", "boys"}) {
    json::json_pointer at(std::string("/gender/") + gender);
    rows.push_back(ShareRow("gender", gender, IntAt(previous, at), IntAt(previous, original),
                            IntAt(now, at), IntAt(now, original)));
  }
  auto [stigma_before, any_before] = StigmatisingOfAny(previous);
  auto [stigma_now, any_now] = StigmatisingOfAny(now);
  rows.push_back(
      ShareRow("stigma", "stigmatising", stigma_before, any_before, stigma_now, any_now));
  const json::json_pointer sentiment("/sentiment/available");
  if (BoolAt(now, sentiment) && BoolAt(previous, sentiment)) {
    auto rated = [](const json& results) {
      return IntAt(results, json::json_pointer("/sentiment/counts/positive")) +
             IntAt(results, json::json_pointer("/sentiment/counts/negative")) +
             IntAt(results, json::json_pointer("/sentiment/counts/not_rated"));
    };
    for (const char* polarity : {"positive", "negative"}) {
      json::json_pointer at(std::string("/sentiment/counts/") + polarity);
      rows.push_back(ShareRow("sentiment", polarity, IntAt(previous, at), rated(previous),
                              IntAt(now, at), rated(now)));
    }
  }
  const json::json_pointer fingerprint("/study/fingerprint");
  return {{"previous",
           {{"generated_at", StringAt(previous, json::json_pointer("/study/generated_at"))},
            {"period_from", StringAt(previous, json::json_pointer("/study/period/from"))},
            {"period_to", StringAt(previous, json::json_pointer("/study/period/to"))},
            {"original_posts", IntAt(previous, original)},
            {"same_fingerprint", StringAt(previous, fingerprint) == StringAt(now, fingerprint)}}},
          {"original_posts", IntAt(now, original)},
          {"rows", rows}};
}

}  // namespace tenlik::listen
