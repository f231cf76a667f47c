// Generic JSON Lines reader (Format::kJsonl); see docs/formats.md "Generic JSONL".
#include <string>
#include <unordered_map>
#include <vector>

#include "listen/reader_ndjson.h"

namespace tenlik::listen::reader {
namespace {

class JsonlHandler : public NdjsonHandler {
 public:
  JsonlHandler(const ReadOptions& options, Emitter& out) : out_(out) {
    for (int f = 0; f < kFieldCount; ++f) {
      auto mapped = options.map.find(FieldName(static_cast<Field>(f)));
      if (mapped != options.map.end()) {
        std::vector<std::string>& path = paths_[f];
        std::string_view p = mapped->second;
        size_t start = 0;
        for (;;) {
          size_t dot = p.find('.', start);
          path.emplace_back(p.substr(start, dot == std::string_view::npos ? p.npos : dot - start));
          if (dot == std::string_view::npos) break;
          start = dot + 1;
        }
        continue;
      }
      const auto& syns = FieldSynonyms(static_cast<Field>(f));
      for (size_t i = 0; i < syns.size(); ++i) {
        // A name may serve one field only: the first field that claims it.
        keys_.try_emplace(std::string(syns[i]), Slot{f, static_cast<int>(i)});
      }
    }
  }

  Status OnFirst(simdjson::dom::object) override { return Status::Ok(); }

  bool OnRecord(simdjson::dom::element root, simdjson::dom::object o, std::string_view line,
                int64_t number) override {
    values_.Clear();
    int priority[kFieldCount];
    for (int& p : priority) p = 1 << 30;
    int bad_type_field = -1;
    const char* bad_type = nullptr;

    auto take = [&](int f, simdjson::dom::element e) {
      std::string_view text;
      if (ScalarText(e, &scratch_[f], &text)) {
        values_.Set(static_cast<Field>(f), text);
        return true;
      }
      if (e.is_null()) return false;
      if (f == static_cast<int>(Field::kText) || f == static_cast<int>(Field::kPublishedAt)) {
        bad_type_field = f;
        bad_type = e.is_array() ? "an array" : "an object";
      }
      return false;
    };

    // Default names: one pass over the object's keys.
    if (!keys_.empty()) {
      for (auto [key, value] : o) {
        key_.assign(key);
        for (char& c : key_) {
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
          else if (c == ' ' || c == '-') c = '_';
        }
        auto it = keys_.find(key_);
        if (it == keys_.end() || it->second.priority >= priority[it->second.field]) continue;
        if (take(it->second.field, value)) priority[it->second.field] = it->second.priority;
      }
    }
    // Mapped dotted paths.
    for (int f = 0; f < kFieldCount; ++f) {
      if (paths_[f].empty()) continue;
      simdjson::dom::element e = root;
      bool found = true;
      for (const std::string& seg : paths_[f]) {
        simdjson::dom::object obj;
        simdjson::dom::array arr;
        if (!e.get_object().get(obj)) {
          if (obj[seg].get(e)) found = false;
        } else if (!e.get_array().get(arr)) {
          size_t index = 0;
          bool digits = !seg.empty();
          for (char c : seg) {
            if (c < '0' || c > '9') digits = false;
            else index = index * 10 + static_cast<size_t>(c - '0');
          }
          if (!digits || arr.at(index).get(e)) found = false;
        } else {
          found = false;
        }
        if (!found) break;
      }
      if (found) take(f, e);
    }
    if (bad_type != nullptr && !values_.present[bad_type_field]) {
      return out_.EmitReject(number, FieldName(static_cast<Field>(bad_type_field)),
                             std::string("expected a string, got ") + bad_type, line);
    }

    Post post;
    std::string field, reason;
    if (!BuildGenericPost(values_, out_.zone(), &post, &field, &reason)) {
      return out_.EmitReject(number, std::move(field), std::move(reason), line);
    }
    post.raw.assign(line);
    return out_.EmitPost(std::move(post), number);
  }

 private:
  struct Slot {
    int field;
    int priority;
  };
  Emitter& out_;
  std::vector<std::string> paths_[kFieldCount];
  std::unordered_map<std::string, Slot> keys_;
  std::string key_;
  std::string scratch_[kFieldCount];
  GenericValues values_;
};

}  // namespace

Status ReadJsonl(ByteSource& src, const ReadOptions& options, Emitter& out) {
  JsonlHandler handler(options, out);
  return ReadNdjson(src, Format::kJsonl, out, handler);
}

}  // namespace tenlik::listen::reader
