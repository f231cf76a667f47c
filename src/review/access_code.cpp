// Access codes: random, human-typable, stored only as hashes.
#include <sodium.h>

#include <cctype>

#include "review/cycle_internal.h"

namespace tenlik::review {
namespace {

// No 0/O, 1/I/L, so that a code read aloud or from paper is typed right: 31
// characters, 10 of them give 31^10 (about 2^49.5) codes.
constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
constexpr size_t kCodeLength = 10;

}  // namespace

Result<std::string> NormaliseCode(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (kAlphabet.find(upper) == std::string_view::npos || out.size() == kCodeLength) {
      return InvalidArgument("not an access code: expected 10 letters and digits");
    }
    out.push_back(upper);
  }
  if (out.size() != kCodeLength) {
    return InvalidArgument("not an access code: expected 10 letters and digits");
  }
  return out;
}

namespace internal {

std::string GenerateCode() {
  if (sodium_init() < 0) std::abort();  // libsodium cannot run without its RNG
  std::string code;
  for (size_t i = 0; i < kCodeLength; ++i) {
    code.push_back(kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))]);
  }
  return code;
}

std::string HashCode(std::string_view normalised_code) {
  // A fixed key separates these hashes from any other use of BLAKE2b in Tenlik.
  static constexpr unsigned char kDomain[] = "tenlik review access code v1";
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash,
                     reinterpret_cast<const unsigned char*>(normalised_code.data()),
                     normalised_code.size(), kDomain, sizeof kDomain - 1);
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

std::string PrintableCode(std::string_view normalised_code) {
  return std::string(normalised_code.substr(0, 5)) + "-" + std::string(normalised_code.substr(5));
}

}  // namespace internal
}  // namespace tenlik::review
