// The persisted model file (format in docs/topics.md):
//
//   magic    8 bytes  "TNLKLDA\n"
//   version  u32      1
//   K, V     u32, u32
//   alpha    f64      (IEEE-754 bits as u64)
//   beta     f64
//   vocab    u64      Vocabulary::Fingerprint()
//   V words  u32 byte length + UTF-8 bytes, in id order
//   K topics u64 total, u32 number of non-zero counts, then that many
//            (u32 word id, u64 count) in increasing word id
//   crc      u32      CRC-32 (IEEE, as zlib) of every byte before it
//
// All integers little-endian.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "base/crc32.h"
#include "topics/topics.h"

namespace tenlik::topics {
namespace {

constexpr char kMagic[8] = {'T', 'N', 'L', 'K', 'L', 'D', 'A', '\n'};
constexpr uint32_t kVersion = 1;

void PutU32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutU64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutF64(std::string& out, double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  PutU64(out, bits);
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool U32(uint32_t& v) { return Int(v, 4); }
  bool U64(uint64_t& v) { return Int(v, 8); }
  bool F64(double& v) {
    uint64_t bits;
    if (!U64(bits)) return false;
    std::memcpy(&v, &bits, sizeof v);
    return true;
  }
  bool Bytes(size_t n, std::string_view& out) {
    if (remaining() < n) return false;
    out = bytes_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  size_t remaining() const { return bytes_.size() - pos_; }

 private:
  template <typename T>
  bool Int(T& v, int n) {
    if (remaining() < static_cast<size_t>(n)) return false;
    v = 0;
    for (int i = 0; i < n; ++i) v |= static_cast<T>(static_cast<unsigned char>(bytes_[pos_ + i])) << (8 * i);
    pos_ += static_cast<size_t>(n);
    return true;
  }
  std::string_view bytes_;
  size_t pos_ = 0;
};

}  // namespace

std::string TopicModel::Serialize() const {
  std::string out(kMagic, sizeof kMagic);
  const size_t K = static_cast<size_t>(stats_.num_topics), V = vocab_.size();
  PutU32(out, kVersion);
  PutU32(out, static_cast<uint32_t>(K));
  PutU32(out, static_cast<uint32_t>(V));
  PutF64(out, alpha_);
  PutF64(out, beta_);
  PutU64(out, vocab_.Fingerprint());
  for (const std::string& w : vocab_.words()) {
    PutU32(out, static_cast<uint32_t>(w.size()));
    out += w;
  }
  for (size_t k = 0; k < K; ++k) {
    PutU64(out, static_cast<uint64_t>(stats_.totals[k]));
    uint32_t nnz = 0;
    for (size_t w = 0; w < V; ++w) nnz += stats_.counts[k * V + w] != 0;
    PutU32(out, nnz);
    for (size_t w = 0; w < V; ++w) {
      const int64_t c = stats_.counts[k * V + w];
      if (c == 0) continue;
      PutU32(out, static_cast<uint32_t>(w));
      PutU64(out, static_cast<uint64_t>(c));
    }
  }
  PutU32(out, Crc32(out));
  return out;
}

Result<TopicModel> TopicModel::Parse(std::string_view bytes) {
  if (bytes.size() < sizeof kMagic + 4 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return DataLoss("not a Tenlik topic model (bad magic)");
  }
  Reader header(bytes.substr(sizeof kMagic));
  uint32_t version = 0;
  header.U32(version);
  if (version != kVersion) {
    return DataLoss("unsupported topic model version " + std::to_string(version) + " (this build reads " +
                    std::to_string(kVersion) + ")");
  }
  if (bytes.size() < sizeof kMagic + 8) return DataLoss("topic model is truncated");
  std::string_view body = bytes.substr(0, bytes.size() - 4);
  Reader tail(bytes.substr(bytes.size() - 4));
  uint32_t stored_crc = 0;
  tail.U32(stored_crc);
  if (Crc32(body) != stored_crc) return DataLoss("topic model is corrupt (checksum mismatch)");

  Reader in(body.substr(sizeof kMagic + 4));
  uint32_t K = 0, V = 0;
  double alpha = 0, beta = 0;
  uint64_t fingerprint = 0;
  if (!in.U32(K) || !in.U32(V) || !in.F64(alpha) || !in.F64(beta) || !in.U64(fingerprint)) {
    return DataLoss("topic model is truncated (header)");
  }
  if (K < 1 || K > 65535) return DataLoss("topic model has a bad number of topics");
  if (V < 1 || V > in.remaining() / 4) return DataLoss("topic model has a bad vocabulary size");
  std::vector<std::string> words;
  words.reserve(V);
  for (uint32_t w = 0; w < V; ++w) {
    uint32_t len = 0;
    std::string_view word;
    if (!in.U32(len) || !in.Bytes(len, word)) return DataLoss("topic model is truncated (vocabulary)");
    words.emplace_back(word);
  }
  auto vocab = Vocabulary::FromWords(std::move(words));
  if (!vocab.ok()) return DataLoss("topic model vocabulary is corrupt: " + vocab.status().message());
  if (vocab->Fingerprint() != fingerprint) return DataLoss("topic model vocabulary fingerprint mismatch");
  TopicWordStats stats = TopicWordStats::Zero(static_cast<int>(K), *vocab);
  for (size_t k = 0; k < K; ++k) {
    uint64_t total = 0;
    uint32_t nnz = 0;
    if (!in.U64(total) || !in.U32(nnz)) return DataLoss("topic model is truncated (topics)");
    if (nnz > V || total > static_cast<uint64_t>(INT64_MAX)) return DataLoss("topic model has a corrupt topic");
    stats.totals[k] = static_cast<int64_t>(total);
    int64_t previous = -1;
    for (uint32_t j = 0; j < nnz; ++j) {
      uint32_t w = 0;
      uint64_t c = 0;
      if (!in.U32(w) || !in.U64(c)) return DataLoss("topic model is truncated (counts)");
      if (w >= V || static_cast<int64_t>(w) <= previous || c == 0 || c > static_cast<uint64_t>(INT64_MAX)) {
        return DataLoss("topic model has a corrupt count");
      }
      previous = w;
      stats.counts[k * V + w] = static_cast<int64_t>(c);
    }
  }
  if (in.remaining() != 0) return DataLoss("topic model has trailing bytes");
  auto model = Create(std::move(vocab).value(), std::move(stats), alpha, beta);
  if (!model.ok()) return DataLoss("topic model is inconsistent: " + model.status().message());
  return model;
}

Status TopicModel::Save(const std::string& path) const {
  const std::string bytes = Serialize();
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return IoError("cannot write " + tmp + ": " + std::strerror(errno));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) return IoError("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return IoError("cannot rename " + tmp + " to " + path + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

Result<TopicModel> TopicModel::Load(const std::string& path) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) return NotFound("topic model not found: " + path);
    return IoError("cannot read " + path + ": " + std::strerror(errno));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return IoError("error reading " + path);
  return Parse(buffer.str());
}

}  // namespace tenlik::topics
