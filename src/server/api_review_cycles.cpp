// Review cycles for coordinators: GET /api/v1/review/instruments, GET/POST
// /api/v1/review/cycles, GET /api/v1/review/cycles/{id}, POST .../codes, POST
// .../close, GET .../results, GET .../export. Codes are returned once, when issued,
// and never written to the audit log or the request log.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "review/review.h"
#include "server/internal.h"
#include "server/review_json.h"

namespace tenlik::server {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxCodesPerRequest = 2000;

// Where the QR codes point: the body's "base_url" when given (the address the
// coordinator's browser uses), else this server as the request reached it.
std::optional<std::string> BaseUrl(Call& call, const nlohmann::json& body) {
  bool failed = false;
  auto given = StringField(call, body, "base_url", &failed);
  if (failed) return std::nullopt;
  if (given) {
    if (given->rfind("https://", 0) != 0 && given->rfind("http://", 0) != 0) {
      SendError(call.res, call.lang, 400, "invalid_field", "base_url");
      return std::nullopt;
    }
    return *given;
  }
  return std::string(call.options.secure_cookies ? "https://" : "http://") +
         call.req.get_header_value("Host");
}

// The codes with their QR codes (SVG text) and links, as returned once.
std::optional<nlohmann::json> CodesJson(Call& call, const std::vector<review::IssuedCode>& codes,
                                        const std::string& base_url) {
  nlohmann::json list = nlohmann::json::array();
  std::string base = base_url;
  if (!base.empty() && base.back() == '/') base.pop_back();
  for (const review::IssuedCode& issued : codes) {
    auto svg = review::QrSvg(base, issued.code);
    if (!svg.ok()) {
      SendError(call.res, call.lang, 400, "invalid_field", "base_url");
      return std::nullopt;
    }
    list.push_back({{"group", issued.group},
                    {"code", issued.code},
                    {"url", base + "/r/" + issued.code},
                    {"qr_svg", *svg}});
  }
  return list;
}

// "staff 20, parents 40" for the audit log: how many, never which.
std::string CountsDetail(const std::vector<std::pair<std::string, int>>& counts) {
  std::string detail;
  for (const auto& [group, count] : counts) {
    if (!detail.empty()) detail += ", ";
    detail += group + " " + std::to_string(count);
  }
  return detail;
}

std::optional<int> CodeCount(Call& call, const nlohmann::json& value, const char* field) {
  if (!value.is_number_integer() || value.get<int64_t>() < 0 ||
      value.get<int64_t>() > kMaxCodesPerRequest) {
    SendError(call.res, call.lang, 400, "invalid_field", field);
    return std::nullopt;
  }
  return value.get<int>();
}

}  // namespace

void HandleListInstruments(Call& call) {
  auto instruments = review::ListInstruments(call.db);
  if (!instruments.ok()) return SendInternal(call, instruments.status());
  nlohmann::json list = nlohmann::json::array();
  for (const review::InstrumentSummary& summary : *instruments) {
    nlohmann::json groups = nlohmann::json::array();
    if (summary.kind != review::InstrumentKind::kNational) {
      for (const std::string& group : review::GroupsFor(summary.kind)) {
        groups.push_back({{"group", group}, {"label", TextJson(*review::GroupLabel(group))}});
      }
    }
    list.push_back({{"id", summary.id},
                    {"version", summary.version},
                    {"kind", review::KindName(summary.kind)},
                    {"title", TextJson(summary.title)},
                    {"imported_at", summary.imported_at},
                    {"groups", std::move(groups)}});
  }
  SendJson(call.res, 200, {{"instruments", list}});
}

void HandleListCycles(Call& call) {
  auto cycles = review::ListCycles(call.db);
  if (!cycles.ok()) return SendInternal(call, cycles.status());
  nlohmann::json list = nlohmann::json::array();
  for (const review::Cycle& cycle : *cycles) list.push_back(CycleJson(cycle));
  SendJson(call.res, 200, {{"cycles", list}});
}

