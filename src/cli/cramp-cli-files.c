/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cramp-cli-private.h"
#include "cramp-csv.h"
#include "cramp-file.h"
#include "cramp-nights-csv.h"
#include "cramp-profile-json.h"
#include "cramp-store-backup.h"
#include "cramp-store-episodes.h"
#include "cramp-store-profile.h"
#include "cramp-store.h"

/*
 * The commands that move a diary's data in and out through files: the
 * CSV import and export, the backup and the restore, the profile's JSON.
 */

/*
 * --import reads the file in a thread of its own while the main thread
 * stores what was read so far, in one transaction: on two cores the two
 * halves of the work overlap. A wrong row anywhere leaves the diary as it
 * was, or as it was not.
 */

#define BATCH_SIZE 512

typedef struct
{
  const char  *data;
  gsize        length;
  const char  *file_name;
  GAsyncQueue *batches;   /* GPtrArray of CrampEpisode; an empty one ends */
  GAsyncQueue *done;      /* the batches back, to be freed; the empty one ends */
  GPtrArray   *batch;
  GHashTable  *seen;      /* start, duration, muscle and side of each row */
  GStrv        unknown;
  guint        n_bad;
  guint        n_moved;
  guint        n_repeated;
  GError      *error;
  GThread     *thread;
  gboolean     parsed;
  gboolean     began;     /* the write began: a failure leaves nothing */
  guint        n_added;
  guint        n_skipped;
} ParseJob;

/* What makes two rows without an id the same cramp, as the store
 * compares them with the diary (cramp_store_import_episode()). */
static char *
same_cramp_key (CrampEpisode *episode)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %d %d %d",
                          g_date_time_to_unix (cramp_episode_get_started_at (episode)),
                          cramp_episode_get_duration (episode), cramp_episode_get_muscle (episode),
                          cramp_episode_get_side (episode));
}

static void
queue_episode (CrampEpisode *episode,
               gpointer      user_data)
{
  ParseJob *job = user_data;
  GPtrArray *finished;
  char *key = same_cramp_key (episode);

  /* a row without an id that repeats an earlier row of the file is
   * counted as such, not as one already in the diary */
  if (!g_hash_table_add (job->seen, key) && cramp_episode_get_id (episode) == NULL)
    {
      job->n_repeated++;
      return;
    }

  g_ptr_array_add (job->batch, g_object_ref (episode));
  if (job->batch->len == BATCH_SIZE)
    {
      g_async_queue_push (job->batches, job->batch);
      job->batch = g_ptr_array_new_full (BATCH_SIZE, g_object_unref);
      while ((finished = g_async_queue_try_pop (job->done)))
        g_ptr_array_unref (finished);
    }
}

static gpointer
parse_thread (gpointer user_data)
{
  ParseJob *job = user_data;
  gboolean ok;

  job->batch = g_ptr_array_new_full (BATCH_SIZE, g_object_unref);
  job->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ok = cramp_csv_parse_each (job->data, job->length, job->file_name, &job->unknown, &job->n_bad, &job->n_moved,
                             queue_episode, job, &job->error);
  g_hash_table_unref (job->seen);
  if (job->batch->len > 0)
    g_async_queue_push (job->batches, job->batch);
  else
    g_ptr_array_unref (job->batch);
  /* the end */
  g_async_queue_push (job->batches, g_ptr_array_new ());

  /* Episodes are freed by the thread that made them: freed by the other
   * thread, they cost it a third more time in the allocator. */
  for (;;)
    {
      GPtrArray *finished = g_async_queue_pop (job->done);
      gboolean end = finished->len == 0;

      g_ptr_array_unref (finished);
      if (end)
        break;
    }

  return GINT_TO_POINTER (ok);
}

/* Adds the batches to @store (or, without one, only takes them) as the
 * parser sends them, then waits for the parser to end. */
static gboolean
take_batches (CrampStore  *store,
              ParseJob    *job,
              GError     **error)
{
  gboolean stored = store != NULL;

  for (;;)
    {
      GPtrArray *batch = g_async_queue_pop (job->batches);
      gboolean end = batch->len == 0;

      for (guint i = 0; i < batch->len && stored; i++)
        {
          gboolean added;

          stored = cramp_store_import_episode (store, g_ptr_array_index (batch, i), &added, error);
          if (stored && added)
            job->n_added++;
          else if (stored)
            job->n_skipped++;
        }
      g_async_queue_push (job->done, batch);
      if (end)
        break;
    }

  job->parsed = GPOINTER_TO_INT (g_thread_join (job->thread));
  if (stored && !job->parsed)
    {
      /* a wrong row: what was added goes again */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, job->error->message);
      return FALSE;
    }

  return stored;
}

