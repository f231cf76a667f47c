// Reading an XLSX workbook back (labelling sheets, XLSForm instruments): libzip opens the
// package, libxml2 parses the workbook, its relationships, the shared strings and
// each worksheet. Only cell values are read; formatting is ignored.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "sheet/sheet.h"

namespace tenlik::sheet {
namespace {

// A part larger than this is refused, so a crafted file cannot exhaust memory.
constexpr zip_uint64_t kMaxPartBytes = 256u << 20;

constexpr const char* kRelationshipsNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct DocFreer {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, DocFreer>;

std::string Name(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

bool Is(const xmlNode* n, const char* local) {
  return n->type == XML_ELEMENT_NODE && Name(n) == local;
}

std::string Attr(const xmlNode* n, const char* name, const char* ns = nullptr) {
  xmlChar* v = ns ? xmlGetNsProp(n, reinterpret_cast<const xmlChar*>(name),
                                 reinterpret_cast<const xmlChar*>(ns))
                  : xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

// The text of every <t> under `n`, skipping phonetic runs (<rPh>).
void CollectText(const xmlNode* n, std::string* out) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Is(c, "rPh")) continue;
    if (Is(c, "t")) {
      xmlChar* v = xmlNodeGetContent(c);
      if (v != nullptr) {
        *out += reinterpret_cast<const char*>(v);
        xmlFree(v);
      }
      continue;
    }
    CollectText(c, out);
  }
}

std::string Content(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  if (v == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

const xmlNode* Child(const xmlNode* n, const char* local) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (Is(c, local)) return c;
  }
  return nullptr;
}

// "AB12" -> 27 (0-based column); -1 when there is no column letter.
int64_t ColumnOf(const std::string& ref) {
  int64_t col = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
  return i == 0 || col > 16384 ? -1 : col - 1;
}

class Package {
 public:
  explicit Package(std::string path) : path_(std::move(path)) {}

  Status Open() {
    int error = 0;
    zip_.reset(zip_open(path_.c_str(), ZIP_RDONLY, &error));
    if (!zip_) {
      zip_error_t e;
      zip_error_init_with_code(&e, error);
      std::string why = zip_error_strerror(&e);
      zip_error_fini(&e);
      return DataLoss(path_ + ": not an XLSX workbook (cannot open it as a zip package: " + why +
                      ")");
    }
    return Status::Ok();
  }

  // The parsed XML of part `name`; DataLoss naming the part when missing or malformed.
  Result<XmlDoc> Part(const std::string& name) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_.get(), name.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
      return DataLoss(path_ + ": not an XLSX workbook (no part " + name + ")");
    }
    if (st.size > kMaxPartBytes) return DataLoss(path_ + ": part " + name + " is too large");
    zip_file_t* f = zip_fopen(zip_.get(), name.c_str(), 0);
    if (f == nullptr)
      return DataLoss(path_ + ": cannot read part " + name + ": " + zip_strerror(zip_.get()));
    std::string bytes(static_cast<size_t>(st.size), '\0');
    zip_int64_t got = zip_fread(f, bytes.data(), st.size);
    zip_fclose(f);
    if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
      return DataLoss(path_ + ": part " + name + " is damaged (read " + std::to_string(got) +
                      " of " + std::to_string(st.size) + " bytes)");
    }
    // No network, no external entities, no DTD loading: the file is untrusted.
    XmlDoc doc(
        xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name.c_str(), "UTF-8",
                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE));
    if (!doc || xmlDocGetRootElement(doc.get()) == nullptr) {
      const xmlError* e = xmlGetLastError();
      return DataLoss(path_ + ": part " + name + " is not well-formed XML" +
                      (e && e->message ? std::string(" (") + e->message + ")" : std::string()));
    }
    return doc;
  }

  bool Has(const std::string& name) { return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0; }

 private:
  std::string path_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
};

