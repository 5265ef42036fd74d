/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-reminder-service"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libnotify/notify.h>
#include <string.h>

#include "cramp-file.h"
#include "cramp-reminder-service.h"
#include "cramp-reminder.h"
#include "cramp-store-stretches.h"
#include "cramp-stretch-log.h"
#include "cramp-time.h"

/*
 * The bedtime reminder, in the application's own process: while
 * reminders are on it holds the application, so that closing the window
 * (or starting with --background at login) leaves it running. It looks
 * at the clock when the next reminder is due and at least once a minute,
 * since timers stop while the computer sleeps and know nothing of clock
 * or time zone changes; cramp_reminder_plan() decides. What became of
 * each reminder goes to the stretch log of the diary.
 *
 * Turning reminders on also makes them start at login: an XDG autostart
 * entry, or inside Flatpak the Background portal.
 */

/* NotifyNotification's closed reason for "dismissed by the user" */
#define CLOSED_BY_USER 2

struct _CrampReminderService
{
  GObject             parent_instance;

  GApplication       *application;   /* not owned: it owns us */
  CrampStore         *store;
  GSettings          *settings;

  gboolean            running;
  guint               check_source;
  CrampReminderState  state;

  NotifyNotification *notification;
  gboolean            acted;         /* on the notification shown last */
  gboolean            warned;        /* that no notification service answered */
};

G_DEFINE_FINAL_TYPE (CrampReminderService, cramp_reminder_service, G_TYPE_OBJECT)

static void check (CrampReminderService *self);

/* The zone of the wall clock now: read again each time, so that a new
 * time zone set while the service runs is followed. */
static GTimeZone *
current_zone (void)
{
  GTimeZone *zone = NULL;

  if (g_getenv ("TZ") == NULL)
    zone = g_time_zone_new_identifier (NULL);

  return zone != NULL ? zone : g_time_zone_new_local ();
}

static void
read_schedule (CrampReminderService  *self,
               CrampReminderSchedule *schedule)
{
  g_autofree char *time = g_settings_get_string (self->settings, "reminder-time");
  g_auto(GStrv) days = g_settings_get_strv (self->settings, "reminder-weekdays");

  /* the schema allows nothing else; the defaults, should it ever */
  if (!cramp_reminder_parse_time (time, &schedule->hour, &schedule->minute))
    {
      schedule->hour = 22;
      schedule->minute = 0;
    }
  if (!cramp_reminder_parse_weekdays ((const char * const *) days, &schedule->weekdays))
    schedule->weekdays = CRAMP_ALL_WEEKDAYS;
  schedule->snooze_minutes = g_settings_get_uint (self->settings, "snooze-minutes");
  schedule->skip_if_stretched = g_settings_get_boolean (self->settings, "skip-if-stretched");
}

static void
record (CrampReminderService *self,
        CrampStretchEvent     event)
{
  g_autoptr(GDateTime) now = cramp_time_now ();
  g_autoptr(GError) error = NULL;

  if (!cramp_store_add_stretch (self->store, event, now, &error))
    g_warning ("The reminder could not be written to the diary: %s", error->message);
}

