// Instagram posts captured with Zeeschuimer (Format::kInstagramNdjson); see
// docs/formats.md "Instagram (Zeeschuimer NDJSON)".
#include <string>

#include "listen/reader_ndjson.h"

namespace tenlik::listen::reader {
namespace {

bool IsInstagram(std::string_view platform) {
  return Lower(platform).find("instagram") != std::string::npos;
}

// The media node of an item: item.data (or item.data.media), or the item itself
// when the line is a bare media node.
bool MediaNode(simdjson::dom::object item, simdjson::dom::object* node) {
  simdjson::dom::object data;
  if (GetObject(item, "data", &data)) {
    simdjson::dom::object media;
    if (data["taken_at"].error() && GetObject(data, "media", &media)) {
      *node = media;
    } else {
      *node = data;
    }
    return true;
  }
  if (!item["taken_at"].error() && !item["code"].error()) {
    *node = item;
    return true;
  }
  return false;
}

class InstagramHandler : public NdjsonHandler {
 public:
  explicit InstagramHandler(Emitter& out) : out_(out) {}

  Status OnFirst(simdjson::dom::object first) override {
    std::string_view platform;
    if (GetString(first, "source_platform", &platform) && !IsInstagram(platform)) {
      return DataLoss(out_.file() + ": a Zeeschuimer export from " + Quote(platform) + ", not " +
                      ExpectedDescription(Format::kInstagramNdjson));
    }
    simdjson::dom::object node;
    if (!MediaNode(first, &node)) {
      return DataLoss(out_.file() + ": the first line has no \"data\" object; expected " +
                      ExpectedDescription(Format::kInstagramNdjson));
    }
    return Status::Ok();
  }

  bool OnRecord(simdjson::dom::element, simdjson::dom::object item, std::string_view line,
                int64_t number) override {
    std::string_view platform;
    if (GetString(item, "source_platform", &platform) && !IsInstagram(platform)) {
      return out_.EmitReject(number, "platform",
                             "not an Instagram item (source_platform " + Quote(platform) + ")",
                             line);
    }
    simdjson::dom::object node;
    if (!MediaNode(item, &node)) {
      return out_.EmitReject(number, "", "no \"data\" object (the Instagram post)", line);
    }
    Post post;
    post.platform = "instagram";

    simdjson::dom::object caption;
    std::string_view text;
    if (GetObject(node, "caption", &caption)) GetString(caption, "text", &text);
    if (Trim(text).empty()) return out_.EmitReject(number, "text", "no text (no caption)", line);
    post.text.assign(text);

    if (!GetInt(node, "taken_at", &post.published_at)) {
      std::string_view bad;
      if (GetString(node, "taken_at", &bad) && ParseDateTime(bad, &post.published_at, out_.zone())) {
        // an ISO date in place of unix seconds: fine
      } else {
        return out_.EmitReject(number, "published_at",
                               "expected \"taken_at\" as unix seconds, got " +
                                   (bad.empty() ? std::string("none") : Quote(bad)),
                               line);
      }
    }

    std::string_view s;
    std::string scratch;
    simdjson::dom::element e;
    if (!node["id"].get(e) && ScalarText(e, &scratch, &s)) {
      post.source_id.assign(s);
    } else if (!node["pk"].get(e) && ScalarText(e, &scratch, &s)) {
      post.source_id.assign(s);
    } else if (!item["item_id"].get(e) && ScalarText(e, &scratch, &s)) {
      post.source_id.assign(s);
    }
    if (GetString(node, "code", &s) && !s.empty()) {
      post.url = "https://www.instagram.com/p/";
      post.url.append(s);
      post.url.push_back('/');
    }

    simdjson::dom::object user;
    if (GetObject(node, "user", &user) || GetObject(node, "owner", &user)) {
      if (GetString(user, "username", &s)) post.author.assign(s);
      if ((!user["pk"].get(e) && ScalarText(e, &scratch, &s)) ||
          (!user["id"].get(e) && ScalarText(e, &scratch, &s)) ||
          (!user["pk_id"].get(e) && ScalarText(e, &scratch, &s))) {
        post.author_id.assign(s);
      }
      if (GetString(user, "full_name", &s) && !s.empty() && s != post.author) {
        post.author_details.emplace_back(s);
      }
      if (GetString(user, "profile_pic_url", &s) && !s.empty()) {
        post.author_details.emplace_back(s);
      }
    }
    post.channel = post.author;

    int64_t n = 0;
    if (GetInt(node, "like_count", &n) && n > 0) post.engagement += n;
    if (GetInt(node, "comment_count", &n) && n > 0) post.engagement += n;

    simdjson::dom::object location;
    if (GetObject(node, "location", &location)) {
      if (GetString(location, "city", &s) && !Trim(s).empty()) {
        post.place.assign(Trim(s));
      } else if (GetString(location, "name", &s)) {
        post.place.assign(Trim(s));
      }
    }
    post.raw.assign(line);
    return out_.EmitPost(std::move(post), number);
  }

 private:
  Emitter& out_;
};

}  // namespace

Status ReadInstagram(ByteSource& src, const ReadOptions&, Emitter& out) {
  InstagramHandler handler(out);
  return ReadNdjson(src, Format::kInstagramNdjson, out, handler);
}

}  // namespace tenlik::listen::reader
