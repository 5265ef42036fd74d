/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* When to remind: the GSettings keys, parsed. */
typedef struct
{
  int      hour;
  int      minute;
  guint    weekdays;            /* bit (ISO weekday − 1): Monday is 1 << 0 */
  guint    snooze_minutes;
  gboolean skip_if_stretched;
} CrampReminderSchedule;

#define CRAMP_ALL_WEEKDAYS 0x7f

/* A reminder missed while the computer slept fires when it wakes, if it
 * is no later than this; after that the night is let go. */
#define CRAMP_REMINDER_GRACE_S (3 * 3600)

/* The service looks at the clock at least this often, so that a
 * suspend, a clock change or a new time zone is noticed. */
#define CRAMP_REMINDER_RECHECK_S 60

gboolean    cramp_reminder_parse_time       (const char         *text,
                                             int                *hour,
                                             int                *minute);
gboolean    cramp_reminder_parse_weekdays   (const char * const *days,
                                             guint              *weekdays);
const char *cramp_reminder_weekday_token    (guint               iso_weekday);

/* Whether the reminder of @night is not to be shown. */
typedef gboolean (*CrampNightFunc) (gint64   night,
                                    gpointer user_data);

GDateTime  *cramp_reminder_next             (const CrampReminderSchedule *schedule,
                                             GTimeZone                   *zone,
                                             gint64                       after,
                                             CrampNightFunc               skip,
                                             gpointer                     user_data);

typedef struct
{
  gint64 last_night;      /* the night of the last reminder shown, or G_MININT64 */
  gint64 snoozed_until;   /* seconds since the epoch, or 0 */
  gint64 armed_since;     /* when the service started or the schedule last
                           * changed: no reminder due before then fires */
} CrampReminderState;

typedef enum
{
  CRAMP_REMINDER_WAIT,
  CRAMP_REMINDER_FIRE,          /* the reminder of the night is due */
  CRAMP_REMINDER_FIRE_SNOOZED,  /* a snoozed reminder is due again */
} CrampReminderAction;

CrampReminderAction cramp_reminder_plan     (const CrampReminderSchedule *schedule,
                                             const CrampReminderState    *state,
                                             GTimeZone                   *zone,
                                             gint64                       now,
                                             CrampNightFunc               stretched,
                                             gpointer                     user_data,
                                             gint64                      *night,
                                             gint64                      *next_check);

G_END_DECLS
