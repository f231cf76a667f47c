#include "listen/pseudonym.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>

#include "listen/listen.h"
#include "store/store.h"

namespace tenlik::listen {
namespace {

constexpr char kKeyHeader[] = "tenlik-pseudonym-key v1\n";

bool InitSodium() { return sodium_init() >= 0; }

}  // namespace

std::string KeyPathFor(const std::string& store_location) {
  if (store::IsFileLocation(store_location)) return store_location + ".key";
  const char* key = std::getenv("TENLIK_KEY");
  return key && *key ? key : "tenlik.key";
}

Status CreatePseudonymKey(const std::string& path) {
  if (!InitSodium()) return Internal("libsodium failed to initialise");
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    if (errno == EEXIST)
      return {StatusCode::kAlreadyExists, "a pseudonym key already exists at " + path};
    return IoError("cannot create pseudonym key " + path + ": " + std::strerror(errno));
  }
  unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
  crypto_auth_hmacsha256_keygen(key);
  char hex[sizeof key * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, key, sizeof key);
  sodium_memzero(key, sizeof key);
  std::string content = std::string(kKeyHeader) + hex + "\n";
  sodium_memzero(hex, sizeof hex);
  bool written =
      ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
  written = ::fsync(fd) == 0 && written;
  ::close(fd);
  sodium_memzero(content.data(), content.size());
  if (!written) return IoError("cannot write pseudonym key " + path);
  return Status::Ok();
}

Result<Pseudonymizer> Pseudonymizer::Load(const std::string& key_path) {
  if (!InitSodium()) return Internal("libsodium failed to initialise");
  std::ifstream in(key_path);
  if (!in) {
    return FailedPrecondition("no pseudonym key at " + key_path +
                              " (run `tenlik init`, or restore the key from your backup)");
  }
  std::string header, hex;
  std::getline(in, header);
  std::getline(in, hex);
  Pseudonymizer result;
  size_t length = 0;
  if (header + "\n" != kKeyHeader ||
      sodium_hex2bin(result.key_.data(), result.key_.size(), hex.data(), hex.size(), nullptr,
                     &length, nullptr) != 0 ||
      length != result.key_.size()) {
    return DataLoss(key_path + " is not a Tenlik pseudonym key (expected version 1)");
  }
  sodium_memzero(hex.data(), hex.size());
  crypto_auth_hmacsha256_init(&result.keyed_, result.key_.data(), result.key_.size());
  return result;
}

std::string Pseudonymizer::Pseudonym(std::string_view identifier) const {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state = keyed_;
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(identifier.data()),
                                identifier.size());
  crypto_auth_hmacsha256_final(&state, mac);
  sodium_memzero(&state, sizeof state);
  // 80 bits in base32: collisions are negligible for any realistic number of authors.
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::string out = "p_";
  uint64_t bits = 0;
  int available = 0;
  size_t byte = 0;
  while (out.size() < 2 + 16) {
    if (available < 5) {
      bits = (bits << 8) | mac[byte++];
      available += 8;
    }
    out += kAlphabet[(bits >> (available - 5)) & 31];
    available -= 5;
  }
  return out;
}

}  // namespace tenlik::listen
