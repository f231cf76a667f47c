// Shared body of the reader fuzz targets (fuzz/*_fuzz.cpp): one export reader
// over arbitrary bytes, read from memory. Internal to fuzz/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "listen/listen.h"
#include "listen/reader.h"

namespace tenlik::fuzz {

struct FuzzSink : listen::RecordSink {
  bool OnPost(listen::Post&& p) override {
    // Touch what downstream code relies on.
    return !p.text.empty() && p.record >= 0 && p.line >= 1;
  }
  bool OnReject(listen::Reject&&) override { return true; }
};

// Reads data as an export in format (the first byte also picks how many
// records to skip), then runs format detection on its prefix. Returns 0, for
// LLVMFuzzerTestOneInput.
inline int FuzzOneInput(listen::Format format, const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  listen::ReadOptions options;
  options.format = format;
  options.skip_records = size > 0 ? data[0] % 3 : 0;
  if (options.format == listen::Format::kJsonl) options.map["text"] = "data.body";
  listen::reader::MemorySource src(bytes);
  FuzzSink sink;
  (void)listen::reader::ReadSource(src, "fuzz-input", options, sink);
  (void)listen::reader::DetectFromPrefix(bytes.substr(0, 65536), "fuzz-input");
  return 0;
}

}  // namespace tenlik::fuzz