static gboolean
check_cb (gpointer user_data)
{
  CrampReminderService *self = user_data;

  self->check_source = 0;
  check (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (CrampReminderService *self,
                gint64                at)
{
  gint64 delay_ms = at * 1000 - cramp_time_now_unix () * 1000;

  g_clear_handle_id (&self->check_source, g_source_remove);
  /* a little after the second, so that the plan finds it has come */
  self->check_source = g_timeout_add (CLAMP (delay_ms, 0, CRAMP_REMINDER_RECHECK_S * 1000) + 20, check_cb, self);
}

static void
close_notification (CrampReminderService *self)
{
  if (self->notification != NULL)
    notify_notification_close (self->notification, NULL);
}

static void
on_show_cb (NotifyNotification *notification,
            char               *action,
            gpointer            user_data)
{
  CrampReminderService *self = user_data;

  self->acted = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (self->application), "stretches", NULL);
}

static void
on_done_cb (NotifyNotification *notification,
            char               *action,
            gpointer            user_data)
{
  CrampReminderService *self = user_data;
  g_autoptr(GError) error = NULL;

  self->acted = TRUE;
  if (!cramp_reminder_service_record_done (self, &error))
    g_warning ("The stretch could not be written to the diary: %s", error->message);
}

static void
on_snooze_cb (NotifyNotification *notification,
              char               *action,
              gpointer            user_data)
{
  CrampReminderService *self = user_data;
  guint minutes = g_settings_get_uint (self->settings, "snooze-minutes");

  self->acted = TRUE;
  record (self, CRAMP_STRETCH_SNOOZED);
  self->state.snoozed_until = cramp_time_now_unix () + minutes * 60;
  g_debug ("Snoozed for %u minutes", minutes);
  if (self->running)
    schedule_check (self, self->state.snoozed_until);
}

static void
on_closed_cb (NotifyNotification   *notification,
              CrampReminderService *self)
{
  if (!self->acted && notify_notification_get_closed_reason (notification) == CLOSED_BY_USER)
    record (self, CRAMP_STRETCH_DISMISSED);
  self->acted = TRUE;
}

static NotifyNotification *
make_notification (CrampReminderService *self)
{
  NotifyNotification *notification;

  if (!notify_is_initted ())
    notify_init (_("Cramp Diary"));

  /* Nothing about health: a locked screen may show it to anyone. */
  notification = notify_notification_new (_("Time to Stretch"),
                                          _("A few minutes of stretching before bed."),
                                          APP_ID);
  notify_notification_set_hint (notification, "desktop-entry", g_variant_new_string (APP_ID));
  notify_notification_set_timeout (notification, NOTIFY_EXPIRES_NEVER);
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
show (CrampReminderService *self,
      gint64                night)
{
  g_autoptr(GError) error = NULL;

  self->state.last_night = night;
  self->state.snoozed_until = 0;

  if (self->notification == NULL)
    self->notification = make_notification (self);
  self->acted = FALSE;

  if (!notify_notification_show (self->notification, &error))
    {
      if (!self->warned)
        g_warning ("No notification service answered, so the bedtime reminder could not be shown: %s",
                   error->message);
      self->warned = TRUE;
      return;
    }

  self->warned = FALSE;
  record (self, CRAMP_STRETCH_SHOWN);
}

static gboolean
night_stretched_cb (gint64   night,
                    gpointer user_data)
{
  CrampReminderService *self = user_data;

  return cramp_store_night_stretched (self->store, night);
}

static void
check (CrampReminderService *self)
{
  g_autoptr(GTimeZone) zone = current_zone ();
  CrampReminderSchedule schedule;
  CrampReminderAction action;
  gint64 now = cramp_time_now_unix ();
  gint64 night, next;

  if (!self->running)
    return;

  read_schedule (self, &schedule);
  action = cramp_reminder_plan (&schedule, &self->state, zone, now, night_stretched_cb, self, &night, &next);
  if (action != CRAMP_REMINDER_WAIT)
    {
      g_debug ("Showing the reminder of night %" G_GINT64_FORMAT "%s", night,
               action == CRAMP_REMINDER_FIRE_SNOOZED ? ", after a snooze" : "");
      show (self, night);
    }

  schedule_check (self, next);
}

/* How the autostart entry starts this program: by name when it is the
 * installed one, by its whole path when it runs from a build folder. */
static char *
autostart_exec (void)
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GString) quoted = NULL;

  if (self_path == NULL || g_str_equal (self_path, BINDIR "/cramp-diary"))
    return g_strdup ("cramp-diary");

  /* the quoting of the Desktop Entry Specification */
  quoted = g_string_new ("\"");
  for (const char *p = self_path; *p; p++)
    {
      if (strchr ("\"`$\\", *p) != NULL)
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/**
 * cramp_reminder_autostart_path:
 *
 * Returns: (transfer full): where the autostart entry goes
 */
char *
cramp_reminder_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

static gboolean
write_autostart (GError **error)
{
  g_autoptr(GBytes) template = NULL;
  g_autofree char *path = cramp_reminder_autostart_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *exec = autostart_exec ();
  g_autofree char *exec_line = g_strdup_printf ("Exec=%s --background", exec);
  g_auto(GStrv) lines = NULL;
  g_autofree char *contents = NULL;

  template = g_resources_lookup_data ("/io/github/crampdiary/CrampDiary/autostart.desktop",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (template == NULL)
    return FALSE;

  lines = g_strsplit (g_bytes_get_data (template, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Exec="))
      {
        g_free (lines[i]);
        lines[i] = g_strdup (exec_line);
      }
  contents = g_strjoinv ("\n", lines);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: %s", folder, g_strerror (saved));
      return FALSE;
    }

  return cramp_file_write_private (path, contents, strlen (contents), error);
}

static void
on_background_requested_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    g_warning ("The Background portal refused to start the reminders at login: %s", error->message);
}

/* Inside Flatpak the sandbox cannot write the autostart folder; the
 * Background portal writes the entry on our behalf. */
static void
request_background (CrampReminderService *self,
                    gboolean              autostart)
{
  GDBusConnection *bus = g_application_get_dbus_connection (self->application);
  const char *commandline[] = { "cramp-diary", "--background", NULL };
  GVariantBuilder options;

  if (bus == NULL)
    return;

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Bedtime stretch reminders, even with the window closed")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                          "org.freedesktop.portal.Background", "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options), NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_background_requested_cb, NULL);
}

/* Makes the reminders start at login, or no longer. */
static void
set_autostart (CrampReminderService *self,
               gboolean              autostart)
{
  g_autoptr(GError) error = NULL;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      request_background (self, autostart);
      return;
    }

  if (autostart)
    {
      if (!write_autostart (&error))
        g_warning ("The reminders could not be set to start at login: %s", error->message);
    }
  else
    {
      g_autofree char *path = cramp_reminder_autostart_path ();

      if (g_unlink (path) != 0 && errno != ENOENT)
        g_warning ("The reminders could not be kept from starting at login: %s: %s",
                   path, g_strerror (errno));
    }
}

