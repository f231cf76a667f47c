// Near-duplicate detection with MinHash (internal to listen/).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>

namespace tenlik::listen {

// MinHash signature of a post's set of words: 32 minimums of independent hashes.
// Two signatures agree in a share of places that estimates the Jaccard similarity of
// the two word sets. Social posts are short, so a set measure holds up where a
// repost adds a link, a prefix ("Репост:") or a few words.
inline constexpr int kMinHashes = 32;
using Signature = std::array<uint32_t, kMinHashes>;

// Posts with fewer distinct words are too short to call near-duplicates.
inline constexpr int kMinNearDuplicateWords = 6;
// Estimated Jaccard similarity from which a post is a near-duplicate.
inline constexpr double kNearDuplicateSimilarity = 0.7;

// The signature of a folded text; URLs and @mentions are left out. nullopt for
// short texts.
std::optional<Signature> MinHash(std::string_view folded_text);

// Share of places where `a` and `b` agree: an estimate of Jaccard similarity.
double EstimatedSimilarity(const Signature& a, const Signature& b);

// Hex encoding of a signature for the store, and back (nullopt if malformed).
std::string EncodeSignature(const Signature& signature);
std::optional<Signature> DecodeSignature(std::string_view hex);

// The signatures of the last `capacity` original posts (posts that are not
// near-duplicates themselves: a repost of a repost is found through the first post),
// searchable for one at or above kNearDuplicateSimilarity. Memory stays bounded
// however large the corpus: reposts appear close in time, so a window of recent
// posts finds them (the window is rebuilt from the store when an ingest resumes, so
// resumed and clean runs agree). A search compares at most the kCandidatesPerBand
// most recent posts of each band, so a band that templated texts share does not crowd out the
// others; adding or forgetting a post costs the same
// however many posts share a band, so templated texts cannot make ingest slow.
class NearDuplicateIndex {
 public:
  explicit NearDuplicateIndex(size_t capacity);

  // The id of the earliest post among the compared ones that is similar to
  // `signature`, or 0.
  int64_t Find(const Signature& signature) const;
  // Remembers a post; forgets the oldest when full. Ids must be added in increasing order.
  void Add(const Signature& signature, int64_t post_id);

 private:
  // Locality-sensitive hashing: 8 bands of 4 minimums. Posts with similarity 0.7
  // share a band with probability 0.87, at 0.8 with 0.99.
  static constexpr int kBands = 8;
  static constexpr int kRows = kMinHashes / kBands;
  static constexpr uint32_t kCandidatesPerBand = 32;

  // Posts sharing a band value form a list from newest to oldest through
  // Entry::older. The ring forgets posts oldest first, so a bucket's forgotten posts
  // are always past its `size` newest ones: forgetting is a decrement.
  struct Bucket {
    uint32_t newest = 0;
    uint32_t size = 0;
  };
  struct Entry {
    Signature signature{};
    int64_t post_id = 0;
    std::array<uint32_t, kBands> older{};
  };
  static uint64_t BandKey(const Signature& signature, int band);
  void Forget(size_t slot);

  size_t capacity_;
  std::vector<Entry> ring_;  // fills up to capacity_, then the oldest slot is reused
  size_t next_ = 0;
  // Open addressing (no allocation per post): the maps see a post added and an old
  // one forgotten for every post ingested.
  std::array<absl::flat_hash_map<uint64_t, Bucket>, kBands> buckets_;
};

}  // namespace tenlik::listen
