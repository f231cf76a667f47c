// Masking personal data inside post text (internal to listen/).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace tenlik::listen {

// Returns `text` with e-mail addresses replaced by "[email]", phone numbers (10 to 15
// digits, with the usual separators) by "[phone]", and each @mention replaced by
// what `mention` returns for the handle (without '@'); `mention` decides whether a
// handle is an organisation that keeps its name or a person who gets a pseudonym.
// With `json_escaped`, `text` is JSON (a raw record) and escapes such as "\n" end
// a word, as the characters they stand for would.
std::string MaskPersonalData(std::string_view text,
                             const std::function<std::string(std::string_view)>& mention,
                             bool json_escaped = false);

}  // namespace tenlik::listen
