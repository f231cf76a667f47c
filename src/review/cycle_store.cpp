// Review cycles in the store: open, issue codes, list, close (tables review_cycles and
// review_codes).
#include <ctime>

#include "review/cycle_internal.h"

namespace tenlik::review {
namespace {

constexpr int kMaxCodesPerCall = 100000;

bool ValidRegion(const std::string& region) {
  if (region.size() < 5 || region.size() > 6 || region.compare(0, 3, "KZ-") != 0) return false;
  for (size_t i = 3; i < region.size(); ++i) {
    const char c = region[i];
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

bool IsGroupOf(UnitKind kind, const std::string& group) {
  for (const std::string& g : GroupsFor(kind)) {
    if (g == group) return true;
  }
  return false;
}

// Inserts `count` new codes of `group`; the codes in clear are returned, never stored.
Result<std::vector<IssuedCode>> InsertCodes(store::Connection& db, int64_t cycle_id,
                                            const std::string& group, int count) {
  TENLIK_ASSIGN_OR_RETURN(auto insert,
                          db.Prepare("INSERT INTO review_codes (cycle_id, group_name, code_hash, "
                                     "used) VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING"));
  std::vector<IssuedCode> codes;
  while (static_cast<int>(codes.size()) < count) {
    const std::string code = internal::GenerateCode();
    TENLIK_RETURN_IF_ERROR(insert->Reset());
    TENLIK_RETURN_IF_ERROR(insert->Bind(1, cycle_id));
    TENLIK_RETURN_IF_ERROR(insert->Bind(2, group));
    TENLIK_RETURN_IF_ERROR(insert->Bind(3, internal::HashCode(code)));
    TENLIK_RETURN_IF_ERROR(insert->Step().status());
    // A collision with an earlier code (about one in 10^14 per pair) draws again.
    if (insert->ChangedRows() == 1) codes.push_back({group, internal::PrintableCode(code)});
  }
  return codes;
}

Status CheckCount(const std::string& group, int count) {
  if (count < 0 || count > kMaxCodesPerCall) {
    return InvalidArgument("codes for " + group + ": expected 0 to " +
                           std::to_string(kMaxCodesPerCall) + ", got " + std::to_string(count));
  }
  return Status::Ok();
}

Status FillProgress(store::Connection& db, Cycle& cycle) {
  TENLIK_ASSIGN_OR_RETURN(auto codes,
                          db.Prepare("SELECT COUNT(*) FROM review_codes WHERE cycle_id = $1 AND "
                                     "group_name = $2"));
  TENLIK_ASSIGN_OR_RETURN(
      auto responses, db.Prepare("SELECT COUNT(*) FROM review_responses WHERE cycle_id = $1 AND "
                                 "group_name = $2"));
  cycle.groups.clear();
  for (const std::string& group : GroupsFor(cycle.unit.kind)) {
    GroupProgress progress{group, 0, std::nullopt};
    for (auto* statement : {codes.get(), responses.get()}) {
      TENLIK_RETURN_IF_ERROR(statement->Bind(1, cycle.id));
      TENLIK_RETURN_IF_ERROR(statement->Bind(2, group));
      TENLIK_ASSIGN_OR_RETURN(bool row, statement->Step());
      const int64_t n = row ? statement->ColumnInt(0) : 0;
      TENLIK_RETURN_IF_ERROR(statement->Reset());
      if (statement == codes.get()) {
        progress.codes_issued = n;
      } else if (n >= kMinGroupSize) {
        progress.responses = n;
      }
    }
    cycle.groups.push_back(std::move(progress));
  }
  return Status::Ok();
}

constexpr const char* kCycleColumns =
    "SELECT id, unit_id, unit_name, region, unit_kind, instrument_id, instrument_version, "
    "label, state, opened_at, closed_at, district_id FROM review_cycles ";

Result<Cycle> ReadCycleRow(store::Statement& select) {
  Cycle cycle;
  cycle.id = select.ColumnInt(0);
  cycle.unit.id = std::string(select.ColumnText(1));
  cycle.unit.name = std::string(select.ColumnText(2));
  cycle.unit.region = std::string(select.ColumnText(3));
  std::optional<InstrumentKind> kind = ParseKind(select.ColumnText(4));
  if (!kind) return DataLoss("cycle " + std::to_string(cycle.id) + " has an unknown unit kind");
  cycle.unit.kind = *kind;
  cycle.instrument_id = std::string(select.ColumnText(5));
  cycle.instrument_version = static_cast<int>(select.ColumnInt(6));
  cycle.label = std::string(select.ColumnText(7));
  cycle.state = select.ColumnText(8) == "closed" ? CycleState::kClosed : CycleState::kOpen;
  cycle.opened_at = select.ColumnInt(9);
  cycle.closed_at = select.ColumnInt(10);
  cycle.district_id = std::string(select.ColumnText(11));
  return cycle;
}

}  // namespace

const std::vector<std::string>& GroupsFor(UnitKind kind) {
  static const std::vector<std::string> kSchool = {"staff", "students", "parents"};
  static const std::vector<std::string> kDistrict = {"district_staff", "school_leaders"};
  static const std::vector<std::string> kNone;
  switch (kind) {
    case UnitKind::kSchool:
      return kSchool;
    case UnitKind::kDistrict:
      return kDistrict;
    case UnitKind::kNational:
      break;
  }
  return kNone;
}

const Text* GroupLabel(std::string_view group) {
  static const std::vector<std::pair<std::string_view, Text>> kLabels = {
      {"staff", {"Қызметкерлер", "Сотрудники", "Staff"}},
      {"students", {"Оқушылар", "Обучающиеся", "Students"}},
      {"parents", {"Ата-аналар", "Родители", "Parents"}},
      {"district_staff", {"Аудан қызметкерлері", "Сотрудники района", "District staff"}},
      {"school_leaders", {"Мектеп басшылары", "Руководители школ", "School leaders"}},
  };
  for (const auto& [name, label] : kLabels) {
    if (name == group) return &label;
  }
  return nullptr;
}

std::string_view CycleStateName(CycleState state) {
  return state == CycleState::kOpen ? "open" : "closed";
}

namespace internal {

std::string DayOf(int64_t now) {
  std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
  return buffer;
}

Status InTransaction(store::Connection& db, const std::function<Status()>& body) {
  TENLIK_RETURN_IF_ERROR(db.Begin());
  Status status = body();
  if (!status.ok()) {
    (void)db.Rollback();  // the body's error is the one to report
    return status;
  }
  return db.Commit();
}

Result<Instrument> CycleInstrument(store::Connection& db, const Cycle& cycle) {
  return GetInstrument(db, cycle.instrument_id, cycle.instrument_version);
}

Status RequireOpen(const Cycle& cycle) {
  if (cycle.state == CycleState::kOpen) return Status::Ok();
  return FailedPrecondition("cycle " + std::to_string(cycle.id) + " is closed");
}

}  // namespace internal

Result<OpenedCycle> OpenCycle(store::Connection& db, const OpenCycleRequest& request, int64_t now) {
  const Unit& unit = request.unit;
  if (unit.id.empty()) return InvalidArgument("unit id is empty");
  if (unit.name.empty()) return InvalidArgument("unit name is empty");
  if (request.label.empty()) return InvalidArgument("cycle label is empty");
  if (!request.district_id.empty() && unit.kind != UnitKind::kSchool) {
    return InvalidArgument("district id '" + request.district_id +
                           "': only a school cycle names its district");
  }
  if (!ValidRegion(unit.region)) {
    return InvalidArgument("region '" + unit.region +
                           "': expected an ISO 3166-2 code of Kazakhstan such as KZ-ALA");
  }
  TENLIK_ASSIGN_OR_RETURN(Instrument instrument,
                          GetInstrument(db, request.instrument_id, request.instrument_version));
  if (instrument.kind == InstrumentKind::kNational) {
    return FailedPrecondition("instrument " + instrument.id +
                              " is a national review: cycles are run by schools and districts");
  }
  if (instrument.kind != unit.kind) {
    return FailedPrecondition("instrument " + instrument.id + " is for a " +
                              std::string(KindName(instrument.kind)) + ", the unit is a " +
                              std::string(KindName(unit.kind)));
  }
  for (const auto& [group, count] : request.codes) {
    if (!IsGroupOf(unit.kind, group)) {
      return InvalidArgument("group '" + group + "' is not a group of a " +
                             std::string(KindName(unit.kind)) + " review");
    }
    TENLIK_RETURN_IF_ERROR(CheckCount(group, count));
  }
  OpenedCycle opened;
  TENLIK_RETURN_IF_ERROR(internal::InTransaction(db, [&]() -> Status {
    TENLIK_ASSIGN_OR_RETURN(
        auto insert,
        db.Prepare("INSERT INTO review_cycles (unit_id, unit_name, region, unit_kind, "
                   "instrument_id, instrument_version, label, state, opened_at, closed_at, "
                   "district_id) VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, 0, $9) "
                   "RETURNING id"));
    TENLIK_RETURN_IF_ERROR(insert->Bind(1, unit.id));
    TENLIK_RETURN_IF_ERROR(insert->Bind(2, unit.name));
    TENLIK_RETURN_IF_ERROR(insert->Bind(3, unit.region));
    TENLIK_RETURN_IF_ERROR(insert->Bind(4, KindName(unit.kind)));
    TENLIK_RETURN_IF_ERROR(insert->Bind(5, instrument.id));
    TENLIK_RETURN_IF_ERROR(insert->Bind(6, static_cast<int64_t>(instrument.version)));
    TENLIK_RETURN_IF_ERROR(insert->Bind(7, request.label));
    TENLIK_RETURN_IF_ERROR(insert->Bind(8, now));
    TENLIK_RETURN_IF_ERROR(insert->Bind(9, request.district_id));
    TENLIK_ASSIGN_OR_RETURN(bool row, insert->Step());
    if (!row) return Internal("inserting a cycle returned no id");
    const int64_t id = insert->ColumnInt(0);
    while (true) {  // finish the statement before the next one
      TENLIK_ASSIGN_OR_RETURN(bool more, insert->Step());
      if (!more) break;
    }
    for (const auto& [group, count] : request.codes) {
      TENLIK_ASSIGN_OR_RETURN(std::vector<IssuedCode> codes, InsertCodes(db, id, group, count));
      opened.codes.insert(opened.codes.end(), codes.begin(), codes.end());
    }
    opened.cycle.id = id;
    return Status::Ok();
  }));
  TENLIK_ASSIGN_OR_RETURN(opened.cycle, GetCycle(db, opened.cycle.id));
  return opened;
}

Result<std::vector<IssuedCode>> IssueCodes(store::Connection& db, int64_t cycle_id,
                                           const std::string& group, int count) {
  TENLIK_RETURN_IF_ERROR(CheckCount(group, count));
  TENLIK_ASSIGN_OR_RETURN(Cycle cycle, GetCycle(db, cycle_id));
  TENLIK_RETURN_IF_ERROR(internal::RequireOpen(cycle));
  if (!IsGroupOf(cycle.unit.kind, group)) {
    return InvalidArgument("group '" + group + "' is not a group of this cycle");
  }
  std::vector<IssuedCode> codes;
  TENLIK_RETURN_IF_ERROR(internal::InTransaction(db, [&]() -> Status {
    TENLIK_ASSIGN_OR_RETURN(codes, InsertCodes(db, cycle_id, group, count));
    return Status::Ok();
  }));
  return codes;
}

Result<std::vector<Cycle>> ListCycles(store::Connection& db) {
  TENLIK_ASSIGN_OR_RETURN(auto select, db.Prepare(std::string(kCycleColumns) + "ORDER BY id DESC"));
  std::vector<Cycle> cycles;
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, select->Step());
    if (!row) break;
    TENLIK_ASSIGN_OR_RETURN(Cycle cycle, ReadCycleRow(*select));
    cycles.push_back(std::move(cycle));
  }
  for (Cycle& cycle : cycles) TENLIK_RETURN_IF_ERROR(FillProgress(db, cycle));
  return cycles;
}

Result<Cycle> GetCycle(store::Connection& db, int64_t id) {
  TENLIK_ASSIGN_OR_RETURN(auto select, db.Prepare(std::string(kCycleColumns) + "WHERE id = $1"));
  TENLIK_RETURN_IF_ERROR(select->Bind(1, id));
  TENLIK_ASSIGN_OR_RETURN(bool row, select->Step());
  if (!row) return NotFound("no review cycle " + std::to_string(id));
  TENLIK_ASSIGN_OR_RETURN(Cycle cycle, ReadCycleRow(*select));
  TENLIK_RETURN_IF_ERROR(FillProgress(db, cycle));
  return cycle;
}

Status CloseCycle(store::Connection& db, int64_t id, int64_t now) {
  TENLIK_ASSIGN_OR_RETURN(Cycle cycle, GetCycle(db, id));
  TENLIK_RETURN_IF_ERROR(internal::RequireOpen(cycle));
  return internal::InTransaction(db, [&]() -> Status {
    TENLIK_ASSIGN_OR_RETURN(
        auto close, db.Prepare("UPDATE review_cycles SET state = 'closed', closed_at = $2 WHERE "
                               "id = $1 AND state = 'open'"));
    TENLIK_RETURN_IF_ERROR(close->Bind(1, id));
    TENLIK_RETURN_IF_ERROR(close->Bind(2, now));
    TENLIK_RETURN_IF_ERROR(close->Step().status());
    if (close->ChangedRows() != 1) {
      return FailedPrecondition("cycle " + std::to_string(id) + " is closed");
    }
    TENLIK_ASSIGN_OR_RETURN(auto drop,
                            db.Prepare("UPDATE review_codes SET draft = NULL WHERE cycle_id = $1"));
    TENLIK_RETURN_IF_ERROR(drop->Bind(1, id));
    return drop->Step().status();
  });
}

}  // namespace tenlik::review
