// `tenlik text sentiment` and `tenlik text sentiment-train`: the sentiment model
// on standard input, and training it from KazSAnDRA-style polarity CSV files.
// Wiring only; the model is src/sentiment/.
//
// Hooked into `tenlik text` by RegisterTextCommands (text_command.cpp), which calls
// RegisterSentimentCommands(*text, ctx).
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli.h"
#include "sentiment/sentiment.h"

namespace tenlik::cli {
namespace {

struct TrainArgs {
  std::string train, valid, out;
  int epochs = sentiment::TrainOptions().epochs;
  uint64_t seed = sentiment::TrainOptions().seed;
  double not_rated_share = sentiment::TrainOptions().not_rated_share;
  unsigned bits = sentiment::TrainOptions().hash_bits;
};

void PrintConfusion(const std::array<std::array<size_t, 2>, 2>& c) {
  std::printf("                 predicted negative  predicted positive\n");
  std::printf("  true negative   %18zu  %18zu\n", c[0][0], c[0][1]);
  std::printf("  true positive   %18zu  %18zu\n", c[1][0], c[1][1]);
}

int RunTrain(const Context& ctx, const TrainArgs& args) {
  std::fprintf(stderr, "%s %s\n", T(ctx, {"reading", "чтение", "оқу"}).c_str(), args.train.c_str());
  auto train = sentiment::ReadPolarityCsv(args.train);
  if (!train.ok()) return ReportError(ctx, train.status());
  std::vector<sentiment::Example> valid;
  if (!args.valid.empty()) {
    std::fprintf(stderr, "%s %s\n", T(ctx, {"reading", "чтение", "оқу"}).c_str(), args.valid.c_str());
    auto v = sentiment::ReadPolarityCsv(args.valid);
    if (!v.ok()) return ReportError(ctx, v.status());
    valid = std::move(*v);
  }
  const std::string out = args.out.empty() ? sentiment::DefaultModelPath() : args.out;

  sentiment::TrainOptions options;
  options.epochs = args.epochs;
  options.seed = args.seed;
  options.not_rated_share = args.not_rated_share;
  options.hash_bits = args.bits;
  options.source = "posts of " + args.train +
                   " (KazSAnDRA: Yeshpanov, R. & Varol, H. A. (2024). KazSAnDRA: Kazakh "
                   "Sentiment Analysis Dataset of Reviews and Attitudes)";
  options.on_epoch = [&ctx](const sentiment::EpochReport& r) {
    std::printf("%s %d/%d  loss %.4f  %s %.4f  (%.1f s)\n",
                T(ctx, {"epoch", "эпоха", "дәуір"}).c_str(), r.epoch, r.epochs, r.train_loss,
                T(ctx, {"validation macro-F1", "macro-F1 на валидации", "валидациядағы macro-F1"}).c_str(),
                r.valid_macro_f1, r.seconds);
    std::fflush(stdout);
  };
  std::printf("%s: %zu, %s: %zu\n", T(ctx, {"training posts", "обучающих постов", "оқыту посттары"}).c_str(),
              train->size(), T(ctx, {"validation posts", "постов для валидации", "валидация посттары"}).c_str(),
              valid.size());
  auto model = sentiment::Train(*train, valid, options);
  if (!model.ok()) return ReportError(ctx, model.status());
  std::error_code ec;  // the default folder (build/models) may not exist yet
  std::filesystem::path parent = std::filesystem::path(out).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  Status saved = model->Save(out);
  if (!saved.ok()) return ReportError(ctx, saved);

  if (!valid.empty()) {
    sentiment::Evaluation ev = sentiment::Evaluate(*model, valid);
    std::printf("%s (%zu): macro-F1 %.4f, accuracy %.4f\n",
                T(ctx, {"validation, all posts", "валидация, все посты", "валидация, барлық посттар"}).c_str(),
                ev.rows, ev.macro_f1, ev.accuracy);
    PrintConfusion(ev.confusion);
    std::printf("%s: %zu (%.1f%%), |p - 0.5| < %.4f\n",
                T(ctx, {"not rated (neutral)", "без оценки (нейтрально)", "бағаланбаған (бейтарап)"}).c_str(),
                ev.not_rated, 100 * ev.not_rated_share, model->info().neutral_margin);
    std::printf("%s: macro-F1 %.4f\n",
                T(ctx, {"validation, rated posts only", "валидация, только оценённые посты",
                        "валидация, тек бағаланған посттар"}).c_str(),
                ev.rated_macro_f1);
    PrintConfusion(ev.rated_confusion);
  }
  std::printf("%s: %s (%.1f MB)\n", T(ctx, {"model written", "модель записана", "модель жазылды"}).c_str(),
              out.c_str(), static_cast<double>(model->ToBytes().size()) / 1e6);
  std::printf("%s\n", T(ctx, {"Cite: Yeshpanov, R. & Varol, H. A. (2024). KazSAnDRA: Kazakh Sentiment "
                              "Analysis Dataset of Reviews and Attitudes.",
                              "Цитируйте: Yeshpanov, R. & Varol, H. A. (2024). KazSAnDRA: Kazakh "
                              "Sentiment Analysis Dataset of Reviews and Attitudes.",
                              "Дереккөз: Yeshpanov, R. & Varol, H. A. (2024). KazSAnDRA: Kazakh "
                              "Sentiment Analysis Dataset of Reviews and Attitudes."}).c_str());
  return kExitOk;
}

int RunClassify(const Context& ctx, const std::string& model_arg, bool json) {
  const std::string path = model_arg.empty() ? sentiment::DefaultModelPath() : model_arg;
  auto model = sentiment::Model::Load(path);
  if (!model.ok()) return ReportError(ctx, model.status());
  ForEachInputLine([&](const std::string& line, std::string* out) {
    sentiment::Prediction p = model->Predict(line);
    if (json) {
      nlohmann::json j = {{"polarity", sentiment::PolarityName(p.polarity)},
                          {"confidence", p.confidence},
                          {"p_positive", p.p_positive}};
      *out += j.dump();
    } else {
      *out += sentiment::PolarityName(p.polarity);
      char buf[64];
      std::snprintf(buf, sizeof buf, "\t%.3f", p.confidence);
      *out += buf;
    }
    *out += '\n';
  });
  return kExitOk;
}

}  // namespace

void RegisterSentimentCommands(CLI::App& text, Context& ctx) {
  auto model = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* classify = text.add_subcommand(
      "sentiment",
      T(ctx, {"Rate the sentiment of each line you give: positive, negative or neutral (not "
              "rated), a tab, and the confidence",
              "Оценивает тональность каждой переданной вами строки: positive, negative или "
              "neutral (без оценки), табуляция и уверенность",
              "Сіз берген әр жолдың көңіл-күйін бағалайды: positive, negative немесе neutral "
              "(бағаланбаған), табуляция және сенімділік"}));
  classify->add_option(
      "--model", *model,
      T(ctx, {"Model file (default $TENLIK_SENTIMENT_MODEL, else models/sentiment.bin next to "
              "the tenlik program)",
              "Файл модели (по умолчанию $TENLIK_SENTIMENT_MODEL, иначе models/sentiment.bin "
              "рядом с программой tenlik)",
              "Модель файлы (әдепкі $TENLIK_SENTIMENT_MODEL, әйтпесе tenlik бағдарламасының "
              "жанындағы models/sentiment.bin)"}));
  classify->add_flag("--json", *json,
                     T(ctx, {"One JSON object {polarity, confidence, p_positive} per line",
                             "По одному JSON-объекту {polarity, confidence, p_positive} на строку",
                             "Әр жолға бір JSON нысаны {polarity, confidence, p_positive}"}));
  classify->callback([&ctx, model, json] { ctx.exit_code = RunClassify(ctx, *model, *json || ctx.json); });

  auto args = std::make_shared<TrainArgs>();
  CLI::App* train = text.add_subcommand(
      "sentiment-train",
      T(ctx, {"Train the sentiment model from polarity CSV files (columns text, label)",
              "Обучает модель тональности на CSV-файлах полярности (столбцы text, label)",
              "Көңіл-күй моделін полярлық CSV файлдарынан оқытады (text, label бағандары)"}));
  train->add_option("--train", args->train,
                    T(ctx, {"Training posts, e.g. ../shared/data/kazsandra/polarity_train.csv",
                            "Обучающие посты, например ../shared/data/kazsandra/polarity_train.csv",
                            "Оқыту посттары, мысалы ../shared/data/kazsandra/polarity_train.csv"}))
      ->required();
  train->add_option("--valid", args->valid,
                    T(ctx, {"Validation posts: macro-F1 per epoch, intercept and not-rated margin",
                            "Посты для валидации: macro-F1 по эпохам, сдвиг и порог «без оценки»",
                            "Валидация посттары: әр дәуірдегі macro-F1, ығысу және «бағаланбаған» шегі"}));
  train->add_option("--out", args->out,
                    T(ctx, {"Model file to write (default: where `text sentiment` looks)",
                            "Куда записать модель (по умолчанию туда, где её ищет `text sentiment`)",
                            "Модель жазылатын файл (әдепкі: `text sentiment` іздейтін орын)"}));
  train->add_option("--epochs", args->epochs, T(ctx, {"Passes over the training posts",
                                                       "Число проходов по обучающим постам",
                                                       "Оқыту посттары бойынша өту саны"}))
      ->check(CLI::Range(1, 1000));
  train->add_option("--seed", args->seed, T(ctx, {"Seed of the shuffling (same seed, same model)",
                                                   "Зерно перемешивания (то же зерно — та же модель)",
                                                   "Араластыру тұқымы (бірдей тұқым — бірдей модель)"}));
  train->add_option("--not-rated-share", args->not_rated_share,
                    T(ctx, {"Share of validation posts to leave not rated (neutral)",
                            "Доля постов валидации, оставляемых без оценки (нейтральными)",
                            "Бағаланбай (бейтарап) қалатын валидация посттарының үлесі"}))
      ->check(CLI::Range(0.0, 0.9));
  train->add_option("--bits", args->bits, T(ctx, {"Hash buckets = 2^bits (model size 4*2^bits bytes)",
                                                   "Число корзин хеша = 2^bits (размер модели 4*2^bits байт)",
                                                   "Хэш себеттері = 2^bits (модель өлшемі 4*2^bits байт)"}))
      ->check(CLI::Range(10, 24));
  train->callback([&ctx, args] { ctx.exit_code = RunTrain(ctx, *args); });
}

}  // namespace tenlik::cli