static gboolean
import_cb (CrampStore  *store,
           gpointer     user_data,
           GError     **error)
{
  ParseJob *job = user_data;

  job->began = TRUE;
  cramp_store_make_room (store);
  return take_batches (store, job, error);
}

/* A file with wrong rows: each said (@problems, a line each), and that
 * nothing was imported. */
static void
fail_rows (const char *problems,
           guint       n_bad)
{
  g_printerr ("%s\n", problems);
  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           "Nothing was imported: %u row has a problem. Correct it and import the file again.\n",
                           "Nothing was imported: %u rows have problems. Correct them and import the file again.\n",
                           n_bad),
              n_bad);
}

/* A wrong file makes no diary: one this import made is taken away again,
 * unless something else wrote to it or opened it meanwhile. */
static void
forget_new_diary (CrampStore **store,
                  gboolean     folder_existed)
{
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *folder = NULL;

  if (*store == NULL || !cramp_store_get_created (*store) || cramp_store_count (*store) > 0)
    return;

  path = g_strdup (cramp_store_get_path (*store));
  wal = g_strconcat (path, "-wal", NULL);
  folder = g_path_get_dirname (path);
  /* Closing the last connection removes the -wal and -shm files: if they
   * are still there, the window (say) has the diary open. */
  g_clear_object (store);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    return;
  g_unlink (path);
  if (!folder_existed)
    g_rmdir (folder);
}

int
_cramp_cli_run_import (const CrampCliOptions *options,
                       const char            *diary_path)
{
  const char *path = options->import_path;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(GAsyncQueue) batches = g_async_queue_new ();
  g_autoptr(GAsyncQueue) done = g_async_queue_new ();
  g_autofree char *contents = NULL;
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *folder = g_path_get_dirname (diary_path);
  gboolean folder_existed = g_file_test (folder, G_FILE_TEST_IS_DIR);
  ParseJob job = { 0 };
  gboolean stored;
  gsize length;

  if (!cramp_file_read (path, CRAMP_CSV_MAX_BYTES, &contents, &length, &error))
    return _cramp_cli_fail (error->message);

  job.data = contents;
  job.length = length;
  job.file_name = display;
  job.batches = batches;
  job.done = done;
  job.thread = g_thread_new ("cramp-csv", parse_thread, &job);

  /* nothing is added to a damaged diary */
  if ((store = cramp_store_open (diary_path, &error)) && cramp_store_check_whole (store, &error))
    stored = cramp_store_write (store, CRAMP_STORE_CHANGE_EPISODES, import_cb, &job, &error);
  else
    stored = FALSE;
  /* the file is read to its end, and its problems said, in any case */
  if (!job.began)
    take_batches (NULL, &job, NULL);

  if (!job.parsed)
    {
      forget_new_diary (&store, folder_existed);
      g_strfreev (job.unknown);
      fail_rows (job.error->message, job.n_bad);
      g_error_free (job.error);
      return CRAMP_EXIT_ERROR;
    }

  for (guint i = 0; job.unknown[i] != NULL; i++)
    /* Translators: %s: file name, “%s”: a column name */
    g_printerr (_("%s: the column “%s” is not part of the diary and was ignored\n"),
                display, job.unknown[i]);
  g_strfreev (job.unknown);

  if (!stored)
    {
      forget_new_diary (&store, folder_existed);
      g_printerr ("%s\n", error->message);
      if (job.began)
        g_printerr ("%s\n", _("Nothing was imported."));
      return CRAMP_EXIT_ERROR;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Imported %u episode from %s.",
                        "Imported %u episodes from %s.",
                        job.n_added),
           job.n_added, display);
  if (job.n_skipped > 0)
    {
      g_print (" ");
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%u was already in the diary and was skipped.",
                            "%u were already in the diary and were skipped.",
                            job.n_skipped),
               job.n_skipped);
    }
  if (job.n_repeated > 0)
    {
      g_print (" ");
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%u row repeats an earlier row of this file and was skipped.",
                            "%u rows repeat earlier rows of this file and were skipped.",
                            job.n_repeated),
               job.n_repeated);
    }
  if (job.n_moved > 0)
    {
      g_print (" ");
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%u start fell in the time the clocks skip, and was moved forward by as much: "
                            "02:30 reads 03:30 where an hour is skipped.",
                            "%u starts fell in the time the clocks skip, and were moved forward by as much: "
                            "02:30 reads 03:30 where an hour is skipped.",
                            job.n_moved),
               job.n_moved);
    }
  g_print ("\n");

  return CRAMP_EXIT_OK;
}

