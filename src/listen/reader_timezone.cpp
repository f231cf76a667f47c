// LocalZone: the zone of dates that carry none (ingest --timezone). Zone rules come
// from the system's tzdata through cctz: ICU's built-in zone data is older than
// Kazakhstan's move to one zone (+05:00) on 2024-03-01.
#include <cctz/civil_time.h>

#include <chrono>
#include <string>

#include "listen/reader.h"

namespace tenlik::listen::reader {
namespace {

// "+05:00", "+0500", "+05", "-03:30" -> seconds east; false for anything else.
bool ParseFixedOffset(std::string_view s, int32_t* seconds) {
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return false;
  auto digit = [&](size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  if (!digit(1) || !digit(2)) return false;
  int hours = (s[1] - '0') * 10 + (s[2] - '0');
  int minutes = 0;
  size_t i = 3;
  bool colon = i < s.size() && s[i] == ':';
  if (colon) ++i;
  if (i < s.size() || colon) {  // minutes: "+0500", "+05:00", not "+05:"
    if (!digit(i) || !digit(i + 1) || i + 2 != s.size()) return false;
    minutes = (s[i] - '0') * 10 + (s[i + 1] - '0');
  }
  if (hours > 14 || minutes > 59) return false;
  *seconds = (s[0] == '+' ? 1 : -1) * (hours * 3600 + minutes * 60);
  return true;
}

// Letters, digits and _ - + in '/'-separated parts ("America/Argentina/Buenos_Aires",
// "Etc/GMT+5"): never a path out of the zone directory.
bool LooksLikeZoneName(std::string_view s) {
  if (s.empty() || s.size() > 64 || s.front() == '/' || s.back() == '/') return false;
  if (s.find("..") != std::string_view::npos || s.find("//") != std::string_view::npos)
    return false;
  for (char c : s) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '+' || c == '/';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

Result<LocalZone> LocalZone::Parse(std::string_view spec) {
  spec = Trim(spec);
  LocalZone zone;
  if (spec.empty() || spec == "Z" || EqualsIgnoreCase(spec, "UTC")) return zone;
  if (ParseFixedOffset(spec, &zone.fixed_offset_)) return zone;
  if (LooksLikeZoneName(spec) && cctz::load_time_zone(std::string(spec), &zone.zone_)) {
    zone.named_ = true;
    return zone;
  }
  return InvalidArgument("--timezone " + Quote(spec) +
                         ": expected an IANA zone name such as Asia/Almaty (from the "
                         "system's tzdata), a fixed offset such as +05:00, or UTC");
}

int64_t LocalZone::ToUtc(int64_t wall_clock) const {
  if (!named_) return wall_clock - fixed_offset_;
  using seconds = std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds>;
  cctz::civil_second civil =
      cctz::convert(seconds(std::chrono::seconds(wall_clock)), cctz::utc_time_zone());
  // lookup().pre: the offset before a transition, so a skipped time moves forward
  // and a repeated time is its first occurrence.
  return zone_.lookup(civil).pre.time_since_epoch().count();
}

}  // namespace tenlik::listen::reader
