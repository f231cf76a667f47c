// Internal: random tokens, hashes of tokens, password hashing and CSRF tokens.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace tenlik::accounts {

// A random token of 32 bytes, base64url without padding (43 characters).
Result<std::string> RandomToken();
// A random respondent code: 16 characters of an unambiguous upper-case alphabet.
Result<std::string> RandomCode();
// `bytes` random bytes as hex (audit ids).
Result<std::string> RandomHex(int bytes);
// Hex BLAKE2b-256 of `token`: what the store keeps instead of the token.
std::string HashToken(std::string_view token);
// The CSRF token bound to a session token: a keyed BLAKE2b of a fixed label.
std::string CsrfTokenFor(std::string_view session_token);
// Argon2id hash string (libsodium's crypto_pwhash_str, interactive limits).
Result<std::string> HashPassword(std::string_view password);
// True when `password` matches `hash`. A fixed dummy hash is checked for unknown
// users so that their login takes as long as a known user's.
bool VerifyPassword(std::string_view hash, std::string_view password);
const std::string& DummyPasswordHash();
// Constant-time equality of two strings of possibly different lengths.
bool SecretEquals(std::string_view a, std::string_view b);

}  // namespace tenlik::accounts
