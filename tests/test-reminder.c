/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>

#include "cramp-reminder.h"
#include "cramp-store-nights.h"
#include "cramp-stretch-log.h"
#include "cramp-test-utils.h"

/*
 * The reminder arithmetic, with the clock passed in: every "now" here is
 * an instant written out with its offset, and every zone a real one.
 */

static gint64
at (const char *iso)
{
  g_autoptr(GDateTime) time = cramp_time_parse (iso, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

static CrampReminderSchedule
schedule_at (int   hour,
             int   minute,
             guint weekdays)
{
  return (CrampReminderSchedule) { hour, minute, weekdays, 10, TRUE };
}

/* The next reminder after @after, as ISO 8601 on the clock of @zone. */
static char *
next_in (const CrampReminderSchedule *schedule,
         const char                  *zone_name,
         const char                  *after)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_assert_nonnull (zone);
  next = cramp_reminder_next (schedule, zone, at (after), NULL, NULL);
  if (next == NULL)
    return NULL;
  local = g_date_time_to_timezone (next, zone);
  return g_date_time_format (local, "%a %Y-%m-%dT%H:%M:%S%:z");
}

#define assert_next(schedule, zone, after, expected) \
  G_STMT_START { \
    g_autofree char *next_ = next_in (schedule, zone, after); \
    g_assert_cmpstr (next_, ==, expected); \
  } G_STMT_END

static void
test_parse (void)
{
  const char *good[][3] = { { "22:00", "22", "0" }, { "00:00", "0", "0" }, { "23:59", "23", "59" },
                            { "7:05", "7", "5" } };
  const char *bad[] = { "", "22", "24:00", "12:60", "1:2", "22:00:00", "-1:00", "22.00", "2a:00",
                        " 22:00", "123:00", "22:0x" };
  const char *days[] = { "sun", "mon", "fri", NULL };
  const char *wrong_days[] = { "mon", "funday", NULL };
  guint weekdays;
  int hour, minute;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (cramp_reminder_parse_time (good[i][0], &hour, &minute));
      g_assert_cmpint (hour, ==, atoi (good[i][1]));
      g_assert_cmpint (minute, ==, atoi (good[i][2]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (cramp_reminder_parse_time (bad[i], &hour, &minute));

  g_assert_true (cramp_reminder_parse_weekdays (days, &weekdays));
  g_assert_cmpuint (weekdays, ==, 1 << 0 | 1 << 4 | 1 << 6);
  g_assert_false (cramp_reminder_parse_weekdays (wrong_days, &weekdays));
  g_assert_cmpstr (cramp_reminder_weekday_token (7), ==, "sun");
}

/* The schema itself refuses a time that is not HH:MM and a day that is
 * not a weekday, whoever writes the key. */
static void
test_schema (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) time_key = NULL;
  g_autoptr(GSettingsSchemaKey) days_key = NULL;
  const char *bad_days[] = { "mon", "someday", NULL };
  int hour, minute;

  g_object_get (settings, "settings-schema", &schema, NULL);
  time_key = g_settings_schema_get_key (schema, "reminder-time");
  days_key = g_settings_schema_get_key (schema, "reminder-weekdays");

  for (int h = 0; h < 24; h++)
    for (int m = 0; m < 60; m++)
      {
        g_autofree char *text = g_strdup_printf ("%02d:%02d", h, m);
        g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_string (text));

        g_assert_true (g_settings_schema_key_range_check (time_key, value));
      }
  for (guint i = 0; i < 3; i++)
    {
      const char *text = (const char *[]) { "24:00", "7:30", "22:00 " }[i];
      g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_string (text));

      g_assert_false (g_settings_schema_key_range_check (time_key, value));
    }
  {
    g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_strv (bad_days, -1));
    g_assert_false (g_settings_schema_key_range_check (days_key, value));
  }

  /* the defaults, as the contract has them */
  g_assert_false (g_settings_get_boolean (settings, "reminders-enabled"));
  {
    g_autofree char *time = g_settings_get_string (settings, "reminder-time");

    g_assert_true (cramp_reminder_parse_time (time, &hour, &minute));
  }
  g_assert_cmpint (hour, ==, 22);
  g_assert_cmpuint (g_settings_get_uint (settings, "snooze-minutes"), ==, 10);
  g_assert_true (g_settings_get_boolean (settings, "skip-if-stretched"));
  {
    g_auto(GStrv) days = g_settings_get_strv (settings, "reminder-weekdays");
    guint weekdays;

    g_assert_true (cramp_reminder_parse_weekdays ((const char * const *) days, &weekdays));
    g_assert_cmpuint (weekdays, ==, CRAMP_ALL_WEEKDAYS);
  }
}

