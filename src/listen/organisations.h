// The corpus's list of organisations and media that keep their names (internal).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.h"
#include "listen/listen.h"

namespace tenlik::listen {

class OrganisationList {
 public:
  // Reads "name<TAB>organisation|media" lines; '#' starts a comment and a first
  // line "name<TAB>type" is a header. An empty path
  // gives an empty list. Errors name the file and line.
  static Result<OrganisationList> Load(const std::string& path);

  // The listed type of `name_or_handle` (matched case- and spelling-insensitively,
  // with or without a leading '@'), or nullopt for anyone not listed.
  std::optional<AuthorType> Find(std::string_view name_or_handle) const;

  size_t size() const { return types_.size(); }

 private:
  static std::string Key(std::string_view name);
  std::unordered_map<std::string, AuthorType> types_;
};

}  // namespace tenlik::listen
