/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cramp-episode-list.h"
#include "cramp-store-backup.h"
#include "cramp-store-episodes.h"
#include "cramp-store-experiments.h"
#include "cramp-store-nights.h"
#include "cramp-store-private.h"
#include "cramp-store-profile.h"
#include "cramp-store-stretches.h"
#include "cramp-stretch-log.h"
#include "cramp-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = cramp_test_mkdtemp ();
  fixture->path = g_build_filename (fixture->dir, "cramp-diary", "diary.sqlite3", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cramp_test_set_clock (NULL);
  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
  cramp_test_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static CrampStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  CrampStore *store = cramp_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gint64
pragma (const char *path,
        const char *name)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", name);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CrampStore) store = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  mode_t old_umask = umask (022);

  store = open_store (fixture->path);
  umask (old_umask);

  g_assert_cmpuint (cramp_test_file_mode (folder), ==, 0700);
  g_assert_cmpuint (cramp_test_file_mode (fixture->path), ==, 0600);
  g_assert_cmpint (cramp_store_count (store), ==, 0);
  g_assert_cmpint (pragma (fixture->path, "application_id"), ==, CRAMP_STORE_APPLICATION_ID);
  g_assert_cmpint (pragma (fixture->path, "user_version"), ==, cramp_store_schema_version ());

  /* WAL, and no temporary file of the creation left behind */
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)))
      g_assert_true (g_str_has_prefix (name, "diary.sqlite3"));
  }
  g_clear_object (&store);
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL);
    sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

static void
test_private_under_umask (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(CrampEpisode) episode = cramp_test_episode ("2026-03-02T03:14:00+01:00", CRAMP_MUSCLE_CALF);
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  mode_t old_umask = umask (0);

  /* even a folder that exists with looser rights is made private */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0777), ==, 0);
  store = open_store (fixture->path);
  g_assert_true (cramp_store_add (store, episode, NULL));
  umask (old_umask);

  g_assert_cmpuint (cramp_test_file_mode (folder), ==, 0700);
  g_assert_cmpuint (cramp_test_file_mode (fixture->path), ==, 0600);
  g_assert_cmpuint (cramp_test_file_mode (wal), ==, 0600);
  g_assert_cmpuint (cramp_test_file_mode (shm), ==, 0600);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CrampStore) store = open_store (fixture->path);
  g_autoptr(CrampEpisode) episode = cramp_test_episode ("2026-03-02T03:14:00+09:00", CRAMP_MUSCLE_FOOT);
  g_autoptr(CrampEpisode) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *meds[] = { "Furosemide", NULL };

  cramp_episode_set_duration (episode, 95);
  cramp_episode_set_symptoms (episode, CRAMP_SYMPTOM_SWELLING | CRAMP_SYMPTOM_SORES);
  cramp_episode_set_medications (episode, meds);
  cramp_episode_set_notes (episode, "抽筋 — “night”");
  cramp_episode_set_woke_from_sleep (episode, FALSE);
  g_assert_true (cramp_store_add (store, episode, &error));
  g_assert_no_error (error);
  g_assert_nonnull (cramp_episode_get_id (episode));
  g_clear_object (&store);

  store = open_store (fixture->path);
  again = cramp_store_lookup (store, cramp_episode_get_id (episode), &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_true (cramp_episode_equal (episode, again));
  /* the offset of the clock it was logged on is kept */
  g_assert_cmpint (cramp_time_utc_offset (cramp_episode_get_started_at (again)), ==, 9 * 3600);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The diary's episode columns follow the field table: the id, the
 * start as two columns, then every other field under its CSV name. */
static void
test_episode_columns (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(GStrv) columns = g_strsplit (CRAMP_STORE_EPISODE_COLUMNS, ", ", -1);

  g_assert_cmpuint (g_strv_length (columns), ==, CRAMP_N_FIELDS + 1);
  g_assert_cmpstr (columns[0], ==, "id");
  g_assert_cmpstr (columns[1], ==, "started_utc");
  g_assert_cmpstr (columns[2], ==, "utc_offset");
  for (CrampField field = CRAMP_FIELD_DURATION; field < CRAMP_N_FIELDS; field++)
    g_assert_cmpstr (columns[field + 1], ==, cramp_field_name (field));
}

/* The profile's properties notify when they change, and only then. */
static void
test_profile_properties (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CrampProfile) profile = cramp_profile_new ();
  g_autofree char *name = NULL;
  guint notified = 0;
  guint year = 0, conditions = 0;

  g_signal_connect_swapped (profile, "notify", G_CALLBACK (count_cb), &notified);

  cramp_profile_set_birth_year (profile, 1950);
  cramp_profile_set_birth_year (profile, 1950);
  g_object_set (profile, "conditions", CRAMP_CONDITION_SMOKING | CRAMP_CONDITION_ARTERIAL_DISEASE, NULL);
  cramp_profile_set_conditions (profile, CRAMP_CONDITION_SMOKING | CRAMP_CONDITION_ARTERIAL_DISEASE);
  cramp_profile_set_patient_name (profile, " Ada ");
  cramp_profile_set_patient_name (profile, "Ada");
  g_assert_cmpuint (notified, ==, 3);

  g_object_get (profile, "birth-year", &year, "conditions", &conditions, "patient-name", &name, NULL);
  g_assert_cmpuint (year, ==, 1950);
  g_assert_cmpuint (conditions, ==, CRAMP_CONDITION_SMOKING | CRAMP_CONDITION_ARTERIAL_DISEASE);
  g_assert_cmpstr (name, ==, "Ada");

  /* an empty name is no name */
  cramp_profile_set_patient_name (profile, "  ");
  g_assert_null (cramp_profile_get_patient_name (profile));
  g_assert_cmpuint (notified, ==, 4);
}

static void
test_add_update_remove (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CrampStore) store = open_store (fixture->path);
  g_autoptr(CrampEpisode) episode = cramp_test_episode ("2026-03-02T03:14:00+01:00", CRAMP_MUSCLE_CALF);
  g_autoptr(CrampEpisode) read = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect_swapped (store, "changed", G_CALLBACK (count_cb), &changes);

  g_assert_true (cramp_store_add (store, episode, &error));
  g_assert_cmpuint (changes, ==, 1);

  /* the same id twice is refused */
  g_assert_false (cramp_store_add (store, episode, &error));
  g_assert_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 1);

  cramp_episode_set_intensity (episode, 9);
  g_assert_true (cramp_store_update (store, episode, &error));
  read = cramp_store_lookup (store, cramp_episode_get_id (episode), NULL);
  g_assert_cmpint (cramp_episode_get_intensity (read), ==, 9);
  g_assert_cmpuint (changes, ==, 2);

  /* an invalid episode is refused and changes nothing */
  cramp_episode_set_intensity (episode, 11);
  g_assert_false (cramp_store_update (store, episode, &error));
  g_assert_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&read);
  read = cramp_store_lookup (store, cramp_episode_get_id (episode), NULL);
  g_assert_cmpint (cramp_episode_get_intensity (read), ==, 9);

  g_assert_true (cramp_store_remove (store, cramp_episode_get_id (episode), &error));
  g_assert_cmpint (cramp_store_count (store), ==, 0);
  g_assert_false (cramp_store_remove (store, cramp_episode_get_id (episode), &error));
  g_assert_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  cramp_episode_set_intensity (episode, 1);
  g_assert_false (cramp_store_update (store, episode, &error));
  g_assert_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_NOT_FOUND);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CrampStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint added = 0, skipped = 0;

  g_ptr_array_add (episodes, cramp_test_episode ("2026-03-01T03:00:00+01:00", CRAMP_MUSCLE_CALF));
  g_ptr_array_add (episodes, cramp_test_episode ("2026-03-02T03:00:00+01:00", CRAMP_MUSCLE_CALF));
  g_assert_true (cramp_store_import (store, episodes, &added, &skipped, &error));
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (skipped, ==, 0);

  /* again: the ids are known now */
  g_assert_true (cramp_store_import (store, episodes, &added, &skipped, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 2);

  /* one invalid episode and none is imported */
  g_ptr_array_add (episodes, cramp_test_episode ("2026-03-03T03:00:00+01:00", CRAMP_MUSCLE_CALF));
  cramp_episode_set_duration (g_ptr_array_index (episodes, 2), 0);
  g_ptr_array_add (episodes, cramp_test_episode ("2026-03-04T03:00:00+01:00", CRAMP_MUSCLE_CALF));
  g_assert_false (cramp_store_import (store, episodes, &added, &skipped, &error));
  g_assert_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_INVALID);
  g_assert_cmpint (cramp_store_count (store), ==, 2);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CrampStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GDateTime) since = cramp_time_parse ("2026-03-02T00:00:00Z", NULL);
  g_autoptr(GDateTime) until = cramp_time_parse ("2026-03-03T02:00:00Z", NULL);
  const char *starts[] = {
    "2026-03-03T03:00:00+01:00", "2026-03-01T03:00:00+01:00", "2026-03-02T01:00:00+01:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_autoptr(CrampEpisode) episode = cramp_test_episode (starts[i], CRAMP_MUSCLE_CALF);
      g_assert_true (cramp_store_add (store, episode, NULL));
    }

  all = cramp_store_list (store, NULL, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 3);
  /* oldest first */
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (g_date_time_compare (cramp_episode_get_started_at (g_ptr_array_index (all, i - 1)),
                                          cramp_episode_get_started_at (g_ptr_array_index (all, i))), <, 0);

  /* [since, until], by the instant: 01:00+01:00 on the 2nd is 00:00Z,
   * inside; 03:00+01:00 on the 3rd is 02:00Z, the edge, inside too */
  some = cramp_store_list (store, since, until, NULL);
  g_assert_cmpuint (some->len, ==, 2);
}

