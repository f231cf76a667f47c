// `tenlik store migrate --to URL`: copies the SQLite store into PostgreSQL and
// verifies the copy, table by table.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "accounts/accounts.h"
#include "cli/cli.h"
#include "jobs/jobs.h"
#include "listen/listen.h"
#include "review/review.h"
#include "store/store.h"

namespace tenlik::cli {
namespace {

struct MigrateFlags {
  std::string to;
  bool verify_only = false;
};

std::atomic<bool> g_interrupted{false};
void OnInterrupt(int) { g_interrupted = true; }

// Every module's migrations: the target's schema is made by them.
std::vector<store::Migration> KnownMigrations() {
  std::vector<store::Migration> all;
  for (const auto* list : {&listen::Migrations(), &accounts::Migrations(), &jobs::Migrations(),
                           &review::Migrations()})
    all.insert(all.end(), list->begin(), list->end());
  return all;
}

// "12 345 rows/s, 1:05 left" style progress on one terminal line, at most twice a
// second.
class ProgressLine {
 public:
  explicit ProgressLine(const Context& ctx) : ctx_(ctx) {}

  void Show(const store::CopyProgress& progress) {
    using Clock = std::chrono::steady_clock;
    auto now = Clock::now();
    if (progress.phase != phase_) {  // the first figures of a phase come after 0.5 s
      phase_ = progress.phase;
      phase_start_ = now;
      last_shown_ = now;
    }
    if (now - last_shown_ < std::chrono::milliseconds(500)) return;
    last_shown_ = now;
    double seconds = std::chrono::duration<double>(now - phase_start_).count();
    double rate = seconds > 0 ? static_cast<double>(progress.rows_done) / seconds : 0;
    long left = rate > 0 ? static_cast<long>(
                               static_cast<double>(progress.rows_total - progress.rows_done) / rate)
                         : 0;
    char eta[32];
    std::snprintf(eta, sizeof eta, "%ld:%02ld", left / 60, left % 60);
    std::cerr << "\r\033[K"
              << (phase_ == store::CopyProgress::Phase::kCopy
                      ? T(ctx_, {"copying ", "копирование ", "көшіру "})
                      : T(ctx_, {"verifying ", "проверка ", "тексеру "}))
              << progress.table << ": " << progress.rows_done << "/" << progress.rows_total << ", "
              << static_cast<long>(rate) << T(ctx_, {" rows/s, ", " строк/с, ", " жол/с, "}) << eta
              << T(ctx_, {" left", " осталось", " қалды"}) << std::flush;
  }

