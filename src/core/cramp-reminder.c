/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-reminder"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cramp-reminder.h"
#include "cramp-time.h"

/*
 * The arithmetic of bedtime reminders, with the clock and the time zone
 * passed in so that tests can stand anywhere in time: when the next
 * reminder is due on the wall clock, and what the service is to do now.
 */

/* ISO weekday − 1, as the reminder-weekdays key spells them */
static const char * const weekday_tokens[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

/**
 * cramp_reminder_parse_time:
 * @text: a time of day, "HH:MM" on the 24-hour clock; a single digit
 *   hour is accepted
 *
 * Returns: whether @text is such a time
 */
gboolean
cramp_reminder_parse_time (const char *text,
                           int        *hour,
                           int        *minute)
{
  const char *colon;
  gsize hour_len;
  int h, m;

  if (text == NULL || (colon = strchr (text, ':')) == NULL)
    return FALSE;

  hour_len = colon - text;
  if (hour_len < 1 || hour_len > 2 || strlen (colon + 1) != 2)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (p != colon && !g_ascii_isdigit (*p))
      return FALSE;

  h = atoi (text);
  m = atoi (colon + 1);
  if (h > 23 || m > 59)
    return FALSE;

  *hour = h;
  *minute = m;
  return TRUE;
}

/**
 * cramp_reminder_parse_weekdays:
 * @days: "mon" … "sun", as in the reminder-weekdays key
 *
 * Returns: whether every name is a weekday
 */
gboolean
cramp_reminder_parse_weekdays (const char * const *days,
                               guint              *weekdays)
{
  guint mask = 0;

  for (guint i = 0; days != NULL && days[i] != NULL; i++)
    {
      guint d;

      for (d = 0; d < 7; d++)
        if (g_str_equal (days[i], weekday_tokens[d]))
          break;
      if (d == 7)
        return FALSE;
      mask |= 1u << d;
    }

  *weekdays = mask;
  return TRUE;
}

/**
 * cramp_reminder_weekday_token:
 * @iso_weekday: 1 for Monday to 7 for Sunday
 */
const char *
cramp_reminder_weekday_token (guint iso_weekday)
{
  g_return_val_if_fail (iso_weekday >= 1 && iso_weekday <= 7, NULL);

  return weekday_tokens[iso_weekday - 1];
}

/**
 * cramp_reminder_next:
 * @zone: the time zone of the wall clock
 * @after: seconds since the epoch
 * @skip: (nullable): the nights whose reminder is not to be shown
 *
 * The first reminder after @after: the set time on the wall clock of
 * @zone, on a day of the week the schedule names. A time the clocks skip
 * when they spring forward comes when they have jumped; a time they show
 * twice when they fall back comes once.
 *
 * Returns: (transfer full) (nullable): the moment, or %NULL if the
 *   schedule names no day
 */
GDateTime *
cramp_reminder_next (const CrampReminderSchedule *schedule,
                     GTimeZone                   *zone,
                     gint64                       after,
                     CrampNightFunc               skip,
                     gpointer                     user_data)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (after);
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (schedule != NULL && zone != NULL, NULL);

  if ((schedule->weekdays & CRAMP_ALL_WEEKDAYS) == 0 || utc == NULL)
    return NULL;

  /* the day before too: with a zone far from UTC, its time may still be
   * ahead; a year of days, since skipped nights can follow each other */
  local = g_date_time_to_timezone (utc, zone);
  for (int day = -1; day <= 366; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (local, day);
      g_autoptr(GDateTime) fire = NULL;
      g_autoptr(GDateTime) fixed = NULL;

      if (!(schedule->weekdays & (1u << (g_date_time_get_day_of_week (date) - 1))))
        continue;

      fire = g_date_time_new (zone, g_date_time_get_year (date), g_date_time_get_month (date),
                              g_date_time_get_day_of_month (date), schedule->hour, schedule->minute, 0);
      if (fire == NULL || g_date_time_to_unix (fire) <= after)
        continue;

      fixed = cramp_time_to_fixed (fire);
      if (skip != NULL && skip (cramp_time_night_of (fixed), user_data))
        continue;

      return g_steal_pointer (&fixed);
    }

  return NULL;
}

typedef struct
{
  const CrampReminderSchedule *schedule;
  const CrampReminderState    *state;
  CrampNightFunc               stretched;
  gpointer                     user_data;
} PlanData;

static gboolean
skip_night (gint64   night,
            gpointer user_data)
{
  PlanData *data = user_data;

  if (night == data->state->last_night)
    return TRUE;

  return data->schedule->skip_if_stretched && data->stretched != NULL &&
         data->stretched (night, data->user_data);
}

/**
 * cramp_reminder_plan:
 * @state: what the service has done so far
 * @now: seconds since the epoch
 * @stretched: (nullable): whether a stretch is recorded for a night
 * @night: (out): the night of the reminder to show
 * @next_check: (out): when to call again, seconds since the epoch
 *
 * What the reminder service is to do at @now. A night gets one reminder,
 * whatever the clock does; a reminder missed while the computer slept
 * comes late, up to %CRAMP_REMINDER_GRACE_S; a snoozed one comes back
 * when its snooze ends. A reminder due before @state's armed_since, the
 * moment the service started or the user set a new time, does not come:
 * the user was not waiting for it.
 */
CrampReminderAction
cramp_reminder_plan (const CrampReminderSchedule *schedule,
                     const CrampReminderState    *state,
                     GTimeZone                   *zone,
                     gint64                       now,
                     CrampNightFunc               stretched,
                     gpointer                     user_data,
                     gint64                      *night,
                     gint64                      *next_check)
{
  PlanData data = { schedule, state, stretched, user_data };
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) upcoming = NULL;

  g_return_val_if_fail (schedule != NULL && state != NULL && zone != NULL, CRAMP_REMINDER_WAIT);

  *next_check = now + CRAMP_REMINDER_RECHECK_S;

  if (state->snoozed_until > 0 && state->snoozed_until <= now)
    {
      *night = state->last_night;
      return CRAMP_REMINDER_FIRE_SNOOZED;
    }
  if (state->snoozed_until > 0)
    *next_check = MIN (*next_check, state->snoozed_until);

  due = cramp_reminder_next (schedule, zone, MAX (now - CRAMP_REMINDER_GRACE_S, state->armed_since),
                             skip_night, &data);
  if (due != NULL && g_date_time_to_unix (due) <= now)
    {
      *night = cramp_time_night_of (due);
      return CRAMP_REMINDER_FIRE;
    }

  upcoming = cramp_reminder_next (schedule, zone, now, NULL, NULL);
  if (upcoming != NULL)
    *next_check = MIN (*next_check, g_date_time_to_unix (upcoming));

  return CRAMP_REMINDER_WAIT;
}
