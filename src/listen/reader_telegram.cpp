// Telegram Desktop export reader (Format::kTelegramJson): result.json of one chat
// or of a whole account; see docs/formats.md "Telegram Desktop export".
#include <algorithm>
#include <cstring>
#include <string>

#include "listen/reader_ndjson.h"

namespace tenlik::listen::reader {
namespace {

namespace od = simdjson::ondemand;

struct Chat {
  std::string name, type, id, username;
  bool IsChannel() const { return type.find("channel") != std::string::npos; }
  bool IsPersonal() const {
    return type == "personal_chat" || type == "bot_chat" || type == "saved_messages";
  }
};

// Text of a scalar ondemand value (string, or a number's token).
simdjson::error_code ValueText(od::value v, std::string* out) {
  od::json_type t;
  SIMDJSON_TRY(v.type().get(t));
  if (t == od::json_type::string) {
    std::string_view s;
    SIMDJSON_TRY(v.get_string().get(s));
    out->assign(s);
  } else if (t == od::json_type::number) {
    std::string_view s = v.raw_json_token();
    out->assign(Trim(s));
  }
  return simdjson::SUCCESS;
}

class TelegramReader {
 public:
  TelegramReader(Emitter& out, const std::string& buf) : out_(out), counted_(buf.data()) {}

  // Reads the metadata of a chat object; leaves it rewound.
  simdjson::error_code Meta(od::object obj, Chat* chat, bool* has_messages, bool* has_chats) {
    for (auto f : obj) {
      od::field field;
      SIMDJSON_TRY(std::move(f).get(field));
      std::string_view key;
      SIMDJSON_TRY(field.unescaped_key().get(key));
      if (key == "name") {
        SIMDJSON_TRY(ValueText(field.value(), &chat->name));
      } else if (key == "type") {
        SIMDJSON_TRY(ValueText(field.value(), &chat->type));
      } else if (key == "id") {
        SIMDJSON_TRY(ValueText(field.value(), &chat->id));
      } else if (key == "username") {
        SIMDJSON_TRY(ValueText(field.value(), &chat->username));
      } else if (key == "messages") {
        *has_messages = true;
      } else if (key == "chats" || key == "left_chats") {
        if (has_chats != nullptr) *has_chats = true;
      }
    }
    bool ignored;
    return obj.reset().get(ignored);
  }

  // Reads the "messages" of a chat object (metadata in `chat`).
  simdjson::error_code Messages(od::object obj, const Chat& chat) {
    for (auto f : obj) {
      od::field field;
      SIMDJSON_TRY(std::move(f).get(field));
      std::string_view key;
      SIMDJSON_TRY(field.unescaped_key().get(key));
      if (key != "messages") continue;
      od::array messages;
      if (field.value().get_array().get(messages)) continue;  // not an array: ignore
      for (auto m : messages) {
        od::value value;
        SIMDJSON_TRY(std::move(m).get(value));
        od::json_type t;
        SIMDJSON_TRY(value.type().get(t));
        std::string_view raw;
        if (t == od::json_type::object) {
          od::object message;
          SIMDJSON_TRY(value.get_object().get(message));
          SIMDJSON_TRY(message.raw_json().get(raw));
        } else {
          raw = value.raw_json_token();
          if (t == od::json_type::array) {
            od::array a;
            SIMDJSON_TRY(value.get_array().get(a));
            SIMDJSON_TRY(a.raw_json().get(raw));
          }
        }
        if (!Message(raw, chat)) return simdjson::SUCCESS;  // cancelled
      }
    }
    return simdjson::SUCCESS;
  }

  // A full-account export: {"chats": {"list": [chat, ...]}, "left_chats": {...}}.
  simdjson::error_code Account(od::object top) {
    for (auto f : top) {
      od::field field;
      SIMDJSON_TRY(std::move(f).get(field));
      std::string_view key;
      SIMDJSON_TRY(field.unescaped_key().get(key));
      if (key != "chats" && key != "left_chats") continue;
      od::object chats;
      if (field.value().get_object().get(chats)) continue;
      for (auto g : chats) {
        od::field list_field;
        SIMDJSON_TRY(std::move(g).get(list_field));
        std::string_view list_key;
        SIMDJSON_TRY(list_field.unescaped_key().get(list_key));
        if (list_key != "list") continue;
        od::array list;
        if (list_field.value().get_array().get(list)) continue;
        for (auto c : list) {
          od::value chat_value;
          SIMDJSON_TRY(std::move(c).get(chat_value));
          od::object chat_obj;
          if (chat_value.get_object().get(chat_obj)) continue;
          Chat chat;
          bool has_messages = false;
          SIMDJSON_TRY(Meta(chat_obj, &chat, &has_messages, nullptr));
          if (!has_messages || chat.IsPersonal()) continue;
          SIMDJSON_TRY(Messages(chat_obj, chat));
          if (out_.cancelled()) return simdjson::SUCCESS;
        }
      }
    }
    return simdjson::SUCCESS;
  }

  int64_t LineAt(const char* p) {
    if (p < counted_) return line_;
    line_ += std::count(counted_, p, '\n');
    counted_ = p;
    return line_;
  }