/* Logs a cramp "now", the clock reading @utc, as the window does */
static void
log_at (CrampStore *store,
        const char *utc)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(CrampEpisode) episode = NULL;

  cramp_test_set_clock (utc);
  now = cramp_time_now ();
  episode = cramp_episode_new (now);
  cramp_episode_set_muscle (episode, CRAMP_MUSCLE_CALF);
  g_assert_true (cramp_store_add (store, episode, NULL));
}

/* The nights Berlin's clocks change: a cramp logged in the hour that
 * comes twice keeps its own offset and stands where it happened; one
 * just after the hour that is missing reads as the clock showed. */
static void
test_list_dst (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(CrampEpisodeList) newest_first = NULL;
  const char *expected[] = {
    "2027-03-28T03:05:00+02:00",
    "2027-10-31T02:30:00+02:00", "2027-10-31T02:50:00+02:00", "2027-10-31T02:10:00+01:00",
  };

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  store = open_store (fixture->path);
  log_at (store, "2027-03-28T01:05:00Z");
  log_at (store, "2027-10-31T00:30:00Z");
  log_at (store, "2027-10-31T01:10:00Z");
  log_at (store, "2027-10-31T00:50:00Z");

  /* read back from the file: oldest first, by the instant */
  g_clear_object (&store);
  store = open_store (fixture->path);
  all = cramp_store_list (store, NULL, NULL, NULL);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *text = cramp_time_format (cramp_episode_get_started_at (g_ptr_array_index (all, i)));

      g_assert_cmpstr (text, ==, expected[i]);
    }
  /* the three of the long night are of one night */
  g_assert_cmpint (cramp_episode_get_night (g_ptr_array_index (all, 1)), ==,
                   cramp_episode_get_night (g_ptr_array_index (all, 3)));

  /* the history's model, newest first */
  newest_first = cramp_episode_list_new (store);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CrampEpisode) episode = g_list_model_get_item (G_LIST_MODEL (newest_first), i);
      g_autofree char *text = cramp_time_format (cramp_episode_get_started_at (episode));

      g_assert_cmpstr (text, ==, expected[G_N_ELEMENTS (expected) - 1 - i]);
    }

  g_setenv ("TZ", "UTC", TRUE);
}

static CrampUsual
usual_at (CrampStore *store,
          const char *iso)
{
  g_autoptr(GDateTime) at = cramp_time_parse (iso, NULL);
  CrampUsual usual;

  g_assert_nonnull (at);
  cramp_store_get_usual (store, at, &usual);
  return usual;
}

static void
test_usual (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CrampStore) store = open_store (fixture->path);
  CrampUsual usual;
  const struct {
    const char *when;
    CrampMuscle muscle;
    CrampSide side;
    CrampActivity activity;
    int woke;
  } logged[] = {
    /* nights, on the clock where each was logged */
    { "2026-03-01T03:00:00+01:00", CRAMP_MUSCLE_CALF, CRAMP_SIDE_LEFT, CRAMP_ACTIVITY_SLEEPING, TRUE },
    { "2026-03-02T23:30:00+01:00", CRAMP_MUSCLE_CALF, CRAMP_SIDE_RIGHT, CRAMP_ACTIVITY_SLEEPING, TRUE },
    { "2026-03-03T05:59:00+01:00", CRAMP_MUSCLE_FOOT, CRAMP_SIDE_LEFT, CRAMP_ACTIVITY_RESTING, FALSE },
    { "2026-03-04T22:00:00+01:00", CRAMP_MUSCLE_CALF, CRAMP_SIDE_UNKNOWN, CRAMP_ACTIVITY_UNKNOWN, CRAMP_UNSET },
    { "2026-03-05T01:00:00+01:00", CRAMP_MUSCLE_UNKNOWN, CRAMP_SIDE_UNKNOWN, CRAMP_ACTIVITY_SLEEPING, TRUE },
    /* days: more of them, another leg and other doings */
    { "2026-03-06T06:00:00+01:00", CRAMP_MUSCLE_THIGH_BACK, CRAMP_SIDE_RIGHT, CRAMP_ACTIVITY_WALKING, FALSE },
    { "2026-03-07T15:00:00+01:00", CRAMP_MUSCLE_THIGH_BACK, CRAMP_SIDE_RIGHT, CRAMP_ACTIVITY_WALKING, FALSE },
    { "2026-03-08T21:59:00+01:00", CRAMP_MUSCLE_THIGH_BACK, CRAMP_SIDE_RIGHT, CRAMP_ACTIVITY_SITTING, CRAMP_UNSET },
    { "2026-03-09T12:00:00+01:00", CRAMP_MUSCLE_THIGH_BACK, CRAMP_SIDE_RIGHT, CRAMP_ACTIVITY_WALKING, FALSE },
    { "2026-03-10T12:00:00+01:00", CRAMP_MUSCLE_THIGH_BACK, CRAMP_SIDE_RIGHT, CRAMP_ACTIVITY_WALKING, FALSE },
    { "2026-03-11T12:00:00+01:00", CRAMP_MUSCLE_THIGH_BACK, CRAMP_SIDE_RIGHT, CRAMP_ACTIVITY_WALKING, FALSE },
  };

  /* an empty diary: nothing is known of the leg; a first night-time
   * cramp woke the user, a first daytime one assumes nothing */
  usual = usual_at (store, "2026-03-20T03:14:00+01:00");
  g_assert_cmpint (usual.muscle, ==, CRAMP_MUSCLE_UNKNOWN);
  g_assert_cmpint (usual.side, ==, CRAMP_SIDE_UNKNOWN);
  g_assert_cmpint (usual.activity, ==, CRAMP_ACTIVITY_SLEEPING);
  g_assert_cmpint (usual.woke_from_sleep, ==, TRUE);
  usual = usual_at (store, "2026-03-20T14:00:00+01:00");
  g_assert_cmpint (usual.activity, ==, CRAMP_ACTIVITY_UNKNOWN);
  g_assert_cmpint (usual.woke_from_sleep, ==, CRAMP_UNSET);

  for (guint i = 0; i < G_N_ELEMENTS (logged); i++)
    {
      g_autoptr(CrampEpisode) episode = cramp_test_episode (logged[i].when, logged[i].muscle);

      cramp_episode_set_side (episode, logged[i].side);
      cramp_episode_set_activity (episode, logged[i].activity);
      cramp_episode_set_woke_from_sleep (episode, logged[i].woke);
      g_assert_true (cramp_store_add (store, episode, NULL));
    }

  /* at night, from the night-time cramps only: calf 3 to foot 1, left
   * 2 to right 1, sleeping 3 to resting 1, woken 3 to 1; not recorded
   * does not count */
  usual = usual_at (store, "2026-03-20T03:14:00+01:00");
  g_assert_cmpint (usual.muscle, ==, CRAMP_MUSCLE_CALF);
  g_assert_cmpint (usual.side, ==, CRAMP_SIDE_LEFT);
  g_assert_cmpint (usual.activity, ==, CRAMP_ACTIVITY_SLEEPING);
  g_assert_cmpint (usual.woke_from_sleep, ==, TRUE);

  /* the night begins at 22:00 on the clock of the log (13:00 UTC) */
  usual = usual_at (store, "2026-03-20T22:00:00+09:00");
  g_assert_cmpint (usual.muscle, ==, CRAMP_MUSCLE_CALF);

  /* by day, from the daytime cramps only; 06:00 and 21:59 are day */
  usual = usual_at (store, "2026-03-20T21:59:00+01:00");
  g_assert_cmpint (usual.muscle, ==, CRAMP_MUSCLE_THIGH_BACK);
  g_assert_cmpint (usual.side, ==, CRAMP_SIDE_RIGHT);
  g_assert_cmpint (usual.activity, ==, CRAMP_ACTIVITY_WALKING);
  g_assert_cmpint (usual.woke_from_sleep, ==, FALSE);
}

static void
test_usual_fallback (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CrampStore) store = open_store (fixture->path);
  g_autoptr(CrampEpisode) day = cramp_test_episode ("2026-03-06T15:00:00+01:00", CRAMP_MUSCLE_CALF);
  /* 17:00 UTC, and 02:00 on the clock where it was logged */
  g_autoptr(CrampEpisode) night = cramp_test_episode ("2026-03-07T02:00:00+09:00", CRAMP_MUSCLE_UNKNOWN);
  CrampUsual usual;

  cramp_episode_set_side (day, CRAMP_SIDE_LEFT);
  cramp_episode_set_activity (day, CRAMP_ACTIVITY_WALKING);
  g_assert_true (cramp_store_add (store, day, NULL));

  /* no cramp yet at night: the leg from the day, the rest as for a
   * first night */
  usual = usual_at (store, "2026-03-20T03:14:00+01:00");
  g_assert_cmpint (usual.muscle, ==, CRAMP_MUSCLE_CALF);
  g_assert_cmpint (usual.side, ==, CRAMP_SIDE_LEFT);
  g_assert_cmpint (usual.activity, ==, CRAMP_ACTIVITY_SLEEPING);
  g_assert_cmpint (usual.woke_from_sleep, ==, TRUE);

  /* a night-time cramp with nothing recorded: still the leg from the
   * day, and nothing more assumed, since this user's nights say nothing */
  g_assert_true (cramp_store_add (store, night, NULL));
  usual = usual_at (store, "2026-03-20T03:14:00+01:00");
  g_assert_cmpint (usual.muscle, ==, CRAMP_MUSCLE_CALF);
  g_assert_cmpint (usual.side, ==, CRAMP_SIDE_LEFT);
  g_assert_cmpint (usual.activity, ==, CRAMP_ACTIVITY_UNKNOWN);
  g_assert_cmpint (usual.woke_from_sleep, ==, CRAMP_UNSET);
}

