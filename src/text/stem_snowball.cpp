// Russian and English stemmers: the Snowball algorithms through libstemmer.
#include <libstemmer.h>

#include "text/stemmers_internal.h"

namespace tenlik::text::internal {
namespace {

class SnowballStemmer final : public Stemmer {
 public:
  explicit SnowballStemmer(sb_stemmer* stemmer) : stemmer_(stemmer) {}
  ~SnowballStemmer() override { sb_stemmer_delete(stemmer_); }
  SnowballStemmer(const SnowballStemmer&) = delete;
  SnowballStemmer& operator=(const SnowballStemmer&) = delete;

  std::string_view Stem(std::string_view word) override {
    const sb_symbol* out = sb_stemmer_stem(
        stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (out == nullptr) return word;  // out of memory inside libstemmer: leave the word
    return std::string_view(reinterpret_cast<const char*>(out),
                            static_cast<size_t>(sb_stemmer_length(stemmer_)));
  }

 private:
  sb_stemmer* stemmer_;
};

}  // namespace

Result<std::unique_ptr<Stemmer>> MakeSnowballStemmer(const char* algorithm) {
  sb_stemmer* stemmer = sb_stemmer_new(algorithm, "UTF_8");
  if (stemmer == nullptr) {
    return Internal(std::string("libstemmer has no '") + algorithm + "' stemmer for UTF-8");
  }
  return std::unique_ptr<Stemmer>(new SnowballStemmer(stemmer));
}

}  // namespace tenlik::text::internal
