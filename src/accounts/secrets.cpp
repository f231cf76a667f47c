#include "accounts/secrets.h"

#include <sodium.h>

#include <array>

namespace tenlik::accounts {
namespace {

Status InitSodium() {
  static const bool ok = sodium_init() >= 0;
  return ok ? Status::Ok() : Internal("libsodium failed to initialise");
}

std::string ToHex(const unsigned char* data, size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

}  // namespace

Result<std::string> RandomToken() {
  TENLIK_RETURN_IF_ERROR(InitSodium());
  std::array<unsigned char, 32> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string text(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), kVariant);
  text.resize(text.find('\0'));
  return text;
}

Result<std::string> RandomCode() {
  TENLIK_RETURN_IF_ERROR(InitSodium());
  // No 0/O, 1/I/L: codes are read aloud and typed by hand. 31^16 is about 2^79.
  static constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  std::string code;
  for (int i = 0; i < 16; ++i) {
    code += kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))];
  }
  return code;
}

Result<std::string> RandomHex(int bytes) {
  TENLIK_RETURN_IF_ERROR(InitSodium());
  std::string raw(static_cast<size_t>(bytes), '\0');
  randombytes_buf(raw.data(), raw.size());
  return ToHex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

std::string HashToken(std::string_view token) {
  std::array<unsigned char, 32> out;
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return ToHex(out.data(), out.size());
}

std::string CsrfTokenFor(std::string_view session_token) {
  static constexpr std::string_view kLabel = "tenlik-csrf-v1";
  std::array<unsigned char, 32> key;
  crypto_generichash(key.data(), key.size(),
                     reinterpret_cast<const unsigned char*>(session_token.data()),
                     session_token.size(), nullptr, 0);
  std::array<unsigned char, 24> out;
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(kLabel.data()),
                     kLabel.size(), key.data(), key.size());
  return ToHex(out.data(), out.size());
}

Result<std::string> HashPassword(std::string_view password) {
  TENLIK_RETURN_IF_ERROR(InitSodium());
  std::array<char, crypto_pwhash_STRBYTES> out;
  if (crypto_pwhash_str(out.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Internal("password hashing ran out of memory");
  }
  return std::string(out.data());
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  if (!InitSodium().ok()) return false;
  std::string terminated(hash);  // libsodium wants a C string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

const std::string& DummyPasswordHash() {
  static const std::string kHash = [] {
    auto token = RandomToken();
    auto hash = HashPassword(token.ok() ? *token : "unused");
    return hash.ok() ? *hash : std::string();
  }();
  return kHash;
}

bool SecretEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace tenlik::accounts
