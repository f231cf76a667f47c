// Generic records (CSV rows and JSONL objects) -> Post; see docs/formats.md.
#include <string>

#include "listen/reader.h"

namespace tenlik::listen::reader {

bool BuildGenericPost(const GenericValues& v, const LocalZone& zone, Post* post,
                      std::string* field, std::string* reason) {
  auto get = [&](Field f) { return v.value[static_cast<int>(f)]; };
  auto bad = [&](Field f, std::string why) {
    *field = FieldName(f);
    *reason = std::move(why);
    return false;
  };

  std::string_view text = get(Field::kText);
  if (Trim(text).empty()) {
    return bad(Field::kText, v.present[static_cast<int>(Field::kText)] ? "text is empty"
                                                                       : "no text");
  }
  std::string_view date = Trim(get(Field::kPublishedAt));
  if (date.empty()) return bad(Field::kPublishedAt, "no date");
  if (!ParseDateTime(date, &post->published_at, zone)) {
    return bad(Field::kPublishedAt,
               "expected a date like 2026-11-24T09:15:00+05:00 or unix seconds, got " +
                   Quote(date));
  }
  std::string_view type = Trim(get(Field::kAuthorType));
  if (!type.empty()) {
    Result<AuthorType> t = ParseAuthorType(type);
    if (!t.ok()) {
      return bad(Field::kAuthorType, "expected person, organisation or media, got " + Quote(type));
    }
    post->author_type = *t;
    post->author_type_given = true;
  }
  std::string_view engagement = get(Field::kEngagement);
  if (!ParseCount(engagement, &post->engagement)) {
    return bad(Field::kEngagement, "expected a number, got " + Quote(engagement));
  }

  post->text.assign(text);
  post->source_id.assign(Trim(get(Field::kSourceId)));
  post->channel.assign(Trim(get(Field::kChannel)));
  post->author.assign(Trim(get(Field::kAuthor)));
  post->author_id.assign(Trim(get(Field::kAuthorId)));
  post->lang = NormaliseLang(get(Field::kLang));
  post->url.assign(Trim(get(Field::kUrl)));
  post->place.assign(Trim(get(Field::kPlace)));
  post->reply_to.assign(Trim(get(Field::kReplyTo)));
  std::string_view platform = Trim(get(Field::kPlatform));
  if (!platform.empty()) {
    post->platform = KnownPlatform(platform);
    if (post->platform.empty()) post->platform = Lower(platform);
  } else {
    post->platform = PlatformFromUrl(post->url);
  }
  return true;
}

}  // namespace tenlik::listen::reader
