// Interface texts of the rendered report, in English, Russian and Kazakh.
#include <array>

#include "report/internal.h"

namespace tenlik::report::internal {
namespace {

struct Entry {
  Msg msg;
  const char* en;
  const char* ru;
  const char* kk;
};

constexpr std::array kTexts = {
    Entry{Msg::kContents, "Contents", "Содержание", "Мазмұны"},
    Entry{Msg::kCaveat, "Please note", "Обратите внимание", "Назар аударыңыз"},
    Entry{Msg::kSkip, "Skip to the report", "Перейти к отчёту", "Есепке өту"},
    Entry{Msg::kDataTable, "Data table", "Таблица данных", "Деректер кестесі"},
    Entry{Msg::kNoData, "no data", "нет данных", "дерек жоқ"},
    Entry{Msg::kCategory, "Category", "Категория", "Санат"},
    Entry{Msg::kCode, "Code", "Код", "Код"},
    Entry{Msg::kRegion, "Region", "Регион", "Өңір"},
    Entry{Msg::kRemark, "Remark", "Примечание", "Ескертпе"},
    Entry{Msg::kLow, "{}: low (95%)", "{}: нижняя граница (95 %)", "{}: төменгі шегі (95 %)"},
    Entry{Msg::kHigh, "{}: high (95%)", "{}: верхняя граница (95 %)", "{}: жоғарғы шегі (95 %)"},
    Entry{Msg::kInterval, "95% interval", "95-процентный интервал", "95 пайыздық аралық"},
    Entry{Msg::kLine, "Line chart", "Линейный график", "Сызықтық диаграмма"},
    Entry{Msg::kBar, "Bar chart", "Столбчатая диаграмма", "Бағанды диаграмма"},
    Entry{Msg::kStacked, "Stacked bar chart", "Диаграмма с накоплением",
          "Жинақталған бағанды диаграмма"},
    Entry{Msg::kTileMap, "Tile map of Kazakhstan's 20 regions and cities",
          "Плиточная карта 20 регионов и городов Казахстана",
          "Қазақстанның 20 өңірі мен қаласының тақталы картасы"},
    Entry{Msg::kDescCounts, "{} series, {} categories.", "Рядов: {}, категорий: {}.",
          "Қатарлар саны: {}, санаттар саны: {}."},
    Entry{Msg::kDescTail, "Missing values are left as gaps. Every value is in the data table below.",
          "Пропущенные значения оставлены пустыми. Все значения приведены в таблице данных ниже.",
          "Жоқ мәндер бос қалдырылған. Барлық мән төмендегі деректер кестесінде берілген."},
    Entry{Msg::kAbout, "About", "Об отчёте", "Есеп туралы"},
    Entry{Msg::kSheet, "Sheet", "Лист", "Парақ"},
    Entry{Msg::kTitle, "Title", "Название", "Атауы"},
    Entry{Msg::kNote, "Note", "Примечание", "Ескертпе"},
    Entry{Msg::kSheets, "Sheets of this workbook", "Листы этой книги", "Осы кітаптың парақтары"},
    Entry{Msg::kFooter, "Sources", "Источники", "Дереккөздер"},
    Entry{Msg::kMissingGap, "gap: no data", "разрыв: нет данных", "үзіліс: дерек жоқ"},
    Entry{Msg::kSeries, "Series", "Ряд", "Қатар"},
    Entry{Msg::kGenerated, "Made with Tenlik", "Подготовлено в Tenlik", "Tenlik арқылы жасалды"},
};

}  // namespace

const char* Text(Msg m, std::string_view lang) {
  for (const Entry& e : kTexts) {
    if (e.msg != m) continue;
    if (lang == "ru") return e.ru;
    if (lang == "kk") return e.kk;
    return e.en;
  }
  return "";
}

std::string Format(Msg m, std::string_view lang, const std::vector<std::string>& args) {
  const std::string pattern = Text(m, lang);
  std::string out;
  size_t next = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.compare(i, 2, "{}") == 0) {
      if (next < args.size()) out += args[next++];
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace tenlik::report::internal
