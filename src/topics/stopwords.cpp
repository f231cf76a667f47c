// StopWords: a set of folded words read from data/stopwords/*.txt.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

#include "topics/topics.h"

namespace tenlik::topics {

void StopWords::Add(std::string_view word) {
  // Fold as the tokeniser folds. A line may also hold a word that the tokeniser
  // splits (an apostrophe spelling): its word tokens are added too.
  std::string folded = text::Fold(word);
  if (!folded.empty()) words_.insert(std::move(folded));
  for (const text::Token& token : text::Tokenize(word)) {
    if (token.type == text::TokenType::kWord) words_.insert(token.text);
  }
}

bool StopWords::Contains(std::string_view folded) const {
  return words_.find(std::string(folded)) != words_.end();
}

Status StopWords::LoadFile(const std::string& path) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) return NotFound("stop-word file not found: " + path);
    return IoError("cannot read " + path + ": " + std::strerror(errno));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("cannot open " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t tab = line.find('\t');
    if (tab != std::string::npos) line.resize(tab);
    size_t begin = line.find_first_not_of(" \f\v");
    if (begin == std::string::npos || line[begin] == '#') continue;
    size_t end = line.find_last_not_of(" \f\v");
    Add(std::string_view(line).substr(begin, end - begin + 1));
  }
  if (in.bad()) return IoError("error reading " + path);
  return Status::Ok();
}

Result<StopWords> StopWords::LoadDefault(const std::string& dir) {
  StopWords words;
  for (const char* code : {"kk", "ru", "en"}) {
    TENLIK_RETURN_IF_ERROR(words.LoadFile(dir + "/" + code + ".txt"));
  }
  return words;
}

}  // namespace tenlik::topics
