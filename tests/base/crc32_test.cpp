#include "base/crc32.h"

#include <gtest/gtest.h>

#include <string>

namespace tenlik {
namespace {

TEST(Crc32Test, KnownValues) {
  EXPECT_EQ(Crc32(""), 0u);
  EXPECT_EQ(Crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(Crc32(std::string("a\0b", 3)), Crc32(std::string_view("a\0b", 3)));
  EXPECT_NE(Crc32(std::string("a\0b", 3)), Crc32("ab"));
}

}  // namespace
}  // namespace tenlik
