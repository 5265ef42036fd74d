/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cramp-store-private.h"
#include "cramp-time.h"

/*
 * Backups of the diary, and restoring one.
 *
 * A backup is made with SQLite's online backup API, which reads a
 * consistent snapshot while the diary stays in use, into a private
 * temporary file that is synced and then renamed: a backup file is
 * complete or absent. The first change of each day makes one in
 * backups/ next to the diary, of the diary as it was before that change,
 * in a thread beside the change; the last 7 days and
 * the last of each of 4 weeks before them are kept.
 *
 * Restoring copies a backup into the open diary through the same API, so
 * that another process with the diary open (the window, while the
 * command line restores) sees it as one more change; the diary as it was
 * is first backed up aside. A diary too damaged to open is instead
 * renamed aside, with its -wal and -shm, and the backup put in its place.
 */

#define DAILY_KEPT  7
#define WEEKLY_KEPT 4

/**
 * cramp_store_backup_folder:
 * @diary_path: the diary
 *
 * Returns: (transfer full): where its automatic backups go
 */
char *
cramp_store_backup_folder (const char *diary_path)
{
  g_autofree char *folder = g_path_get_dirname (diary_path);

  return g_build_filename (folder, "backups", NULL);
}

static char *
stamp_now (void)
{
  g_autoptr(GDateTime) now = cramp_time_now_local ();

  return g_date_time_format (now, "%Y-%m-%d-%H%M%S");
}

/* Copies the database @source into @path, whole or not at all. */
static gboolean
copy_database (sqlite3     *source,
               const char  *path,
               GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *copying = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (!(copying = _cramp_store_new_private_file (folder, ".backup-XXXXXX")))
    return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_IO,
                                        _("A copy of the diary cannot be written in “%s”."), folder);

  rc = sqlite3_open_v2 (copying, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  /* a copy is one file, without a -wal beside it */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close_v2 (dest);

  if (rc != SQLITE_OK || !_cramp_store_fsync_path (copying, O_RDONLY) || g_rename (copying, path) != 0)
    {
      int saved = errno;

      _cramp_store_remove_private_file (copying);
      if ((rc & 0xff) == SQLITE_FULL || (rc == SQLITE_OK && saved == ENOSPC))
        g_set_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_FULL,
                     _("The disk is full, so the copy of the diary could not be written. Free some space, then try again."));
      else
        _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_IO,
                                     _("A copy of the diary cannot be written to “%s”."), path);
      return FALSE;
    }

  _cramp_store_fsync_path (folder, O_RDONLY | O_DIRECTORY);
  return TRUE;
}

/**
 * cramp_store_back_up:
 * @path: the file to write; replaced if it exists
 *
 * Writes a copy of the diary as it is now, private to the user, while it
 * stays open.
 */
gboolean
cramp_store_back_up (CrampStore  *self,
                     const char  *path,
                     GError     **error)
{
  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return copy_database (self->db, path, error);
}

/* The date in a daily backup's name, "diary-YYYY-MM-DD.sqlite3". */
static gboolean
daily_backup_date (const char *name,
                   GDate      *date)
{
  unsigned year, month, day;
  char tail[16];

  if (sscanf (name, "diary-%4u-%2u-%2u.%15s", &year, &month, &day, tail) != 4 ||
      !g_str_equal (tail, "sqlite3") || strlen (name) != strlen ("diary-YYYY-MM-DD.sqlite3") ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) b, *(const char * const *) a);
}

/* Keeps the 7 newest daily backups, and the newest of each of the 4
 * weeks before them. */
static void
prune (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint weeks_kept = 0, last_week = 0, last_year = 0;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      GDate date;

      if (daily_backup_date (name, &date))
        g_ptr_array_add (names, g_strdup (name));
    }
  /* ISO dates sort as their names */
  g_ptr_array_sort (names, compare_newest_first);

  for (guint i = DAILY_KEPT; i < names->len; i++)
    {
      const char *backup = g_ptr_array_index (names, i);
      GDate date;
      guint week, year;

      daily_backup_date (backup, &date);
      week = g_date_get_iso8601_week_of_year (&date);
      year = g_date_get_year (&date);
      if (weeks_kept < WEEKLY_KEPT && (week != last_week || year != last_year))
        {
          weeks_kept++;
          last_week = week;
          last_year = year;
          continue;
        }

      {
        g_autofree char *path = g_build_filename (folder, backup, NULL);

        if (g_unlink (path) != 0)
          g_debug ("Cannot remove the old backup %s: %s", path, g_strerror (errno));
      }
    }
}

