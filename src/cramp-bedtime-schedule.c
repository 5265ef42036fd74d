/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-service"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "cramp-bedtime-schedule.h"
#include "cramp-reminder.h"
#include "cramp-store-stretches.h"
#include "cramp-stretch-log.h"
#include "cramp-time.h"

/*
 * The bedtime reminder: the first schedule of the background service
 * (CrampServiceHost). cramp_reminder_plan() decides, each time the host
 * looks at the clock, whether the reminder of the night is due; the
 * notification offers the stretches, Done and Snooze, and what became
 * of each reminder goes to the stretch log of the diary.
 */

/* NotifyNotification's closed reason for "dismissed by the user" */
#define CLOSED_BY_USER 2

struct _CrampBedtimeSchedule
{
  CrampSchedule       parent_instance;

  CrampStore         *store;
  CrampReminderState  state;

  NotifyNotification *notification;
  gboolean            acted;         /* on the notification shown last */
};

G_DEFINE_FINAL_TYPE (CrampBedtimeSchedule, cramp_bedtime_schedule, CRAMP_TYPE_SCHEDULE)

static GSettings *
settings_of (CrampBedtimeSchedule *self)
{
  return cramp_schedule_get_settings (CRAMP_SCHEDULE (self));
}

static void
read_schedule (CrampBedtimeSchedule  *self,
               CrampReminderSchedule *schedule)
{
  g_autofree char *time = g_settings_get_string (settings_of (self), "reminder-time");
  g_auto(GStrv) days = g_settings_get_strv (settings_of (self), "reminder-weekdays");

  /* the schema allows nothing else; the defaults, should it ever */
  if (!cramp_reminder_parse_time (time, &schedule->hour, &schedule->minute))
    {
      schedule->hour = 22;
      schedule->minute = 0;
    }
  if (!cramp_reminder_parse_weekdays ((const char * const *) days, &schedule->weekdays))
    schedule->weekdays = CRAMP_ALL_WEEKDAYS;
  schedule->snooze_minutes = g_settings_get_uint (settings_of (self), "snooze-minutes");
  schedule->skip_if_stretched = g_settings_get_boolean (settings_of (self), "skip-if-stretched");
}

static void
record (CrampBedtimeSchedule *self,
        CrampStretchEvent     event)
{
  g_autoptr(GDateTime) now = cramp_time_now ();
  g_autoptr(GError) error = NULL;

  if (!cramp_store_add_stretch (self->store, event, now, &error))
    g_warning ("The reminder could not be written to the diary: %s", error->message);
}

static void
close_notification (CrampBedtimeSchedule *self)
{
  if (self->notification != NULL)
    notify_notification_close (self->notification, NULL);
}

static void
on_show_cb (NotifyNotification *notification,
            char               *action,
            gpointer            user_data)
{
  CrampBedtimeSchedule *self = user_data;

  self->acted = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (cramp_schedule_get_application (CRAMP_SCHEDULE (self))),
                                  "stretches", NULL);
}

static void
on_done_cb (NotifyNotification *notification,
            char               *action,
            gpointer            user_data)
{
  CrampBedtimeSchedule *self = user_data;
  g_autoptr(GError) error = NULL;

  self->acted = TRUE;
  if (!cramp_bedtime_schedule_record_done (self, &error))
    g_warning ("The stretch could not be written to the diary: %s", error->message);
}

static void
on_snooze_cb (NotifyNotification *notification,
              char               *action,
              gpointer            user_data)
{
  CrampBedtimeSchedule *self = user_data;
  guint minutes = g_settings_get_uint (settings_of (self), "snooze-minutes");

  self->acted = TRUE;
  record (self, CRAMP_STRETCH_SNOOZED);
  self->state.snoozed_until = cramp_time_now_unix () + minutes * 60;
  g_debug ("Snoozed for %u minutes", minutes);
  cramp_schedule_times_changed (CRAMP_SCHEDULE (self));
}

static void
on_closed_cb (NotifyNotification   *notification,
              CrampBedtimeSchedule *self)
{
  if (!self->acted && notify_notification_get_closed_reason (notification) == CLOSED_BY_USER)
    record (self, CRAMP_STRETCH_DISMISSED);
  self->acted = TRUE;
}

static NotifyNotification *
make_notification (CrampBedtimeSchedule *self)
{
  NotifyNotification *notification;

  /* Nothing about health: a locked screen may show it to anyone. */
  notification = cramp_schedule_new_notification (CRAMP_SCHEDULE (self), _("Time to Stretch"),
                                                  _("A few minutes of stretching before bed."));
  /* "default": clicking the notification itself */
  notify_notification_add_action (notification, "default", _("Show Stretches"), on_show_cb, self, NULL);
  notify_notification_add_action (notification, "show", _("Show Stretches"), on_show_cb, self, NULL);
  notify_notification_add_action (notification, "done", _("Done"), on_done_cb, self, NULL);
  notify_notification_add_action (notification, "snooze", _("Snooze"), on_snooze_cb, self, NULL);
  g_signal_connect (notification, "closed", G_CALLBACK (on_closed_cb), self);

  return notification;
}

