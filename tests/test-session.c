/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "cramp-session.h"
#include "cramp-store-backup.h"
#include "cramp-store-stretches.h"
#include "cramp-test-utils.h"

/*
 * The session's verbs and their one undo, without a window: what the
 * window, and later the background service, share. Each test has a
 * session of its own on a new diary (the test's own data folder), the
 * clock fixed in Berlin's time zone.
 */

typedef struct
{
  GApplication *application;
  CrampSession *session;
  guint         undo_notified;
  guint         episode_changes;
  guint         stretch_changes;
} Fixture;

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* each test its own diary: G_TEST_OPTION_ISOLATE_DIRS gives it its
   * own data folder */
  cramp_test_set_clock ("2026-11-20T03:14:00+01:00");
  fixture->application = g_application_new (APP_ID ".TestSession", G_APPLICATION_NON_UNIQUE);
  fixture->session = cramp_session_new (fixture->application, settings);
  g_assert_true (cramp_session_has_diary (fixture->session));
  g_signal_connect_swapped (fixture->session, "notify::undo-kind", G_CALLBACK (count_cb),
                            &fixture->undo_notified);
  g_signal_connect_swapped (fixture->session, "changed::episodes", G_CALLBACK (count_cb),
                            &fixture->episode_changes);
  g_signal_connect_swapped (fixture->session, "changed::stretches", G_CALLBACK (count_cb),
                            &fixture->stretch_changes);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->application);
  cramp_test_set_clock (NULL);
}

static guint
n_episodes (Fixture *fixture)
{
  return cramp_store_count (cramp_session_get_store (fixture->session));
}

/* A quick log is the usual cramp, now, and Undo takes it back. */
static void
test_log_and_undo (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CrampEpisode) logged = NULL;
  g_autoptr(CrampEpisode) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *started = NULL;
  CrampUndoKind undone = CRAMP_UNDO_NOTHING;
  CrampUsual usual;

  g_assert_cmpint (cramp_session_get_undo_kind (fixture->session), ==, CRAMP_UNDO_NOTHING);

  logged = cramp_session_log_cramp (fixture->session, &usual, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (logged);
  started = g_date_time_format_iso8601 (cramp_episode_get_started_at (logged));
  g_assert_cmpstr (started, ==, "2026-11-20T03:14:00+01");
  read = cramp_session_lookup (fixture->session, cramp_episode_get_id (logged), NULL);
  g_assert_true (cramp_episode_equal (read, logged));
  g_assert_cmpuint (cramp_session_get_n_episodes (fixture->session), ==, 1);
  g_assert_cmpuint (fixture->episode_changes, ==, 1);
  g_assert_cmpint (cramp_session_get_undo_kind (fixture->session), ==, CRAMP_UNDO_LOG);
  g_assert_cmpuint (fixture->undo_notified, ==, 1);
  g_assert_true (cramp_episode_equal (cramp_session_get_undo_episode (fixture->session), logged));

  g_assert_true (cramp_session_undo (fixture->session, &undone, &error));
  g_assert_no_error (error);
  g_assert_cmpint (undone, ==, CRAMP_UNDO_LOG);
  g_assert_cmpuint (n_episodes (fixture), ==, 0);
  g_assert_cmpuint (cramp_session_get_n_episodes (fixture->session), ==, 0);
  g_assert_cmpint (cramp_session_get_undo_kind (fixture->session), ==, CRAMP_UNDO_NOTHING);
  g_assert_null (cramp_session_get_undo_episode (fixture->session));
  g_assert_cmpuint (fixture->undo_notified, ==, 2);

  /* the one undo is gone with it */
  g_assert_true (cramp_session_undo (fixture->session, &undone, &error));
  g_assert_cmpint (undone, ==, CRAMP_UNDO_NOTHING);
  g_assert_cmpuint (fixture->episode_changes, ==, 2);
  g_assert_cmpuint (fixture->stretch_changes, ==, 0);
}