void HandleGetCycle(Call& call) {
  auto id = PathId(call, "id", "cycle_not_found");
  if (!id) return;
  auto cycle = review::GetCycle(call.db, *id);
  if (!cycle.ok()) return SendReviewError(call, cycle.status(), "cycle_not_found", "bad_request");
  SendJson(call.res, 200, {{"cycle", CycleJson(*cycle)}});
}

void HandleOpenCycle(Call& call) {
  auto body = JsonBody(call);
  if (!body) return;
  bool failed = false;
  review::OpenCycleRequest request;
  auto unit = body->find("unit");
  if (unit == body->end() || !unit->is_object()) {
    return SendError(call.res, call.lang, 400, "invalid_field", "unit");
  }
  auto unit_id = StringField(call, *unit, "id", &failed);
  auto unit_name = failed ? std::nullopt : StringField(call, *unit, "name", &failed);
  auto region = failed ? std::nullopt : StringField(call, *unit, "region", &failed);
  auto instrument = failed ? std::nullopt : StringField(call, *body, "instrument", &failed);
  auto label = failed ? std::nullopt : StringField(call, *body, "label", &failed);
  auto district = failed ? std::nullopt : StringField(call, *body, "district_id", &failed);
  if (failed) return;
  if (!unit_id || !unit_name || !region || !instrument || !label) {
    return SendError(call.res, call.lang, 400, "invalid_field",
                     !unit_id      ? "unit.id"
                     : !unit_name  ? "unit.name"
                     : !region     ? "unit.region"
                     : !instrument ? "instrument"
                                   : "label");
  }
  auto base_url = BaseUrl(call, *body);
  if (!base_url) return;
  auto codes = body->find("codes");
  if (codes == body->end() || !codes->is_object()) {
    return SendError(call.res, call.lang, 400, "invalid_field", "codes");
  }
  for (const auto& [group, count] : codes->items()) {
    auto checked = CodeCount(call, count, "codes");
    if (!checked) return;
    request.codes.emplace_back(group, *checked);
  }
  auto stored = review::GetInstrument(call.db, *instrument, std::nullopt);
  if (!stored.ok()) {
    return SendReviewError(call, stored.status(), "instrument_not_found", "invalid_cycle");
  }
  if (stored->kind == review::InstrumentKind::kNational) {
    return SendError(call.res, call.lang, 409, "instrument_not_for_cycles", "instrument");
  }
  request.unit = {*unit_id, *unit_name, *region, stored->kind};
  request.instrument_id = *instrument;
  request.instrument_version = stored->version;
  request.label = *label;
  request.district_id = district.value_or("");
  auto opened = review::OpenCycle(call.db, request, call.Now());
  if (!opened.ok()) {
    if (opened.status().code() == StatusCode::kInvalidArgument) {
      return SendError(call.res, call.lang, 400, "invalid_cycle");
    }
    return SendReviewError(call, opened.status(), "instrument_not_found", "invalid_cycle");
  }
  auto list = CodesJson(call, opened->codes, *base_url);
  if (!list) return;
  if (!AuditedCycle(call, "review_cycle_open", opened->cycle.id, CountsDetail(request.codes)))
    return;
  SendJson(call.res, 201, {{"cycle", CycleJson(opened->cycle)}, {"codes", *list}});
}

void HandleIssueCodes(Call& call) {
  auto id = PathId(call, "id", "cycle_not_found");
  if (!id) return;
  auto body = JsonBody(call);
  if (!body) return;
  bool failed = false;
  auto group = StringField(call, *body, "group", &failed);
  if (failed) return;
  if (!group) return SendError(call.res, call.lang, 400, "invalid_field", "group");
  auto count_member = body->find("count");
  if (count_member == body->end())
    return SendError(call.res, call.lang, 400, "invalid_field", "count");
  auto count = CodeCount(call, *count_member, "count");
  if (!count) return;
  auto base_url = BaseUrl(call, *body);
  if (!base_url) return;
  auto issued = review::IssueCodes(call.db, *id, *group, *count);
  if (!issued.ok())
    return SendReviewError(call, issued.status(), "cycle_not_found", "invalid_cycle");
  auto list = CodesJson(call, *issued, *base_url);
  if (!list) return;
  if (!AuditedCycle(call, "review_codes", *id, CountsDetail({{*group, *count}}))) return;
  auto cycle = review::GetCycle(call.db, *id);
  if (!cycle.ok()) return SendInternal(call, cycle.status());
  SendJson(call.res, 201, {{"cycle", CycleJson(*cycle)}, {"codes", *list}});
}

