// CRC-32 (IEEE 802.3, as zlib computes it): the checksum at the end of the model
// files of sentiment/ and topics/.
#pragma once

#include <cstdint>
#include <string_view>

namespace tenlik {

// CRC-32 of `bytes`; Crc32("123456789") == 0xCBF43926.
uint32_t Crc32(std::string_view bytes);

}  // namespace tenlik
