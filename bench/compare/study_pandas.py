#!/usr/bin/python3
"""The job of `tenlik listen run` done the way an analyst would with pandas and
scikit-learn, for bench/compare/study.sh: read the stored posts in the study's
scope, match each study query and each lexicon category with pandas str.contains
(a case-insensitive regex alternation of the same terms), count posts by month x
platform x language and by sub-topic x month, the share of original posts per
lexicon category, and fit sklearn's LDA with the study's K, iterations and priors.

The matching is an approximation of Tenlik's query language, on lower-cased text:
each OR of plain terms is one str.contains with a regex alternation (words,
prefixes `w*` as `w\\w*`, phrases as words separated by spaces, hashtags); AND and
NEAR/N combine str.contains results with & (co-occurrence anywhere in the post),
NOT with ~; field filters, stems and Kazakh spelling folding are left out. So
counts differ somewhat; what is compared is the time for the same work.

usage: study_pandas.py STORE.db STUDY.yaml
Prints one line per stage and a RESULT line (seconds per stage, posts, posts/s).
"""
import csv
import io
import re
import sqlite3
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import yaml
from sklearn.decomposition import LatentDirichletAllocation
from sklearn.feature_extraction.text import CountVectorizer

TOKEN = re.compile(r'"([^"]+)"|«([^»]+)»|(\()|(\))|([^\s()"«»]+)')


def term_regex(term):
    """A term as a regex on lower-cased text: words in order, `w*` a prefix."""
    words = []
    for w in term.lstrip("~").lower().split():
        prefix = w.endswith("*")
        words.append(re.escape(w.rstrip("*")) + (r"\w*" if prefix else ""))
    return r"\s+".join(words)


def alternation(terms):
    """One regex matching any of `terms` as whole words (prefixes may run on)."""
    return r"(?<![\w#])(?:" + "|".join(term_regex(t) for t in sorted(set(terms))) + r")(?!\w)"


def parse_query(expression):
    """A query as a tree: ("or"|"and", [children]), ("not", child), ("terms", [terms]),
    or None for a field filter (lang:kk ...), which this comparison leaves out. NEAR/N
    is read as AND (the words co-occur in the post, at any distance). A group that is
    an OR of plain terms becomes one ("terms", ...) leaf: one regex alternation."""
    tokens = []
    for m in TOKEN.finditer(expression):
        phrase, open_, close, word = m.group(1) or m.group(2), m.group(3), m.group(4), m.group(5)
        tokens.append(("(" if open_ else ")" if close else "w", phrase or word))
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else (None, None)

    def parse_or():
        nonlocal pos
        children = [parse_and()]
        while peek() == ("w", "OR"):
            pos += 1
            children.append(parse_and())
        children = [c for c in children if c is not None]
        if all(c[0] == "terms" for c in children):
            return ("terms", [t for c in children for t in c[1]])
        return ("or", children)

    def parse_and():
        nonlocal pos
        children = [parse_unary()]
        while peek()[0] in ("w", "(") and peek()[1] != "OR" and peek()[0] != ")":
            if peek()[1] == "AND" or re.fullmatch(r"O?NEAR/\d+", peek()[1] or ""):
                pos += 1
            children.append(parse_unary())
        children = [c for c in children if c is not None]
        return children[0] if len(children) == 1 else ("and", children) if children else None

    def parse_unary():
        nonlocal pos
        kind, text = peek()
        pos += 1
        if kind == "(":
            node = parse_or()
            pos += 1  # ')'
            return node
        if text == "NOT":
            child = parse_unary()
            return ("not", child) if child is not None else None
        if ":" in text and not text.startswith("http"):
            return None
        return ("terms", [text])

    return parse_or()


def count_leaves(node):
    if node is None:
        return 0
    if node[0] == "terms":
        return 1
    if node[0] == "not":
        return count_leaves(node[1])
    return sum(count_leaves(c) for c in node[1])


def evaluate(node, texts):
    """The posts of `texts` (lower-cased) that `node` matches: str.contains per leaf."""
    if node[0] == "terms":
        return texts.str.contains(alternation(node[1]), regex=True)
    if node[0] == "not":
        return ~evaluate(node[1], texts)
    parts = [evaluate(c, texts) for c in node[1]]
    result = parts[0]
    for p in parts[1:]:
        result = (result | p) if node[0] == "or" else (result & p)
    return result


def lexicon_tree(expressions):
    """A lexicon category: any of its entries (each entry is a query expression)."""
    trees = [t for t in (parse_query(e) for e in expressions) if t is not None]
    if all(t[0] == "terms" for t in trees):
        return ("terms", [x for t in trees for x in t[1]])
    return ("or", trees)