/* Writes @csv to @path ("-": the standard output), and says how many
 * went where, with @done_format ("Exported %u … to %s.\n"). */
static int
write_export (const char *path,
              const char *diary_path,
              GString    *csv,
              const char *done_format,
              guint       n)
{
  g_autofree char *display = NULL;
  int status;

  status = _cramp_cli_write_output (path, diary_path, csv->str, csv->len,
                                    _("The export could not be written to the standard output."));
  if (status != CRAMP_EXIT_OK || strcmp (path, "-") == 0)
    return status;

  display = g_filename_display_name (path);
  g_print (done_format, n, display);
  return CRAMP_EXIT_OK;
}

int
_cramp_cli_run_export (const CrampCliOptions *options,
                       const char            *diary_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(GString) csv = NULL;
  guint n_episodes = 0;

  if (!(store = cramp_store_open_to_read (diary_path, &error)))
    return _cramp_cli_fail (error->message);

  if (!(csv = cramp_csv_export (store, &n_episodes, &error)))
    return _cramp_cli_fail (error->message);

  return write_export (options->export_path, diary_path, csv,
                       g_dngettext (GETTEXT_PACKAGE, "Exported %u episode to %s.\n", "Exported %u episodes to %s.\n",
                                    n_episodes),
                       n_episodes);
}

int
_cramp_cli_run_backup (const CrampCliOptions *options,
                       const char            *diary_path)
{
  const char *path = options->backup_path;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = NULL;
  g_autofree char *display = g_filename_display_name (path);
  guint n_episodes;
  int status;

  if ((status = _cramp_cli_check_output (path, diary_path)) != CRAMP_EXIT_OK)
    return status;
  /* a copy of a damaged diary is no backup */
  if (!(store = cramp_store_open_to_read (diary_path, &error)) || !cramp_store_check_whole (store, &error))
    return _cramp_cli_fail (error->message);
  if (!cramp_store_back_up (store, path, &error))
    return _cramp_cli_fail (error->message);

  n_episodes = cramp_store_count (store);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Backed up the diary, %u episode, to %s.\n",
                        "Backed up the diary, %u episodes, to %s.\n",
                        n_episodes),
           n_episodes, display);
  return CRAMP_EXIT_OK;
}

int
_cramp_cli_run_restore (const CrampCliOptions *options,
                        const char            *diary_path)
{
  const char *path = options->restore_path;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autoptr(CrampStore) store = NULL;
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *aside = NULL;
  g_autofree char *aside_display = NULL;

  /* a file that is not a good diary of ours is refused before anything
   * is touched */
  if (!cramp_store_check_backup (path, &error))
    return _cramp_cli_fail (error->message);
  if (!cramp_file_check_not_diary (path, diary_path, &error))
    return _cramp_cli_fail (error->message);

  store = cramp_store_open (diary_path, &open_error);
  if (store != NULL)
    {
      if (!cramp_store_restore (store, path, &aside, &error))
        return _cramp_cli_fail (error->message);
    }
  else if (g_error_matches (open_error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_DAMAGED) ||
           g_error_matches (open_error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_FOREIGN) ||
           g_error_matches (open_error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_NEWER))
    {
      /* a diary that cannot be opened is moved aside, never replaced */
      if (!cramp_store_restore_file (diary_path, path, &aside, &error))
        return _cramp_cli_fail (error->message);
      g_clear_object (&store);
      if (!(store = cramp_store_open (diary_path, &error)))
        return _cramp_cli_fail (error->message);
    }
  else
    return _cramp_cli_fail (open_error->message);

  aside_display = aside ? g_filename_display_name (aside) : NULL;
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Restored the diary from %s: %u episode.",
                        "Restored the diary from %s: %u episodes.",
                        cramp_store_count (store)),
           display, cramp_store_count (store));
  if (aside_display != NULL)
    {
      g_print (" ");
      /* Translators: %s is a file name */
      g_print (_("The diary as it was is kept in %s."), aside_display);
    }
  g_print ("\n");
  return CRAMP_EXIT_OK;
}

