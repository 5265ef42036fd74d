/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "cramp-format.h"
#include "cramp-test-utils.h"

static void
assert_parses (const char *text,
               gint64      unix_utc,
               int         offset_s,
               const char *formatted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) datetime = cramp_time_parse (text, &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_to_unix (datetime), ==, unix_utc);
  g_assert_cmpint (cramp_time_utc_offset (datetime), ==, offset_s);
  again = cramp_time_format (datetime);
  g_assert_cmpstr (again, ==, formatted);
}

static void
test_parse_offsets (void)
{
  assert_parses ("2026-03-02T03:14:00+01:00", 1772417640, 3600, "2026-03-02T03:14:00+01:00");
  assert_parses ("2026-03-02T02:14:00Z", 1772417640, 0, "2026-03-02T02:14:00+00:00");
  assert_parses ("2026-03-02T07:44:00+05:30", 1772417640, 19800, "2026-03-02T07:44:00+05:30");
  /* a fraction of a second is dropped, surrounding spaces too */
  assert_parses (" 2026-03-02T03:14:00.750+01:00 ", 1772417640, 3600, "2026-03-02T03:14:00+01:00");
}

static void
test_parse_local (void)
{
  /* Without an offset the time is read on the local clock, with the
   * offset that clock had on that date. */
  g_setenv ("TZ", "America/New_York", TRUE);
  assert_parses ("2026-01-15T22:00:00", 1768532400, -5 * 3600, "2026-01-15T22:00:00-05:00");
  assert_parses ("2026-07-15T22:00:00", 1784167200, -4 * 3600, "2026-07-15T22:00:00-04:00");
  g_setenv ("TZ", "UTC", TRUE);
}

static void
test_parse_errors (void)
{
  static const char *bad[] = {
    "", "   ", "now", "2026-03-02", "2026-13-02T03:00:00", "2026-02-30T03:00:00",
    "2026-03-02T25:00:00", "2026-03-02T03:14:00+01:00 extra", "\xff\xfe",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) datetime = cramp_time_parse (bad[i], &error);

      g_assert_null (datetime);
      g_assert_error (error, CRAMP_TIME_ERROR, CRAMP_TIME_ERROR_INVALID);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GDateTime) datetime = cramp_time_parse ("1969-12-31T23:00:00Z", &error);

    g_assert_null (datetime);
    g_assert_error (error, CRAMP_TIME_ERROR, CRAMP_TIME_ERROR_RANGE);
  }
}

static gint64
night_of (const char *iso)
{
  g_autoptr(GDateTime) datetime = cramp_time_parse (iso, NULL);

  g_assert_nonnull (datetime);
  return cramp_time_night_of (datetime);
}

static gint64
day_number (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return (gint64) g_date_get_julian (&date) - 719163;  /* days since 1970-01-01 */
}

static void
test_night (void)
{
  /* a night runs from noon to noon on the clock where it was logged */
  g_assert_cmpint (night_of ("2026-03-02T03:14:00+01:00"), ==, day_number (2026, 3, 1));
  g_assert_cmpint (night_of ("2026-03-02T11:59:59+01:00"), ==, day_number (2026, 3, 1));
  g_assert_cmpint (night_of ("2026-03-02T12:00:00+01:00"), ==, day_number (2026, 3, 2));
  g_assert_cmpint (night_of ("2026-03-02T23:30:00+01:00"), ==, day_number (2026, 3, 2));

  /* the episode's own offset decides, whatever the machine's zone: the
   * same instant is the evening of the 2nd in Tokyo ... */
  g_setenv ("TZ", "America/Los_Angeles", TRUE);
  g_assert_cmpint (night_of ("2026-03-02T20:00:00+09:00"), ==, day_number (2026, 3, 2));
  /* ... and the morning of the 2nd, so the night of the 1st, in London */
  g_assert_cmpint (night_of ("2026-03-02T11:00:00+00:00"), ==, day_number (2026, 3, 1));
  g_setenv ("TZ", "UTC", TRUE);
}

static void
test_night_format (void)
{
  g_autofree char *text = cramp_format_night (day_number (2026, 3, 1));

  g_assert_cmpstr (text, ==, "Night of Sunday 1 March 2026");
}