void HandleCloseCycle(Call& call) {
  auto id = PathId(call, "id", "cycle_not_found");
  if (!id) return;
  Status closed = review::CloseCycle(call.db, *id, call.Now());
  if (!closed.ok()) return SendReviewError(call, closed, "cycle_not_found", "bad_request");
  if (!AuditedCycle(call, "review_cycle_close", *id, "")) return;
  auto cycle = review::GetCycle(call.db, *id);
  if (!cycle.ok()) return SendInternal(call, cycle.status());
  SendJson(call.res, 200, {{"cycle", CycleJson(*cycle)}});
}

void HandleCycleResults(Call& call) {
  auto id = PathId(call, "id", "cycle_not_found");
  if (!id) return;
  auto results = review::ComputeResults(call.db, *id);
  if (!results.ok()) {
    return SendReviewError(call, results.status(), "cycle_not_found", "bad_request");
  }
  SendJsonText(call.res, 200, review::ResultsToJson(*results));
}

void HandleCycleExport(Call& call) {
  auto id = PathId(call, "id", "cycle_not_found");
  if (!id) return;
  const std::string format = call.req.has_param("format") ? call.req.get_param_value("format") : "";
  const std::string lang = call.req.has_param("lang") ? call.req.get_param_value("lang") : "en";
  if (format != "csv" && format != "xlsx" && format != "html") {
    return SendError(call.res, call.lang, 400, "invalid_parameter", "format");
  }
  if (lang != "kk" && lang != "ru" && lang != "en") {
    return SendError(call.res, call.lang, 400, "invalid_parameter", "lang");
  }
  auto results = review::ComputeResults(call.db, *id);
  if (!results.ok()) {
    return SendReviewError(call, results.status(), "cycle_not_found", "bad_request");
  }
  auto instrument = review::GetInstrument(call.db, results->cycle.instrument_id,
                                          results->cycle.instrument_version);
  if (!instrument.ok()) return SendInternal(call, instrument.status());
  // The development plan, once chosen, is printed with the results (as the CLI does).
  auto plan = review::GetPlan(call.db, *id);
  if (!plan.ok()) return SendInternal(call, plan.status());
  // ExportResults writes a file (the XLSX writer needs one): a private folder per request.
  std::string folder = (fs::temp_directory_path() / "tenlik-export-XXXXXX").string();
  if (::mkdtemp(folder.data()) == nullptr) {
    return SendInternal(call, IoError("cannot create a folder for the export"));
  }
  fs::path dir = folder;
  std::error_code error;
  fs::path file = dir / ("cycle-" + std::to_string(*id) + "-" + lang + "." + format);
  Status written = review::ExportResults(*results, *instrument, lang, file.string(), *plan);
  std::string content;
  if (written.ok()) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream read;
    read << in.rdbuf();
    content = read.str();
  }
  fs::remove_all(dir, error);
  if (!written.ok()) return SendInternal(call, written);
  const char* type = format == "csv"    ? "text/csv; charset=utf-8"
                     : format == "html" ? "text/html; charset=utf-8"
                                        : "application/vnd.openxmlformats-officedocument."
                                          "spreadsheetml.sheet";
  call.res.status = 200;
  call.res.set_header("Content-Disposition",
                      "attachment; filename=\"" + file.filename().string() + "\"");
  if (format == "html") {
    call.res.set_header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; "
                        "img-src data:; sandbox");
  }
  call.res.set_content(content, type);
}

}  // namespace tenlik::server
