/* The actor gazetteer: a line format users extend (training-data/gazetteer/
 * FORMAT.md), loaded into a table of actors and a map from every surface
 * form to the actors it can name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/grow.h"
#include "common/io.h"
#include "common/strmap.h"
#include "common/utf8.h"

#define FIELDS 7

typedef struct surface_link {
    size_t actor;
    size_t next; /* next link + 1 for the same surface, 0 at the end */
} surface_link;

struct stance_gazetteer {
    stance_actor *actors;
    size_t n, cap;
    surface_link *links;
    size_t n_links, links_cap;
    stance_strmap surfaces; /* surface -> first link + 1 */
    stance_strmap surnames; /* a person's last name -> first link + 1 */
    stance_strmap holders;  /* "CODE|role" -> first link + 1 (person entries) */
    stance_strmap states;   /* code -> state_names */
    stance_strmap first_words; /* the first word of every surface form */
};

/* The country entry and the first demonym of a code, + 1 (0: none). */
typedef struct state_names {
    size_t country, demonym;
} state_names;

stance_gazetteer *stance_gazetteer_new(void)
{
    stance_gazetteer *g = calloc(1, sizeof *g);
    if (g) {
        stance_strmap_init(&g->surfaces, sizeof(size_t));
        stance_strmap_init(&g->surnames, sizeof(size_t));
        stance_strmap_init(&g->holders, sizeof(size_t));
        stance_strmap_init(&g->states, sizeof(state_names));
        stance_strmap_init(&g->first_words, 1);
    }
    return g;
}

void stance_gazetteer_free(stance_gazetteer *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n; i++) {
        free((char *)g->actors[i].name);
        free((char *)g->actors[i].role);
    }
    free(g->actors);
    free(g->links);
    stance_strmap_free(&g->surfaces);
    stance_strmap_free(&g->surnames);
    stance_strmap_free(&g->holders);
    stance_strmap_free(&g->states);
    stance_strmap_free(&g->first_words);
    free(g);
}

size_t stance_gazetteer_size(const stance_gazetteer *g)
{
    return g->n;
}

/* "the Kremlin" and "Kremlin" are one surface form. */
static const char *without_article(const char *s, size_t *len)
{
    if (*len > 4 && (strncmp(s, "the ", 4) == 0 || strncmp(s, "The ", 4) == 0)) {
        *len -= 4;
        return s + 4;
    }
    return s;
}

/* Add actor to the list of key in map (a key names several actors). */
static int link_key(stance_gazetteer *g, stance_strmap *map, const char *key, size_t len,
                    size_t actor)
{
    char buf[256];
    if (len == 0 || len >= sizeof buf)
        return 0; /* lines are checked before: nothing sensible to index */
    memcpy(buf, key, len);
    buf[len] = '\0';
    if (stance_grow(&g->links, &g->links_cap, g->n_links + 1, sizeof *g->links) != 0)
        return -1;
    size_t *head = stance_strmap_upsert(map, buf);
    if (!head)
        return -1;
    if (*head && g->links[*head - 1].actor == actor)
        return 0; /* "the Kremlin" and "Kremlin": one surface, one link */
    g->links[g->n_links] = (surface_link){actor, *head};
    *head = ++g->n_links;
    return 0;
}

static int link_surface(stance_gazetteer *g, const char *surface, size_t len, size_t actor)
{
    surface = without_article(surface, &len);
    char first[256];
    size_t n = 0;
    while (n < len && n + 1 < sizeof first && surface[n] != ' ') {
        first[n] = surface[n];
        n++;
    }
    first[n] = '\0';
    if (n && !stance_strmap_upsert(&g->first_words, first))
        return -1;
    return link_key(g, &g->surfaces, surface, len, actor);
}

bool stance_gazetteer_first_word(const stance_gazetteer *g, const char *word, size_t len)
{
    char buf[256];
    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, word, len);
    buf[len] = '\0';
    return stance_strmap_get(&g->first_words, buf) != NULL;
}

/* The actors listed under key in map, newest entry first. */
static size_t list_key(const stance_gazetteer *g, const stance_strmap *map, const char *key,
                       size_t len, const stance_actor **out, size_t max)
{
    char buf[256];
    if (len == 0 || len >= sizeof buf)
        return 0;
    memcpy(buf, key, len);
    buf[len] = '\0';
    const size_t *head = stance_strmap_get(map, buf);
    size_t n = 0;
    for (size_t l = head ? *head : 0; l && n < max; l = g->links[l - 1].next)
        out[n++] = &g->actors[g->links[l - 1].actor];
    return n;
}

