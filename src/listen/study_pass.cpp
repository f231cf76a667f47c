// One pass over a study's posts: annotate what has no annotation yet and count
// everything, a page of posts at a time. Reading and writing stay on the calling
// thread (one store connection); annotating, taking terms and counting run on
// every core, each thread counting into its own buffer. A post's text is
// tokenized once, for its annotation and its terms alike.
#include <algorithm>
#include <chrono>
#include <thread>

#include "listen/annotate_internal.h"
#include "listen/listen.h"

namespace tenlik::listen {

namespace {

// One post of a page, with what the workers make of it.
struct PagePost {
  ScannedPost post;
  std::string place;
  bool annotated_before = false;
  std::vector<std::string> document_terms;  // kept for the topic model
};

// The posts in scope and how many already carry this fingerprint's annotation. In
// id order, like the pages (which read every post anyway): through the
// published_at index each row is a jump to another page.
Status CountInScope(store::Connection& db, const Study& study, AnnotateReport* report) {
  TENLIK_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare(
          "SELECT p.corpus, p.lang, COUNT(*), SUM(CASE WHEN a.post_id IS NULL THEN 0 ELSE 1 END) "
          "FROM listen_posts p LEFT JOIN listen_annotations a "
          "ON a.post_id = p.id AND a.fingerprint = $3 "
          "WHERE +p.published_at >= $1 AND +p.published_at < $2 GROUP BY p.corpus, p.lang"));
  TENLIK_RETURN_IF_ERROR(st->Bind(1, study.from_ts));
  TENLIK_RETURN_IF_ERROR(st->Bind(2, study.to_ts));
  TENLIK_RETURN_IF_ERROR(st->Bind(3, report->fingerprint));
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    if (!InStudyScope(study, st->ColumnText(0), st->ColumnText(1))) continue;
    report->in_scope += st->ColumnInt(2);
    report->already += st->ColumnInt(3);
  }
  return Status::Ok();
}

// Pages walk the posts in id order from the last one seen. The unary plus keeps
// the planner off the published_at index: through it, every page would read and
// sort the whole period again (quadratic in the store's size). The outer join
// keeps posts the outer loop: an inner join may walk all of a fingerprint's
// annotations for each page instead.
constexpr const char* kPageSql =
    "SELECT p.id, p.published_at, p.platform, p.corpus, p.lang, p.author_type, "
    "CASE WHEN p.near_duplicate_of IS NULL THEN 1 ELSE 0 END, p.text, p.place, "
    "a.post_id, a.queries, a.lexicon, a.stigmatising, a.person_first, a.stigma_terms, "
    "a.girls, a.boys, a.sentiment, a.sentiment_confidence, a.regions, a.region_source, "
    "a.hashtags FROM listen_posts p LEFT JOIN listen_annotations a "
    "ON a.post_id = p.id AND a.fingerprint = $3 "
    "WHERE +p.published_at >= $1 AND +p.published_at < $2 AND p.id > $4 AND p.id <= $5 "
    "ORDER BY p.id LIMIT $6";

// The stored annotation of a page row (columns 10..21 of PageSql).
void ReadAnnotation(store::Statement& st, PostAnnotation* a) {
  a->queries = SplitList(st.ColumnText(10));
  a->lexicon = SplitList(st.ColumnText(11));
  a->stigmatising = st.ColumnInt(12) != 0;
  a->person_first = st.ColumnInt(13) != 0;
  a->stigma_terms = SplitList(st.ColumnText(14));
  a->girls = st.ColumnInt(15) != 0;
  a->boys = st.ColumnInt(16) != 0;
  a->sentiment = std::string(st.ColumnText(17));
  if (!st.ColumnIsNull(18)) a->sentiment_confidence = st.ColumnDouble(18);
  a->regions = SplitList(st.ColumnText(19));
  a->region_source = std::string(st.ColumnText(20));
  a->hashtags = SplitList(st.ColumnText(21));
}

