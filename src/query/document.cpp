// MakeDocument(): the tokens of a post and the folded text the matcher scans.
#include <utility>

#include "query/ast.h"
#include "query/query.h"
#include "text/text.h"

namespace tenlik::query {

Document MakeDocument(std::string_view text, DocumentFields fields) {
  return MakeDocumentFromTokens(text, text::Tokenize(text), std::move(fields));
}

Document MakeDocumentFromTokens(std::string_view text, std::vector<text::Token> tokens,
                                DocumentFields fields) {
  Document doc;
  doc.text_ = std::string(text);
  doc.fields_ = std::move(fields);
  doc.tokens_.reserve(tokens.size());
  doc.folded_.reserve(text.size() + tokens.size() + 2);
  doc.folded_.push_back(' ');
  for (text::Token& token : tokens) {
    DocumentToken out;
    out.key = std::move(token.text);
    // Spaces separate tokens in the scanned text and the stem mark starts stem
    // entries: neither may occur inside a key.
    for (char& c : out.key) {
      if (c == ' ' || c == internal::kStemMark) c = '_';
    }
    if (out.key.empty()) continue;
    out.is_word = token.type == text::TokenType::kWord;
    out.text_begin = token.begin;
    out.text_end = token.end;
    out.key_begin = doc.folded_.size();
    doc.folded_.append(out.key);
    doc.folded_.push_back(' ');
    doc.tokens_.push_back(std::move(out));
  }
  return doc;
}

}  // namespace tenlik::query