size_t stance_gazetteer_lookup(const stance_gazetteer *g, const char *surface, size_t len,
                               const stance_actor **out, size_t max)
{
    surface = without_article(surface, &len);
    return list_key(g, &g->surfaces, surface, len, out, max);
}

size_t stance_gazetteer_lookup_surname(const stance_gazetteer *g, const char *surname, size_t len,
                                       const stance_actor **out, size_t max)
{
    return list_key(g, &g->surnames, surname, len, out, max);
}

static bool in_office(const stance_actor *a, int date)
{
    return (!a->from || a->from <= date) && (!a->to || date <= a->to);
}

const stance_actor *stance_gazetteer_holder(const stance_gazetteer *g, const char *code,
                                            const char *role, int date)
{
    char key[256];
    int len = snprintf(key, sizeof key, "%s|%s", code, role);
    if (date <= 0 || len <= 0 || (size_t)len >= sizeof key)
        return NULL;
    const stance_actor *found[64];
    size_t n = list_key(g, &g->holders, key, (size_t)len, found, 64);
    for (size_t i = n; i-- > 0;) /* the list runs newest first: the file's first line wins */
        if (in_office(found[i], date))
            return found[i];
    return NULL;
}

const stance_actor *stance_gazetteer_state(const stance_gazetteer *g, const char *code,
                                           bool demonym)
{
    const state_names *s = stance_strmap_get(&g->states, code);
    size_t i = !s ? 0 : demonym ? s->demonym : s->country;
    return i ? &g->actors[i - 1] : NULL;
}

/* The indexes beyond surface forms: surnames and posts of people, and the
 * country name and demonym of each code. */
static int index_actor(stance_gazetteer *g, size_t id)
{
    const stance_actor *a = &g->actors[id];
    if (a->kind == STANCE_ACTOR_COUNTRY || a->kind == STANCE_ACTOR_DEMONYM) {
        state_names *s = stance_strmap_upsert(&g->states, a->code);
        if (!s)
            return -1;
        size_t *slot = a->kind == STANCE_ACTOR_COUNTRY ? &s->country : &s->demonym;
        if (!*slot)
            *slot = id + 1;
        return 0;
    }
    if (a->kind != STANCE_ACTOR_PERSON)
        return 0;
    if (a->role) {
        char key[256];
        int len = snprintf(key, sizeof key, "%s|%s", a->code, a->role);
        if (len > 0 && (size_t)len < sizeof key && link_key(g, &g->holders, key, (size_t)len, id) != 0)
            return -1;
    }
    /* "Sergey Lavrov" -> "Lavrov"; "Bashar al-Assad" -> "al-Assad" and "Assad" */
    size_t n;
    const char *last = stance_person_surname(a, &n);
    if (!last)
        return 0;
    if (link_key(g, &g->surnames, last, n, id) != 0)
        return -1;
    const char *dash = memchr(last, '-', n);
    if (dash && dash - last <= 3 && dash + 1 < last + n &&
        link_key(g, &g->surnames, dash + 1, (size_t)(last + n - dash - 1), id) != 0)
        return -1;
    return 0;
}

const char *stance_person_surname(const stance_actor *a, size_t *len)
{
    /* family name first in English news for these states: "Xi Jinping",
     * "Kim Jong Un", "Hun Sen"; in Singapore for three-part Chinese names */
    static const char family_first[][4] = {"CHN", "TWN", "PRK", "KOR", "KHM"};
    const char *name = a->name;
    const char *space = strchr(name, ' ');
    if (!space)
        return NULL;
    size_t words = 1;
    for (const char *p = name; *p; p++)
        words += *p == ' ';
    bool first = strcmp(a->code, "SGP") == 0 && words >= 3;
    for (size_t i = 0; i < sizeof family_first / sizeof family_first[0]; i++)
        if (strcmp(a->code, family_first[i]) == 0)
            first = true;
    if (first) {
        *len = (size_t)(space - name);
        return name;
    }
    const char *last = strrchr(name, ' ') + 1;
    *len = strlen(last);
    return *len ? last : NULL;
}

