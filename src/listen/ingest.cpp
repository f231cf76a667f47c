#include <xxhash.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <future>
#include <thread>

#include "listen/listen.h"
#include "listen/near_duplicates.h"
#include "listen/prepare.h"
#include "listen/reader.h"

namespace tenlik::listen {
namespace {

using Clock = std::chrono::steady_clock;

// Posts of this many recent records are searched for near-duplicates.
constexpr size_t kNearDuplicateWindow = 200000;

struct FileScan {
  std::string content_hash;
  int64_t lines = 0;
};

// Hashes the file's content (its identity for idempotent ingest) and counts its
// lines (for the progress estimate) in one pass.
Result<FileScan> ScanFile(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return NotFound("cannot open " + path + ": " + std::strerror(errno));
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  FileScan scan;
  std::vector<char> buffer(1 << 20);
  size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
    XXH3_128bits_update(state, buffer.data(), n);
    for (const char* p = buffer.data();
         (p = static_cast<const char*>(std::memchr(p, '\n', buffer.data() + n - p))); ++p) {
      ++scan.lines;
    }
  }
  bool failed = std::ferror(file);
  std::fclose(file);
  XXH128_hash_t hash = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  if (failed) return IoError("cannot read " + path);
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  scan.content_hash = hex;
  return scan;
}

std::string Truncate(std::string text, size_t limit) {
  if (text.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    text.resize(cut);
    text += "…";
  }
  return text;
}

// Statements shared by all files of one ingest run.
struct Statements {
  std::unique_ptr<store::Statement> insert_post, insert_reject, update_file;
};

Result<Statements> PrepareStatements(store::Connection& db) {
  Statements s;
  TENLIK_ASSIGN_OR_RETURN(
      s.insert_post,
      db.Prepare(
          "INSERT INTO listen_posts (exact_hash, file_id, record, corpus, source_id, platform, "
          "channel,"
          " author_key, author_type, published_at, text, lang, url, engagement, place, reply_to,"
          " near_signature, near_duplicate_of, raw) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
          "$10, $11,"
          " $12, $13, $14, $15, $16, $17, $18, $19) ON CONFLICT (exact_hash) DO NOTHING RETURNING "
          "id"));
  TENLIK_ASSIGN_OR_RETURN(
      s.insert_reject,
      db.Prepare("INSERT INTO listen_rejects (file_id, line, record, field, reason, raw)"
                 " VALUES ($1, $2, $3, $4, $5, $6)"));
  TENLIK_ASSIGN_OR_RETURN(
      s.update_file,
      db.Prepare("UPDATE listen_files SET records_done = $2, stored = stored + $3,"
                 " duplicates = duplicates + $4, near_duplicates = near_duplicates + $5,"
                 " rejected = rejected + $6 WHERE id = $1"));
  return s;
}

FileCounts Sum(FileCounts a, const FileCounts& b) {
  a.read += b.read;
  a.stored += b.stored;
  a.duplicates += b.duplicates;
  a.near_duplicates += b.near_duplicates;
  a.rejected += b.rejected;
  return a;
}

// Records in read order, prepared together, with where to resume after them.
struct Chunk {
  std::vector<Post> read;  // prepared off the reading thread into `posts`
  std::vector<PreparedPost> posts;
  std::vector<Reject> rejects;
  int64_t next_record = 0;
};

// Records prepared together: few enough that the chunks in flight (one filling,
// one per core preparing, one being written) hold little memory, many enough that
// starting a thread for each is cheap.
constexpr size_t kChunkRecords = 1024;

// Receives one file's records and stores them a batch per transaction, so that the
// store always holds whole batches and `records_done` says where to resume.
// Preparing posts (normalising, masking, pseudonymising, hashing) needs nothing from
// the store, so chunks of records are prepared on the other cores while the reading
// thread writes the chunks before them into the open transaction: posts are still
// written one at a time, in read order, and near-duplicates looked up in that order.
class FileIngester final : public RecordSink {
 public:
  FileIngester(store::Connection& db, Statements& statements, const IngestOptions& options,
               const Pseudonymizer& pseudonyms, const OrganisationList& organisations,
               NearDuplicateIndex& near, int64_t file_id, int64_t lines, int64_t posts_before)
      : db_(db),
        st_(statements),
        options_(options),
        pseudonyms_(pseudonyms),
        organisations_(organisations),
        near_(near),
        file_id_(file_id),
        lines_(lines),
        posts_before_(posts_before),
        started_(Clock::now()),
        last_report_(started_) {}

  bool OnPost(Post&& post) override {
    int64_t record = post.record;
    int64_t line = post.line;
    filling_.read.push_back(std::move(post));
    return Advance(record, line);
  }

