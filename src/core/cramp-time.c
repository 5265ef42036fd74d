/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-time"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cramp-time.h"

G_DEFINE_QUARK (cramp-time-error-quark, cramp_time_error)

/**
 * cramp_time_new_fixed:
 * @unix_utc: seconds since the epoch
 * @utc_offset_s: the offset of the clock where the instant was logged
 *
 * Returns: (transfer full): the instant as it read on that clock. The
 *   offset is kept as it was: an episode logged at 03:00 in Tokyo stays at
 *   03:00 whatever the machine's present time zone.
 */
/* The zones of fixed offsets in use, made once: a diary has a handful of
 * offsets and many thousands of episodes. */
static GTimeZone *
zone_of_offset (int utc_offset_s)
{
  static GHashTable *zones;
  G_LOCK_DEFINE_STATIC (zones);
  GTimeZone *zone;

  G_LOCK (zones);
  if (zones == NULL)
    zones = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_time_zone_unref);

  zone = g_hash_table_lookup (zones, GINT_TO_POINTER (utc_offset_s));
  if (zone == NULL)
    {
      zone = g_time_zone_new_offset (utc_offset_s);
      g_hash_table_insert (zones, GINT_TO_POINTER (utc_offset_s), zone);
    }
  g_time_zone_ref (zone);
  G_UNLOCK (zones);

  return zone;
}

GDateTime *
cramp_time_new_fixed (gint64 unix_utc,
                      int    utc_offset_s)
{
  g_autoptr(GTimeZone) tz = zone_of_offset (utc_offset_s);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_utc);

  g_return_val_if_fail (utc != NULL, NULL);

  return g_date_time_to_timezone (utc, tz);
}

/**
 * cramp_time_to_fixed:
 *
 * Returns: (transfer full): @datetime in a zone fixed at its present
 *   offset, with the fraction of a second dropped.
 */
GDateTime *
cramp_time_to_fixed (GDateTime *datetime)
{
  g_return_val_if_fail (datetime != NULL, NULL);

  return cramp_time_new_fixed (g_date_time_to_unix (datetime),
                               cramp_time_utc_offset (datetime));
}

/* The one way the present moment comes in: every part of the app asks
 * here, so that a test can fix the clock, and the moment it sets holds
 * for the diary, the report and the reminders alike. */
static CrampClockFunc clock_func;
static gpointer clock_data;

/**
 * cramp_time_set_clock:
 * @func: (nullable): what tells the time, or %NULL for the wall clock
 *
 * Sets where the present moment comes from. Set it before any thread
 * asks the time.
 */
void
cramp_time_set_clock (CrampClockFunc func,
                      gpointer       user_data)
{
  clock_func = func;
  clock_data = user_data;
}

static gint64
now_usec (void)
{
  return clock_func != NULL ? clock_func (clock_data) : g_get_real_time ();
}

/**
 * cramp_time_now_unix:
 *
 * Returns: the present moment, in whole seconds since the epoch
 */