/* ---- parsing ---------------------------------------------------------- */

static const char *const kinds[] = {"country", "demonym", "metonym", "igo", "person", "role"};

/* YYYY, YYYY-MM or YYYY-MM-DD as YYYYMMDD; the missing parts are the start
 * of the period (upper = false) or its end (upper = true). */
static int parse_date(const char *s, size_t len, bool upper, int *out)
{
    int y = 0, m = upper ? 12 : 1, d = upper ? 31 : 1;
    if (len != 4 && len != 7 && len != 10)
        return -1;
    for (size_t i = 0; i < len; i++)
        if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return -1;
    y = atoi(s);
    if (len >= 7)
        m = (s[5] - '0') * 10 + (s[6] - '0');
    if (len == 10)
        d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1800 || m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    *out = y * 10000 + m * 100 + d;
    return 0;
}

typedef struct staged {
    stance_actor actor;
    char *aliases; /* the ALIASES field, owned */
} staged;

static void staged_free(staged *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free((char *)s[i].actor.name);
        free((char *)s[i].actor.role);
        free(s[i].aliases);
    }
    free(s);
}

/* One line into an entry, or a message naming what is wrong. */
static int parse_line(char *line, const char *name, long lineno, staged *out, stance_error *err)
{
    memset(out, 0, sizeof *out);
    char *f[FIELDS];
    size_t n = 0;
    for (char *p = line;; p++) {
        if (n == FIELDS)
            return stance_fail(err, name, lineno, "more than %d tab-separated fields", FIELDS);
        f[n++] = p;
        p = strchr(p, '\t');
        if (!p)
            break;
        *p = '\0';
    }
    if (n != FIELDS)
        return stance_fail(err, name, lineno, "%zu fields; a line has %d, separated by tabs", n, FIELDS);
    int kind = -1;
    for (int k = 0; k < 6; k++)
        if (strcmp(f[0], kinds[k]) == 0)
            kind = k;
    if (kind < 0)
        return stance_fail(err, name, lineno, "unknown kind '%s' (country, demonym, metonym, igo, person, role)", f[0]);
    out->actor.kind = (stance_actor_kind)kind;
    bool alpha3 = strlen(f[1]) == 3 && f[1][0] >= 'A' && f[1][0] <= 'Z' && f[1][1] >= 'A' &&
                  f[1][1] <= 'Z' && f[1][2] >= 'A' && f[1][2] <= 'Z';
    if (kind == STANCE_ACTOR_ROLE ? strcmp(f[1], "-") != 0 : !alpha3)
        return stance_fail(err, name, lineno, kind == STANCE_ACTOR_ROLE
                               ? "a role line has '-' as its code, not '%s'"
                               : "code '%s' is not three capital letters (ISO alpha-3 or IGO)", f[1]);
    if (kind != STANCE_ACTOR_ROLE)
        memcpy(out->actor.code, f[1], 4);
    if (!f[2][0] || strcmp(f[2], "-") == 0 || strlen(f[2]) > 200)
        return stance_fail(err, name, lineno, "the name is empty or too long");
    if (f[2][0] == ' ' || f[2][strlen(f[2]) - 1] == ' ')
        return stance_fail(err, name, lineno, "the name '%s' starts or ends with a space", f[2]);
    if (f[4][0] == '\0')
        return stance_fail(err, name, lineno, "the role field is empty (write '-')");
    int from = 0, to = 0;
    if (strcmp(f[5], "-") != 0 && parse_date(f[5], strlen(f[5]), false, &from) != 0)
        return stance_fail(err, name, lineno, "from-date '%s' is not YYYY, YYYY-MM or YYYY-MM-DD", f[5]);
    if (strcmp(f[6], "-") != 0 && parse_date(f[6], strlen(f[6]), true, &to) != 0)
        return stance_fail(err, name, lineno, "to-date '%s' is not YYYY, YYYY-MM or YYYY-MM-DD", f[6]);
    if (from && to && from > to)
        return stance_fail(err, name, lineno, "the dates run backwards (%s to %s)", f[5], f[6]);
    out->actor.from = from;
    out->actor.to = to;
    out->actor.name = strdup(f[2]);
    out->actor.role = strcmp(f[4], "-") == 0 ? NULL : strdup(f[4]);
    out->aliases = strcmp(f[3], "-") == 0 ? NULL : strdup(f[3]);
    if (!out->actor.name || (strcmp(f[4], "-") != 0 && !out->actor.role) ||
        (strcmp(f[3], "-") != 0 && !out->aliases))
        return stance_fail(err, name, lineno, "out of memory");
    for (char *a = out->aliases; a; a = strchr(a, '|') ? strchr(a, '|') + 1 : NULL) {
        size_t len = strcspn(a, "|");
        if (len == 0 || len > 200)
            return stance_fail(err, name, lineno, "an alias is empty or too long");
        if (a[0] == ' ' || a[len - 1] == ' ')
            return stance_fail(err, name, lineno, "an alias starts or ends with a space");
    }
    return 0;
}

