#include "listen/pseudonym.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "listen/listen.h"

namespace tenlik::listen {
namespace {

// The pseudonym is "p_" + the first 80 bits of HMAC-SHA256(key, identifier) in
// base32, computed here in one call from the key file, independently of the
// precomputed keyed state Pseudonymizer uses.
std::string Expected(const std::string& key_path, std::string_view identifier) {
  std::ifstream in(key_path);
  std::string header, hex;
  std::getline(in, header);
  std::getline(in, hex);
  unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
  size_t length = 0;
  EXPECT_EQ(sodium_hex2bin(key, sizeof key, hex.data(), hex.size(), nullptr, &length, nullptr), 0);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(identifier.data()),
                         identifier.size(), key);
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::string out = "p_";
  for (int bit = 0; bit < 80; bit += 5) {
    int value = 0;
    for (int k = 0; k < 5; ++k)
      value = value << 1 | ((mac[(bit + k) / 8] >> (7 - (bit + k) % 8)) & 1);
    out += kAlphabet[value];
  }
  return out;
}

TEST(PseudonymTest, IsTheKeyedHmacOfTheIdentifierInBase32) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("tenlik_pseudonym_" + std::to_string(getpid()) + ".key"))
                         .string();
  std::filesystem::remove(path);
  ASSERT_TRUE(CreatePseudonymKey(path).ok());
  Result<Pseudonymizer> pseudonyms = Pseudonymizer::Load(path);
  ASSERT_TRUE(pseudonyms.ok());
  for (std::string_view id : {"vk:aigerim_k", "telegram:", "instagram:ерлан.б", "vk:aigerim_k"}) {
    EXPECT_EQ(pseudonyms->Pseudonym(id), Expected(path, id)) << id;
  }
  EXPECT_NE(pseudonyms->Pseudonym("vk:a"), pseudonyms->Pseudonym("vk:b"));
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace tenlik::listen

namespace tenlik::listen {
namespace {

TEST(StorePathsTest, FileStoreKeepsKeyAndRejectsBesideIt) {
  EXPECT_EQ(KeyPathFor("out/tenlik.db"), "out/tenlik.db.key");
  EXPECT_EQ(RejectsPathFor("out/tenlik.db"), "out/tenlik.db.rejects.jsonl");
}

TEST(StorePathsTest, ServerStoreUsesLocalFilesNeverTheUrl) {
  const std::string url = "postgresql://alice:secret@db.example/tenlik";
  unsetenv("TENLIK_KEY");
  EXPECT_EQ(KeyPathFor(url), "tenlik.key");
  EXPECT_EQ(RejectsPathFor(url), "tenlik.rejects.jsonl");
  setenv("TENLIK_KEY", "/etc/tenlik/pseudonym.key", 1);
  EXPECT_EQ(KeyPathFor(url), "/etc/tenlik/pseudonym.key");
  unsetenv("TENLIK_KEY");
}

}  // namespace
}  // namespace tenlik::listen
