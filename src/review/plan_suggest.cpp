// Suggested priorities: the indicators whose results point at something to improve
// (low scores, flagged gaps, much "need more information"), read from shown groups only.
#include <algorithm>

#include "review/review.h"

namespace tenlik::review {
namespace {

std::vector<SuggestionFinding> Findings(const NodeResult& node) {
  std::vector<SuggestionFinding> findings;
  for (const GroupCell& cell : node.groups) {
    if (!cell.suppressed && cell.score && *cell.score < kLowScoreBelow) {
      findings.push_back({SuggestionReason::kLowScore, cell.group, "", *cell.score, std::nullopt});
    }
  }
  // Gaps are only ever computed between shown groups (results.cpp).
  for (const Gap& gap : node.gaps) {
    if (gap.flagged) {
      findings.push_back({SuggestionReason::kFlaggedGap, gap.group_a, gap.group_b, gap.difference,
                          gap.effect_size});
    }
  }
  for (const GroupCell& cell : node.groups) {
    if (!cell.suppressed && cell.respondents > 0 &&
        cell.need_more_information_share >= kHighNeedMoreInformationShare) {
      findings.push_back({SuggestionReason::kNeedMoreInformation, cell.group, "",
                          cell.need_more_information_share, std::nullopt});
    }
  }
  return findings;
}

}  // namespace

std::string_view SuggestionReasonName(SuggestionReason reason) {
  switch (reason) {
    case SuggestionReason::kLowScore:
      return "low_score";
    case SuggestionReason::kFlaggedGap:
      return "flagged_gap";
    case SuggestionReason::kNeedMoreInformation:
      break;
  }
  return "need_more_information";
}

std::vector<PrioritySuggestion> SuggestPriorities(const CycleResults& results) {
  std::vector<PrioritySuggestion> suggestions;
  for (const NodeResult& node : results.nodes) {
    if (node.level != NodeLevel::kIndicator) continue;
    std::vector<SuggestionFinding> findings = Findings(node);
    if (findings.empty()) continue;
    PrioritySuggestion suggestion{node.id, node.title, std::move(findings), std::nullopt};
    for (const GroupCell& cell : node.groups) {
      if (cell.suppressed || !cell.score) continue;
      if (!suggestion.lowest_score || *cell.score < *suggestion.lowest_score) {
        suggestion.lowest_score = cell.score;
      }
    }
    suggestions.push_back(std::move(suggestion));
  }
  // Stable: equal ranks keep instrument order.
  std::stable_sort(suggestions.begin(), suggestions.end(),
                   [](const PrioritySuggestion& a, const PrioritySuggestion& b) {
                     if (a.findings.size() != b.findings.size()) {
                       return a.findings.size() > b.findings.size();
                     }
                     if (a.lowest_score.has_value() != b.lowest_score.has_value()) {
                       return a.lowest_score.has_value();
                     }
                     return a.lowest_score && *a.lowest_score < *b.lowest_score;
                   });
  return suggestions;
}

}  // namespace tenlik::review