static void
test_medication_names (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CrampStore) store = open_store (fixture->path);
  g_auto(GStrv) names = NULL;
  const char *lists[][3] = {
    { "Atorvastatin", "Furosemide", NULL },
    { "furosemide", NULL },
    { "Furosemide", "Naproxen", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *when = g_strdup_printf ("2026-03-0%uT03:00:00Z", i + 1);
      g_autoptr(CrampEpisode) episode = cramp_test_episode (when, CRAMP_MUSCLE_CALF);
      cramp_episode_set_medications (episode, lists[i]);
      g_assert_true (cramp_store_add (store, episode, NULL));
    }

  names = cramp_store_list_medication_names (store);
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  /* most used first, each once whatever its case */
  {
    g_autofree char *first = g_utf8_casefold (names[0], -1);
    g_assert_cmpstr (first, ==, "furosemide");
  }
  g_assert_true (g_strv_contains ((const char * const *) names, "Atorvastatin"));
  g_assert_true (g_strv_contains ((const char * const *) names, "Naproxen"));
}

static void
test_profile (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CrampStore) store = open_store (fixture->path);
  g_autoptr(CrampProfile) profile = NULL;
  g_autoptr(CrampProfile) read = NULL;
  g_autoptr(GError) error = NULL;
  GDate started, stopped, date;

  /* a new diary has an empty profile */
  profile = cramp_store_get_profile (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cramp_profile_get_conditions (profile), ==, 0);
  g_assert_cmpuint (cramp_profile_get_n_medications (profile), ==, 0);
  g_assert_null (cramp_profile_get_patient_name (profile));

  g_date_clear (&started, 1);
  g_date_clear (&stopped, 1);
  g_date_set_dmy (&started, 3, 3, 2026);
  g_date_set_dmy (&stopped, 1, 6, 2026);
  cramp_profile_set_conditions (profile, CRAMP_CONDITION_DIABETES | CRAMP_CONDITION_SMOKING);
  cramp_profile_set_patient_name (profile, "  Ana María Núñez ");
  g_assert_true (cramp_profile_add_medication (profile, "Atorvastatin 20 mg", &started, NULL, NULL));
  g_assert_true (cramp_profile_add_medication (profile, "Furosemide", &started, &stopped, NULL));
  g_assert_true (cramp_profile_add_medication (profile, "Vitamin D", NULL, NULL, NULL));

  /* refused: stopped before started, or a name with ";" */
  g_assert_false (cramp_profile_add_medication (profile, "X", &stopped, &started, &error));
  g_assert_error (error, CRAMP_PROFILE_ERROR, CRAMP_PROFILE_ERROR_DATES);
  g_clear_error (&error);
  g_assert_false (cramp_profile_add_medication (profile, "A; B", NULL, NULL, &error));
  g_assert_error (error, CRAMP_PROFILE_ERROR, CRAMP_PROFILE_ERROR_NAME);
  g_clear_error (&error);

  g_assert_true (cramp_store_set_profile (store, profile, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = open_store (fixture->path);
  read = cramp_store_get_profile (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cramp_profile_get_conditions (read), ==, CRAMP_CONDITION_DIABETES | CRAMP_CONDITION_SMOKING);
  g_assert_cmpstr (cramp_profile_get_patient_name (read), ==, "Ana María Núñez");
  g_assert_cmpuint (cramp_profile_get_n_medications (read), ==, 3);
  g_assert_cmpstr (cramp_profile_get_medication_name (read, 1), ==, "Furosemide");
  g_assert_true (cramp_profile_get_medication_started (read, 1, &date));
  g_assert_cmpint (g_date_compare (&date, &started), ==, 0);
  g_assert_true (cramp_profile_get_medication_stopped (read, 1, &date));
  g_assert_cmpint (g_date_compare (&date, &stopped), ==, 0);
  g_assert_false (cramp_profile_get_medication_started (read, 2, NULL));
  g_assert_false (cramp_profile_get_medication_stopped (read, 0, NULL));

  /* the dates in words, as the preferences and the report say them */
  {
    g_autoptr(CrampProfile) stopped_only = cramp_profile_new ();
    g_autofree char *since = cramp_profile_describe_medication_dates (read, 0);
    g_autofree char *from_to = cramp_profile_describe_medication_dates (read, 1);
    g_autofree char *unknown = cramp_profile_describe_medication_dates (read, 2);
    g_autofree char *stopped_on = NULL;

    g_assert_true (cramp_profile_add_medication (stopped_only, "Quinine", NULL, &stopped, NULL));
    stopped_on = cramp_profile_describe_medication_dates (stopped_only, 0);
    g_assert_true (g_str_has_prefix (since, "Since ") && strstr (since, "2026") != NULL);
    g_assert_true (g_str_has_prefix (from_to, "From ") && strstr (from_to, " to ") != NULL);
    g_assert_cmpstr (unknown, ==, "Start not known");
    g_assert_true (g_str_has_prefix (stopped_on, "Stopped on "));
  }

  /* replaced as a whole */
  cramp_profile_remove_medication (read, 0);
  g_assert_true (cramp_store_set_profile (store, read, NULL));
  g_clear_object (&profile);
  profile = cramp_store_get_profile (store, NULL);
  g_assert_cmpuint (cramp_profile_get_n_medications (profile), ==, 2);
  g_assert_cmpstr (cramp_profile_get_medication_name (profile, 0), ==, "Furosemide");
}

static void
test_external_changes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CrampStore) window = open_store (fixture->path);
  g_autoptr(CrampStore) command_line = open_store (fixture->path);
  g_autoptr(CrampEpisode) episode = cramp_test_episode ("2026-03-02T03:14:00+01:00", CRAMP_MUSCLE_CALF);
  guint changes = 0;

  g_signal_connect_swapped (window, "changed::episodes", G_CALLBACK (count_cb), &changes);
  g_assert_false (cramp_store_check_for_changes (window));

  g_assert_true (cramp_store_add (command_line, episode, NULL));
  g_assert_true (cramp_store_check_for_changes (window));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (cramp_store_count (window), ==, 1);
  g_assert_false (cramp_store_check_for_changes (window));
}

typedef struct
{
  CrampEpisode *episode;
  gboolean      fail;
} TwoCramps;

/* Adds two cramps; then fails, if asked to. */
static gboolean
add_two_cb (CrampStore  *store,
            gpointer     user_data,
            GError     **error)
{
  TwoCramps *two = user_data;
  g_autoptr(CrampEpisode) other = cramp_test_episode ("2026-03-03T03:00:00+01:00", CRAMP_MUSCLE_FOOT);
  gboolean added;

  if (!cramp_store_import_episode (store, two->episode, &added, error) ||
      !cramp_store_import_episode (store, other, &added, error))
    return FALSE;

  if (two->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
      return FALSE;
    }

  return TRUE;
}

/* One write function: its change is all there or not at all, and it is
 * heard, once, by those who listen to the part it changed. */
static void
test_write (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CrampStore) store = open_store (fixture->path);
  g_autoptr(CrampEpisode) episode = cramp_test_episode ("2026-03-02T03:14:00+01:00", CRAMP_MUSCLE_CALF);
  g_autoptr(CrampProfile) profile = cramp_profile_new ();
  g_autoptr(GDateTime) at = cramp_time_parse ("2026-03-05T22:00:00+01:00", NULL);
  g_autoptr(GError) error = NULL;
  TwoCramps two = { episode, TRUE };
  guint episodes = 0, profiles = 0, stretches = 0, all = 0, notified = 0;

  g_signal_connect_swapped (store, "changed::episodes", G_CALLBACK (count_cb), &episodes);
  g_signal_connect_swapped (store, "changed::profile", G_CALLBACK (count_cb), &profiles);
  g_signal_connect_swapped (store, "changed::stretches", G_CALLBACK (count_cb), &stretches);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (count_cb), &all);
  g_signal_connect_swapped (store, "notify::n-episodes", G_CALLBACK (count_cb), &notified);

  /* a change that fails leaves nothing, and is not heard */
  g_assert_false (cramp_store_write (store, CRAMP_STORE_CHANGE_EPISODES, add_two_cb, &two, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (cramp_store_count (store), ==, 0);
  g_assert_cmpuint (cramp_store_get_n_episodes (store), ==, 0);
  g_assert_cmpuint (all + notified, ==, 0);

  /* one that succeeds is all there, and heard once */
  two.fail = FALSE;
  g_assert_true (cramp_store_write (store, CRAMP_STORE_CHANGE_EPISODES, add_two_cb, &two, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cramp_store_count (store), ==, 2);
  g_assert_cmpuint (cramp_store_get_n_episodes (store), ==, 2);
  g_assert_cmpuint (episodes, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (all, ==, 1);

  /* each part by its own detail */
  g_assert_true (cramp_store_set_profile (store, profile, NULL));
  g_assert_true (cramp_store_add_stretch (store, CRAMP_STRETCH_DONE, at, NULL));
  g_assert_true (cramp_store_remove (store, cramp_episode_get_id (episode), NULL));
  g_assert_cmpuint (episodes, ==, 2);
  g_assert_cmpuint (profiles, ==, 1);
  g_assert_cmpuint (stretches, ==, 1);
  g_assert_cmpuint (all, ==, 4);

  /* the count is kept, not counted again, and right */
  g_assert_cmpuint (cramp_store_get_n_episodes (store), ==, 1);
  g_assert_cmpuint (cramp_store_count (store), ==, 1);
  g_assert_cmpuint (notified, ==, 2);
}

static gint64
night_of (const char *iso)
{
  g_autoptr(GDateTime) at = cramp_time_parse (iso, NULL);

  return cramp_time_night_of (at);
}

/* What the user says of a night, and a cramp that comes on a night
 * marked quiet. */
static void
test_nights (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CrampStore) store = open_store (fixture->path);
  /* Honolulu: by UTC, 02:30 there is already the next day's afternoon */
  g_autoptr(CrampEpisode) late = cramp_test_episode ("2026-03-07T02:30:00-10:00", CRAMP_MUSCLE_CALF);
  g_autoptr(GArray) nights = NULL;
  g_autoptr(GError) error = NULL;
  gint64 friday = night_of ("2026-03-06T22:00:00-10:00");
  gint64 saturday = friday + 1;
  CrampNight record = { friday, TRUE, 2, 1772800000 };
  CrampNight read;
  guint episode_changes = 0, night_changes = 0;

  g_signal_connect_swapped (store, "changed::episodes", G_CALLBACK (count_cb), &episode_changes);
  g_signal_connect_swapped (store, "changed::nights", G_CALLBACK (count_cb), &night_changes);

  /* a quiet night, with how much cramps disturbed the sleep */
  g_assert_false (cramp_store_get_night (store, friday, &read, &error));
  g_assert_no_error (error);
  g_assert_true (cramp_store_set_night (store, &record, &error));
  g_assert_no_error (error);
  g_assert_true (cramp_store_get_night (store, friday, &read, NULL));
  g_assert_true (read.quiet);
  g_assert_cmpint (read.sleep_disturbance, ==, 2);
  g_assert_cmpuint (night_changes, ==, 1);
  g_assert_cmpuint (episode_changes, ==, 0);

  /* out of range: refused */
  record.sleep_disturbance = 11;
  g_assert_false (cramp_store_set_night (store, &record, &error));
  g_assert_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  record.sleep_disturbance = 2;

  /* 02:30 on Saturday, on its own clock, is Friday's night: logging it
   * clears Friday's quiet mark in the same change, and keeps the rest */
  g_assert_true (cramp_store_add (store, late, &error));
  g_assert_no_error (error);
  g_assert_true (cramp_store_get_night (store, friday, &read, NULL));
  g_assert_false (read.quiet);
  g_assert_cmpint (read.sleep_disturbance, ==, 2);
  g_assert_cmpuint (episode_changes, ==, 1);
  g_assert_cmpuint (night_changes, ==, 2);

  /* a night with a cramp cannot be marked quiet; the next one can */
  g_assert_false (cramp_store_set_night (store, &record, &error));
  g_assert_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "02:30"));
  g_clear_error (&error);
  record.night = saturday;
  g_assert_true (cramp_store_set_night (store, &record, NULL));

  nights = cramp_store_list_nights (store, friday - 10, saturday + 10, NULL);
  g_assert_cmpuint (nights->len, ==, 2);
  g_assert_cmpint (g_array_index (nights, CrampNight, 0).night, ==, friday);
  g_assert_cmpint (g_array_index (nights, CrampNight, 1).night, ==, saturday);

  /* a night forgotten has no record */
  night_changes = 0;
  g_assert_true (cramp_store_remove_night (store, saturday, NULL));
  g_assert_false (cramp_store_get_night (store, saturday, &read, NULL));
  g_assert_cmpuint (night_changes, ==, 1);
}

