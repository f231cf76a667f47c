// Explain() and ExplainJson(): the parse tree as indented text and as JSON.
#include <cstdio>
#include <string>

#include "query/ast.h"

namespace tenlik::query {

using internal::Node;
using internal::NodeKind;
using internal::Word;
using internal::WordKind;

namespace {

// JSON string literal; control characters escaped, UTF-8 passed through.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out += "\"";
  return out;
}

const char* OpName(const Node& node) {
  switch (node.kind) {
    case NodeKind::kAnd: return "and";
    case NodeKind::kOr: return "or";
    case NodeKind::kNot: return "not";
    case NodeKind::kNear: return "near";
    case NodeKind::kONear: return "onear";
    case NodeKind::kPrefix: return "prefix";
    case NodeKind::kStem: return "stem";
    case NodeKind::kPhrase: return "phrase";
    case NodeKind::kField: return "field";
    case NodeKind::kTerm: {
      const std::string& key = node.words[0].key;
      if (!key.empty() && key[0] == '#') return "hashtag";
      if (!key.empty() && key[0] == '@') return "mention";
      return "term";
    }
  }
  return "?";
}

std::string Upper(const char* s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  return out;
}

std::string WordKey(const Word& word) {
  std::string key = word.key;
  if (word.kind == WordKind::kPrefix) key += "*";
  if (word.kind == WordKind::kStem) key = "~" + key;
  return key;
}

void ExplainText(const Node& node, int indent, std::string* out) {
  out->append(static_cast<size_t>(indent) * 2, ' ');
  out->append(Upper(OpName(node)));
  switch (node.kind) {
    case NodeKind::kNear:
    case NodeKind::kONear:
      out->append("/" + std::to_string(node.distance));
      break;
    case NodeKind::kField:
      out->append(std::string(" ") + internal::FieldName(node.field) + " = " + Quote(node.value));
      break;
    case NodeKind::kTerm:
    case NodeKind::kPrefix:
    case NodeKind::kStem:
    case NodeKind::kPhrase: {
      out->append(" " + Quote(node.text) + " key ");
      std::string keys;
      for (const Word& word : node.words) {
        if (!keys.empty()) keys += " ";
        keys += WordKey(word);
      }
      out->append(Quote(keys));
      if (node.kind == NodeKind::kStem) {
        out->append(" stems");
        for (const std::string& stem : node.words[0].stem_keys) out->append(" " + stem);
      }
      break;
    }
    default:
      break;
  }
  out->append("\n");
  for (const auto& child : node.children) ExplainText(*child, indent + 1, out);
}

void ExplainJsonNode(const Node& node, std::string* out) {
  *out += "{\"op\":" + Quote(OpName(node)) + ",\"column\":" + std::to_string(node.column);
  switch (node.kind) {
    case NodeKind::kAnd:
    case NodeKind::kOr:
    case NodeKind::kNot:
    case NodeKind::kNear:
    case NodeKind::kONear:
      if (node.kind == NodeKind::kNear || node.kind == NodeKind::kONear) {
        *out += ",\"distance\":" + std::to_string(node.distance);
      }
      *out += ",\"children\":[";
      for (size_t i = 0; i < node.children.size(); ++i) {
        if (i) *out += ",";
        ExplainJsonNode(*node.children[i], out);
      }
      *out += "]";
      break;
    case NodeKind::kField:
      *out += std::string(",\"field\":") + Quote(internal::FieldName(node.field)) +
              ",\"value\":" + Quote(node.value);
      break;
    case NodeKind::kPhrase:
      *out += ",\"text\":" + Quote(node.text) + ",\"words\":[";
      for (size_t i = 0; i < node.words.size(); ++i) {
        if (i) *out += ",";
        *out += "{\"key\":" + Quote(node.words[i].key) + ",\"prefix\":" +
                (node.words[i].kind == WordKind::kPrefix ? "true" : "false") + "}";
      }
      *out += "]";
      break;
    default:
      *out += ",\"text\":" + Quote(node.text) + ",\"key\":" + Quote(node.words[0].key);
      if (node.kind == NodeKind::kStem) {
        *out += ",\"stems\":[";
        for (size_t i = 0; i < node.words[0].stem_keys.size(); ++i) {
          if (i) *out += ",";
          *out += Quote(node.words[0].stem_keys[i]);
        }
        *out += "]";
      }
  }
  *out += "}";
}

}  // namespace

std::string Explain(const Query& query) {
  std::string out;
  if (!query.parsed()) return out;
  ExplainText(query.root(), 0, &out);
  return out;
}

std::string ExplainJson(const Query& query) {
  std::string out;
  if (!query.parsed()) return "null";
  ExplainJsonNode(query.root(), &out);
  return out;
}

}  // namespace tenlik::query
