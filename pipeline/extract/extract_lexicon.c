/* Word lists for statement extraction, in one hash map built once. */
#include "pipeline/extract/extract_lexicon.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include "common/strmap.h"

typedef struct group {
    unsigned flags;
    const char *words; /* separated by spaces; "_" joins the words of a phrase */
} group;

/* Verbs of saying. Base forms are kept for plural subjects ("officials
 * say"); forms that are mostly nouns ("reports", "claims" are kept,
 * "sanctions" is not) are left out. */
static const group groups[] = {
    {XL_SPEECH | XL_INVERTS,
     "said says say told tells added adds stated states wrote writes replied replies "
     "insisted insists warned warns stressed stresses noted notes explained explains "
     "declared declares asked asks responded responds countered counters continued "
     "tweeted tweets posted posts recalled"},
    {XL_SPEECH,
     "tell add state insist warn stress note explain declare "
     "accused accuses accuse urged urges urge welcomed welcomes welcome denied denies deny "
     "claimed claims claim argued argues argue announced announces announce "
     "demanded demands demand threatened threatens threaten condemned condemns condemn "
     "criticised criticises criticise criticized criticizes criticize praised praises praise "
     "vowed vows vow pledged pledges pledge promised promises promise suggested suggests suggest "
     "acknowledged acknowledges acknowledge admitted admits admit confirmed confirms confirm "
     "dismissed dismisses dismiss reiterated reiterates reiterate emphasised emphasises "
     "emphasise emphasized emphasizes emphasize underscored underscores underscore "
     "underlined underlines underline expressed expresses express voiced voices "
     "proposed proposes propose hailed hails hail slammed slams slam blasted blasts "
     "asserted asserts assert affirmed affirms affirm alleged alleges allege cautioned "
     "cautions caution complained complains complain conceded concedes concede contended "
     "contends contend predicted predicts predict remarked remarks retorted retorts "
     "signalled signaled signals signal reassured reassures reassure thanked thanks thank "
     "apologised apologises apologise apologized apologizes apologize appealed appeals "
     "appeal denounced denounces denounce decried decries decry lamented laments lament "
     "regretted regrets regret protested refuted refutes refute repeated repeats repeat "
     "blamed blames blame branded brands brand labelled labeled described describes "
     "called calls call "
     "called_for calls_for call_for called_on calls_on call_on pointed_out points_out "
     "made_clear makes_clear hinted hints hint indicated indicates indicate maintained "
     "maintains maintain mocked mocks mock ridiculed questioned questions "
     "congratulated congratulates congratulate invited invites invite "
     "wrote_to spoke_of speaks_of spoke_about announced_that ruled_out rules_out rule_out "
     "pushed_back pushes_back cautioned_against"},
    {XL_ACT,
     "rejected rejects reject summoned summons summon expelled expels expel vetoed vetoes veto "
     "imposed imposes impose recalled recalls recall suspended suspends suspend signed signs "
     "ratified ratifies ratify boycotted boycotts boycott approved approves approve "
     "lifted lifts sanctioned banned froze freezes halted halts withdrew withdraws "
     "blocked cancelled canceled refused refuses refuse declined declines decline "
     "endorsed endorses endorse opposed opposes oppose recognised recognises recognise "
     "recognized recognizes recognize released accepted accepts accept offered "
     "dispatched donated pledged_to severed severs sever walked_out walks_out pulled_out "
     "pulls_out cut_ties cuts_ties downgraded downgrades restored restores restore "
     "backed backs supported supports support condemned_the pressed presses pressing "
     "resumed resumes resume "
     /* acts of states: moves, aid, measures, ties */
     "sent sends hosted hosts upgraded upgrades raised raises cut cuts deployed deploys "
     "delivered delivers provided provides extended extends opened opens "
     "launched launches expelled detained detains arrested arrests deported deports "
     "repatriated repatriates evacuated evacuates seized seizes handed_over hands_over "
     "telephoned telephones ordered orders restricted restricts tightened tightens eased eases "
     "established establishes normalised normalized reopened reopens filed files lodged lodges "
     "submitted submits notified notifies invoked invokes fined fines indicted indicts "
     "dispatches airlifted airlifts flew allocated allocates granted grants awarded awards "
     "ratifies postponed postpones deferred defers cancelled_the barred bars banned bans "
     "blocked blocks froze_the unfroze unfreezes returned returns shot_down intercepted "
     "intercepts boycotted relocated relocates recognised_the imposed_new cut_off cuts_off "
     "pulled pulls withdrew_from rejoined rejoins joined joins quit quits left_the "
     "rescinded rescinds revoked revokes renewed renews abstained abstains voted votes "
     "co-sponsored sponsored sponsors convened convenes mobilised mobilized "
     "adopted adopts passed passes elected elects agreed agrees appointed appoints freed frees "
     "published publishes certified certifies held holds doubled doubles halved halves "
     "slashed slashes tripled"},
    {XL_SPEECH | XL_PARTICIPLE,
     "saying adding telling stating warning insisting stressing noting explaining declaring "
     "accusing urging calling describing arguing claiming"},
    {XL_SPEECH | XL_ACCORDING, "according_to"},
    /* words of speaker mentions */
    {XL_NP | XL_ROLE | XL_PERSON,
     "official minister spokesman spokeswoman spokesperson ambassador envoy diplomat president "
     "premier chancellor secretary secretary-general aide adviser advisor negotiator leader "
     "head representative counterpart commander chief king queen emir prince sultan "
     "monarch governor mayor senator lawmaker legislator general admiral director "
     "director-general prosecutor judge deputy undersecretary under-secretary"},
    {XL_NP | XL_ROLE | XL_PERSON | XL_PLURAL,
     "officials ministers spokesmen spokespeople ambassadors envoys diplomats aides advisers "
     "advisors negotiators leaders representatives commanders lawmakers legislators "
     "senators sources"},
    {XL_NP | XL_ROLE | XL_PERSON, "delegate commissioner rapporteur envoy"},
    {XL_NP | XL_ROLE | XL_PERSON | XL_PLURAL, "delegates commissioners"},
    {XL_NP | XL_ROLE,
     "directorate chamber tribunal institute assembly bureau authority regulator forces guard "
     "secretariat observatory inspectorate prosecution prosecutors "
     "ministry ministries government governments office department agency delegation council "
     "military army navy command presidency cabinet parliament authorities administration "
     "embassy mission service committee commission court regime junta party bank "
     "source broadcaster agency"},
    {XL_NP,
     "senior top chief former acting foreign defence defense interior finance trade economy "
     "energy health justice prime vice first state affairs security national press "
     "news general attorney intelligence staff joint chiefs central state-run state-owned "
     "western european arab african asian international opposition military-run "
     "high permanent special deputy assistant federal regional local of for to"},
    {XL_DET, "a an the its their his her"},
    {XL_AUX,
     "has have had also again earlier later previously repeatedly already will would could "
     "can may might must should did does do not never then now recently publicly privately "
     "separately further quickly swiftly immediately firmly flatly strongly sharply angrily "
     "bluntly openly reportedly allegedly formally officially jointly subsequently once "
     "still been is was were are initially first last yesterday today tonight "
     "only even however"},
    {XL_AUX, "didn't doesn't don't won't wouldn't hasn't haven't hadn't isn't wasn't "
             "didn’t doesn’t don’t won’t wouldn’t hasn’t haven’t hadn’t isn’t wasn’t"},
    {XL_TRIM,
     "on in at after before during since until last this next late early from with by "
     "monday tuesday wednesday thursday friday saturday sunday january february march april "
     "may june july august september october november december of for to and"},
    {XL_PRONOUN_PERSON, "he she"},
    {XL_PRONOUN_GROUP, "they"},
    {XL_PRONOUN_THING, "it"},
    {XL_BOUNDARY, "but while whereas although though and yet meanwhile as"},
};