/* The folder of the backups, private whatever the umask. */
static char *
ensure_backup_folder (const char  *diary_path,
                      GError     **error)
{
  g_autofree char *folder = cramp_store_backup_folder (diary_path);
  GStatBuf st;

  /* one that is as it should be is left alone: a change of its mode
   * would be one more thing for the next write's sync to wait for */
  if (g_lstat (folder, &st) == 0 && S_ISDIR (st.st_mode) && (st.st_mode & 07777) == 0700)
    return g_steal_pointer (&folder);

  if (g_mkdir_with_parents (folder, 0700) != 0 || g_chmod (folder, 0700) != 0)
    {
      _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_IO,
                                   _("The folder for backups, “%s”, cannot be created."), folder);
      return NULL;
    }

  return g_steal_pointer (&folder);
}

typedef struct
{
  sqlite3 *db;       /* the store's snapshot connection, in a read transaction */
  char    *path;
  gint    *state;    /* the store's backup_state */
} DailyBackup;

enum { BACKUP_RUNNING, BACKUP_DONE, BACKUP_FAILED };

static gpointer
daily_backup_thread (gpointer data)
{
  DailyBackup *job = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (job->path);
  gboolean ok;

  if ((ok = copy_database (job->db, job->path, &error)))
    {
      g_debug ("Backed up the diary to %s", job->path);
      prune (folder);
    }
  else
    g_warning ("The daily backup of the diary failed: %s", error->message);

  /* the view of the diary as it was is let go; the connection stays for
   * the next day */
  sqlite3_exec (job->db, "COMMIT", NULL, NULL, NULL);
  g_atomic_int_set (job->state, ok ? BACKUP_DONE : BACKUP_FAILED);
  g_free (job->path);
  g_free (job);
  return NULL;
}

/**
 * _cramp_store_open_snapshot:
 *
 * Opens the connection the daily backup reads through, as the diary is
 * opened for writing: at the first change of a day it only begins a
 * read transaction, which costs the change next to nothing.
 */
void
_cramp_store_open_snapshot (CrampStore *self)
{
  int rc;

  g_assert (self->snapshot_db == NULL);

  rc = sqlite3_open_v2 (self->path, &self->snapshot_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (self->snapshot_db, 5000);
      /* the schema read now, not at the first change */
      rc = sqlite3_exec (self->snapshot_db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_debug ("No connection for the daily backup: %s", sqlite3_errstr (rc));
      g_clear_pointer (&self->snapshot_db, sqlite3_close_v2);
    }
}

/**
 * cramp_store_wait_for_backup:
 *
 * Waits until the daily backup that a write started (see
 * cramp_store_write()) is written, if one is under way.
 */
void
cramp_store_wait_for_backup (CrampStore *self)
{
  g_return_if_fail (CRAMP_IS_STORE (self));

  if (self->backup == NULL)
    return;

  g_thread_join (g_steal_pointer (&self->backup));
  /* one that failed is tried again at the next change */
  if (g_atomic_int_get (&self->backup_state) == BACKUP_FAILED)
    self->backup_day = 0;
}

/*
 * The first change of a day backs up the diary as it was before that
 * change. Before the change, a connection of its own begins a read
 * transaction, which keeps that state in view (_cramp_store_hold_snapshot());
 * after it, a thread copies that state (_cramp_store_start_daily_backup()),
 * so that the change waits neither for the copy nor beside it. A backup
 * that fails does not stop the change: it is said in the log, and tried
 * again on the next change.
 */
void
_cramp_store_hold_snapshot (CrampStore *self)
{
  g_autoptr(GDateTime) now = cramp_time_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  GDate today;
  int rc;

  g_assert (self->snapshot_path == NULL);

  if (self->backup != NULL && g_atomic_int_get (&self->backup_state) != BACKUP_RUNNING)
    cramp_store_wait_for_backup (self);

  cramp_time_get_date (now, &today);
  if (self->backup_day == (int) g_date_get_julian (&today))
    return;

  /* a diary made just now has nothing to keep yet, and one opened
   * read-only takes no change */
  if (self->created || self->snapshot_db == NULL)
    {
      self->backup_day = g_date_get_julian (&today);
      return;
    }

  /* yesterday's, if it is still being written */
  cramp_store_wait_for_backup (self);

  if (!(folder = ensure_backup_folder (self->path, &error)))
    goto failed;

  name = g_date_time_format (now, "diary-%Y-%m-%d.sqlite3");
  self->snapshot_path = g_build_filename (folder, name, NULL);
  if (g_file_test (self->snapshot_path, G_FILE_TEST_EXISTS))
    g_clear_pointer (&self->snapshot_path, g_free);
  else if ((rc = sqlite3_exec (self->snapshot_db, "BEGIN; SELECT count(*) FROM sqlite_schema;",
                               NULL, NULL, NULL)) != SQLITE_OK)
    {
      sqlite3_exec (self->snapshot_db, "ROLLBACK", NULL, NULL, NULL);
      g_clear_pointer (&self->snapshot_path, g_free);
      _cramp_store_set_error (NULL, rc, FALSE, &error);
      goto failed;
    }

  self->backup_day = g_date_get_julian (&today);
  return;

failed:
  g_warning ("The daily backup of the diary failed: %s", error->message);
}

/* After the change: the copy of what the snapshot holds, in a thread. */
void
_cramp_store_start_daily_backup (CrampStore *self)
{
  DailyBackup *job;

  if (self->snapshot_path == NULL)
    return;

  job = g_new0 (DailyBackup, 1);
  job->db = self->snapshot_db;
  job->path = g_steal_pointer (&self->snapshot_path);
  job->state = &self->backup_state;
  g_atomic_int_set (&self->backup_state, BACKUP_RUNNING);
  self->backup = g_thread_new ("cramp-backup", daily_backup_thread, job);
}

/* Before a diary of an older version is brought up to date, a copy of it
 * as it was; if that copy cannot be made, the diary is not changed. */
gboolean
_cramp_store_back_up_before_upgrade (CrampStore  *self,
                                     gint64       version,
                                     GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *stamp = stamp_now ();
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (!(folder = ensure_backup_folder (self->path, error)))
    return FALSE;

  name = g_strdup_printf ("diary-before-upgrade-from-%" G_GINT64_FORMAT "-%s.sqlite3", version, stamp);
  path = g_build_filename (folder, name, NULL);
  return copy_database (self->db, path, error);
}

/**
 * cramp_store_list_backups:
 *
 * Returns: (transfer full) (element-type utf8): the paths of the
 *   backups of the diary at @diary_path, newest first
 */
GPtrArray *
cramp_store_list_backups (const char *diary_path)
{
  g_autofree char *folder = cramp_store_backup_folder (diary_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "diary-") && g_str_has_suffix (name, ".sqlite3"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_newest_first);

  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (folder, g_ptr_array_index (names, i), NULL));

  return paths;
}