  bool OnReject(Reject&& reject) override {
    int64_t record = reject.record;
    int64_t line = reject.line;
    filling_.rejects.push_back(std::move(reject));
    return Advance(record, line);
  }

  // Stores what is buffered. Returns the first error met while storing.
  Status Finish() {
    if (status_.ok()) status_ = Submit();
    while (status_.ok() && !preparing_.empty()) status_ = StoreOldest();
    if (status_.ok() && in_transaction_) status_ = CommitBatch();
    for (std::future<Chunk>& chunk : preparing_) chunk.wait();
    if (in_transaction_) (void)db_.Rollback();  // after an error: the batch is not kept
    return status_;
  }

  FileCounts added() const { return added_; }

 private:
  bool Advance(int64_t record, int64_t line) {
    next_record_ = record + 1;
    ++read_this_run_;
    if (filling_.read.size() + filling_.rejects.size() >= std::min(kChunkRecords, BatchSize())) {
      status_ = Submit();
      if (!status_.ok()) return false;
    }
    ReportProgress(line);
    return options_.cancel == nullptr || !options_.cancel->load();
  }

  // Records per transaction: options_.batch_size, and more as the store grows (a
  // twentieth of its posts, up to kMaxBatch). Each post lands on a random page of
  // the exact-hash and date indexes; once those have many more pages than a batch
  // has posts, every post dirties a page of its own, written to the WAL and again
  // at the checkpoint. Larger batches share pages (+10 % posts/CPU-s at 1 M posts).
  size_t BatchSize() const {
    static constexpr int64_t kMaxBatch = 25000;
    int64_t grown = std::min((posts_before_ + added_.stored) / 20, kMaxBatch);
    return static_cast<size_t>(std::max<int64_t>(options_.batch_size, grown));
  }

  void ReportProgress(int64_t line) {
    if (!options_.on_progress || (read_this_run_ & 1023) != 0) return;
    Clock::time_point now = Clock::now();
    if (now - last_report_ < std::chrono::milliseconds(500)) return;
    last_report_ = now;
    IngestProgress progress;
    progress.records = read_this_run_;
    double seconds = std::chrono::duration<double>(now - started_).count();
    progress.records_per_second = seconds > 0 ? read_this_run_ / seconds : 0;
    if (lines_ > 0 && line > 0) progress.fraction = std::min(1.0, double(line) / double(lines_));
    options_.on_progress(progress);
  }

  // Starts preparing the chunk being filled on a thread of its own; once every core
  // but this one is preparing a chunk, stores the oldest.
  Status Submit() {
    if (filling_.read.empty() && filling_.rejects.empty()) return Status::Ok();
    filling_.next_record = next_record_;
    preparing_.push_back(
        std::async(std::launch::async, [this, chunk = std::move(filling_)]() mutable {
          chunk.posts.reserve(chunk.read.size());
          for (Post& post : chunk.read) {
            chunk.posts.push_back(PreparePost(std::move(post), pseudonyms_, organisations_));
          }
          chunk.read.clear();
          return std::move(chunk);
        }));
    filling_ = Chunk{};
    filling_.read.reserve(kChunkRecords);
    static const size_t kPreparing = std::clamp(std::thread::hardware_concurrency(), 2u, 9u) - 1;
    return preparing_.size() > kPreparing ? StoreOldest() : Status::Ok();
  }

  // Writes the oldest chunk being prepared into the open transaction, and commits
  // it once it holds a batch.
  Status StoreOldest() {
    Chunk chunk = preparing_.front().get();
    preparing_.pop_front();
    if (!in_transaction_) {
      TENLIK_RETURN_IF_ERROR(db_.Begin());
      in_transaction_ = true;
    }
    TENLIK_RETURN_IF_ERROR(WriteChunk(chunk));
    resume_at_ = chunk.next_record;
    if (static_cast<size_t>(batch_.read) >= BatchSize()) return CommitBatch();
    return Status::Ok();
  }

  // Records where the next run resumes and what was added, and commits.
  Status CommitBatch() {
    store::Statement& update = *st_.update_file;
    TENLIK_RETURN_IF_ERROR(update.Reset());
    TENLIK_RETURN_IF_ERROR(update.Bind(1, file_id_));
    TENLIK_RETURN_IF_ERROR(update.Bind(2, resume_at_));
    TENLIK_RETURN_IF_ERROR(update.Bind(3, batch_.stored));
    TENLIK_RETURN_IF_ERROR(update.Bind(4, batch_.duplicates));
    TENLIK_RETURN_IF_ERROR(update.Bind(5, batch_.near_duplicates));
    TENLIK_RETURN_IF_ERROR(update.Bind(6, batch_.rejected));
    TENLIK_ASSIGN_OR_RETURN(bool row, update.Step());
    (void)row;
    TENLIK_RETURN_IF_ERROR(db_.Commit());
    in_transaction_ = false;
    added_ = Sum(added_, batch_);
    batch_ = FileCounts{};
    return Status::Ok();
  }