/* n-episodes follows every change, here, in another process, by import
 * and by restore, and is notified only when it changed. */
static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CrampStore) window = open_store (fixture->path);
  g_autoptr(CrampStore) command_line = open_store (fixture->path);
  g_autoptr(CrampEpisode) episode = cramp_test_episode ("2026-03-02T03:14:00+01:00", CRAMP_MUSCLE_CALF);
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.sqlite3", NULL);
  g_autofree char *path = NULL;
  gboolean created;
  guint notified = 0, n_episodes = G_MAXUINT, added, skipped;

  g_object_get (window, "path", &path, "created", &created, "n-episodes", &n_episodes, NULL);
  g_assert_cmpstr (path, ==, fixture->path);
  g_assert_true (created);
  g_assert_false (cramp_store_get_created (command_line));
  g_assert_cmpuint (n_episodes, ==, 0);
  g_signal_connect_swapped (window, "notify::n-episodes", G_CALLBACK (count_cb), &notified);

  /* here: added, changed (no new count), removed */
  g_assert_true (cramp_store_add (window, episode, NULL));
  g_assert_cmpuint (cramp_store_get_n_episodes (window), ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  cramp_episode_set_intensity (episode, 4);
  g_assert_true (cramp_store_update (window, episode, NULL));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (cramp_store_remove (window, cramp_episode_get_id (episode), NULL));
  g_assert_cmpuint (cramp_store_get_n_episodes (window), ==, 0);
  g_assert_cmpuint (notified, ==, 2);

  /* in another process: seen when the window checks */
  g_clear_object (&episode);
  episode = cramp_test_episode ("2026-03-03T03:14:00+01:00", CRAMP_MUSCLE_FOOT);
  g_assert_true (cramp_store_add (command_line, episode, NULL));
  g_assert_cmpuint (cramp_store_get_n_episodes (window), ==, 0);
  g_assert_true (cramp_store_check_for_changes (window));
  g_assert_cmpuint (cramp_store_get_n_episodes (window), ==, 1);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_true (cramp_store_back_up (window, copy, NULL));

  /* an import of two, once */
  g_ptr_array_add (episodes, cramp_test_episode ("2026-03-04T03:14:00+01:00", CRAMP_MUSCLE_CALF));
  g_ptr_array_add (episodes, cramp_test_episode ("2026-03-05T03:14:00+01:00", CRAMP_MUSCLE_CALF));
  g_assert_true (cramp_store_import (window, episodes, &added, &skipped, NULL));
  g_assert_cmpuint (cramp_store_get_n_episodes (window), ==, 3);
  g_assert_cmpuint (notified, ==, 4);

  /* a restore of the backup of one */
  g_assert_true (cramp_store_restore (window, copy, NULL, NULL));
  g_assert_cmpuint (cramp_store_get_n_episodes (window), ==, 1);
  g_assert_cmpuint (notified, ==, 5);
}

static gboolean
quit_loop_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
test_watch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CrampStore) window = open_store (fixture->path);
  g_autoptr(CrampStore) command_line = open_store (fixture->path);
  g_autoptr(CrampEpisode) episode = cramp_test_episode ("2026-03-02T03:14:00+01:00", CRAMP_MUSCLE_CALF);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint timeout;

  /* the window notices on its own, through the file monitor */
  cramp_store_watch (window);
  g_signal_connect_swapped (window, "changed", G_CALLBACK (g_main_loop_quit), loop);
  g_assert_true (cramp_store_add (command_line, episode, NULL));

  timeout = g_timeout_add_seconds (10, quit_loop_cb, loop);
  g_main_loop_run (loop);
  g_assert_cmpint (cramp_store_count (window), ==, 1);
  g_source_remove (timeout);
}

/* Opening must fail with @code and leave the file byte for byte as it was. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GStatBuf st_before, st_after;
  gsize len_before = 0, len_after = 0;

  g_assert_cmpint (g_stat (path, &st_before), ==, 0);
  if (S_ISREG (st_before.st_mode))
    before = cramp_test_read_file (path, &len_before);

  store = cramp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CRAMP_STORE_ERROR, code);
  g_test_message ("refused: %s", error->message);

  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpint (st_after.st_mtime, ==, st_before.st_mtime);
  g_assert_cmpint (st_after.st_size, ==, st_before.st_size);
  if (S_ISREG (st_before.st_mode))
    {
      after = cramp_test_read_file (path, &len_after);
      g_assert_cmpmem (before, len_before, after, len_after);
    }
}

static void
make_folder (Fixture *fixture)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
}

static void
make_sqlite (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_refuse_foreign (Fixture       *fixture,
                     gconstpointer  data)
{
  make_folder (fixture);
  make_sqlite (fixture->path, "PRAGMA application_id = 42; CREATE TABLE songs (title TEXT); "
                              "INSERT INTO songs VALUES ('la');");
  assert_refused (fixture->path, CRAMP_STORE_ERROR_FOREIGN);

  /* an SQLite file without any application id is not ours either */
  g_unlink (fixture->path);
  make_sqlite (fixture->path, "CREATE TABLE t (x);");
  assert_refused (fixture->path, CRAMP_STORE_ERROR_FOREIGN);
}

static void
test_refuse_newer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u; "
                                          "CREATE TABLE future (x);",
                                          CRAMP_STORE_APPLICATION_ID, cramp_store_schema_version () + 1);

  make_folder (fixture);
  make_sqlite (fixture->path, sql);
  assert_refused (fixture->path, CRAMP_STORE_ERROR_NEWER);
}

static void
test_refuse_damaged (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  make_folder (fixture);

  /* empty */
  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  assert_refused (fixture->path, CRAMP_STORE_ERROR_DAMAGED);

  /* garbage */
  g_assert_true (g_file_set_contents (fixture->path, "this is not a diary at all, just words\n", -1, NULL));
  assert_refused (fixture->path, CRAMP_STORE_ERROR_DAMAGED);

  /* a real diary with its end cut off */
  g_unlink (fixture->path);
  {
    g_autoptr(CrampStore) store = open_store (fixture->path);
    for (int i = 0; i < 200; i++)
      {
        g_autofree char *when = g_strdup_printf ("2026-01-01T03:%02d:%02d+01:00", i / 60, i % 60);
        g_autoptr(CrampEpisode) episode = cramp_test_episode (when, CRAMP_MUSCLE_CALF);
        cramp_episode_set_notes (episode, "a note long enough to need a few pages of the diary file, "
                                          "repeated so that the file grows past its first pages");
        g_assert_true (cramp_store_add (store, episode, NULL));
      }
  }
  contents = cramp_test_read_file (fixture->path, &length);
  g_assert_cmpuint (length, >, 8192);
  g_assert_true (g_file_set_contents (fixture->path, contents, length / 2, &error));
  assert_refused (fixture->path, CRAMP_STORE_ERROR_DAMAGED);
}

static void
test_refuse_unreadable (Fixture       *fixture,
                        gconstpointer  data)
{
  make_folder (fixture);

  /* a folder where the diary should be */
  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);
  assert_refused (fixture->path, CRAMP_STORE_ERROR_UNREADABLE);
  g_rmdir (fixture->path);

  if (geteuid () == 0)
    {
      g_test_message ("running as root, which reads any file: skipping the unreadable file");
      return;
    }

  {
    g_autoptr(CrampStore) store = open_store (fixture->path);
  }
  g_assert_cmpint (g_chmod (fixture->path, 0000), ==, 0);
  assert_refused (fixture->path, CRAMP_STORE_ERROR_UNREADABLE);
}

