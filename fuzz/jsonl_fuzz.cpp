// libFuzzer target: the jsonl export reader over arbitrary bytes (from memory).
#include <cstddef>
#include <cstdint>

#include "fuzz_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return tenlik::fuzz::FuzzOneInput(tenlik::listen::Format::kJsonl, data, size);
}