static void
test_next_weekdays (void)
{
  CrampReminderSchedule mon_wed = schedule_at (22, 0, 1 << 0 | 1 << 2);
  CrampReminderSchedule never = schedule_at (22, 0, 0);

  /* 17 November 2026 is a Tuesday */
  assert_next (&mon_wed, "Europe/Berlin", "2026-11-17T12:00:00+01:00", "Wed 2026-11-18T22:00:00+01:00");
  assert_next (&mon_wed, "Europe/Berlin", "2026-11-18T22:00:01+01:00", "Mon 2026-11-23T22:00:00+01:00");
  assert_next (&mon_wed, "Europe/Berlin", "2026-11-16T21:59:59+01:00", "Mon 2026-11-16T22:00:00+01:00");
  g_assert_null (next_in (&never, "Europe/Berlin", "2026-11-17T12:00:00+01:00"));
}

static void
test_next_just_passed (void)
{
  CrampReminderSchedule daily = schedule_at (22, 0, CRAMP_ALL_WEEKDAYS);

  assert_next (&daily, "Europe/Berlin", "2026-11-17T21:59:59+01:00", "Tue 2026-11-17T22:00:00+01:00");
  /* at the very second, it is the next day's */
  assert_next (&daily, "Europe/Berlin", "2026-11-17T22:00:00+01:00", "Wed 2026-11-18T22:00:00+01:00");
  assert_next (&daily, "Europe/Berlin", "2026-11-17T22:00:30+01:00", "Wed 2026-11-18T22:00:00+01:00");
  /* the clock of the zone counts, not the offset "now" was written in */
  assert_next (&daily, "America/New_York", "2026-11-17T22:30:00+01:00", "Tue 2026-11-17T22:00:00-05:00");
}

static void
test_next_midnight (void)
{
  CrampReminderSchedule monday_early = schedule_at (0, 15, 1 << 0);
  CrampReminderSchedule late = schedule_at (23, 59, CRAMP_ALL_WEEKDAYS);

  /* Sunday 22 November 2026, late: Monday has begun by 00:15 */
  assert_next (&monday_early, "Europe/Berlin", "2026-11-22T23:50:00+01:00", "Mon 2026-11-23T00:15:00+01:00");
  assert_next (&monday_early, "Europe/Berlin", "2026-11-23T00:15:00+01:00", "Mon 2026-11-30T00:15:00+01:00");
  assert_next (&late, "Europe/Berlin", "2026-12-31T23:59:30+01:00", "Fri 2027-01-01T23:59:00+01:00");
  /* the year's last day, and a leap day */
  assert_next (&late, "Europe/Berlin", "2028-02-28T23:59:30+01:00", "Tue 2028-02-29T23:59:00+01:00");
}

