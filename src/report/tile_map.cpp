// The tile grid of Kazakhstan's 20 units (borders of June 2022): 17 regions and the
// three cities of republican significance. Tiles keep rough geography:
//
//        0          1          2          3          4          5          6
//   0                          Kostanay   N. Kaz.    Pavlodar
//   1    W. Kaz.    Aktobe                Akmola     Astana     Abai       E. Kaz.
//   2    Atyrau                Ulytau     Karaganda             Jetisu
//   3    Mangystau  Kyzylorda  Turkistan  Zhambyl    Almaty R.
//   4                          Shymkent              Almaty
//
// Names follow data/gazetteer/regions.csv; the short labels fit on a tile.
#include "report/internal.h"

namespace tenlik::report::internal {

const std::vector<Tile>& KazakhstanTiles() {
  static const std::vector<Tile> tiles = {
      {"KZ-10", 5, 1, "Abai", "Абай", "Абай", "Abai Region", "область Абай", "Абай облысы"},
      {"KZ-11", 3, 1, "Akmola", "Акмола", "Ақмола", "Akmola Region", "Акмолинская область",
       "Ақмола облысы"},
      {"KZ-15", 1, 1, "Aktobe", "Актобе", "Ақтөбе", "Aktobe Region", "Актюбинская область",
       "Ақтөбе облысы"},
      {"KZ-19", 4, 3, "Almaty Reg.", "Алматинская", "Алматы обл.", "Almaty Region",
       "Алматинская область", "Алматы облысы"},
      {"KZ-23", 0, 2, "Atyrau", "Атырау", "Атырау", "Atyrau Region", "Атырауская область",
       "Атырау облысы"},
      {"KZ-27", 0, 1, "West Kaz.", "ЗКО", "БҚО", "West Kazakhstan Region",
       "Западно-Казахстанская область", "Батыс Қазақстан облысы"},
      {"KZ-31", 3, 3, "Zhambyl", "Жамбыл", "Жамбыл", "Zhambyl Region", "Жамбылская область",
       "Жамбыл облысы"},
      {"KZ-33", 5, 2, "Jetisu", "Жетісу", "Жетісу", "Jetisu Region", "область Жетісу",
       "Жетісу облысы"},
      {"KZ-35", 3, 2, "Karaganda", "Караганда", "Қарағанды", "Karaganda Region",
       "Карагандинская область", "Қарағанды облысы"},
      {"KZ-39", 2, 0, "Kostanay", "Костанай", "Қостанай", "Kostanay Region",
       "Костанайская область", "Қостанай облысы"},
      {"KZ-43", 1, 3, "Kyzylorda", "Кызылорда", "Қызылорда", "Kyzylorda Region",
       "Кызылординская область", "Қызылорда облысы"},
      {"KZ-47", 0, 3, "Mangystau", "Мангистау", "Маңғыстау", "Mangystau Region",
       "Мангистауская область", "Маңғыстау облысы"},
      {"KZ-55", 4, 0, "Pavlodar", "Павлодар", "Павлодар", "Pavlodar Region",
       "Павлодарская область", "Павлодар облысы"},
      {"KZ-59", 3, 0, "North Kaz.", "СКО", "СҚО", "North Kazakhstan Region",
       "Северо-Казахстанская область", "Солтүстік Қазақстан облысы"},
      {"KZ-61", 2, 3, "Turkistan", "Туркестан", "Түркістан", "Turkistan Region",
       "Туркестанская область", "Түркістан облысы"},
      {"KZ-62", 2, 2, "Ulytau", "Улытау", "Ұлытау", "Ulytau Region", "область Ұлытау",
       "Ұлытау облысы"},
      {"KZ-63", 6, 1, "East Kaz.", "ВКО", "ШҚО", "East Kazakhstan Region",
       "Восточно-Казахстанская область", "Шығыс Қазақстан облысы"},
      {"KZ-71", 4, 1, "Astana", "Астана", "Астана", "Astana", "город Астана", "Астана қаласы"},
      {"KZ-75", 4, 4, "Almaty", "Алматы", "Алматы", "Almaty", "город Алматы", "Алматы қаласы"},
      {"KZ-79", 2, 4, "Shymkent", "Шымкент", "Шымкент", "Shymkent", "город Шымкент",
       "Шымкент қаласы"},
  };
  return tiles;
}

const Tile* FindTile(std::string_view iso) {
  for (const Tile& t : KazakhstanTiles()) {
    if (iso == t.iso) return &t;
  }
  return nullptr;
}

std::string ShortName(const Tile& t, std::string_view lang) {
  if (lang == "ru") return t.short_ru;
  if (lang == "kk") return t.short_kk;
  return t.short_en;
}

std::string FullName(const Tile& t, std::string_view lang) {
  if (lang == "ru") return t.name_ru;
  if (lang == "kk") return t.name_kk;
  return t.name_en;
}

}  // namespace tenlik::report::internal