int stance_gazetteer_add_text(stance_gazetteer *g, const char *name, const char *text, size_t len,
                              stance_error *err)
{
    staged *st = NULL;
    size_t n = 0, cap = 0;
    long lineno = 0;
    int rc = 0;
    char *line = NULL;
    for (size_t i = 0; i < len && rc == 0;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len, l = end - i;
        lineno++;
        size_t bad;
        /* check the raw bytes first: a NUL would cut the copy short */
        if (memchr(text + i, '\0', l) || !stance_utf8_valid(text + i, l, &bad)) {
            rc = stance_fail(err, name, lineno, "invalid UTF-8 or a NUL byte");
            break;
        }
        free(line);
        line = strndup(text + i, l);
        i = end + 1;
        if (!line) {
            rc = stance_fail(err, name, lineno, "out of memory");
            break;
        }
        if (l && line[l - 1] == '\r')
            line[--l] = '\0';
        if (l == 0 || line[0] == '#')
            continue;
        if (stance_grow(&st, &cap, n + 1, sizeof *st) != 0) {
            rc = stance_fail(err, name, lineno, "out of memory");
            break;
        }
        if (parse_line(line, name, lineno, &st[n], err) != 0) {
            free((char *)st[n].actor.name);
            free((char *)st[n].actor.role);
            free(st[n].aliases);
            rc = -1;
            break;
        }
        n++;
    }
    free(line);
    if (rc != 0) {
        staged_free(st, n);
        return -1;
    }
    /* all lines are good: add them */
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (stance_grow(&g->actors, &g->cap, g->n + 1, sizeof *g->actors) != 0) {
            rc = stance_fail(err, name, 0, "out of memory");
            break;
        }
        size_t id = g->n;
        g->actors[g->n++] = st[i].actor;
        st[i].actor.name = st[i].actor.role = NULL; /* now owned by g */
        rc = link_surface(g, g->actors[id].name, strlen(g->actors[id].name), id);
        if (rc == 0)
            rc = index_actor(g, id);
        for (char *a = st[i].aliases; a && rc == 0; a = strchr(a, '|') ? strchr(a, '|') + 1 : NULL)
            rc = link_surface(g, a, strcspn(a, "|"), id);
        if (rc != 0)
            stance_fail(err, name, 0, "out of memory");
    }
    staged_free(st, n);
    return rc;
}

static bool is_tsv(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".tsv") == 0;
}

static int add_file(stance_gazetteer *g, const char *path, stance_error *err)
{
    char *text;
    size_t len;
    if (stance_read_file(path, (size_t)64 << 20, true, &text, &len, err) != 0)
        return -1;
    int rc = stance_gazetteer_add_text(g, path, text, len, err);
    free(text);
    return rc;
}

int stance_gazetteer_add_path(stance_gazetteer *g, const char *path, stance_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return stance_fail_errno(err, path, 0, "cannot open");
    if (!S_ISDIR(st.st_mode))
        return add_file(g, path, err);
    char **names;
    size_t n;
    if (stance_list_dir(path, is_tsv, &names, &n, err) != 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (rc == 0)
            rc = add_file(g, names[i], err);
        free(names[i]);
    }
    free(names);
    return rc;
}

int stance_gazetteer_add_builtin(stance_gazetteer *g, stance_error *err)
{
    const stance_builtin_file *files;
    size_t n = stance_builtin_list(&files);
    for (size_t i = 0; i < n; i++)
        if (strncmp(files[i].name, "gazetteer/", 10) == 0 &&
            stance_gazetteer_add_text(g, files[i].name, (const char *)files[i].data, files[i].size,
                                      err) != 0)
            return -1;
    return 0;
}