int
_cramp_cli_run_import_profile (const CrampCliOptions *options,
                               const char            *diary_path)
{
  const char *path = options->import_profile_path;
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(CrampProfile) profile = NULL;
  g_autoptr(CrampProfile) current = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!cramp_file_read (path, CRAMP_PROFILE_JSON_MAX_BYTES, &data, &length, &error))
    return _cramp_cli_fail (error->message);

  if (!(profile = cramp_profile_from_json (data, length, &error)))
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", display, error->message);

      return _cramp_cli_fail (message);
    }

  if (!(store = cramp_store_open (diary_path, &error)) ||
      !cramp_store_check_whole (store, &error) ||
      !(current = cramp_store_get_profile (store, &error)))
    return _cramp_cli_fail (error->message);

  /* the name on the report is not part of the file */
  cramp_profile_set_patient_name (profile, cramp_profile_get_patient_name (current));
  if (!cramp_store_set_profile (store, profile, &error))
    return _cramp_cli_fail (error->message);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Replaced the health profile from %s: %u medication.\n",
                        "Replaced the health profile from %s: %u medications.\n",
                        cramp_profile_get_n_medications (profile)),
           display, cramp_profile_get_n_medications (profile));
  return CRAMP_EXIT_OK;
}

int
_cramp_cli_run_export_profile (const CrampCliOptions *options,
                               const char            *diary_path)
{
  const char *path = options->export_profile_path;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(CrampProfile) profile = NULL;
  g_autofree char *json = NULL;
  int status;

  if (!(store = cramp_store_open_to_read (diary_path, &error)) ||
      !(profile = cramp_store_get_profile (store, &error)))
    return _cramp_cli_fail (error->message);
  json = cramp_profile_to_json (profile);

  status = _cramp_cli_write_output (path, diary_path, json, strlen (json),
                                    _("The health profile could not be written to the standard output."));
  if (status != CRAMP_EXIT_OK || strcmp (path, "-") == 0)
    return status;

  {
    g_autofree char *display = g_filename_display_name (path);

    /* Translators: %s is a file name */
    g_print (_("Wrote the health profile to %s.\n"), display);
  }
  return CRAMP_EXIT_OK;
}

/* cramp-diary --import-nights FILE.csv: all of it, or nothing. */
int
_cramp_cli_run_import_nights (const CrampCliOptions *options,
                              const char            *diary_path)
{
  const char *path = options->import_nights_path;
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(GArray) nights = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint n_bad = 0, n_added = 0, n_skipped = 0;

  if (!cramp_file_read (path, CRAMP_CSV_MAX_BYTES, &contents, &length, &error))
    return _cramp_cli_fail (error->message);

  if (!(nights = cramp_nights_csv_parse (contents, length, display, &lines, &n_bad, &error)))
    {
      fail_rows (error->message, n_bad);
      return CRAMP_EXIT_ERROR;
    }

  /* nothing is added to a damaged diary */
  if (!(store = cramp_store_open (diary_path, &error)) || !cramp_store_check_whole (store, &error) ||
      !cramp_nights_csv_import (store, nights, lines, display, &n_added, &n_skipped, &error))
    {
      g_printerr ("%s\n", error->message);
      if (store != NULL)
        g_printerr ("%s\n", _("Nothing was imported."));
      return CRAMP_EXIT_ERROR;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u night from %s.", "Imported %u nights from %s.", n_added),
           n_added, display);
  if (n_skipped > 0)
    {
      g_print (" ");
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%u was already in the diary and was skipped.",
                            "%u were already in the diary and were skipped.",
                            n_skipped),
               n_skipped);
    }
  g_print ("\n");
  return CRAMP_EXIT_OK;
}

/* cramp-diary --export-nights FILE.csv */
int
_cramp_cli_run_export_nights (const CrampCliOptions *options,
                              const char            *diary_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(GString) csv = NULL;
  guint n_nights = 0;

  if (!(store = cramp_store_open_to_read (diary_path, &error)))
    return _cramp_cli_fail (error->message);

  if (!(csv = cramp_nights_csv_export (store, &n_nights, &error)))
    return _cramp_cli_fail (error->message);

  return write_export (options->export_nights_path, diary_path, csv,
                       g_dngettext (GETTEXT_PACKAGE, "Exported %u night to %s.\n", "Exported %u nights to %s.\n",
                                    n_nights),
                       n_nights);
}
