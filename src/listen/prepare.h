// Turning a read Post into the row that is stored (internal to listen/).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "listen/listen.h"
#include "listen/near_duplicates.h"
#include "listen/organisations.h"
#include "listen/pseudonym.h"

namespace tenlik::listen {

// A post ready to store: text normalised, personal data masked, author
// pseudonymised unless an organisation or media, language identified, hashed.
struct PreparedPost {
  Post post;                 // text, channel, url and raw after masking
  std::string author_key;    // pseudonym, or the organisation's name
  AuthorType author_type = AuthorType::kPerson;
  std::string lang;          // identified: kk, ru, en, mixed, und
  // 64-bit hash of folded text + author key: equal for exact duplicates (a chance
  // collision among a billion posts is about 3 %, among ten million 3 in a million).
  int64_t exact_hash = 0;
  std::optional<Signature> signature;  // none for texts too short to compare
};

PreparedPost PreparePost(Post&& post, const Pseudonymizer& pseudonyms,
                         const OrganisationList& organisations);

}  // namespace tenlik::listen
