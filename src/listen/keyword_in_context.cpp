#include "listen/keyword_in_context.h"

namespace tenlik::listen {
namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Moves back `chars` code points from `pos` (not before 0).
size_t BackChars(const std::string& s, size_t pos, size_t chars) {
  while (pos > 0 && chars > 0) {
    --pos;
    while (pos > 0 && IsContinuation(static_cast<unsigned char>(s[pos]))) --pos;
    --chars;
  }
  return pos;
}

size_t ForwardChars(const std::string& s, size_t pos, size_t chars) {
  while (pos < s.size() && chars > 0) {
    ++pos;
    while (pos < s.size() && IsContinuation(static_cast<unsigned char>(s[pos]))) ++pos;
    --chars;
  }
  return pos;
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

}  // namespace

KeywordInContext CutKeywordInContext(const std::string& text, size_t begin, size_t end,
                                     size_t window_chars) {
  if (end > text.size() || begin > end) begin = end = 0;
  size_t from = BackChars(text, begin, window_chars);
  size_t to = ForwardChars(text, end, window_chars);
  KeywordInContext k;
  k.before = (from > 0 ? "…" : "") + OneLine(text.substr(from, begin - from));
  k.hit = OneLine(text.substr(begin, end - begin));
  k.after = OneLine(text.substr(end, to - end)) + (to < text.size() ? "…" : "");
  return k;
}

}  // namespace tenlik::listen