gint64
cramp_time_now_unix (void)
{
  gint64 usec = now_usec ();

  /* floor division, as the clock may be set before 1970 */
  return usec >= 0 ? usec / G_USEC_PER_SEC : -((-usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

/**
 * cramp_time_now_local:
 *
 * Returns: (transfer full): the present moment in the local time zone,
 *   to the second
 */
GDateTime *
cramp_time_now_local (void)
{
  return g_date_time_new_from_unix_local (cramp_time_now_unix ());
}

/**
 * cramp_time_now:
 *
 * Returns: (transfer full): the present moment in a zone fixed at the
 *   local offset of the moment, as an episode logged now keeps it
 */
GDateTime *
cramp_time_now (void)
{
  g_autoptr(GDateTime) now = cramp_time_now_local ();

  return cramp_time_to_fixed (now);
}

int
cramp_time_utc_offset (GDateTime *datetime)
{
  return (int) (g_date_time_get_utc_offset (datetime) / G_TIME_SPAN_SECOND);
}

/* Seconds since the epoch as the clock on the wall read them. */
gint64
cramp_time_local_seconds (GDateTime *datetime)
{
  return g_date_time_to_unix (datetime) + cramp_time_utc_offset (datetime);
}

/* The day @seconds (on some clock, since 1970) fall on: a floor
 * division, for days before 1970 would be negative. */
static gint64
days_since_1970 (gint64 seconds)
{
  return seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
}

/**
 * cramp_time_day_of:
 *
 * Returns: the calendar day of @datetime on the clock where it was
 *   logged, as days since 1970-01-01
 */
gint64
cramp_time_day_of (GDateTime *datetime)
{
  return days_since_1970 (cramp_time_local_seconds (datetime));
}

/**
 * cramp_time_night_of:
 *
 * A night runs from noon to noon on the clock where the episode was
 * logged, so a cramp at 03:00 belongs to the night that began the evening
 * before.
 *
 * Returns: the night, as days since 1970-01-01 of the evening it began.
 */
gint64
cramp_time_night_of (GDateTime *datetime)
{
  return days_since_1970 (cramp_time_local_seconds (datetime) - 12 * 3600);
}

/**
 * cramp_time_last_night:
 *
 * Returns: the night before @now's day, which "last night" means in the
 *   morning and all day: the one that began yesterday evening
 */
gint64
cramp_time_last_night (GDateTime *now)
{
  return days_since_1970 (cramp_time_local_seconds (now)) - 1;
}

/**
 * cramp_time_night_start:
 *
 * Returns: (transfer full): noon at the start of @night, in the zone of
 *   @utc_offset_s.
 */
GDateTime *
cramp_time_night_start (gint64 night,
                        int    utc_offset_s)
{
  return cramp_time_new_fixed (night * 86400 + 12 * 3600 - utc_offset_s, utc_offset_s);
}

/**
 * cramp_time_has_offset:
 *
 * Returns: whether the time part of an ISO 8601 text ends with an
 *   offset, so that it names an instant whatever the local time zone
 */
gboolean
cramp_time_has_offset (const char *text)
{
  const char *time = strpbrk (text, "Tt ");

  return time != NULL && strpbrk (time, "Zz+-") != NULL;
}

/* Whether the seconds of the time part are 60: a leap second, which
 * GLib reads as 59, and so as another instant than the one written. */
static gboolean
has_leap_second (const char *text)
{
  const char *time = strpbrk (text, "Tt ");
  int hour, minute, second;

  return time != NULL && sscanf (time + 1, "%2d:%2d:%2d", &hour, &minute, &second) == 3 && second == 60;
}

/* The most a clock on Earth is off UTC: Kiribati's +14:00, and −12:00. */
#define MAX_OFFSET_S (14 * 3600)

/**
 * cramp_time_parse_full:
 * @moved: (out) (optional): set to whether the text named a local time in
 *   the hour the clocks skip, which was moved forward by that hour
 *
 * As cramp_time_parse(). A local time without an offset that the clocks
 * skip (02:30 on the night Berlin moves to summer time) is moved forward
 * by the length of the gap, as ISO 8601 and GLib's g_date_time_new() do:
 * 02:30 becomes 03:30+02:00, the instant 02:30+01:00 would have been.
 */
GDateTime *
cramp_time_parse_full (const char  *text,
                       gboolean    *moved,
                       GError     **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) wall = NULL;
  g_autofree char *copy = NULL;
  gboolean local;
  gint64 unix_utc;

  g_return_val_if_fail (text != NULL, NULL);

  if (moved != NULL)
    *moved = FALSE;

  /* GLib accepts a space or a lowercase t between date and time; a CSV
   * field with stray spaces around it is still the same instant. */
  if (!g_utf8_validate (text, -1, NULL) || strlen (text) > 64)
    goto invalid;

  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    goto invalid;

  if (has_leap_second (copy))
    {
      g_set_error (error, CRAMP_TIME_ERROR, CRAMP_TIME_ERROR_RANGE,
                   _("“%s” has a leap second (:60), which the diary cannot keep apart from :59; write :59 or the "
                     "next minute"),
                   text);
      return NULL;
    }

  /* Looking up the local zone reads the disk every time: only a time
   * without an offset needs it. */
  local = !cramp_time_has_offset (copy);
  zone = local ? g_time_zone_new_local () : g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (copy, zone);
  if (parsed == NULL)
    goto invalid;

  if (g_date_time_get_utc_offset (parsed) % (60 * G_TIME_SPAN_SECOND) != 0)
    {
      g_set_error (error, CRAMP_TIME_ERROR, CRAMP_TIME_ERROR_RANGE,
                   _("“%s” has a time zone offset that is not a whole number of minutes"),
                   text);
      return NULL;
    }
  if (ABS (g_date_time_get_utc_offset (parsed)) > MAX_OFFSET_S * G_TIME_SPAN_SECOND)
    {
      g_set_error (error, CRAMP_TIME_ERROR, CRAMP_TIME_ERROR_RANGE,
                   _("“%s” has a time zone offset beyond ±14:00, which no clock uses"),
                   text);
      return NULL;
    }

  /* A local time the clocks skip: GLib gives the end of the gap; the
   * time moves by the gap's length instead. */
  if (local)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      /* the clock's reading as written, counted as if it were UTC */
      wall = g_date_time_new_from_iso8601 (copy, utc);
    }
  if (wall != NULL)
    {
      gint64 shown = g_date_time_to_unix (parsed) + cramp_time_utc_offset (parsed);
      gint64 written = g_date_time_to_unix (wall);

      if (shown != written)
        {
          g_autoptr(GDateTime) before = g_date_time_add_seconds (parsed, -1);
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (written - cramp_time_utc_offset (before));
          g_autoptr(GDateTime) moved_to = g_date_time_to_timezone (utc, zone);

          g_clear_pointer (&parsed, g_date_time_unref);
          parsed = g_steal_pointer (&moved_to);
          if (moved != NULL)
            *moved = TRUE;
        }
    }

  unix_utc = g_date_time_to_unix (parsed);
  if (unix_utc < CRAMP_TIME_MIN_UNIX || unix_utc > CRAMP_TIME_MAX_UNIX)
    {
      g_set_error (error, CRAMP_TIME_ERROR, CRAMP_TIME_ERROR_RANGE,
                   _("“%s” is before 1970, which the diary does not accept"),
                   text);
      return NULL;
    }

  return cramp_time_to_fixed (parsed);

invalid:
  {
    g_autofree char *shown = g_utf8_make_valid (text, MIN (strlen (text), 64));

    g_set_error (error, CRAMP_TIME_ERROR, CRAMP_TIME_ERROR_INVALID,
                 _("“%s” is not a date and time like 2026-03-02T03:14:00+01:00"),
                 shown);
    return NULL;
  }
}

/**
 * cramp_time_parse:
 * @text: an ISO 8601 date and time, such as `2026-03-02T03:14:00+01:00`;
 *   without an offset it is read in the local time zone
 *
 * Returns: (transfer full): the instant, in a zone fixed at its offset,
 *   or %NULL with @error set.
 */
GDateTime *
cramp_time_parse (const char  *text,
                  GError     **error)
{
  return cramp_time_parse_full (text, NULL, error);
}

/**
 * cramp_time_format:
 *
 * Returns: (transfer full): @datetime as `YYYY-MM-DDTHH:MM:SS+HH:MM`.
 */
char *
cramp_time_format (GDateTime *datetime)
{
  g_return_val_if_fail (datetime != NULL, NULL);

  return g_date_time_format (datetime, "%Y-%m-%dT%H:%M:%S%:z");
}

/**
 * cramp_time_night_to_text:
 * @night: as cramp_time_night_of() gives it
 *
 * Returns: (transfer full): the date of the evening @night began,
 *   `YYYY-MM-DD`: how files and the diary name a night
 */
char *
cramp_time_night_to_text (gint64 night)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) (night + CRAMP_TIME_EPOCH_JULIAN));
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/**
 * cramp_time_night_from_text:
 * @text: the date of a night's evening, `YYYY-MM-DD`
 * @night: (out): the night, as cramp_time_night_of() gives it
 *
 * Returns: whether @text is such a date
 */
