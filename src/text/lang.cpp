// Names of languages and token types, and their parsing.
#include <string>

#include "text/text.h"

namespace tenlik::text {

std::string_view LangCode(Lang lang) {
  switch (lang) {
    case Lang::kKazakh: return "kk";
    case Lang::kRussian: return "ru";
    case Lang::kEnglish: return "en";
    case Lang::kMixed: return "mixed";
    case Lang::kUndetermined: return "und";
  }
  return "und";
}

Result<Lang> ParseLang(std::string_view code) {
  if (code == "kk") return Lang::kKazakh;
  if (code == "ru") return Lang::kRussian;
  if (code == "en") return Lang::kEnglish;
  if (code == "mixed") return Lang::kMixed;
  if (code == "und") return Lang::kUndetermined;
  return InvalidArgument("unknown language code '" + std::string(code) +
                         "' (expected kk, ru, en, mixed or und)");
}

std::string_view TokenTypeName(TokenType type) {
  switch (type) {
    case TokenType::kWord: return "word";
    case TokenType::kNumber: return "number";
    case TokenType::kHashtag: return "hashtag";
    case TokenType::kMention: return "mention";
    case TokenType::kUrl: return "url";
    case TokenType::kEmail: return "email";
    case TokenType::kEmoji: return "emoji";
  }
  return "word";
}

}  // namespace tenlik::text
