#include "listen/near_duplicates.h"

#include <xxhash.h>

#include <algorithm>

namespace tenlik::listen {
namespace {

bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The distinct words of a folded text as 64-bit hashes, URLs and @mentions left
// out: a repost differs from its source by them, and a person's mention is a keyed
// pseudonym, which would make the same posts near-duplicates in one store and not
// in another.
std::vector<uint64_t> WordHashes(std::string_view text) {
  std::vector<uint64_t> words;
  size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 4, "http") == 0 || text.compare(i, 4, "www.") == 0 || text[i] == '@') {
      while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;  // a URL or a mention
      continue;
    }
    size_t start = i;
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) {
      words.push_back(XXH3_64bits(text.data() + start, i - start));
    } else {
      ++i;
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

// Odd multipliers of the 32 hash functions h_k(x) = (a_k * x + b_k) >> 32.
struct Permutations {
  uint64_t a[kMinHashes], b[kMinHashes];
  Permutations() {
    for (int k = 0; k < kMinHashes; ++k) {
      a[k] = XXH3_64bits_withSeed("a", 1, k) | 1;
      b[k] = XXH3_64bits_withSeed("b", 1, k);
    }
  }
};

}  // namespace

std::optional<Signature> MinHash(std::string_view folded_text) {
  static const Permutations kPermutations;
  std::vector<uint64_t> words = WordHashes(folded_text);
  if (words.size() < static_cast<size_t>(kMinNearDuplicateWords)) return std::nullopt;
  Signature signature;
  signature.fill(UINT32_MAX);
  for (uint64_t word : words) {
    for (int k = 0; k < kMinHashes; ++k) {
      uint32_t h = static_cast<uint32_t>((kPermutations.a[k] * word + kPermutations.b[k]) >> 32);
      signature[k] = std::min(signature[k], h);
    }
  }
  return signature;
}

double EstimatedSimilarity(const Signature& a, const Signature& b) {
  int same = 0;
  for (int k = 0; k < kMinHashes; ++k) same += a[k] == b[k];
  return double(same) / kMinHashes;
}

std::string EncodeSignature(const Signature& signature) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(kMinHashes * 8, '0');
  for (int k = 0; k < kMinHashes; ++k) {
    for (int d = 0; d < 8; ++d) hex[k * 8 + d] = kDigits[(signature[k] >> (28 - 4 * d)) & 15];
  }
  return hex;
}

std::optional<Signature> DecodeSignature(std::string_view hex) {
  if (hex.size() != kMinHashes * 8) return std::nullopt;
  Signature signature;
  for (int k = 0; k < kMinHashes; ++k) {
    uint32_t value = 0;
    for (char c : hex.substr(k * 8, 8)) {
      int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (digit < 0) return std::nullopt;
      value = value << 4 | digit;
    }
    signature[k] = value;
  }
  return signature;
}

NearDuplicateIndex::NearDuplicateIndex(size_t capacity) : capacity_(capacity) {
  // Room for the whole window up front: the ring and the maps never copy what they
  // hold as they grow. Pages are touched only as posts arrive, so a small ingest
  // stays small in memory.
  ring_.reserve(capacity);
  for (auto& band : buckets_) band.reserve(capacity);
}

uint64_t NearDuplicateIndex::BandKey(const Signature& signature, int band) {
  return XXH3_64bits_withSeed(&signature[band * kRows], kRows * sizeof(uint32_t), band);
}

int64_t NearDuplicateIndex::Find(const Signature& signature) const {
  int64_t earliest = 0;
  for (int band = 0; band < kBands; ++band) {
    auto bucket = buckets_[band].find(BandKey(signature, band));
    if (bucket == buckets_[band].end()) continue;
    uint32_t slot = bucket->second.newest;
    uint32_t candidates = std::min(bucket->second.size, kCandidatesPerBand);
    for (uint32_t i = 0; i < candidates; ++i) {
      const Entry& entry = ring_[slot];
      if ((earliest == 0 || entry.post_id < earliest) &&
          EstimatedSimilarity(entry.signature, signature) >= kNearDuplicateSimilarity) {
        earliest = entry.post_id;
      }
      slot = entry.older[band];
    }
  }
  return earliest;
}

void NearDuplicateIndex::Forget(size_t slot) {
  const Entry& old = ring_[slot];
  for (int band = 0; band < kBands; ++band) {
    auto bucket = buckets_[band].find(BandKey(old.signature, band));
    if (--bucket->second.size == 0) buckets_[band].erase(bucket);
  }
}

void NearDuplicateIndex::Add(const Signature& signature, int64_t post_id) {
  if (capacity_ == 0) return;
  // The ring fills as posts come (its room is reserved), so a small ingest touches little memory.
  if (ring_.size() < capacity_) {
    ring_.emplace_back();
  } else {
    Forget(next_);
  }
  Entry& entry = ring_[next_];
  entry.signature = signature;
  entry.post_id = post_id;
  for (int band = 0; band < kBands; ++band) {
    Bucket& bucket = buckets_[band][BandKey(signature, band)];
    entry.older[band] = bucket.newest;
    bucket.newest = static_cast<uint32_t>(next_);
    ++bucket.size;
  }
  next_ = (next_ + 1) % capacity_;
}

}  // namespace tenlik::listen