  // Inserts the chunk's posts and rejects; counts what they add in batch_.
  Status WriteChunk(const Chunk& chunk) {
    store::Statement& insert = *st_.insert_post;
    for (const PreparedPost& p : chunk.posts) {
      int64_t near_of = p.signature ? near_.Find(*p.signature) : 0;
      const Post& post = p.post;
      TENLIK_RETURN_IF_ERROR(insert.Reset());
      TENLIK_RETURN_IF_ERROR(insert.Bind(1, p.exact_hash));
      TENLIK_RETURN_IF_ERROR(insert.Bind(2, file_id_));
      TENLIK_RETURN_IF_ERROR(insert.Bind(3, post.record));
      TENLIK_RETURN_IF_ERROR(insert.Bind(4, std::string_view(options_.corpus)));
      TENLIK_RETURN_IF_ERROR(insert.Bind(5, std::string_view(post.source_id)));
      TENLIK_RETURN_IF_ERROR(insert.Bind(6, std::string_view(post.platform)));
      TENLIK_RETURN_IF_ERROR(insert.Bind(7, std::string_view(post.channel)));
      TENLIK_RETURN_IF_ERROR(insert.Bind(8, std::string_view(p.author_key)));
      TENLIK_RETURN_IF_ERROR(insert.Bind(9, std::string_view(AuthorTypeName(p.author_type))));
      TENLIK_RETURN_IF_ERROR(insert.Bind(10, post.published_at));
      TENLIK_RETURN_IF_ERROR(insert.Bind(11, std::string_view(post.text)));
      TENLIK_RETURN_IF_ERROR(insert.Bind(12, std::string_view(p.lang)));
      TENLIK_RETURN_IF_ERROR(insert.Bind(13, std::string_view(post.url)));
      TENLIK_RETURN_IF_ERROR(insert.Bind(14, post.engagement));
      TENLIK_RETURN_IF_ERROR(insert.Bind(15, std::string_view(post.place)));
      TENLIK_RETURN_IF_ERROR(insert.Bind(16, std::string_view(post.reply_to)));
      std::string signature = p.signature ? EncodeSignature(*p.signature) : "";
      TENLIK_RETURN_IF_ERROR(insert.Bind(17, std::string_view(signature)));
      TENLIK_RETURN_IF_ERROR(near_of ? insert.Bind(18, near_of) : insert.BindNull(18));
      TENLIK_RETURN_IF_ERROR(insert.Bind(19, std::string_view(post.raw)));
      TENLIK_ASSIGN_OR_RETURN(bool inserted, insert.Step());
      ++batch_.read;
      if (!inserted) {
        ++batch_.duplicates;
        continue;
      }
      int64_t id = insert.ColumnInt(0);
      TENLIK_ASSIGN_OR_RETURN(bool more, insert.Step());  // completes the statement
      (void)more;
      ++batch_.stored;
      if (near_of) ++batch_.near_duplicates;
      if (p.signature && near_of == 0) near_.Add(*p.signature, id);
    }
    store::Statement& reject = *st_.insert_reject;
    for (const Reject& r : chunk.rejects) {
      TENLIK_RETURN_IF_ERROR(reject.Reset());
      TENLIK_RETURN_IF_ERROR(reject.Bind(1, file_id_));
      TENLIK_RETURN_IF_ERROR(reject.Bind(2, r.line));
      TENLIK_RETURN_IF_ERROR(reject.Bind(3, r.record));
      TENLIK_RETURN_IF_ERROR(reject.Bind(4, std::string_view(r.field)));
      TENLIK_RETURN_IF_ERROR(reject.Bind(5, std::string_view(r.reason)));
      std::string raw = Truncate(r.raw, 4096);
      TENLIK_RETURN_IF_ERROR(reject.Bind(6, std::string_view(raw)));
      TENLIK_ASSIGN_OR_RETURN(bool row, reject.Step());
      (void)row;
      ++batch_.read;
      ++batch_.rejected;
    }
    return Status::Ok();
  }

