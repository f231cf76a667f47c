// `tenlik text sentiment-train` and `tenlik text sentiment`: output format, exit
// codes and the message when no model exists. Runs the tenlik binary.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <regex>
#include <sstream>

#include "sentiment/sentiment.h"
#include "test_util.h"

namespace tenlik::sentiment {
namespace {

struct CommandRun {
  int exit_code = -1;
  std::string out, err;
};

// Runs `tenlik <args>` through the shell with `input` on stdin.
CommandRun Tenlik(const std::string& dir, const std::string& args, const std::string& input,
           const std::string& env = "") {
  testing::WriteFile(dir + "/stdin.txt", input);
  std::string cmd = env + " '" + std::string(TENLIK_BINARY) + "' " + args + " < '" + dir +
                    "/stdin.txt' > '" + dir + "/stdout.txt' 2> '" + dir + "/stderr.txt'";
  int status = std::system(cmd.c_str());
  CommandRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = testing::ReadFile(dir + "/stdout.txt");
  r.err = testing::ReadFile(dir + "/stderr.txt");
  return r;
}

std::string Quote(const std::string& s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

// A small CSV from KazSAnDRA (every 20th training row) in the file's own format.
std::string SmallCsv(const std::string& file, size_t stride) {
  auto rows = ReadPolarityCsv(testing::KazSandra(file));
  std::string csv = "label,text\n";
  if (!rows.ok()) return csv;
  for (size_t i = 0; i < rows->size(); i += stride) {
    csv += std::to_string((*rows)[i].label) + "," + Quote((*rows)[i].text) + "\n";
  }
  return csv;
}

TEST(SentimentCli, TrainThenClassify) {
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/train.csv", SmallCsv("polarity_train.csv", 20));
  testing::WriteFile(dir + "/valid.csv", SmallCsv("polarity_valid.csv", 40));
  const std::string model = dir + "/model.bin";
  CommandRun train = Tenlik(dir,
                     "--lang en text sentiment-train --train '" + dir + "/train.csv' --valid '" + dir +
                         "/valid.csv' --out '" + model + "' --bits 16 --epochs 2",
                     "");
  ASSERT_EQ(train.exit_code, 0) << train.out << train.err;
  EXPECT_NE(train.out.find("epoch 1/2"), std::string::npos) << train.out;
  EXPECT_NE(train.out.find("validation macro-F1"), std::string::npos);
  EXPECT_NE(train.out.find("true negative"), std::string::npos);  // confusion matrix
  EXPECT_NE(train.out.find("KazSAnDRA"), std::string::npos);       // citation

  const std::string input = "Керемет қолданба, рахмет!\nжаман, ұнамады\n\nОтличное приложение\r\nterrible\n";
  CommandRun run = Tenlik(dir, "text sentiment --model '" + model + "'", input);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::istringstream lines(run.out);
  std::string line;
  int n = 0;
  const std::regex format("(positive|negative|neutral)\t(0\\.[5-9][0-9][0-9]|1\\.000)");
  while (std::getline(lines, line)) {
    ++n;
    EXPECT_TRUE(std::regex_match(line, format)) << "line " << n << ": " << line;
  }
  EXPECT_EQ(n, 5);  // one output line per input line, blank lines included
  EXPECT_EQ(run.out.rfind("neutral\t0.500", std::string::npos) != std::string::npos, true);

  // The same through $TENLIK_SENTIMENT_MODEL, and --json.
  CommandRun env = Tenlik(dir, "text sentiment", input, "TENLIK_SENTIMENT_MODEL='" + model + "'");
  EXPECT_EQ(env.exit_code, 0) << env.err;
  EXPECT_EQ(env.out, run.out);
  CommandRun json = Tenlik(dir, "text sentiment --json --model '" + model + "'", "керемет\n");
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_NE(json.out.find("\"p_positive\""), std::string::npos) << json.out;
}

TEST(SentimentCli, MissingModelSaysHowToTrain) {
  const std::string dir = testing::TempDir();
  CommandRun run = Tenlik(dir, "--lang en text sentiment --model '" + dir + "/none.bin'", "text\n");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("sentiment-train"), std::string::npos) << run.err;
  EXPECT_TRUE(run.out.empty());

  testing::WriteFile(dir + "/junk.bin", "not a model");
  CommandRun junk = Tenlik(dir, "text sentiment --model '" + dir + "/junk.bin'", "text\n");
  EXPECT_EQ(junk.exit_code, 1);
  EXPECT_NE(junk.err.find("not a sentiment model"), std::string::npos) << junk.err;
}

}  // namespace
}  // namespace tenlik::sentiment