/*
 * Opens @path read-only as a diary of ours that this version can read,
 * checking it whole.
 */
static sqlite3 *
open_backup (const char  *path,
             GError     **error)
{
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  gint64 version = G_MAXINT64;

  if (!_cramp_store_check_header (path, error))
    return NULL;

  /* immutable: nothing, not even a -wal or -shm, is written beside it */
  uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", path);
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    goto done;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (version > cramp_store_schema_version ())
    {
      _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_NEWER,
                                   _("“%s” was written by a newer version of Cramp Diary. Update the app to restore it."),
                                   path);
      sqlite3_close_v2 (db);
      return NULL;
    }

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

done:
  if (!ok)
    {
      _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_DAMAGED,
                                   _("“%s” is damaged, so it cannot be restored. Choose another backup."), path);
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

/**
 * cramp_store_check_backup:
 *
 * Returns: whether @path is a diary of ours, undamaged, that this
 *   version can restore; if not, @error says why in a sentence
 */
gboolean
cramp_store_check_backup (const char  *path,
                          GError     **error)
{
  sqlite3 *db = open_backup (path, error);

  if (db == NULL)
    return FALSE;

  sqlite3_close_v2 (db);
  return TRUE;
}

/**
 * cramp_store_restore:
 * @source: a backup
 * @kept_aside: (out) (optional): where the diary as it was went
 *
 * Replaces what the open diary holds with @source, brought up to date;
 * other processes with the diary open see it as a change. The diary as
 * it was is first backed up aside in the backup folder.
 */
gboolean
cramp_store_restore (CrampStore  *self,
                     const char  *source,
                     char       **kept_aside,
                     GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *stamp = stamp_now ();
  g_autofree char *name = NULL;
  g_autofree char *aside = NULL;
  sqlite3 *db;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  if (!(db = open_backup (source, error)))
    return FALSE;

  if (!(folder = ensure_backup_folder (self->path, error)))
    goto failed;
  name = g_strdup_printf ("diary-before-restore-%s.sqlite3", stamp);
  aside = g_build_filename (folder, name, NULL);
  if (!copy_database (self->db, aside, error))
    goto failed;

  backup = sqlite3_backup_init (self->db, "main", db, "main");
  if (backup == NULL)
    {
      _cramp_store_set_error (self, sqlite3_errcode (self->db), TRUE, error);
      goto failed;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      _cramp_store_set_error (self, rc, TRUE, error);
      goto failed;
    }
  sqlite3_close_v2 (db);

  /* statements prepared for the old schema go; the copy came without
   * its write-ahead log, and maybe from an older version */
  g_hash_table_remove_all (self->statements);
  rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return _cramp_store_set_error (self, rc, TRUE, error);
  if (!_cramp_store_migrate (self, error))
    return FALSE;

  if (kept_aside != NULL)
    *kept_aside = g_steal_pointer (&aside);
  /* a change by this connection, which its data_version may not count */
  if (!cramp_store_check_for_changes (self))
    {
      _cramp_store_recount (self);
      _cramp_store_emit_changed (self, CRAMP_STORE_CHANGE_ALL);
    }
  return TRUE;

failed:
  sqlite3_close_v2 (db);
  return FALSE;
}

