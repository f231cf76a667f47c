// Near-duplicate detection with SimHash (internal to listen/).
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tenlik::listen {

// 64-bit SimHash of a folded text over its word bigrams; URLs are left out so a
// repost that adds or drops a link hashes alike. Returns 0 for texts of fewer than
// kMinNearDuplicateWords words, which are too short to call near-duplicates.
uint64_t SimHash(std::string_view folded_text);
inline constexpr int kMinNearDuplicateWords = 6;

// The last `capacity` posts' SimHashes, searchable for one within Hamming distance
// 3. Memory stays bounded however large the corpus: reposts appear close in time,
// so a window of recent posts finds them (the window is rebuilt from the store
// when an ingest resumes, so resumed and clean runs agree).
class NearDuplicateIndex {
 public:
  explicit NearDuplicateIndex(size_t capacity);

  // The id of the earliest remembered post within distance 3 of `hash`, or 0.
  int64_t Find(uint64_t hash) const;
  // Remembers a post; forgets the oldest when full. `hash` 0 is ignored.
  void Add(uint64_t hash, int64_t post_id);

 private:
  struct Entry {
    uint64_t hash = 0;
    int64_t post_id = 0;
  };
  static uint32_t BandKey(uint64_t hash, int band);
  void Forget(size_t slot);

  std::vector<Entry> ring_;
  size_t next_ = 0;
  // Four 16-bit bands: two hashes within distance 3 agree on at least one band.
  std::unordered_multimap<uint32_t, size_t> bands_;
};

}  // namespace tenlik::listen
