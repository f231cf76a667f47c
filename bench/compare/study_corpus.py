#!/usr/bin/python3
"""Writes N generated posts as JSONL for `tenlik listen ingest`, for
bench/compare/study.sh. Each post is what bench/study_bench.cpp generates (one to
three of its eight sentences on inclusive education, a platform, a language, a
date in 2025) plus 5-15 words drawn with Zipf weights from the words of the bundled
sample corpus (data/sample/posts.jsonl), so that posts are not near-duplicates of
each other and the topic model has a vocabulary to work with. Deterministic.

usage: study_corpus.py N OUT.jsonl
"""
import json
import random
import re
import sys
from pathlib import Path

PARTS = [
    "В нашей школе в Караганде нет пандуса, а дочь с инвалидностью ходит на второй этаж.",
    "Ұлым мүгедек бала деп мектепке алмады. Алматыда тьютор жоқ, ПМПК кезегі ұзақ.",
    "The Comfort School national project opened a new school in Shymkent for children with disabilities.",
    "Инклюзивное образование: не хватает дефектологов и логопедов, буллинг в классе. #инклюзия",
    "Білімді ұлт жобасы аясында ауылдағы мектепке автобус берілді #білімдіұлт",
    "My son has autism; his teachers are not trained and there is no lift in Astana school 12.",
    "Родители детей с ООП в Шымкенте жалуются на нехватку тьюторов и травлю.",
    "Сегодня прошёл семинар для педагогов по инклюзии, спасибо управлению образования!",
]
PLATFORMS = ["vk", "facebook", "youtube", "tiktok", "web"]
LANGS = ["ru", "kk", "en"]


def sample_vocabulary(root):
    words = {}
    with open(root / "data/sample/posts.jsonl", encoding="utf-8") as f:
        for line in f:
            try:  # the sample has malformed lines on purpose (reject tests)
                text = json.loads(line).get("text") or ""
            except (json.JSONDecodeError, AttributeError):
                continue
            for w in re.findall(r"[^\W\d_]{3,}", text.lower()):
                words[w] = words.get(w, 0) + 1
    return sorted(words, key=lambda w: (-words[w], w))


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    vocab = sample_vocabulary(Path(__file__).resolve().parents[2])
    weights = [1.0 / (rank + 1) for rank in range(len(vocab))]
    rng = random.Random(1)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(rng.choice(PARTS) for _ in range(rng.randint(1, 3)))
            text += " " + " ".join(rng.choices(vocab, weights, k=rng.randint(5, 15))) + f" №{i}"
            post = {
                "id": f"b{i}",
                "platform": rng.choice(PLATFORMS),
                "author": f"user{rng.randrange(2000)}",
                "published_at": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:00:00+05:00",
                "lang": rng.choice(LANGS),
                "text": text,
            }
            f.write(json.dumps(post, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
