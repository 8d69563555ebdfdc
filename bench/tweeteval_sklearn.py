#!/usr/bin/python3
"""scikit-learn's side of the TweetEval stance benchmark: TF-IDF word 1-3 and
char_wb 2-5 grams, LinearSVC with C tuned on val, one model per target,
predictions of the five targets pooled; prints the official figure (mean F1
of 'against' and 'favor', x 100), training time and prediction throughput.

usage: tweeteval_sklearn.py DATA_DIR
"""
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.pipeline import FeatureUnion, make_pipeline
from sklearn.svm import LinearSVC

TARGETS = ["abortion", "atheism", "climate", "feminist", "hillary"]


def read(data, target, split):
    with open(f"{data}/{target}/{split}_text.txt", encoding="utf-8") as f:
        texts = [line.rstrip("\n") for line in f]
    with open(f"{data}/{target}/{split}_labels.txt", encoding="utf-8") as f:
        labels = [int(line) for line in f]
    return texts, labels


def pipeline(c):
    return make_pipeline(
        FeatureUnion([
            ("word", TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True)),
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
        ]),
        LinearSVC(C=c, class_weight="balanced"),
    )


def main(argv):
    data = argv[1]
    gold, pred = [], []
    train_secs, predict_secs, n_test = 0.0, 0.0, 0
    for target in TARGETS:
        tx, ty = read(data, target, "train")
        vx, vy = read(data, target, "val")
        sx, sy = read(data, target, "test")
        t0 = time.perf_counter()
        best = max((f1_score(vy, pipeline(c).fit(tx, ty).predict(vx), labels=[1, 2], average="macro"), c)
                   for c in (0.03, 0.1, 0.3, 1, 3))[1]
        model = pipeline(best).fit(tx + vx, ty + vy)
        train_secs += time.perf_counter() - t0
        t0 = time.perf_counter()
        p = model.predict(sx)
        predict_secs += time.perf_counter() - t0
        n_test += len(sx)
        gold += sy
        pred += list(p)
    score = 100 * f1_score(gold, pred, labels=[1, 2], average="macro")
    print(f"sklearn  official {score:5.2f}  train {train_secs:6.2f} s  predict {n_test / predict_secs:9.0f} texts/s")


if __name__ == "__main__":
    main(sys.argv)
