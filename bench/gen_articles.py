#!/usr/bin/env python3
"""Generate a large synthetic news corpus (JSONL articles) for benchmarks.

Articles are assembled at random, with a fixed seed, from fragments written
by the team: speakers (people, ministries, capitals, seats of government),
reporting verbs and acts, statement contents, and narration that reports no
speech. The result exercises every extraction path and is the same on every
run for the same arguments.

usage: gen_articles.py MEGABYTES [SEED] > articles.jsonl
"""
import json
import random
import sys

SPEAKERS = [
    "The Russian foreign ministry", "Russia's foreign minister", "The Kremlin", "Moscow",
    "A senior State Department official", "The White House", "Washington", "The U.S. envoy",
    "Beijing", "China's foreign ministry spokesman", "The Chinese defence ministry",
    "Tokyo", "Japan's prime minister", "The French president", "The Elysee", "Berlin",
    "The German chancellor", "Downing Street", "Britain's foreign secretary", "Ankara",
    "The Turkish foreign ministry", "Tehran", "Iran's top diplomat", "The Israeli army",
    "Cairo", "The Egyptian foreign ministry", "Nairobi", "Kenya's president", "Brasilia",
    "Brazil's environment minister", "The Mexican government", "Ottawa", "Canberra",
    "New Delhi", "The Indian external affairs minister", "Islamabad", "Seoul",
    "The South Korean unification ministry", "Pyongyang", "The European Commission",
    "NATO's secretary-general", "The United Nations", "The African Union", "Kyiv",
    "The Ukrainian foreign ministry", "Warsaw", "Riyadh", "Doha", "Abu Dhabi", "Jakarta",
]
VERBS = ["said", "told reporters", "warned", "insisted", "added", "stated", "noted",
         "said in a statement", "told a news conference", "wrote on social media"]
CONTENTS = [
    "it was ready to resume talks without preconditions",
    "the new tariffs would hurt ordinary families on both sides",
    "the sanctions were illegal and would be answered",
    "it welcomed the release of the detained sailors",
    "the meeting had been useful and constructive",
    "there had been a frank exchange of views on the border",
    "it would not rule out further steps if the provocations continued",
    "the ceasefire was holding in most areas",
    "humanitarian corridors should open within days",
    "the election had been neither free nor fair",
    "it offered condolences to the families of the victims",
    "the drills were routine and directed at no one",
    "the accusations were baseless and politically motivated",
    "both sides had agreed to set up a joint working group",
    "it remained committed to the climate targets agreed last year",
    "foreign interference in its internal affairs would not be tolerated",
    "aid convoys had reached the northern province",
    "the proposal deserved careful study",
]
QUOTES = [
    "We are not going to be lectured by anyone on this question",
    "Our door remains open, and we hope our partners will walk through it",
    "This is a dangerous escalation and it must stop now",
    "The talks were long, but they were worth it",
    "We have no intention of raising tensions in the region",
    "Nobody should doubt our resolve to defend our territory",
    "We thank our neighbours for their quick and generous help",
    "The schedule for the next round will be announced later",
]
ACTS = [
    "rejected the results of the vote", "summoned the ambassador", "expelled two diplomats",
    "signed a trade agreement", "vetoed the draft resolution", "condemned the attack",
    "recalled its envoy for consultations", "lifted the ban on grain imports",
]
NARRATION = [
    "The talks are due to resume later this week.",
    "Both delegations arrived in the capital on Monday evening.",
    "The dispute dates back several decades.",
    "Markets were calm after the announcement.",
    "Officials from both sides are expected to meet again in the spring.",
    "The region has seen repeated flare-ups since the summer.",
    "Diplomats described the atmosphere as tense.",
]


def sentence(rng):
    speaker = rng.choice(SPEAKERS)
    roll = rng.random()
    if roll < 0.3:
        return f"\u201c{rng.choice(QUOTES)},\u201d {speaker[0].lower() + speaker[1:] if speaker.startswith('The ') or speaker.startswith('A ') else speaker} {rng.choice(VERBS)}."
    if roll < 0.6:
        return f"{speaker} {rng.choice(VERBS)} that {rng.choice(CONTENTS)}."
    if roll < 0.75:
        return f"{speaker} {rng.choice(ACTS)} on {rng.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}."
    if roll < 0.85:
        return f"According to {speaker[0].lower() + speaker[1:] if speaker.startswith('The ') else speaker}, {rng.choice(CONTENTS)}."
    return rng.choice(NARRATION)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    target = float(argv[1]) * 1e6
    rng = random.Random(int(argv[2]) if len(argv) > 2 else 2015)
    written, n = 0, 0
    out = sys.stdout
    while written < target:
        n += 1
        body = "\n".join(sentence(rng) for _ in range(rng.randint(6, 30)))
        article = {
            "id": f"gen-{n}",
            "title": f"Generated article {n}",
            "date": f"20{rng.randint(10, 24):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "source": "generated",
            "text": body,
        }
        line = json.dumps(article, ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))


if __name__ == "__main__":
    main(sys.argv)