static void
load_fixture_diary (const char *path,
                    const char *name)
{
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *sql = cramp_test_read_file (sql_path, NULL);

  make_sqlite (path, sql);
}

/* The rows of @sql, one column each, joined by "|". */
static char *
query_column (const char *path,
              const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s%s", out->len ? "|" : "", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The tables, their columns and the indexes of the diary at @path, in
 * a form that does not depend on how they came to be: a migrated diary
 * must have every one a new diary has, and no other. */
static char *
describe_schema (const char *path)
{
  g_autofree char *columns = query_column (path,
    "SELECT m.name || '.' || p.name || ' ' || p.type || ' ' || p.\"notnull\" || ' ' || "
    "ifnull (p.dflt_value, '-') || ' ' || p.pk FROM sqlite_master m JOIN pragma_table_info (m.name) p "
    "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.name");
  g_autofree char *indexes = query_column (path,
    "SELECT m.tbl_name || ':' || group_concat (i.name, ',') FROM sqlite_master m JOIN pragma_index_info (m.name) i "
    "WHERE m.type = 'index' GROUP BY m.name ORDER BY 1");

  return g_strdup_printf ("%s\n%s", columns, indexes);
}

static void
assert_schema_as_new (Fixture *fixture)
{
  g_autofree char *dir = cramp_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "new.sqlite3", NULL);
  g_autofree char *migrated = describe_schema (fixture->path);
  g_autofree char *fresh = NULL;
  CrampStore *store = open_store (path);

  g_object_unref (store);
  fresh = describe_schema (path);
  g_assert_cmpstr (migrated, ==, fresh);
  cramp_test_rmdir (dir);
}

/* Whether every one of the "|"-joined @ids is a UUID, and no two are the
 * same. */
static gboolean
all_uuids (const char *ids,
           guint       n)
{
  g_auto(GStrv) each = g_strsplit (ids, "|", -1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; each[i] != NULL; i++)
    if (!g_uuid_string_is_valid (each[i]) || !g_hash_table_add (seen, each[i]))
      return FALSE;

  return g_strv_length (each) == n;
}

static void
test_migrate_v1 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(CrampEpisode) full = NULL;
  g_autoptr(CrampEpisode) bare = NULL;
  g_autoptr(CrampEpisode) far = NULL;
  g_autofree char *meds = NULL;

  make_folder (fixture);
  load_fixture_diary (fixture->path, "diary-v1.sql");

  store = open_store (fixture->path);
  g_assert_cmpint (pragma (fixture->path, "user_version"), ==, cramp_store_schema_version ());
  assert_schema_as_new (fixture);
  g_assert_cmpint (cramp_store_count (store), ==, 3);

  full = cramp_store_lookup (store, "6f1d2c9a-8b10-4b52-9a3e-0b7f5e4c3c1d", NULL);
  g_assert_nonnull (full);
  g_assert_cmpint (g_date_time_to_unix (cramp_episode_get_started_at (full)), ==, 1772417640);
  g_assert_cmpint (cramp_time_utc_offset (cramp_episode_get_started_at (full)), ==, 3600);
  g_assert_cmpint (cramp_episode_get_duration (full), ==, 95);
  g_assert_cmpint (cramp_episode_get_muscle (full), ==, CRAMP_MUSCLE_CALF);
  g_assert_cmpint (cramp_episode_get_side (full), ==, CRAMP_SIDE_LEFT);
  g_assert_cmpint (cramp_episode_get_intensity (full), ==, 7);
  g_assert_cmpint (cramp_episode_get_activity (full), ==, CRAMP_ACTIVITY_SLEEPING);
  g_assert_cmpuint (cramp_episode_get_relieved_by (full), ==, CRAMP_RELIEF_STRETCHING | CRAMP_RELIEF_MASSAGE);
  g_assert_cmpuint (cramp_episode_get_symptoms (full), ==, CRAMP_SYMPTOM_NUMBNESS);
  g_assert_cmpuint (cramp_episode_get_triggers (full), ==, CRAMP_TRIGGER_DEHYDRATION);
  g_assert_cmpint (cramp_episode_get_fluid (full), ==, 1200);
  meds = cramp_episode_get_field (full, CRAMP_FIELD_MEDICATIONS);
  g_assert_cmpstr (meds, ==, "Furosemide 40 mg;Atorvastatin");
  g_assert_cmpint (cramp_episode_get_woke_from_sleep (full), ==, TRUE);
  g_assert_cmpstr (cramp_episode_get_notes (full), ==, "Woke at 3, “couldn’t” sleep again");

  bare = cramp_store_lookup (store, "0b7f5e4c-3c1d-4b52-9a3e-6f1d2c9a8b10", NULL);
  g_assert_cmpint (cramp_episode_get_duration (bare), ==, CRAMP_UNSET);
  g_assert_cmpint (cramp_episode_get_woke_from_sleep (bare), ==, CRAMP_UNSET);
  g_assert_cmpint (cramp_time_utc_offset (cramp_episode_get_started_at (bare)), ==, -18000);

  far = cramp_store_lookup (store, "9a3e6f1d-2c9a-4b10-8b52-0b7f5e4c3c1d", NULL);
  g_assert_cmpstr (cramp_episode_get_notes (far), ==, "غشاء 抽筋 🦵");
  g_assert_cmpint (cramp_episode_get_walk_distance (far), ==, 400);

  /* version 2 added the health profile: empty, and writable */
  {
    g_autoptr(CrampProfile) profile = cramp_store_get_profile (store, NULL);

    g_assert_nonnull (profile);
    g_assert_cmpuint (cramp_profile_get_n_medications (profile), ==, 0);
    cramp_profile_set_conditions (profile, CRAMP_CONDITION_HIGH_BLOOD_PRESSURE);
    g_assert_true (cramp_store_set_profile (store, profile, NULL));
  }
}

static void
test_migrate_v2 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(CrampProfile) profile = NULL;
  g_autoptr(GDateTime) at = cramp_time_parse ("2026-03-05T22:10:00+01:00", NULL);
  g_autoptr(GArray) log = NULL;
  GDate started, stopped;

  make_folder (fixture);
  load_fixture_diary (fixture->path, "diary-v2.sql");

  store = open_store (fixture->path);
  g_assert_cmpint (pragma (fixture->path, "user_version"), ==, cramp_store_schema_version ());
  assert_schema_as_new (fixture);
  g_assert_cmpint (cramp_store_count (store), ==, 3);

  profile = cramp_store_get_profile (store, NULL);
  g_assert_cmpstr (cramp_profile_get_patient_name (profile), ==, "Ada Lovelace");
  g_assert_cmpuint (cramp_profile_get_conditions (profile), ==, CRAMP_CONDITION_DIABETES | CRAMP_CONDITION_SMOKING);
  g_assert_cmpuint (cramp_profile_get_n_medications (profile), ==, 2);
  g_assert_cmpstr (cramp_profile_get_medication_name (profile, 0), ==, "Furosemide 40 mg");
  cramp_profile_get_medication_started (profile, 0, &started);
  g_assert_cmpuint (g_date_get_year (&started), ==, 2026);
  g_assert_cmpuint (g_date_get_month (&started), ==, 2);
  g_assert_cmpuint (g_date_get_day (&started), ==, 1);
  cramp_profile_get_medication_stopped (profile, 1, &stopped);
  g_assert_cmpuint (g_date_get_month (&stopped), ==, 3);

  /* version 3 added the stretch log: empty, and writable */
  g_assert_false (cramp_store_get_first_stretch_night (store, &(gint64) { 0 }));
  g_assert_cmpint (cramp_store_get_last_reminder_night (store), ==, G_MININT64);
  g_assert_true (cramp_store_add_stretch (store, CRAMP_STRETCH_DONE, at, NULL));
  log = cramp_store_list_stretches (store, G_MININT32, G_MAXINT32, NULL);
  g_assert_cmpuint (log->len, ==, 1);
}

static void
test_migrate_v3 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(CrampProfile) profile = NULL;
  g_autoptr(CrampEpisode) old = NULL;
  g_autoptr(CrampEpisode) reread = NULL;
  g_autoptr(GArray) log = NULL;
  g_autoptr(GError) error = NULL;

  make_folder (fixture);
  load_fixture_diary (fixture->path, "diary-v3.sql");

  store = open_store (fixture->path);
  g_assert_cmpint (pragma (fixture->path, "user_version"), ==, cramp_store_schema_version ());
  assert_schema_as_new (fixture);
  g_assert_cmpint (cramp_store_count (store), ==, 3);
  log = cramp_store_list_stretches (store, G_MININT32, G_MAXINT32, NULL);
  g_assert_cmpuint (log->len, ==, 2);
  /* version 5 keyed them, and the medications, by UUIDs */
  {
    g_autofree char *stretch_ids = query_column (fixture->path, "SELECT id FROM stretch");
    g_autofree char *medication_ids = query_column (fixture->path, "SELECT id FROM profile_medication");

    g_assert_true (all_uuids (stretch_ids, 2));
    g_assert_true (all_uuids (medication_ids, 2));
  }

  /* the old word stays as it was, beside the new ones */
  old = cramp_store_lookup (store, "9a3e6f1d-2c9a-4b10-8b52-0b7f5e4c3c1d", NULL);
  g_assert_cmpuint (cramp_episode_get_symptoms (old), ==, CRAMP_SYMPTOM_SKIN_TEMPERATURE | CRAMP_SYMPTOM_SWELLING);
  cramp_episode_set_symptoms (old,
                              cramp_episode_get_symptoms (old) | CRAMP_SYMPTOM_TWITCHING | CRAMP_SYMPTOM_SKIN_WARM);
  cramp_episode_set_relieved_by (old, CRAMP_RELIEF_HANGING_LEG);
  g_assert_true (cramp_store_update (store, old, &error));
  g_assert_no_error (error);
  reread = cramp_store_lookup (store, "9a3e6f1d-2c9a-4b10-8b52-0b7f5e4c3c1d", NULL);
  g_assert_cmpuint (cramp_episode_get_symptoms (reread), ==,
                    CRAMP_SYMPTOM_SKIN_TEMPERATURE | CRAMP_SYMPTOM_SWELLING |
                    CRAMP_SYMPTOM_TWITCHING | CRAMP_SYMPTOM_SKIN_WARM);
  g_assert_cmpuint (cramp_episode_get_relieved_by (reread), ==, CRAMP_RELIEF_HANGING_LEG);

  /* version 4 added the year of birth and arterial disease to the profile */
  profile = cramp_store_get_profile (store, NULL);
  g_assert_cmpstr (cramp_profile_get_patient_name (profile), ==, "Ada Lovelace");
  g_assert_cmpuint (cramp_profile_get_birth_year (profile), ==, 0);
  cramp_profile_set_birth_year (profile, 1951);
  cramp_profile_set_conditions (profile, cramp_profile_get_conditions (profile) | CRAMP_CONDITION_ARTERIAL_DISEASE);
  g_assert_true (cramp_store_set_profile (store, profile, NULL));
  g_clear_object (&profile);
  g_clear_object (&store);
  store = open_store (fixture->path);
  profile = cramp_store_get_profile (store, NULL);
  g_assert_cmpuint (cramp_profile_get_birth_year (profile), ==, 1951);
  g_assert_cmpuint (cramp_profile_get_conditions (profile), ==,
                    CRAMP_CONDITION_DIABETES | CRAMP_CONDITION_SMOKING | CRAMP_CONDITION_ARTERIAL_DISEASE);
}