/* Shows the reminder; a new one replaces the last rather than stacking. */
static void
show (CrampBedtimeSchedule *self,
      gint64                night)
{
  self->state.last_night = night;
  self->state.snoozed_until = 0;

  if (self->notification == NULL)
    self->notification = make_notification (self);
  self->acted = FALSE;

  if (cramp_schedule_show_notification (CRAMP_SCHEDULE (self), self->notification, "the bedtime reminder"))
    record (self, CRAMP_STRETCH_SHOWN);
}

static gboolean
night_stretched_cb (gint64   night,
                    gpointer user_data)
{
  CrampBedtimeSchedule *self = user_data;

  return cramp_store_night_stretched (self->store, night);
}

static gint64
cramp_bedtime_schedule_check (CrampSchedule *schedule,
                              GTimeZone     *zone,
                              gint64         now)
{
  CrampBedtimeSchedule *self = CRAMP_BEDTIME_SCHEDULE (schedule);
  CrampReminderSchedule times;
  CrampReminderAction action;
  gint64 night, next;

  read_schedule (self, &times);
  action = cramp_reminder_plan (&times, &self->state, zone, now, night_stretched_cb, self, &night, &next);
  if (action != CRAMP_REMINDER_WAIT)
    {
      g_debug ("Showing the reminder of night %" G_GINT64_FORMAT "%s", night,
               action == CRAMP_REMINDER_FIRE_SNOOZED ? ", after a snooze" : "");
      show (self, night);
    }

  return next;
}

static gboolean
cramp_bedtime_schedule_get_enabled (CrampSchedule *schedule)
{
  return g_settings_get_boolean (cramp_schedule_get_settings (schedule), "reminders-enabled");
}

static void
cramp_bedtime_schedule_start (CrampSchedule *schedule,
                              gint64         now)
{
  CrampBedtimeSchedule *self = CRAMP_BEDTIME_SCHEDULE (schedule);

  self->state.last_night = cramp_store_get_last_reminder_night (self->store);
  self->state.snoozed_until = 0;
  /* a reminder due before now was not waited for: it does not come */
  self->state.armed_since = now;
}

static void
cramp_bedtime_schedule_stop (CrampSchedule *schedule)
{
  CrampBedtimeSchedule *self = CRAMP_BEDTIME_SCHEDULE (schedule);

  self->acted = TRUE;
  close_notification (self);
}

static void
on_schedule_changed_cb (CrampBedtimeSchedule *self)
{
  /* a new time or new days: from now on. A time just set that has
   * passed today comes tomorrow, not at once. */
  self->state.armed_since = cramp_time_now_unix ();
  cramp_schedule_times_changed (CRAMP_SCHEDULE (self));
}

static void
cramp_bedtime_schedule_dispose (GObject *object)
{
  CrampBedtimeSchedule *self = CRAMP_BEDTIME_SCHEDULE (object);

  if (self->notification != NULL)
    g_signal_handlers_disconnect_by_data (self->notification, self);
  g_clear_object (&self->notification);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cramp_bedtime_schedule_parent_class)->dispose (object);
}

static void
cramp_bedtime_schedule_class_init (CrampBedtimeScheduleClass *klass)
{
  CrampScheduleClass *schedule_class = CRAMP_SCHEDULE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cramp_bedtime_schedule_dispose;
  schedule_class->get_enabled = cramp_bedtime_schedule_get_enabled;
  schedule_class->start = cramp_bedtime_schedule_start;
  schedule_class->stop = cramp_bedtime_schedule_stop;
  schedule_class->check = cramp_bedtime_schedule_check;
}

static void
cramp_bedtime_schedule_init (CrampBedtimeSchedule *self)
{
  self->state.last_night = G_MININT64;
  self->state.armed_since = G_MININT64;
}

/**
 * cramp_bedtime_schedule_new:
 * @application: the application whose stretches the notification shows
 * @settings: the application's settings, whose reminder keys it follows
 * @store: the diary, whose stretch log it writes
 */
CrampBedtimeSchedule *
cramp_bedtime_schedule_new (GApplication *application,
                            GSettings    *settings,
                            CrampStore   *store)
{
  CrampBedtimeSchedule *self = g_object_new (CRAMP_TYPE_BEDTIME_SCHEDULE,
                                             "application", application,
                                             "settings", settings,
                                             NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (settings, "changed::reminders-enabled",
                           G_CALLBACK (cramp_schedule_enabled_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::reminder-time",
                           G_CALLBACK (on_schedule_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::reminder-weekdays",
                           G_CALLBACK (on_schedule_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::skip-if-stretched",
                           G_CALLBACK (on_schedule_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * cramp_bedtime_schedule_record_done:
 *
 * Records tonight's stretch, from the notification or the stretch guide;
 * a snoozed reminder then does not come back.
 */
gboolean
cramp_bedtime_schedule_record_done (CrampBedtimeSchedule  *self,
                                    GError               **error)
{
  g_autoptr(GDateTime) now = cramp_time_now ();

  g_return_val_if_fail (CRAMP_IS_BEDTIME_SCHEDULE (self), FALSE);

  if (!cramp_store_add_stretch (self->store, CRAMP_STRETCH_DONE, now, error))
    return FALSE;

  self->state.snoozed_until = 0;
  self->acted = TRUE;
  close_notification (self);
  cramp_schedule_times_changed (CRAMP_SCHEDULE (self));
  return TRUE;
}
