// The words of a ParseError in English, Russian and Kazakh. The English text is the
// message of Parse's Status; the other two are for people working in those languages.
#include <string>

#include "query/lexer.h"
#include "query/query.h"

namespace tenlik::query {
namespace {

using Code = ParseError::Code;
using Expected = ParseError::Expected;
using Found = ParseError::Found;

enum class Lang { kEnglish, kRussian, kKazakh };

struct Words {
  std::string en, ru, kk;
};

const std::string& Pick(const Words& words, Lang lang) {
  return lang == Lang::kRussian ? words.ru : lang == Lang::kKazakh ? words.kk : words.en;
}

// What stood where parsing failed, as a noun for "before ...".
Words FoundWords(const ParseError& e) {
  switch (e.found) {
    case Found::kEnd:
      return {"the end of the query", "концом запроса", "сұраныстың соңы"};
    case Found::kOpenParenthesis:
      return {"'('", "'('", "'('"};
    case Found::kCloseParenthesis:
      return {"')'", "')'", "')'"};
    case Found::kSpace:
      return {"a space", "пробелом", "бос орын"};
    case Found::kText:
      break;
  }
  return {e.found_text, e.found_text, e.found_text};
}

Words Phrase(const ParseError& e) {
  const std::string& t = e.token;
  const std::string n = std::to_string(e.limit);
  const std::string at = std::to_string(e.opened_at);
  switch (e.code) {
    case Code::kNone:
      return {"no error", "ошибки нет", "қате жоқ"};
    case Code::kEmptyQuery:
      return {"empty query; expected a term or '('", "пустой запрос; ожидался термин или '('",
              "сұраныс бос; термин немесе '(' күтілген еді"};
    case Code::kTooLong:
      return {"expected a query of at most " + n + " bytes",
              "ожидался запрос не длиннее " + n + " байт",
              "ұзындығы ең көбі " + n + " байт сұраныс күтілген еді"};
    case Code::kTooDeep:
      return {"expected at most " + n + " levels of nesting",
              "ожидалось не больше " + n + " уровней вложенности",
              "ең көбі " + n + " кірістіру деңгейі күтілген еді"};
    case Code::kMissingOperand:
      if (e.expected == Expected::kNearOperand) {
        return {"expected a term, phrase or '(' after " + t,
                "после " + t + " ожидался термин, фраза или '('",
                t + " операторынан кейін термин, фраза немесе '(' күтілген еді"};
      }
      return {"expected a term or '(' after " + t, "после " + t + " ожидался термин или '('",
              t + " операторынан кейін термин немесе '(' күтілген еді"};
    case Code::kMissingOperandBefore: {
      Words found = FoundWords(e);
      return {"expected a term or '(' before " + found.en,
              "перед " + found.ru + " ожидался термин или '('",
              e.found == Found::kEnd ? "сұраныстың соңында термин немесе '(' күтілген еді"
                                     : found.kk + " алдында термин немесе '(' күтілген еді"};
    }
    case Code::kEmptyParentheses:
      return {"expected a term or '(' inside the parentheses opened at column " + at,
              "внутри скобок, открытых в столбце " + at + ", ожидался термин или '('",
              at + "-бағанда ашылған жақшаның ішінде термин немесе '(' күтілген еді"};
    case Code::kUnclosedParenthesis:
      return {"expected ')' to close '(' at column " + at,
              "ожидалась ')', закрывающая '(' из столбца " + at,
              at + "-бағандағы '(' жақшасын жабатын ')' күтілген еді"};
    case Code::kUnmatchedParenthesis:
      if (e.expected == Expected::kOperand) {
        return {"unexpected ')'; expected a term or '('", "лишняя ')'; ожидался термин или '('",
                "артық ')'; термин немесе '(' күтілген еді"};
      }
      return {"unexpected ')' without a matching '('", "лишняя ')' без парной '('",
              "жұбы '(' жоқ артық ')'"};
    case Code::kMissingOperator: {
      Words found = FoundWords(e);
      return {"expected an operator or the end of the query before " + found.en,
              "перед " + found.ru + " ожидался оператор или конец запроса",
              found.kk + " алдында оператор немесе сұраныстың соңы күтілген еді"};
    }
    case Code::kNotPositional:
      return {"expected a word, phrase or an OR of them as an operand of " + t,
              "операндом " + t + " должно быть слово, фраза или их OR",
              t + " операторының операнды сөз, фраза немесе олардың OR тіркесі болуы керек"};
    case Code::kUnclosedPhrase:
      return {"expected '" + t + "' to close the phrase opened at column " + at,
              "ожидалась '" + t + "', закрывающая фразу из столбца " + at,
              at + "-бағанда ашылған фразаны жабатын '" + t + "' күтілген еді"};
    case Code::kNearWithoutNumber:
      return {"expected a number after " + t + "/ (e.g. " + t + "/3)",
              "после " + t + "/ ожидалось число (например, " + t + "/3)",
              t + "/ операторынан кейін сан күтілген еді (мысалы, " + t + "/3)"};
    case Code::kNearTooFar:
      return {"expected a distance of at most " + n + " after " + t + "/",
              "после " + t + "/ ожидалось расстояние не больше " + n,
              t + "/ операторынан кейін ең көбі " + n + " қашықтық күтілген еді"};
    case Code::kMisplacedStar:
      return {"expected '*' only at the end of a word", "'*' допускается только в конце слова",
              "'*' тек сөздің соңында тұра алады"};
    case Code::kShortPrefix:
      return {"expected at least " + n + " letters before '*'",
              "перед '*' ожидалось не меньше " + n + " букв",
              "'*' алдында кемінде " + n + " әріп күтілген еді"};
    case Code::kEmptyPhrase:
      return {"expected a word inside the phrase", "внутри фразы ожидалось слово",
              "фразаның ішінде сөз күтілген еді"};
    case Code::kNoLetters:
      return {"expected a term; '" + t + "' has no letters or digits",
              "ожидался термин; в '" + t + "' нет ни букв, ни цифр",
              "термин күтілген еді; '" + t + "' ішінде әріп те, сан да жоқ"};
    case Code::kStemNotOneWord:
      return {"expected one word after '~'", "после '~' ожидалось одно слово",
              "'~' белгісінен кейін бір сөз күтілген еді"};
    case Code::kStemNotCyrillicOrLatin:
      return {"expected a Cyrillic or Latin word after '~'",
              "после '~' ожидалось слово кириллицей или латиницей",
              "'~' белгісінен кейін кирилше немесе латынша сөз күтілген еді"};
    case Code::kUnknownField:
      return {
          "unknown field '" + t +
              "'; expected lang, platform, author_type, region or corpus (quote the text to "
              "search for it as words)",
          "неизвестное поле '" + t +
              "'; ожидалось lang, platform, author_type, region или corpus (чтобы искать этот "
              "текст как слова, возьмите его в кавычки)",
          "'" + t +
              "' деген өріс жоқ; lang, platform, author_type, region немесе corpus күтілген еді "
              "(бұл мәтінді сөз ретінде іздеу үшін тырнақшаға алыңыз)"};
    case Code::kMissingFieldValue:
      return {"expected a value after '" + t + ":'", "после '" + t + ":' ожидалось значение",
              "'" + t + ":' өрісінен кейін мән күтілген еді"};
    case Code::kBadLanguageCode:
      return {"expected a language code kk, ru, en, mixed or und after 'lang:'",
              "после 'lang:' ожидался код языка kk, ru, en, mixed или und",
              "'lang:' өрісінен кейін kk, ru, en, mixed немесе und тіл коды күтілген еді"};
    case Code::kBadRegionCode:
      return {
          "expected an ISO 3166-2 code such as KZ-75 (or a country such as KZ) after "
          "'region:'",
          "после 'region:' ожидался код ISO 3166-2, например KZ-75 (или страна, например KZ)",
          "'region:' өрісінен кейін KZ-75 сияқты ISO 3166-2 коды (немесе KZ сияқты ел коды) "
          "күтілген еді"};
    case Code::kBadFieldValue:
      return {"expected a value of Latin letters, digits, '_', '-' or '.' after '" + t + ":'",
              "после '" + t + ":' ожидалось значение из латинских букв, цифр, '_', '-' или '.'",
              "'" + t +
                  ":' өрісінен кейін латын әріптерінен, цифрлардан, '_', '-' немесе '.' "
                  "таңбаларынан тұратын мән күтілген еді"};
  }
  return {"invalid query", "неверный запрос", "қате сұраныс"};
}

}  // namespace

std::string ParseErrorText(const ParseError& error, std::string_view lang) {
  Lang which = lang == "ru" ? Lang::kRussian : lang == "kk" ? Lang::kKazakh : Lang::kEnglish;
  return Pick(Phrase(error), which);
}

namespace internal {

Status Fail(ParseError error, ParseError* out) {
  Status status = InvalidArgument("column " + std::to_string(error.column) + ": " +
                                  ParseErrorText(error, "en"));
  if (out) *out = std::move(error);
  return status;
}

Status NoteFound(std::string_view text, Status failed, ParseError* error) {
  constexpr int kMaxFoundChars = 40;
  if (!error || error->code == Code::kNone || error->found != Found::kText ||
      !error->found_text.empty()) {
    return failed;
  }
  auto starts_char = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
  size_t byte = 0;
  for (int column = 1; column < error->column && byte < text.size();) {
    ++byte;
    while (byte < text.size() && !starts_char(text[byte])) ++byte;
    ++column;
  }
  if (byte >= text.size()) {
    error->found = Found::kEnd;
  } else if (text[byte] == ' ' || text[byte] == '\t' || text[byte] == '\n' || text[byte] == '\r') {
    error->found = Found::kSpace;
  } else {
    size_t end = byte;
    for (int chars = 0; end < text.size() && chars < kMaxFoundChars; ++chars) {
      if (text[end] == ' ' || text[end] == '\t' || text[end] == '\n' || text[end] == '\r') break;
      ++end;
      while (end < text.size() && !starts_char(text[end])) ++end;
    }
    error->found_text = std::string(text.substr(byte, end - byte));
  }
  return failed;
}

}  // namespace internal
}  // namespace tenlik::query
