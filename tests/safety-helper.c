/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cramp-store-episodes.h"
#include "cramp-store.h"
#include "cramp-time.h"

/*
 * The other process of tests/test-safety.py, working on a real diary
 * through the real store, to be killed or starved:
 *
 *   safety-helper write DIARY PREFIX [N]  add episodes, printing each id
 *                                         once its add returned success
 *   safety-helper open DIARY              open, and so migrate, the diary
 *                                         slowly (SAFETY_SLOW=1), and stay
 *                                         open (SAFETY_HOLD=1)
 *   safety-helper fill DIARY              add episodes under a page limit
 *                                         until the disk is "full"
 *   safety-helper remove DIARY ID         delete an episode, as the window does
 *
 * SQLite is slowed or limited from inside, through an auto-extension
 * that every connection of the process runs when it opens.
 */

static int
slow_down (void *data)
{
  g_usleep (500);
  return 0;
}

static int
limit_connection (sqlite3                     *db,
                  char                       **error,
                  const sqlite3_api_routines  *api)
{
  const char *limit = g_getenv ("SAFETY_MAX_PAGES");

  if (g_getenv ("SAFETY_SLOW") != NULL)
    sqlite3_progress_handler (db, 5, slow_down, NULL);
  if (limit != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %s", limit);

      sqlite3_exec (db, sql, NULL, NULL, NULL);
    }
  return SQLITE_OK;
}

static CrampEpisode *
make_episode (const char *prefix,
              guint       i)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (1767225600 + (gint64) i * 3607);
  g_autoptr(GDateTime) local = cramp_time_to_fixed (when);
  g_autofree char *id = g_strdup_printf ("%s-0000-4000-8000-%012u", prefix, i);
  g_autofree char *note = g_strdup_printf ("Episode %u of %s; a note of some length, as people write them.",
                                           i, prefix);
  CrampEpisode *episode = cramp_episode_new (local);

  cramp_episode_set_id (episode, id);
  cramp_episode_set_muscle (episode, CRAMP_MUSCLE_CALF);
  cramp_episode_set_duration (episode, 30 + i % 300);
  cramp_episode_set_notes (episode, note);
  return episode;
}

static int
run_write (const char *diary,
           const char *prefix,
           guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = cramp_store_open (diary, &error);

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrampEpisode) episode = make_episode (prefix, i);

      if (!cramp_store_add (store, episode, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* acknowledged: the add returned success */
      printf ("%s\n", cramp_episode_get_id (episode));
      fflush (stdout);

      /* now and then a change to an episode already there */
      if (i % 7 == 3)
        {
          g_autoptr(CrampEpisode) again = make_episode (prefix, i - 1);

          cramp_episode_set_intensity (again, i % 11);
          if (!cramp_store_update (store, again, &error))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
        }
    }

  return 0;
}

static int
run_open (const char *diary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = cramp_store_open (diary, &error);

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  printf ("opened, version %u\n", cramp_store_schema_version ());
  fflush (stdout);

  /* with SAFETY_HOLD=1, stay open until the standard input closes, to
   * be killed after the migration's commit as surely as before it */
  if (g_getenv ("SAFETY_HOLD") != NULL)
    while (getchar () != EOF)
      ;

  return 0;
}

static int
run_fill (const char *diary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = cramp_store_open (diary, &error);
  guint added = 0;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < 1000000; i++)
    {
      g_autoptr(CrampEpisode) episode = make_episode ("fffffff0", i);

      if (!cramp_store_add (store, episode, &error))
        break;
      added++;
    }

  /* what the user would read, and the code behind it */
  printf ("added %u\n", added);
  printf ("full %d\n", g_error_matches (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_FULL));
  printf ("message %s\n", error ? error->message : "");
  return 0;
}

static int
run_remove (const char *diary,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = cramp_store_open (diary, &error);

  if (store == NULL || !cramp_store_remove (store, id, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  sqlite3_auto_extension ((void (*) (void)) limit_connection);

  if (argc >= 4 && g_str_equal (argv[1], "write"))
    return run_write (argv[2], argv[3], argc > 4 ? atoi (argv[4]) : 1000000);
  if (argc == 3 && g_str_equal (argv[1], "open"))
    return run_open (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "fill"))
    return run_fill (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "remove"))
    return run_remove (argv[2], argv[3]);

  g_printerr ("usage: safety-helper write DIARY PREFIX [N] | open DIARY | fill DIARY | remove DIARY ID\n");
  return 2;
}
