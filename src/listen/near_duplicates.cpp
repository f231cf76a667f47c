#include "listen/near_duplicates.h"

#include <xxhash.h>

#include <bit>

namespace tenlik::listen {
namespace {

constexpr int kBands = 4;
constexpr int kMaxDistance = 3;

bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

uint64_t SimHash(std::string_view text) {
  std::vector<uint64_t> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(static_cast<unsigned char>(text[i])) &&
           text[i] != ':' && text[i] != '/') {
      ++i;
    }
    size_t start = i;
    // URLs run to the next space, whatever punctuation they hold.
    if (text.compare(i, 4, "http") == 0 || text.compare(i, 4, "www.") == 0) {
      while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
      continue;
    }
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) words.push_back(XXH3_64bits(text.data() + start, i - start));
    if (i == start) ++i;
  }
  if (words.size() < kMinNearDuplicateWords) return 0;
  int weights[64] = {};
  for (size_t w = 0; w + 1 < words.size(); ++w) {
    uint64_t pair[2] = {words[w], words[w + 1]};
    uint64_t h = XXH3_64bits(pair, sizeof pair);
    for (int bit = 0; bit < 64; ++bit) weights[bit] += ((h >> bit) & 1) ? 1 : -1;
  }
  uint64_t hash = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (weights[bit] > 0) hash |= uint64_t{1} << bit;
  }
  return hash == 0 ? 1 : hash;
}

NearDuplicateIndex::NearDuplicateIndex(size_t capacity) : ring_(capacity) {
  bands_.reserve(capacity * kBands);
}

uint32_t NearDuplicateIndex::BandKey(uint64_t hash, int band) {
  return (static_cast<uint32_t>(band) << 16) | ((hash >> (16 * band)) & 0xffff);
}

int64_t NearDuplicateIndex::Find(uint64_t hash) const {
  if (hash == 0) return 0;
  int64_t best = 0;
  for (int band = 0; band < kBands; ++band) {
    auto [first, last] = bands_.equal_range(BandKey(hash, band));
    for (auto it = first; it != last; ++it) {
      const Entry& entry = ring_[it->second];
      if (std::popcount(entry.hash ^ hash) <= kMaxDistance && (best == 0 || entry.post_id < best)) {
        best = entry.post_id;
      }
    }
  }
  return best;
}

void NearDuplicateIndex::Forget(size_t slot) {
  const Entry& old = ring_[slot];
  if (old.hash == 0) return;
  for (int band = 0; band < kBands; ++band) {
    auto [first, last] = bands_.equal_range(BandKey(old.hash, band));
    for (auto it = first; it != last; ++it) {
      if (it->second == slot) {
        bands_.erase(it);
        break;
      }
    }
  }
}

void NearDuplicateIndex::Add(uint64_t hash, int64_t post_id) {
  if (hash == 0 || ring_.empty()) return;
  Forget(next_);
  ring_[next_] = {hash, post_id};
  for (int band = 0; band < kBands; ++band) bands_.emplace(BandKey(hash, band), next_);
  next_ = (next_ + 1) % ring_.size();
}

}  // namespace tenlik::listen
