// Internal to text/: constructors of the concrete stemmers behind Stemmer::Create.
#pragma once

#include <memory>

#include "text/text.h"

namespace tenlik::text::internal {

// "russian" or "english" (libstemmer algorithm names).
Result<std::unique_ptr<Stemmer>> MakeSnowballStemmer(const char* algorithm);

// Our Kazakh suffix stripper (stem_kazakh.cpp).
std::unique_ptr<Stemmer> MakeKazakhStemmer();

}  // namespace tenlik::text::internal
