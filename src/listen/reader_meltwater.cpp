// Meltwater Explore export reader (Format::kMeltwaterCsv); see docs/formats.md.
#include <string>
#include <vector>

#include "listen/reader.h"

namespace tenlik::listen::reader {
namespace {

enum Col {
  kDate, kHeadline, kUrl, kOpeningText, kHitSentence, kSource, kInfluencer, kLanguage,
  kEngagement, kTweetId, kScreenName, kProfileUrl, kAltDate, kTime, kState, kCity,
  kSourceType, kColCount
};
constexpr const char* kColNames[kColCount] = {
    "Date", "Headline", "URL", "Opening Text", "Hit Sentence", "Source", "Influencer",
    "Language", "Engagement", "Tweet Id", "Twitter Screen Name", "User Profile Url",
    "Alternate Date Format", "Time", "State", "City", "Source Type"};

class MeltwaterHandler : public CsvRowHandler {
 public:
  explicit MeltwaterHandler(Emitter& out) : out_(out) {
    for (int& c : col_) c = -1;
  }

  Status OnHeader(const CsvRow& header) override {
    names_ = HeaderNames(header);
    if (!IsMeltwaterHeader(names_, /*exact_case=*/false)) {
      return DataLoss(out_.file() + ": not " + ExpectedDescription(Format::kMeltwaterCsv) +
                      "; the header has " + ColumnList(names_));
    }
    for (int c = 0; c < kColCount; ++c) {
      for (size_t i = 0; i < names_.size(); ++i) {
        if (EqualsIgnoreCase(names_[i], kColNames[c])) {
          col_[c] = static_cast<int>(i);
          break;
        }
      }
    }
    keys_ = CsvRawJsonKeys(names_);
    return Status::Ok();
  }

  bool OnRow(const CsvRow& row) override {
    if (std::optional<bool> done = SkipOrRejectCsvRow(row, names_, out_)) return *done;
    auto get = [&](Col c) -> std::string_view {
      int i = col_[c];
      if (i < 0 || static_cast<size_t>(i) >= row.count) return {};
      return Trim((*row.fields)[static_cast<size_t>(i)]);
    };

    Post post;
    // Text: Hit Sentence, else Headline and Opening Text.
    std::string_view hit = get(kHitSentence);
    if (!hit.empty()) {
      post.text.assign(hit);
    } else {
      std::string_view headline = get(kHeadline), opening = get(kOpeningText);
      post.text.assign(headline);
      if (!headline.empty() && !opening.empty()) post.text.push_back('\n');
      post.text.append(opening);
    }
    if (post.text.empty()) return out_.EmitReject(row.line, "text", "no text", row.text);

    // Date: "Date", else "Alternate Date Format" + "Time"; without a zone they are
    // read in --timezone (UTC by default).
    std::string_view date = get(kDate);
    const LocalZone& zone = out_.zone();
    bool dated = !date.empty() && (ParseMeltwaterDate(date, &post.published_at, zone) ||
                                   ParseDateTime(date, &post.published_at, zone));
    if (!dated) {
      std::string_view alt = get(kAltDate);
      dated = !alt.empty() && ParseMonthDayYear(alt, get(kTime), &post.published_at, zone);
    }
    if (!dated) {
      return out_.EmitReject(row.line, "published_at",
                             date.empty() ? std::string("no date")
                                          : "expected a date like 24-Nov-2026 09:15AM, got " +
                                                Quote(date),
                             row.text);
    }
    std::string_view engagement = get(kEngagement);
    if (!ParseCount(engagement, &post.engagement)) {
      return out_.EmitReject(row.line, "engagement", "expected a number, got " + Quote(engagement),
                             row.text);
    }

    std::string_view source = get(kSource);
    std::string_view url = get(kUrl);
    post.platform = KnownPlatform(source);
    if (post.platform.empty() && source.empty()) {
      std::string p = PlatformFromUrl(url);
      if (p != "web") post.platform = p;
    }
    if (post.platform.empty()) {
      std::string type = Lower(get(kSourceType));
      if (type.find("blog") != std::string::npos || type.find("forum") != std::string::npos) {
        post.platform = "web";
      } else {
        post.platform = "news";
        post.author_type = AuthorType::kMedia;
        post.author_type_given = true;
      }
      post.channel.assign(source);
    }

    std::string_view influencer = get(kInfluencer), screen = get(kScreenName),
                     profile = get(kProfileUrl);
    post.author.assign(!influencer.empty() ? influencer : screen);
    if (post.author.empty() && post.platform == "news") post.author.assign(source);
    post.author_id.assign(!profile.empty() ? profile : screen);
    for (std::string_view d : {influencer, screen, profile}) {
      if (!d.empty() && d != post.author && d != post.author_id) post.author_details.emplace_back(d);
    }

    std::string_view tweet = get(kTweetId);
    post.source_id.assign(!tweet.empty() ? tweet : url);
    post.url.assign(url);
    post.lang = NormaliseLang(get(kLanguage));
    std::string_view city = get(kCity);
    post.place.assign(!city.empty() ? city : get(kState));
    post.raw = CsvRawJson(keys_, row);
    return out_.EmitPost(std::move(post), row.line);
  }

 private:
  Emitter& out_;
  std::vector<std::string> names_;
  std::vector<std::string> keys_;
  int col_[kColCount];
};

}  // namespace

Status ReadMeltwater(ByteSource& src, const ReadOptions&, Emitter& out) {
  MeltwaterHandler handler(out);
  CsvInfo info;
  TENLIK_RETURN_IF_ERROR(ReadCsvRows(src, out.file(), handler, &info));
  return out.Finish();
}

}  // namespace tenlik::listen::reader