/* Version 5 keys the stretch log and the medications by UUIDs, as
 * sync will need, and writes the profile row by row. */
static void
test_migrate_v4 (Fixture       *fixture,
                 gconstpointer  data)
{
  static const CrampStretchEvent events[] = {
    CRAMP_STRETCH_SHOWN, CRAMP_STRETCH_SNOOZED, CRAMP_STRETCH_DONE, CRAMP_STRETCH_DISMISSED,
  };
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(CrampProfile) profile = NULL;
  g_autoptr(GArray) log = NULL;
  g_autofree char *stretch_ids = NULL;
  g_autofree char *medication_ids = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *kept_id = NULL;
  GDate started;

  make_folder (fixture);
  load_fixture_diary (fixture->path, "diary-v4.sql");

  store = open_store (fixture->path);
  g_assert_cmpint (pragma (fixture->path, "user_version"), ==, cramp_store_schema_version ());
  assert_schema_as_new (fixture);
  g_assert_cmpint (cramp_store_count (store), ==, 3);

  /* the stretch log: each event under a UUID, in the order it was */
  log = cramp_store_list_stretches (store, G_MININT32, G_MAXINT32, NULL);
  g_assert_cmpuint (log->len, ==, G_N_ELEMENTS (events));
  for (guint i = 0; i < log->len; i++)
    g_assert_cmpint (g_array_index (log, CrampStretchRecord, i).event, ==, events[i]);
  stretch_ids = query_column (fixture->path, "SELECT id FROM stretch");
  g_assert_true (all_uuids (stretch_ids, 4));

  /* the medications: in their order, each under a UUID */
  profile = cramp_store_get_profile (store, NULL);
  g_assert_cmpuint (cramp_profile_get_birth_year (profile), ==, 1951);
  g_assert_cmpuint (cramp_profile_get_n_medications (profile), ==, 3);
  g_assert_cmpstr (cramp_profile_get_medication_name (profile, 0), ==, "Furosemide 40 mg");
  g_assert_cmpstr (cramp_profile_get_medication_name (profile, 2), ==, "Magnesium 300 mg");
  g_assert_true (cramp_profile_get_medication_started (profile, 0, &started));
  g_assert_cmpuint (g_date_get_month (&started), ==, 2);
  medication_ids = query_column (fixture->path, "SELECT id FROM profile_medication ORDER BY position");
  g_assert_true (all_uuids (medication_ids, 3));
  g_assert_true (g_str_has_prefix (medication_ids, cramp_profile_get_medication_id (profile, 0)));

  /* row by row: what is as it was is not written; a change is one row */
  make_sqlite (fixture->path,
               "CREATE TABLE audit (what TEXT);"
               "CREATE TRIGGER m_ins AFTER INSERT ON profile_medication BEGIN "
               "  INSERT INTO audit VALUES ('insert ' || new.name); END;"
               "CREATE TRIGGER m_upd AFTER UPDATE ON profile_medication BEGIN "
               "  INSERT INTO audit VALUES ('update ' || new.name); END;"
               "CREATE TRIGGER m_del AFTER DELETE ON profile_medication BEGIN "
               "  INSERT INTO audit VALUES ('delete ' || old.name); END;"
               "CREATE TRIGGER p_all AFTER UPDATE ON profile BEGIN "
               "  INSERT INTO audit VALUES ('value ' || new.key); END;");
  g_assert_true (cramp_store_set_profile (store, profile, NULL));
  audit = query_column (fixture->path, "SELECT what FROM audit");
  g_assert_cmpstr (audit, ==, "");

  kept_id = g_strdup (cramp_profile_get_medication_id (profile, 1));
  g_assert_true (cramp_profile_replace_medication (profile, 1, "Atorvastatin 20 mg", NULL, NULL, NULL));
  g_assert_cmpstr (cramp_profile_get_medication_id (profile, 1), ==, kept_id);
  cramp_profile_remove_medication (profile, 2);
  g_assert_true (cramp_profile_add_medication (profile, "Quinine", NULL, NULL, NULL));
  cramp_profile_set_birth_year (profile, 1952);
  g_assert_true (cramp_store_set_profile (store, profile, NULL));
  g_free (audit);
  audit = query_column (fixture->path, "SELECT what FROM audit");
  g_assert_cmpstr (audit, ==, "value birth-year|delete Magnesium 300 mg|update Atorvastatin 20 mg|insert Quinine");

  /* read back as it was written, under the same keys */
  g_clear_object (&profile);
  profile = cramp_store_get_profile (store, NULL);
  g_assert_cmpstr (cramp_profile_get_medication_name (profile, 1), ==, "Atorvastatin 20 mg");
  g_assert_cmpstr (cramp_profile_get_medication_id (profile, 1), ==, kept_id);
  g_assert_cmpstr (cramp_profile_get_medication_name (profile, 2), ==, "Quinine");
  g_assert_true (g_uuid_string_is_valid (cramp_profile_get_medication_id (profile, 2)));
}

/* Version 6 adds the nights, and keeps the keys of version 5. */
static void
test_migrate_v5 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(CrampProfile) profile = NULL;
  g_autofree char *stretch_ids = NULL;
  CrampNight quiet = { 20519, TRUE, CRAMP_UNSET, 1772900000 };
  CrampNight read;

  make_folder (fixture);
  load_fixture_diary (fixture->path, "diary-v5.sql");

  store = open_store (fixture->path);
  g_assert_cmpint (pragma (fixture->path, "user_version"), ==, cramp_store_schema_version ());
  assert_schema_as_new (fixture);
  g_assert_cmpint (cramp_store_count (store), ==, 3);
  stretch_ids = query_column (fixture->path, "SELECT id FROM stretch ORDER BY rowid");
  g_assert_true (g_str_has_prefix (stretch_ids, "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d|"));
  profile = cramp_store_get_profile (store, NULL);
  g_assert_cmpstr (cramp_profile_get_medication_id (profile, 2), ==, "c4e6a8b0-2d4f-4a6c-8e0a-1c3e5a7c9e1b");

  /* the nights: none yet, and one can be said */
  g_assert_false (cramp_store_get_night (store, 20519, &read, NULL));
  g_assert_true (cramp_store_set_night (store, &quiet, NULL));
  g_assert_true (cramp_store_get_night (store, 20519, &read, NULL));
  g_assert_true (read.quiet);
  g_assert_cmpint (read.sleep_disturbance, ==, CRAMP_UNSET);
}

