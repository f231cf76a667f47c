// `tenlik text ...`: the text engine on standard input, one line at a time —
// stem (one word per line), fold, tokens and langid. Wiring only.
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli.h"
#include "text/text.h"

namespace tenlik::cli {
namespace {

int RunStem(const Context& ctx, const std::string& lang_code) {
  Result<text::Lang> lang = text::ParseLang(lang_code);
  if (!lang.ok()) return ReportError(ctx, lang.status());
  Result<std::unique_ptr<text::Stemmer>> stemmer = text::Stemmer::Create(*lang);
  if (!stemmer.ok()) return ReportError(ctx, stemmer.status());
  text::Stemmer& stem = **stemmer;
  ForEachInputLine([&](const std::string& word, std::string* out) {
    // Stemmers take lower-case words; case folding (not Fold(), whose Kazakh
    // letter folding would change Russian words) lower-cases them.
    std::string lower = text::CaseFold(word);
    *out += stem.Stem(lower);
    *out += '\n';
  });
  return kExitOk;
}

int RunFold() {
  ForEachInputLine([](const std::string& line, std::string* out) {
    *out += text::Fold(line);
    *out += '\n';
  });
  return kExitOk;
}

int RunTokens(bool json) {
  ForEachInputLine([json](const std::string& line, std::string* out) {
    std::vector<text::Token> tokens = text::Tokenize(line);
    if (json) {
      nlohmann::json array = nlohmann::json::array();
      for (const text::Token& t : tokens) {
        array.push_back({{"type", text::TokenTypeName(t.type)},
                         {"text", t.text},
                         {"begin", t.begin},
                         {"end", t.end}});
      }
      *out += array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } else {
      for (size_t i = 0; i < tokens.size(); ++i) {
        if (i > 0) *out += '\t';
        *out += tokens[i].text;
      }
    }
    *out += '\n';
  });
  return kExitOk;
}

int RunLangid() {
  ForEachInputLine([](const std::string& line, std::string* out) {
    *out += text::LangCode(text::IdentifyLanguage(line));
    *out += '\n';
  });
  return kExitOk;
}

}  // namespace

void RegisterTextCommands(CLI::App& app, Context& ctx) {
  CLI::App* text = app.add_subcommand(
      "text", T(ctx, {"Work with text: stems, matching keys, tokens, language",
                      "Работа с текстом: основы слов, ключи сравнения, токены, язык",
                      "Мәтінмен жұмыс: сөз түбірі, салыстыру кілттері, токендер, тіл"}));
  text->require_subcommand(1);

  auto lang_code = std::make_shared<std::string>();
  CLI::App* stem = text->add_subcommand(
      "stem", T(ctx, {"Print the stem of each word you give, one word per line",
                      "Выводит основу каждого переданного вами слова, по слову в строке",
                      "Сіз берген әр сөздің түбірін шығарады, әр жолда бір сөз"}));
  stem->add_option("--lang", *lang_code,
                   T(ctx, {"Language of the words: kk, ru or en",
                           "Язык слов: kk, ru или en",
                           "Сөздердің тілі: kk, ru немесе en"}))
      ->required()
      ->check(CLI::IsMember({"kk", "ru", "en"}));
  stem->callback([&ctx, lang_code] { ctx.exit_code = RunStem(ctx, *lang_code); });

  CLI::App* fold = text->add_subcommand(
      "fold", T(ctx, {"Print the matching key of each line you give",
                      "Выводит ключ сравнения для каждой переданной вами строки",
                      "Сіз берген әр жолдың салыстыру кілтін шығарады"}));
  fold->callback([&ctx] { ctx.exit_code = RunFold(); });

  auto json = std::make_shared<bool>(false);
  CLI::App* tokens = text->add_subcommand(
      "tokens", T(ctx, {"Print the tokens of each line you give, separated by tabs",
                        "Выводит токены каждой переданной вами строки через табуляцию",
                        "Сіз берген әр жолдың токендерін табуляция арқылы шығарады"}));
  tokens->add_flag("--json", *json,
                   T(ctx, {"One JSON array of {type, text, begin, end} per line",
                           "По одному JSON-массиву {type, text, begin, end} на строку",
                           "Әр жолға бір JSON массиві {type, text, begin, end}"}));
  tokens->callback([&ctx, json] { ctx.exit_code = RunTokens(*json || ctx.json); });

  CLI::App* langid = text->add_subcommand(
      "langid", T(ctx, {"Print the language of each line you give: kk, ru, en, mixed or und",
                        "Выводит язык каждой переданной вами строки: kk, ru, en, mixed или und",
                        "Сіз берген әр жолдың тілін шығарады: kk, ru, en, mixed немесе und"}));
  langid->callback([&ctx] { ctx.exit_code = RunLangid(); });

  RegisterGeoCommands(*text, ctx);
  RegisterSentimentCommands(*text, ctx);
}

}  // namespace tenlik::cli