  store::Connection& db_;
  Statements& st_;
  const IngestOptions& options_;
  const Pseudonymizer& pseudonyms_;
  const OrganisationList& organisations_;
  NearDuplicateIndex& near_;
  int64_t file_id_;
  int64_t next_record_ = 0;
  int64_t lines_;
  int64_t posts_before_;  // about the posts in the store when this file began
  int64_t read_this_run_ = 0;
  Clock::time_point started_, last_report_;
  Chunk filling_;
  std::deque<std::future<Chunk>> preparing_;  // oldest first
  bool in_transaction_ = false;
  int64_t resume_at_ = 0;  // the record after the last one written in the open transaction
  FileCounts batch_;       // what the open transaction adds
  FileCounts added_;       // what committed transactions added
  Status status_;
};

// The highest post id: about how many posts are stored, without a scan.
Result<int64_t> HighestPostId(store::Connection& db) {
  TENLIK_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT COALESCE(MAX(id), 0) FROM listen_posts"));
  TENLIK_ASSIGN_OR_RETURN(bool row, st->Step());
  return row ? st->ColumnInt(0) : 0;
}

Status LoadNearDuplicateWindow(store::Connection& db, NearDuplicateIndex& near) {
  TENLIK_ASSIGN_OR_RETURN(
      auto recent,
      db.Prepare("SELECT near_signature, id FROM (SELECT near_signature, id FROM listen_posts"
                 " WHERE near_signature != '' AND near_duplicate_of IS NULL"
                 " ORDER BY id DESC LIMIT $1) AS recent ORDER BY id"));
  TENLIK_RETURN_IF_ERROR(recent->Bind(1, static_cast<int64_t>(kNearDuplicateWindow)));
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, recent->Step());
    if (!row) break;
    std::optional<Signature> signature = DecodeSignature(recent->ColumnText(0));
    if (!signature) return DataLoss("a stored near-duplicate signature is malformed");
    near.Add(*signature, recent->ColumnInt(1));
  }
  return Status::Ok();
}

// Appends rejects not yet written to the reject file, then marks them written, a page
// at a time so that memory stays bounded however many records were rejected.
Status WriteRejectFile(store::Connection& db, const std::string& path) {
  constexpr int64_t kPage = 10000;
  TENLIK_ASSIGN_OR_RETURN(
      auto pending,
      db.Prepare(
          "SELECT r.id, f.path, r.line, r.record, r.field, r.reason, r.raw FROM listen_rejects r"
          " JOIN listen_files f ON f.id = r.file_id WHERE r.written = 0 AND r.id > $1"
          " ORDER BY r.id LIMIT $2"));
  TENLIK_ASSIGN_OR_RETURN(auto mark,
                          db.Prepare("UPDATE listen_rejects SET written = 1 WHERE id <= $1"));
  int64_t last_id = 0;
  while (true) {
    TENLIK_RETURN_IF_ERROR(pending->Reset());
    TENLIK_RETURN_IF_ERROR(pending->Bind(1, last_id));
    TENLIK_RETURN_IF_ERROR(pending->Bind(2, kPage));
    std::vector<Reject> page;
    while (true) {
      TENLIK_ASSIGN_OR_RETURN(bool row, pending->Step());
      if (!row) break;
      page.push_back({.file = std::string(pending->ColumnText(1)),
                      .line = pending->ColumnInt(2),
                      .record = pending->ColumnInt(3),
                      .field = std::string(pending->ColumnText(4)),
                      .reason = std::string(pending->ColumnText(5)),
                      .raw = std::string(pending->ColumnText(6))});
      last_id = pending->ColumnInt(0);
    }
    TENLIK_RETURN_IF_ERROR(pending->Reset());
    if (page.empty()) return Status::Ok();
    TENLIK_RETURN_IF_ERROR(AppendRejects(page, path));
    TENLIK_RETURN_IF_ERROR(mark->Reset());
    TENLIK_RETURN_IF_ERROR(mark->Bind(1, last_id));
    TENLIK_ASSIGN_OR_RETURN(bool row, mark->Step());
    (void)row;
  }
}

struct FileRow {
  int64_t id = 0;
  int64_t records_done = 0;
  bool complete = false;
  FileCounts counts;
};