/* Undo puts a deleted cramp back as it was, under its id. */
static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CrampEpisode) episode = cramp_test_episode ("2026-11-18T02:00:00+01:00", CRAMP_MUSCLE_FOOT);
  g_autoptr(CrampEpisode) back = NULL;
  g_autoptr(GError) error = NULL;
  CrampUndoKind undone;

  cramp_episode_set_notes (episode, "Stood on the cold floor");
  g_assert_true (cramp_session_save_episode (fixture->session, episode, TRUE, &error));
  g_assert_no_error (error);
  /* saved from the editor: nothing to undo there */
  g_assert_cmpint (cramp_session_get_undo_kind (fixture->session), ==, CRAMP_UNDO_NOTHING);

  g_assert_true (cramp_session_delete_episode (fixture->session, cramp_episode_get_id (episode), &error));
  g_assert_cmpuint (n_episodes (fixture), ==, 0);
  g_assert_cmpint (cramp_session_get_undo_kind (fixture->session), ==, CRAMP_UNDO_DELETE);

  g_assert_true (cramp_session_undo (fixture->session, &undone, &error));
  g_assert_no_error (error);
  g_assert_cmpint (undone, ==, CRAMP_UNDO_DELETE);
  back = cramp_session_lookup (fixture->session, cramp_episode_get_id (episode), NULL);
  g_assert_nonnull (back);
  g_assert_true (cramp_episode_equal (back, episode));

  /* one that is no longer there cannot be deleted, and leaves no undo */
  g_assert_true (cramp_session_delete_episode (fixture->session, cramp_episode_get_id (episode), NULL));
  cramp_session_forget_undo (fixture->session);
  g_assert_false (cramp_session_delete_episode (fixture->session, cramp_episode_get_id (episode), &error));
  g_assert_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (cramp_session_get_undo_kind (fixture->session), ==, CRAMP_UNDO_NOTHING);
}

/* A log deleted meanwhile is gone either way: said as such. */
static void
test_undo_gone (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CrampEpisode) logged = cramp_session_log_cramp (fixture->session, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (cramp_store_remove (cramp_session_get_store (fixture->session), cramp_episode_get_id (logged),
                                     NULL));
  g_assert_false (cramp_session_undo (fixture->session, NULL, &error));
  g_assert_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (cramp_session_get_undo_kind (fixture->session), ==, CRAMP_UNDO_NOTHING);
}

/* A restore replaces the diary: nothing of the one before is undone
 * into it. */
static void
test_restore_forgets_undo (Fixture       *fixture,
                           gconstpointer  data)
{
  CrampStore *store = cramp_session_get_store (fixture->session);
  g_autofree char *copy = g_build_filename (g_get_user_data_dir (), "copy.sqlite3", NULL);
  g_autoptr(CrampEpisode) logged = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cramp_store_back_up (store, copy, NULL));
  logged = cramp_session_log_cramp (fixture->session, NULL, NULL, NULL);
  g_assert_cmpint (cramp_session_get_undo_kind (fixture->session), ==, CRAMP_UNDO_LOG);

  /* a backup that is not one changes nothing, the undo with it */
  g_assert_false (cramp_session_restore (fixture->session, "/nonexistent.sqlite3", NULL, &error));
  g_clear_error (&error);
  g_assert_cmpint (cramp_session_get_undo_kind (fixture->session), ==, CRAMP_UNDO_LOG);

  g_assert_true (cramp_session_restore (fixture->session, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cramp_session_get_undo_kind (fixture->session), ==, CRAMP_UNDO_NOTHING);
  g_assert_cmpuint (cramp_session_get_n_episodes (fixture->session), ==, 0);
}

/* A cramp logged on a night marked quiet clears the mark; its undo puts
 * both back as they were, in one change. */
