// Fold(): the matching key of a text. ASCII text is lower-cased byte by byte;
// other text is repaired, composed (NFC, only if needed) and folded through a
// precomputed table; Latin-script Kazakh words are then read as Cyrillic.
#include <string>

#include "text/case_fold.h"
#include "text/fold_internal.h"
#include "text/kazakh_translit.h"
#include "text/langid_internal.h"
#include "text/normalize_internal.h"
#include "text/text.h"
#include "text/utf8.h"

namespace tenlik::text {
namespace internal {
namespace {

// Whether folding `utf8` gives a Latin letter.
bool FoldsToLatin(std::string_view utf8) {
  const FoldEntry* table = FoldTable();
  size_t pos = 0;
  while (pos < utf8.size()) {
    unsigned char byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x80) {
      if (IsAsciiLetter(static_cast<char>(byte))) return true;
      ++pos;
      continue;
    }
    char32_t c = NextCodePoint(utf8, pos);
    if (c < 0x10000 && (table[c].flags & (kFlagLatin | kFlagFoldsToLatin))) return true;
  }
  return false;
}

bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool HasCyrillicLetter(std::string_view word) {
  for (unsigned char c : word) {
    if (c >= 0xD0 && c <= 0xD4) return true;  // lead bytes of U+0400..U+052F
  }
  return false;
}

// Lower-cases ASCII; reports whether any letter was seen.
std::string FoldAscii(std::string_view in, bool* has_latin) {
  std::string out(in);
  bool letters = false;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c + ('a' - 'A'));
      letters = true;
    } else if (c >= 'a' && c <= 'z') {
      letters = true;
    }
  }
  *has_latin = letters;
  return out;
}

// Case folding and Kazakh letter folding of valid NFC text through the table.
std::string FoldUnicode(std::string_view text, bool* has_latin) {
  const FoldEntry* table = FoldTable();
  std::string out;
  out.reserve(text.size() + 8);
  bool latin = false;
  bool renormalize = false;
  bool prev_consonant = false;
  size_t pos = 0;
  while (pos < text.size()) {
    unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      char c = static_cast<char>(byte);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
      if (c >= 'a' && c <= 'z') latin = true;
      out.push_back(c);
      prev_consonant = false;
      ++pos;
      continue;
    }
    char32_t c = NextCodePoint(text, pos);
    if (c >= 0x10000) {
      AppendFolded(c, out);
      prev_consonant = false;
      continue;
    }
    const FoldEntry& entry = table[c];
    if (entry.flags & kFlagLatin) latin = true;
    if (entry.flags & kFlagNeedsNfc) renormalize = true;
    // Latin spellings drop the softness of ю after a consonant (inkluziv for
    // инклюзив), so the key does too: лю → лу.
    if (prev_consonant && (c == U'ю' || c == U'Ю')) {
      out.append("у");
    } else {
      out.append(entry.utf8, entry.length);
    }
    prev_consonant = (entry.flags & kFlagCyrConsonant) != 0;
  }
  *has_latin = latin;
  if (renormalize) return ToNfc(out);
  return out;
}

std::string FoldLetters(std::string_view utf8, bool* has_latin) {
  if (IsAscii(utf8)) return FoldAscii(utf8, has_latin);
  if (IsWellFormedTrivialNfc(utf8)) return FoldUnicode(utf8, has_latin);  // no copy first
  bool needs_nfc = false;
  std::string text = RepairUtf8(utf8, &needs_nfc);
  if (needs_nfc) text = ToNfc(text);
  return FoldUnicode(text, has_latin);
}

// Which Latin words to transliterate; empty when none.
std::vector<bool> ChooseWords(std::string_view folded, const std::vector<WordSpan>& words,
                              LatinPolicy policy) {
  std::vector<bool> chosen(words.size(), policy == LatinPolicy::kTransliterateAll);
  if (policy == LatinPolicy::kTransliterateAll) return chosen;
  bool any_marked = false;
  bool any_unmarked = false;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view word = folded.substr(words[i].begin, words[i].end - words[i].begin);
    // A word mixing Latin and Cyrillic letters was typed with look-alike letters
    // (Mәселе); reading its Latin letters as Kazakh puts it back in one script.
    chosen[i] = HasKazakhLatinMarkers(word) || HasCyrillicLetter(word);
    (chosen[i] ? any_marked : any_unmarked) = true;
  }
  if (policy == LatinPolicy::kDecide && any_unmarked) {
    std::vector<std::string_view> views;
    views.reserve(words.size());
    for (const WordSpan& w : words) views.push_back(folded.substr(w.begin, w.end - w.begin));
    if (LatinWordsLookKazakh(views)) return std::vector<bool>(words.size(), true);
  }
  if (!any_marked) return {};
  return chosen;
}

