// Results of a cycle: per node and group the answer distribution, the score, the share
// of "need more information", gaps between groups with Cohen's d, and the change
// since the previous cycle. Small groups are suppressed before anything is computed
// from them.
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "review/cycle_internal.h"

namespace tenlik::review {
namespace {

struct Respondent {
  std::string group;
  Answers answers;
};

Result<std::vector<Respondent>> ReadResponses(store::Connection& db, int64_t cycle_id) {
  TENLIK_ASSIGN_OR_RETURN(
      auto select,
      db.Prepare("SELECT group_name, answers FROM review_responses WHERE cycle_id = $1"));
  TENLIK_RETURN_IF_ERROR(select->Bind(1, cycle_id));
  std::vector<Respondent> respondents;
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, select->Step());
    if (!row) break;
    Respondent respondent{std::string(select->ColumnText(0)), {}};
    TENLIK_ASSIGN_OR_RETURN(respondent.answers, internal::AnswersFromJson(select->ColumnText(1)));
    respondents.push_back(std::move(respondent));
  }
  return respondents;
}

// The questions under a node, which the node's cells summarise.
struct Node {
  NodeLevel level;
  std::string id;
  Text title;
  std::vector<std::string> questions;
};

void AddIndicator(const Indicator& indicator, std::vector<Node>& nodes,
                  std::vector<std::string>& parent_questions) {
  Node node{NodeLevel::kIndicator, indicator.id, indicator.title, {}};
  for (const Question& question : indicator.questions) node.questions.push_back(question.id);
  parent_questions.insert(parent_questions.end(), node.questions.begin(), node.questions.end());
  nodes.push_back(std::move(node));
}

// Dimension, then each section followed by its indicators, in instrument order.
std::vector<Node> Nodes(const Instrument& instrument) {
  std::vector<Node> nodes;
  for (const Dimension& dimension : instrument.dimensions) {
    const size_t dimension_at = nodes.size();
    nodes.push_back({NodeLevel::kDimension, dimension.id, dimension.title, {}});
    std::vector<std::string> dimension_questions;
    for (const Section& section : dimension.sections) {
      const size_t section_at = nodes.size();
      nodes.push_back({NodeLevel::kSection, section.id, section.title, {}});
      std::vector<std::string> section_questions;
      for (const Indicator& indicator : section.indicators) {
        AddIndicator(indicator, nodes, section_questions);
      }
      dimension_questions.insert(dimension_questions.end(), section_questions.begin(),
                                 section_questions.end());
      nodes[section_at].questions = std::move(section_questions);
    }
    for (const Indicator& indicator : dimension.indicators) {
      AddIndicator(indicator, nodes, dimension_questions);
    }
    nodes[dimension_at].questions = std::move(dimension_questions);
  }
  return nodes;
}

GroupCell Cell(const std::string& group, bool suppressed, const Node& node,
               const std::vector<const Respondent*>& members) {
  GroupCell cell;
  cell.group = group;
  cell.suppressed = suppressed;
  if (suppressed) return cell;
  std::vector<double> scores;  // each respondent's mean score, 0-100
  int64_t answers = 0;
  for (const Respondent* respondent : members) {
    int64_t answered = 0, scored = 0, points = 0;
    for (const std::string& question : node.questions) {
      auto found = respondent->answers.find(question);
      if (found == respondent->answers.end()) continue;
      const ResponseOption& option = ResponseScale()[static_cast<size_t>(found->second)];
      ++cell.counts[static_cast<size_t>(found->second)];
      ++answered;
      if (option.score) {
        ++scored;
        points += *option.score;
      }
    }
    answers += answered;
    if (answered > 0) ++cell.respondents;
    if (scored > 0)
      scores.push_back(50.0 * static_cast<double>(points) / static_cast<double>(scored));
  }
  const size_t need_more = static_cast<size_t>(Response::kNeedMoreInformation);
  if (answers > 0) {
    cell.need_more_information_share =
        static_cast<double>(cell.counts[need_more]) / static_cast<double>(answers);
  }
  cell.scored_respondents = static_cast<int64_t>(scores.size());
  if (scores.empty()) return cell;
  double sum = 0;
  for (double s : scores) sum += s;
  const double mean = sum / static_cast<double>(scores.size());
  cell.score = mean;
  if (scores.size() > 1) {
    double squares = 0;
    for (double s : scores) squares += (s - mean) * (s - mean);
    cell.score_sd = std::sqrt(squares / static_cast<double>(scores.size() - 1));
  }
  return cell;
}