gboolean
cramp_time_night_from_text (const char  *text,
                            gint64      *night,
                            GError     **error)
{
  GDate date;

  if (!cramp_time_parse_date (text, &date, error))
    return FALSE;

  *night = (gint64) g_date_get_julian (&date) - CRAMP_TIME_EPOCH_JULIAN;
  return TRUE;
}

/**
 * cramp_time_parse_date:
 * @text: a calendar date, exactly `YYYY-MM-DD`
 */
gboolean
cramp_time_parse_date (const char  *text,
                       GDate       *date,
                       GError     **error)
{
  guint year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (strlen (text) == 10 &&
      g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) &&
      g_ascii_isdigit (text[2]) && g_ascii_isdigit (text[3]) && text[4] == '-' &&
      g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6]) && text[7] == '-' &&
      g_ascii_isdigit (text[8]) && g_ascii_isdigit (text[9]))
    {
      year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
      month = (text[5] - '0') * 10 + (text[6] - '0');
      day = (text[8] - '0') * 10 + (text[9] - '0');

      if (year >= 1970 && g_date_valid_dmy (day, month, year))
        {
          g_date_clear (date, 1);
          g_date_set_dmy (date, day, month, year);
          return TRUE;
        }

      g_set_error (error, CRAMP_TIME_ERROR, CRAMP_TIME_ERROR_RANGE,
                   _("“%s” is not a date in the calendar"), text);
      return FALSE;
    }

  {
    g_autofree char *shown = g_utf8_make_valid (text, MIN (strlen (text), 64));

    g_set_error (error, CRAMP_TIME_ERROR, CRAMP_TIME_ERROR_INVALID,
                 _("“%s” is not a date like 2026-03-31"), shown);
  }
  return FALSE;
}

/**
 * cramp_time_get_date:
 *
 * Sets @date to the calendar day of @datetime, on its own clock.
 */
void
cramp_time_get_date (GDateTime *datetime,
                     GDate     *date)
{
  int year, month, day;

  g_return_if_fail (datetime != NULL);
  g_return_if_fail (date != NULL);

  g_date_time_get_ymd (datetime, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/**
 * cramp_time_day_start:
 *
 * Returns: (transfer full): the first second of @date on the local clock
 */
GDateTime *
cramp_time_day_start (const GDate *date)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                      g_date_get_day (date), 0, 0, 0);

  return cramp_time_to_fixed (start);
}

/**
 * cramp_time_day_end:
 *
 * Returns: (transfer full): the last second of @date on the local clock
 */
GDateTime *
cramp_time_day_end (const GDate *date)
{
  g_autoptr(GDateTime) end = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                    g_date_get_day (date), 23, 59, 59);

  return cramp_time_to_fixed (end);
}