// Under kMarkedOnly an ASCII word is transliterated only for a q not before u or
// for an apostrophe (HasKazakhLatinMarkers); most English tokens have neither.
bool MayHoldMarkedAsciiWord(std::string_view folded) {
  for (char c : folded) {
    if (c == 'q' || c == '\'' || c == '`' || static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// Whether a space-separated chunk of folded text is a link, an @mention or an
// e-mail address: identifiers, never read as Kazakh, and never counted when
// deciding how to read a line, or a keyed pseudonym (@p_...) or the letters of a
// link would decide how the words around it are folded.
bool IsIdentifierChunk(std::string_view chunk) {
  size_t lead = chunk.find_first_not_of("([{<\"'");
  if (lead == std::string_view::npos) return false;
  chunk.remove_prefix(lead);
  if (chunk.front() == '@' || chunk.starts_with("www.")) return true;
  if (chunk.find("://") != std::string_view::npos) return true;
  size_t at = chunk.find('@');
  return at != std::string_view::npos && chunk.find('.', at) != std::string_view::npos;
}

}  // namespace

std::vector<WordSpan> FindLatinWords(std::string_view folded) {
  std::vector<WordSpan> words;
  size_t pos = 0;
  size_t begin = 0;
  bool in_word = false;
  bool has_latin = false;
  char32_t prev = 0;
  size_t prev_end = 0;
  auto close = [&](size_t end) {
    if (in_word && has_latin) words.push_back({begin, end});
    in_word = false;
    has_latin = false;
  };
  while (pos < folded.size()) {
    size_t start = pos;
    if (pos == 0 || IsAsciiSpace(folded[pos - 1])) {
      size_t chunk_end = pos;
      while (chunk_end < folded.size() && !IsAsciiSpace(folded[chunk_end])) ++chunk_end;
      if (IsIdentifierChunk(folded.substr(pos, chunk_end - pos))) {
        close(start);
        pos = prev_end = chunk_end;
        prev = 0;
        continue;
      }
    }
    char32_t c = NextCodePoint(folded, pos);
    uint8_t flags = CharFlags(c);
    if (flags & kFlagLetter) {
      if (!in_word) {
        in_word = true;
        begin = start;
      }
      if (flags & kFlagLatin) has_latin = true;
    } else if ((flags & kFlagApostrophe) && in_word) {
      // Inside a word, or closing a 2017 letter (ken' = кең); else punctuation.
      size_t look = pos;
      char32_t next = look < folded.size() ? NextCodePoint(folded, look) : 0;
      if (!(CharFlags(next) & kFlagLetter) && !TakesApostrophe(prev)) close(start);
    } else {
      close(start);
    }
    prev = c;
    prev_end = pos;
  }
  close(prev_end);
  return words;
}

std::string FoldWithPolicy(std::string_view utf8, LatinPolicy policy) {
  bool has_latin = false;
  std::string folded = FoldLetters(utf8, &has_latin);
  if (!has_latin) return folded;
  if (policy == LatinPolicy::kMarkedOnly && !MayHoldMarkedAsciiWord(folded)) return folded;
  std::vector<WordSpan> words = FindLatinWords(folded);
  if (words.empty()) return folded;
  std::vector<bool> chosen = ChooseWords(folded, words, policy);
  if (chosen.empty()) return folded;

  std::string out;
  out.reserve(folded.size() * 2);
  std::u32string cyrillic;
  size_t copied = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!chosen[i]) continue;
    out.append(folded, copied, words[i].begin - copied);
    cyrillic.clear();
    TransliterateKazakhLatin(
        std::string_view(folded).substr(words[i].begin, words[i].end - words[i].begin), cyrillic);
    for (char32_t c : cyrillic) AppendFolded(c, out);
    copied = words[i].end;
  }
  out.append(folded, copied, std::string::npos);
  return out;
}

LatinPolicy DecideLatinPolicy(std::string_view utf8) {
  // No word spans ASCII white space and folding looks across none, so only the
  // space-separated chunks that fold to Latin letters are folded and searched:
  // most kk and ru lines have none, or a link or a tag.
  std::string folded;
  size_t pos = 0;
  while (pos < utf8.size()) {
    size_t end = pos;
    while (end < utf8.size() && !IsAsciiSpace(utf8[end])) ++end;
    std::string_view chunk = utf8.substr(pos, end - pos);
    if (FoldsToLatin(chunk)) {
      bool has_latin = false;
      if (!folded.empty()) folded.push_back(' ');
      folded += FoldLetters(chunk, &has_latin);
    }
    pos = end + 1;
  }
  if (folded.empty()) return LatinPolicy::kMarkedOnly;
  std::vector<WordSpan> words = FindLatinWords(folded);
  std::vector<std::string_view> views;
  for (const WordSpan& w : words) {
    std::string_view word = std::string_view(folded).substr(w.begin, w.end - w.begin);
    if (!HasKazakhLatinMarkers(word)) views.push_back(word);
  }
  // Marked words are Kazakh anyway; the line's policy is about the rest.
  if (views.empty()) return LatinPolicy::kMarkedOnly;
  for (const WordSpan& w : words) {
    std::string_view word = std::string_view(folded).substr(w.begin, w.end - w.begin);
    if (HasKazakhLatinMarkers(word)) views.push_back(word);
  }
  return LatinWordsLookKazakh(views) ? LatinPolicy::kTransliterateAll : LatinPolicy::kMarkedOnly;
}

}  // namespace internal

std::string Fold(std::string_view utf8) {
  return internal::FoldWithPolicy(utf8, internal::LatinPolicy::kDecide);
}

}  // namespace tenlik::text