static void
start (CrampReminderService *self)
{
  if (self->running)
    return;

  g_debug ("Starting the bedtime reminders");
  self->running = TRUE;
  self->state.last_night = cramp_store_get_last_reminder_night (self->store);
  self->state.snoozed_until = 0;
  /* a reminder due before now was not waited for: it does not come */
  self->state.armed_since = cramp_time_now_unix ();
  g_application_hold (self->application);
  set_autostart (self, TRUE);
  check (self);
}

static void
stop (CrampReminderService *self)
{
  if (!self->running)
    return;

  g_debug ("Stopping the bedtime reminders");
  self->running = FALSE;
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->acted = TRUE;
  close_notification (self);
  g_application_release (self->application);
}

static void
on_enabled_changed_cb (CrampReminderService *self)
{
  gboolean enabled = g_settings_get_boolean (self->settings, "reminders-enabled");

  if (enabled)
    start (self);
  else
    {
      stop (self);
      set_autostart (self, FALSE);
    }
}

static void
on_schedule_changed_cb (CrampReminderService *self)
{
  /* a new time or new days: from now on. A time just set that has
   * passed today comes tomorrow, not at once. */
  self->state.armed_since = cramp_time_now_unix ();
  check (self);
}

static void
cramp_reminder_service_dispose (GObject *object)
{
  CrampReminderService *self = CRAMP_REMINDER_SERVICE (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->notification != NULL)
    g_signal_handlers_disconnect_by_data (self->notification, self);
  g_clear_object (&self->notification);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cramp_reminder_service_parent_class)->dispose (object);
}

static void
cramp_reminder_service_class_init (CrampReminderServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cramp_reminder_service_dispose;
}

static void
cramp_reminder_service_init (CrampReminderService *self)
{
  self->state.last_night = G_MININT64;
  self->state.armed_since = G_MININT64;
}

/**
 * cramp_reminder_service_new:
 * @application: the application to hold while reminders are on
 *
 * Starts the reminders if they are on, and follows the settings.
 */
CrampReminderService *
cramp_reminder_service_new (GApplication *application,
                            CrampStore   *store,
                            GSettings    *settings)
{
  CrampReminderService *self = g_object_new (CRAMP_TYPE_REMINDER_SERVICE, NULL);

  self->application = application;
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);

  g_signal_connect_object (settings, "changed::reminders-enabled",
                           G_CALLBACK (on_enabled_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::reminder-time",
                           G_CALLBACK (on_schedule_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::reminder-weekdays",
                           G_CALLBACK (on_schedule_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::skip-if-stretched",
                           G_CALLBACK (on_schedule_changed_cb), self, G_CONNECT_SWAPPED);

  if (g_settings_get_boolean (settings, "reminders-enabled"))
    start (self);

  return self;
}

gboolean
cramp_reminder_service_is_running (CrampReminderService *self)
{
  g_return_val_if_fail (CRAMP_IS_REMINDER_SERVICE (self), FALSE);

  return self->running;
}

/**
 * cramp_reminder_service_record_done:
 *
 * Records tonight's stretch, from the notification or the stretch guide;
 * a snoozed reminder then does not come back.
 */
gboolean
cramp_reminder_service_record_done (CrampReminderService  *self,
                                    GError               **error)
{
  g_autoptr(GDateTime) now = cramp_time_now ();

  g_return_val_if_fail (CRAMP_IS_REMINDER_SERVICE (self), FALSE);

  if (!cramp_store_add_stretch (self->store, CRAMP_STRETCH_DONE, now, error))
    return FALSE;

  self->state.snoozed_until = 0;
  self->acted = TRUE;
  close_notification (self);
  check (self);
  return TRUE;
}