static void
test_migrate_v6 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(GPtrArray) experiments = NULL;
  g_autoptr(GArray) done = NULL;
  g_autoptr(CrampExperiment) stretching = NULL;
  g_autoptr(CrampExperiment) magnesium = NULL;
  g_autoptr(GError) error = NULL;
  CrampExperiment *read;
  CrampNight night;
  guint changes = 0;

  make_folder (fixture);
  load_fixture_diary (fixture->path, "diary-v6.sql");

  store = open_store (fixture->path);
  g_assert_cmpint (pragma (fixture->path, "user_version"), ==, cramp_store_schema_version ());
  assert_schema_as_new (fixture);
  g_assert_cmpint (cramp_store_count (store), ==, 3);
  g_assert_true (cramp_store_get_night (store, 20519, &night, NULL));
  g_assert_true (night.quiet);
  g_assert_true (cramp_store_get_night (store, 20514, &night, NULL));
  g_assert_cmpint (night.sleep_disturbance, ==, 6);

  /* the experiments: none yet; two added, in the order of their starts */
  experiments = cramp_store_list_experiments (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (experiments->len, ==, 0);
  g_clear_pointer (&experiments, g_ptr_array_unref);

  g_signal_connect_swapped (store, "changed::experiments", G_CALLBACK (count_cb), &changes);
  magnesium = cramp_experiment_new ("Magnesium 300 mg", CRAMP_EXPERIMENT_SUPPLEMENT, 20530, 42);
  stretching = cramp_experiment_new ("Nightly stretching", CRAMP_EXPERIMENT_STRETCHING, 20520, 56);
  g_assert_true (cramp_store_add_experiment (store, magnesium, NULL, &error));
  g_assert_true (cramp_store_add_experiment (store, stretching, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 2);

  experiments = cramp_store_list_experiments (store, &error);
  g_assert_cmpuint (experiments->len, ==, 2);
  read = g_ptr_array_index (experiments, 0);
  g_assert_cmpstr (read->id, ==, stretching->id);
  g_assert_true (g_uuid_string_is_valid (read->id));
  g_assert_cmpstr (read->name, ==, "Nightly stretching");
  g_assert_cmpint (read->kind, ==, CRAMP_EXPERIMENT_STRETCHING);
  g_assert_cmpint (read->start, ==, 20520);
  g_assert_cmpuint (read->days, ==, 56);

  /* "Did it" by night, once a night; taken back; gone with its experiment */
  g_assert_true (cramp_store_set_experiment_done (store, magnesium->id, 20531, TRUE, NULL));
  g_assert_true (cramp_store_set_experiment_done (store, magnesium->id, 20530, TRUE, NULL));
  g_assert_true (cramp_store_set_experiment_done (store, magnesium->id, 20531, TRUE, NULL));
  g_assert_true (cramp_store_set_experiment_done (store, magnesium->id, 20532, FALSE, NULL));
  done = cramp_store_list_experiment_done (store, magnesium->id, NULL);
  g_assert_cmpuint (done->len, ==, 2);
  g_assert_cmpint (g_array_index (done, gint64, 0), ==, 20530);
  g_assert_true (cramp_store_get_experiment_done (store, magnesium->id, 20531));
  g_assert_false (cramp_store_get_experiment_done (store, magnesium->id, 20532));
  g_assert_false (cramp_store_get_experiment_done (store, magnesium->id, 20533));
  g_assert_false (cramp_store_get_experiment_done (store, "no such experiment", 20531));
  g_assert_true (cramp_store_remove_experiment (store, magnesium->id, NULL));
  {
    g_autofree char *days_left = query_column (fixture->path, "SELECT count(*) FROM experiment_days");
    g_autofree char *left = query_column (fixture->path, "SELECT count(*) FROM experiments");

    g_assert_cmpstr (days_left, ==, "0");
    g_assert_cmpstr (left, ==, "1");
  }

  /* put back as it was (an undone removal), the nights it was done too */
  g_assert_true (cramp_store_add_experiment (store, magnesium, done, NULL));
  g_clear_pointer (&done, g_array_unref);
  done = cramp_store_list_experiment_done (store, magnesium->id, NULL);
  g_assert_cmpuint (done->len, ==, 2);
  g_assert_cmpint (g_array_index (done, gint64, 0), ==, 20530);
  g_assert_cmpint (g_array_index (done, gint64, 1), ==, 20531);
  g_clear_pointer (&done, g_array_unref);
  g_assert_true (cramp_store_remove_experiment (store, magnesium->id, NULL));

  /* what the diary refuses */
  g_free (magnesium->name);
  magnesium->name = g_strdup ("  ");
  g_assert_false (cramp_store_add_experiment (store, magnesium, NULL, &error));
  g_assert_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (magnesium->name);
  magnesium->name = g_strdup ("Magnesium\u202E");
  g_assert_false (cramp_store_add_experiment (store, magnesium, NULL, &error));
  g_clear_error (&error);
  g_free (magnesium->name);
  magnesium->name = g_strdup ("Magnesium");
  magnesium->days = 0;
  g_assert_false (cramp_store_add_experiment (store, magnesium, NULL, &error));
  g_clear_error (&error);
  {
    g_autofree char *left = query_column (fixture->path, "SELECT count(*) FROM experiments");

    g_assert_cmpstr (left, ==, "1");
  }
}

static void
test_stretch_log (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CrampStore) store = open_store (fixture->path);
  g_autoptr(GDateTime) shown = cramp_time_parse ("2026-03-05T22:00:00+01:00", NULL);
  g_autoptr(GDateTime) snoozed = cramp_time_parse ("2026-03-05T22:01:00+01:00", NULL);
  g_autoptr(GDateTime) done = cramp_time_parse ("2026-03-06T00:20:00+01:00", NULL);
  g_autoptr(GDateTime) next = cramp_time_parse ("2026-03-06T22:00:00+01:00", NULL);
  g_autoptr(GArray) log = NULL;
  gint64 night = cramp_time_night_of (shown), first;
  guint changes = 0, episode_changes = 0;
  const CrampStretchRecord *record;

  g_signal_connect_swapped (store, "changed::stretches", G_CALLBACK (count_cb), &changes);
  /* the history, which shows no stretch, does not hear of them */
  g_signal_connect_swapped (store, "changed::episodes", G_CALLBACK (count_cb), &episode_changes);
  g_assert_true (cramp_store_add_stretch (store, CRAMP_STRETCH_SHOWN, shown, NULL));
  g_assert_true (cramp_store_add_stretch (store, CRAMP_STRETCH_SNOOZED, snoozed, NULL));
  g_assert_false (cramp_store_night_stretched (store, night));
  /* after midnight, still the same night */
  g_assert_true (cramp_store_add_stretch (store, CRAMP_STRETCH_DONE, done, NULL));
  g_assert_true (cramp_store_night_stretched (store, night));
  g_assert_false (cramp_store_night_stretched (store, night + 1));
  g_assert_true (cramp_store_add_stretch (store, CRAMP_STRETCH_DISMISSED, next, NULL));
  g_assert_cmpuint (changes, ==, 4);
  g_assert_cmpuint (episode_changes, ==, 0);
  {
    g_autofree char *ids = query_column (fixture->path, "SELECT id FROM stretch");

    /* each under a key of its own, as it will travel */
    g_assert_true (all_uuids (ids, 4));
  }

  g_assert_true (cramp_store_get_first_stretch_night (store, &first));
  g_assert_cmpint (first, ==, night);
  g_assert_cmpint (cramp_store_get_last_reminder_night (store), ==, night);

  log = cramp_store_list_stretches (store, night, night, NULL);
  g_assert_cmpuint (log->len, ==, 3);
  record = &g_array_index (log, CrampStretchRecord, 2);
  g_assert_cmpint (record->event, ==, CRAMP_STRETCH_DONE);
  g_assert_cmpint (record->at, ==, g_date_time_to_unix (done));
  g_assert_cmpint (record->utc_offset, ==, 3600);
  g_assert_cmpint (record->night, ==, night);
  g_clear_pointer (&log, g_array_unref);

  /* kept when the diary is opened again */
  g_clear_object (&store);
  store = open_store (fixture->path);
  log = cramp_store_list_stretches (store, night, night + 1, NULL);
  g_assert_cmpuint (log->len, ==, 4);
}

static void
add_episode (CrampStore *store,
             const char *iso)
{
  g_autoptr(CrampEpisode) episode = cramp_test_episode (iso, CRAMP_MUSCLE_CALF);
  g_autoptr(GError) error = NULL;

  g_assert_true (cramp_store_add (store, episode, &error));
  g_assert_no_error (error);
}

static guint
count_in (const char *path)
{
  g_autoptr(CrampStore) store = open_store (path);

  return cramp_store_count (store);
}

/* A crash in the middle of a checkpoint can leave the file shorter than
 * the page count its header already has: the log still holds the pages,
 * so the diary is whole and opens; without the log it is truncated. */
