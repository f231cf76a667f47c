// `tenlik text places`: the ISO 3166-2 codes of the Kazakhstan units named in each
// line of standard input, comma-separated (an empty line when none). Wiring only;
// detection is geo::Gazetteer::FindPlaces.
//
// The gazetteer is read from $TENLIK_DATA/gazetteer, else from data/gazetteer
// next to the executable (../data or ../../data), or from --data DIR.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli.h"
#include "geo/geo.h"

namespace tenlik::cli {
namespace {

int RunPlaces(const Context& ctx, const std::string& data_dir, bool json) {
  Result<std::string> dir = data_dir.empty() ? geo::DefaultGazetteerDir() : Result<std::string>(data_dir);
  if (!dir.ok()) return ReportError(ctx, dir.status());
  Result<geo::Gazetteer> gazetteer = geo::Gazetteer::Load(*dir);
  if (!gazetteer.ok()) return ReportError(ctx, gazetteer.status());

  ForEachInputLine([&](const std::string& line, std::string* out) {
    if (json) {
      nlohmann::json mentions = nlohmann::json::array();
      for (const geo::Mention& m : gazetteer->FindMentions(line)) {
        mentions.push_back({{"iso", m.iso},
                            {"begin", m.text_begin},
                            {"end", m.text_end},
                            {"text", line.substr(m.text_begin, m.text_end - m.text_begin)},
                            {"form", m.form}});
      }
      *out += nlohmann::json{{"places", gazetteer->FindPlaces(line)}, {"mentions", mentions}}
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } else {
      std::vector<std::string> codes = gazetteer->FindPlaces(line);
      for (size_t i = 0; i < codes.size(); ++i) {
        if (i > 0) out->push_back(',');
        *out += codes[i];
      }
    }
    out->push_back('\n');
  });
  return kExitOk;
}

}  // namespace

void RegisterGeoCommands(CLI::App& text, Context& ctx) {
  auto data_dir = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* places = text.add_subcommand(
      "places",
      T(ctx, {"Print the regions (ISO 3166-2 codes) named in each line you give, "
              "comma-separated; an empty line when there are none",
              "Выводит регионы (коды ISO 3166-2), упомянутые в каждой переданной вами "
              "строке, через запятую; пустую строку, если их нет",
              "Сіз берген әр жолда аталған өңірлерді (ISO 3166-2 кодтары) үтір арқылы "
              "шығарады; өңір болмаса, бос жол"}));
  places->add_option(
      "--data", *data_dir,
      T(ctx, {"Gazetteer folder (default: $TENLIK_DATA/gazetteer, else data/gazetteer "
              "beside the program)",
              "Папка справочника мест (по умолчанию: $TENLIK_DATA/gazetteer, иначе "
              "data/gazetteer рядом с программой)",
              "Жер атаулары анықтамалығының қалтасы (әдепкі: $TENLIK_DATA/gazetteer, "
              "болмаса бағдарлама жанындағы data/gazetteer)"}));
  places->add_flag("--json", *json,
                   T(ctx, {"One JSON object {places, mentions} per line",
                           "По одному JSON-объекту {places, mentions} на строку",
                           "Әр жолға бір JSON нысаны {places, mentions}"}));
  places->callback([&ctx, data_dir, json] {
    ctx.exit_code = RunPlaces(ctx, *data_dir, *json || ctx.json);
  });
}

}  // namespace tenlik::cli
