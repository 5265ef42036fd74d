/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-service"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "cramp-checkin-schedule.h"
#include "cramp-episode.h"
#include "cramp-reminder.h"
#include "cramp-store-experiments.h"
#include "cramp-store-nights.h"
#include "cramp-time.h"

/*
 * The morning check-in: the second schedule of the background service
 * (CrampServiceHost). At checkin-time it asks how the night was, unless
 * the night already has a cramp or a record; Quiet Night records it
 * quiet, with the window closed, and Open Diary opens the window on that
 * night (the app's "night" action). While an experiment of a kind other
 * than stretching runs, Quiet Night, Did It says both at once. The
 * arithmetic is the bedtime reminder's (cramp_reminder_plan()), every
 * day, without snooze: one check-in a night, whatever the clock does; a
 * missed one comes when the computer wakes, up to three hours late; none
 * due before the service started.
 */

struct _CrampCheckinSchedule
{
  CrampSchedule       parent_instance;

  CrampStore         *store;
  CrampReminderState  state;
  gint64              night;          /* the night asked about */
  GStrv               experiments;    /* those that ask "Did it?" of it */

  NotifyNotification *notification;
};

G_DEFINE_FINAL_TYPE (CrampCheckinSchedule, cramp_checkin_schedule, CRAMP_TYPE_SCHEDULE)

static void
read_schedule (CrampCheckinSchedule  *self,
               CrampReminderSchedule *schedule)
{
  g_autofree char *time = g_settings_get_string (cramp_schedule_get_settings (CRAMP_SCHEDULE (self)),
                                                 "checkin-time");

  if (!cramp_reminder_parse_time (time, &schedule->hour, &schedule->minute))
    {
      schedule->hour = 8;
      schedule->minute = 0;
    }
  schedule->weekdays = CRAMP_ALL_WEEKDAYS;
  schedule->snooze_minutes = 0;
  /* the night's record or cramp keeps the check-in away */
  schedule->skip_if_stretched = TRUE;
}

/* The night a check-in at @fire_night's minute asks about: the one that
 * ended that morning (cramp_reminder_plan() names the night of the
 * minute itself, the same before noon, the next one after it). */
static gint64
asked_night (CrampCheckinSchedule *self,
             gint64                fire_night)
{
  CrampReminderSchedule schedule;

  read_schedule (self, &schedule);
  return schedule.hour >= 12 ? fire_night - 1 : fire_night;
}

/* Whether @night needs no check-in: a cramp or a record says it. */
static gboolean
night_told_cb (gint64   fire_night,
               gpointer user_data)
{
  CrampCheckinSchedule *self = user_data;
  gint64 night = asked_night (self, fire_night);
  CrampNight record;

  return cramp_store_get_night (self->store, night, &record, NULL) ||
         cramp_store_first_cramp_of_night (self->store, night, NULL, NULL);
}

static void
close_notification (CrampCheckinSchedule *self)
{
  if (self->notification != NULL)
    notify_notification_close (self->notification, NULL);
}

static void
on_quiet_cb (NotifyNotification *notification,
             char               *action,
             gpointer            user_data)
{
  CrampCheckinSchedule *self = user_data;
  CrampNight record = { self->night, TRUE, CRAMP_UNSET, cramp_time_now_unix () };
  g_autoptr(GError) error = NULL;

  if (!cramp_store_set_night (self->store, &record, &error))
    g_warning ("The quiet night could not be written to the diary: %s", error->message);
}

static void
on_quiet_done_cb (NotifyNotification *notification,
                  char               *action,
                  gpointer            user_data)
{
  CrampCheckinSchedule *self = user_data;
  g_autoptr(GError) error = NULL;

  on_quiet_cb (notification, action, user_data);
  for (guint i = 0; self->experiments != NULL && self->experiments[i] != NULL; i++)
    if (!cramp_store_set_experiment_done (self->store, self->experiments[i], self->night, TRUE, &error))
      {
        g_warning ("That the experiment was done could not be written to the diary: %s", error->message);
        g_clear_error (&error);
      }
}

/* The experiments running on the night asked about that ask "Did it?". */
static GStrv
list_asking (CrampCheckinSchedule *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GPtrArray) experiments = NULL;
  g_autoptr(GError) error = NULL;

  if (!(experiments = cramp_store_list_experiments (self->store, &error)))
    g_warning ("The experiments could not be read: %s", error->message);
  for (guint i = 0; experiments != NULL && i < experiments->len; i++)
    {
      const CrampExperiment *experiment = g_ptr_array_index (experiments, i);

      if (cramp_experiment_asks_done (experiment, self->night))
        g_strv_builder_add (ids, experiment->id);
    }
  return g_strv_builder_end (ids);
}

static void
on_open_cb (NotifyNotification *notification,
            char               *action,
            gpointer            user_data)
{
  CrampCheckinSchedule *self = user_data;

  /* the window, on the night asked about */
  g_action_group_activate_action (G_ACTION_GROUP (cramp_schedule_get_application (CRAMP_SCHEDULE (self))), "night",
                                  g_variant_new_int64 (self->night));
}