static void
test_interrupted_checkpoint (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(CrampStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *crashed = g_build_filename (fixture->dir, "crashed.sqlite3", NULL);
  g_autofree char *crashed_wal = g_strconcat (crashed, "-wal", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *log = NULL;
  g_autoptr(GError) error = NULL;
  gsize length, log_length;
  sqlite3 *db;

  /* the diary grows in its log */
  for (guint i = 0; i < 500; i++)
    {
      /* each at a moment of its own, or the import takes them for one */
      g_autofree char *iso = g_strdup_printf ("2026-03-%02uT%02u:%02u:00+01:00", 1 + i % 28, i / 28, i % 60);

      g_ptr_array_add (episodes, cramp_test_episode (iso, CRAMP_MUSCLE_CALF));
    }
  g_assert_true (cramp_store_import (store, episodes, NULL, NULL, NULL));
  g_assert_true (g_file_get_contents (wal, &log, &log_length, NULL));

  /* a checkpoint writes the pages into the file, from the first (with
   * the new page count) up; a crash stops it half-way */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(PASSIVE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 8 * 4096);
  length = length / 2 / 4096 * 4096;
  g_assert_true (g_file_set_contents (crashed, contents, length, NULL));
  g_assert_true (g_file_set_contents (crashed_wal, log, log_length, NULL));

  g_clear_object (&store);
  store = cramp_store_open (crashed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cramp_store_count (store), ==, 500);
  g_clear_object (&store);

  /* the same file without its log lost its end */
  g_assert_true (g_file_set_contents (crashed, contents, length, NULL));
  g_unlink (crashed_wal);
  g_assert_null (cramp_store_open (crashed, &error));
  g_assert_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_DAMAGED);
}

/* Fixes the clock for the rest of the test at 2026-11-20T23:59:59Z: a
 * test that ran across midnight would name another day than the store */
static GDateTime *
fix_clock (void)
{
  cramp_test_set_clock ("2026-11-20T23:59:59Z");
  return cramp_time_now_local ();
}

static void
test_daily_backup (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(GDateTime) now = fix_clock ();
  g_autofree char *folder = cramp_store_backup_folder (fixture->path);
  g_autofree char *name = g_date_time_format (now, "diary-%Y-%m-%d.sqlite3");
  g_autofree char *today = g_build_filename (folder, name, NULL);
  g_autoptr(GPtrArray) backups = NULL;

  /* a diary made just now has nothing to back up */
  store = open_store (fixture->path);
  g_assert_true (cramp_store_get_created (store));
  add_episode (store, "2026-02-28T03:00:00+01:00");
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  /* opening changes nothing, so backs nothing up */
  store = open_store (fixture->path);
  g_assert_false (cramp_store_get_created (store));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  /* the first change of the day: the diary as it was before it,
   * written beside the change */
  add_episode (store, "2026-03-01T03:00:00+01:00");
  cramp_store_wait_for_backup (store);
  g_assert_true (g_file_test (today, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (cramp_test_file_mode (folder), ==, 0700);
  g_assert_cmpuint (cramp_test_file_mode (today), ==, 0600);
  g_assert_cmpuint (count_in (today), ==, 1);
  g_assert_true (cramp_store_check_backup (today, NULL));

  /* later changes the same day leave it */
  add_episode (store, "2026-03-02T03:00:00+01:00");
  g_assert_cmpuint (count_in (today), ==, 1);
  backups = cramp_store_list_backups (fixture->path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, today);

  /* a copy on demand is the diary as it is now, in one file */
  {
    g_autofree char *copy = g_build_filename (fixture->dir, "copy.sqlite3", NULL);
    g_autofree char *wal = g_strconcat (copy, "-wal", NULL);

    g_assert_true (cramp_store_back_up (store, copy, NULL));
    g_assert_cmpuint (cramp_test_file_mode (copy), ==, 0600);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (count_in (copy), ==, 3);
  }
}

static void
test_backup_pruning (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CrampStore) store = NULL;
  g_autofree char *folder = cramp_store_backup_folder (fixture->path);
  g_autoptr(GDateTime) now = fix_clock ();
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GHashTable) weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint old_weeks = 0;

  /* a diary made before today, and sixty days of backups of it */
  g_object_unref (open_store (fixture->path));
  store = open_store (fixture->path);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (int d = 1; d <= 60; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -d);
      g_autofree char *name = g_date_time_format (day, "diary-%Y-%m-%d.sqlite3");
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_true (cramp_store_back_up (store, path, NULL));
    }

  add_episode (store, "2026-03-01T03:00:00+01:00");
  cramp_store_wait_for_backup (store);

  /* today's, the 6 days before, and one for each of 4 weeks before those */
  kept = cramp_store_list_backups (fixture->path);
  g_assert_cmpuint (kept->len, ==, 11);
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -(int) i);
      g_autofree char *name = g_date_time_format (day, "diary-%Y-%m-%d.sqlite3");
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (kept, i));

      g_assert_cmpstr (base, ==, name);
    }
  for (guint i = 7; i < kept->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (kept, i));
      unsigned year, month, day;
      GDate date;

      g_assert_cmpint (sscanf (base, "diary-%u-%u-%u.sqlite3", &year, &month, &day), ==, 3);
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, day, month, year);
      old_weeks += g_hash_table_add (weeks, g_strdup_printf ("%u-%u", g_date_get_year (&date),
                                                             g_date_get_iso8601_week_of_year (&date)));
    }
  g_assert_cmpuint (old_weeks, ==, 4);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CrampStore) store = open_store (fixture->path);
  g_autoptr(CrampStore) window = open_store (fixture->path);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.sqlite3", NULL);
  g_autofree char *aside = NULL;
  g_autofree char *not_ours = g_build_filename (fixture->dir, "not-ours.sqlite3", NULL);
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  add_episode (store, "2026-03-01T03:00:00+01:00");
  g_assert_true (cramp_store_back_up (store, copy, NULL));
  add_episode (store, "2026-03-02T03:00:00+01:00");
  add_episode (store, "2026-03-03T03:00:00+01:00");

  /* a file that is not a diary of ours is refused, and nothing changes */
  make_sqlite (not_ours, "PRAGMA application_id = 42; CREATE TABLE songs (title TEXT);");
  g_assert_false (cramp_store_restore (store, not_ours, NULL, &error));
  g_assert_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_FOREIGN);
  g_assert_cmpuint (cramp_store_count (store), ==, 3);

  /* another process with the diary open sees the restore as a change */
  cramp_store_check_for_changes (window);
  g_signal_connect_swapped (window, "changed::episodes", G_CALLBACK (count_cb), &changes);
  g_assert_true (cramp_store_restore (store, copy, &aside, NULL));
  g_assert_cmpuint (cramp_store_count (store), ==, 1);
  g_assert_true (cramp_store_check_for_changes (window));
  g_assert_cmpuint (cramp_store_count (window), ==, 1);
  g_assert_cmpuint (changes, ==, 1);

  /* the diary as it was is kept aside, whole */
  g_assert_nonnull (aside);
  g_assert_cmpuint (cramp_test_file_mode (aside), ==, 0600);
  g_assert_cmpuint (count_in (aside), ==, 3);

  /* and it is a diary like any other: writable, and in WAL mode */
  add_episode (store, "2026-03-04T03:00:00+01:00");
  g_assert_cmpuint (cramp_store_count (window), ==, 2);
  g_clear_object (&store);
  g_clear_object (&window);
  g_assert_cmpint (pragma (fixture->path, "user_version"), ==, cramp_store_schema_version ());
}

static void
test_restore_damaged (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.sqlite3", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *aside = NULL;
  g_autofree char *aside_wal = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  const char garbage[] = "this is not a diary at all";

  {
    g_autoptr(CrampStore) store = open_store (fixture->path);

    add_episode (store, "2026-03-01T03:00:00+01:00");
    g_assert_true (cramp_store_back_up (store, copy, NULL));
  }

  /* the diary is garbage now, with a -wal beside it */
  g_assert_true (g_file_set_contents (fixture->path, garbage, -1, NULL));
  g_assert_true (g_file_set_contents (wal, "wal", -1, NULL));
  g_assert_null (cramp_store_open (fixture->path, &error));
  g_assert_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_DAMAGED);

  g_assert_true (cramp_store_restore_file (fixture->path, copy, &aside, NULL));
  g_assert_cmpuint (count_in (fixture->path), ==, 1);

  /* the damaged files are kept, as they were, under a dated name */
  g_assert_nonnull (aside);
  kept = cramp_test_read_file (aside, NULL);
  g_assert_cmpstr (kept, ==, garbage);
  aside_wal = g_strconcat (aside, "-wal", NULL);
  g_assert_true (g_file_test (aside_wal, G_FILE_TEST_EXISTS));

  /* a backup that is itself damaged is refused, and nothing moves */
  g_clear_pointer (&aside, g_free);
  g_assert_true (g_file_set_contents (copy, garbage, -1, NULL));
  g_assert_false (cramp_store_restore_file (fixture->path, copy, &aside, NULL));
  g_assert_cmpuint (count_in (fixture->path), ==, 1);
}

typedef struct
{
  CrampStore *store;
  GError     *error;
} Check;

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Check *check = user_data;

  if (cramp_store_quick_check_finish (check->store, result, &check->error))
    g_set_error_literal (&check->error, G_IO_ERROR, G_IO_ERROR_NONE, "sound");
}

/* The quick check, as the window runs it after its first frame. */
static GError *
quick_check (CrampStore *store)
{
  Check check = { store, NULL };

  cramp_store_quick_check_async (store, NULL, on_checked_cb, &check);
  while (check.error == NULL)
    g_main_context_iteration (NULL, TRUE);
  return check.error;
}

static void
test_quick_check (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CrampStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) sound = NULL;
  g_autoptr(GError) damaged = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (1700000000 + i * 3600);
      CrampEpisode *episode = cramp_episode_new (when);

      cramp_episode_set_notes (episode, "A note long enough to fill the pages of the diary quickly.");
      g_ptr_array_add (episodes, episode);
    }
  g_assert_true (cramp_store_import (store, episodes, NULL, NULL, NULL));
  sound = quick_check (store);
  g_assert_error (sound, G_IO_ERROR, G_IO_ERROR_NONE);
  g_clear_object (&store);

  /* a page in the middle overwritten: the header is fine, so the diary
   * opens, and the check finds the damage */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 20 * 4096);
  memset (contents + 10 * 4096, 0x5a, 4096);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));

  store = open_store (fixture->path);
  damaged = quick_check (store);
  g_assert_error (damaged, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_DAMAGED);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/create", test_create);
  ADD ("/store/create/private-under-umask", test_private_under_umask);
  ADD ("/store/reopen", test_reopen);
  ADD ("/store/add-update-remove", test_add_update_remove);
  ADD ("/store/write", test_write);
  ADD ("/store/nights", test_nights);
  ADD ("/store/import", test_import);
  ADD ("/store/list", test_list);
  ADD ("/store/list/dst", test_list_dst);
  ADD ("/store/usual", test_usual);
  ADD ("/store/usual/fallback", test_usual_fallback);
  ADD ("/store/medication-names", test_medication_names);
  ADD ("/store/profile", test_profile);
  ADD ("/store/profile/properties", test_profile_properties);
  ADD ("/store/episode-columns", test_episode_columns);
  ADD ("/store/external-changes", test_external_changes);
  ADD ("/store/properties", test_properties);
  ADD ("/store/watch", test_watch);
  ADD ("/store/refuse/foreign", test_refuse_foreign);
  ADD ("/store/refuse/newer", test_refuse_newer);
  ADD ("/store/refuse/damaged", test_refuse_damaged);
  ADD ("/store/refuse/unreadable", test_refuse_unreadable);
  ADD ("/store/interrupted-checkpoint", test_interrupted_checkpoint);
  ADD ("/store/migrate/from-v1", test_migrate_v1);
  ADD ("/store/migrate/from-v2", test_migrate_v2);
  ADD ("/store/migrate/from-v3", test_migrate_v3);
  ADD ("/store/migrate/from-v4", test_migrate_v4);
  ADD ("/store/migrate/from-v5", test_migrate_v5);
  ADD ("/store/migrate/from-v6", test_migrate_v6);
  ADD ("/store/stretch-log", test_stretch_log);
  ADD ("/store/backup/daily", test_daily_backup);
  ADD ("/store/backup/pruning", test_backup_pruning);
  ADD ("/store/restore", test_restore);
  ADD ("/store/restore/damaged", test_restore_damaged);
  ADD ("/store/quick-check", test_quick_check);

#undef ADD

  return g_test_run ();
}