// xl/<target> or an absolute "/xl/..." target -> the part name in the package.
std::string PartName(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

Sheet ReadSheet(const xmlNode* root, const std::vector<std::string>& shared) {
  Sheet sheet;
  const xmlNode* data = Child(root, "sheetData");
  if (data == nullptr) return sheet;
  int64_t next_row = 1;
  for (const xmlNode* r = data->children; r != nullptr; r = r->next) {
    if (!Is(r, "row")) continue;
    Row row;
    std::string number = Attr(r, "r");
    row.number = number.empty() ? next_row : std::atoll(number.c_str());
    next_row = row.number + 1;
    int64_t next_col = 0;
    for (const xmlNode* c = r->children; c != nullptr; c = c->next) {
      if (!Is(c, "c")) continue;
      std::string ref = Attr(c, "r");
      int64_t col = ref.empty() ? next_col : ColumnOf(ref);
      if (col < 0) continue;
      next_col = col + 1;
      std::string type = Attr(c, "t"), value;
      if (type == "inlineStr") {
        if (const xmlNode* is = Child(c, "is")) CollectText(is, &value);
      } else if (const xmlNode* v = Child(c, "v")) {
        value = Content(v);
        if (type == "s") {
          char* end = nullptr;
          long long index = std::strtoll(value.c_str(), &end, 10);
          value = (end != value.c_str() && index >= 0 && static_cast<size_t>(index) < shared.size())
                      ? shared[static_cast<size_t>(index)]
                      : std::string();
        }
      }
      if (value.empty()) continue;
      if (row.cells.size() <= static_cast<size_t>(col))
        row.cells.resize(static_cast<size_t>(col) + 1);
      row.cells[static_cast<size_t>(col)] = std::move(value);
    }
    if (!row.cells.empty()) sheet.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace

Result<std::map<std::string, Sheet>> ReadXlsx(const std::string& path) {
  if (!std::filesystem::exists(path)) return NotFound(path + ": file not found");
  Package package(path);
  TENLIK_RETURN_IF_ERROR(package.Open());

  std::map<std::string, std::string> targets;  // relationship id -> part name
  {
    TENLIK_ASSIGN_OR_RETURN(XmlDoc rels, package.Part("xl/_rels/workbook.xml.rels"));
    for (const xmlNode* n = xmlDocGetRootElement(rels.get())->children; n != nullptr; n = n->next) {
      if (Is(n, "Relationship")) targets[Attr(n, "Id")] = PartName(Attr(n, "Target"));
    }
  }
  std::vector<std::string> shared;
  if (package.Has("xl/sharedStrings.xml")) {
    TENLIK_ASSIGN_OR_RETURN(XmlDoc strings, package.Part("xl/sharedStrings.xml"));
    for (const xmlNode* n = xmlDocGetRootElement(strings.get())->children; n != nullptr;
         n = n->next) {
      if (!Is(n, "si")) continue;
      std::string s;
      CollectText(n, &s);
      shared.push_back(std::move(s));
    }
  }
  TENLIK_ASSIGN_OR_RETURN(XmlDoc workbook, package.Part("xl/workbook.xml"));
  const xmlNode* sheets = Child(xmlDocGetRootElement(workbook.get()), "sheets");
  if (sheets == nullptr)
    return DataLoss(path + ": not an XLSX workbook (xl/workbook.xml lists no sheets)");
  std::map<std::string, Sheet> out;
  for (const xmlNode* s = sheets->children; s != nullptr; s = s->next) {
    if (!Is(s, "sheet")) continue;
    std::string name = Attr(s, "name"), id = Attr(s, "id", kRelationshipsNs);
    auto target = targets.find(id);
    if (target == targets.end()) {
      return DataLoss(path + ": sheet '" + name + "' has no part (relationship '" + id +
                      "' not found)");
    }
    TENLIK_ASSIGN_OR_RETURN(XmlDoc part, package.Part(target->second));
    out[name] = ReadSheet(xmlDocGetRootElement(part.get()), shared);
  }
  return out;
}

std::string ColumnName(size_t index) {
  std::string name;
  for (size_t n = index + 1; n > 0; n = (n - 1) / 26)
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

}  // namespace tenlik::sheet