def load_study(path):
    path = Path(path)
    study = yaml.safe_load(path.read_text(encoding="utf-8"))
    tz = study.get("timezone", "+05:00")
    offset = timedelta(hours=int(tz[:3]), minutes=int(tz[0] + tz[4:6]))
    local = timezone(offset)
    period = study["period"]
    start = datetime.fromisoformat(str(period["from"])).replace(tzinfo=local)
    end = datetime.fromisoformat(str(period["to"])).replace(tzinfo=local) + timedelta(days=1)
    queries = {q["id"]: parse_query(q["query"]) for s in study["subtopics"] for q in s["queries"]}
    subtopics = {s["id"]: [q["id"] for q in s["queries"]] for s in study["subtopics"]}
    lexicon = {}
    for rel in study["lexicons"]:
        tsv = (path.parent / rel).resolve()
        # Header comments start with '#', but so do hashtag terms: drop whole lines only.
        lines = [ln for ln in tsv.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
        rows = pd.read_csv(io.StringIO("\n".join(lines)), sep="\t", quoting=csv.QUOTE_NONE, dtype=str,
                           keep_default_na=False)
        for (category, subcategory), group in rows.groupby(["category", "subcategory"]):
            lexicon[f"{tsv.stem}:{category}/{subcategory}"] = lexicon_tree(group["term"])
    return study, int(start.timestamp()), int(end.timestamp()), offset, queries, subtopics, lexicon


def stopwords(root):
    words = set()
    for lang in ("kk", "ru", "en"):
        for line in (root / "data/stopwords" / f"{lang}.txt").read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                words.add(line.strip().lower())
    return sorted(words)


def main():
    store, study_path = sys.argv[1], sys.argv[2]
    root = Path(__file__).resolve().parents[2]
    study, start, end, offset, queries, subtopics, lexicon = load_study(study_path)
    seconds = {}

    t0 = time.perf_counter()
    corpora, langs = study.get("corpora", []), study.get("languages", [])
    sql = ("SELECT id, published_at, text, lang, platform, author_type, corpus, near_duplicate_of "
           "FROM listen_posts WHERE published_at >= ? AND published_at < ?"
           f" AND corpus IN ({','.join('?' * len(corpora))}) AND lang IN ({','.join('?' * len(langs))})")
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
        posts = pd.read_sql_query(sql, db, params=[start, end, *corpora, *langs])
    seconds["read"] = time.perf_counter() - t0
    print(f"pandas {pd.__version__}: read {len(posts)} posts in scope in {seconds['read']:.2f} s")

    t0 = time.perf_counter()
    texts = posts["text"].str.lower()
    columns = {"q:" + qid: evaluate(tree, texts) for qid, tree in queries.items()}
    columns.update({"x:" + key: evaluate(tree, texts) for key, tree in lexicon.items()})
    hits = pd.DataFrame(columns, index=posts.index)
    seconds["match"] = time.perf_counter() - t0
    leaves = sum(count_leaves(t) for t in [*queries.values(), *lexicon.values()])
    print(f"match: {len(queries)} queries and {len(lexicon)} lexicon categories ({leaves} str.contains "
          f"passes) in {seconds['match']:.2f} s "
          f"({int(hits.filter(like='q:').any(axis=1).sum())} posts hit a query)")

    t0 = time.perf_counter()
    local = pd.to_datetime(posts["published_at"], unit="s") + offset
    posts["month"] = local.dt.strftime("%Y-%m")
    original = posts["near_duplicate_of"].isna()
    volume = posts[original].groupby(["month", "platform", "lang"]).size()
    by_subtopic = {}
    for sid, qids in subtopics.items():
        in_sub = hits[["q:" + q for q in qids]].any(axis=1) & original
        by_subtopic[sid] = posts[in_sub].groupby("month").size()
    lex_cols = [c for c in hits.columns if c.startswith("x:")]
    shares = hits.loc[original, lex_cols].mean().sort_values(ascending=False)
    seconds["aggregate"] = time.perf_counter() - t0
    print(f"aggregate: {len(volume)} month x platform x language cells, {len(by_subtopic)} sub-topics by month, "
          f"{len(shares)} lexicon shares in {seconds['aggregate']:.2f} s (top: {shares.index[0]} {shares.iloc[0]:.3f})")

    t0 = time.perf_counter()
    topics = study["topics"]
    k, iterations = int(topics["k"]), int(topics["iterations"])
    docs = posts.loc[original, "text"]
    vectorizer = CountVectorizer(lowercase=True, token_pattern=r"(?u)\b[^\W\d_]{2,}\b", stop_words=stopwords(root),
                                 min_df=3, max_df=0.4)
    x = vectorizer.fit_transform(docs)
    heldout = (pd.util.hash_array(docs.index.to_numpy()) % 1000) < 1000 * float(topics.get("heldout", 0.1))
    lda = LatentDirichletAllocation(n_components=k, max_iter=iterations, learning_method="batch",
                                    doc_topic_prior=50.0 / k / 10.0, topic_word_prior=0.01,
                                    random_state=int(topics.get("seed", 1)), evaluate_every=-1, n_jobs=1)
    lda.fit(x[~heldout])
    perplexity = lda.perplexity(x[heldout])
    seconds["lda"] = time.perf_counter() - t0
    print(f"sklearn LDA: K={k}, {iterations} batch VB iterations, {x[~heldout].shape[0]} documents, "
          f"{int(x[~heldout].sum())} tokens, vocabulary {x.shape[1]} in {seconds['lda']:.2f} s "
          f"(held-out perplexity {perplexity:.1f}, VB bound, not comparable with Gibbs)")

    n = len(posts)
    no_lda = seconds["read"] + seconds["match"] + seconds["aggregate"]
    total = no_lda + seconds["lda"]
    print(f"RESULT pandas posts={n} read_s={seconds['read']:.3f} match_s={seconds['match']:.3f} "
          f"aggregate_s={seconds['aggregate']:.3f} lda_s={seconds['lda']:.3f} no_lda_s={no_lda:.3f} total_s={total:.3f} "
          f"posts_per_s_no_lda={n / no_lda:.0f} posts_per_s={n / total:.0f}")


if __name__ == "__main__":
    main()
