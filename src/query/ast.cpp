// Parse-tree helpers and the stem keys shared by the parser and the matcher.
#include "query/ast.h"

#include "text/text.h"

namespace tenlik::query::internal {

bool IsPositional(const Node& node) {
  switch (node.kind) {
    case NodeKind::kTerm:
    case NodeKind::kPrefix:
    case NodeKind::kStem:
    case NodeKind::kPhrase:
    case NodeKind::kNear:
    case NodeKind::kONear:
      return true;
    case NodeKind::kOr:
      for (const auto& child : node.children) {
        if (!IsPositional(*child)) return false;
      }
      return true;
    default:
      return false;
  }
}

const char* FieldName(Field field) {
  switch (field) {
    case Field::kLang: return "lang";
    case Field::kPlatform: return "platform";
    case Field::kAuthorType: return "author_type";
    case Field::kRegion: return "region";
    case Field::kCorpus: return "corpus";
  }
  return "?";
}

struct StemKeyMaker::Impl {
  std::unique_ptr<text::Stemmer> kk, ru, en;
  bool tried = false;
};

StemKeyMaker::StemKeyMaker() : impl_(std::make_unique<Impl>()) {}
StemKeyMaker::~StemKeyMaker() = default;

void StemKeyMaker::Keys(const std::string& key, std::vector<std::string>* out) {
  out->clear();
  if (key.empty()) return;
  if (!impl_->tried) {
    impl_->tried = true;
    auto create = [](text::Lang lang) -> std::unique_ptr<text::Stemmer> {
      auto stemmer = text::Stemmer::Create(lang);
      return stemmer.ok() ? std::move(stemmer).value() : nullptr;
    };
    impl_->kk = create(text::Lang::kKazakh);
    impl_->ru = create(text::Lang::kRussian);
    impl_->en = create(text::Lang::kEnglish);
  }
  unsigned char first = static_cast<unsigned char>(key[0]);
  auto add = [&](const std::unique_ptr<text::Stemmer>& stemmer, const char* tag) {
    if (!stemmer) return;
    std::string entry = tag;
    entry.append(stemmer->Stem(key));
    out->push_back(std::move(entry));
  };
  if (first >= 0xD0 && first <= 0xD4) {  // Cyrillic
    add(impl_->kk, "k:");
    add(impl_->ru, "r:");
  } else if (first >= 'a' && first <= 'z') {  // Latin
    add(impl_->en, "e:");
  }
}

}  // namespace tenlik::query::internal
