/* Resolution: from a speaker mention as written to an actor and a country.
 * Longest gazetteer match over the words of the mention (people, states,
 * capitals and seats, bodies, demonyms, roles), surnames of people named
 * before or in the gazetteer, the office holder of a role on the article's
 * date, and pronouns and nominals ("he", "the official") through the
 * entities mentioned before. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/grow.h"
#include "pipeline/extract/extract_internal.h"

#define MAX_WORDS 8

static const xtok *tok(const stance_extractor *x, size_t k)
{
    return &x->toks.v[k];
}

size_t stance_xarena_add(xarena *a, const char *s, size_t n)
{
    if (stance_grow(&a->buf, &a->cap, a->len + n + 1, 1) != 0)
        return 0;
    size_t at = a->len;
    memcpy(a->buf + at, s, n);
    a->buf[at + n] = '\0';
    a->len += n + 1;
    return at + 1;
}

/* The words a..b joined by single spaces (lower-cased when asked); 0 when
 * they do not fit or are not all words. */
static size_t join(const stance_extractor *x, size_t a, size_t b, bool lower, char *buf, size_t cap)
{
    size_t n = 0;
    for (size_t k = a; k < b; k++) {
        const xtok *t = tok(x, k);
        if (t->type != XTOK_WORD)
            return 0;
        size_t len = t->end - t->start;
        if (n + len + 2 > cap)
            return 0;
        if (k > a)
            buf[n++] = ' ';
        for (size_t i = 0; i < len; i++) {
            char c = x->text[t->start + i];
            buf[n++] = lower && c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }
    }
    buf[n] = '\0';
    return n;
}

