// Error bodies of the API: stable codes, messages in the user's language.
#include <string>

#include "server/internal.h"

namespace tenlik::server {
namespace {

struct Message {
  std::string_view code;
  const char* en;
  const char* ru;
  const char* kk;
};

constexpr Message kMessages[] = {
    {"bad_request", "The request is malformed.", "Некорректный запрос.", "Сұрау қате құрылған."},
    {"invalid_json", "The body must be a JSON object.", "Тело запроса должно быть объектом JSON.",
     "Сұрау денесі JSON нысаны болуы керек."},
    {"invalid_field", "A field is missing or has the wrong type.",
     "Поле отсутствует или имеет неверный тип.", "Өріс жоқ немесе түрі қате."},
    {"invalid_parameter", "A query parameter has a wrong value.",
     "Параметр запроса имеет неверное значение.", "Сұрау параметрінің мәні қате."},
    {"invalid_user_name", "A user name has 1-64 characters: a-z, 0-9, '.', '_', '-', '@'.",
     "Имя пользователя: 1-64 символа из a-z, 0-9, '.', '_', '-', '@'.",
     "Пайдаланушы аты: a-z, 0-9, '.', '_', '-', '@' таңбаларынан 1-64 таңба."},
    {"invalid_role", "Unknown role (respondents have codes, not accounts).",
     "Неизвестная роль (у респондентов коды, а не учётные записи).",
     "Белгісіз рөл (респонденттерде тіркелгі емес, код болады)."},
    {"weak_password", "The password is too short or too long.",
     "Пароль слишком короткий или слишком длинный.", "Құпиясөз тым қысқа немесе тым ұзын."},
    {"unauthenticated", "Please log in.", "Пожалуйста, войдите в систему.", "Жүйеге кіріңіз."},
    {"invalid_credentials", "Wrong user name, password or code.",
     "Неверное имя пользователя, пароль или код.", "Пайдаланушы аты, құпиясөз немесе код қате."},
    {"rate_limited", "Too many failed attempts. Try again later.",
     "Слишком много неудачных попыток. Повторите позже.",
     "Сәтсіз әрекеттер тым көп. Кейінірек қайталаңыз."},
    {"forbidden", "Your role does not allow this.", "Ваша роль не позволяет это сделать.",
     "Сіздің рөліңіз бұған рұқсат бермейді."},
    {"csrf_failed", "The request lacks a valid X-CSRF-Token header.",
     "В запросе нет действительного заголовка X-CSRF-Token.",
     "Сұрауда жарамды X-CSRF-Token тақырыбы жоқ."},
    {"origin_mismatch", "The request comes from another site.", "Запрос пришёл с другого сайта.",
     "Сұрау басқа сайттан келді."},
    {"not_found", "Not found.", "Не найдено.", "Табылмады."},
    {"user_not_found", "There is no such user.", "Такого пользователя нет.",
     "Мұндай пайдаланушы жоқ."},
    {"bad_path", "The path is not allowed.", "Недопустимый путь.", "Жол рұқсат етілмеген."},
    {"method_not_allowed", "This method is not allowed here.", "Этот метод здесь не разрешён.",
     "Бұл әдіске мұнда рұқсат жоқ."},
    {"study_not_found", "There is no such study.", "Такого исследования нет.",
     "Мұндай зерттеу жоқ."},
    {"job_not_found", "There is no such job.", "Такой задачи нет.", "Мұндай тапсырма жоқ."},
    {"no_report", "This study has no finished run yet.",
     "У этого исследования ещё нет завершённого запуска.",
     "Бұл зерттеудің әлі аяқталған іске қосылымы жоқ."},
    {"job_running", "A run of this study is already queued or running.",
     "Запуск этого исследования уже в очереди или выполняется.",
     "Бұл зерттеудің іске қосылымы кезекте тұр немесе орындалып жатыр."},
    {"query_not_found", "The study has no such query.", "В исследовании нет такого запроса.",
     "Зерттеуде мұндай сұраныс жоқ."},
    {"invalid_query", "The query is not valid.", "Запрос составлен неверно.",
     "Сұраныс қате құрылған."},
    {"post_not_found", "There is no such post.", "Такой публикации нет.", "Мұндай жазба жоқ."},
    {"not_a_hit", "This post is not a hit of the query in the study's scope.",
     "Эта публикация не найдена запросом в рамках исследования.",
     "Бұл жазба зерттеу ауқымында сұраныс арқылы табылмаған."},
    {"not_validated", "The query has no labelled posts yet.",
     "У запроса пока нет размеченных публикаций.", "Сұраныстың белгіленген жазбалары әлі жоқ."},
    {"code_not_found", "This code is not valid. Check it and type it again.",
     "Этот код недействителен. Проверьте его и введите снова.",
     "Бұл код жарамсыз. Тексеріп, қайта енгізіңіз."},
    {"code_used", "Answers with this code have already been received. Thank you.",
     "Ответы по этому коду уже получены. Спасибо.",
     "Осы код бойынша жауаптар қабылданып қойған. Рақмет."},
    {"cycle_closed", "This review has ended; answers are no longer accepted.",
     "Этот опрос завершён, ответы больше не принимаются.",
     "Бұл сауалнама аяқталды, жауаптар енді қабылданбайды."},
    {"invalid_answers", "The answers do not match the questionnaire.",
     "Ответы не соответствуют анкете.", "Жауаптар сауалнамаға сәйкес келмейді."},
    {"cycle_not_found", "There is no such review cycle.", "Такого цикла самооценки нет.",
     "Мұндай өзін-өзі бағалау циклі жоқ."},
    {"instrument_not_found", "There is no such questionnaire.", "Такой анкеты нет.",
     "Мұндай сауалнама жоқ."},
    {"instrument_not_for_cycles", "This questionnaire cannot be run as a review cycle.",
     "По этой анкете нельзя провести цикл самооценки.",
     "Бұл сауалнама бойынша өзін-өзі бағалау циклін өткізуге болмайды."},
    {"invalid_cycle",
     "Check the cycle: school id, name and label filled in, a region such as KZ-ALA, "
     "groups of this questionnaire.",
     "Проверьте данные цикла: код и название школы, метка, регион вида KZ-ALA, группы "
     "этой анкеты.",
     "Цикл деректерін тексеріңіз: мектеп коды мен атауы, белгі, KZ-ALA сияқты аймақ, осы "
     "сауалнаманың топтары."},
    {"not_a_district_cycle", "Peer review is for a district's own review cycle.",
     "Взаимная экспертиза проводится по циклу самооценки района.",
     "Өзара сараптама аудандың өзін-өзі бағалау циклі бойынша жүргізіледі."},
    {"invalid_reviewer",
     "The reviewer must be an account with the peer reviewer role, from another district.",
     "Эксперт должен иметь учётную запись с ролью «внешний рецензент» и быть из другого района.",
     "Сарапшының «сырттай сарапшы» рөлі бар тіркелгісі болуы және басқа аудан өкілі болуы керек."},
    {"reviewer_invited", "This reviewer is already invited.", "Этот эксперт уже приглашён.",
     "Бұл сарапшы шақырылып қойған."},
    {"invalid_note",
     "Choose comment or challenge, a part of the questionnaire, and write the text.",
     "Выберите комментарий или критический вопрос, раздел анкеты и напишите текст.",
     "Пікір немесе сыни сұрақты, сауалнама бөлімін таңдап, мәтінді жазыңыз."},
    {"note_not_found", "There is no such comment.", "Такого комментария нет.", "Мұндай пікір жоқ."},
    {"plan_needs_closed_cycle", "The development plan is made after the cycle closes.",
     "План развития составляется после завершения цикла.",
     "Даму жоспары цикл аяқталғаннан кейін құрылады."},
    {"priority_exists", "This indicator is already a priority of the plan.",
     "Этот индикатор уже выбран приоритетом плана.",
     "Бұл индикатор жоспардың басымдығы ретінде таңдалып қойған."},
    {"plan_item_not_found", "The plan has no such priority or action.",
     "В плане нет такого приоритета или действия.", "Жоспарда мұндай басымдық немесе әрекет жоқ."},
    {"invalid_plan",
     "Check the plan: required fields filled in, dates as YYYY-MM-DD, the due date not "
     "before the start.",
     "Проверьте план: обязательные поля заполнены, даты в виде ГГГГ-ММ-ДД, срок не раньше "
     "начала.",
     "Жоспарды тексеріңіз: міндетті өрістер толтырылған, күндер ЖЖЖЖ-АА-КК түрінде, мерзім "
     "басталу күнінен ерте емес."},
    {"user_exists", "A user with this name exists.", "Пользователь с таким именем уже есть.",
     "Мұндай атпен пайдаланушы бар."},
    {"last_admin", "This would leave no administrator.",
     "После этого не останется ни одного администратора.",
     "Бұдан кейін бірде-бір әкімші қалмайды."},
    {"payload_too_large", "The request body is too large.", "Тело запроса слишком велико.",
     "Сұрау денесі тым үлкен."},
    {"uri_too_long", "The address is too long.", "Адрес слишком длинный.", "Мекенжай тым ұзын."},
    {"store_unavailable", "The database is unavailable.", "База данных недоступна.",
     "Дерекқор қолжетімсіз."},
    {"internal", "Something went wrong on the server.", "На сервере произошла ошибка.",
     "Серверде қате орын алды."},
};

const Message& Find(std::string_view code) {
  for (const Message& message : kMessages) {
    if (message.code == code) return message;
  }
  return kMessages[std::size(kMessages) - 1];  // "internal"
}

}  // namespace

void SendJson(httplib::Response& res, int status, const nlohmann::json& body) {
  SendJsonText(res, status, body.dump());
}

void SendJsonText(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_content(std::move(body), "application/json; charset=utf-8");
}

const char* ErrorMessage(Lang lang, std::string_view code) {
  const Message& message = Find(code);
  return lang == Lang::kRussian ? message.ru : lang == Lang::kKazakh ? message.kk : message.en;
}

void SendError(httplib::Response& res, Lang lang, int status, std::string_view code,
               std::string_view field) {
  const Message& message = Find(code);
  nlohmann::json error = {{"code", message.code}, {"message", ErrorMessage(lang, code)}};
  if (!field.empty()) error["field"] = field;
  SendJson(res, status, {{"error", error}});
}

std::string_view CodeForStatus(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthenticated";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 414:
      return "uri_too_long";
    default:
      return "internal";
  }
}

void SendInternal(Call& call, const Status& status) {
  if (call.options.log) call.options.log("error: " + status.ToString());
  SendError(call.res, call.lang, 500, "internal");
}

std::optional<nlohmann::json> JsonBody(Call& call) {
  auto body = nlohmann::json::parse(call.req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    SendError(call.res, call.lang, 400, "invalid_json");
    return std::nullopt;
  }
  return body;
}

std::optional<std::string> StringField(Call& call, const nlohmann::json& body, const char* name,
                                       bool* failed) {
  auto it = body.find(name);
  if (it == body.end()) return std::nullopt;
  if (!it->is_string()) {
    SendError(call.res, call.lang, 400, "invalid_field", name);
    *failed = true;
    return std::nullopt;
  }
  return it->get<std::string>();
}

}  // namespace tenlik::server
