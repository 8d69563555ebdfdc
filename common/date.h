/* Calendar dates as ISO 8601 text: the one date parser of the library, used
 * by ingest (validating an article's date), extraction (who held an office
 * on that day) and reports (days, ISO weeks, months). */
#ifndef STANCE_COMMON_DATE_H
#define STANCE_COMMON_DATE_H

#include <stdbool.h>

/* The calendar day at the start of date, which must be a whole ISO 8601 date
 * or date-time (see stance_date_valid). false when it is not. */
bool stance_date_parse(const char *date, int *year, int *month, int *day);

/* The day of date as YYYYMMDD, 0 when date is NULL or not valid. */
int stance_date_yyyymmdd(const char *date);

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
long stance_days_from_civil(int year, int month, int day);

/* Does (year, month, day) name a real day (years 1-9999)? */
bool stance_day_exists(int year, int month, int day);

#endif
