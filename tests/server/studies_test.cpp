// Studies, runs and reports through the API, on a store holding the bundled sample.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <vector>

#include "jobs/jobs.h"
#include "listen/listen.h"
#include "sample_corpus.h"
#include "server_fixture.h"

namespace tenlik::server {
namespace {

const std::string kStudy = "inclusive-education";

class StudiesApiTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    IngestSample(*db_, store_);
    analyst_ = LogIn("analyst");
    ASSERT_EQ(analyst_.status, 201);
  }

  nlohmann::json GetJson(const std::string& path, int want_status = 200) {
    auto res = Client().Get(path, Auth(analyst_));
    EXPECT_TRUE(res) << path;
    if (!res) return nullptr;
    EXPECT_EQ(res->status, want_status) << path << ": " << res->body;
    return nlohmann::json::parse(res->body, nullptr, false);
  }

  httplib::Result PostRun(const std::string& study, const std::string& body) {
    return Client().Post("/api/v1/studies/" + study + "/runs", Auth(analyst_), body,
                         "application/json");
  }

  Login analyst_;
};

TEST_F(StudiesApiTest, RunsTheSampleStudyAndServesItsReport) {
  nlohmann::json studies = GetJson("/api/v1/studies")["studies"];
  ASSERT_FALSE(studies.empty());
  EXPECT_EQ(studies[0]["id"], kStudy);  // the shipped folder's first study
  EXPECT_FALSE(studies[0]["name"]["kk"].get<std::string>().empty());
  EXPECT_GT(studies[0]["queries"].get<int>(), 0);
  EXPECT_TRUE(studies[0]["last_run"].is_null());
  EXPECT_EQ(ErrorCode(Client().Get("/api/v1/studies/" + kStudy + "/report", Auth(analyst_))),
            "no_report");
  EXPECT_EQ(ErrorCode(Client().Get("/api/v1/studies/" + kStudy + "/report/files", Auth(analyst_))),
            "no_report");

  auto started = PostRun(kStudy, R"({"lang":"ru"})");
  ASSERT_TRUE(started);
  ASSERT_EQ(started->status, 202) << started->body;
  nlohmann::json job = nlohmann::json::parse(started->body)["job"];
  EXPECT_EQ(job["kind"], "study_run");
  EXPECT_EQ(job["study"], kStudy);
  EXPECT_EQ(job["restarts"], 0);
  EXPECT_TRUE(job["error"].is_null());
  int64_t id = job["id"];

  httplib::Client client = Client();
  job = PollJob(client, Auth(analyst_), id);
  ASSERT_EQ(job["state"], "done") << job.dump();
  EXPECT_EQ(job["stage"], "report");
  EXPECT_TRUE(job["finished_at"].is_number());
  EXPECT_TRUE(job["started_at"].is_number());
  EXPECT_TRUE(job["eta_seconds"].is_null());
  nlohmann::json jobs = GetJson("/api/v1/jobs")["jobs"];
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0]["id"], id);

  nlohmann::json results = GetJson("/api/v1/studies/" + kStudy + "/report");
  ASSERT_TRUE(results.is_object());
  int64_t posts = results["posts"]["all"];
  EXPECT_GT(posts, 1000);  // the sample holds a few thousand posts in the study's scope
  EXPECT_EQ(results["study"]["annotated_this_run"], results["study"]["in_scope"]);

  nlohmann::json study = GetJson("/api/v1/studies/" + kStudy);
  EXPECT_EQ(study["id"], kStudy);
  EXPECT_EQ(study["last_run"]["job"], id);
  EXPECT_EQ(study["last_run"]["posts"], posts);
  EXPECT_EQ(study["last_run"]["finished_at"], job["finished_at"]);
  EXPECT_FALSE(study["period"]["from"].get<std::string>().empty());
  ASSERT_EQ(study["queries"].size(), static_cast<size_t>(studies[0]["queries"].get<int>()));
  for (const auto& query : study["queries"]) {
    EXPECT_FALSE(query["id"].get<std::string>().empty());
    EXPECT_FALSE(query["group"].get<std::string>().empty());
    EXPECT_FALSE(query["expression"].get<std::string>().empty());
    EXPECT_TRUE(query["validation"].is_null());  // nothing labelled in this store
  }
  EXPECT_EQ(GetJson("/api/v1/studies")["studies"][0]["last_run"]["job"], id);

  // Exports of the latest report, under their download names only.
  std::string files = "/api/v1/studies/" + kStudy + "/report/files/";
  auto xlsx = Client().Get(files + "tables.xlsx", Auth(analyst_));
  ASSERT_TRUE(xlsx);
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");
  EXPECT_EQ(xlsx->get_header_value("Content-Disposition"),
            "attachment; filename=\"" + kStudy + "-tables.xlsx\"");
  auto csv = Client().Get(files + "csv-queries.csv", Auth(analyst_));
  ASSERT_TRUE(csv);
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  auto html = Client().Get(files + "index.html", Auth(analyst_));
  ASSERT_TRUE(html);
  ASSERT_EQ(html->status, 200);
  EXPECT_NE(html->body.find("<html lang=\"ru\""), std::string::npos);
  EXPECT_EQ(html->get_header_value("Content-Disposition"), "");
  EXPECT_EQ(html->get_header_value_count("Content-Security-Policy"), 1u);
  std::string csp = html->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("sandbox"), std::string::npos) << csp;
  for (const char* name : {"results.json", "hashtags.gexf"}) {
    auto file = Client().Get(files + name, Auth(analyst_));
    ASSERT_TRUE(file);
    EXPECT_EQ(file->status, 200) << name;
  }
  for (const char* name :
       {"t.db", "csv", "csv-nothing.csv", "index.htm", "..", "csv%2Fqueries.csv", "..%2F..%2Ft.db",
        "%2Fetc%2Fpasswd", "%2E%2E", "csv%2F..%2F..%2F..%2Ft.db"}) {
    EXPECT_EQ(ErrorCode(Client().Get(files + name, Auth(analyst_))), "not_found") << name;
  }
  // Files next to and above the report folder, which no name may reach.
  const std::string kSentinel = "SENTINEL outside the report folder";
  const std::filesystem::path run_dir = dir_ / "tenlik-reports" / kStudy / std::to_string(id);
  for (const std::filesystem::path& outside :
       {run_dir.parent_path() / "secret.txt", dir_ / "secret.txt"}) {
    std::ofstream(outside) << kSentinel;
  }
  const std::string absolute = PercentEncoded((dir_ / "secret.txt").string());
  for (const std::string& name :
       {std::string("..%2Fsecret.txt"), std::string("%2e%2e%2fsecret.txt"),
        std::string("%2e%2e%2F%2e%2e%2F%2e%2e%2Fsecret.txt"), std::string("..%5Csecret.txt"),
        std::string("csv-..%2F..%2Fsecret.txt"), std::string("secret.txt"), absolute,
        std::string("../secret.txt"), std::string("../../secret.txt"),
        std::string("../../../../secret.txt"), std::string("%2e%2e/%2e%2e/secret.txt"),
        "/" + (dir_ / "secret.txt").string(), std::string("csv/../../secret.txt")}) {
    auto res = Client().Get(files + name, Auth(analyst_));
    ASSERT_TRUE(res) << name;
    EXPECT_EQ(res->status, 404) << name;
    EXPECT_EQ(res->body.find(kSentinel), std::string::npos) << name;
    EXPECT_EQ(res->body.find("SQLite"), std::string::npos) << name;
  }
  EXPECT_TRUE(std::filesystem::exists(dir_ / "tenlik-reports" / kStudy / std::to_string(id) /
                                      "csv" / "queries.csv"));

  // The list of every file of the run, each downloadable at its url with its size.
  nlohmann::json list = GetJson("/api/v1/studies/" + kStudy + "/report/files");
  EXPECT_EQ(list["job"], id);
  EXPECT_EQ(list["finished_at"], job["finished_at"]);
  std::map<std::string, int> kinds;
  std::vector<std::string> order;
  for (const auto& file : list["files"]) {
    std::string name = file["name"];
    std::string kind = file["kind"];
    ++kinds[kind];
    if (order.empty() || order.back() != kind) order.push_back(kind);
    EXPECT_EQ(file["url"], files + name);
    auto download = Client().Get(file["url"].get<std::string>(), Auth(analyst_));
    ASSERT_TRUE(download) << name;
    EXPECT_EQ(download->status, 200) << name;
    EXPECT_EQ(download->body.size(), file["size"].get<uint64_t>()) << name;
    EXPECT_EQ(download->get_header_value("Content-Type"), file["content_type"]) << name;
    if (kind == "table") {
      EXPECT_EQ(name.substr(0, 4), "csv-") << name;
      EXPECT_TRUE(std::filesystem::exists(dir_ / "tenlik-reports" / kStudy / std::to_string(id) /
                                          "csv" / name.substr(4)))
          << name;
    }
  }
  EXPECT_EQ(kinds["report"], 1);
  EXPECT_EQ(kinds["data"], 1);
  EXPECT_EQ(kinds["workbook"], 1);
  EXPECT_EQ(kinds["network"], 1);
  EXPECT_GE(kinds["table"], 5);
  EXPECT_EQ(kinds["other"], 0);
  size_t csv_files =
      std::distance(std::filesystem::directory_iterator(dir_ / "tenlik-reports" / kStudy /
                                                        std::to_string(id) / "csv"),
                    std::filesystem::directory_iterator());
  EXPECT_EQ(static_cast<size_t>(kinds["table"]), csv_files);
  EXPECT_EQ(order, (std::vector<std::string>{"report", "data", "workbook", "table", "network"}));
  EXPECT_FALSE(results.contains("comparison"));

  // The next run of the study compares itself with this one.
  auto again = PostRun(kStudy, R"({"lang":"en"})");
  ASSERT_TRUE(again);
  ASSERT_EQ(again->status, 202) << again->body;
  nlohmann::json second =
      PollJob(client, Auth(analyst_), nlohmann::json::parse(again->body)["job"]["id"]);
  ASSERT_EQ(second["state"], "done") << second.dump();
  nlohmann::json compared = GetJson("/api/v1/studies/" + kStudy + "/report");
  ASSERT_TRUE(compared.contains("comparison")) << "the second run names no earlier run";
  EXPECT_EQ(compared["comparison"]["previous"]["generated_at"], results["study"]["generated_at"]);
  EXPECT_EQ(compared["comparison"]["previous"]["original_posts"], results["posts"]["original"]);
  for (const auto& row : compared["comparison"]["rows"]) EXPECT_EQ(row["previous"], row["now"]);
}