static stance_strmap words; /* lower-case word or "word word" -> unsigned flags */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int init_status;

static void build(void)
{
    stance_strmap_init(&words, sizeof(unsigned));
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
        for (const char *p = groups[g].words; *p;) {
            size_t n = strcspn(p, " ");
            char key[64];
            if (n >= sizeof key) {
                init_status = -1;
                return;
            }
            for (size_t i = 0; i < n; i++)
                key[i] = p[i] == '_' ? ' ' : p[i];
            key[n] = '\0';
            unsigned *f = stance_strmap_upsert(&words, key);
            if (!f) {
                init_status = -1;
                return;
            }
            *f |= groups[g].flags;
            p += n;
            while (*p == ' ')
                p++;
        }
    }
}

int stance_xlex_init(void)
{
    pthread_once(&once, build);
    return init_status;
}

/* Lower-case copy of a token into buf (ASCII letters; other bytes as they are). */
static bool lower(const char *text, const xtok *t, char *buf, size_t cap)
{
    size_t n = t->end - t->start;
    if (n == 0 || n >= cap)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[t->start + i];
        buf[i] = c < 0x80 ? (char)tolower(c) : (char)c;
    }
    buf[n] = '\0';
    return true;
}

unsigned stance_xlex_word(const char *text, const xtok *t)
{
    char buf[64];
    if (t->type != XTOK_WORD || !lower(text, t, buf, sizeof buf))
        return 0;
    const unsigned *f = stance_strmap_get(&words, buf);
    return f ? *f : 0;
}

static bool is_lower_word(const char *text, const xtok *t)
{
    return t->type == XTOK_WORD && !t->capital && text[t->start] >= 'a' && text[t->start] <= 'z';
}

unsigned stance_xlex_verb(const char *text, const xtok *tokens, size_t n, size_t k, size_t *width)
{
    const unsigned verbs = XL_SPEECH | XL_ACT;
    const xtok *t = &tokens[k];
    /* "According to" may open a sentence; other verbs are lower case */
    if (!is_lower_word(text, t) && !stance_xtok_is(text, t, "according"))
        return 0;
    char buf[128];
    if (!lower(text, t, buf, 64))
        return 0;
    if (k + 1 < n && tokens[k + 1].type == XTOK_WORD && is_lower_word(text, &tokens[k + 1])) {
        size_t len = strlen(buf);
        buf[len] = ' ';
        if (lower(text, &tokens[k + 1], buf + len + 1, sizeof buf - len - 1)) {
            const unsigned *f = stance_strmap_get(&words, buf);
            if (f && (*f & verbs)) {
                *width = 2;
                return *f;
            }
        }
        buf[len] = '\0';
    }
    const unsigned *f = stance_strmap_get(&words, buf);
    if (f && (*f & verbs) && !(*f & XL_ACCORDING)) {
        *width = 1;
        return *f;
    }
    return 0;
}