std::optional<Gap> GapBetween(const GroupCell& a, const GroupCell& b, double threshold) {
  if (a.suppressed || b.suppressed || !a.score || !b.score) return std::nullopt;
  Gap gap{a.group, b.group, *a.score - *b.score, std::nullopt, false};
  const double na = static_cast<double>(a.scored_respondents);
  const double nb = static_cast<double>(b.scored_respondents);
  if (na + nb > 2) {
    const double pooled = std::sqrt(
        ((na - 1) * a.score_sd * a.score_sd + (nb - 1) * b.score_sd * b.score_sd) / (na + nb - 2));
    if (pooled > 0) gap.effect_size = gap.difference / pooled;
  }
  gap.flagged =
      gap.effect_size ? std::fabs(*gap.effect_size) >= threshold : std::fabs(gap.difference) > 1e-9;
  return gap;
}

// Results without the comparison with a previous cycle.
Result<CycleResults> ResultsOf(store::Connection& db, const Cycle& cycle, double threshold) {
  TENLIK_ASSIGN_OR_RETURN(Instrument instrument, internal::CycleInstrument(db, cycle));
  TENLIK_ASSIGN_OR_RETURN(std::vector<Respondent> respondents, ReadResponses(db, cycle.id));
  const std::vector<std::string>& groups = GroupsFor(cycle.unit.kind);
  std::map<std::string, std::vector<const Respondent*>> members;
  for (const Respondent& respondent : respondents) {
    members[respondent.group].push_back(&respondent);
  }
  CycleResults results;
  results.cycle = cycle;
  results.gap_threshold = threshold;
  for (const Node& node : Nodes(instrument)) {
    NodeResult result{node.level, node.id, node.title, {}, {}};
    for (const std::string& group : groups) {
      const std::vector<const Respondent*>& in_group = members[group];
      const bool suppressed = static_cast<int64_t>(in_group.size()) < kMinGroupSize;
      result.groups.push_back(Cell(group, suppressed, node, in_group));
    }
    for (size_t a = 0; a < result.groups.size(); ++a) {
      for (size_t b = a + 1; b < result.groups.size(); ++b) {
        std::optional<Gap> gap = GapBetween(result.groups[a], result.groups[b], threshold);
        if (gap) result.gaps.push_back(std::move(*gap));
      }
    }
    results.nodes.push_back(std::move(result));
  }
  return results;
}

// The latest cycle of the same unit and instrument id opened before `cycle`.
Result<std::optional<Cycle>> PreviousCycle(store::Connection& db, const Cycle& cycle) {
  TENLIK_ASSIGN_OR_RETURN(
      auto select,
      db.Prepare("SELECT id FROM review_cycles WHERE unit_id = $1 AND instrument_id = $2 AND "
                 "(opened_at < $3 OR (opened_at = $3 AND id < $4)) "
                 "ORDER BY opened_at DESC, id DESC LIMIT 1"));
  TENLIK_RETURN_IF_ERROR(select->Bind(1, cycle.unit.id));
  TENLIK_RETURN_IF_ERROR(select->Bind(2, cycle.instrument_id));
  TENLIK_RETURN_IF_ERROR(select->Bind(3, cycle.opened_at));
  TENLIK_RETURN_IF_ERROR(select->Bind(4, cycle.id));
  TENLIK_ASSIGN_OR_RETURN(bool row, select->Step());
  if (!row) return std::optional<Cycle>();
  const int64_t id = select->ColumnInt(0);
  TENLIK_RETURN_IF_ERROR(select->Step().status());
  TENLIK_ASSIGN_OR_RETURN(Cycle previous, GetCycle(db, id));
  return std::optional<Cycle>(std::move(previous));
}