static void
test_next_dst (void)
{
  CrampReminderSchedule bedtime = schedule_at (22, 0, CRAMP_ALL_WEEKDAYS);
  CrampReminderSchedule berlin_gap = schedule_at (2, 30, CRAMP_ALL_WEEKDAYS);
  CrampReminderSchedule new_york_twice = schedule_at (1, 30, CRAMP_ALL_WEEKDAYS);
  CrampReminderSchedule new_york_gap = schedule_at (2, 30, CRAMP_ALL_WEEKDAYS);

  /* Berlin springs forward on 29 March 2026: 22:00 stays 22:00 */
  assert_next (&bedtime, "Europe/Berlin", "2026-03-28T22:00:00+01:00", "Sun 2026-03-29T22:00:00+02:00");
  /* 02:30 does not exist that night: it comes when the clocks jump */
  assert_next (&berlin_gap, "Europe/Berlin", "2026-03-29T01:00:00+01:00", "Sun 2026-03-29T03:00:00+02:00");
  assert_next (&berlin_gap, "Europe/Berlin", "2026-03-29T03:00:00+02:00", "Mon 2026-03-30T02:30:00+02:00");
  /* Berlin falls back on 25 October 2026: 02:30 happens twice, comes once */
  assert_next (&berlin_gap, "Europe/Berlin", "2026-10-25T00:00:00+02:00", "Sun 2026-10-25T02:30:00+01:00");
  assert_next (&berlin_gap, "Europe/Berlin", "2026-10-25T02:30:00+01:00", "Mon 2026-10-26T02:30:00+01:00");
  assert_next (&bedtime, "Europe/Berlin", "2026-10-24T22:00:00+02:00", "Sun 2026-10-25T22:00:00+01:00");

  /* New York springs forward on 8 March and falls back on 1 November 2026 */
  assert_next (&bedtime, "America/New_York", "2026-03-07T22:00:00-05:00", "Sun 2026-03-08T22:00:00-04:00");
  assert_next (&new_york_gap, "America/New_York", "2026-03-08T00:00:00-05:00", "Sun 2026-03-08T03:00:00-04:00");
  assert_next (&new_york_twice, "America/New_York", "2026-11-01T00:00:00-04:00", "Sun 2026-11-01T01:30:00-05:00");
  assert_next (&new_york_twice, "America/New_York", "2026-11-01T01:30:00-05:00", "Mon 2026-11-02T01:30:00-05:00");
  assert_next (&bedtime, "America/New_York", "2026-10-31T22:00:00-04:00", "Sun 2026-11-01T22:00:00-05:00");
}

typedef struct
{
  CrampReminderSchedule schedule;
  CrampReminderState    state;
  GTimeZone            *zone;
  GHashTable           *stretched;   /* nights, as gint64 keys */
  GArray               *fired;       /* gint64, the moments it fired */
} Service;

static gboolean
stretched_cb (gint64   night,
              gpointer user_data)
{
  Service *service = user_data;

  return g_hash_table_contains (service->stretched, &night);
}

