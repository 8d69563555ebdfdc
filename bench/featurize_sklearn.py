#!/usr/bin/python3
"""scikit-learn's side of the featurisation benchmark: the same texts and
settings as bench_featurize (TF-IDF, sublinear tf, smoothed idf, L2; word
1..WORD_MAX grams and char_wb CHAR_MIN..CHAR_MAX grams), fit_transform timed.

usage: featurize_sklearn.py FILE WORD_MAX CHAR_MIN CHAR_MAX MAX_FEATURES
"""
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion


def main(argv):
    path, word_max, char_min, char_max, max_features = argv[1], *map(int, argv[2:6])
    with open(path, encoding="utf-8") as f:
        data = f.read()
    docs = data.split("\n")
    if docs and docs[-1] == "":
        docs.pop()
    parts = []
    if word_max:
        parts.append(("word", TfidfVectorizer(ngram_range=(1, word_max), sublinear_tf=True,
                                               token_pattern=r"(?u)\b\w+\b")))
    if char_max:
        parts.append(("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(char_min, char_max),
                                               sublinear_tf=True)))
    # share the feature budget so the total dimension equals stance's
    for i, (_, vec) in enumerate(parts):
        vec.max_features = max_features // len(parts) + (max_features % len(parts) if i == 0 else 0)
    union = FeatureUnion(parts) if len(parts) > 1 else parts[0][1]
    t0 = time.perf_counter()
    x = union.fit_transform(docs)
    secs = time.perf_counter() - t0
    print(f"sklearn {len(data.encode('utf-8')) / 1e6 / secs:8.2f} MB/s  {x.shape[1]} features  "
          f"{x.nnz} non-zeros  {secs:.2f} s  {len(docs)} texts")


if __name__ == "__main__":
    main(sys.argv)
