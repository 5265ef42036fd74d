/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-service"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cramp-file.h"
#include "cramp-reminder.h"
#include "cramp-service-host.h"
#include "cramp-time.h"

/*
 * The background service, in the application's own process: a host of
 * schedules (the bedtime reminder; the morning check-in to come). While
 * any schedule is on it holds the application, so that closing the
 * window (or starting with --background at login) leaves it running,
 * and it makes the app start at login: an XDG autostart entry, or inside
 * Flatpak the Background portal.
 *
 * It looks at the clock for every schedule when the next one is due and
 * at least once a minute, since timers stop while the computer sleeps
 * and know nothing of clock or time zone changes; and at once when the
 * computer wakes (logind's PrepareForSleep). Each schedule decides what
 * is due.
 */

typedef struct
{
  CrampSchedule *schedule;
  gboolean       running;
} Entry;

struct _CrampServiceHost
{
  GObject          parent_instance;

  GApplication    *application;   /* weak: it owns the session, which owns us */
  GArray          *entries;       /* Entry */
  gboolean         held;          /* the application, while a schedule runs */
  guint            check_source;

  GCancellable    *cancellable;
  GDBusConnection *system_bus;
  guint            sleep_subscription;
};

G_DEFINE_FINAL_TYPE (CrampServiceHost, cramp_service_host, G_TYPE_OBJECT)

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

static gboolean
check_cb (gpointer user_data)
{
  CrampServiceHost *self = user_data;

  self->check_source = 0;
  cramp_service_host_check (self);
  return G_SOURCE_REMOVE;
}

/**
 * cramp_service_host_check:
 *
 * Lets each schedule that runs do what is due now, and looks again when
 * the next is due, or in a minute.
 */
void
cramp_service_host_check (CrampServiceHost *self)
{
  g_autoptr(GTimeZone) zone = current_zone ();
  gint64 now = cramp_time_now_unix ();
  gint64 next = G_MAXINT64;
  gint64 delay_ms;

  g_return_if_fail (CRAMP_IS_SERVICE_HOST (self));

  g_clear_handle_id (&self->check_source, g_source_remove);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      gint64 due;

      if (!entry->running)
        continue;
      due = cramp_schedule_check (entry->schedule, zone, now);
      next = MIN (next, due);
    }

  if (next == G_MAXINT64)
    return;

  /* a little after the second, so that the schedule finds it has come */
  delay_ms = next > now + CRAMP_REMINDER_RECHECK_S ? CRAMP_REMINDER_RECHECK_S * 1000 : MAX (next - now, 0) * 1000;
  self->check_source = g_timeout_add (delay_ms + 20, check_cb, self);
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
 * cramp_service_host_autostart_path:
 *
 * Returns: (transfer full): where the autostart entry goes
 */
char *
cramp_service_host_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

static gboolean
write_autostart (GError **error)
{
  g_autoptr(GBytes) template = NULL;
  g_autofree char *path = cramp_service_host_autostart_path ();
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
request_background (CrampServiceHost *self,
                    gboolean          autostart)
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
set_autostart (CrampServiceHost *self,
               gboolean          autostart)
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
      g_autofree char *path = cramp_service_host_autostart_path ();

      if (g_unlink (path) != 0 && errno != ENOENT)
        g_warning ("The reminders could not be kept from starting at login: %s: %s",
                   path, g_strerror (errno));
    }
}

/* Starts what was turned on, stops what was turned off; holds the
 * application while anything runs, and starts at login while it does. */