static void
service_init (Service               *service,
              CrampReminderSchedule  schedule,
              const char            *zone)
{
  service->schedule = schedule;
  /* running since long before: every reminder in reach counts */
  service->state = (CrampReminderState) { G_MININT64, 0, G_MININT64 };
  service->zone = g_time_zone_new_identifier (zone);
  service->stretched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  service->fired = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
service_clear (Service *service)
{
  g_time_zone_unref (service->zone);
  g_hash_table_unref (service->stretched);
  g_array_unref (service->fired);
}

/* One look at the clock, as the service does it. */
static CrampReminderAction
service_check (Service *service,
               gint64   now,
               gint64  *next_check)
{
  CrampReminderAction action;
  gint64 night, next;

  action = cramp_reminder_plan (&service->schedule, &service->state, service->zone, now,
                                stretched_cb, service, &night, &next);
  g_assert_cmpint (next, >, now);
  g_assert_cmpint (next, <=, now + CRAMP_REMINDER_RECHECK_S);
  if (next_check != NULL)
    *next_check = next;

  if (action != CRAMP_REMINDER_WAIT)
    {
      service->state.last_night = night;
      service->state.snoozed_until = 0;
      g_array_append_val (service->fired, now);
    }
  return action;
}

/* The service left running from @from to @to, waking when it asked to,
 * and also at every minute as a suspended machine or a busy loop would. */
static void
service_run (Service    *service,
             const char *from,
             const char *to)
{
  gint64 end = at (to);

  for (gint64 now = at (from); now <= end;)
    {
      gint64 next;

      service_check (service, now, &next);
      now = MIN (next, (now / 60 + 1) * 60);
    }
}

static void
assert_fired (Service    *service,
              guint       index,
              const char *iso)
{
  g_assert_cmpuint (index, <, service->fired->len);
  g_assert_cmpint (g_array_index (service->fired, gint64, index), ==, at (iso));
}

static void
test_plan_once_a_night (void)
{
  Service berlin, new_york;

  /* a week across Berlin's fall-back night, 02:30 every day */
  service_init (&berlin, schedule_at (2, 30, CRAMP_ALL_WEEKDAYS), "Europe/Berlin");
  service_run (&berlin, "2026-10-22T12:00:00+02:00", "2026-10-28T12:00:00+01:00");
  g_assert_cmpuint (berlin.fired->len, ==, 6);
  assert_fired (&berlin, 2, "2026-10-25T02:30:00+01:00");
  assert_fired (&berlin, 3, "2026-10-26T02:30:00+01:00");
  service_clear (&berlin);

  /* and across New York's spring-forward night, at 22:00 and 02:30 */
  service_init (&new_york, schedule_at (22, 0, CRAMP_ALL_WEEKDAYS), "America/New_York");
  service_run (&new_york, "2026-03-06T12:00:00-05:00", "2026-03-10T12:00:00-04:00");
  g_assert_cmpuint (new_york.fired->len, ==, 4);
  assert_fired (&new_york, 2, "2026-03-08T22:00:00-04:00");
  service_clear (&new_york);

  service_init (&new_york, schedule_at (2, 30, CRAMP_ALL_WEEKDAYS), "America/New_York");
  service_run (&new_york, "2026-03-07T12:00:00-05:00", "2026-03-09T12:00:00-04:00");
  g_assert_cmpuint (new_york.fired->len, ==, 2);
  assert_fired (&new_york, 0, "2026-03-08T03:00:00-04:00");
  assert_fired (&new_york, 1, "2026-03-09T02:30:00-04:00");
  service_clear (&new_york);
}

static void
test_plan_clock_changes (void)
{
  Service service;

  service_init (&service, schedule_at (22, 0, CRAMP_ALL_WEEKDAYS), "Europe/Berlin");

  /* asleep from 21:00 to 23:30: the reminder comes on waking */
  g_assert_cmpint (service_check (&service, at ("2026-11-17T21:00:00+01:00"), NULL), ==, CRAMP_REMINDER_WAIT);
  g_assert_cmpint (service_check (&service, at ("2026-11-17T23:30:00+01:00"), NULL), ==, CRAMP_REMINDER_FIRE);
  /* the clock set back an hour: not again that night */
  g_assert_cmpint (service_check (&service, at ("2026-11-17T21:30:00+01:00"), NULL), ==, CRAMP_REMINDER_WAIT);
  g_assert_cmpint (service_check (&service, at ("2026-11-17T22:00:00+01:00"), NULL), ==, CRAMP_REMINDER_WAIT);

  /* flying west to London the next evening: 22:00 comes by the new clock,
   * once; an hour later by Berlin's, it does not come again */
  g_assert_cmpint (service_check (&service, at ("2026-11-18T22:00:00+01:00"), NULL), ==, CRAMP_REMINDER_FIRE);
  g_time_zone_unref (service.zone);
  service.zone = g_time_zone_new_identifier ("Europe/London");
  g_assert_cmpint (service_check (&service, at ("2026-11-18T22:00:00+00:00"), NULL), ==, CRAMP_REMINDER_WAIT);

  /* asleep through the whole evening: a reminder over three hours late
   * is let go, and the next night's comes as usual */
  g_assert_cmpint (service_check (&service, at ("2026-11-20T01:30:00+00:00"), NULL), ==, CRAMP_REMINDER_WAIT);
  g_assert_cmpint (service_check (&service, at ("2026-11-20T22:00:00+00:00"), NULL), ==, CRAMP_REMINDER_FIRE);
  g_assert_cmpuint (service.fired->len, ==, 3);

  service_clear (&service);
}

static void
test_plan_snooze (void)
{
  g_autoptr(GDateTime) evening = cramp_time_parse ("2026-11-17T22:00:00+01:00", NULL);
  Service service;
  gint64 next;

  service_init (&service, schedule_at (22, 0, CRAMP_ALL_WEEKDAYS), "Europe/Berlin");
  g_assert_cmpint (service_check (&service, at ("2026-11-17T22:00:00+01:00"), NULL), ==, CRAMP_REMINDER_FIRE);

  /* snoozed for the schedule's ten minutes */
  service.state.snoozed_until = at ("2026-11-17T22:00:20+01:00") + service.schedule.snooze_minutes * 60;
  g_assert_cmpint (service_check (&service, at ("2026-11-17T22:10:00+01:00"), &next), ==, CRAMP_REMINDER_WAIT);
  g_assert_cmpint (next, ==, at ("2026-11-17T22:10:20+01:00"));
  g_assert_cmpint (service_check (&service, next, NULL), ==, CRAMP_REMINDER_FIRE_SNOOZED);
  g_assert_cmpint (service.state.last_night, ==, cramp_time_night_of (evening));
  /* and only once */
  g_assert_cmpint (service_check (&service, next + 60, NULL), ==, CRAMP_REMINDER_WAIT);
  g_assert_cmpuint (service.fired->len, ==, 2);

  service_clear (&service);
}

static void
test_plan_skip_if_stretched (void)
{
  Service service;
  g_autoptr(GDateTime) evening = cramp_time_parse ("2026-11-17T21:30:00+01:00", NULL);
  gint64 *night = g_new (gint64, 1);

  service_init (&service, schedule_at (22, 0, CRAMP_ALL_WEEKDAYS), "Europe/Berlin");
  *night = cramp_time_night_of (evening);
  g_hash_table_add (service.stretched, night);

  /* stretched at 21:30: no reminder at 22:00, the next night's as usual */
  g_assert_cmpint (service_check (&service, at ("2026-11-17T22:00:00+01:00"), NULL), ==, CRAMP_REMINDER_WAIT);
  g_assert_cmpint (service_check (&service, at ("2026-11-18T22:00:00+01:00"), NULL), ==, CRAMP_REMINDER_FIRE);

  /* with skip-if-stretched off, the reminder comes anyway */
  service.schedule.skip_if_stretched = FALSE;
  service.state.last_night = G_MININT64;
  g_assert_cmpint (service_check (&service, at ("2026-11-17T22:00:00+01:00"), NULL), ==, CRAMP_REMINDER_FIRE);

  service_clear (&service);
}

/* A reminder the user was not waiting for does not come: one due before
 * the service started, or a time set that has just passed today. One
 * missed while the computer slept does, once. */
static void
test_plan_armed (void)
{
  Service service;

  /* started at login at 22:30; the reminder was at 22:00 */
  service_init (&service, schedule_at (22, 0, CRAMP_ALL_WEEKDAYS), "Europe/Berlin");
  service.state.armed_since = at ("2026-11-17T22:30:00+01:00");
  service_run (&service, "2026-11-17T22:30:00+01:00", "2026-11-18T22:30:00+01:00");
  g_assert_cmpuint (service.fired->len, ==, 1);
  assert_fired (&service, 0, "2026-11-18T22:00:00+01:00");
  service_clear (&service);

  /* running since 21:00; at 21:30 the user sets 21:15, then 07:05 */
  service_init (&service, schedule_at (22, 0, CRAMP_ALL_WEEKDAYS), "Europe/Berlin");
  service.state.armed_since = at ("2026-11-17T21:00:00+01:00");
  service_run (&service, "2026-11-17T21:00:00+01:00", "2026-11-17T21:30:00+01:00");
  service.schedule = schedule_at (21, 15, CRAMP_ALL_WEEKDAYS);
  service.state.armed_since = at ("2026-11-17T21:30:00+01:00");
  g_assert_cmpint (service_check (&service, at ("2026-11-17T21:30:00+01:00"), NULL), ==, CRAMP_REMINDER_WAIT);
  service.schedule = schedule_at (7, 5, CRAMP_ALL_WEEKDAYS);
  service.state.armed_since = at ("2026-11-18T08:30:00+01:00");
  g_assert_cmpint (service_check (&service, at ("2026-11-18T08:30:00+01:00"), NULL), ==, CRAMP_REMINDER_WAIT);
  service_run (&service, "2026-11-18T08:30:00+01:00", "2026-11-19T08:30:00+01:00");
  g_assert_cmpuint (service.fired->len, ==, 1);
  assert_fired (&service, 0, "2026-11-19T07:05:00+01:00");
  service_clear (&service);

  /* running since 21:00, asleep from 21:50 to 23:30: it comes on waking,
   * once; asleep to 01:30 the next night, three and a half hours late,
   * it is let go */
  service_init (&service, schedule_at (22, 0, CRAMP_ALL_WEEKDAYS), "Europe/Berlin");
  service.state.armed_since = at ("2026-11-17T21:00:00+01:00");
  g_assert_cmpint (service_check (&service, at ("2026-11-17T21:50:00+01:00"), NULL), ==, CRAMP_REMINDER_WAIT);
  g_assert_cmpint (service_check (&service, at ("2026-11-17T23:30:00+01:00"), NULL), ==, CRAMP_REMINDER_FIRE);
  g_assert_cmpint (service_check (&service, at ("2026-11-17T23:31:00+01:00"), NULL), ==, CRAMP_REMINDER_WAIT);
  g_assert_cmpint (service_check (&service, at ("2026-11-18T21:50:00+01:00"), NULL), ==, CRAMP_REMINDER_WAIT);
  g_assert_cmpint (service_check (&service, at ("2026-11-19T01:30:00+01:00"), NULL), ==, CRAMP_REMINDER_WAIT);
  g_assert_cmpuint (service.fired->len, ==, 1);
  service_clear (&service);
}

static void
test_stretch_stats (void)
{
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) records = g_array_new (FALSE, FALSE, sizeof (CrampStretchRecord));
  const char *cramps[] = {
    "2026-11-10T03:00:00+01:00",   /* night of the 9th, stretched */
    "2026-11-11T02:00:00+01:00",   /* night of the 10th */
    "2026-11-11T04:00:00+01:00",   /* night of the 10th */
    "2026-11-12T23:00:00+01:00",   /* night of the 12th */
    "2026-11-01T03:00:00+01:00",   /* before the log began: not compared */
  };
  const struct { const char *when; CrampStretchEvent event; } log[] = {
    { "2026-11-09T22:00:00+01:00", CRAMP_STRETCH_SHOWN },
    { "2026-11-09T22:05:00+01:00", CRAMP_STRETCH_DONE },
    { "2026-11-10T22:00:00+01:00", CRAMP_STRETCH_SHOWN },
    { "2026-11-10T22:00:30+01:00", CRAMP_STRETCH_DISMISSED },
    { "2026-11-11T22:00:00+01:00", CRAMP_STRETCH_SHOWN },
    { "2026-11-11T22:01:00+01:00", CRAMP_STRETCH_SNOOZED },
    { "2026-11-12T00:10:00+01:00", CRAMP_STRETCH_DONE },   /* after midnight: the 11th */
    { "2026-11-12T00:20:00+01:00", CRAMP_STRETCH_DONE },   /* twice: one night */
  };
  g_autoptr(GArray) nights = g_array_new (FALSE, FALSE, sizeof (CrampNight));
  CrampStretchStats stats;
  gint64 first = G_MAXINT64;

  for (guint i = 0; i < G_N_ELEMENTS (cramps); i++)
    g_ptr_array_add (episodes, cramp_test_episode (cramps[i], CRAMP_MUSCLE_CALF));
  for (guint i = 0; i < G_N_ELEMENTS (log); i++)
    {
      g_autoptr(GDateTime) when = cramp_time_parse (log[i].when, NULL);
      CrampStretchRecord record = { g_date_time_to_unix (when), 3600, cramp_time_night_of (when), log[i].event };

      first = MIN (first, record.night);
      g_array_append_val (records, record);
    }

  /* the nights of the 9th to the 12th: 2 stretched, 2 not; the 11th,
   * stretched, logged by no cramp nor record */
  cramp_stretch_stats_compute (&stats, episodes, nights, records, first, first + 3);
  g_assert_cmpuint (stats.n_nights, ==, 4);
  g_assert_cmpuint (stats.n_nights_stretched, ==, 2);
  g_assert_cmpuint (stats.n_logged_stretched, ==, 1);
  g_assert_cmpuint (stats.n_logged_other, ==, 2);
  g_assert_cmpuint (stats.n_cramps_stretched, ==, 1);
  g_assert_cmpuint (stats.n_cramps_other, ==, 3);
  g_assert_cmpuint (stats.events[CRAMP_STRETCH_SHOWN], ==, 3);
  g_assert_cmpuint (stats.events[CRAMP_STRETCH_DONE], ==, 3);
  g_assert_cmpuint (stats.events[CRAMP_STRETCH_SNOOZED], ==, 1);
  g_assert_cmpuint (stats.events[CRAMP_STRETCH_DISMISSED], ==, 1);

  /* the 11th marked quiet: a logged night with a stretch, once however
   * often it is counted; a record outside the nights compared is not */
  {
    CrampNight quiet = { first + 2, TRUE, CRAMP_UNSET, 0 };
    CrampNight later = { first + 9, TRUE, CRAMP_UNSET, 0 };
    CrampNight cramp_night = { first + 1, FALSE, 5, 0 };

    g_array_append_val (nights, quiet);
    g_array_append_val (nights, later);
    g_array_append_val (nights, cramp_night);
  }
  cramp_stretch_stats_compute (&stats, episodes, nights, records, first, first + 3);
  g_assert_cmpuint (stats.n_logged_stretched, ==, 2);
  g_assert_cmpuint (stats.n_logged_other, ==, 2);

  /* no night whose morning is over: nothing compared */
  cramp_stretch_stats_compute (&stats, episodes, nights, records, first, first - 1);
  g_assert_cmpuint (stats.n_nights, ==, 0);
  g_assert_cmpuint (stats.n_cramps_stretched + stats.n_cramps_other, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminder/parse", test_parse);
  g_test_add_func ("/reminder/schema", test_schema);
  g_test_add_func ("/reminder/next/weekdays", test_next_weekdays);
  g_test_add_func ("/reminder/next/just-passed", test_next_just_passed);
  g_test_add_func ("/reminder/next/midnight", test_next_midnight);
  g_test_add_func ("/reminder/next/dst", test_next_dst);
  g_test_add_func ("/reminder/plan/once-a-night", test_plan_once_a_night);
  g_test_add_func ("/reminder/plan/clock-changes", test_plan_clock_changes);
  g_test_add_func ("/reminder/plan/snooze", test_plan_snooze);
  g_test_add_func ("/reminder/plan/skip-if-stretched", test_plan_skip_if_stretched);
  g_test_add_func ("/reminder/plan/armed", test_plan_armed);
  g_test_add_func ("/reminder/stretch-stats", test_stretch_stats);

  return g_test_run ();
}