Status InsertAnnotation(store::Statement& insert, const std::string& fingerprint,
                        const PostAnnotation& a) {
  TENLIK_RETURN_IF_ERROR(insert.Reset());
  TENLIK_RETURN_IF_ERROR(insert.Bind(1, a.post_id));
  TENLIK_RETURN_IF_ERROR(insert.Bind(2, fingerprint));
  TENLIK_RETURN_IF_ERROR(insert.Bind(3, JoinList(a.queries)));
  TENLIK_RETURN_IF_ERROR(insert.Bind(4, JoinList(a.lexicon)));
  TENLIK_RETURN_IF_ERROR(insert.Bind(5, static_cast<int64_t>(a.stigmatising)));
  TENLIK_RETURN_IF_ERROR(insert.Bind(6, static_cast<int64_t>(a.person_first)));
  TENLIK_RETURN_IF_ERROR(insert.Bind(7, JoinList(a.stigma_terms)));
  TENLIK_RETURN_IF_ERROR(insert.Bind(8, static_cast<int64_t>(a.girls)));
  TENLIK_RETURN_IF_ERROR(insert.Bind(9, static_cast<int64_t>(a.boys)));
  TENLIK_RETURN_IF_ERROR(insert.Bind(10, a.sentiment));
  TENLIK_RETURN_IF_ERROR(a.sentiment_confidence ? insert.Bind(11, *a.sentiment_confidence)
                                                : insert.BindNull(11));
  TENLIK_RETURN_IF_ERROR(insert.Bind(12, JoinList(a.regions)));
  TENLIK_RETURN_IF_ERROR(insert.Bind(13, a.region_source));
  TENLIK_RETURN_IF_ERROR(insert.Bind(14, JoinList(a.hashtags)));
  return insert.Step().status();
}

Status RecordRun(store::Connection& db, const Study& study, const AnnotateReport& report) {
  TENLIK_ASSIGN_OR_RETURN(auto run, db.Prepare("INSERT INTO listen_study_runs (study, fingerprint, "
                                               "started_at, annotated, posts_in_scope) "
                                               "VALUES ($1, $2, $3, $4, $5)"));
  TENLIK_RETURN_IF_ERROR(run->Bind(1, study.path));
  TENLIK_RETURN_IF_ERROR(run->Bind(2, report.fingerprint));
  TENLIK_RETURN_IF_ERROR(
      run->Bind(3, static_cast<int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count())));
  TENLIK_RETURN_IF_ERROR(run->Bind(4, report.annotated));
  TENLIK_RETURN_IF_ERROR(run->Bind(5, report.in_scope));
  return run->Step().status();
}

// What one worker thread keeps from page to page.
struct Worker {
  TermExtractor terms;
  CountBuffer counts;
};

}  // namespace

