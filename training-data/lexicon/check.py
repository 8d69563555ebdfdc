#!/usr/bin/env python3
"""Check predicates.tsv, the predicate lexicon of stance (stdlib only).

Usage: check.py [PATH] [--shared]
  PATH      the lexicon (default: predicates.tsv beside this script)
  --shared  also list forms that occur under more than one POS (verb "talks"
            and noun "talks"): a start for the list of ambiguous forms

Checks:
  - 5 TAB-separated fields per entry; '#' comments and blank lines allowed
  - POS, CLASS, POLARITY and FLAGS take only the documented values, CLASS
    fits the POS, POLARITY fits the CLASS (a + or - class may use 0 when
    the object decides; a 0 class is always 0)
  - forms: lower case, single spaces, no form twice in one entry and no form
    in two entries of one POS
  - verbs: at least 3 forms unless a listed fixed phrase; the inflected
    (first) word has a 3rd-person -s form and an -ing form, the base form
    comes first, all forms of an entry have the same number of words;
    'inverts' only with 'speech'
Prints counts per POS, class, polarity and flag. Exit status 1 on errors.
"""
import collections
import os
import re
import sys

VERB_CLASSES = {
    # class: polarity the class carries
    "say": "0", "comment": "0", "appeal": "0", "intend": "+", "consult": "+",
    "cooperate": "+", "aid": "+", "yield": "+", "investigate": "0",
    "demand": "-", "disapprove": "-", "reject": "-", "threaten": "-",
    "protest": "-", "posture": "-", "reduce": "-", "coerce": "-", "assault": "-",
}
NOUN_CLASSES = {"cooperation": "+", "conflict": "-"}
ADJ_CLASSES = {"hostile": "-", "friendly": "+"}
CLASSES = {"verb": VERB_CLASSES, "noun": NOUN_CLASSES, "adj": ADJ_CLASSES}
POLARITIES = {"+", "-", "0"}
VERB_FLAGS = {"speech", "inverts", "act", "reverser", "addressee", "passive"}
FLAGS_BY_POS = {"verb": VERB_FLAGS, "noun": {"reverser"}, "adj": set()}
# verbs that do not inflect; allowed fewer than 3 forms
FIXED_PHRASES = {"according to"}
# forms per entry beyond which something is probably wrong
MAX_FORMS = {"verb": 12, "noun": 4, "adj": 3}

FORM_RE = re.compile(r"^[a-z][a-z'-]*( [a-z][a-z'-]*)*$")


