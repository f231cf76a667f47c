// QR codes of access links as SVG (libqrencode).
#include <qrencode.h>

#include <memory>

#include "review/review.h"

namespace tenlik::review {

Result<std::string> QrSvg(const std::string& base_url, const std::string& code) {
  std::string url = base_url;
  if (!url.empty() && url.back() == '/') url.pop_back();
  url += "/r/" + code;
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString8bit(url.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!qr) return InvalidArgument("cannot encode as a QR code (too long?): " + url);
  constexpr int kQuiet = 4;
  const int width = qr->width;
  const int size = width + 2 * kQuiet;
  std::string svg =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
      std::to_string(size) + " " + std::to_string(size) + "\" width=\"" + std::to_string(size * 8) +
      "\" height=\"" + std::to_string(size * 8) +
      "\" shape-rendering=\"crispEdges\">\n<rect width=\"100%\" height=\"100%\" "
      "fill=\"#fff\"/>\n<path fill=\"#000\" d=\"";
  // One horizontal run of dark modules per path segment.
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width;) {
      if ((qr->data[y * width + x] & 1) == 0) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < width && (qr->data[y * width + x + run] & 1) != 0) ++run;
      svg += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h" +
             std::to_string(run) + "v1h-" + std::to_string(run) + "z";
      x += run;
    }
  }
  svg += "\"/>\n</svg>\n";
  return svg;
}

}  // namespace tenlik::review
