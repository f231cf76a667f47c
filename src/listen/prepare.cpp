#include "listen/prepare.h"

#include <xxhash.h>

#include <cstdio>

#include "listen/mask.h"
#include "listen/near_duplicates.h"
#include "text/text.h"

namespace tenlik::listen {
namespace {

void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  if (from.size() < 3) return;  // too short to replace safely inside other text
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

// White space runs become one space so reposts that only re-wrap lines match.
std::string CollapseSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

}  // namespace

PreparedPost PreparePost(Post&& post, const Pseudonymizer& pseudonyms,
                         const OrganisationList& organisations) {
  PreparedPost out;
  std::optional<AuthorType> listed = organisations.Find(post.author);
  if (!listed && !post.author_id.empty()) listed = organisations.Find(post.author_id);
  if (listed) {
    out.author_type = *listed;
  } else if (post.author_type_given) {
    out.author_type = post.author_type;
  }
  const std::string& platform = post.platform;
  if (out.author_type != AuthorType::kPerson) {
    out.author_key = post.author.empty() ? post.author_id : post.author;
  } else if (post.author.empty() && post.author_id.empty()) {
    out.author_key = "anonymous";
  } else {
    // Handles are preferred to numeric ids so that an @mention of a person and
    // that person's own posts get the same pseudonym.
    const std::string& who = post.author.empty() ? post.author_id : post.author;
    out.author_key = pseudonyms.Pseudonym(platform + ":" + text::Fold(who));
    // Every spelling of the person in the record becomes the pseudonym.
    for (std::string* field : {&post.raw, &post.url, &post.channel}) {
      ReplaceAll(*field, post.author, out.author_key);
      ReplaceAll(*field, post.author_id, out.author_key);
      for (const std::string& detail : post.author_details) ReplaceAll(*field, detail, out.author_key);
    }
  }
  auto mention = [&](std::string_view handle) -> std::string {
    if (organisations.Find(handle)) return std::string(handle);
    return pseudonyms.Pseudonym(platform + ":" + text::Fold(handle));
  };
  post.text = MaskPersonalData(text::Normalize(post.text), mention);
  post.raw = MaskPersonalData(post.raw, mention, /*json_escaped=*/true);

  text::Lang lang = text::IdentifyLanguage(post.text);
  out.lang = std::string(text::LangCode(lang));
  if (lang == text::Lang::kUndetermined && !post.lang.empty()) {
    if (Result<text::Lang> stated = text::ParseLang(post.lang); stated.ok()) {
      out.lang = std::string(text::LangCode(*stated));
    }
  }
  std::string folded = CollapseSpace(text::Fold(post.text));
  out.signature = MinHash(folded);
  folded += '\x1f';
  folded += out.author_key;
  out.exact_hash = static_cast<int64_t>(XXH3_64bits(folded.data(), folded.size()));
  out.post = std::move(post);
  return out;
}

}  // namespace tenlik::listen