Result<FileRow> OpenFileRow(store::Connection& db, const std::string& hash, const std::string& path,
                            const std::string& corpus, Format format) {
  TENLIK_ASSIGN_OR_RETURN(
      auto insert,
      db.Prepare(
          "INSERT INTO listen_files (content_hash, path, corpus, format, started_at)"
          " VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP) ON CONFLICT (content_hash) DO NOTHING"));
  TENLIK_RETURN_IF_ERROR(insert->Bind(1, std::string_view(hash)));
  TENLIK_RETURN_IF_ERROR(insert->Bind(2, std::string_view(path)));
  TENLIK_RETURN_IF_ERROR(insert->Bind(3, std::string_view(corpus)));
  TENLIK_RETURN_IF_ERROR(insert->Bind(4, std::string_view(FormatName(format))));
  TENLIK_ASSIGN_OR_RETURN(bool row, insert->Step());
  (void)row;
  TENLIK_ASSIGN_OR_RETURN(
      auto select,
      db.Prepare("SELECT id, records_done, complete, stored, duplicates, near_duplicates, rejected"
                 " FROM listen_files WHERE content_hash = $1"));
  TENLIK_RETURN_IF_ERROR(select->Bind(1, std::string_view(hash)));
  TENLIK_ASSIGN_OR_RETURN(bool found, select->Step());
  if (!found) return Internal("file row missing after insert");
  FileRow file;
  file.id = select->ColumnInt(0);
  file.records_done = select->ColumnInt(1);
  file.complete = select->ColumnInt(2) != 0;
  file.counts.stored = select->ColumnInt(3);
  file.counts.duplicates = select->ColumnInt(4);
  file.counts.near_duplicates = select->ColumnInt(5);
  file.counts.rejected = select->ColumnInt(6);
  file.counts.read = file.counts.stored + file.counts.duplicates + file.counts.rejected;
  return file;
}

}  // namespace

Result<IngestReport> Ingest(store::Connection& db, const IngestOptions& options) {
  if (options.corpus.empty()) return InvalidArgument("a corpus name is required (--corpus)");
  TENLIK_RETURN_IF_ERROR(reader::LocalZone::Parse(options.timezone).status());
  TENLIK_RETURN_IF_ERROR(db.Migrate(Migrations()));
  TENLIK_ASSIGN_OR_RETURN(Pseudonymizer pseudonyms, Pseudonymizer::Load(options.key_path));
  TENLIK_ASSIGN_OR_RETURN(OrganisationList organisations,
                          OrganisationList::Load(options.organisations_file));
  TENLIK_ASSIGN_OR_RETURN(Statements statements, PrepareStatements(db));
  NearDuplicateIndex near(kNearDuplicateWindow);
  TENLIK_RETURN_IF_ERROR(LoadNearDuplicateWindow(db, near));

  IngestReport report;
  for (const std::string& path : options.files) {
    FileReport file_report;
    file_report.path = path;
    Result<FileScan> scan = ScanFile(path);
    Result<Format> format = options.format ? Result<Format>(*options.format) : DetectFormat(path);
    if (!scan.ok() || !format.ok()) {
      file_report.status = scan.ok() ? format.status() : scan.status();
      report.files.push_back(std::move(file_report));
      continue;
    }
    file_report.format = *format;
    TENLIK_ASSIGN_OR_RETURN(FileRow row,
                            OpenFileRow(db, scan->content_hash, path, options.corpus, *format));
    file_report.counts = row.counts;
    if (row.complete) {
      file_report.already_ingested = true;
      report.files.push_back(std::move(file_report));
      continue;
    }
    file_report.resumed = row.records_done > 0;
    ReadOptions read_options;
    read_options.format = *format;
    read_options.map = options.map;
    read_options.skip_records = row.records_done;
    read_options.timezone = options.timezone;
    IngestOptions file_options = options;
    if (options.on_progress) {
      file_options.on_progress = [&](const IngestProgress& progress) {
        IngestProgress named = progress;
        named.file = path;
        options.on_progress(named);
      };
    }
    TENLIK_ASSIGN_OR_RETURN(int64_t posts_before, HighestPostId(db));
    FileIngester ingester(db, statements, file_options, pseudonyms, organisations, near, row.id,
                          scan->lines, posts_before);
    Status read = ReadFile(path, read_options, ingester);
    Status stored = ingester.Finish();
    if (!stored.ok()) return stored;  // the store failed: stop everything
    file_report.counts = Sum(row.counts, ingester.added());
    if (read.code() == StatusCode::kCancelled) {
      report.cancelled = true;
      report.files.push_back(std::move(file_report));
      break;
    }
    if (read.ok()) {
      TENLIK_RETURN_IF_ERROR(
          db.Exec("UPDATE listen_files SET complete = 1, finished_at = CURRENT_TIMESTAMP"
                  " WHERE id = " +
                  std::to_string(row.id)));
    } else {
      file_report.status = read;
    }
    report.files.push_back(std::move(file_report));
  }
  for (const FileReport& f : report.files) {
    if (!f.already_ingested) report.total = Sum(report.total, f.counts);
  }
  TENLIK_RETURN_IF_ERROR(WriteRejectFile(db, options.rejects_path));
  return report;
}

}  // namespace tenlik::listen
