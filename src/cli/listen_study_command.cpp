// `tenlik listen run|search|query`: wiring of listening studies.
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "listen/listen.h"
#include "query/query.h"
#include "store/store.h"

namespace tenlik::cli {
namespace {

std::atomic<bool> g_study_interrupted{false};
extern "C" void OnStudyInterrupt(int) { g_study_interrupted.store(true); }

const char* LangCode(UiLang lang) {
  return lang == UiLang::kRussian ? "ru" : lang == UiLang::kKazakh ? "kk" : "en";
}

struct RunFlags {
  std::string study;
  std::string out = "report";
  std::string sentiment_model;
  bool no_sentiment = false;
  bool no_topics = false;
  std::string compare_with;
};

Status RunStudyCommand(Context& ctx, const RunFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(listen::Study study, listen::LoadStudy(flags.study));
  std::string location = store::ResolveLocation(ctx.store);
  TENLIK_ASSIGN_OR_RETURN(auto db, store::Connection::Open(location, /*create=*/false));
  listen::StudyRunOptions options;
  options.out_dir = flags.out;
  options.lang = LangCode(ctx.lang);
  options.topics = !flags.no_topics;
  options.compare_with = flags.compare_with;
  options.annotate.sentiment_model = flags.sentiment_model;
  options.annotate.no_sentiment = flags.no_sentiment;
  options.annotate.cancel = &g_study_interrupted;
  bool terminal = ::isatty(STDERR_FILENO);
  if (terminal) {
    options.annotate.on_progress = [&ctx, start = std::chrono::steady_clock::now()](int64_t done,
                                                                                    int64_t total) {
      double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
      std::cerr << "\r\033[K" << done << " / " << total
                << T(ctx, {" posts, ", " публикаций, ", " жазба, "}) << static_cast<int64_t>(rate)
                << T(ctx, {"/s", "/с", "/с"});
      if (rate > 0 && total > done) {
        std::cerr << T(ctx, {", ETA ", ", осталось ", ", қалды "})
                  << FormatDuration(static_cast<double>(total - done) / rate);
      }
      std::cerr << std::flush;
    };
    options.on_stage = [&ctx](const std::string& stage) {
      std::cerr << "\r\033[K" << T(ctx, {"stage: ", "этап: ", "кезең: "}) << stage << "\n";
    };
  }
  std::signal(SIGINT, OnStudyInterrupt);
  Result<listen::StudyRunReport> run = listen::RunStudy(*db, study, options);
  std::signal(SIGINT, SIG_DFL);
  if (terminal) std::cerr << "\r\033[K";
  if (!run.ok()) return run.status();
  if (ctx.json) {
    nlohmann::json j = {{"fingerprint", run->annotate.fingerprint},
                        {"in_scope", run->annotate.in_scope},
                        {"annotated", run->annotate.annotated},
                        {"already_annotated", run->annotate.already},
                        {"sentiment_available", run->annotate.sentiment_available},
                        {"sentiment_note", run->annotate.sentiment_note},
                        {"posts", run->posts},
                        {"original_posts", run->original_posts},
                        {"perplexity", run->perplexity},
                        {"files", run->files}};
    std::cout << j.dump(2) << "\n";
    return Status::Ok();
  }
  std::cout << T(ctx, {"Posts in scope: ", "Публикаций в рамках исследования: ",
                       "Зерттеу ауқымындағы жазбалар: "})
            << run->annotate.in_scope << "\n"
            << T(ctx, {"Annotated now: ", "Размечено сейчас: ", "Қазір белгіленді: "})
            << run->annotate.annotated << T(ctx, {" (before: ", " (ранее: ", " (бұрын: "})
            << run->annotate.already << ")\n"
            << T(ctx, {"Original posts: ", "Оригинальные публикации: ", "Түпнұсқа жазбалар: "})
            << run->original_posts
            << T(ctx,
                 {" (with near-duplicates: ", " (с почти дубликатами: ", " (ұқсас көшірмелермен: "})
            << run->posts << ")\n";
  if (!run->annotate.sentiment_available) {
    std::cout << T(ctx, {"Sentiment: not available — ", "Тональность: недоступна — ",
                         "Тональдылық: қолжетімсіз — "})
              << run->annotate.sentiment_note << "\n";
  }
  if (run->perplexity > 0) {
    std::cout << T(ctx, {"Topic model held-out perplexity: ",
                         "Перплексия тематической модели на отложенных данных: ",
                         "Тақырыптық модельдің бөлек деректегі перплексиясы: "})
              << run->perplexity << "\n";
  }
  std::cout << T(ctx, {"Written: ", "Записано: ", "Жазылды: "}) << "\n";
  for (const std::string& f : run->files) std::cout << "  " << f << "\n";
  return Status::Ok();
}

struct SearchFlags {
  std::string query;
  size_t limit = 20;
  size_t window = 60;
};

Status SearchCommand(Context& ctx, const SearchFlags& flags) {
  std::string location = store::ResolveLocation(ctx.store);
  TENLIK_ASSIGN_OR_RETURN(auto db, store::Connection::Open(location, /*create=*/false));
  listen::SearchOptions options;
  options.limit = flags.limit;
  options.window_chars = flags.window;
  TENLIK_ASSIGN_OR_RETURN(std::vector<listen::SearchHit> hits,
                          listen::Search(*db, flags.query, options));
  if (ctx.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& h : hits) {
      arr.push_back({{"post_id", h.post_id},
                     {"author", h.author_key},
                     {"date", h.date},
                     {"platform", h.platform},
                     {"corpus", h.corpus},
                     {"before", h.before},
                     {"hit", h.hit},
                     {"after", h.after}});
    }
    std::cout << arr.dump(2) << "\n";
    return Status::Ok();
  }
  bool colour = ::isatty(STDOUT_FILENO);
  for (const auto& h : hits) {
    std::cout << h.date << "  " << h.platform << "  " << h.author_key << "\n  " << h.before
              << (colour ? "\033[1;31m[" : "[") << h.hit << (colour ? "]\033[0m" : "]") << h.after
              << "\n";
  }
  if (hits.empty())
    std::cout << T(ctx, {"No posts match.", "Публикаций не найдено.", "Жазба табылмады."}) << "\n";
  return Status::Ok();
}

}  // namespace

