// Query validation, step two: the labelling workbook people fill in (libxlsxwriter).
// Sheets: instructions, labels (one row per sampled post, label column with a
// drop-down list), and the hidden "tenlik" sheet that ties the file to its study,
// query and query text.
#include <xlsxwriter.h>

#include <ctime>
#include <filesystem>

#include "listen/listen.h"
#include "listen/validate_internal.h"

namespace tenlik::listen {
namespace {

struct Text {
  const char* en;
  const char* ru;
  const char* kk;
};

std::string In(const Text& t, std::string_view lang) {
  return lang == "ru" ? t.ru : lang == "kk" ? t.kk : t.en;
}

// Replaces {0}, {1}, ... {10} ... in `pattern` with args.
std::string Fill(const std::string& pattern, const std::vector<std::string>& args) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string::npos;
    size_t index = 0;
    bool is_arg = close != std::string::npos && close > i + 1;
    for (size_t j = i + 1; is_arg && j < close; ++j) {
      is_arg = pattern[j] >= '0' && pattern[j] <= '9';
      index = index * 10 + static_cast<size_t>(pattern[j] - '0');
    }
    if (is_arg && index < args.size()) {
      out += args[index];
      i = close;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

const Text kLabelsSheet = {"labels", "разметка", "белгілеу"};
const Text kInstructionsSheet = {"instructions", "инструкция", "нұсқаулық"};
const Text kColumns[] = {
    {"post id", "№ публикации", "жазба №"},
    {"query", "запрос", "сұраныс"},
    {"text around the hit", "текст вокруг совпадения", "сәйкестік маңындағы мәтін"},
    {"language", "язык", "тіл"},
    {"label", "метка", "белгі"}};

std::vector<std::string> Instructions(const Study& study, const StudyQuery& q,
                                      const ValidationSample& s, std::string_view lang) {
  const std::string name = q.name.In(lang), labels = In(kLabelsSheet, lang),
                    label = In(kColumns[kColumnLabel], lang);
  const LabelWords words = LabelWordsIn(lang);
  const std::vector<Text> lines = {
      {"Checking a query: {0} ({1})", "Проверка запроса: {0} ({1})",
       "Сұранысты тексеру: {0} ({1})"},
      {"Study: {2}", "Исследование: {2}", "Зерттеу: {2}"},
      {"Query: {3}", "Запрос: {3}", "Сұраныс: {3}"},
      {"The query matched {4} original posts in the study's scope; {5} of them were drawn at "
       "random (seed {6}) for this sheet.",
       "Запрос нашёл {4} оригинальных публикаций в рамках исследования; {5} из них выбраны "
       "случайно (seed {6}) для этого листа.",
       "Сұраныс зерттеу ауқымындағы {4} түпнұсқа жазбаны тапты; олардың {5} жазбасы осы парақ үшін "
       "кездейсоқ таңдалды (seed {6})."},
      {"What to do: on the sheet \"{7}\", read each post's text around the words the query found "
       "(in bold) and choose in the "
       "column \"{8}\":",
       "Что сделать: на листе «{7}» прочитайте текст каждой публикации вокруг слов, найденных "
       "запросом (выделены жирным), и "
       "выберите в столбце «{8}»:",
       "Не істеу керек: «{7}» парағында әр жазбаның сұраныс тапқан сөздер (қалың қаріппен) "
       "маңындағы мәтінін оқып, «{8}» "
       "бағанында таңдаңыз:"},
      {"  \"{9}\": the post is about {0} in the sense of the study;",
       "  «{9}»: публикация о теме «{0}» в том смысле, в каком её понимает исследование;",
       "  «{9}»: жазба зерттеу мағынасындағы «{0}» тақырыбы туралы;"},
      {"  \"{10}\": the words match, but the post is about something else.",
       "  «{10}»: слова совпали, но публикация о другом.",
       "  «{10}»: сөздер сәйкес келеді, бірақ жазба басқа нәрсе туралы."},
      {"If you cannot decide, leave the label empty: empty rows are counted as unlabelled and left "
       "out of the precision.",
       "Если не можете решить, оставьте метку пустой: пустые строки считаются неразмеченными и не "
       "входят в точность.",
       "Шеше алмасаңыз, белгіні бос қалдырыңыз: бос жолдар белгіленбеген болып саналады және "
       "дәлдікке кірмейді."},
      {"Do not change the post id and query columns, and do not rename or delete the sheets. Then "
       "run: "
       "tenlik listen validate {1} --import FILE",
       "Не меняйте столбцы с номером публикации и запросом, не переименовывайте и не удаляйте "
       "листы. Затем выполните: "
       "tenlik listen validate {1} --import ФАЙЛ",
       "Жазба нөмірі мен сұраныс бағандарын өзгертпеңіз, парақтардың атын өзгертпеңіз және "
       "жоймаңыз. Содан кейін іске "
       "қосыңыз: tenlik listen validate {1} --import ФАЙЛ"},
      {"Result: precision = relevant / labelled, with its 95 % Wilson interval.",
       "Результат: точность = релевантные / размеченные, с 95 % интервалом Уилсона.",
       "Нәтиже: дәлдік = қатысты / белгіленген, 95 % Уилсон аралығымен."},
      {"Posts are pseudonymised: names, phone numbers and e-mail addresses were masked when they "
       "were stored. Do not try to "
       "find out who wrote them.",
       "Публикации псевдонимизированы: имена, телефоны и адреса эл. почты скрыты при загрузке. Не "
       "пытайтесь установить, кто их "
       "написал.",
       "Жазбалар бүркеншік атпен берілген: аты-жөндер, телефондар мен эл. пошта мекенжайлары "
       "жүктеу кезінде жасырылған. "
       "Кім жазғанын анықтауға тырыспаңыз."}};
  std::vector<std::string> args = {name,
                                   q.id,
                                   study.name.In(lang),
                                   q.expression,
                                   std::to_string(s.hits),
                                   std::to_string(s.items.size()),
                                   std::to_string(s.seed),
                                   labels,
                                   label,
                                   words.relevant,
                                   words.not_relevant};
  std::vector<std::string> out;
  for (const Text& t : lines) out.push_back(Fill(In(t, lang), args));
  return out;
}

Status Check(lxw_error e, const std::string& path, const char* what) {
  if (e == LXW_NO_ERROR) return Status::Ok();
  return IoError(path + ": cannot write the " + what + ": " + lxw_strerror(e));
}

}  // namespace

LabelWords LabelWordsIn(std::string_view lang) {
  if (lang == "ru") return {"релевантно", "не релевантно"};
  if (lang == "kk") return {"қатысты", "қатысты емес"};
  return {"relevant", "not relevant"};
}

Status WriteValidationSheet(const Study& study, const ValidationSample& sample,
                            std::string_view lang, const std::string& path) {
  TENLIK_ASSIGN_OR_RETURN(const StudyQuery* q, FindStudyQuery(study, sample.query_id));
  const std::string tmp = path + ".tmp";
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (wb == nullptr) return IoError("cannot create " + tmp);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* bold_wrap = workbook_add_format(wb);
  format_set_bold(bold_wrap);
  lxw_format* top = workbook_add_format(wb);
  format_set_align(top, LXW_ALIGN_VERTICAL_TOP);

  const std::string instructions_name = In(kInstructionsSheet, lang),
                    labels_name = In(kLabelsSheet, lang);
  lxw_worksheet* info = workbook_add_worksheet(wb, instructions_name.c_str());
  lxw_worksheet* labels = workbook_add_worksheet(wb, labels_name.c_str());
  lxw_worksheet* meta = workbook_add_worksheet(wb, kValidationMetaSheet);

  std::vector<std::string> lines = Instructions(study, *q, sample, lang);
  worksheet_set_column(info, 0, 0, 120, nullptr);
  for (size_t i = 0; i < lines.size(); ++i) {
    worksheet_write_string(info, static_cast<lxw_row_t>(i), 0, lines[i].c_str(),
                           i == 0 ? bold : nullptr);
  }

  for (size_t c = 0; c < std::size(kColumns); ++c) {
    worksheet_write_string(labels, 0, static_cast<lxw_col_t>(c), In(kColumns[c], lang).c_str(),
                           bold);
  }
  worksheet_set_column(labels, kColumnPostId, kColumnPostId, 12, top);
  worksheet_set_column(labels, kColumnQuery, kColumnQuery, 18, top);
  worksheet_set_column(labels, kColumnText, kColumnText, 90, wrap);
  worksheet_set_column(labels, kColumnLang, kColumnLang, 9, top);
  worksheet_set_column(labels, kColumnLabel, kColumnLabel, 18, top);
  worksheet_freeze_panes(labels, 1, 0);
  for (size_t i = 0; i < sample.items.size(); ++i) {
    const ValidationItem& item = sample.items[i];
    const lxw_row_t row = static_cast<lxw_row_t>(i + 1);
    worksheet_write_number(labels, row, kColumnPostId, static_cast<double>(item.post_id), nullptr);
    worksheet_write_string(labels, row, kColumnQuery, sample.query_id.c_str(), nullptr);
    // The hit in bold between plain context; a rich string needs two non-empty parts.
    lxw_rich_string_tuple before{nullptr, const_cast<char*>(item.before.c_str())};
    lxw_rich_string_tuple hit{bold_wrap, const_cast<char*>(item.hit.c_str())};
    lxw_rich_string_tuple after{nullptr, const_cast<char*>(item.after.c_str())};
    std::vector<lxw_rich_string_tuple*> parts;
    if (!item.before.empty()) parts.push_back(&before);
    if (!item.hit.empty()) parts.push_back(&hit);
    if (!item.after.empty()) parts.push_back(&after);
    if (parts.size() >= 2 && !item.hit.empty()) {
      parts.push_back(nullptr);
      worksheet_write_rich_string(labels, row, kColumnText, parts.data(), wrap);
    } else {
      std::string plain = item.before + item.hit + item.after;
      worksheet_write_string(labels, row, kColumnText, plain.c_str(), wrap);
    }
    worksheet_write_string(labels, row, kColumnLang, item.lang.c_str(), nullptr);
  }
  if (!sample.items.empty()) {
    const LabelWords words = LabelWordsIn(lang);
    std::string relevant = words.relevant, not_relevant = words.not_relevant;
    char* list[] = {relevant.data(), not_relevant.data(), nullptr};
    lxw_data_validation dv{};
    dv.validate = LXW_VALIDATION_TYPE_LIST;
    dv.value_list = list;
    Status listed = Check(worksheet_data_validation_range(
                              labels, 1, kColumnLabel, static_cast<lxw_row_t>(sample.items.size()),
                              kColumnLabel, &dv),
                          tmp, "label list");
    if (!listed.ok()) {
      workbook_close(wb);
      std::filesystem::remove(tmp);
      return listed;
    }
  }

  char created[32];
  std::time_t now = std::time(nullptr);
  std::strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  const std::vector<std::pair<std::string, std::string>> keys = {
      {"format", std::to_string(kValidationSheetVersion)},
      {"study", sample.study},
      {"query", sample.query_id},
      {"query_hash", sample.query_hash},
      {"seed", std::to_string(sample.seed)},
      {"hits", std::to_string(sample.hits)},
      {"labels_sheet", labels_name},
      {"lang", std::string(lang)},
      {"created", created}};
  for (size_t i = 0; i < keys.size(); ++i) {
    worksheet_write_string(meta, static_cast<lxw_row_t>(i), 0, keys[i].first.c_str(), nullptr);
    worksheet_write_string(meta, static_cast<lxw_row_t>(i), 1, keys[i].second.c_str(), nullptr);
  }
  worksheet_hide(meta);
  worksheet_activate(labels);

  TENLIK_RETURN_IF_ERROR(Check(workbook_close(wb), tmp, "workbook"));
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return IoError("cannot rename " + tmp + " to " + path + ": " + ec.message());
  return Status::Ok();
}

}  // namespace tenlik::listen
