// The built front end: files from the web folder, index.html for client-side routes,
// and a small trilingual page when the front end has not been built.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "server/internal.h"

namespace tenlik::server {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kNotBuiltPage = R"html(<!doctype html>
<html lang="kk"><head><meta charset="utf-8"><title>Tenlik</title></head>
<body>
<h1>Теңдік — Tenlik</h1>
<p lang="kk">Веб-интерфейс әлі құрастырылмаған. API жұмыс істеп тұр: /api/v1/health.</p>
<p lang="ru">Веб-интерфейс ещё не собран. API работает: /api/v1/health.</p>
<p lang="en">The web front end is not built yet. The API is running: /api/v1/health.</p>
</body></html>
)html";

const char* ContentType(const fs::path& file) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
  };
  std::string extension = file.extension().string();
  for (const auto& [ext, type] : kTypes) {
    if (extension == ext) return type;
  }
  return "application/octet-stream";
}

// A request path that cannot escape the folder: no "..", ".", empty-name tricks,
// backslashes or NUL bytes (httplib has already percent-decoded it).
bool SafePath(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) {
    return false;
  }
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(start, end - start);
    if (segment == ".." || segment == ".") return false;
    start = end + 1;
  }
  return true;
}

bool SendFile(httplib::Response& res, const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::ostringstream content;
  content << in.rdbuf();
  res.status = 200;
  res.set_content(content.str(), ContentType(file));
  return true;
}

}  // namespace

void ServeStatic(const httplib::Request& req, httplib::Response& res, const std::string& web_dir,
                 Lang lang) {
  if (!SafePath(req.path)) return SendError(res, lang, 400, "bad_path");
  std::error_code error;
  fs::path root = fs::canonical(web_dir, error);
  if (error || !fs::is_directory(root)) {
    if (req.path == "/" || req.path == "/index.html") {
      res.status = 200;
      res.set_content(std::string(kNotBuiltPage), "text/html; charset=utf-8");
      return;
    }
    return SendError(res, lang, 404, "not_found");
  }
  fs::path wanted = root / fs::path(req.path).relative_path();
  if (req.path.back() == '/') wanted /= "index.html";
  fs::path resolved = fs::weakly_canonical(wanted, error);
  // A symbolic link inside the folder must not lead out of it.
  auto inside = std::mismatch(root.begin(), root.end(), resolved.begin(), resolved.end());
  if (error || inside.first != root.end()) return SendError(res, lang, 400, "bad_path");
  if (fs::is_regular_file(resolved, error) && SendFile(res, resolved)) return;
  // Client-side routes ("/reports/2025") get the application; missing assets do not.
  if (!fs::path(req.path).has_extension() && SendFile(res, root / "index.html")) return;
  SendError(res, lang, 404, "not_found");
}

}  // namespace tenlik::server
