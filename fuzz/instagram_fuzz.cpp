// libFuzzer target: the instagram export reader over arbitrary bytes (from memory).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "listen/listen.h"
#include "listen/reader.h"

namespace {

struct Sink : tenlik::listen::RecordSink {
  bool OnPost(tenlik::listen::Post&& p) override {
    // Touch what downstream code relies on.
    return !p.text.empty() && p.record >= 0 && p.line >= 1;
  }
  bool OnReject(tenlik::listen::Reject&&) override { return true; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  tenlik::listen::ReadOptions options;
  options.format = tenlik::listen::Format::kInstagramNdjson;
  options.skip_records = size > 0 ? data[0] % 3 : 0;
  if (options.format == tenlik::listen::Format::kJsonl) options.map["text"] = "data.body";
  tenlik::listen::reader::MemorySource src(bytes);
  Sink sink;
  (void)tenlik::listen::reader::ReadSource(src, "fuzz-input", options, sink);
  (void)tenlik::listen::reader::DetectFromPrefix(bytes.substr(0, 65536), "fuzz-input");
  return 0;
}