/* The actions for the night asked about. */
static void
add_actions (CrampCheckinSchedule *self)
{
  NotifyNotification *notification = self->notification;

  notify_notification_clear_actions (notification);
  /* "default": clicking the notification itself */
  notify_notification_add_action (notification, "default", _("Open Diary"), on_open_cb, self, NULL);
  notify_notification_add_action (notification, "quiet", _("Quiet Night"), on_quiet_cb, self, NULL);
  if (self->experiments[0] != NULL)
    /* Translators: a quiet night, and the experiment running was done
     * that evening; it names neither, as a locked screen may show it */
    notify_notification_add_action (notification, "quiet-done", _("Quiet Night, Did It"), on_quiet_done_cb, self,
                                    NULL);
  notify_notification_add_action (notification, "open", _("Open Diary"), on_open_cb, self, NULL);
}

static gint64
cramp_checkin_schedule_check (CrampSchedule *schedule,
                              GTimeZone     *zone,
                              gint64         now)
{
  CrampCheckinSchedule *self = CRAMP_CHECKIN_SCHEDULE (schedule);
  CrampReminderSchedule times;
  gint64 night, next;

  read_schedule (self, &times);
  if (cramp_reminder_plan (&times, &self->state, zone, now, night_told_cb, self, &night, &next) !=
      CRAMP_REMINDER_WAIT)
    {
      self->state.last_night = night;
      self->night = asked_night (self, night);
      g_debug ("Asking about night %" G_GINT64_FORMAT, self->night);
      g_strfreev (self->experiments);
      self->experiments = list_asking (self);
      /* Nothing about health: a locked screen may show it to anyone. */
      if (self->notification == NULL)
        self->notification = cramp_schedule_new_notification (schedule, _("How was your night?"),
                                                              _("One tap keeps your diary complete."));
      add_actions (self);
      cramp_schedule_show_notification (schedule, self->notification, "the morning check-in");
    }

  return next;
}

static gboolean
cramp_checkin_schedule_get_enabled (CrampSchedule *schedule)
{
  return g_settings_get_boolean (cramp_schedule_get_settings (schedule), "checkin-enabled");
}

static void
cramp_checkin_schedule_start (CrampSchedule *schedule,
                              gint64         now)
{
  CrampCheckinSchedule *self = CRAMP_CHECKIN_SCHEDULE (schedule);

  self->state.snoozed_until = 0;
  /* a check-in due before now was not waited for: it does not come */
  self->state.armed_since = now;
}

static void
cramp_checkin_schedule_stop (CrampSchedule *schedule)
{
  close_notification (CRAMP_CHECKIN_SCHEDULE (schedule));
}

static void
on_time_changed_cb (CrampCheckinSchedule *self)
{
  /* a time just set that has passed today comes tomorrow */
  self->state.armed_since = cramp_time_now_unix ();
  cramp_schedule_times_changed (CRAMP_SCHEDULE (self));
}

static void
cramp_checkin_schedule_dispose (GObject *object)
{
  CrampCheckinSchedule *self = CRAMP_CHECKIN_SCHEDULE (object);

  if (self->notification != NULL)
    g_signal_handlers_disconnect_by_data (self->notification, self);
  g_clear_object (&self->notification);
  g_clear_object (&self->store);
  g_clear_pointer (&self->experiments, g_strfreev);

  G_OBJECT_CLASS (cramp_checkin_schedule_parent_class)->dispose (object);
}

static void
cramp_checkin_schedule_class_init (CrampCheckinScheduleClass *klass)
{
  CrampScheduleClass *schedule_class = CRAMP_SCHEDULE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cramp_checkin_schedule_dispose;
  schedule_class->get_enabled = cramp_checkin_schedule_get_enabled;
  schedule_class->start = cramp_checkin_schedule_start;
  schedule_class->stop = cramp_checkin_schedule_stop;
  schedule_class->check = cramp_checkin_schedule_check;
}

static void
cramp_checkin_schedule_init (CrampCheckinSchedule *self)
{
  self->state.last_night = G_MININT64;
  self->state.armed_since = G_MININT64;
}

/**
 * cramp_checkin_schedule_new:
 * @application: the application the window of Open Diary belongs to
 * @settings: the application's settings, whose check-in keys it follows
 * @store: the diary, whose nights it reads and writes
 */
CrampCheckinSchedule *
cramp_checkin_schedule_new (GApplication *application,
                            GSettings    *settings,
                            CrampStore   *store)
{
  CrampCheckinSchedule *self = g_object_new (CRAMP_TYPE_CHECKIN_SCHEDULE,
                                             "application", application,
                                             "settings", settings,
                                             NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (settings, "changed::checkin-enabled",
                           G_CALLBACK (cramp_schedule_enabled_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::checkin-time",
                           G_CALLBACK (on_time_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}
