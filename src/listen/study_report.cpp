// Running a study end to end (annotate -> count -> topics -> results -> report)
// and turning its results into a trilingual report::Report, results.json and a
// GEXF co-hashtag network. Every user-facing string here is given in English,
// Russian and Kazakh, in person-first wording.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>

#include <xxhash.h>

#include "geo/geo.h"
#include "listen/annotate_internal.h"
#include "listen/listen.h"
#include "report/report.h"
#include "topics/topics.h"

namespace tenlik::listen {
namespace {

using nlohmann::json;

struct L {
  const char* en;
  const char* ru;
  const char* kk;
};

std::string Tx(const L& l, const std::string& lang) {
  return lang == "ru" ? l.ru : lang == "kk" ? l.kk : l.en;
}

// Replaces {0}, {1}, ... in `pattern`.
std::string Fmt(const std::string& pattern, const std::vector<std::string>& args) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
        std::isdigit(static_cast<unsigned char>(pattern[i + 1]))) {
      size_t k = static_cast<size_t>(pattern[i + 1] - '0');
      if (k < args.size()) out += args[k];
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::string Num(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}
std::string Pct(double share) { return Num(share * 100, 1); }
std::string Int(int64_t v) { return std::to_string(v); }

// A list as a reader sees it ("public, organisations"); JoinList is the stored form.
std::string Listed(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Trilingual labels of the shipped lexicons' categories.
const std::map<std::string, L>& Labels() {
  static const std::map<std::string, L> kLabels = {
      {"abuse", {"bullying and violence", "травля и насилие", "қорлау және зорлық-зомбылық"}},
      {"abuse/bullying", {"bullying", "травля (буллинг)", "қорлау (буллинг)"}},
      {"abuse/violence", {"violence", "насилие", "зорлық-зомбылық"}},
      {"access", {"physical access", "физическая доступность", "физикалық қолжетімділік"}},
      {"access/general",
       {"accessibility in general", "доступность в целом", "жалпы қолжетімділік"}},
      {"access/lift", {"lifts", "лифты", "лифттер"}},
      {"access/ramp", {"ramps", "пандусы", "пандустар"}},
      {"access/toilet", {"accessible toilets", "доступные туалеты", "қолжетімді дәретханалар"}},
      {"assessment", {"assessment (PMPC)", "обследование (ПМПК)", "тексеру (ПМПК)"}},
      {"assessment/pmpc", {"PMPC assessment", "ПМПК", "ПМПК"}},
      {"attitudes", {"attitudes", "отношение", "көзқарас"}},
      {"attitudes/prejudice", {"prejudice", "предрассудки", "алалау"}},
      {"attitudes/rejection",
       {"rejection by school or parents", "отказ школы или родителей",
        "мектептің не ата-аналардың қабылдамауы"}},
      {"capacity", {"teacher capacity", "подготовка педагогов", "педагогтердің дайындығы"}},
      {"capacity/training", {"teacher training", "обучение педагогов", "педагогтерді оқыту"}},
      {"funding", {"funding", "финансирование", "қаржыландыру"}},
      {"funding/budget", {"budget and costs", "бюджет и расходы", "бюджет және шығындар"}},
      {"materials", {"learning materials", "учебные материалы", "оқу материалдары"}},
      {"materials/kazakh_language",
       {"materials in Kazakh", "материалы на казахском", "қазақ тіліндегі материалдар"}},
      {"specialists", {"specialists", "специалисты", "мамандар"}},
      {"specialists/assistant",
       {"teaching assistants", "ассистенты педагога", "педагог ассистенттері"}},
      {"specialists/defectologist",
       {"special educators (defectologists)", "дефектологи", "дефектологтар"}},
      {"specialists/psychologist", {"psychologists", "психологи", "психологтар"}},
      {"specialists/shortage",
       {"shortage of specialists", "нехватка специалистов", "мамандардың жетіспеуі"}},
      {"specialists/speech_therapist", {"speech therapists", "логопеды", "логопедтер"}},
      {"specialists/tutor", {"tutors", "тьюторы", "тьюторлар"}},
      {"transport", {"transport", "транспорт", "көлік"}},
      {"transport/school_bus", {"school transport", "школьный транспорт", "мектеп көлігі"}},
      {"programme", {"state programmes", "государственные программы", "мемлекеттік бағдарламалар"}},
      {"programme/educated_nation",
       {"Educated Nation (national project)", "«Образованная нация» (нацпроект)",
        "«Білімді ұлт» (ұлттық жоба)"}},
      {"programme/comfort_school",
       {"Comfort School (national project)", "«Комфортная школа» (нацпроект)",
        "«Жайлы мектеп» (ұлттық жоба)"}},
      {"programme/gpron_2020_2025",
       {"State Programme of Education and Science Development 2020–2025", "ГПРОН 2020–2025",
        "Білім беруді және ғылымды дамытудың 2020–2025 мемлекеттік бағдарламасы"}},
      {"programme/gpro_2011_2020",
       {"State Programme of Education Development 2011–2020", "ГПРО 2011–2020",
        "Білім беруді дамытудың 2011–2020 мемлекеттік бағдарламасы"}},
      {"programme/balapan",
       {"Balapan (pre-school)", "«Балапан» (дошкольное)", "«Балапан» (мектепке дейінгі)"}},
      {"disability", {"disability and SEN", "инвалидность и ООП", "мүгедектік және ЕБҚ"}},
      {"disability/autism", {"children with autism", "дети с аутизмом", "аутизмі бар балалар"}},
      {"disability/cerebral_palsy",
       {"children with cerebral palsy", "дети с ДЦП", "церебральды салы бар балалар"}},
      {"disability/down_syndrome",
       {"children with Down syndrome", "дети с синдромом Дауна", "Даун синдромы бар балалар"}},
      {"disability/hearing",
       {"children with hearing impairments", "дети с нарушениями слуха",
        "есту қабілеті бұзылған балалар"}},
      {"disability/intellectual",
       {"children with intellectual disabilities", "дети с интеллектуальными нарушениями",
        "зияты бұзылған балалар"}},
      {"disability/physical",
       {"children with physical disabilities", "дети с нарушениями опорно-двигательного аппарата",
        "тірек-қимыл аппараты бұзылған балалар"}},
      {"disability/sen",
       {"children with disabilities / SEN (general)", "дети с инвалидностью / с ООП (в целом)",
        "мүгедектігі бар / ерекше білім беру қажеттіліктері бар балалар (жалпы)"}},
      {"disability/speech",
       {"children with speech and language needs", "дети с нарушениями речи",
        "сөйлеу тілі бұзылған балалар"}},
      {"disability/visual",
       {"children with visual impairments", "дети с нарушениями зрения",
        "көру қабілеті бұзылған балалар"}},
      {"groups", {"groups at risk", "группы риска", "тәуекел топтары"}},
      {"groups/conflict_with_law",
       {"children in conflict with the law", "дети в конфликте с законом",
        "заңмен қайшылыққа түскен балалар"}},
      {"groups/language_minority",
       {"children of language minorities", "дети языковых меньшинств", "тілдік азшылық балалары"}},
      {"groups/low_income",
       {"children from low-income families", "дети из малообеспеченных семей",
        "аз қамтылған отбасылардың балалары"}},
      {"groups/migrants",
       {"children of migrants and kandas", "дети мигрантов и кандасов",
        "мигранттар мен қандастардың балалары"}},
      {"groups/rural",
       {"children in rural areas", "дети в сельской местности", "ауылдағы балалар"}},
      {"groups/without_parental_care",
       {"children without parental care", "дети без попечения родителей",
        "ата-ана қамқорлығынсыз балалар"}},
  };
  return kLabels;
}

std::string Label(const std::string& key, const std::string& lang) {
  auto it = Labels().find(key);
  return it == Labels().end() ? key : Tx(it->second, lang);
}

const L kCaveat = {
    "Social-media posts are not representative of the population of Kazakhstan: they show what "
    "people who post publicly say, on the platforms collected, in the period studied. Counts are "
    "of posts, not of people. Regions with few posts are flagged as thin data.",
    "Публикации в социальных сетях не репрезентативны для населения Казахстана: они показывают, "
    "что говорят те, кто публикует открыто, на собранных платформах и за изучаемый период. "
    "Считаются публикации, а не люди. Регионы с малым числом публикаций отмечены как «мало "
    "данных».",
    "Әлеуметтік желідегі жазбалар Қазақстан халқының репрезентативті көрінісі емес: олар "
    "жинақталған платформаларда, зерттелген кезеңде ашық жазатын адамдардың не айтатынын ғана "
    "көрсетеді. Адамдар емес, жазбалар саналады. Жазбасы аз өңірлер «деректер аз» деп "
    "белгіленген."};

struct Ctx {
  const Study& study;
  const json& results;
  std::string lang;
  std::string period;  // "2025-01-01 – 2026-06-30"
  int64_t total = 0;   // original posts
  int64_t total_all = 0;
  // Query id -> its validation (LoadQueryValidations); queries never validated are absent.
  std::map<std::string, QueryValidation> validations = {};
};

// The name of a sub-topic of the study in the report's language, or its id.
std::string SubtopicName(const Ctx& c, const std::string& id) {
  for (const auto& sub : c.study.subtopics) {
    if (sub.id == id) return sub.name.In(c.lang);
  }
  return id;
}

// The standard note: what is counted, out of what, period, caveat.
std::string Note(const Ctx& c, const std::string& what) {
  return what + " " +
         Fmt(Tx({"Period: {0}. Out of {1} original posts in scope ({2} with near-duplicates / "
                 "reposts). Not representative of the population.",
                 "Период: {0}. Из {1} оригинальных публикаций ({2} вместе с почти дубликатами / "
                 "репостами). Не репрезентативно для населения.",
                 "Кезең: {0}. Ауқымдағы {1} түпнұсқа жазбаның ішінен (ұқсас көшірмелер / "
                 "репостармен бірге {2}). Халықтың репрезентативті көрінісі емес."},
                c.lang),
             {c.period, Int(c.total), Int(c.total_all)});
}

report::Block Para(std::string text) {
  report::Block b;
  b.paragraph = std::move(text);
  return b;
}
// Figure data is written as <id>.csv beside the tables: figures get a "-chart" suffix.
report::Block Fig(report::Figure f) {
  f.id += "-chart";
  report::Block b;
  b.figure = std::move(f);
  return b;
}
report::Block Tab(report::Table t) {
  report::Block b;
  b.table = std::move(t);
  return b;
}

std::string Share(const json& e) {
  return Pct(e["share"].get<double>()) + " % [" + Pct(e["low"].get<double>()) + "–" +
         Pct(e["high"].get<double>()) + "]";
}

std::vector<std::string> Cols(const Ctx& c, std::initializer_list<L> cols) {
  std::vector<std::string> out;
  for (const L& l : cols) out.push_back(Tx(l, c.lang));
  return out;
}

const L kPosts = {"posts", "публикации", "жазбалар"};
const L kShare = {"share of posts, % [95 % interval]", "доля публикаций, % [95 % интервал]",
                  "жазбалар үлесі, % [95 % аралық]"};

// Each query with its posts and, beside it, the precision people measured by
// labelling a random sample of its hits (`tenlik listen validate`).
report::Table QueriesTable(const Ctx& c) {
  report::Table t;
  t.id = "queries";
  t.title = Tx({"Queries and how precise they are", "Запросы и их точность",
                "Сұраныстар және олардың дәлдігі"},
               c.lang);
  t.columns = Cols(
      c,
      {{"sub-topic", "подтема", "тақырыпша"},
       {"query", "запрос", "сұраныс"},
       kPosts,
       {"precision, % [95 % interval]", "точность, % [95 % интервал]", "дәлдік, % [95 % аралық]"},
       {"posts labelled (n)", "размечено публикаций (n)", "белгіленген жазбалар (n)"},
       {"validated on", "дата проверки", "тексерілген күні"}});
  std::map<std::string, int64_t> posts;
  for (const json& sub : c.results["subtopics"]) {
    for (const json& q : sub["queries"])
      posts[q["id"].get<std::string>()] = q["posts"].get<int64_t>();
  }
  for (const auto& sub : c.study.subtopics) {
    for (const auto& q : sub.queries) {
      std::vector<std::string> row = {sub.name.In(c.lang), q.name.In(c.lang) + " (" + q.id + ")",
                                      Int(posts[q.id])};
      auto v = c.validations.find(q.id);
      if (v == c.validations.end() || v->second.labelled == 0) {
        row.insert(row.end(),
                   {Tx({"not validated", "не проверен", "тексерілмеген"}, c.lang), "", ""});
      } else {
        std::string precision = Pct(v->second.precision) + " % [" + Pct(v->second.low) + "–" +
                                Pct(v->second.high) + "]";
        if (v->second.stale)
          precision +=
              Tx({" (stale: the query has changed since)", " (устарело: запрос с тех пор изменён)",
                  " (ескірген: сұраныс содан бері өзгерген)"},
                 c.lang);
        row.insert(row.end(), {precision, Int(v->second.labelled), v->second.validated_on});
      }
      t.rows.push_back(std::move(row));
    }
  }
  t.note = Note(c, Tx({"Posts matched by each query. Precision: the share of a random sample of "
                       "the query's hits that people "
                       "labelled relevant (tenlik listen validate), with its 95 % Wilson interval; "
                       "n is the number of posts "
                       "labelled. \"Stale\": the query's text has changed since the posts were "
                       "labelled, so the figure is of the old text.",
                       "Публикации, найденные каждым запросом. Точность — доля релевантных по "
                       "оценке людей в случайной выборке "
                       "совпадений запроса (tenlik listen validate), с 95 % интервалом Уилсона; n "
                       "— число размеченных публикаций. "
                       "«Устарело»: текст запроса изменился после разметки, и показатель относится "
                       "к прежнему тексту.",
                       "Әр сұраныс тапқан жазбалар. Дәлдік — сұраныс сәйкестіктерінің кездейсоқ "
                       "іріктемесінде адамдар қатысты деп "
                       "белгілеген жазбалар үлесі (tenlik listen validate), 95 % Уилсон "
                       "аралығымен; n — белгіленген жазбалар саны. "
                       "«Ескірген»: жазбалар белгіленгеннен кейін сұраныс мәтіні өзгерді, "
                       "көрсеткіш бұрынғы мәтінге қатысты."},
                      c.lang));
  return t;
}

report::Section OverviewSection(const Ctx& c, const json& meta) {
  report::Section s;
  s.id = "overview";
  s.title = Tx({"What was studied", "Что изучалось", "Не зерттелді"}, c.lang);
  const json& p = c.results["posts"];
  s.blocks.push_back(Para(Fmt(
      Tx({"The study \"{0}\" covers {1} posts published {2} ({3} original posts and {4} "
          "near-duplicates such as reposts), from the corpora: {5}. Posts were annotated with {6} "
          "topic queries in {7} sub-topics and the lexicons of barriers, state programmes, "
          "disability categories, groups at risk, girls and boys, and stigmatising versus "
          "person-first wording; regions come from the place given by the platform or, failing "
          "that, place names in the text.",
          "Исследование «{0}» охватывает {1} публикаций за период {2} ({3} оригинальных и {4} "
          "почти дубликатов, например репостов) из корпусов: {5}. Публикации размечены {6} "
          "тематическими запросами в {7} подтемах и словарями барьеров, государственных программ, "
          "категорий инвалидности, групп риска, упоминаний девочек и мальчиков, а также "
          "стигматизирующих и уважительных («сначала человек») формулировок; регион берётся из "
          "места, указанного платформой, а если его нет — из названий мест в тексте.",
          "«{0}» зерттеуі {2} кезеңіндегі {1} жазбаны қамтиды ({3} түпнұсқа және {4} ұқсас "
          "көшірме, мысалы репостар), корпустар: {5}. Жазбалар {7} тақырыпшадағы {6} "
          "тақырыптық сұраныспен және кедергілер, мемлекеттік бағдарламалар, мүгедектік "
          "санаттары, тәуекел топтары, қыздар мен ұлдар, стигмалайтын және адамға бағытталған "
          "сөздер сөздіктерімен белгіленді; өңір платформа берген орыннан, ол болмаса мәтіндегі "
          "жер атауларынан алынады."},
         c.lang),
      {c.study.name.In(c.lang), Int(p["all"].get<int64_t>()), c.period,
       Int(p["original"].get<int64_t>()), Int(p["near_duplicates"].get<int64_t>()),
       c.study.corpora.empty() ? std::string("*") : Listed(c.study.corpora),
       Int(meta["queries"].get<int64_t>()), Int(static_cast<int64_t>(c.study.subtopics.size()))})));
  s.blocks.push_back(Para(
      Tx({"Counting: unless a table says otherwise, figures count original posts and leave out "
          "near-duplicates (reposts and copies of an earlier post); the volume figure shows both. "
          "A post can mention several barriers, programmes or regions and then counts for each, so "
          "shares do not add up to 100 %. Intervals are 95 % Wilson score intervals.",
          "Подсчёт: если не сказано иное, считаются оригинальные публикации без почти дубликатов "
          "(репостов и копий более ранней публикации); на графике объёма показаны оба варианта. "
          "Публикация может упоминать несколько барьеров, программ или регионов и тогда "
          "учитывается в каждом, поэтому доли не складываются в 100 %. Интервалы — 95 % интервалы "
          "Уилсона.",
          "Есептеу: басқасы айтылмаса, ұқсас көшірмелерсіз (репостар мен бұрынғы жазбаның "
          "көшірмелері) түпнұсқа жазбалар саналады; көлем графигінде екеуі де көрсетілген. Жазба "
          "бірнеше кедергіні, бағдарламаны не өңірді атауы мүмкін, сонда әрқайсысында саналады, "
          "сондықтан үлестердің қосындысы 100 % болмайды. Аралықтар — 95 % Уилсон аралықтары."},
         c.lang)));
  // Sub-topics table.
  report::Table t;
  t.id = "subtopics";
  t.title = Tx({"Posts per sub-topic", "Публикации по подтемам", "Тақырыпшалар бойынша жазбалар"},
               c.lang);
  t.columns = Cols(c, {{"sub-topic", "подтема", "тақырыпша"},
                       kPosts,
                       kShare,
                       {"with near-duplicates", "с почти дубликатами", "ұқсас көшірмелермен"}});
  for (const json& e : c.results["subtopics"]) {
    std::string name = SubtopicName(c, e["key"].get<std::string>());
    t.rows.push_back(
        {name, Int(e["posts"].get<int64_t>()), Share(e), Int(e["all"].get<int64_t>())});
  }
  t.note = Note(
      c, Tx({"Posts matched by any query of the sub-topic (queries in the study file).",
             "Публикации, найденные любым запросом подтемы (запросы из файла исследования).",
             "Тақырыпшаның кез келген сұранысы тапқан жазбалар (зерттеу файлындағы сұраныстар)."},
            c.lang));
  s.blocks.push_back(Tab(std::move(t)));
  s.blocks.push_back(Tab(QueriesTable(c)));
  return s;
}

// The shares of this run beside an earlier run's (CompareResults).
report::Section ComparisonSection(const Ctx& c, const json& comparison) {
  report::Section s;
  s.id = "comparison";
  s.title = Tx({"Change since the previous run", "Изменения с предыдущего запуска",
                "Алдыңғы іске қосудан бергі өзгерістер"},
               c.lang);
  const json& before = comparison["previous"];
  s.blocks.push_back(Para(Fmt(
      Tx({"This run is compared with the run of {0} (period {1} – {2}, {3} original posts; now "
          "{4}). Each row is a share of original posts in both runs, with the change in percentage "
          "points; \"yes\" marks a change unlikely to be chance alone (two-proportion z-test, "
          "95 %). A change in what is posted is not a change in schools: social-media data is not "
          "representative of the population.",
          "Этот запуск сравнивается с запуском от {0} (период {1} – {2}, {3} оригинальных "
          "публикаций; сейчас {4}). Каждая строка — доля оригинальных публикаций в обоих запусках "
          "и её изменение в процентных пунктах; «да» отмечает изменение, которое вряд ли "
          "объясняется случайностью (z-тест для двух долей, 95 %). Изменение того, о чём пишут, — "
          "ещё не изменение в школах: данные социальных сетей не репрезентативны для населения.",
          "Бұл іске қосу {0} күнгі іске қосумен салыстырылады (кезең {1} – {2}, {3} түпнұсқа "
          "жазба; қазір {4}). Әр жол — екі іске қосудағы түпнұсқа жазбалар үлесі және оның "
          "пайыздық тармақпен өзгерісі; «иә» кездейсоқтықпен түсіндірілуі екіталай өзгерісті "
          "белгілейді (екі үлеске арналған z-тест, 95 %). Жазылған тақырыптың өзгеруі мектептің "
          "өзгеруі емес: әлеуметтік желі деректері халықтың репрезентативті көрінісі емес."},
         c.lang),
      {before["generated_at"].get<std::string>(), before["period_from"].get<std::string>(),
       before["period_to"].get<std::string>(), Int(before["original_posts"].get<int64_t>()),
       Int(comparison["original_posts"].get<int64_t>())})));
  if (!before["same_fingerprint"].get<bool>()) {
    s.blocks.push_back(Para(Tx(
        {"The queries, lexicons, gazetteer or sentiment model changed between the two runs, so a "
         "change can come from the study file rather than from what was posted.",
         "Между запусками изменились запросы, словари, справочник мест или модель тональности, "
         "поэтому изменение может объясняться файлом исследования, а не публикациями.",
         "Екі іске қосудың арасында сұраныстар, сөздіктер, жер атаулары анықтамалығы не "
         "тональдық моделі өзгерді, сондықтан өзгеріс жазбалардан емес, зерттеу файлынан болуы "
         "мүмкін."},
        c.lang)));
  }
  const std::map<std::string, L> sections = {
      {"subtopic", {"sub-topic", "подтема", "тақырыпша"}},
      {"barriers", {"barrier", "барьер", "кедергі"}},
      {"programmes", {"programme", "программа", "бағдарлама"}},
      {"disability", {"disability category", "категория инвалидности", "мүгедектік санаты"}},
      {"groups", {"group at risk", "группа риска", "тәуекел тобы"}},
  };
  const std::map<std::string, L> single = {
      {"gender/girls",
       {"posts mentioning girls", "публикации о девочках", "қыздар туралы жазбалар"}},
      {"gender/boys", {"posts mentioning boys", "публикации о мальчиках", "ұлдар туралы жазбалар"}},
      {"stigma/stigmatising",
       {"stigmatising wording, of posts with stigmatising or person-first terms",
        "стигматизирующие формулировки среди публикаций со стигматизирующими или уважительными "
        "словами",
        "стигмалайтын сөздер, стигмалайтын не адамға бағытталған сөздері бар жазбалар ішінде"}},
      {"sentiment/positive", {"positive posts", "позитивные публикации", "оң жазбалар"}},
      {"sentiment/negative", {"negative posts", "негативные публикации", "теріс жазбалар"}},
  };
  report::Table t;
  t.id = "comparison";
  t.title = Tx({"Shares in the previous run and now", "Доли в предыдущем запуске и сейчас",
                "Алдыңғы іске қосудағы және қазіргі үлестер"},
               c.lang);
  t.columns = Cols(c, {{"figure", "показатель", "көрсеткіш"},
                       {"previous run, % (posts of)", "предыдущий запуск, % (публикаций из)",
                        "алдыңғы іске қосу, % (жазба / барлығы)"},
                       {"this run, % (posts of)", "этот запуск, % (публикаций из)",
                        "осы іске қосу, % (жазба / барлығы)"},
                       {"change, percentage points", "изменение, п. п.", "өзгеріс, п. т."},
                       {"different at 95 %", "различие при 95 %", "95 % деңгейде айырмашылық"}});
  for (const json& row : comparison["rows"]) {
    std::string section = row["section"].get<std::string>(), key = row["key"].get<std::string>();
    std::string name;
    if (auto it = single.find(section + "/" + key); it != single.end()) {
      name = Tx(it->second, c.lang);
    } else {
      std::string item = section == "subtopic" ? SubtopicName(c, key) : Label(key, c.lang);
      auto kind = sections.find(section);
      name = (kind == sections.end() ? section : Tx(kind->second, c.lang)) + ": " + item;
    }
    auto cell = [](const json& r, const char* share, const char* posts, const char* of) {
      return Pct(r[share].get<double>()) + " (" + Int(r[posts].get<int64_t>()) + " / " +
             Int(r[of].get<int64_t>()) + ")";
    };
    t.rows.push_back({name, cell(row, "previous_share", "previous", "previous_of"),
                      cell(row, "now_share", "now", "now_of"),
                      Num(row["change_points"].get<double>(), 1),
                      row["significant"].get<bool>() ? Tx({"yes", "да", "иә"}, c.lang)
                                                     : Tx({"no", "нет", "жоқ"}, c.lang)});
  }
  t.note = Note(c, Tx({"Shares of original posts in each run; the previous run's period and "
                       "posts are those it counted.",
                       "Доли оригинальных публикаций в каждом запуске; период и публикации "
                       "предыдущего запуска — те, что он учёл.",
                       "Әр іске қосудағы түпнұсқа жазбалар үлесі; алдыңғы іске қосудың кезеңі мен "
                       "жазбалары — ол санағандар."},
                      c.lang));
  s.blocks.push_back(Tab(std::move(t)));
  return s;
}

report::Section VolumeSection(const Ctx& c) {
  report::Section s;
  s.id = "volume";
  s.title = Tx({"What is said, when, by whom and where", "Что, когда, кем и где сказано",
                "Не, қашан, кім және қайда айтылды"},
               c.lang);
  const json& v = c.results["volume"];
  report::Figure f;
  f.id = "volume-by-month";
  f.title = Tx({"Posts per month", "Публикации по месяцам", "Айлар бойынша жазбалар"}, c.lang);
  f.kind = report::ChartKind::kLine;
  report::Series orig{
      Tx({"original posts", "оригинальные публикации", "түпнұсқа жазбалар"}, c.lang), {}, {}, {}};
  report::Series all{Tx({"with near-duplicates (reposts)", "с почти дубликатами (репостами)",
                         "ұқсас көшірмелермен (репостар)"},
                        c.lang),
                     {},
                     {},
                     {}};
  report::Table t;
  t.id = "volume-by-month";
  t.title = f.title;
  t.columns = Cols(c, {{"month", "месяц", "ай"},
                       {"original posts", "оригинальные публикации", "түпнұсқа жазбалар"},
                       {"with near-duplicates", "с почти дубликатами", "ұқсас көшірмелермен"},
                       {"change vs previous month, %", "изменение к прошлому месяцу, %",
                        "алдыңғы аймен салыстырғанда өзгеріс, %"},
                       {"z-score vs trailing months", "z-оценка к предыдущим месяцам",
                        "алдыңғы айларға z-бағасы"},
                       {"spike", "всплеск", "шарықтау"}});
  std::vector<std::string> spikes;
  for (const json& m : v["months"]) {
    std::string month = m["month"].get<std::string>();
    f.categories.push_back(month);
    orig.values.push_back(static_cast<double>(m["original"].get<int64_t>()));
    all.values.push_back(static_cast<double>(m["all"].get<int64_t>()));
    bool spike = m["spike"].get<bool>();
    if (spike) spikes.push_back(month);
    t.rows.push_back({month, Int(m["original"].get<int64_t>()), Int(m["all"].get<int64_t>()),
                      m["change"].is_null() ? "" : Num(m["change"].get<double>() * 100, 1),
                      m["z"].is_null() ? "" : Num(m["z"].get<double>(), 2),
                      spike ? Tx({"yes", "да", "иә"}, c.lang) : ""});
  }
  f.series = {orig, all};
  f.value_label = Tx(kPosts, c.lang);
  f.note = Note(c, Tx({"Posts per calendar month (Kazakhstan time), original posts and all posts "
                       "including near-duplicates.",
                       "Публикации за календарный месяц (время Казахстана): оригинальные и все, "
                       "включая почти дубликаты.",
                       "Күнтізбелік айдағы жазбалар (Қазақстан уақыты): түпнұсқа және ұқсас "
                       "көшірмелерді қоса алғанда барлығы."},
                      c.lang));
  s.blocks.push_back(Fig(f));
  t.note =
      Note(c, Fmt(Tx({"A month is a spike when its z-score against the {0} previous months "
                      "(at least 3) is {1} or more.",
                      "Месяц считается всплеском, если его z-оценка относительно {0} предыдущих "
                      "месяцев (не менее 3) не меньше {1}.",
                      "Айдың алдыңғы {0} айға (кемінде 3) қатысты z-бағасы {1} немесе одан "
                      "жоғары болса, ол шарықтау болып саналады."},
                     c.lang),
                  {Int(c.study.thresholds.spike_window), Num(c.study.thresholds.spike_z, 1)}));
  s.blocks.push_back(Tab(std::move(t)));
  if (!spikes.empty()) {
    s.blocks.push_back(
        Para(Tx({"Spikes: ", "Всплески: ", "Шарықтаулар: "}, c.lang) + Listed(spikes)));
  }
  // Stacked breakdowns by platform, corpus, language, author type.
  struct Dim {
    const char* key;
    L title;
  };
  for (const Dim& d :
       {Dim{"by_platform",
            {"Posts per month by platform", "Публикации по месяцам и платформам",
             "Айлар мен платформалар бойынша жазбалар"}},
        Dim{"by_lang",
            {"Posts per month by language", "Публикации по месяцам и языкам",
             "Айлар мен тілдер бойынша жазбалар"}},
        Dim{"by_author_type",
            {"Posts per month by type of author", "Публикации по месяцам и типу автора",
             "Айлар мен автор түрі бойынша жазбалар"}},
        Dim{"by_corpus",
            {"Posts per month by corpus", "Публикации по месяцам и корпусам",
             "Айлар мен корпустар бойынша жазбалар"}}}) {
    const json& by = v[d.key];
    std::set<std::string> keys;
    for (const auto& [month, m] : by.items()) {
      for (const auto& [k, n] : m.items()) keys.insert(k);
    }
    report::Figure g;
    g.id = std::string("volume-") + d.key;
    for (char& ch : g.id)
      if (ch == '_') ch = '-';
    g.title = Tx(d.title, c.lang);
    g.kind = report::ChartKind::kStackedBar;
    for (const json& m : v["months"]) g.categories.push_back(m["month"].get<std::string>());
    for (const std::string& k : keys) {
      report::Series ser{k, {}, {}, {}};
      for (const std::string& month : g.categories) {
        ser.values.push_back(by.contains(month) && by[month].contains(k)
                                 ? static_cast<double>(by[month][k].get<int64_t>())
                                 : 0.0);
      }
      g.series.push_back(std::move(ser));
    }
    g.value_label = Tx(kPosts, c.lang);
    g.note = Note(c, Tx({"Original posts per month, stacked.",
                         "Оригинальные публикации по месяцам, с накоплением.",
                         "Айлар бойынша түпнұсқа жазбалар, жинақталған."},
                        c.lang));
    s.blocks.push_back(Fig(std::move(g)));
  }
  return s;
}

// A bar figure and table of one lexicon family (barriers, programmes, ...).
void LexiconBlocks(const Ctx& c, const std::string& family, const std::string& id, const L& title,
                   const L& what, bool subcategories, report::Section* s) {
  if (!c.results["lexicon"].contains(family)) {
    s->blocks.push_back(
        Para(Tx({"This lexicon is not part of the study.", "Этот словарь не входит в исследование.",
                 "Бұл сөздік зерттеуге кірмейді."},
                c.lang)));
    return;
  }
  const json& lex = c.results["lexicon"][family];
  const json& entries = lex[subcategories ? "subcategories" : "categories"];
  report::Figure f;
  f.id = id;
  f.title = Tx(title, c.lang);
  f.kind = report::ChartKind::kBar;
  report::Series ser{Tx(kShare, c.lang), {}, {}, {}};
  report::Table t;
  t.id = id;
  t.title = f.title;
  t.columns = Cols(c, {{"category", "категория", "санат"}, kPosts, kShare});
  for (const json& e : entries) {
    std::string label = Label(e["key"].get<std::string>(), c.lang);
    f.categories.push_back(label);
    ser.values.push_back(e["share"].get<double>() * 100);
    ser.low.push_back(e["low"].get<double>() * 100);
    ser.high.push_back(e["high"].get<double>() * 100);
    t.rows.push_back({label, Int(e["posts"].get<int64_t>()), Share(e)});
  }
  t.rows.push_back(
      {Tx({"any of these", "любое из них", "кез келгені"}, c.lang),
       Int(lex["posts_any"].get<int64_t>()),
       Share(json{{"share",
                   c.total ? static_cast<double>(lex["posts_any"].get<int64_t>()) / c.total : 0.0},
                  {"low", Wilson(lex["posts_any"].get<int64_t>(), c.total).first},
                  {"high", Wilson(lex["posts_any"].get<int64_t>(), c.total).second}})});
  f.series = {ser};
  f.value_label = "%";
  f.note = Note(c, Tx(what, c.lang));
  t.note = f.note;
  s->blocks.push_back(Fig(std::move(f)));
  s->blocks.push_back(Tab(std::move(t)));
}

report::Section BarriersSection(const Ctx& c) {
  report::Section s;
  s.id = "barriers";
  s.title =
      Tx({"Barriers people name", "Какие барьеры называют", "Қандай кедергілер аталады"}, c.lang);
  L what = {"Share of posts naming each barrier (lexicon data/lexicons/barriers.tsv).",
            "Доля публикаций, где назван барьер (словарь data/lexicons/barriers.tsv).",
            "Кедергі аталған жазбалар үлесі (data/lexicons/barriers.tsv сөздігі)."};
  LexiconBlocks(c, "barriers", "barriers",
                {"Barriers by kind", "Барьеры по видам", "Кедергілер түрі бойынша"}, what, false,
                &s);
  LexiconBlocks(c, "barriers", "barriers-detail",
                {"Barriers in detail", "Барьеры подробно", "Кедергілер толығырақ"}, what, true, &s);
  return s;
}

report::Section ProgrammesSection(const Ctx& c) {
  report::Section s;
  s.id = "programmes";
  s.title = Tx({"Are state programmes mentioned?", "Упоминаются ли государственные программы?",
                "Мемлекеттік бағдарламалар аталады ма?"},
               c.lang);
  LexiconBlocks(
      c, "programmes", "programmes",
      {"Mentions of state programmes", "Упоминания государственных программ",
       "Мемлекеттік бағдарламалардың аталуы"},
      {"Share of posts that name each programme (official names, colloquial names and hashtags).",
       "Доля публикаций, где названа программа (официальные и разговорные названия, хэштеги).",
       "Бағдарлама аталған жазбалар үлесі (ресми және ауызекі атаулар, хэштегтер)."},
      true, &s);
  const json& pm = c.results["programmes_by_month"];
  if (!pm.empty()) {
    report::Figure f;
    f.id = "programmes-by-month";
    f.title = Tx({"Programme mentions per month", "Упоминания программ по месяцам",
                  "Айлар бойынша бағдарламалардың аталуы"},
                 c.lang);
    f.kind = report::ChartKind::kLine;
    for (const json& m : c.results["volume"]["months"])
      f.categories.push_back(m["month"].get<std::string>());
    for (const auto& [prog, months] : pm.items()) {
      report::Series ser{Label(prog, c.lang), {}, {}, {}};
      for (const auto& month : f.categories) {
        ser.values.push_back(
            months.contains(month) ? static_cast<double>(months[month].get<int64_t>()) : 0.0);
      }
      f.series.push_back(std::move(ser));
    }
    f.value_label = Tx(kPosts, c.lang);
    f.note = Note(c, Tx({"Original posts per month naming each programme.",
                         "Оригинальные публикации в месяц, где названа программа.",
                         "Бағдарлама аталған айлық түпнұсқа жазбалар."},
                        c.lang));
    s.blocks.push_back(Fig(std::move(f)));
  }
  return s;
}

report::Section GroupsSection(const Ctx& c) {
  report::Section s;
  s.id = "groups";
  s.title = Tx({"Which children are talked about", "О каких детях говорят",
                "Қандай балалар туралы айтылады"},
               c.lang);
  LexiconBlocks(c, "disability", "disability",
                {"Disability categories and special educational needs",
                 "Категории инвалидности и особые образовательные потребности",
                 "Мүгедектік санаттары және ерекше білім беру қажеттіліктері"},
                {"Share of posts that mention children in each category.",
                 "Доля публикаций, где упомянуты дети каждой категории.",
                 "Әр санаттағы балалар аталған жазбалар үлесі."},
                true, &s);
  LexiconBlocks(c, "groups", "groups-at-risk",
                {"Groups at risk of marginalisation", "Группы риска маргинализации",
                 "Шеттетілу қаупі бар топтар"},
                {"Share of posts that mention children of each group at risk.",
                 "Доля публикаций, где упомянуты дети из группы риска.",
                 "Тәуекел тобындағы балалар аталған жазбалар үлесі."},
                true, &s);
  return s;
}

report::Section GenderSection(const Ctx& c) {
  report::Section s;
  s.id = "gender";
  s.title = Tx({"Girls and boys", "Девочки и мальчики", "Қыздар мен ұлдар"}, c.lang);
  const json& g = c.results["gender"];
  report::Figure f;
  f.id = "gender";
  f.title = Tx({"Posts mentioning girls and boys", "Публикации, где упомянуты девочки и мальчики",
                "Қыздар мен ұлдар аталған жазбалар"},
               c.lang);
  f.kind = report::ChartKind::kBar;
  f.categories = {Tx({"girls", "девочки", "қыздар"}, c.lang),
                  Tx({"boys", "мальчики", "ұлдар"}, c.lang)};
  report::Series ser{Tx({"share of posts mentioning a girl or a boy, %",
                         "доля среди публикаций, где упомянуты девочка или мальчик, %",
                         "қыз не ұл аталған жазбалар ішіндегі үлес, %"},
                        c.lang),
                     {g["girls_share"].get<double>() * 100, g["boys_share"].get<double>() * 100},
                     {g["girls_low"].get<double>() * 100, g["boys_low"].get<double>() * 100},
                     {g["girls_high"].get<double>() * 100, g["boys_high"].get<double>() * 100}};
  f.series = {ser};
  f.value_label = "%";
  f.note = Note(
      c,
      Fmt(Tx({"Out of the {0} posts that mention a girl or a boy (daughter, son...), the share "
              "that mentions girls and the share "
              "that mentions boys, with 95 % Wilson intervals; {1} posts mention both and count in "
              "both shares.",
              "Среди {0} публикаций, где упомянуты девочка или мальчик (дочь, сын...), доля "
              "упоминающих девочек и доля "
              "упоминающих мальчиков с 95 % интервалами Уилсона; {1} публикаций упоминают обоих и "
              "входят в обе доли.",
              "Қыз не ұл (қызы, ұлы...) аталған {0} жазбаның ішінде қыздар аталғандар мен ұлдар "
              "аталғандардың үлесі, "
              "95 % Уилсон аралықтарымен; {1} жазбада екеуі де аталады және екі үлеске де кіреді."},
             c.lang),
          {Int(g["either"].get<int64_t>()), Int(g["both"].get<int64_t>())}));
  s.blocks.push_back(Fig(f));
  report::Table t;
  t.id = "gender";
  t.title = f.title;
  t.columns =
      Cols(c, {{"", "", ""},
               kPosts,
               {"share, % [95 % interval]", "доля, % [95 % интервал]", "үлес, % [95 % аралық]"}});
  t.rows.push_back({f.categories[0], Int(g["girls"].get<int64_t>()),
                    Pct(g["girls_share"].get<double>()) + " % [" +
                        Pct(g["girls_low"].get<double>()) + "–" +
                        Pct(g["girls_high"].get<double>()) + "]"});
  t.rows.push_back({f.categories[1], Int(g["boys"].get<int64_t>()),
                    Pct(g["boys_share"].get<double>()) + " % [" + Pct(g["boys_low"].get<double>()) +
                        "–" + Pct(g["boys_high"].get<double>()) + "]"});
  t.rows.push_back({Tx({"both", "оба", "екеуі де"}, c.lang), Int(g["both"].get<int64_t>()), ""});
  t.rows.push_back({Tx({"girls or boys", "девочки или мальчики", "қыздар не ұлдар"}, c.lang),
                    Int(g["either"].get<int64_t>()), ""});
  t.note = f.note;
  s.blocks.push_back(Tab(std::move(t)));
  return s;
}

report::Section RegionsSection(const Ctx& c, const geo::Gazetteer& gaz) {
  report::Section s;
  s.id = "regions";
  s.title = Tx({"Where in the country the talk is — and where it is missing",
                "Где в стране об этом говорят — и где не говорят",
                "Елдің қай жерінде айтылады — және қай жерінде айтылмайды"},
               c.lang);
  const json& r = c.results["regions"];
  report::Figure f;
  f.id = "regions-per-capita";
  f.title = Tx({"Posts per 100,000 people", "Публикации на 100 000 жителей",
                "100 000 тұрғынға шаққандағы жазбалар"},
               c.lang);
  f.kind = report::ChartKind::kTileMap;
  report::Series ser{f.title, {}, {}, {}};
  report::Table t;
  t.id = "regions";
  t.title = f.title;
  t.columns = Cols(
      c, {{"region", "регион", "өңір"},
          {"code", "код", "код"},
          kPosts,
          {"population", "население", "халық саны"},
          {"posts per 100,000 people", "публикаций на 100 000 жителей", "100 000 тұрғынға жазба"},
          {"flag", "отметка", "белгі"}});
  std::string thin = Tx({"thin data", "мало данных", "деректер аз"}, c.lang);
  std::string nopop =
      Tx({"no population figure", "нет данных о населении", "халық саны туралы дерек жоқ"}, c.lang);
  for (const json& u : r["units"]) {
    std::string iso = u["iso"].get<std::string>();
    std::string name = u[c.lang == "ru"   ? "name_ru"
                         : c.lang == "kk" ? "name_kk"
                                          : "name_en"]
                           .get<std::string>();
    f.categories.push_back(iso);
    bool no_pop = u["no_population"].get<bool>();
    bool is_thin = u["thin"].get<bool>();
    ser.values.push_back(no_pop ? std::optional<double>()
                                : std::optional<double>(u["per_100k"].get<double>()));
    std::string flag = no_pop ? nopop : "";
    if (is_thin) flag += (flag.empty() ? "" : "; ") + thin;
    if (!flag.empty()) f.flags[iso] = flag;
    t.rows.push_back({name, iso, Int(u["posts"].get<int64_t>()),
                      no_pop ? "" : Int(u["population"].get<int64_t>()),
                      no_pop ? "" : Num(u["per_100k"].get<double>(), 2), flag});
  }
  (void)gaz;
  f.series = {ser};
  f.value_label =
      Tx({"posts per 100,000 people", "публикаций на 100 000 жителей", "100 000 тұрғынға жазба"},
         c.lang);
  f.note = Note(
      c, Fmt(Tx({"Original posts placed in each of the 20 units (from the platform's place, else "
                 "place names in the text; a post naming two "
                 "units counts for both), per 100,000 inhabitants (population from "
                 "data/gazetteer/regions.csv). {0} posts could be "
                 "placed, {1} could not. Units with fewer than {2} posts are flagged as thin data; "
                 "units without a verified "
                 "population figure have no rate.",
                 "Оригинальные публикации, отнесённые к каждой из 20 единиц (по месту от "
                 "платформы, иначе по названиям мест в тексте; "
                 "публикация с двумя единицами учитывается в обеих), на 100 000 жителей (население "
                 "из data/gazetteer/regions.csv). "
                 "Место определено у {0} публикаций, не определено у {1}. Единицы с числом "
                 "публикаций меньше {2} отмечены как "
                 "«мало данных»; для единиц без проверенных данных о населении показатель не "
                 "рассчитан.",
                 "20 бірліктің әрқайсысына жатқызылған түпнұсқа жазбалар (платформа берген орын, "
                 "болмаса мәтіндегі жер атаулары "
                 "бойынша; екі бірлік аталса, екеуінде де саналады), 100 000 тұрғынға шаққанда "
                 "(халық саны data/gazetteer/regions.csv). "
                 "{0} жазбаның орны анықталды, {1} жазбанікі анықталмады. {2}-ден аз жазбасы бар "
                 "бірліктер «деректер аз» деп "
                 "белгіленген; тексерілген халық саны жоқ бірліктер үшін көрсеткіш есептелмеген."},
                c.lang),
             {Int(r["posts_with_region"].get<int64_t>()),
              Int(r["posts_without_region"].get<int64_t>()),
              Int(r["thin_data_posts"].get<int64_t>())}));
  t.note = f.note;
  s.blocks.push_back(Fig(std::move(f)));
  s.blocks.push_back(Tab(std::move(t)));
  return s;
}

report::Section StigmaSection(const Ctx& c, const std::vector<LexiconEntry>& lexicon) {
  report::Section s;
  s.id = "stigma";
  s.title = Tx({"How stigmatising language changes", "Как меняется стигматизирующий язык",
                "Стигмалайтын тіл қалай өзгереді"},
               c.lang);
  const json& st = c.results["stigma"];
  report::Figure f;
  f.id = "stigma-by-quarter";
  f.title = Tx({"Share of posts with stigmatising wording, per quarter",
                "Доля публикаций со стигматизирующими формулировками по кварталам",
                "Стигмалайтын сөздері бар жазбалар үлесі, тоқсан бойынша"},
               c.lang);
  f.kind = report::ChartKind::kLine;
  report::Series ser{
      Tx({"stigmatising, %", "стигматизирующие, %", "стигмалайтын, %"}, c.lang), {}, {}, {}};
  report::Table t;
  t.id = "stigma-by-quarter";
  t.title = f.title;
  t.columns = Cols(
      c,
      {{"quarter", "квартал", "тоқсан"},
       {"posts with any disability wording from the lexicon",
        "публикации с любой формулировкой об инвалидности из словаря",
        "сөздіктегі мүгедектік туралы кез келген сөзі бар жазбалар"},
       {"with stigmatising wording", "со стигматизирующей формулировкой", "стигмалайтын сөзі бар"},
       {"with person-first wording", "с уважительной формулировкой («сначала человек»)",
        "адамға бағытталған сөзі бар"},
       {"stigmatising share, % [95 % interval]", "доля стигматизирующих, % [95 % интервал]",
        "стигмалайтын үлесі, % [95 % аралық]"}});
  for (const json& q : st["quarters"]) {
    f.categories.push_back(q["quarter"].get<std::string>());
    ser.values.push_back(q["share"].get<double>() * 100);
    ser.low.push_back(q["low"].get<double>() * 100);
    ser.high.push_back(q["high"].get<double>() * 100);
    t.rows.push_back({q["quarter"].get<std::string>(), Int(q["any"].get<int64_t>()),
                      Int(q["stigmatising"].get<int64_t>()), Int(q["person_first"].get<int64_t>()),
                      Share(q)});
  }
  f.series = {ser};
  f.value_label = "%";
  f.note = Note(c, Tx({"Per quarter: posts with stigmatising wording out of posts with "
                       "stigmatising or person-first wording (lexicon "
                       "data/lexicons/stigma.tsv; a post with both counts in the numerator), with "
                       "95 % Wilson intervals.",
                       "По кварталам: публикации со стигматизирующими формулировками среди "
                       "публикаций со стигматизирующими или "
                       "уважительными формулировками (словарь data/lexicons/stigma.tsv; публикация "
                       "с обеими входит в числитель), с 95 % "
                       "интервалами Уилсона.",
                       "Тоқсан бойынша: стигмалайтын не адамға бағытталған сөздері бар жазбалардың "
                       "ішіндегі стигмалайтын сөзі барлары "
                       "(data/lexicons/stigma.tsv сөздігі; екеуі де бар жазба алымға кіреді), 95 % "
                       "Уилсон аралықтарымен."},
                      c.lang));
  t.note = f.note;
  s.blocks.push_back(Fig(std::move(f)));
  s.blocks.push_back(Tab(std::move(t)));
  // Quoted terms as found.
  report::Table q;
  q.id = "stigma-terms";
  q.title = Tx({"Stigmatising terms found in posts (quoted as data)",
                "Стигматизирующие слова, найденные в публикациях (цитаты из данных)",
                "Жазбалардан табылған стигмалайтын сөздер (деректен алынған дәйексөз)"},
               c.lang);
  q.columns =
      Cols(c, {{"quoted term found in posts", "цитата из публикаций", "жазбалардағы дәйексөз"},
               kPosts,
               {"person-first wording to use instead", "уважительная формулировка вместо него",
                "оның орнына адамға бағытталған сөз"}});
  for (const json& e : st["terms"]) {
    std::string term = e["term"].get<std::string>();
    std::string alt;
    // The alternative of the first stigmatising entry whose term contains the word's start.
    for (const LexiconEntry& le : lexicon) {
      if (le.kind != "stigmatising" || le.alternative.empty()) continue;
      std::string first = term.substr(0, term.find(' '));
      std::string stem = first.substr(0, std::min<size_t>(first.size(), 8));
      std::string lower = le.term;
      if (lower.find(stem) != std::string::npos) {
        alt = le.alternative;
        break;
      }
    }
    q.rows.push_back({"«" + term + "»", Int(e["posts"].get<int64_t>()), alt});
  }
  q.note = Note(
      c, Tx({"Words as they were found in posts, quoted; the report does not use them as labels.",
             "Слова в том виде, в каком они найдены в публикациях, в кавычках; отчёт не использует "
             "их как ярлыки.",
             "Жазбаларда табылған түрінде, тырнақшада берілген сөздер; есеп оларды белгі ретінде "
             "қолданбайды."},
            c.lang));
  s.blocks.push_back(Tab(std::move(q)));
  return s;
}

report::Section SentimentSection(const Ctx& c, const json& meta) {
  report::Section s;
  s.id = "sentiment";
  s.title = Tx({"Tone of posts (sentiment)", "Тональность публикаций",
                "Жазбалардың көңіл-күйі (тональдылық)"},
               c.lang);
  const json& se = c.results["sentiment"];
  if (!meta["sentiment_available"].get<bool>()) {
    s.blocks.push_back(Para(
        Tx({"Sentiment is not available for this run: no sentiment model was found, so posts were "
            "not rated. Train one "
            "with `tenlik text sentiment-train` and run the study again.",
            "Тональность для этого запуска недоступна: модель тональности не найдена, публикации "
            "не оценены. "
            "Обучите её командой `tenlik text sentiment-train` и запустите исследование снова.",
            "Бұл іске қосу үшін тональдылық қолжетімсіз: тональдылық моделі табылмады, жазбалар "
            "бағаланбады. "
            "Оны `tenlik text sentiment-train` командасымен оқытып, зерттеуді қайта іске қосыңыз."},
           c.lang) +
        " (" + meta["sentiment_note"].get<std::string>() + ")"));
    return s;
  }
  report::Figure f;
  f.id = "sentiment";
  f.title = Tx({"Tone of posts by group of authors", "Тональность публикаций по группам авторов",
                "Авторлар тобы бойынша жазбалардың көңіл-күйі"},
               c.lang);
  f.kind = report::ChartKind::kStackedBar;
  const std::vector<std::pair<std::string, L>> pols = {
      {"positive", {"positive", "позитивные", "оң"}},
      {"negative", {"negative", "негативные", "теріс"}},
      {"not_rated", {"not rated", "без оценки", "бағаланбаған"}}};
  std::vector<std::pair<std::string, std::string>> groups = {
      {"", Tx({"all posts", "все публикации", "барлық жазбалар"}, c.lang)},
      {"group:sub", c.study.keyness.name.In(c.lang)},
      {"group:rest", c.study.keyness.rest.In(c.lang)}};
  for (const auto& g : groups) f.categories.push_back(g.second);
  report::Table t;
  t.id = "sentiment";
  t.title = f.title;
  t.columns = {Tx({"group", "группа", "топ"}, c.lang)};
  for (const auto& [k, l] : pols) t.columns.push_back(Tx(l, c.lang) + ", %");
  t.columns.push_back(Tx(kPosts, c.lang));
  std::vector<std::vector<double>> shares(pols.size());
  for (const auto& g : groups) {
    const json& counts =
        g.first.empty()
            ? se["counts"]
            : (se["by_group"].contains(g.first) ? se["by_group"][g.first] : json::object());
    int64_t n = 0;
    for (const auto& [k, l] : pols) n += counts.value(k, int64_t{0});
    std::vector<std::string> row = {g.second};
    for (size_t i = 0; i < pols.size(); ++i) {
      double share = n ? static_cast<double>(counts.value(pols[i].first, int64_t{0})) / n : 0.0;
      shares[i].push_back(share * 100);
      row.push_back(Pct(share));
    }
    row.push_back(Int(n));
    t.rows.push_back(row);
  }
  for (size_t i = 0; i < pols.size(); ++i) {
    f.series.push_back({Tx(pols[i].second, c.lang), {}, {}, {}});
    for (double v : shares[i]) f.series.back().values.push_back(v);
  }
  f.value_label = "%";
  f.note = Note(c, Fmt(Tx({"Share of posts a polarity classifier ({0}) rates positive or negative; "
                           "posts it is not confident about are "
                           "\"not rated\". The classifier is trained on product and service "
                           "reviews, not on talk about education, "
                           "and makes mistakes.",
                           "Доля публикаций, которые классификатор тональности ({0}) оценил как "
                           "позитивные или негативные; публикации, "
                           "в которых он не уверен, — «без оценки». Классификатор обучен на "
                           "отзывах о товарах и услугах, а не на "
                           "текстах об образовании, и ошибается.",
                           "Тональдылық жіктеуіші ({0}) оң не теріс деп бағалаған жазбалар үлесі; "
                           "сенімсіз жазбалар — «бағаланбаған». "
                           "Жіктеуіш білім туралы мәтіндерде емес, тауарлар мен қызметтер туралы "
                           "пікірлерде оқытылған және қателеседі."},
                          c.lang),
                       {meta["sentiment_model"].get<std::string>()}));
  t.note = f.note;
  s.blocks.push_back(Fig(std::move(f)));
  s.blocks.push_back(Tab(std::move(t)));
  return s;
}

report::Section SideBySideSection(const Ctx& c) {
  report::Section s;
  s.id = "side-by-side";
  s.title = Fmt(
      Tx({"Side by side: {0} and {1}", "Сравнение: {0} и {1}", "Салыстыру: {0} мен {1}"}, c.lang),
      {c.study.keyness.name.In(c.lang), c.study.keyness.rest.In(c.lang)});
  const json& side = c.results["side_by_side"];
  std::vector<std::string> groups;
  std::vector<std::string> names;
  for (const std::string g : {"group:sub", "group:rest"}) {
    groups.push_back(g);
    names.push_back(g == "group:sub" ? c.study.keyness.name.In(c.lang)
                                     : c.study.keyness.rest.In(c.lang));
  }
  for (const auto& [g, m] : side.items()) {
    if (g.rfind("corpus:", 0) == 0) {
      groups.push_back(g);
      names.push_back(Tx({"corpus ", "корпус ", "корпус "}, c.lang) + g.substr(7));
    }
  }
  report::Table t;
  t.id = "side-by-side";
  t.title = s.title;
  t.columns = {Tx(
      {"share of the group's posts that mention…, %", "доля публикаций группы, где упомянуто…, %",
       "топ жазбаларының ішінде … аталғандар үлесі, %"},
      c.lang)};
  for (const auto& n : names) t.columns.push_back(n);
  auto get = [&](const std::string& g, const std::string& m) -> int64_t {
    return side.contains(g) ? side[g].value(m, int64_t{0}) : 0;
  };
  std::vector<std::string> posts_row = {
      Tx({"posts (count)", "публикации (число)", "жазбалар (саны)"}, c.lang)};
  for (const auto& g : groups) posts_row.push_back(Int(get(g, "posts")));
  t.rows.push_back(posts_row);
  std::vector<std::pair<std::string, std::string>> metrics;
  for (const auto& sub : c.study.subtopics)
    metrics.push_back({"subtopic:" + sub.id, sub.name.In(c.lang)});
  for (const char* cat : {"barriers:abuse", "barriers:access", "barriers:attitudes",
                          "barriers:capacity", "barriers:specialists", "barriers:funding",
                          "barriers:assessment", "barriers:transport", "programmes:programme"}) {
    std::string k = cat;
    metrics.push_back({"lexcat:" + k, Label(k.substr(k.find(':') + 1), c.lang)});
  }
  metrics.push_back({"girls", Tx({"girls", "девочки", "қыздар"}, c.lang)});
  metrics.push_back({"boys", Tx({"boys", "мальчики", "ұлдар"}, c.lang)});
  metrics.push_back({"stigmatising", Tx({"stigmatising wording", "стигматизирующие формулировки",
                                         "стигмалайтын сөздер"},
                                        c.lang)});
  for (const auto& [key, label] : metrics) {
    std::vector<std::string> row = {label};
    for (const auto& g : groups) {
      int64_t n = get(g, "posts");
      row.push_back(n ? Pct(static_cast<double>(get(g, key)) / n) : "");
    }
    t.rows.push_back(row);
  }
  t.note = Note(c, Fmt(Tx({"Each column: share of that group's original posts. Groups by {0} "
                           "(author type as exported or from the "
                           "organisations list at ingest) and by corpus.",
                           "Каждый столбец — доля оригинальных публикаций этой группы. Группы по "
                           "полю {0} (тип автора из выгрузки или "
                           "из списка организаций при загрузке) и по корпусам.",
                           "Әр баған — сол топтың түпнұсқа жазбаларының үлесі. Топтар {0} өрісі "
                           "(экспорттағы не жүктеу кезіндегі "
                           "ұйымдар тізіміндегі автор түрі) және корпус бойынша."},
                          c.lang),
                       {c.study.keyness.field}));
  s.blocks.push_back(Tab(std::move(t)));

  // Keyness.
  const json& k = c.results["keyness"];
  report::Table kt;
  kt.id = "keyness";
  kt.title = Fmt(Tx({"Words typical of {0} compared with {1}",
                     "Слова, характерные для группы «{0}» по сравнению с группой «{1}»",
                     "«{1}» тобымен салыстырғанда «{0}» тобына тән сөздер"},
                    c.lang),
                 {c.study.keyness.name.In(c.lang), c.study.keyness.rest.In(c.lang)});
  kt.columns = Cols(
      c, {{"word", "слово", "сөз"},
          {"occurrences in the group", "в группе", "топта"},
          {"occurrences in the rest", "в остальных", "қалғандарында"},
          {"log-likelihood G2", "логарифм правдоподобия G2", "логарифмдік шындыққа ұқсастық G2"}});
  for (const json& e : k["terms"]) {
    kt.rows.push_back({e["term"].get<std::string>(), Int(e["sub"].get<int64_t>()),
                       Int(e["rest"].get<int64_t>()), Num(e["g2"].get<double>(), 1)});
  }
  kt.note = Note(c, Fmt(Tx({"Words used more often in the group than in the rest, ranked by "
                            "Dunning's log-likelihood G2 (above 3.84 ≈ p < 0.05, "
                            "above 10.83 ≈ p < 0.001); {0} words in the group, {1} in the rest; "
                            "stop-words left out; only words found in at "
                            "least {2} posts.",
                            "Слова, которые группа использует чаще остальных, по логарифму "
                            "правдоподобия Даннинга G2 (больше 3,84 ≈ p < 0,05, "
                            "больше 10,83 ≈ p < 0,001); {0} слов в группе, {1} в остальных; без "
                            "стоп-слов; только слова, встреченные не "
                            "менее чем в {2} публикациях.",
                            "Топ қалғандарынан жиірек қолданатын сөздер, Даннингтің G2 логарифмдік "
                            "шындыққа ұқсастығы бойынша (3,84-тен "
                            "жоғары ≈ p < 0,05, 10,83-тен жоғары ≈ p < 0,001); топта {0} сөз, "
                            "қалғандарында {1}; тоқтату сөздерсіз; кемінде "
                            "{2} жазбада кездескен сөздер ғана."},
                           c.lang),
                        {Int(k["sub_tokens"].get<int64_t>()), Int(k["rest_tokens"].get<int64_t>()),
                         Int(c.study.thresholds.small_cell)}));
  s.blocks.push_back(Tab(std::move(kt)));
  return s;
}

report::Section HashtagSection(const Ctx& c) {
  report::Section s;
  s.id = "hashtags";
  s.title = Tx({"Hashtags", "Хэштеги", "Хэштегтер"}, c.lang);
  const json& h = c.results["hashtags"];
  report::Table t;
  t.id = "hashtags";
  t.title = Tx({"Top hashtags", "Самые частые хэштеги", "Ең жиі хэштегтер"}, c.lang);
  t.columns = Cols(c, {{"hashtag", "хэштег", "хэштег"}, kPosts});
  for (const json& e : h["top"])
    t.rows.push_back({e["tag"].get<std::string>(), Int(e["posts"].get<int64_t>())});
  t.note =
      Note(c, Fmt(Tx({"Original posts per hashtag; only hashtags used in at least {0} posts are "
                      "listed (a rarer tag could point to "
                      "one person). The co-hashtag network ({1} links) is in hashtags.gexf (open "
                      "it with Gephi).",
                      "Оригинальные публикации с каждым хэштегом; показаны только хэштеги из не "
                      "менее чем {0} публикаций (более "
                      "редкий может указать на человека). Сеть совместных хэштегов ({1} связей) — "
                      "в файле hashtags.gexf (откройте в Gephi).",
                      "Әр хэштегі бар түпнұсқа жазбалар; кемінде {0} жазбада қолданылған хэштегтер "
                      "ғана көрсетілген (сиректері "
                      "адамды анықтауы мүмкін). Бірге қолданылған хэштегтер желісі ({1} байланыс) "
                      "— hashtags.gexf файлында (Gephi-мен ашыңыз)."},
                     c.lang),
                  {Int(c.study.thresholds.small_cell), Int(h["network_edges"].get<int64_t>())}));
  s.blocks.push_back(Tab(std::move(t)));
  return s;
}

report::Section TopicsSection(const Ctx& c, const json& topics) {
  report::Section s;
  s.id = "topics";
  s.title = Tx({"Topics found by the topic model", "Темы, найденные тематической моделью",
                "Тақырыптық модель тапқан тақырыптар"},
               c.lang);
  if (!topics.contains("topics")) {
    s.blocks.push_back(
        Para(Tx({"The topic model was not run (too few posts or words).",
                 "Тематическая модель не запускалась (слишком мало публикаций или слов).",
                 "Тақырыптық модель іске қосылмады (жазбалар не сөздер тым аз)."},
                c.lang)));
    return s;
  }
  report::Table t;
  t.id = "topics";
  t.title = Tx({"Topics and their most probable words", "Темы и их наиболее вероятные слова",
                "Тақырыптар және олардың ең ықтимал сөздері"},
               c.lang);
  t.columns = Cols(c, {{"topic", "тема", "тақырып"},
                       {"top words", "главные слова", "негізгі сөздер"},
                       {"share of words, %", "доля слов, %", "сөздер үлесі, %"}});
  for (const json& tp : topics["topics"]) {
    std::string words;
    for (const json& w : tp["words"])
      words += (words.empty() ? "" : ", ") + w["word"].get<std::string>();
    t.rows.push_back({Int(tp["id"].get<int64_t>() + 1), words, Pct(tp["share"].get<double>())});
  }
  t.note =
      Note(c, Fmt(Tx({"LDA with {0} topics (collapsed Gibbs sampling, {1} sweeps) over {2} "
                      "original posts ({3} words after stop-words); "
                      "held-out perplexity {4} on {5} held-out posts (lower is better). Topics are "
                      "word patterns, named by people who read them.",
                      "LDA с {0} темами (свёрнутое семплирование Гиббса, {1} проходов) по {2} "
                      "оригинальным публикациям ({3} слов без "
                      "стоп-слов); перплексия на отложенных данных {4} по {5} публикациям (меньше "
                      "— лучше). Темы — это сочетания слов; "
                      "называть их должен человек, прочитавший их.",
                      "{0} тақырыбы бар LDA (жинақталған Гиббс іріктеуі, {1} өту) {2} түпнұсқа "
                      "жазба бойынша (тоқтату сөздерсіз {3} сөз); "
                      "бөлек қалдырылған {5} жазбадағы перплексия {4} (азы — жақсы). Тақырыптар — "
                      "сөз үйлесімдері; оларды оқыған адам атайды."},
                     c.lang),
                  {Int(topics["k"].get<int64_t>()), Int(topics["iterations"].get<int64_t>()),
                   Int(topics["documents"].get<int64_t>()), Int(topics["tokens"].get<int64_t>()),
                   Num(topics["perplexity"].get<double>(), 1),
                   Int(topics["heldout_documents"].get<int64_t>())}));
  s.blocks.push_back(Tab(std::move(t)));
  for (const char* by : {"by_month", "by_platform"}) {
    report::Figure f;
    f.id = std::string("topics-") + (std::string(by) == "by_month" ? "by-month" : "by-platform");
    f.title = std::string(by) == "by_month"
                  ? Tx({"Topic shares per month", "Доли тем по месяцам",
                        "Айлар бойынша тақырыптар үлесі"},
                       c.lang)
                  : Tx({"Topic shares per platform", "Доли тем по платформам",
                        "Платформалар бойынша тақырыптар үлесі"},
                       c.lang);
    f.kind = report::ChartKind::kStackedBar;
    int k = topics["k"].get<int>();
    f.series.resize(static_cast<size_t>(k));
    for (int i = 0; i < k; ++i)
      f.series[static_cast<size_t>(i)].name =
          Tx({"topic ", "тема ", "тақырып "}, c.lang) + Int(i + 1);
    for (const json& g : topics[by]) {
      f.categories.push_back(g["key"].get<std::string>());
      for (int i = 0; i < k; ++i)
        f.series[static_cast<size_t>(i)].values.push_back(
            g["share"][static_cast<size_t>(i)].get<double>() * 100);
    }
    f.value_label = "%";
    f.note = Note(c, Tx({"Share of the words of the group's posts assigned to each topic.",
                         "Доля слов публикаций группы, отнесённых к каждой теме.",
                         "Топ жазбаларындағы әр тақырыпқа жатқызылған сөздер үлесі."},
                        c.lang));
    s.blocks.push_back(Fig(std::move(f)));
  }
  return s;
}

report::Section MethodSection(const Ctx& c, const json& meta) {
  report::Section s;
  s.id = "method";
  s.title = Tx({"Method, privacy and limitations", "Метод, конфиденциальность и ограничения",
                "Әдіс, құпиялылық және шектеулер"},
               c.lang);
  s.blocks.push_back(Para(Fmt(
      Tx({"Posts were pseudonymised at ingest; this report never shows author names or pseudonyms. "
          "Counts are of posts, not of people, so "
          "small counts do not identify anyone and are shown; hashtags and words seen in fewer "
          "than {0} posts are not listed, because a "
          "rare tag or word can point to one person. Study fingerprint {1}; lexicons and queries "
          "are in the study file {2}.",
          "Авторы публикаций заменены псевдонимами при загрузке; отчёт никогда не показывает имена "
          "или псевдонимы авторов. Считаются "
          "публикации, а не люди, поэтому малые числа никого не идентифицируют и показываются; "
          "хэштеги и слова, встреченные менее чем в {0} "
          "публикациях, не приводятся, так как редкий тег или слово может указать на человека. "
          "Отпечаток исследования {1}; словари и "
          "запросы — в файле исследования {2}.",
          "Жазба авторлары жүктеу кезінде бүркеншік атпен ауыстырылды; есеп авторлардың аты-жөнін "
          "не бүркеншік атын ешқашан көрсетпейді. "
          "Адамдар емес, жазбалар саналады, сондықтан шағын сандар ешкімді анықтамайды және "
          "көрсетіледі; {0}-ден аз жазбада кездескен "
          "хэштегтер мен сөздер келтірілмейді, себебі сирек тег не сөз бір адамды көрсетуі мүмкін. "
          "Зерттеу таңбасы {1}; сөздіктер мен "
          "сұраныстар {2} зерттеу файлында."},
         c.lang),
      {Int(c.study.thresholds.small_cell), meta["fingerprint"].get<std::string>(), c.study.path})));
  s.blocks.push_back(Para(Tx({"Limitations: lexicons and queries find words, not meaning — irony, "
                              "quotes and negation are counted like any mention; regions "
                              "are known only for posts with a place or a place name; the "
                              "sentiment classifier was not trained on this kind of text; "
                              "the posts are those the exports contain, not all that was said.",
                              "Ограничения: словари и запросы находят слова, а не смысл — ирония, "
                              "цитаты и отрицание считаются как любое упоминание; регион "
                              "известен только для публикаций с местом или названием места; "
                              "классификатор тональности обучен не на таких текстах; "
                              "публикации — только те, что есть в выгрузках, а не всё сказанное.",
                              "Шектеулер: сөздіктер мен сұраныстар мағынаны емес, сөздерді табады "
                              "— кекесін, дәйексөз және терістеу кәдімгі аталым ретінде "
                              "саналады; өңір тек орны не жер атауы бар жазбалар үшін белгілі; "
                              "тональдылық жіктеуіші мұндай мәтіндерде оқытылмаған; "
                              "жазбалар — айтылғанның бәрі емес, тек экспорттағылары."},
                             c.lang)));
  return s;
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
          break;  // not allowed in XML 1.0
        out += ch;
    }
  }
  return out;
}

Status WriteGexf(const Study& study, const StudyCounts& counts, const std::string& path) {
  const auto& tags = counts.tables.count("orig:hashtag") ? counts.tables.at("orig:hashtag")
                                                         : std::map<std::string, int64_t>{};
  std::map<std::string, int> ids;
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
      "  <meta><creator>Tenlik</creator><description>" +
      XmlEscape("Co-hashtag network: " + study.name.en + ". Nodes: hashtags in at least " +
                std::to_string(study.thresholds.small_cell) +
                " original posts (weight = posts); edges: posts with both hashtags.") +
      "</description></meta>\n"
      "  <graph defaultedgetype=\"undirected\">\n"
      "    <attributes class=\"node\"><attribute id=\"0\" title=\"posts\" "
      "type=\"integer\"/></attributes>\n"
      "    <nodes>\n";
  for (const auto& [tag, n] : tags) {
    if (n < study.thresholds.small_cell) continue;
    int id = static_cast<int>(ids.size());
    ids[tag] = id;
    out += "      <node id=\"" + std::to_string(id) + "\" label=\"" + XmlEscape(tag) +
           "\"><attvalues><attvalue for=\"0\" value=\"" + std::to_string(n) +
           "\"/></attvalues></node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  int edge = 0;
  if (counts.tables.count("orig:cohashtag")) {
    for (const auto& [pair, n] : counts.tables.at("orig:cohashtag")) {
      size_t tab = pair.find('\t');
      auto a = ids.find(pair.substr(0, tab)), b = ids.find(pair.substr(tab + 1));
      if (a == ids.end() || b == ids.end()) continue;
      out += "      <edge id=\"" + std::to_string(edge++) + "\" source=\"" +
             std::to_string(a->second) + "\" target=\"" + std::to_string(b->second) +
             "\" weight=\"" + std::to_string(n) + "\"/>\n";
    }
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  std::ofstream f(path, std::ios::binary);
  f << out;
  if (!f) return IoError("cannot write " + path);
  return Status::Ok();
}

json RunTopics(const Study& study, const std::vector<TopicDocument>& docs,
               const StudyCounts& counts) {
  json out = json::object();
  std::vector<std::vector<std::string>> all_terms;
  for (const auto& d : docs) all_terms.push_back(d.terms);
  topics::VocabularyOptions vo;
  vo.min_doc_freq = 3;
  vo.max_doc_share = 0.4;
  topics::Vocabulary vocab = topics::Vocabulary::Build(all_terms, vo);
  if (vocab.size() < 10 || docs.size() < 20) return out;
  topics::Corpus train, heldout;
  std::vector<std::string> months, platforms;
  for (size_t d = 0; d < docs.size(); ++d) {
    uint64_t key[2] = {static_cast<uint64_t>(d), study.topics.seed};
    double u = static_cast<double>(XXH3_64bits(key, sizeof key) % 1000000) / 1e6;
    if (u < study.topics.heldout) {
      heldout.Add(vocab, docs[d].terms);
    } else {
      train.Add(vocab, docs[d].terms);
      months.push_back(docs[d].month);
      platforms.push_back(docs[d].platform);
    }
  }
  topics::LdaOptions lo;
  lo.num_topics = study.topics.k;
  lo.alpha = 50.0 / study.topics.k / 10.0;
  lo.beta = 0.01;
  lo.seed = study.topics.seed;
  Result<topics::LdaTrainer> lda = topics::LdaTrainer::Create(vocab, train, lo);
  if (!lda.ok()) return out;
  lda->Run(study.topics.iterations);
  topics::TopicModel model = lda->Model();
  topics::InferOptions io;
  io.seed = study.topics.seed;
  topics::PerplexityResult px = model.HeldOutPerplexity(heldout, io);
  json list = json::array();
  const auto& stats = model.stats();
  int64_t total_tokens = 0;
  for (int64_t t : stats.totals) total_tokens += t;
  for (int k = 0; k < model.num_topics(); ++k) {
    json words = json::array();
    for (const auto& w : model.TopWords(k, static_cast<size_t>(study.topics.top_words))) {
      words.push_back(
          {{"word", SurfaceForm(counts, w.word)}, {"key", w.word}, {"p", w.probability}});
    }
    list.push_back(
        {{"id", k},
         {"words", words},
         {"share", total_tokens
                       ? static_cast<double>(stats.totals[static_cast<size_t>(k)]) / total_tokens
                       : 0.0}});
  }
  auto groups = [&](const std::vector<std::string>& keys) {
    json arr = json::array();
    Result<std::vector<topics::GroupShares>> g = lda->SharesByGroup(keys);
    if (!g.ok()) return arr;
    for (const auto& s : *g)
      arr.push_back(
          {{"key", s.key}, {"documents", s.documents}, {"tokens", s.tokens}, {"share", s.share}});
    return arr;
  };
  out = {{"k", study.topics.k},
         {"iterations", study.topics.iterations},
         {"documents", train.num_docs()},
         {"tokens", train.num_tokens()},
         {"vocabulary", vocab.size()},
         {"heldout_documents", px.documents},
         {"heldout_tokens", px.tokens},
         {"perplexity", px.perplexity},
         {"topics", list},
         {"by_month", groups(months)},
         {"by_platform", groups(platforms)}};
  return out;
}

}  // namespace

Result<StudyRunReport> RunStudy(store::Connection& db, const Study& study,
                                const StudyRunOptions& options) {
  const std::string lang = options.lang == "ru" || options.lang == "kk" ? options.lang : "en";
  StudyRunReport run;
  auto stage = [&](const std::string& s) {
    if (options.on_stage) options.on_stage(s);
  };
  // An earlier run to compare with is read first: a wrong path fails at once, not
  // after the pass over the posts.
  std::optional<json> previous;
  if (!options.compare_with.empty()) {
    TENLIK_ASSIGN_OR_RETURN(previous, LoadPreviousResults(options.compare_with));
  }
  stage("annotate");
  TENLIK_ASSIGN_OR_RETURN(Annotator annotator, Annotator::Create(study, options.annotate));
  StudyPassOptions pass;
  pass.annotator = &annotator;
  pass.count = true;
  pass.keep_documents = options.topics;
  pass.annotate = options.annotate;
  TENLIK_ASSIGN_OR_RETURN(StudyPassResult counted, RunStudyPass(db, study, pass));
  run.annotate = std::move(counted.annotate);
  if (run.annotate.cancelled)
    return Cancelled("interrupted while annotating; run again to continue");
  const StudyCounts& counts = counted.counts;
  const std::vector<TopicDocument>& docs = counted.documents;
  TENLIK_ASSIGN_OR_RETURN(std::string gdir, ResolveGazetteerDir(study));
  TENLIK_ASSIGN_OR_RETURN(geo::Gazetteer gazetteer, geo::Gazetteer::Load(gdir));
  json results = ComputeResults(study, counts, gazetteer);
  run.posts = results["posts"]["all"].get<int64_t>();
  run.original_posts = results["posts"]["original"].get<int64_t>();

  stage("topics");
  json topics_json = options.topics ? RunTopics(study, docs, counts) : json::object();
  if (topics_json.contains("perplexity")) run.perplexity = topics_json["perplexity"].get<double>();
  results["topics"] = topics_json;

  int64_t queries = 0;
  for (const auto& s : study.subtopics) queries += static_cast<int64_t>(s.queries.size());
  char generated[32];
  std::time_t now = std::time(nullptr);
  std::strftime(generated, sizeof generated, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  json meta = {{"name", {{"en", study.name.en}, {"ru", study.name.ru}, {"kk", study.name.kk}}},
               {"path", study.path},
               {"period", {{"from", study.period_from}, {"to", study.period_to}}},
               {"timezone_offset_minutes", study.utc_offset_minutes},
               {"corpora", study.corpora},
               {"languages", study.languages},
               {"fingerprint", annotator.fingerprint()},
               {"queries", queries},
               {"patterns", annotator.pattern_count()},
               {"sentiment_available", annotator.sentiment_available()},
               {"sentiment_note", annotator.sentiment_note()},
               {"sentiment_model", annotator.sentiment_model_version()},
               {"annotated_this_run", run.annotate.annotated},
               {"annotated_before", run.annotate.already},
               {"in_scope", run.annotate.in_scope},
               {"generated_at", generated},
               {"thresholds",
                {{"thin_data_posts", study.thresholds.thin_data_posts},
                 {"small_cell", study.thresholds.small_cell},
                 {"spike_z", study.thresholds.spike_z},
                 {"spike_window", study.thresholds.spike_window}}}};
  results["study"] = meta;
  results["sentiment"]["available"] = annotator.sentiment_available();
  results["sentiment"]["note"] = annotator.sentiment_note();
  results["results_version"] = kResultsVersion;
  if (previous) results["comparison"] = CompareResults(*previous, results);

  stage("report");
  std::filesystem::path out(options.out_dir);
  std::error_code ec;
  std::filesystem::create_directories(out / "csv", ec);
  if (ec) return IoError("cannot create " + (out / "csv").string() + ": " + ec.message());

  TENLIK_ASSIGN_OR_RETURN(auto validations, LoadQueryValidations(db, study));
  json validations_json = json::object();
  for (const auto& [id, v] : validations) validations_json[id] = ValidationJson(v);
  results["validations"] = validations_json;
  Ctx c{study,
        results,
        lang,
        study.period_from + " – " + study.period_to,
        results["posts"]["original"].get<int64_t>(),
        results["posts"]["all"].get<int64_t>(),
        std::move(validations)};
  report::Report rep;
  rep.lang = lang;
  rep.title = study.name.In(lang);
  rep.subtitle = Fmt(Tx({"Social-media listening study, {0}. Report generated {1}.",
                         "Исследование социальных сетей, {0}. Отчёт создан {1}.",
                         "Әлеуметтік желілерді зерттеу, {0}. Есеп жасалған уақыт: {1}."},
                        lang),
                     {c.period, generated});
  rep.caveat = Tx(kCaveat, lang);
  rep.sections.push_back(OverviewSection(c, meta));
  if (previous) rep.sections.push_back(ComparisonSection(c, results["comparison"]));
  rep.sections.push_back(VolumeSection(c));
  rep.sections.push_back(SideBySideSection(c));
  rep.sections.push_back(BarriersSection(c));
  rep.sections.push_back(ProgrammesSection(c));
  rep.sections.push_back(GroupsSection(c));
  rep.sections.push_back(GenderSection(c));
  rep.sections.push_back(RegionsSection(c, gazetteer));
  rep.sections.push_back(StigmaSection(c, annotator.lexicon()));
  rep.sections.push_back(SentimentSection(c, meta));
  rep.sections.push_back(TopicsSection(c, topics_json));
  rep.sections.push_back(HashtagSection(c));
  rep.sections.push_back(MethodSection(c, meta));
  rep.footer = Tx({"Made with Tenlik. Lexicons © Tenlik project, CC-BY-4.0. Gazetteer population "
                   "figures: see data/gazetteer/SOURCES.md.",
                   "Сделано в Tenlik. Словари © проект Tenlik, CC-BY-4.0. Данные о населении: см. "
                   "data/gazetteer/SOURCES.md.",
                   "Tenlik арқылы жасалған. Сөздіктер © Tenlik жобасы, CC-BY-4.0. Халық саны: "
                   "data/gazetteer/SOURCES.md қараңыз."},
                  lang);

  std::string html = (out / "index.html").string(), xlsx = (out / "tables.xlsx").string(),
              gexf = (out / "hashtags.gexf").string(), rjson = (out / "results.json").string();
  TENLIK_RETURN_IF_ERROR(report::WriteHtml(rep, html));
  TENLIK_RETURN_IF_ERROR(report::WriteCsv(rep, (out / "csv").string()));
  TENLIK_RETURN_IF_ERROR(report::WriteXlsx(rep, xlsx));
  TENLIK_RETURN_IF_ERROR(WriteGexf(study, counts, gexf));
  {
    std::ofstream f(rjson, std::ios::binary);
    f << results.dump(2) << "\n";
    if (!f) return IoError("cannot write " + rjson);
  }
  run.files = {html, (out / "csv").string(), xlsx, gexf, rjson};
  return run;
}

}  // namespace tenlik::listen
