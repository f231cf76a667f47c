#!/usr/bin/python3
"""sklearn's LatentDirichletAllocation on a topics_bench corpus file, for
bench/compare/run.sh. Same split (documents d with d % 10 == 9 held out), same
vocabulary (every term of the training documents), same K, alpha, beta, and the
same held-out perplexity by document completion: theta from the first ceil(n/2)
in-vocabulary tokens of a held-out document (sklearn's transform), the rest
scored with p(w) = sum_k theta_k phi_kw.

usage: lda_sklearn.py CORPUS [--topics 50] [--iterations 20] [--method batch|online]
"""
import argparse
import math
import time

import numpy as np
from sklearn.decomposition import LatentDirichletAllocation
from sklearn.feature_extraction.text import CountVectorizer


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--topics", type=int, default=50)
    ap.add_argument("--iterations", type=int, default=20)
    ap.add_argument("--method", default="batch", choices=["batch", "online"])
    args = ap.parse_args()

    with open(args.corpus, encoding="utf-8") as f:
        docs = [line.split() for line in f]
    train = [d for i, d in enumerate(docs) if i % 10 != 9]
    heldout = [d for i, d in enumerate(docs) if i % 10 == 9]

    vectorizer = CountVectorizer(analyzer=lambda d: d)  # the tokens as given
    t0 = time.perf_counter()
    x = vectorizer.fit_transform(train)
    vectorize = time.perf_counter() - t0
    tokens = int(x.sum())
    print(f"sklearn: {len(train)} training documents, {tokens} tokens, vocabulary {x.shape[1]}, "
          f"K={args.topics}, {args.method}, {args.iterations} iterations (vectorize {vectorize:.2f} s)")

    lda = LatentDirichletAllocation(
        n_components=args.topics, doc_topic_prior=0.1, topic_word_prior=0.01,
        learning_method=args.method, max_iter=args.iterations, evaluate_every=-1,
        random_state=1, n_jobs=1)
    t0 = time.perf_counter()
    lda.fit(x)
    train_seconds = time.perf_counter() - t0

    vocab = vectorizer.vocabulary_
    phi = lda.components_ / lda.components_.sum(axis=1, keepdims=True)  # K x V
    observed, scored = [], []
    for d in heldout:
        ids = [vocab[w] for w in d if w in vocab]
        if len(ids) < 2:
            continue
        half = (len(ids) + 1) // 2
        observed.append(ids[:half])
        scored.append(ids[half:])
    rows = np.repeat(np.arange(len(observed)), [len(o) for o in observed])
    cols = np.concatenate([np.array(o) for o in observed])
    from scipy.sparse import csr_matrix
    xo = csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(observed), x.shape[1]))
    t0 = time.perf_counter()
    theta = lda.transform(xo)  # rows normalised
    loglik, n = 0.0, 0
    for i, ids in enumerate(scored):
        p = theta[i] @ phi[:, ids]
        loglik += float(np.log(p).sum())
        n += len(ids)
    evaluate = time.perf_counter() - t0
    perplexity = math.exp(-loglik / n)
    print(f"sklearn: train {train_seconds:.2f} s ({train_seconds / args.iterations:.3f} s per iteration), "
          f"held-out perplexity {perplexity:.1f} over {len(scored)} docs, {n} tokens (eval {evaluate:.2f} s)")
    print(f"RESULT sklearn-{args.method} train_seconds={train_seconds:.3f} iterations={args.iterations} "
          f"per_iteration={train_seconds / args.iterations:.4f} tokens_per_s={tokens * args.iterations / train_seconds:.0f} "
          f"perplexity={perplexity:.2f}")


if __name__ == "__main__":
    main()
