#include "listen/organisations.h"

#include <fstream>

#include "text/text.h"

namespace tenlik::listen {

std::string OrganisationList::Key(std::string_view name) {
  while (!name.empty() && (name.front() == ' ' || name.front() == '@')) name.remove_prefix(1);
  while (!name.empty() && (name.back() == ' ' || name.back() == '\r')) name.remove_suffix(1);
  return text::Fold(name);
}

Result<OrganisationList> OrganisationList::Load(const std::string& path) {
  OrganisationList list;
  if (path.empty()) return list;
  std::ifstream in(path);
  if (!in) return NotFound("cannot open organisation list " + path);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      return InvalidArgument(path + ":" + std::to_string(number) +
                             ": expected name<TAB>organisation|media");
    }
    if (number == 1 && line.substr(tab + 1) == "type") continue;  // a header row
    Result<AuthorType> type = ParseAuthorType(line.substr(tab + 1));
    if (!type.ok() || *type == AuthorType::kPerson) {
      return InvalidArgument(path + ":" + std::to_string(number) +
                             ": type must be organisation or media, got '" +
                             line.substr(tab + 1) + "'");
    }
    list.types_[Key(std::string_view(line).substr(0, tab))] = *type;
  }
  return list;
}

std::optional<AuthorType> OrganisationList::Find(std::string_view name_or_handle) const {
  if (types_.empty()) return std::nullopt;
  auto it = types_.find(Key(name_or_handle));
  if (it == types_.end()) return std::nullopt;
  return it->second;
}

}  // namespace tenlik::listen
