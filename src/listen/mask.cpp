#include "listen/mask.h"

namespace tenlik::listen {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLocalPartChar(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '-' || c == '+';
}
bool IsHandleChar(char c) { return IsAsciiAlnum(c) || c == '_' || c == '.'; }

// Length of a domain ("mail.kz") starting at `text[i]`, or 0 when there is none.
size_t DomainLength(std::string_view text, size_t i) {
  size_t end = i;
  while (end < text.size() && (IsAsciiAlnum(text[end]) || text[end] == '.' || text[end] == '-'))
    ++end;
  while (end > i && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
  std::string_view domain = text.substr(i, end - i);
  size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return 0;
  for (size_t k = dot + 1; k < domain.size(); ++k) {
    if (IsDigit(domain[k])) return 0;  // a top-level domain is letters
  }
  return domain.size();
}

// Length of a phone number starting at `text[i]`, or 0. Accepts "+" and 10-15
// digits, or 11 digits starting with 7 or 8 (Kazakhstan's national form), with
// spaces, dashes, dots and brackets between digit groups.
size_t PhoneLength(std::string_view text, size_t i) {
  bool plus = text[i] == '+';
  size_t end = plus ? i + 1 : i;
  size_t last_digit_end = end;
  int digits = 0;
  char first = 0;
  while (end < text.size()) {
    char c = text[end];
    if (IsDigit(c)) {
      if (digits == 0) first = c;
      ++digits;
      last_digit_end = end + 1;
    } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
      break;
    }
    ++end;
  }
  if (last_digit_end < text.size() && IsAsciiAlnum(text[last_digit_end])) return 0;
  bool phone =
      plus ? (digits >= 10 && digits <= 15) : (digits == 11 && (first == '7' || first == '8'));
  return phone ? last_digit_end - i : 0;
}

}  // namespace

std::string MaskPersonalData(std::string_view text,
                             const std::function<std::string(std::string_view)>& mention,
                             bool json_escaped) {
  // True when text[k] is the letter of an escape like "\n" in JSON.
  auto escaped = [&](size_t k) { return json_escaped && k > 0 && text[k - 1] == '\\'; };
  std::string out;
  out.reserve(text.size());
  // Text between masked spans is copied in runs, not byte by byte.
  size_t copied = 0;
  auto copy_to = [&](size_t end) {
    out.append(text, copied, end - copied);
    copied = end;
  };
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '@') {
      size_t local = 0;
      while (local < i && IsLocalPartChar(text[i - 1 - local]) && !escaped(i - 1 - local)) ++local;
      size_t domain = DomainLength(text, i + 1);
      if (local > 0 && domain > 0) {  // an e-mail address
        copy_to(i);
        out.resize(out.size() - local);
        out += "[email]";
        i += 1 + domain;
        copied = i;
        continue;
      }
      size_t handle = 0;
      while (i + 1 + handle < text.size() && IsHandleChar(text[i + 1 + handle])) ++handle;
      while (handle > 0 && text[i + handle] == '.') --handle;
      if (local == 0 && handle > 0) {
        copy_to(i);
        out += '@';
        out += mention(text.substr(i + 1, handle));
        i += 1 + handle;
        copied = i;
        continue;
      }
    } else if (c == '+' || IsDigit(c)) {
      bool at_word_start = i == 0 || !IsAsciiAlnum(text[i - 1]) || escaped(i - 1);
      if (size_t phone = at_word_start ? PhoneLength(text, i) : 0; phone > 0) {
        copy_to(i);
        out += "[phone]";
        i += phone;
        copied = i;
        continue;
      }
    }
    ++i;
  }
  copy_to(text.size());
  return out;
}

}  // namespace tenlik::listen
