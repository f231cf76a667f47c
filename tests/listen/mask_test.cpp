#include "listen/mask.h"

#include <gtest/gtest.h>

namespace tenlik::listen {
namespace {

std::string Mask(std::string_view text) {
  return MaskPersonalData(text, [](std::string_view handle) {
    return handle == "bilim_ministry" ? std::string(handle) : "p_" + std::string(handle.size(), 'x');
  });
}

TEST(MaskTest, EmailsBecomePlaceholders) {
  EXPECT_EQ(Mask("Пишите на aigerim.k@mail.kz, ответим"), "Пишите на [email], ответим");
  EXPECT_EQ(Mask("write to a_b+c@school-5.edu.kz."), "write to [email].");
}

TEST(MaskTest, KazakhAndInternationalPhoneNumbers) {
  EXPECT_EQ(Mask("Звоните +7 (701) 123-45-67!"), "Звоните [phone]!");
  EXPECT_EQ(Mask("тел: 8 777 123 4567"), "тел: [phone]");
  EXPECT_EQ(Mask("87011234567"), "[phone]");
  EXPECT_EQ(Mask("+44 20 7946 0958 in London"), "[phone] in London");
}

TEST(MaskTest, YearsAndCountsAreNotPhones) {
  EXPECT_EQ(Mask("Программа 2020-2025 и 2026 год"), "Программа 2020-2025 и 2026 год");
  EXPECT_EQ(Mask("1500 детей в 2020 2021 2022"), "1500 детей в 2020 2021 2022");
  EXPECT_EQ(Mask("id 87011234567890"), "id 87011234567890");
}

TEST(MaskTest, MentionsOfPeopleArePseudonymisedAndOrganisationsKept) {
  EXPECT_EQ(Mask("@aigerim_k и @bilim_ministry."), "@p_xxxxxxxxx и @bilim_ministry.");
  EXPECT_EQ(Mask("just @ sign"), "just @ sign");
}

TEST(MaskTest, TextBetweenSeveralMaskedSpansIsKept) {
  EXPECT_EQ(Mask("а +7 701 123 45 67 б x@y.kz в @aigerim_k г"),
            "а [phone] б [email] в @p_xxxxxxxxx г");
  EXPECT_EQ(Mask("@aigerim_k@bilim_ministry"), "@p_xxxxxxxxx@bilim_ministry");
}

TEST(MaskTest, JsonEscapesEndWordsInRawRecords) {
  auto mask = [](std::string_view raw) {
    return MaskPersonalData(raw, [](std::string_view) { return std::string("p_x"); }, true);
  };
  EXPECT_EQ(mask(R"({"body":"text\n@oleg.erzhan82\n+7 701 555 12 34\tmail a@b.kz"})"),
            R"({"body":"text\n@p_x\n[phone]\tmail [email]"})");
}

}  // namespace
}  // namespace tenlik::listen