static void
test_parse_date (void)
{
  static const char *bad[] = { "2026-3-1", "2026/03/01", "20260301", "2026-02-30", "1969-12-31", "tomorrow", "" };
  GDate date;

  g_assert_true (cramp_time_parse_date ("2026-03-31", &date, NULL));
  g_assert_cmpint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpint (g_date_get_month (&date), ==, 3);
  g_assert_cmpint (g_date_get_day (&date), ==, 31);
  g_assert_true (cramp_time_parse_date ("2028-02-29", &date, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (cramp_time_parse_date (bad[i], &date, &error));
      g_assert_error (error, CRAMP_TIME_ERROR, (i >= 3 && i <= 4) ? CRAMP_TIME_ERROR_RANGE : CRAMP_TIME_ERROR_INVALID);
    }
}

/* What cramp_time_now() says at @utc, an instant in UTC */
static char *
now_at (const char *utc)
{
  g_autoptr(GDateTime) now = NULL;

  cramp_test_set_clock (utc);
  now = cramp_time_now ();
  return cramp_time_format (now);
}

/* The clock a test sets is the one the app reads, on the local clock of
 * the moment: across the nights Berlin's clocks change, and before 1970 */
static void
test_now (void)
{
  static const struct {
    const char *utc;
    const char *local;
  } moments[] = {
    /* spring forward: 01:59:59 winter time, then 03:00 summer time */
    { "2027-03-28T00:59:59Z", "2027-03-28T01:59:59+01:00" },
    { "2027-03-28T01:00:00Z", "2027-03-28T03:00:00+02:00" },
    { "2027-03-28T01:05:00Z", "2027-03-28T03:05:00+02:00" },
    /* fall back: 02:30 comes twice, an hour apart */
    { "2027-10-31T00:30:00Z", "2027-10-31T02:30:00+02:00" },
    { "2027-10-31T01:30:00Z", "2027-10-31T02:30:00+01:00" },
    /* New Year's Eve, just before midnight */
    { "2026-12-31T22:58:30Z", "2026-12-31T23:58:30+01:00" },
  };

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    {
      g_autofree char *local = now_at (moments[i].utc);

      g_assert_cmpstr (local, ==, moments[i].local);
      g_assert_cmpint (cramp_time_now_unix (), ==, *cramp_test_clock_usec () / G_USEC_PER_SEC);
    }

  /* whole seconds, rounded down, also before the epoch */
  cramp_test_set_clock_usec (-1);
  g_assert_cmpint (cramp_time_now_unix (), ==, -1);
  cramp_test_set_clock_usec (1500000);
  g_assert_cmpint (cramp_time_now_unix (), ==, 1);

  cramp_test_set_clock (NULL);
  g_setenv ("TZ", "UTC", TRUE);
}

/* A day's first and last second on the local clock, on the days the
 * clocks change: the offset of each is that of its own moment. */
static void
test_day_bounds (void)
{
  const struct { const char *day, *first, *last; } days[] = {
    { "2027-03-28", "2027-03-28T00:00:00+01:00", "2027-03-28T23:59:59+02:00" },
    { "2027-10-31", "2027-10-31T00:00:00+02:00", "2027-10-31T23:59:59+01:00" },
    { "2026-12-31", "2026-12-31T00:00:00+01:00", "2026-12-31T23:59:59+01:00" },
  };

  /* the day on the clock of the time itself: 00:30 at +09:00 is the
   * evening before in UTC */
  {
    g_autoptr(GDateTime) early = cramp_time_parse ("2026-03-01T00:30:00+09:00", NULL);
    GDate date;

    cramp_time_get_date (early, &date);
    g_assert_cmpint (g_date_get_day (&date), ==, 1);
    g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_MARCH);
  }

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GDate date;
      g_autoptr(GDateTime) first = NULL;
      g_autoptr(GDateTime) last = NULL;
      g_autofree char *first_text = NULL;
      g_autofree char *last_text = NULL;

      g_assert_true (cramp_time_parse_date (days[i].day, &date, NULL));
      first = cramp_time_day_start (&date);
      last = cramp_time_day_end (&date);
      first_text = cramp_time_format (first);
      last_text = cramp_time_format (last);
      g_assert_cmpstr (first_text, ==, days[i].first);
      g_assert_cmpstr (last_text, ==, days[i].last);
    }
  g_setenv ("TZ", "UTC", TRUE);
}

/* The calendar day of an instant on its own clock, as days since 1970,
 * agrees with its date, before 1970 too. */
static void
test_day_of (void)
{
  const char *instants[] = {
    "2026-06-01T00:10:00+02:00", "2026-05-31T23:59:59+02:00", "2026-03-29T01:58:00+01:00",
    "2026-12-31T23:59:59-10:00", "1970-01-01T00:00:00+00:00",
  };
  /* the store does not parse these: made as instants and offsets */
  const struct { gint64 unix_utc; int offset; gint64 day; } early[] = {
    { -3600, 0, -1 },          /* 1969-12-31 23:00 */
    { 3600, -5 * 3600, -1 },   /* 1969-12-31 20:00 at -05:00 */
    { -86400, 0, -1 },         /* 1969-12-31 00:00 */
    { -86401, 0, -2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (instants); i++)
    {
      g_autoptr(GDateTime) when = cramp_time_parse (instants[i], NULL);
      GDate date;

      g_assert_nonnull (when);
      cramp_time_get_date (when, &date);
      g_assert_cmpint (cramp_time_day_of (when), ==, (gint64) g_date_get_julian (&date) - CRAMP_TIME_EPOCH_JULIAN);
    }

  for (guint i = 0; i < G_N_ELEMENTS (early); i++)
    {
      g_autoptr(GDateTime) when = cramp_time_new_fixed (early[i].unix_utc, early[i].offset);

      g_assert_cmpint (cramp_time_day_of (when), ==, early[i].day);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/day-of", test_day_of);
  g_test_add_func ("/time/parse/offsets", test_parse_offsets);
  g_test_add_func ("/time/parse/local", test_parse_local);
  g_test_add_func ("/time/parse/errors", test_parse_errors);
  g_test_add_func ("/time/night", test_night);
  g_test_add_func ("/time/night/format", test_night_format);
  g_test_add_func ("/time/parse-date", test_parse_date);
  g_test_add_func ("/time/now", test_now);
  g_test_add_func ("/time/day-bounds", test_day_bounds);

  return g_test_run ();
}