void RegisterStudyCommands(CLI::App& listen, Context& ctx) {
  auto run_flags = std::make_shared<RunFlags>();
  CLI::App* run = listen.add_subcommand(
      "run", T(ctx, {"Run a study: annotate, count, topics, report",
                     "Запустить исследование: разметка, подсчёт, темы, отчёт",
                     "Зерттеуді іске қосу: белгілеу, санау, тақырыптар, есеп"}));
  run->add_option("study", run_flags->study,
                  T(ctx, {"Study file (YAML)", "Файл исследования (YAML)", "Зерттеу файлы (YAML)"}))
      ->required();
  run->add_option("--out", run_flags->out,
                  T(ctx, {"Report directory (default: report)",
                          "Папка отчёта (по умолчанию: report)", "Есеп қалтасы (әдепкі: report)"}));
  run->add_option(
      "--sentiment-model", run_flags->sentiment_model,
      T(ctx, {"Sentiment model file", "Файл модели тональности", "Тональдылық моделінің файлы"}));
  run->add_flag(
      "--no-sentiment", run_flags->no_sentiment,
      T(ctx, {"Do not rate sentiment", "Не оценивать тональность", "Тональдылықты бағаламау"}));
  run->add_flag(
      "--no-topics", run_flags->no_topics,
      T(ctx, {"Skip the topic model", "Без тематической модели", "Тақырыптық модельсіз"}));
  run->add_option("--compare-with", run_flags->compare_with,
                  T(ctx, {"An earlier run's report folder (or its results.json) to compare with",
                          "Папка отчёта прежнего запуска (или его results.json) для сравнения",
                          "Салыстыру үшін бұрынғы іске қосудың есеп қалтасы (не results.json)"}));
  run->callback([&ctx, run_flags] {
    Status status = RunStudyCommand(ctx, *run_flags);
    ctx.exit_code = status.ok() ? kExitOk : ReportError(ctx, status);
  });

  auto search_flags = std::make_shared<SearchFlags>();
  CLI::App* search = listen.add_subcommand(
      "search", T(ctx, {"Keyword in context: stored posts that match a query",
                        "Ключевые слова в контексте: публикации по запросу",
                        "Контекстегі кілт сөздер: сұранысқа сәйкес жазбалар"}));
  search
      ->add_option("query", search_flags->query,
                   T(ctx, {"Query (docs/query-language.md)", "Запрос (docs/query-language.md)",
                           "Сұраныс (docs/query-language.md)"}))
      ->required();
  search->add_option(
      "--limit", search_flags->limit,
      T(ctx, {"Most hits to show (default 20)", "Не больше N совпадений (по умолчанию 20)",
              "Ең көбі N сәйкестік (әдепкі 20)"}));
  search->add_option(
      "--window", search_flags->window,
      T(ctx, {"Characters of context (default 60)", "Символов контекста (по умолчанию 60)",
              "Контекст таңбалары (әдепкі 60)"}));
  search->callback([&ctx, search_flags] {
    Status status = SearchCommand(ctx, *search_flags);
    ctx.exit_code = status.ok() ? kExitOk : ReportError(ctx, status);
  });

  auto query_text = std::make_shared<std::string>();
  auto explain = std::make_shared<bool>(false);
  CLI::App* q = listen.add_subcommand(
      "query", T(ctx, {"Check a query: --explain prints its parse tree",
                       "Проверить запрос: --explain печатает дерево разбора",
                       "Сұранысты тексеру: --explain талдау ағашын басып шығарады"}));
  q->add_flag("--explain", *explain,
              T(ctx, {"Print the parse tree", "Показать дерево разбора", "Талдау ағашын көрсету"}));
  q->add_option("query", *query_text, T(ctx, {"Query", "Запрос", "Сұраныс"}))->required();
  q->callback([&ctx, query_text, explain] {
    Result<query::Query> parsed = query::Parse(*query_text);
    if (!parsed.ok()) {
      std::cerr << "tenlik: " << T(ctx, {"query error", "ошибка в запросе", "сұраныс қатесі"})
                << ": " << parsed.status().message() << "\n";
      if (ctx.json) {
        std::cout << nlohmann::json{{"error", parsed.status().message()}}.dump() << "\n";
      }
      ctx.exit_code = kExitUsage;
      return;
    }
    if (ctx.json) {
      std::cout << query::ExplainJson(*parsed) << "\n";
    } else if (*explain) {
      std::cout << query::Explain(*parsed);
    } else {
      std::cout << T(ctx, {"The query is valid.", "Запрос корректен.", "Сұраныс дұрыс."}) << "\n";
    }
    ctx.exit_code = kExitOk;
  });
}

}  // namespace tenlik::cli