 private:
  // False when cancelled.
  bool Message(std::string_view raw, const Chat& chat) {
    int64_t line = LineAt(raw.data());
    minified_.resize(raw.size() + simdjson::SIMDJSON_PADDING);
    size_t n = 0;
    if (simdjson::minify(raw.data(), raw.size(), minified_.data(), n)) {
      std::memcpy(minified_.data(), raw.data(), raw.size());
      n = raw.size();
    }
    std::string_view json(minified_.data(), n);
    simdjson::dom::object m;
    auto error = parser_.parse(json.data(), json.size(), false).get_object().get(m);
    if (error) {
      if (out_.skipping()) {
        out_.Skip();
        return true;
      }
      return out_.EmitReject(line, "",
                             std::string("message is not a JSON object: ") +
                                 simdjson::error_message(error),
                             raw);
    }
    std::string_view s;
    if (GetString(m, "type", &s) && s == "service") return true;  // not a post: not counted
    if (out_.skipping()) {
      out_.Skip();
      return true;
    }

    Post post;
    post.platform = "telegram";
    post.channel = chat.name;
    std::string scratch;
    simdjson::dom::element e;
    std::string id;
    if (!m["id"].get(e) && ScalarText(e, &scratch, &s)) id.assign(s);
    post.source_id = chat.id.empty() || id.empty() ? id : chat.id + "/" + id;

    // Text: a string, or an array of strings and entities {"type", "text"}.
    if (!m["text"].get(e)) {
      if (e.is_string()) {
        post.text.assign(e.get_string().value_unsafe());
      } else if (simdjson::dom::array parts; !e.get_array().get(parts)) {
        for (simdjson::dom::element part : parts) {
          if (part.is_string()) {
            post.text.append(part.get_string().value_unsafe());
          } else if (part.is_object() && !part["text"].get_string().get(s)) {
            post.text.append(s);
          }
        }
      }
    }
    if (Trim(post.text).empty()) {
      bool media = !m["media_type"].error() || !m["photo"].error() || !m["file"].error() ||
                   !m["sticker_emoji"].error() || !m["poll"].error();
      return out_.EmitReject(line, "text", media ? "no text (media-only message)" : "no text", raw);
    }

    // Date: "date_unixtime" (UTC), else "date" (local time of the exporting machine,
    // read in --timezone, UTC by default).
    if (!GetInt(m, "date_unixtime", &post.published_at)) {
      std::string_view date;
      GetString(m, "date", &date);
      if (date.empty() || !ParseDateTime(date, &post.published_at, out_.zone())) {
        return out_.EmitReject(
            line, "published_at",
            "expected \"date_unixtime\" (unix seconds) or \"date\" like 2026-11-24T09:15:00, got " +
                (date.empty() ? std::string("none") : Quote(date)),
            raw);
      }
    }

    if (GetString(m, "from", &s)) post.author.assign(s);
    if (!m["from_id"].get(e) && ScalarText(e, &scratch, &s)) post.author_id.assign(s);
    if (post.author.empty() && post.author_id.empty() && chat.IsChannel()) {
      post.author = chat.name;
      if (!chat.id.empty()) post.author_id = "channel" + chat.id;
    }
    if (GetString(m, "author", &s) && !s.empty() && s != post.author) {
      post.author_details.emplace_back(s);  // the post's signature in a channel
    }
    if (!m["reply_to_message_id"].get(e) && ScalarText(e, &scratch, &s)) {
      post.reply_to = chat.id.empty() ? std::string(s) : chat.id + "/" + std::string(s);
    }
    simdjson::dom::array reactions;
    if (!m["reactions"].get_array().get(reactions)) {
      for (simdjson::dom::element r : reactions) {
        simdjson::dom::object ro;
        int64_t count = 0;
        if (!r.get_object().get(ro) && GetInt(ro, "count", &count) && count > 0) {
          post.engagement += count;
        }
      }
    }
    if (!chat.username.empty() && !id.empty()) {
      post.url = "https://t.me/" + chat.username + "/" + id;
    }
    post.raw.assign(json);
    return out_.EmitPost(std::move(post), line);
  }

  Emitter& out_;
  const char* counted_;
  int64_t line_ = 1;
  simdjson::dom::parser parser_;
  std::string minified_;
};

int64_t LineOf(const std::string& buf, const char* p) {
  if (p < buf.data() || p > buf.data() + buf.size()) return 0;
  return 1 + std::count(buf.data(), p, '\n');
}

}  // namespace

Status ReadTelegram(ByteSource& src, const ReadOptions&, Emitter& out) {
  std::string buf;
  TENLIK_RETURN_IF_ERROR(ReadAll(src, &buf));
  size_t start = 0;
  if (buf.size() >= 3 && std::memcmp(buf.data(), "\xEF\xBB\xBF", 3) == 0) {
    std::memset(buf.data(), ' ', 3);  // keep offsets (and line numbers) as in the file
  }
  const std::string expected = std::string(ExpectedDescription(Format::kTelegramJson));
  od::parser parser;
  od::document doc;
  od::object top;
  auto error = parser.iterate(buf.data() + start, buf.size() - start, buf.capacity() - start).get(doc);
  if (!error) error = doc.get_object().get(top);
  if (error) {
    return DataLoss(out.file() + ": not " + expected + " (" + simdjson::error_message(error) + ")");
  }
  TelegramReader reader(out, buf);
  Chat chat;
  bool has_messages = false, has_chats = false;
  error = reader.Meta(top, &chat, &has_messages, &has_chats);
  if (!error && !has_messages && !has_chats) {
    return DataLoss(out.file() + ": not " + expected +
                    ": the top-level object has no \"messages\" or \"chats\"");
  }
  if (!error) error = has_messages ? reader.Messages(top, chat) : reader.Account(top);
  if (error) {
    const char* at = nullptr;
    int64_t line = doc.current_location().get(at) ? 0 : LineOf(buf, at);
    return DataLoss(out.file() + ": not valid JSON" +
                    (line > 0 ? " at line " + std::to_string(line) : std::string()) + " (" +
                    simdjson::error_message(error) + "); expected " + expected +
                    "; is the file truncated?");
  }
  return out.Finish();
}

}  // namespace tenlik::listen::reader
