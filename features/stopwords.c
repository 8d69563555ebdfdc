/* English function words: articles, pronouns, auxiliaries, prepositions and
 * conjunctions that carry no stance by themselves. Negations ("not", "no",
 * "never") are deliberately absent: they matter for stance. */
#include <stdlib.h>
#include <string.h>

#include "features/tokenizer.h"

static const char *const stop_words[] = {
    "'s", "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "been", "before", "being", "below", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
    "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
    "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
    "just", "me", "more", "most", "my", "myself", "of", "off", "on", "once", "only", "or",
    "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
    "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves",
};

static int compare(const void *key, const void *item)
{
    return strcmp(key, *(const char *const *)item);
}

bool stance_is_stop_word(const char *word, size_t len)
{
    char buf[16];
    if (len >= sizeof buf)
        return false;
    memcpy(buf, word, len);
    buf[len] = '\0';
    return bsearch(buf, stop_words, sizeof stop_words / sizeof stop_words[0], sizeof stop_words[0],
                   compare) != NULL;
}