 private:
  const Context& ctx_;
  store::CopyProgress::Phase phase_ = store::CopyProgress::Phase::kCopy;
  std::chrono::steady_clock::time_point phase_start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_shown_ = phase_start_;
};

nlohmann::json ReportJson(const store::CopyReport& report, const std::string& source,
                          const std::string& target) {
  nlohmann::json tables = nlohmann::json::array();
  for (const store::TableComparison& t : report.tables) {
    tables.push_back({{"table", t.table},
                      {"source_rows", t.source_rows},
                      {"target_rows", t.target_rows},
                      {"source_checksum", t.source_checksum},
                      {"target_checksum", t.target_checksum},
                      {"verified", t.Equal()}});
  }
  return {{"source", source},
          {"target", target},
          {"rows_copied", report.rows_copied},
          {"verified", report.Verified()},
          {"tables", tables}};
}

// Spaces that pad `text` to `width` letters (UTF-8 aware, so that Kazakh and
// Russian headers line up too).
std::string Padding(const std::string& text, size_t width) {
  size_t letters = 0;
  for (unsigned char c : text) letters += (c & 0xC0) != 0x80;
  return std::string(width > letters ? width - letters : 0, ' ');
}
std::string Padded(const std::string& text, size_t width) { return text + Padding(text, width); }
std::string RightAligned(const std::string& text, size_t width) {
  return Padding(text, width) + text;
}

void PrintTable(const Context& ctx, const store::CopyReport& report) {
  std::cout << Padded(T(ctx, {"table", "таблица", "кесте"}), 32) << " "
            << RightAligned(T(ctx, {"source", "источник", "көзі"}), 12) << " "
            << RightAligned(T(ctx, {"target", "копия", "көшірме"}), 12) << " "
            << T(ctx, {"check", "проверка", "тексеру"}) << "\n";
  for (const store::TableComparison& t : report.tables) {
    std::cout << Padded(t.table, 32) << " " << RightAligned(std::to_string(t.source_rows), 12)
              << " " << RightAligned(std::to_string(t.target_rows), 12) << " "
              << (t.Equal() ? T(ctx, {"verified", "совпадает", "сәйкес"})
                            : T(ctx, {"DIFFERS", "РАЗЛИЧАЕТСЯ", "СӘЙКЕС ЕМЕС"}))
              << "\n";
  }
}

// Where the key is and where the server store will look for it; the key never goes
// into the database.
void PrintKeyAdvice(const Context& ctx, const std::string& source, const std::string& target) {
  std::string text =
      T(ctx, {"The pseudonym key was not copied into the database (it never is). On the machine "
              "that ingests into the new store, copy {from} to {to} (a relative path counts from "
              "the folder tenlik runs in; or set $TENLIK_KEY to the key's path), with mode 0600, "
              "and keep it secret: without it the same person gets a new pseudonym.\n",
              "Ключ псевдонимов не скопирован в базу данных (он никогда там не хранится). На "
              "компьютере, который загружает данные в новое хранилище, скопируйте {from} в {to} "
              "(относительный путь считается от папки, где запускается tenlik; или укажите путь "
              "к ключу в $TENLIK_KEY), с правами 0600, и храните ключ в тайне: без него тот же "
              "человек получит новый псевдоним.\n",
              "Бүркеншік ат кілті дерекқорға көшірілмеді (ол онда ешқашан сақталмайды). Жаңа "
              "қоймаға дерек жүктейтін компьютерде {from} файлын {to} ретінде көшіріңіз "
              "(салыстырмалы жол tenlik іске қосылатын қалтадан саналады; немесе кілт жолын "
              "$TENLIK_KEY арқылы көрсетіңіз), 0600 құқығымен, кілтті құпия сақтаңыз: онсыз сол "
              "адам жаңа бүркеншік ат алады.\n"});
  auto replace = [&text](const std::string& placeholder, const std::string& value) {
    text.replace(text.find(placeholder), placeholder.size(), value);
  };
  replace("{from}", listen::KeyPathFor(source));
  replace("{to}", listen::KeyPathFor(target));
  std::cout << text;
}

Status RunMigrate(Context& ctx, const MigrateFlags& flags) {
  std::string source = store::ResolveLocation(ctx.store);
  if (!store::IsFileLocation(source)) {
    return InvalidArgument(T(ctx, {"the store to copy (--store) must be a SQLite file",
                                   "копируемое хранилище (--store) должно быть файлом SQLite",
                                   "көшірілетін қойма (--store) SQLite файлы болуы керек"}));
  }
  if (store::IsFileLocation(flags.to)) {
    return InvalidArgument(
        T(ctx, {"--to must be a postgresql:// URL", "--to должен быть адресом postgresql://",
                "--to postgresql:// мекенжайы болуы керек"}));
  }
  std::string printable_source = store::PrintableLocation(source);
  std::string printable_target = store::PrintableLocation(flags.to);
  TENLIK_ASSIGN_OR_RETURN(auto from, store::Connection::Open(source, /*create=*/false));
  TENLIK_ASSIGN_OR_RETURN(auto to,
                          store::Connection::Open(flags.to, /*create=*/!flags.verify_only));

  store::CopyOptions options;
  options.migrations = KnownMigrations();
  options.cancel = &g_interrupted;
  ProgressLine line(ctx);
  bool terminal = ::isatty(STDERR_FILENO);
  if (terminal) options.on_progress = [&line](const store::CopyProgress& p) { line.Show(p); };
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  Result<store::CopyReport> report = flags.verify_only ? store::CompareStores(*from, *to, options)
                                                       : store::CopyStore(*from, *to, options);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (terminal) std::cerr << "\r\033[K";

  if (!report.ok()) {
    if (report.status().code() == StatusCode::kAlreadyExists) {
      std::cerr << T(ctx, {"tenlik: the target database already holds data; nothing was "
                           "copied. Copy only into a new, empty database (createdb).\n",
                           "tenlik: в целевой базе данных уже есть данные; ничего не "
                           "скопировано. Копируйте только в новую пустую базу (createdb).\n",
                           "tenlik: мақсатты дерекқорда деректер бар; ештеңе көшірілмеді. Тек "
                           "жаңа, бос дерекқорға көшіріңіз (createdb).\n"});
    } else if (report.status().code() == StatusCode::kCancelled && !flags.verify_only) {
      std::cerr << T(ctx, {"tenlik: interrupted. If the copy had not finished, the target was "
                           "rolled back and holds no rows: run the same command again.\n",
                           "tenlik: прервано. Если копирование не завершилось, изменения в "
                           "целевой базе отменены и строк в ней нет: запустите ту же команду "
                           "снова.\n",
                           "tenlik: тоқтатылды. Көшіру аяқталмаса, мақсатты дерекқордағы "
                           "өзгерістер болдырылмады, онда жол жоқ: сол команданы қайта іске "
                           "қосыңыз.\n"});
    }
    return report.status();
  }

  if (ctx.json) {
    nlohmann::json out = ReportJson(*report, printable_source, printable_target);
    out["key"] = {{"copied", false},
                  {"from", listen::KeyPathFor(source)},
                  {"to", listen::KeyPathFor(flags.to)}};
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << printable_source << " -> " << printable_target << "\n";
    PrintTable(ctx, *report);
    if (!flags.verify_only) PrintKeyAdvice(ctx, source, flags.to);
  }
  if (!report->Verified()) {
    std::cerr << T(ctx, {"tenlik: the target differs from the source (see the tables marked "
                         "DIFFERS); do not use it.\n",
                         "tenlik: копия отличается от источника (см. таблицы с пометкой "
                         "РАЗЛИЧАЕТСЯ); не используйте её.\n",
                         "tenlik: көшірме көзден өзгеше (СӘЙКЕС ЕМЕС белгісі бар кестелерді "
                         "қараңыз); оны пайдаланбаңыз.\n"});
    ctx.exit_code = kExitFailure;
  }
  return Status::Ok();
}

}  // namespace

void RegisterStoreCommands(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<MigrateFlags>();
  CLI::App* store_command = app.add_subcommand(
      "store", T(ctx, {"Manage the store", "Управление хранилищем", "Қойманы басқару"}));
  store_command->require_subcommand(1);
  CLI::App* migrate = store_command->add_subcommand(
      "migrate",
      T(ctx, {"Copy the SQLite store (--store) into an empty PostgreSQL database and verify "
              "every table (rows and checksum). All rows are copied in one transaction: if "
              "interrupted, the target keeps no rows and the command can run again. The "
              "pseudonym key is not copied",
              "Скопировать хранилище SQLite (--store) в пустую базу PostgreSQL и проверить "
              "каждую таблицу (строки и контрольная сумма). Все строки копируются в одной "
              "транзакции: при прерывании в целевой базе не остаётся строк и команду можно "
              "запустить снова. Ключ псевдонимов не копируется",
              "SQLite қоймасын (--store) бос PostgreSQL дерекқорына көшіріп, әр кестені "
              "тексеру (жолдар мен бақылау сомасы). Барлық жол бір транзакцияда көшіріледі: "
              "тоқтатылса, мақсатты дерекқорда жол қалмайды және команданы қайта іске қосуға "
              "болады. Бүркеншік ат кілті көшірілмейді"}));
  migrate
      ->add_option("--to", flags->to,
                   T(ctx, {"Target: postgresql://user@host[:port]/database (password in "
                           "~/.pgpass or $PGPASSWORD)",
                           "Цель: postgresql://пользователь@хост[:порт]/база (пароль в "
                           "~/.pgpass или $PGPASSWORD)",
                           "Мақсат: postgresql://пайдаланушы@хост[:порт]/дерекқор (құпиясөз "
                           "~/.pgpass немесе $PGPASSWORD ішінде)"}))
      ->required();
  migrate->add_flag("--verify-only", flags->verify_only,
                    T(ctx, {"Copy nothing: compare an earlier copy with the store again",
                            "Ничего не копировать: снова сравнить прежнюю копию с хранилищем",
                            "Ештеңе көшірмеу: бұрынғы көшірмені қоймамен қайта салыстыру"}));
  migrate->callback([&ctx, flags] {
    Status status = RunMigrate(ctx, *flags);
    if (!status.ok()) ctx.exit_code = ReportError(ctx, status);
  });
}

}  // namespace tenlik::cli