/* Can a gazetteer surface start at token k (as written, or lower-cased for roles)? */
static bool may_start(const stance_extractor *x, size_t k)
{
    const xtok *t = tok(x, k);
    size_t n = t->end - t->start;
    if (stance_gazetteer_first_word(x->g, x->text + t->start, n))
        return true;
    char low[64];
    if (n >= sizeof low || !t->capital)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = x->text[t->start + i];
        low[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    return stance_gazetteer_first_word(x->g, low, n);
}

static bool in_office(const stance_actor *a, int date)
{
    return !date || ((!a->from || a->from <= date) && (!a->to || date <= a->to));
}

typedef struct mention {
    const stance_actor *person, *place, *demonym, *role;
    size_t anchor_end, role_start; /* tokens: after the place or demonym; the role's first */
    bool covered[64];  /* token (relative to a) is part of a match */
} mention;

/* Choose among the actors of one surface: a person in office on the date
 * first, else the first listed. */
static const stance_actor *pick(const stance_actor **found, size_t n, int date)
{
    for (size_t i = 0; i < n; i++)
        if (found[i]->kind != STANCE_ACTOR_PERSON || in_office(found[i], date))
            return found[i];
    return n ? found[0] : NULL;
}

/* Greedy longest matches, left to right, over the words of [a, b). */
static void scan_mention(const stance_extractor *x, size_t a, size_t b, mention *m)
{
    char buf[512];
    for (size_t i = a; i < b;) {
        if (tok(x, i)->type != XTOK_WORD || !may_start(x, i)) {
            i++;
            continue;
        }
        size_t best = 0;
        const stance_actor *actor = NULL;
        size_t hi = b - i < MAX_WORDS ? b : i + MAX_WORDS;
        for (size_t j = hi; j > i && !actor; j--) {
            if (!join(x, i, j, false, buf, sizeof buf))
                continue;
            const stance_actor *found[16];
            size_t n = stance_gazetteer_lookup(x->g, buf, strlen(buf), found, 16);
            /* "Foreign Ministry" is the role "foreign ministry" */
            if (n == 0 && join(x, i, j, true, buf, sizeof buf)) {
                n = stance_gazetteer_lookup(x->g, buf, strlen(buf), found, 16);
                size_t keep = 0;
                for (size_t f = 0; f < n; f++)
                    if (found[f]->kind == STANCE_ACTOR_ROLE)
                        found[keep++] = found[f];
                n = keep;
            }
            if (n) {
                actor = pick(found, n, x->date);
                best = j;
            }
        }
        if (!actor) {
            i++;
            continue;
        }
        switch (actor->kind) {
        case STANCE_ACTOR_PERSON:
            if (!m->person)
                m->person = actor;
            break;
        case STANCE_ACTOR_DEMONYM:
            if (!m->demonym) {
                m->demonym = actor;
                m->anchor_end = best;
            }
            break;
        case STANCE_ACTOR_ROLE:
            m->role = actor; /* the last role is the head: "foreign ministry spokesman" */
            m->role_start = i;
            break;
        default:
            if (!m->place) {
                m->place = actor;
                m->anchor_end = best;
            }
        }
        for (size_t k = i; k < best; k++)
            if (k - a < 64)
                m->covered[k - a] = true;
        i = best;
    }
}

static const xentity *memory_at(const stance_extractor *x, size_t back)
{
    return &x->memory[(x->n_memory - 1 - back) % XMEMORY];
}

static size_t memory_size(const stance_extractor *x)
{
    return x->n_memory < XMEMORY ? x->n_memory : XMEMORY;
}

static void remember(stance_extractor *x, const xentity *e)
{
    x->memory[x->n_memory % XMEMORY] = *e;
    x->n_memory++;
}

/* A person named by surname alone: first those named before in the article,
 * then the gazetteer (in office on the date, of the mention's country). */
static const stance_actor *by_surname(stance_extractor *x, const char *word, size_t len,
                                      const char *code, size_t *memory_actor, char *memory_code)
{
    for (size_t i = 0; i < memory_size(x); i++) {
        const xentity *e = memory_at(x, i);
        if (e->person && e->actor && strlen(e->surname) == len && memcmp(e->surname, word, len) == 0) {
            *memory_actor = e->actor;
            memcpy(memory_code, e->country, 4);
            return NULL;
        }
    }
    const stance_actor *found[32];
    size_t n = stance_gazetteer_lookup_surname(x->g, word, len, found, 32);
    const stance_actor *best = NULL;
    int best_score = -1;
    for (size_t i = n; i-- > 0;) { /* file order */
        /* "Jordan's Prime Minister Jafar Hassan" is not Tanzania's Hassan */
        if (code && strcmp(code, found[i]->code) != 0)
            continue;
        int score = in_office(found[i], x->date) ? 2 : 0;
        if (score > best_score) {
            best = found[i];
            best_score = score;
        }
    }
    return best;
}

static void lower_word(const stance_extractor *x, size_t k, char *out, size_t cap)
{
    const xtok *t = tok(x, k);
    size_t n = t->end - t->start;
    if (n >= cap)
        n = cap - 1;
    for (size_t i = 0; i < n; i++) {
        char c = x->text[t->start + i];
        out[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    out[n] = '\0';
}

/* The entity a pronoun or a definite nominal ("the official") refers to. */
static const xentity *antecedent(const stance_extractor *x, unsigned pronoun, const char *head,
                                 bool person_head)
{
    size_t n = memory_size(x);
    if (pronoun & XL_PRONOUN_PERSON) {
        for (size_t i = 0; i < n; i++)
            if (memory_at(x, i)->person && memory_at(x, i)->actor)
                return memory_at(x, i);
        return NULL;
    }
    if (pronoun & (XL_PRONOUN_GROUP | XL_PRONOUN_THING)) {
        for (size_t i = 0; i < n; i++)
            if (memory_at(x, i)->speaker && memory_at(x, i)->country[0] &&
                (!memory_at(x, i)->person || (pronoun & XL_PRONOUN_GROUP)))
                return memory_at(x, i);
        return NULL;
    }
    for (size_t i = 0; head && i < n; i++)
        if (memory_at(x, i)->country[0] && strcmp(memory_at(x, i)->head, head) == 0)
            return memory_at(x, i);
    if (person_head)
        for (size_t i = 0; i < n; i++)
            if (memory_at(x, i)->speaker && memory_at(x, i)->person && memory_at(x, i)->country[0])
                return memory_at(x, i);
    return NULL;
}

/* "Iceland's fisheries minister": the plain words between the country and
 * a role the gazetteer knows ("minister") belong to the role. */
static bool qualify_role(const stance_extractor *x, const mention *m, char *out, size_t cap)
{
    size_t from = m->anchor_end, words = 0, n = 0;
    if (!from || m->role_start <= from)
        return false;
    out[0] = '\0';
    for (size_t k = from; k < m->role_start; k++) {
        const xtok *t = tok(x, k);
        if (t->type == XTOK_POSSESSIVE)
            continue;
        if (t->type != XTOK_WORD || t->capital || stance_xlex_word(x->text, t) || ++words > 2)
            return false;
        int w = snprintf(out + n, cap - n, "%.*s ", (int)(t->end - t->start), x->text + t->start);
        if (w < 0 || (size_t)w >= cap - n)
            return false;
        n += (size_t)w;
    }
    if (!words)
        return false;
    int w = snprintf(out + n, cap - n, "%s", m->role->name);
    return w >= 0 && (size_t)w < cap - n;
}

typedef struct resolved {
    size_t actor; /* arena offset + 1 */
    char country[4];
} resolved;

/* Resolve the mention in tokens [a, b) (with an appositive [pa, pb)). */
static int resolve_mention(stance_extractor *x, size_t a, size_t b, size_t pa, size_t pb,
                           resolved *out)
{
    memset(out, 0, sizeof *out);
    char head[32] = "", surname[64] = "";
    bool person_like = false, definite = false, only_common = true;
    for (size_t k = a; k < b; k++)
        if (tok(x, k)->type == XTOK_WORD && tok(x, k)->capital &&
            !(x->tok_flags[k] & XL_DET))
            only_common = false;
    if (b > a)
        lower_word(x, b - 1, head, sizeof head);
    unsigned first_flags = x->tok_flags[a];
    definite = stance_xtok_is(x->text, tok(x, a), "the");
    unsigned head_flags = b > a ? x->tok_flags[b - 1] : 0;
    person_like = (head_flags & XL_PERSON) != 0;

    /* pronouns */
    if (b == a + 1 && (first_flags & (XL_PRONOUN_PERSON | XL_PRONOUN_GROUP | XL_PRONOUN_THING))) {
        const xentity *e = antecedent(x, first_flags, NULL, false);
        if (e) {
            out->actor = e->actor;
            memcpy(out->country, e->country, 4);
        }
        return 0;
    }

    mention m;
    memset(&m, 0, sizeof m);
    scan_mention(x, a, b, &m);
    if (pa < pb)
        scan_mention(x, pa, pb, &m);
    if (m.role && strcmp(m.role->role ? m.role->role : "", "person") == 0)
        person_like = true;
    const char *code = m.place ? m.place->code : m.demonym ? m.demonym->code : NULL;

    char name[512];
    const stance_actor *person = m.person;
    /* surnames: "Kerry", "Minister Lavrov", "Ryabkov" */
    for (size_t k = a; !person && k < b; k++) {
        const xtok *t = tok(x, k);
        if (t->type != XTOK_WORD || !t->capital || (k - a < 64 && m.covered[k - a]) ||
            (stance_xlex_word(x->text, t) & (XL_DET | XL_AUX | XL_TRIM | XL_BOUNDARY)))
            continue;
        size_t mem_actor = 0;
        char mem_code[4] = "";
        person = by_surname(x, x->text + t->start, t->end - t->start, code, &mem_actor, mem_code);
        if (mem_actor) {
            out->actor = mem_actor;
            memcpy(out->country, mem_code, 4);
            snprintf(surname, sizeof surname, "%.*s", (int)(t->end - t->start), x->text + t->start);
            person_like = true;
            goto done;
        }
    }
    if (!person && code && m.role && person_like && x->date)
        person = stance_gazetteer_holder(x->g, code, m.role->name, x->date);
    if (person) {
        out->actor = stance_xarena_add(&x->arena, person->name, strlen(person->name));
        memcpy(out->country, person->code, 4);
        size_t n;
        const char *sn = stance_person_surname(person, &n);
        snprintf(surname, sizeof surname, "%.*s", sn ? (int)n : 0, sn ? sn : "");
        person_like = true;
        goto done;
    }
    if (code) {
        memcpy(out->country, code, 4);
        const char *role = m.role ? m.role->name : (head_flags & XL_ROLE) ? head : NULL;
        char qualified[256];
        if (m.role && qualify_role(x, &m, qualified, sizeof qualified))
            role = qualified;
        if (!role && m.place)
            snprintf(name, sizeof name, "%s", m.place->name);
        else {
            const char *prefix;
            if (m.place && m.place->kind == STANCE_ACTOR_COUNTRY) {
                const stance_actor *dem = stance_gazetteer_state(x->g, code, true);
                prefix = dem ? dem->name : m.place->name;
            } else {
                prefix = m.place ? m.place->name : m.demonym->name;
            }
            if (role)
                snprintf(name, sizeof name, "%s %s", prefix, role);
            else /* "Russian" alone names the state */
                snprintf(name, sizeof name, "%s", stance_gazetteer_state(x->g, code, false)
                                                      ? stance_gazetteer_state(x->g, code, false)->name
                                                      : prefix);
        }
        out->actor = stance_xarena_add(&x->arena, name, strlen(name));
        goto done;
    }
    /* "the official", "the ministry": the last one mentioned */
    if (definite && only_common && (head_flags & XL_ROLE)) {
        const xentity *e = antecedent(x, 0, head, person_like);
        if (e) {
            out->actor = e->actor;
            memcpy(out->country, e->country, 4);
            return 0; /* refers back: nothing new to remember */
        }
    }
    return 0;

done:;
    xentity e;
    memset(&e, 0, sizeof e);
    e.actor = out->actor;
    memcpy(e.country, out->country, 4);
    snprintf(e.head, sizeof e.head, "%s", head);
    snprintf(e.surname, sizeof e.surname, "%s", surname);
    e.person = person_like;
    e.speaker = true;
    remember(x, &e);
    return 0;
}

/* Event names and places: "the Riyadh meeting", "in Vienna" name no party. */
static bool place_use(const stance_extractor *x, size_t k, size_t j, const stance_actor *f)
{
    if (f->kind != STANCE_ACTOR_METONYM || !f->role || strcmp(f->role, "government") != 0)
        return false;
    static const char *const before[] = {"in", "at", "from", "to", "near", "outside", "of", "via"};
    static const char *const after[] = {"meeting", "talks", "summit", "process", "format",
                                        "agreement", "accord", "accords", "declaration",
                                        "conference", "protocol", "convention", "group"};
    for (size_t i = 0; k > 0 && i < sizeof before / sizeof before[0]; i++)
        if (stance_xtok_is(x->text, tok(x, k - 1), before[i]))
            return true;
    /* "the Minsk accords", "the Minsk peace accords" */
    for (size_t w = j; w < j + 2 && w < x->toks.n; w++)
        for (size_t i = 0; i < sizeof after / sizeof after[0]; i++)
            if (stance_xtok_is(x->text, tok(x, w), after[i]))
                return true;
    return false;
}

/* A person named before in the article, by surname ("told Kerry"). */
static const xentity *known_surname(const stance_extractor *x, const xtok *t)
{
    size_t len = t->end - t->start;
    for (size_t i = 0; i < memory_size(x); i++) {
        const xentity *e = memory_at(x, i);
        if (e->person && e->country[0] && strlen(e->surname) == len &&
            memcmp(e->surname, x->text + t->start, len) == 0)
            return e;
    }
    return NULL;
}

/* The first party named in tokens [a, b) other than the speaker's state,
 * skipping the speaker's own mention [sa, sb). */
static void find_target(stance_extractor *x, size_t a, size_t b, size_t sa, size_t sb,
                        const char *own, char *target)
{
    target[0] = '\0';
    for (size_t k = a; k < b;) {
        if (k >= sa && k < sb) {
            k = sb;
            continue;
        }
        size_t end = b;
        if (sa > k && sa < end)
            end = sa;
        size_t hi = end - k < MAX_WORDS ? end : k + MAX_WORDS;
        size_t next = k + 1;
        const xtok *t = tok(x, k);
        if (t->type == XTOK_WORD && t->capital) {
            char buf[512];
            const char *code = NULL;
            for (size_t j = may_start(x, k) ? hi : k; j > k && !code; j--) {
                const stance_actor *found[4];
                size_t n = join(x, k, j, false, buf, sizeof buf)
                               ? stance_gazetteer_lookup(x->g, buf, strlen(buf), found, 4) : 0;
                const stance_actor *f = n ? pick(found, n, x->date) : NULL;
                if (f && f->kind != STANCE_ACTOR_ROLE) {
                    next = j;
                    code = place_use(x, k, j, f) ? "" : f->code;
                }
            }
            if (!code) {
                const xentity *e = known_surname(x, t);
                code = e ? e->country : NULL;
            }
            if (code && code[0] && strcmp(code, own) != 0) {
                memcpy(target, code, 4);
                return;
            }
        }
        k = next;
    }
}

static size_t token_at(const stance_extractor *x, size_t byte)
{
    size_t lo = 0, hi = x->toks.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (x->toks.v[mid].end <= byte)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int stance_extract_resolve(stance_extractor *x, size_t i)
{
    xraw *r = &x->raws[i];
    xcandidate *c = &x->cands[r->cand];
    if (r->own_speaker.a < r->own_speaker.b) {
        /* one of several speakers of the verb */
        const xrange *sp = &r->own_speaker;
        r->speaker = stance_xarena_add(&x->arena, x->text + tok(x, sp->a)->start,
                                tok(x, sp->b - 1)->end - tok(x, sp->a)->start);
        resolved res;
        resolve_mention(x, sp->a, sp->b, 0, 0, &res);
        r->actor = res.actor;
        memcpy(r->country, res.country, 4);
        if (!r->speaker)
            return -1;
    } else if (!c->resolved) {
        /* the mention as written, appositive included */
        size_t end = c->appositive.b > c->speaker.b ? tok(x, c->appositive.b - 1)->end
                                                    : tok(x, c->speaker.b - 1)->end;
        c->r_speaker = stance_xarena_add(&x->arena, x->text + tok(x, c->speaker.a)->start,
                                  end - tok(x, c->speaker.a)->start);
        resolved res;
        resolve_mention(x, c->speaker.a, c->speaker.b, c->appositive.a, c->appositive.b, &res);
        c->r_actor = res.actor;
        memcpy(c->r_country, res.country, 4);
        c->resolved = true;
        if (!c->r_speaker)
            return -1;
    }
    if (r->own_speaker.a == r->own_speaker.b) {
        r->speaker = c->r_speaker;
        r->actor = c->r_actor;
        memcpy(r->country, c->r_country, 4);
    }
    const xtok *v = tok(x, c->verb);
    r->verb = stance_xarena_add(&x->arena, x->text + v->start,
                         tok(x, c->verb + c->verb_width - 1)->end - v->start);
    size_t sb = c->appositive.b > c->speaker.b ? c->appositive.b : c->speaker.b;
    find_target(x, token_at(x, r->text_start), token_at(x, r->text_end), c->speaker.a, sb,
                r->country, r->target);
    return r->verb ? 0 : -1;
}

void stance_extract_note_people(stance_extractor *x, size_t a, size_t b)
{
    char buf[512];
    for (size_t k = a; k < b; k++) {
        const xtok *t = tok(x, k);
        if (t->type != XTOK_WORD || !t->capital || t->depth > 0 ||
            !stance_gazetteer_first_word(x->g, x->text + t->start, t->end - t->start))
            continue;
        size_t hi = b - k < 4 ? b : k + 4;
        for (size_t j = hi; j > k + 1; j--) {
            const stance_actor *found[8];
            size_t n = join(x, k, j, false, buf, sizeof buf)
                           ? stance_gazetteer_lookup(x->g, buf, strlen(buf), found, 8) : 0;
            const stance_actor *p = NULL;
            for (size_t f = 0; f < n && !p; f++)
                if (found[f]->kind == STANCE_ACTOR_PERSON)
                    p = found[f];
            if (!p)
                continue;
            xentity e;
            memset(&e, 0, sizeof e);
            e.actor = stance_xarena_add(&x->arena, p->name, strlen(p->name));
            memcpy(e.country, p->code, 4);
            size_t sn_len;
            const char *sn = stance_person_surname(p, &sn_len);
            snprintf(e.surname, sizeof e.surname, "%.*s", sn ? (int)sn_len : 0, sn ? sn : "");
            snprintf(e.head, sizeof e.head, "%s", "person");
            e.person = true;
            remember(x, &e);
            k = j - 1;
            break;
        }
    }
}
