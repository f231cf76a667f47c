// Stemmer::Create: picks the stemmer of a language.
#include "text/stemmers_internal.h"
#include "text/text.h"

namespace tenlik::text {

Result<std::unique_ptr<Stemmer>> Stemmer::Create(Lang lang) {
  switch (lang) {
    case Lang::kKazakh: return internal::MakeKazakhStemmer();
    case Lang::kRussian: return internal::MakeSnowballStemmer("russian");
    case Lang::kEnglish: return internal::MakeSnowballStemmer("english");
    case Lang::kMixed:
    case Lang::kUndetermined: break;
  }
  return InvalidArgument("no stemmer for language '" + std::string(LangCode(lang)) +
                         "' (expected kk, ru or en)");
}

}  // namespace tenlik::text