static void
test_log_on_quiet_night (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) now = cramp_time_now ();
  gint64 night = cramp_time_night_of (now);
  g_autoptr(CrampEpisode) logged = NULL;
  g_autoptr(GError) error = NULL;
  gboolean cleared = FALSE;
  CrampNight read;
  guint night_changes = 0;

  g_signal_connect_swapped (fixture->session, "changed::nights", G_CALLBACK (count_cb), &night_changes);

  /* said quiet, with some disturbance, then a cramp after all */
  g_assert_true (cramp_session_mark_night (fixture->session, night, TRUE, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cramp_session_get_undo_kind (fixture->session), ==, CRAMP_UNDO_NIGHT);
  logged = cramp_session_log_cramp (fixture->session, NULL, &cleared, &error);
  g_assert_no_error (error);
  g_assert_true (cleared);
  g_assert_true (cramp_session_get_night (fixture->session, night, &read, NULL));
  g_assert_false (read.quiet);
  g_assert_cmpint (read.sleep_disturbance, ==, 3);
  g_assert_cmpuint (night_changes, ==, 2);

  /* Undo: the cramp goes, the night is quiet again */
  g_assert_true (cramp_session_undo (fixture->session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_episodes (fixture), ==, 0);
  g_assert_true (cramp_session_get_night (fixture->session, night, &read, NULL));
  g_assert_true (read.quiet);
  g_assert_cmpint (read.sleep_disturbance, ==, 3);
  g_assert_cmpuint (fixture->episode_changes, ==, 2);
  g_assert_cmpuint (night_changes, ==, 3);

  /* nothing said of a night leaves no record of it; a log on a night
   * not marked quiet has nothing of the night to undo */
  g_clear_object (&logged);
  g_assert_true (cramp_session_mark_night (fixture->session, night, FALSE, CRAMP_UNSET, NULL));
  g_assert_false (cramp_session_get_night (fixture->session, night, &read, NULL));
  logged = cramp_session_log_cramp (fixture->session, NULL, &cleared, NULL);
  g_assert_false (cleared);
  g_assert_true (cramp_session_undo (fixture->session, NULL, NULL));
  g_assert_false (cramp_session_get_night (fixture->session, night, &read, NULL));
}

/* What is said of a night can be taken back: to what it was, or to
 * nothing said. */
static void
test_mark_night_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 night = 20517;
  g_autoptr(GError) error = NULL;
  CrampUndoKind undone;
  CrampNight read;

  g_assert_true (cramp_session_mark_night (fixture->session, night, TRUE, CRAMP_UNSET, NULL));
  g_assert_true (cramp_session_undo (fixture->session, &undone, &error));
  g_assert_no_error (error);
  g_assert_cmpint (undone, ==, CRAMP_UNDO_NIGHT);
  g_assert_false (cramp_session_get_night (fixture->session, night, &read, NULL));

  g_assert_true (cramp_session_mark_night (fixture->session, night, TRUE, CRAMP_UNSET, NULL));
  g_assert_true (cramp_session_mark_night (fixture->session, night, TRUE, 7, NULL));
  g_assert_true (cramp_session_undo (fixture->session, NULL, NULL));
  g_assert_true (cramp_session_get_night (fixture->session, night, &read, NULL));
  g_assert_true (read.quiet);
  g_assert_cmpint (read.sleep_disturbance, ==, CRAMP_UNSET);
}

/* A view hears of what it shows: a stretch is no change of episodes. */
static void
test_changed_details (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) at = cramp_time_now ();

  g_assert_true (cramp_store_add_stretch (cramp_session_get_store (fixture->session), CRAMP_STRETCH_DONE, at, NULL));
  g_assert_cmpuint (fixture->stretch_changes, ==, 1);
  g_assert_cmpuint (fixture->episode_changes, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/session/log-and-undo", test_log_and_undo);
  ADD ("/session/delete-and-undo", test_delete_and_undo);
  ADD ("/session/undo-gone", test_undo_gone);
  ADD ("/session/restore-forgets-undo", test_restore_forgets_undo);
  ADD ("/session/changed-details", test_changed_details);
  ADD ("/session/log-on-quiet-night", test_log_on_quiet_night);
  ADD ("/session/mark-night-undo", test_mark_night_undo);

  return g_test_run ();
}