static gboolean
move_aside (const char  *path,
            const char  *aside,
            GError     **error)
{
  if (g_rename (path, aside) == 0 || errno == ENOENT)
    return TRUE;

  return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_IO,
                                      _("The diary “%s” cannot be moved aside, so nothing was restored."), path);
}

/**
 * cramp_store_restore_file:
 * @diary_path: a diary that cannot be opened, or none
 * @source: a backup
 * @kept_aside: (out) (optional) (nullable): where the diary that was
 *   there went, or %NULL if there was none
 *
 * Puts a copy of @source at @diary_path, for a diary too damaged to open:
 * the file there, with its -wal and -shm, is renamed aside under a dated
 * name first, never deleted.
 */
gboolean
cramp_store_restore_file (const char  *diary_path,
                          const char  *source,
                          char       **kept_aside,
                          GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *folder = g_path_get_dirname (diary_path);
  g_autofree char *stamp = stamp_now ();
  g_autofree char *aside = NULL;
  g_autofree char *copy = g_build_filename (folder, ".restored.sqlite3", NULL);
  sqlite3 *db;
  gboolean had_diary;

  g_return_val_if_fail (diary_path != NULL && source != NULL, FALSE);

  if (!(db = open_backup (source, error)))
    return FALSE;

  /* the copy is made first: if it fails, nothing was moved */
  if (g_mkdir_with_parents (folder, 0700) != 0 || !copy_database (db, copy, error))
    {
      if (error != NULL && *error == NULL)
        _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_IO,
                                     _("The folder for the diary, “%s”, cannot be created."), folder);
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_close_v2 (db);

  had_diary = g_file_test (diary_path, G_FILE_TEST_EXISTS);
  {
    g_autofree char *base = g_path_get_basename (diary_path);
    g_autofree char *stem = g_str_has_suffix (base, ".sqlite3")
      ? g_strndup (base, strlen (base) - strlen (".sqlite3")) : g_strdup (base);
    g_autofree char *name = g_strdup_printf ("%s-damaged-%s.sqlite3", stem, stamp);

    aside = g_build_filename (folder, name, NULL);
  }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (diary_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (!move_aside (from, to, error))
        {
          g_unlink (copy);
          return FALSE;
        }
    }

  if (g_rename (copy, diary_path) != 0)
    {
      g_unlink (copy);
      return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_IO,
                                          _("The backup could not be put in place of the diary “%s”."),
                                          diary_path);
    }
  _cramp_store_fsync_path (folder, O_RDONLY | O_DIRECTORY);

  if (kept_aside != NULL)
    *kept_aside = had_diary ? g_steal_pointer (&aside) : NULL;
  return TRUE;
}

/* Whether SQLite finds the whole diary at @path readable, through a
 * connection of its own, read-only: the store's goes on meanwhile. */
static gboolean
quick_check_path (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *result = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_busy_timeout (db, 5000) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);

  if (g_strcmp0 (result, "ok") != 0)
    g_debug ("quick_check of %s: %s", path, result ? result : "no answer");
  return g_strcmp0 (result, "ok") == 0;
}

static void
quick_check_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  if (quick_check_path (task_data))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_DAMAGED,
                             _("The diary is damaged: some of it cannot be read. Restore it from a backup; "
                               "the damaged file will be kept aside."));
}

/**
 * cramp_store_check_whole:
 *
 * Checks the whole diary for damage, as the command line does before it
 * writes to it or copies it: a diary with a damaged page opens, and
 * reads well until that page, but nothing is added to it, and no copy
 * of it passes for a good backup.
 *
 * Returns: whether the diary is whole; if not, @error says so in the
 *   sentence that reading it would
 */
gboolean
cramp_store_check_whole (CrampStore  *self,
                         GError     **error)
{
  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);

  if (quick_check_path (self->path))
    return TRUE;

  return _cramp_store_set_error (self, SQLITE_CORRUPT, FALSE, error);
}

/**
 * cramp_store_quick_check_async:
 *
 * Checks the whole diary for damage in a worker thread, with a connection
 * of its own, so that it costs the window nothing.
 */
void
cramp_store_quick_check_async (CrampStore          *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CRAMP_IS_STORE (self));

  /* no source object: the task may be let go of in the worker thread,
   * and the store must not be finalized there */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cramp_store_quick_check_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, quick_check_thread);
}

/**
 * cramp_store_quick_check_finish:
 *
 * Takes the store, as a _finish function does, though the task holds no
 * reference to it (see cramp_store_quick_check_async()).
 */
gboolean
cramp_store_quick_check_finish (CrampStore    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cramp_store_quick_check_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