std::string_view LevelName(NodeLevel level) {
  switch (level) {
    case NodeLevel::kDimension:
      return "dimension";
    case NodeLevel::kSection:
      return "section";
    case NodeLevel::kIndicator:
      break;
  }
  return "indicator";
}

nlohmann::json Optional(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

Result<CycleResults> ComputeResults(store::Connection& db, int64_t cycle_id, double gap_threshold) {
  TENLIK_ASSIGN_OR_RETURN(Cycle cycle, GetCycle(db, cycle_id));
  TENLIK_ASSIGN_OR_RETURN(CycleResults results, ResultsOf(db, cycle, gap_threshold));
  TENLIK_ASSIGN_OR_RETURN(std::optional<Cycle> previous, PreviousCycle(db, cycle));
  if (!previous) return results;
  TENLIK_ASSIGN_OR_RETURN(CycleResults before, ResultsOf(db, *previous, gap_threshold));
  results.previous_cycle_id = previous->id;
  results.previous_label = previous->label;
  // Nodes and groups are matched by id: an id keeps its meaning across versions.
  std::map<std::pair<std::string, std::string>, double> earlier;
  for (const NodeResult& node : before.nodes) {
    for (const GroupCell& cell : node.groups) {
      if (!cell.suppressed && cell.score) earlier[{node.id, cell.group}] = *cell.score;
    }
  }
  for (NodeResult& node : results.nodes) {
    for (GroupCell& cell : node.groups) {
      auto found = earlier.find({node.id, cell.group});
      if (!cell.suppressed && cell.score && found != earlier.end()) {
        cell.change = *cell.score - found->second;
      }
    }
  }
  return results;
}

std::string ResultsToJson(const CycleResults& results) {
  nlohmann::json nodes = nlohmann::json::array();
  for (const NodeResult& node : results.nodes) {
    nlohmann::json groups = nlohmann::json::array();
    for (const GroupCell& cell : node.groups) {
      if (cell.suppressed) {
        groups.push_back({{"group", cell.group}, {"suppressed", true}});
        continue;
      }
      nlohmann::json counts = nlohmann::json::object();
      for (size_t i = 0; i < ResponseScale().size(); ++i) {
        counts[std::string(ResponseScale()[i].name)] = cell.counts[i];
      }
      groups.push_back({{"group", cell.group},
                        {"suppressed", false},
                        {"respondents", cell.respondents},
                        {"counts", counts},
                        {"score", Optional(cell.score)},
                        {"score_sd", cell.score_sd},
                        {"scored_respondents", cell.scored_respondents},
                        {"need_more_information_share", cell.need_more_information_share},
                        {"change", Optional(cell.change)}});
    }
    nlohmann::json gaps = nlohmann::json::array();
    for (const Gap& gap : node.gaps) {
      gaps.push_back({{"group_a", gap.group_a},
                      {"group_b", gap.group_b},
                      {"difference", gap.difference},
                      {"effect_size", Optional(gap.effect_size)},
                      {"flagged", gap.flagged}});
    }
    nodes.push_back({{"level", LevelName(node.level)},
                     {"id", node.id},
                     {"title", internal::TextJson(node.title)},
                     {"groups", std::move(groups)},
                     {"gaps", std::move(gaps)}});
  }
  nlohmann::json json = {{"format", "tenlik-review-results"},
                         {"format_version", 1},
                         {"cycle", internal::CycleObject(results.cycle)},
                         {"previous_cycle", results.previous_cycle_id
                                                ? nlohmann::json{{"id", *results.previous_cycle_id},
                                                                 {"label", results.previous_label}}
                                                : nlohmann::json(nullptr)},
                         {"minimum_group_size", kMinGroupSize},
                         {"effect_size", "cohens_d"},
                         {"gap_threshold", results.gap_threshold},
                         {"nodes", std::move(nodes)}};
  return json.dump(2);
}

}  // namespace tenlik::review
