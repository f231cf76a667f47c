// Keyed pseudonyms for people (internal to listen/).
#pragma once

#include <sodium.h>

#include <array>
#include <string>
#include <string_view>

#include "base/status.h"

namespace tenlik::listen {

// Turns identifiers of people into stable pseudonyms: "p_" + 16 base32 characters
// of HMAC-SHA256(key, kind + ":" + folded identifier). The same person gets the same
// pseudonym across files and runs as long as the key is the same; without the key
// the mapping cannot be reversed or recomputed. The key is never printed.
class Pseudonymizer {
 public:
  // Loads the key written by CreatePseudonymKey. FailedPrecondition when missing.
  static Result<Pseudonymizer> Load(const std::string& key_path);

  // `identifier` is a handle, a display name or a platform id; callers fold it.
  std::string Pseudonym(std::string_view identifier) const;

 private:
  std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES> key_{};
  // The HMAC state after absorbing the key: each pseudonym starts from a copy, which
  // halves the hashing per identifier.
  crypto_auth_hmacsha256_state keyed_{};
};

}  // namespace tenlik::listen
