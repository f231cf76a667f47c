// `tenlik user add|list|remove|role`: accounts of the web application.
#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "accounts/accounts.h"
#include "cli/cli.h"
#include "store/store.h"

namespace tenlik::cli {
namespace {

struct UserFlags {
  std::string name;
  std::string role;
};

// Role names an account may have (respondents log in with codes instead).
std::vector<std::string> AccountRoleNames() {
  std::vector<std::string> names;
  for (accounts::Role role : accounts::kAllRoles) {
    if (role != accounts::Role::kRespondent) names.emplace_back(accounts::RoleName(role));
  }
  return names;
}

accounts::Actor CliActor() {
  const passwd* entry = getpwuid(geteuid());
  return {std::string("cli:") + (entry ? entry->pw_name : std::to_string(geteuid())), ""};
}

Result<std::unique_ptr<store::Connection>> OpenAccounts(const Context& ctx) {
  TENLIK_ASSIGN_OR_RETURN(auto db,
                          store::Connection::Open(store::ResolveLocation(ctx.store), false));
  TENLIK_RETURN_IF_ERROR(db->Migrate(accounts::Migrations()));
  return db;
}

// One line from the terminal with echo off, after `prompt` on standard error.
Result<std::string> ReadHidden(const std::string& prompt) {
  std::cerr << prompt << std::flush;
  termios saved{};
  if (tcgetattr(STDIN_FILENO, &saved) != 0) return IoError("cannot read the terminal settings");
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  quiet.c_lflag |= ECHONL;
  if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0) return IoError("cannot turn echo off");
  std::string line;
  bool read = static_cast<bool>(std::getline(std::cin, line));
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  if (!read) return InvalidArgument("no password given");
  return line;
}

// The password: typed twice without echo on a terminal, else one line of stdin.
Result<std::string> ReadPassword(const Context& ctx) {
  if (!isatty(STDIN_FILENO)) {
    std::string line;
    if (!std::getline(std::cin, line)) return InvalidArgument("no password on standard input");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  TENLIK_ASSIGN_OR_RETURN(std::string first,
                          ReadHidden(T(ctx, {"Password: ", "Пароль: ", "Құпиясөз: "})));
  TENLIK_ASSIGN_OR_RETURN(
      std::string second,
      ReadHidden(T(ctx, {"Password again: ", "Пароль ещё раз: ", "Құпиясөзді қайталаңыз: "})));
  if (first != second) {
    return InvalidArgument(
        T(ctx, {"the passwords differ", "пароли не совпадают", "құпиясөздер сәйкес емес"}));
  }
  return first;
}

Status RunAdd(const Context& ctx, const UserFlags& flags) {
  auto role = accounts::ParseRole(flags.role);
  if (!role) return InvalidArgument("unknown role " + flags.role);
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenAccounts(ctx));
  TENLIK_ASSIGN_OR_RETURN(std::string password, ReadPassword(ctx));
  accounts::Accounts accounts(*db);
  TENLIK_RETURN_IF_ERROR(accounts.AddUser(flags.name, *role, password, CliActor()));
  std::cout << T(ctx, {"Added ", "Добавлен пользователь ", "Қосылды: "}) << flags.name << " ("
            << flags.role << ")\n";
  return Status::Ok();
}

Status RunList(const Context& ctx) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenAccounts(ctx));
  accounts::Accounts accounts(*db);
  TENLIK_ASSIGN_OR_RETURN(auto users, accounts.ListUsers());
  if (ctx.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const accounts::User& user : users) {
      list.push_back({{"name", user.name}, {"role", accounts::RoleName(user.role)}});
    }
    std::cout << list.dump(2) << "\n";
    return Status::Ok();
  }
  for (const accounts::User& user : users) {
    std::cout << user.name << "\t" << accounts::RoleName(user.role) << "\n";
  }
  return Status::Ok();
}

