/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libnotify/notify.h>

G_BEGIN_DECLS

#define CRAMP_TYPE_SCHEDULE (cramp_schedule_get_type ())

G_DECLARE_DERIVABLE_TYPE (CrampSchedule, cramp_schedule, CRAMP, SCHEDULE, GObject)

/* One thing the background service does at its time: the bedtime
 * reminder (and, to come, the morning check-in). A schedule knows its
 * settings keys, works out when it is next due (the arithmetic in
 * src/core) and shows its own notification; the host (CrampServiceHost)
 * keeps the process alive while any schedule is on, and looks at the
 * clock for all of them. */
struct _CrampScheduleClass
{
  GObjectClass parent_class;

  /* whether the user turned it on */
  gboolean (*get_enabled) (CrampSchedule *self);
  /* turned on, or the service started with it on, at @now */
  void     (*start)       (CrampSchedule *self,
                           gint64         now);
  /* turned off */
  void     (*stop)        (CrampSchedule *self);
  /* does what is due at @now; returns when to look again (seconds
   * since the epoch) */
  gint64   (*check)       (CrampSchedule *self,
                           GTimeZone     *zone,
                           gint64         now);

  gpointer padding[4];
};

GSettings *cramp_schedule_get_settings    (CrampSchedule *self);
GApplication *cramp_schedule_get_application (CrampSchedule *self);
gboolean   cramp_schedule_get_enabled     (CrampSchedule *self);
void       cramp_schedule_start           (CrampSchedule *self,
                                           gint64         now);
void       cramp_schedule_stop            (CrampSchedule *self);
gint64     cramp_schedule_check           (CrampSchedule *self,
                                           GTimeZone     *zone,
                                           gint64         now);
void       cramp_schedule_enabled_changed (CrampSchedule *self);
NotifyNotification *cramp_schedule_new_notification (CrampSchedule *self,
                                           const char    *summary,
                                           const char    *body);
gboolean   cramp_schedule_show_notification (CrampSchedule      *self,
                                           NotifyNotification *notification,
                                           const char         *what);
void       cramp_schedule_times_changed   (CrampSchedule *self);

G_END_DECLS
