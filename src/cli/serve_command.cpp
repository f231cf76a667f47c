// `tenlik serve`: runs the web server until SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <memory>
#include <thread>

#include "accounts/accounts.h"
#include "cli/cli.h"
#include "server/server.h"
#include "store/store.h"

namespace tenlik::cli {
namespace {

struct ServeFlags {
  std::string listen = "127.0.0.1:8080";
  std::string web;
  std::string studies;
  std::string reports;
  bool secure_cookies = false;
};

Status ParseListen(const std::string& text, server::Options* options) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return InvalidArgument("--listen wants HOST:PORT, e.g. 127.0.0.1:8080, not " + text);
  }
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  std::string port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535) {
    return InvalidArgument("--listen: the port must be a number from 0 to 65535, not " + port);
  }
  options->host = host;
  options->port = std::stoi(port);
  return Status::Ok();
}

Status RunServe(const Context& ctx, const ServeFlags& flags) {
  server::Options options;
  TENLIK_RETURN_IF_ERROR(ParseListen(flags.listen, &options));
  options.store_location = store::ResolveLocation(ctx.store);
  options.web_dir = flags.web;
  options.studies_dir = flags.studies;
  options.reports_dir = flags.reports;
  options.secure_cookies = flags.secure_cookies;

  // SIGINT and SIGTERM are taken by one thread that asks the server to stop; every
  // other thread (the server's workers too) has them blocked.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  TENLIK_ASSIGN_OR_RETURN(auto web, server::Server::Create(options));
  {
    TENLIK_ASSIGN_OR_RETURN(auto db, store::Connection::Open(options.store_location, false));
    accounts::Accounts accounts(*db);
    TENLIK_ASSIGN_OR_RETURN(auto users, accounts.ListUsers());
    if (users.empty()) {
      std::cerr << T(ctx, {"No users yet: create an administrator with "
                           "`tenlik user add --role admin NAME`.\n",
                           "Пользователей пока нет: создайте администратора командой "
                           "`tenlik user add --role admin ИМЯ`.\n",
                           "Әзірге пайдаланушылар жоқ: әкімшіні "
                           "`tenlik user add --role admin АТЫ` командасымен жасаңыз.\n"});
    }
  }
  std::cerr << T(ctx, {"Serving on ", "Сервер работает: ", "Сервер жұмыс істейді: "}) << "http://"
            << options.host << ":" << web->port() << "/ ("
            << store::PrintableLocation(options.store_location) << ")\n";

  std::thread watcher([&web, stop_signals] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    web->Stop();
  });
  Status served = web->Run();
  // Wake the watcher when Run ended on its own; after a signal it has already returned.
  if (watcher.joinable()) {
    pthread_kill(watcher.native_handle(), SIGTERM);
    watcher.join();
  }
  std::cerr << T(ctx, {"Stopped.\n", "Остановлен.\n", "Тоқтатылды.\n"});
  return served;
}

}  // namespace

void RegisterServeCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* serve = app.add_subcommand(
      "serve", T(ctx, {"Run the web application (accounts, JSON API, front end)",
                       "Запустить веб-приложение (учётные записи, JSON API, интерфейс)",
                       "Веб-қосымшаны іске қосу (тіркелгілер, JSON API, интерфейс)"}));
  serve->add_option("--listen", flags->listen,
                    T(ctx, {"Address to listen on, HOST:PORT (default 127.0.0.1:8080)",
                            "Адрес для приёма соединений, HOST:PORT (по умолчанию 127.0.0.1:8080)",
                            "Тыңдайтын мекенжай, HOST:PORT (әдепкі 127.0.0.1:8080)"}));
  serve->add_option(
      "--web", flags->web,
      T(ctx, {"Folder of the built front end (default web/dist, or $TENLIK_WEB)",
              "Папка собранного веб-интерфейса (по умолчанию web/dist или $TENLIK_WEB)",
              "Құрастырылған интерфейс қалтасы (әдепкі web/dist немесе $TENLIK_WEB)"}));
  serve->add_option(
      "--studies", flags->studies,
      T(ctx, {"Folder of study files offered on the web, one DIR/ID.yaml each (default: the "
              "shipped studies)",
              "Папка файлов исследований для веб-интерфейса, по одному DIR/ID.yaml (по умолчанию "
              "поставляемые исследования)",
              "Веб-интерфейстегі зерттеу файлдарының қалтасы, әрқайсысы DIR/ID.yaml (әдепкі: "
              "бірге берілетін зерттеулер)"}));
  serve->add_option(
      "--reports", flags->reports,
      T(ctx, {"Folder for the reports of study runs (default: tenlik-reports beside the store "
              "file, or in the current folder for a PostgreSQL store)",
              "Папка для отчётов запусков исследований (по умолчанию tenlik-reports рядом с "
              "файлом хранилища или в текущей папке для хранилища PostgreSQL)",
              "Зерттеу іске қосылымдары есептерінің қалтасы (әдепкі: қойма файлының жанындағы "
              "tenlik-reports немесе PostgreSQL қоймасы үшін ағымдағы қалтада)"}));
  serve->add_flag("--secure-cookies", flags->secure_cookies,
                  T(ctx, {"Mark cookies Secure: clients reach the server over https (a proxy)",
                          "Помечать cookie как Secure: клиенты обращаются по https (через прокси)",
                          "Cookie файлдарын Secure деп белгілеу: клиенттер https арқылы келеді"}));
  serve->callback([&ctx, flags] {
    Status status = RunServe(ctx, *flags);
    ctx.exit_code = status.ok() ? kExitOk : ReportError(ctx, status);
  });
}

}  // namespace tenlik::cli
