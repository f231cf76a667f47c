// Renders the sample report to $TENLIK_REPORT_DEMO_DIR (report_demo.html,
// report_demo_ru.html, CSV and XLSX) for a visual check; skipped when it is unset.
#include <gtest/gtest.h>

#include <cstdlib>

#include "sample.h"

namespace tenlik::report {
namespace {

TEST(Demo, WritesSampleReport) {
  const char* dir = std::getenv("TENLIK_REPORT_DEMO_DIR");
  if (dir == nullptr) GTEST_SKIP() << "set TENLIK_REPORT_DEMO_DIR to render the sample report";
  const std::string d = dir;
  ASSERT_TRUE(WriteHtml(testing::SampleReport("en"), d + "/report_demo.html").ok());
  Report ru = testing::SampleReport("ru");
  ru.title = "Инклюзивное образование в социальных сетях, 2024";
  ru.caveat = "Эти публикации не являются репрезентативной выборкой жителей Казахстана.";
  ASSERT_TRUE(WriteHtml(ru, d + "/report_demo_ru.html").ok());
  Report kk = testing::SampleReport("kk");
  kk.title = "Әлеуметтік желілердегі инклюзивті білім беру, 2024";
  ASSERT_TRUE(WriteHtml(kk, d + "/report_demo_kk.html").ok());
  ASSERT_TRUE(WriteCsv(testing::SampleReport("en"), d + "/report_demo_csv").ok());
  ASSERT_TRUE(WriteXlsx(ru, d + "/report_demo.xlsx").ok());
}

}  // namespace
}  // namespace tenlik::report