TEST_F(StudiesApiTest, ASecondRunOfAStudyWaitsForTheFirst) {
  // A run left running (as by another process): the runner leaves it alone.
  auto active = jobs::Submit(*db_, "study_run", kStudy, R"({"study":"inclusive-education"})");
  ASSERT_TRUE(active.ok());
  ASSERT_TRUE(db_->Exec("UPDATE jobs_queue SET state = 'running'").ok());
  auto res = PostRun(kStudy, "");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 409);
  EXPECT_EQ(ErrorCode(res), "job_running");
  auto body = nlohmann::json::parse(res->body);
  EXPECT_EQ(body["job"]["id"], active->job.id);
  EXPECT_EQ(body["job"]["state"], "running");
}

TEST_F(StudiesApiTest, UnknownStudiesJobsAndBadRequests) {
  EXPECT_EQ(ErrorCode(Client().Get("/api/v1/studies/no-such-study", Auth(analyst_))),
            "study_not_found");
  EXPECT_EQ(ErrorCode(Client().Get("/api/v1/studies/no-such-study/report", Auth(analyst_))),
            "study_not_found");
  EXPECT_EQ(ErrorCode(Client().Get("/api/v1/studies/.t/report/files/index.html", Auth(analyst_))),
            "study_not_found");
  auto escaped = Client().Get("/api/v1/studies/..%2F..%2Fsample/report", Auth(analyst_));
  ASSERT_TRUE(escaped);
  EXPECT_EQ(escaped->status, 404);
  EXPECT_EQ(ErrorCode(PostRun("no-such-study", "{}")), "study_not_found");
  for (const char* id : {"999", "abc", "-1", "99999999999999999999"}) {
    auto res = Client().Get(std::string("/api/v1/jobs/") + id, Auth(analyst_));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404) << id;
    EXPECT_EQ(ErrorCode(res), "job_not_found") << id;
  }
  auto bad_lang = PostRun(kStudy, R"({"lang":"de"})");
  ASSERT_TRUE(bad_lang);
  EXPECT_EQ(bad_lang->status, 400);
  EXPECT_EQ(ErrorCode(bad_lang), "invalid_field");
  EXPECT_EQ(ErrorCode(PostRun(kStudy, "[1]")), "invalid_json");
  EXPECT_TRUE(GetJson("/api/v1/jobs")["jobs"].empty());  // nothing was queued
}