Result<StudyPassResult> RunStudyPass(store::Connection& db, const Study& study,
                                     const StudyPassOptions& options) {
  TENLIK_RETURN_IF_ERROR(db.Migrate(Migrations()));
  StudyPassResult result;
  AnnotateReport& report = result.annotate;
  const Annotator* annotator = options.annotator;
  report.fingerprint = annotator ? annotator->fingerprint() : options.fingerprint;
  if (annotator) {
    report.sentiment_available = annotator->sentiment_available();
    report.sentiment_note = annotator->sentiment_note();
    report.sentiment_model_version = annotator->sentiment_model_version();
    TENLIK_RETURN_IF_ERROR(CountInScope(db, study, &report));
  }

  TENLIK_ASSIGN_OR_RETURN(auto select, db.Prepare(kPageSql));
  TENLIK_ASSIGN_OR_RETURN(
      auto insert,
      db.Prepare(
          "INSERT INTO listen_annotations (post_id, fingerprint, queries, lexicon, stigmatising, "
          "person_first, stigma_terms, girls, boys, sentiment, sentiment_confidence, regions, "
          "region_source, hashtags) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
          "$13, $14) ON CONFLICT (fingerprint, post_id) DO NOTHING"));
  const unsigned threads = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  std::vector<Worker> workers;
  if (options.count) {
    for (unsigned t = 0; t < threads; ++t) {
      TENLIK_ASSIGN_OR_RETURN(TermExtractor terms, TermExtractor::Create(study));
      workers.push_back({std::move(terms), {}});
    }
  }
  const int page_size = std::max(1, options.annotate.batch_size);
  int64_t last_id = std::max<int64_t>(options.min_post_id, 1) - 1;
  int64_t passed = 0;
  std::vector<PagePost> page;
  while (true) {
    if (options.annotate.cancel && options.annotate.cancel->load()) {
      report.cancelled = true;
      break;
    }
    page.clear();
    TENLIK_RETURN_IF_ERROR(select->Reset());
    TENLIK_RETURN_IF_ERROR(select->Bind(1, study.from_ts));
    TENLIK_RETURN_IF_ERROR(select->Bind(2, study.to_ts));
    TENLIK_RETURN_IF_ERROR(select->Bind(3, report.fingerprint));
    TENLIK_RETURN_IF_ERROR(select->Bind(4, last_id));
    TENLIK_RETURN_IF_ERROR(select->Bind(5, options.max_post_id));
    TENLIK_RETURN_IF_ERROR(select->Bind(6, static_cast<int64_t>(page_size)));
    bool any_row = false;
    while (true) {
      TENLIK_ASSIGN_OR_RETURN(bool row, select->Step());
      if (!row) break;
      any_row = true;
      last_id = select->ColumnInt(0);
      std::string_view corpus = select->ColumnText(3), lang = select->ColumnText(4);
      if (!InStudyScope(study, corpus, lang)) continue;
      bool annotated_before = !select->ColumnIsNull(9);
      if (!annotated_before && annotator == nullptr) continue;  // not counted: not annotated
      // Annotating without counting: an annotated post is only passed.
      if (annotated_before && !options.count) {
        ++passed;
        continue;
      }
      PagePost& item = page.emplace_back();
      ScannedPost& p = item.post;
      p.id = last_id;
      p.published_at = select->ColumnInt(1);
      p.platform = std::string(select->ColumnText(2));
      p.corpus = std::string(corpus);
      p.lang = std::string(lang);
      p.author_type = std::string(select->ColumnText(5));
      p.original = select->ColumnInt(6) != 0;
      p.text = std::string(select->ColumnText(7));
      item.place = std::string(select->ColumnText(8));
      item.annotated_before = annotated_before;
      p.annotation.post_id = p.id;
      if (annotated_before) ReadAnnotation(*select, &p.annotation);
    }
    TENLIK_RETURN_IF_ERROR(select->Reset());
    if (!any_row) break;

    auto work = [&](size_t first, size_t step, Worker* worker) {
      for (size_t i = first; i < page.size(); i += step) {
        PagePost& item = page[i];
        ScannedPost& p = item.post;
        bool with_terms = worker != nullptr && p.original;
        PostTerms terms;
        if (!item.annotated_before) {
          std::function<void(const std::vector<text::Token>&)> take_terms;
          if (with_terms) {
            take_terms = [&](const std::vector<text::Token>& tokens) {
              terms = worker->terms.TermsFromTokens(p.text, tokens, p.lang);
            };
          }
          p.annotation = annotator->Annotate(p.text, p.lang, p.platform, p.author_type, p.corpus,
                                             item.place, take_terms);
          p.annotation.post_id = p.id;
        } else if (with_terms) {
          terms = worker->terms.Terms(p.text, p.lang);
        }
        if (worker == nullptr) continue;
        AddPost(study, p, terms, &worker->counts);
        if (options.keep_documents && p.original) item.document_terms = std::move(terms.keys);
      }
    };
    size_t n = std::min<size_t>(threads, (page.size() + 63) / 64);
    if (n <= 1) {
      work(0, 1, workers.empty() ? nullptr : &workers[0]);
    } else {
      std::vector<std::thread> pool;
      for (size_t t = 0; t < n; ++t)
        pool.emplace_back(work, t, n, workers.empty() ? nullptr : &workers[t]);
      for (auto& th : pool) th.join();
    }

    bool any_new = std::any_of(page.begin(), page.end(),
                               [](const PagePost& item) { return !item.annotated_before; });
    if (any_new) {
      TENLIK_RETURN_IF_ERROR(db.Begin());
      for (const PagePost& item : page) {
        if (item.annotated_before) continue;
        Status status = InsertAnnotation(*insert, report.fingerprint, item.post.annotation);
        if (!status.ok()) {
          (void)db.Rollback();
          return status;
        }
        report.annotated += insert->ChangedRows();
      }
      TENLIK_RETURN_IF_ERROR(db.Commit());
    }
    passed += static_cast<int64_t>(page.size());
    if (options.keep_documents) {
      for (PagePost& item : page) {
        if (!item.post.original) continue;
        CalendarKeys cal = Calendar(item.post.published_at, study.utc_offset_minutes);
        result.documents.push_back(
            {std::move(item.document_terms), std::move(cal.month), item.post.platform});
      }
    }
    if (options.annotate.on_progress) options.annotate.on_progress(passed, report.in_scope);
  }
  for (Worker& worker : workers) worker.counts.AddTo(&result.counts);
  if (annotator) TENLIK_RETURN_IF_ERROR(RecordRun(db, study, report));
  return result;
}

Result<AnnotateReport> AnnotateStudy(store::Connection& db, const Study& study,
                                     const Annotator& annotator, const AnnotateOptions& options) {
  StudyPassOptions pass;
  pass.annotator = &annotator;
  pass.annotate = options;
  TENLIK_ASSIGN_OR_RETURN(StudyPassResult result, RunStudyPass(db, study, pass));
  return std::move(result.annotate);
}

Result<StudyCounts> CountStudy(store::Connection& db, const Study& study,
                               const std::string& fingerprint, const CountOptions& options) {
  StudyPassOptions pass;
  pass.fingerprint = fingerprint;
  pass.count = true;
  pass.min_post_id = options.min_post_id;
  pass.max_post_id = options.max_post_id;
  TENLIK_ASSIGN_OR_RETURN(StudyPassResult result, RunStudyPass(db, study, pass));
  return std::move(result.counts);
}

}  // namespace tenlik::listen
