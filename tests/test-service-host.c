/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "cramp-resources.h"
#include "cramp-service-host.h"
#include "cramp-test-utils.h"

/*
 * The background service as a host of schedules, with a schedule of the
 * test's own: it starts what is on and stops what is turned off, holds
 * the application and starts at login while anything runs, and looks at
 * every schedule again at once when the computer wakes. A private D-Bus
 * daemon stands in for the system bus, where the test says what logind
 * says on waking.
 */

#define TEST_TYPE_SCHEDULE (test_schedule_get_type ())
G_DECLARE_FINAL_TYPE (TestSchedule, test_schedule, TEST, SCHEDULE, CrampSchedule)

struct _TestSchedule
{
  CrampSchedule parent_instance;

  gboolean      enabled;
  guint         started;
  guint         stopped;
  guint         checked;
};

G_DEFINE_FINAL_TYPE (TestSchedule, test_schedule, CRAMP_TYPE_SCHEDULE)

static gboolean
test_schedule_get_enabled (CrampSchedule *schedule)
{
  return TEST_SCHEDULE (schedule)->enabled;
}

static void
test_schedule_start (CrampSchedule *schedule,
                     gint64         now)
{
  TEST_SCHEDULE (schedule)->started++;
}

static void
test_schedule_stop (CrampSchedule *schedule)
{
  TEST_SCHEDULE (schedule)->stopped++;
}

/* due in an hour: only a wake, or a change, looks before the minute */
static gint64
test_schedule_check (CrampSchedule *schedule,
                     GTimeZone     *zone,
                     gint64         now)
{
  TEST_SCHEDULE (schedule)->checked++;
  return now + 3600;
}

static void
test_schedule_class_init (TestScheduleClass *klass)
{
  CrampScheduleClass *schedule_class = CRAMP_SCHEDULE_CLASS (klass);

  schedule_class->get_enabled = test_schedule_get_enabled;
  schedule_class->start = test_schedule_start;
  schedule_class->stop = test_schedule_stop;
  schedule_class->check = test_schedule_check;
}

static void
test_schedule_init (TestSchedule *self)
{
}

static void
set_enabled (TestSchedule *schedule,
             gboolean      enabled)
{
  schedule->enabled = enabled;
  cramp_schedule_enabled_changed (CRAMP_SCHEDULE (schedule));
}

/* Says on @bus, as logind does, that the computer is about to sleep
 * (TRUE) or has woken (FALSE). */
static void
prepare_for_sleep (GDBusConnection *bus,
                   gboolean         sleeping)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (bus, NULL, "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                                 "PrepareForSleep", g_variant_new ("(b)", sleeping), &error);
  g_assert_no_error (error);
}

static void
test_host (void)
{
  g_autoptr(GTestDBus) dbus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(GApplication) application = g_application_new (APP_ID ".TestService", G_APPLICATION_NON_UNIQUE);
  g_autoptr(TestSchedule) schedule = g_object_new (TEST_TYPE_SCHEDULE, "application", application, NULL);
  g_autoptr(CrampServiceHost) host = NULL;
  g_autoptr(GDBusConnection) logind = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *autostart = cramp_service_host_autostart_path ();
  guint checked;
  gint64 until;

  /* the test's bus as the system bus, where the test is logind */
  g_test_dbus_up (dbus);
  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", g_test_dbus_get_bus_address (dbus), TRUE);
  logind = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (dbus),
                                                   G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                   G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                   NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (logind, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.login1", 0), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);

  /* off: nothing runs, nothing starts at login */
  host = cramp_service_host_new (application);
  cramp_service_host_add (host, CRAMP_SCHEDULE (schedule));
  g_assert_false (cramp_service_host_is_running (host));
  g_assert_cmpuint (schedule->started + schedule->checked, ==, 0);
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));

  /* on: started, looked at, held, and started at login */
  set_enabled (schedule, TRUE);
  g_assert_true (cramp_service_host_is_running (host));
  g_assert_cmpuint (schedule->started, ==, 1);
  g_assert_cmpuint (schedule->checked, ==, 1);
  g_assert_true (g_file_test (autostart, G_FILE_TEST_EXISTS));

  /* a change of its times: looked at again at once */
  cramp_schedule_times_changed (CRAMP_SCHEDULE (schedule));
  g_assert_cmpuint (schedule->checked, ==, 2);

  /* going to sleep is nothing; waking is a look at once, long before
   * the minute's look (the host connects to the bus as it starts) */
  checked = schedule->checked;
  until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (schedule->checked == checked && g_get_monotonic_time () < until)
    {
      prepare_for_sleep (logind, TRUE);
      g_main_context_iteration (NULL, FALSE);
      prepare_for_sleep (logind, FALSE);
      for (int i = 0; i < 10; i++)
        {
          g_usleep (10000);
          while (g_main_context_iteration (NULL, FALSE))
            ;
        }
    }
  g_assert_cmpuint (schedule->checked, ==, checked + 1);

  /* off again: stopped, let go, and no longer started at login */
  set_enabled (schedule, FALSE);
  g_assert_false (cramp_service_host_is_running (host));
  g_assert_cmpuint (schedule->stopped, ==, 1);
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));

  g_clear_object (&host);
  g_dbus_connection_close_sync (logind, NULL, NULL);
  g_test_dbus_down (dbus);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* the autostart entry's template */
  cramp_register_resource ();

  g_test_add_func ("/service-host/schedules", test_host);

  return g_test_run ();
}