static void
update (CrampServiceHost *self)
{
  gint64 now = cramp_time_now_unix ();
  gboolean started = FALSE, stopped = FALSE, running = FALSE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      gboolean enabled = cramp_schedule_get_enabled (entry->schedule);

      if (enabled && !entry->running)
        {
          g_debug ("Starting %s", G_OBJECT_TYPE_NAME (entry->schedule));
          cramp_schedule_start (entry->schedule, now);
          started = TRUE;
        }
      else if (!enabled && entry->running)
        {
          g_debug ("Stopping %s", G_OBJECT_TYPE_NAME (entry->schedule));
          cramp_schedule_stop (entry->schedule);
          stopped = TRUE;
        }
      entry->running = enabled;
      running |= enabled;
    }

  if (running && !self->held && self->application != NULL)
    g_application_hold (self->application);
  else if (!running && self->held && self->application != NULL)
    g_application_release (self->application);
  self->held = running;

  if (started)
    set_autostart (self, TRUE);
  else if (stopped && !running)
    set_autostart (self, FALSE);

  if (!running)
    g_clear_handle_id (&self->check_source, g_source_remove);
  else if (started)
    cramp_service_host_check (self);
}

/* logind says the computer is about to sleep (TRUE) or has woken
 * (FALSE): what fell due while it slept is done now. */
static void
on_prepare_for_sleep_cb (GDBusConnection *connection,
                         const char      *sender,
                         const char      *path,
                         const char      *interface,
                         const char      *signal,
                         GVariant        *parameters,
                         gpointer         user_data)
{
  CrampServiceHost *self = user_data;
  gboolean sleeping = TRUE;

  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    g_variant_get (parameters, "(b)", &sleeping);
  if (!sleeping)
    {
      g_debug ("The computer woke up");
      cramp_service_host_check (self);
    }
}

static void
on_system_bus_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CrampServiceHost) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);

  if (bus == NULL)
    {
      /* no system bus (a container, a test): the minute's look remains */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, so waking from sleep is noticed within a minute: %s", error->message);
      return;
    }

  self->system_bus = bus;
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (bus, "org.freedesktop.login1", "org.freedesktop.login1.Manager",
                                        "PrepareForSleep", "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, on_prepare_for_sleep_cb, self, NULL);
}

static void
cramp_service_host_dispose (GObject *object)
{
  CrampServiceHost *self = CRAMP_SERVICE_HOST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  g_clear_object (&self->system_bus);
  g_clear_handle_id (&self->check_source, g_source_remove);

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      g_signal_handlers_disconnect_by_data (entry->schedule, self);
      g_clear_object (&entry->schedule);
    }
  g_clear_pointer (&self->entries, g_array_unref);

  /* a diary restored in place of a damaged one comes with a new host,
   * which holds the application again */
  if (self->held && self->application != NULL)
    g_application_release (self->application);
  self->held = FALSE;
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (cramp_service_host_parent_class)->dispose (object);
}

static void
cramp_service_host_class_init (CrampServiceHostClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cramp_service_host_dispose;
}

static void
cramp_service_host_init (CrampServiceHost *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->cancellable = g_cancellable_new ();
}

/**
 * cramp_service_host_new:
 * @application: the application to hold while a schedule runs
 */
CrampServiceHost *
cramp_service_host_new (GApplication *application)
{
  CrampServiceHost *self = g_object_new (CRAMP_TYPE_SERVICE_HOST, NULL);

  g_set_weak_pointer (&self->application, application);
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus_cb, g_object_ref (self));

  return self;
}

/**
 * cramp_service_host_add:
 *
 * Hosts @schedule: starts it if it is on, and follows it.
 */
void
cramp_service_host_add (CrampServiceHost *self,
                        CrampSchedule    *schedule)
{
  Entry entry = { g_object_ref (schedule), FALSE };

  g_return_if_fail (CRAMP_IS_SERVICE_HOST (self));
  g_return_if_fail (CRAMP_IS_SCHEDULE (schedule));

  g_array_append_val (self->entries, entry);
  g_signal_connect_object (schedule, "enabled-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (schedule, "times-changed", G_CALLBACK (cramp_service_host_check), self,
                           G_CONNECT_SWAPPED);
  update (self);
}

/**
 * cramp_service_host_is_running:
 *
 * Returns: whether a schedule runs, and holds the application
 */
gboolean
cramp_service_host_is_running (CrampServiceHost *self)
{
  g_return_val_if_fail (CRAMP_IS_SERVICE_HOST (self), FALSE);

  return self->held;
}