TEST_F(StudiesApiTest, AnEditedStudyFileIsReadAgain) {
  auto shipped = tenlik::listen::DefaultStudiesDir();
  ASSERT_TRUE(shipped.ok());
  std::ifstream in(std::filesystem::path(*shipped) / (kStudy + ".yaml"));
  std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string lexicons =
      (std::filesystem::path(*shipped).parent_path() / "lexicons/").string();
  for (size_t at; (at = yaml.find("../lexicons/")) != std::string::npos;) {
    yaml.replace(at, 12, lexicons);
  }
  const std::filesystem::path studies = dir_ / "studies";
  std::filesystem::create_directories(studies);
  auto write = [&](const std::string& name) {
    const std::string from = "  en: Inclusive education in Kazakhstan";
    std::string text = yaml;
    ASSERT_NE(text.find(from), std::string::npos);
    text.replace(text.find(from), from.size(), "  en: " + name);
    std::ofstream(studies / "mine.yaml") << text;
  };
  write("First name");
  Start([&](Options& options) { options.studies_dir = studies.string(); });
  analyst_ = LogIn("analyst");
  EXPECT_EQ(GetJson("/api/v1/studies/mine")["name"]["en"].get<std::string>().rfind("First name", 0),
            0u);
  EXPECT_EQ(GetJson("/api/v1/studies/mine")["name"]["en"].get<std::string>().rfind("First name", 0),
            0u);
  write("The second, longer name");
  EXPECT_EQ(GetJson("/api/v1/studies/mine")["name"]["en"].get<std::string>().rfind("The second", 0),
            0u)
      << "a study changed on disk is not served from memory";
}

}  // namespace
}  // namespace tenlik::server
