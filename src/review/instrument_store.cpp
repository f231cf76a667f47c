// Imported instruments in the store (table review_instruments).
#include "review/review.h"

namespace tenlik::review {
namespace {

// The stored content of `id` at `version`; nullopt when there is none.
Result<std::optional<std::string>> StoredContent(store::Connection& db, const std::string& id,
                                                 int version) {
  TENLIK_ASSIGN_OR_RETURN(
      auto select,
      db.Prepare(
          "SELECT content FROM review_instruments WHERE instrument_id = $1 AND version = $2"));
  TENLIK_RETURN_IF_ERROR(select->Bind(1, id));
  TENLIK_RETURN_IF_ERROR(select->Bind(2, static_cast<int64_t>(version)));
  TENLIK_ASSIGN_OR_RETURN(bool row, select->Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(std::string(select->ColumnText(0)));
}

}  // namespace

Result<ImportOutcome> ImportInstrument(store::Connection& db, const Instrument& instrument,
                                       int64_t now) {
  TENLIK_RETURN_IF_ERROR(Validate(instrument, ""));
  const std::string content = InstrumentToJson(instrument);
  TENLIK_ASSIGN_OR_RETURN(
      auto insert,
      db.Prepare("INSERT INTO review_instruments (instrument_id, version, kind, title_kk, "
                 "title_ru, title_en, content, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                 "$8) ON CONFLICT (instrument_id, version) DO NOTHING"));
  TENLIK_RETURN_IF_ERROR(insert->Bind(1, instrument.id));
  TENLIK_RETURN_IF_ERROR(insert->Bind(2, static_cast<int64_t>(instrument.version)));
  TENLIK_RETURN_IF_ERROR(insert->Bind(3, KindName(instrument.kind)));
  TENLIK_RETURN_IF_ERROR(insert->Bind(4, instrument.title.kk));
  TENLIK_RETURN_IF_ERROR(insert->Bind(5, instrument.title.ru));
  TENLIK_RETURN_IF_ERROR(insert->Bind(6, instrument.title.en));
  TENLIK_RETURN_IF_ERROR(insert->Bind(7, content));
  TENLIK_RETURN_IF_ERROR(insert->Bind(8, now));
  TENLIK_RETURN_IF_ERROR(insert->Step().status());
  if (insert->ChangedRows() == 1) return ImportOutcome::kAdded;
  TENLIK_ASSIGN_OR_RETURN(std::optional<std::string> stored,
                          StoredContent(db, instrument.id, instrument.version));
  if (stored && *stored == content) return ImportOutcome::kAlreadyStored;
  return Status(StatusCode::kAlreadyExists,
                "instrument " + instrument.id + " version " + std::to_string(instrument.version) +
                    " is already stored with other content; give the changed instrument a new "
                    "version");
}

Result<std::vector<InstrumentSummary>> ListInstruments(store::Connection& db) {
  TENLIK_ASSIGN_OR_RETURN(
      auto select,
      db.Prepare("SELECT instrument_id, version, kind, title_kk, title_ru, title_en, "
                 "imported_at FROM review_instruments ORDER BY instrument_id, version"));
  std::vector<InstrumentSummary> out;
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, select->Step());
    if (!row) break;
    InstrumentSummary summary;
    summary.id = std::string(select->ColumnText(0));
    summary.version = static_cast<int>(select->ColumnInt(1));
    std::optional<InstrumentKind> kind = ParseKind(select->ColumnText(2));
    if (!kind) {
      return DataLoss("stored instrument " + summary.id + " has unknown kind " +
                      std::string(select->ColumnText(2)));
    }
    summary.kind = *kind;
    summary.title = {std::string(select->ColumnText(3)), std::string(select->ColumnText(4)),
                     std::string(select->ColumnText(5))};
    summary.imported_at = select->ColumnInt(6);
    out.push_back(std::move(summary));
  }
  return out;
}

Result<Instrument> GetInstrument(store::Connection& db, const std::string& id,
                                 std::optional<int> version) {
  if (version) {
    TENLIK_ASSIGN_OR_RETURN(std::optional<std::string> content, StoredContent(db, id, *version));
    if (!content) {
      return NotFound("no instrument " + id + " version " + std::to_string(*version) +
                      " in the store");
    }
    return InstrumentFromJson(*content);
  }
  TENLIK_ASSIGN_OR_RETURN(auto select,
                          db.Prepare("SELECT content FROM review_instruments WHERE instrument_id "
                                     "= $1 ORDER BY version DESC LIMIT 1"));
  TENLIK_RETURN_IF_ERROR(select->Bind(1, id));
  TENLIK_ASSIGN_OR_RETURN(bool row, select->Step());
  if (!row) return NotFound("no instrument " + id + " in the store");
  return InstrumentFromJson(select->ColumnText(0));
}

}  // namespace tenlik::review