Status RunRemove(const Context& ctx, const UserFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenAccounts(ctx));
  accounts::Accounts accounts(*db);
  TENLIK_RETURN_IF_ERROR(accounts.RemoveUser(flags.name, CliActor()));
  std::cout << T(ctx, {"Removed ", "Удалён пользователь ", "Жойылды: "}) << flags.name << "\n";
  return Status::Ok();
}

Status RunRole(const Context& ctx, const UserFlags& flags) {
  auto role = accounts::ParseRole(flags.role);
  if (!role) return InvalidArgument("unknown role " + flags.role);
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenAccounts(ctx));
  accounts::Accounts accounts(*db);
  TENLIK_RETURN_IF_ERROR(accounts.SetRole(flags.name, *role, CliActor()));
  std::cout << flags.name << ": " << flags.role << "\n";
  return Status::Ok();
}

void Wire(CLI::App* command, Context& ctx, std::function<Status()> run) {
  command->callback([&ctx, run = std::move(run)] {
    Status status = run();
    ctx.exit_code = status.ok() ? kExitOk : ReportError(ctx, status);
  });
}

}  // namespace

void RegisterUserCommands(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<UserFlags>();
  CLI::App* user = app.add_subcommand(
      "user", T(ctx, {"Accounts of the web application", "Учётные записи веб-приложения",
                      "Веб-қосымшаның тіркелгілері"}));
  user->require_subcommand(1);
  const Tr name_help = {"User name (a-z, 0-9, '.', '_', '-', '@')",
                        "Имя пользователя (a-z, 0-9, '.', '_', '-', '@')",
                        "Пайдаланушы аты (a-z, 0-9, '.', '_', '-', '@')"};
  const Tr role_help = {"Role: admin, analyst, viewer, school_coordinator, peer_reviewer",
                        "Роль: admin, analyst, viewer, school_coordinator, peer_reviewer",
                        "Рөл: admin, analyst, viewer, school_coordinator, peer_reviewer"};

  CLI::App* add = user->add_subcommand(
      "add", T(ctx, {"Add a user; the password is asked twice without echo (or read from "
                     "standard input when it is not a terminal)",
                     "Добавить пользователя; пароль запрашивается дважды без отображения (или "
                     "читается со стандартного ввода, если это не терминал)",
                     "Пайдаланушы қосу; құпиясөз көрсетілмей екі рет сұралады (немесе терминал "
                     "болмаса, стандартты кірістен оқылады)"}));
  add->add_option("--role", flags->role, T(ctx, role_help))
      ->required()
      ->check(CLI::IsMember(AccountRoleNames()));
  add->add_option("name", flags->name, T(ctx, name_help))->required();
  Wire(add, ctx, [&ctx, flags] { return RunAdd(ctx, *flags); });

  CLI::App* list = user->add_subcommand(
      "list", T(ctx, {"List users and their roles", "Список пользователей и их ролей",
                      "Пайдаланушылар мен олардың рөлдерінің тізімі"}));
  Wire(list, ctx, [&ctx] { return RunList(ctx); });

  CLI::App* remove = user->add_subcommand(
      "remove",
      T(ctx, {"Remove a user and end their sessions", "Удалить пользователя и завершить его сеансы",
              "Пайдаланушыны жойып, сеанстарын аяқтау"}));
  remove->add_option("name", flags->name, T(ctx, name_help))->required();
  Wire(remove, ctx, [&ctx, flags] { return RunRemove(ctx, *flags); });

  CLI::App* role =
      user->add_subcommand("role", T(ctx, {"Change a user's role", "Изменить роль пользователя",
                                           "Пайдаланушының рөлін өзгерту"}));
  role->add_option("name", flags->name, T(ctx, name_help))->required();
  role->add_option("role", flags->role, T(ctx, role_help))
      ->required()
      ->check(CLI::IsMember(AccountRoleNames()));
  Wire(role, ctx, [&ctx, flags] { return RunRole(ctx, *flags); });
}

}  // namespace tenlik::cli
