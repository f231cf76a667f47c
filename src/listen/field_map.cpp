// --map field=Column (listen.h AddMapping) and the default names of each field.
#include <string>
#include <vector>

#include "listen/listen.h"
#include "listen/reader.h"

namespace tenlik::listen {
namespace reader {
namespace {
constexpr const char* kNames[kFieldCount] = {
    "source_id", "platform", "channel", "author", "author_id", "author_type", "published_at",
    "text", "lang", "url", "engagement", "place", "reply_to"};
}  // namespace

const char* FieldName(Field f) { return kNames[static_cast<int>(f)]; }

bool FieldFromName(std::string_view name, Field* f) {
  std::string n = Lower(Trim(name));
  if (n == "id") n = "source_id";
  for (int i = 0; i < kFieldCount; ++i) {
    if (n == kNames[i]) {
      *f = static_cast<Field>(i);
      return true;
    }
  }
  return false;
}

const std::vector<std::string_view>& FieldSynonyms(Field f) {
  // Keep in step with docs/formats.md ("Generic JSONL" and "Generic CSV").
  static const std::vector<std::string_view> kSynonyms[kFieldCount] = {
      /*source_id*/ {"id", "source_id", "post_id", "message_id", "tweet_id", "item_id"},
      /*platform*/ {"platform", "network", "social_network"},
      /*channel*/ {"channel", "group", "page", "chat", "community", "site", "outlet"},
      /*author*/ {"author", "username", "user", "screen_name", "from", "influencer"},
      /*author_id*/ {"author_id", "user_id", "from_id"},
      /*author_type*/ {"author_type"},
      /*published_at*/ {"published_at", "date", "datetime", "created_at", "timestamp",
                        "published", "posted_at", "date_unixtime"},
      /*text*/ {"text", "body", "message", "content", "post", "full_text", "caption",
                "hit_sentence"},
      /*lang*/ {"lang", "language"},
      /*url*/ {"url", "link", "permalink", "href"},
      /*engagement*/ {"engagement", "likes", "like_count", "interactions"},
      /*place*/ {"place", "location", "city", "region", "state"},
      /*reply_to*/ {"reply_to", "in_reply_to", "reply_to_id", "reply_to_message_id",
                    "parent_id"},
  };
  return kSynonyms[static_cast<int>(f)];
}

}  // namespace reader

Status AddMapping(std::string_view spec, FieldMap* map) {
  size_t eq = spec.find('=');
  if (eq == std::string_view::npos) {
    return InvalidArgument("--map '" + reader::SanitiseUtf8(spec, 200) +
                           "': expected field=Column, e.g. text=Body");
  }
  std::string_view field = reader::Trim(spec.substr(0, eq));
  std::string_view column = reader::Trim(spec.substr(eq + 1));
  reader::Field f;
  if (!reader::FieldFromName(field, &f)) {
    return InvalidArgument(
        "--map: unknown field '" + reader::SanitiseUtf8(field, 80) +
        "': expected one of id, source_id, platform, channel, author, author_id, author_type, "
        "published_at, text, lang, url, engagement, place, reply_to");
  }
  if (column.empty()) {
    return InvalidArgument("--map " + std::string(reader::FieldName(f)) +
                           "=: the column or key path is empty");
  }
  (*map)[reader::FieldName(f)] = std::string(column);
  return Status::Ok();
}

}  // namespace tenlik::listen
