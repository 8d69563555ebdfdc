/* ISO 8601 dates: YYYY-MM-DD, optionally followed by a time of day
 * ("T" or one space, hh:mm, optional :ss and fraction, optional Z or an
 * offset ±hh[:mm]), and nothing else: no control characters, no trailing
 * text. */
#include "common/date.h"

#include <stddef.h>

#include "stance.h"

static bool digits(const char *s, size_t n, int *value)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *value = v;
    return true;
}

bool stance_day_exists(int y, int m, int d)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

/* hh:mm[:ss[.fraction]][Z|±hh[:mm]] and the end of the string. */
static bool valid_time(const char *s)
{
    int h, mi, sec;
    if (!digits(s, 2, &h) || s[2] != ':' || !digits(s + 3, 2, &mi) || h > 24 || mi > 59)
        return false;
    s += 5;
    if (*s == ':') {
        if (!digits(s + 1, 2, &sec) || sec > 60) /* 60: a leap second */
            return false;
        s += 3;
        if (*s == '.' || *s == ',') {
            s++;
            if (*s < '0' || *s > '9')
                return false;
            while (*s >= '0' && *s <= '9')
                s++;
        }
    }
    if (*s == 'Z')
        return s[1] == '\0';
    if (*s == '+' || *s == '-') {
        int oh, om = 0;
        if (!digits(s + 1, 2, &oh) || oh > 14)
            return false;
        s += 3;
        if (*s == ':')
            s++;
        if (*s && (!digits(s, 2, &om) || om > 59 || s[2] != '\0'))
            return false;
        return true;
    }
    return *s == '\0';
}

bool stance_date_parse(const char *date, int *y, int *m, int *d)
{
    if (!date || !digits(date, 4, y) || date[4] != '-' || !digits(date + 5, 2, m) ||
        date[7] != '-' || !digits(date + 8, 2, d) || !stance_day_exists(*y, *m, *d))
        return false;
    if (date[10] == '\0')
        return true;
    return (date[10] == 'T' || date[10] == ' ') && valid_time(date + 11);
}

bool stance_date_valid(const char *date)
{
    int y, m, d;
    return stance_date_parse(date, &y, &m, &d);
}

int stance_date_yyyymmdd(const char *date)
{
    int y, m, d;
    return stance_date_parse(date, &y, &m, &d) ? y * 10000 + m * 100 + d : 0;
}

long stance_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