def check(path, show_shared=False):
    errors = []
    entries = []  # (lineno, forms, pos, cls, pol, flags)
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.endswith("\r"):
                errors.append(f"{lineno}: CR line ending")
                line = line.rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 5:
                errors.append(f"{lineno}: {len(fields)} fields, want 5: {line!r}")
                continue
            if any(x != x.strip() or not x for x in fields):
                errors.append(f"{lineno}: empty field or stray spaces: {line!r}")
                continue
            forms_s, pos, cls, pol, flags_s = fields
            if pos not in CLASSES:
                errors.append(f"{lineno}: bad POS {pos!r}")
                continue
            if cls not in CLASSES[pos]:
                errors.append(f"{lineno}: class {cls!r} is not a {pos} class")
                continue
            if pol not in POLARITIES:
                errors.append(f"{lineno}: bad polarity {pol!r}")
                continue
            want = CLASSES[pos][cls]
            if pol != want and not (pos == "verb" and want != "0" and pol == "0"):
                errors.append(f"{lineno}: polarity {pol} does not fit {pos} class {cls} ({want})")
            flags = [] if flags_s == "-" else flags_s.split(",")
            if len(set(flags)) != len(flags):
                errors.append(f"{lineno}: repeated flag in {flags_s!r}")
            for fl in flags:
                if fl not in VERB_FLAGS:
                    errors.append(f"{lineno}: unknown flag {fl!r}")
                elif fl not in FLAGS_BY_POS[pos]:
                    errors.append(f"{lineno}: flag {fl!r} not allowed for {pos}")
            if "inverts" in flags and "speech" not in flags:
                errors.append(f"{lineno}: 'inverts' without 'speech'")
            forms = forms_s.split("|")
            bad = [x for x in forms if not FORM_RE.match(x)]
            if bad:
                errors.append(f"{lineno}: malformed form(s) {bad}")
            if len(set(forms)) != len(forms):
                errors.append(f"{lineno}: a form repeated within the entry")
            if len(forms) > MAX_FORMS[pos]:
                errors.append(f"{lineno}: {len(forms)} forms, more than {MAX_FORMS[pos]} for a {pos}")
            if pos == "verb":
                check_verb(lineno, forms, errors)
            entries.append((lineno, forms, pos, cls, pol, flags))

    # no form in two entries of one POS
    seen = {}
    for lineno, forms, pos, *_ in entries:
        for x in forms:
            key = (pos, x)
            if key in seen:
                errors.append(f"{lineno}: {pos} form {x!r} also in line {seen[key]}")
            else:
                seen[key] = lineno

    report(entries)
    if show_shared:
        by_form = collections.defaultdict(set)
        for _, forms, pos, *_ in entries:
            for x in forms:
                by_form[x].add(pos)
        shared = sorted(x for x, p in by_form.items() if len(p) > 1)
        print(f"\nforms under more than one POS ({len(shared)}):")
        print(" ".join(shared))
    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("\nclean")
    return 0


def check_verb(lineno, forms, errors):
    if forms[0] in FIXED_PHRASES:
        if len(forms) != 1:
            errors.append(f"{lineno}: fixed phrase {forms[0]!r} should have one form")
        return
    if len(forms) < 3:
        errors.append(f"{lineno}: verb with {len(forms)} form(s), want at least 3: {forms}")
        return
    nwords = {len(x.split(" ")) for x in forms}
    if len(nwords) != 1:
        errors.append(f"{lineno}: forms differ in number of words: {forms}")
    heads = [x.split(" ")[0] for x in forms]
    if not any(h.endswith("s") for h in heads[1:]):
        errors.append(f"{lineno}: no 3rd-person -s form: {forms}")
    if not any(h.endswith("ing") for h in heads):
        errors.append(f"{lineno}: no -ing form: {forms}")
    if heads[0].endswith("ing") or any(heads[0] in (h + "s", h + "es") for h in heads[1:]):
        errors.append(f"{lineno}: base form not first: {forms}")


def report(entries):
    by_pos = collections.Counter(e[2] for e in entries)
    by_class = collections.Counter((e[2], e[3]) for e in entries)
    by_pol = collections.Counter((e[2], e[4]) for e in entries)
    by_flag = collections.Counter()
    for e in entries:
        for fl in e[5]:
            by_flag[(e[2], fl)] += 1
    nforms = collections.Counter()
    for e in entries:
        nforms[e[2]] += len(e[1])
    print(f"entries: {len(entries)}")
    for pos in CLASSES:
        print(f"\n{pos}: {by_pos[pos]} entries, {nforms[pos]} forms")
        print("  class:    " + ", ".join(
            f"{c} {by_class[(pos, c)]}" for c in CLASSES[pos] if by_class[(pos, c)]))
        print("  polarity: " + ", ".join(
            f"{p} {by_pol[(pos, p)]}" for p in ("+", "-", "0") if by_pol[(pos, p)]))
        fl = [f"{f} {by_flag[(pos, f)]}" for f in sorted(VERB_FLAGS) if by_flag[(pos, f)]]
        if fl:
            print("  flags:    " + ", ".join(fl))


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    opts = {a for a in argv[1:] if a.startswith("--")}
    unknown = opts - {"--shared"}
    if unknown or len(args) > 1:
        print(__doc__, file=sys.stderr)
        return 2
    path = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "predicates.tsv")
    return check(path, "--shared" in opts)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
