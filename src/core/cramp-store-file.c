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
 * The diary as a file: its folder, private whatever the umask; a new
 * diary built whole under another name and linked into place; a look at
 * the first bytes of a file before SQLite may write to it.
 */

gboolean
_cramp_store_fsync_path (const char *path,
                         int         flags)
{
  int fd = g_open (path, flags | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;

  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/**
 * _cramp_store_new_private_file:
 * @pattern: a file name with "XXXXXX", which is made unique
 *
 * A new empty file in @folder that only the user can read, whatever the
 * umask, for SQLite to fill before it is moved into its place.
 *
 * Returns: (transfer full) (nullable): its path, or %NULL if it cannot be made
 */
char *
_cramp_store_new_private_file (const char *folder,
                               const char *pattern)
{
  g_autofree char *path = g_build_filename (folder, pattern, NULL);
  int fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    return NULL;

  fchmod (fd, 0600);
  close (fd);
  return g_steal_pointer (&path);
}

/**
 * _cramp_store_remove_private_file:
 *
 * Removes a file that _cramp_store_new_private_file() made, and what
 * SQLite made beside it (its -journal, -wal and -shm).
 */
void
_cramp_store_remove_private_file (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* A temporary file of ours is stale when a process that was killed, or
 * a machine that lost power, left it an hour ago or more: no copy or
 * new diary takes that long. */
#define STALE_AFTER_S (60 * 60)

/**
 * _cramp_store_remove_stale_files:
 * @folder: the diary's folder, or its backups'
 *
 * Removes the temporary files that a new diary or a copy is built in
 * (".diary-new-…", ".backup-…", with their -journal, -wal and -shm)
 * when they are stale: what a process killed part-way left behind.
 */
void
_cramp_store_remove_stale_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = cramp_time_now_unix ();
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, ".diary-new-") && !g_str_has_prefix (name, ".backup-"))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime >= STALE_AFTER_S)
        {
          g_debug ("Removing %s, left by a process that did not finish", path);
          g_unlink (path);
        }
    }
}

/* Makes the diary's folder, private whatever the umask. */
gboolean
_cramp_store_ensure_folder (const char  *path,
                            GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  GStatBuf st;
  int mode = 0700;

  /* g_mkdir_with_parents() is subject to the umask; the folder is ours,
   * so it is made private even if it existed: others lose their access,
   * but a folder the user made read-only stays read-only */
  if (g_stat (folder, &st) == 0)
    mode = st.st_mode & 0700;
  else if (g_mkdir_with_parents (folder, 0700) != 0)
    return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_UNREADABLE,
                                 _("The folder for the diary, “%s”, cannot be created."),
                                 folder);

  if ((g_stat (folder, &st) != 0 || (st.st_mode & 07777) != mode) && g_chmod (folder, mode) != 0)
    g_debug ("Cannot make %s private: %s", folder, g_strerror (errno));

  return TRUE;
}

/*
 * A new diary is built complete under a temporary name and then linked
 * into place, so that an empty or half-made file never appears under the
 * diary's name, and a file that appeared there meanwhile is never
 * replaced.
 */
gboolean
_cramp_store_create_diary (const char  *path,
                           gboolean    *created,
                           GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *building = NULL;
  g_autoptr(CrampStore) builder = NULL;
  int rc;

  if (!(building = _cramp_store_new_private_file (folder, ".diary-new-XXXXXX")))
    return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_UNREADABLE,
                                 _("A new diary cannot be created in “%s”."), folder);

  builder = g_object_new (CRAMP_TYPE_STORE, NULL);
  builder->path = g_strdup (building);
  rc = sqlite3_open_v2 (building, &builder->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK ||
      !_cramp_store_migrate (builder, error) ||
      !_cramp_store_exec (builder, "PRAGMA journal_mode = WAL", TRUE, error))
    {
      if (rc != SQLITE_OK)
        _cramp_store_set_error (builder, rc, TRUE, error);
      g_clear_object (&builder);
      _cramp_store_remove_private_file (building);
      return FALSE;
    }
  g_clear_object (&builder);

  if (!_cramp_store_fsync_path (building, O_RDONLY) || link (building, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (building);
      /* Someone else made the diary first: open theirs. */
      if (saved_errno == EEXIST)
        {
          *created = FALSE;
          return TRUE;
        }

      return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_IO,
                                   _("A new diary cannot be created in “%s”."), folder);
    }

  g_unlink (building);
  _cramp_store_fsync_path (folder, O_RDONLY | O_DIRECTORY);

  *created = TRUE;
  return TRUE;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
has_log (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/*
 * Looks at the file's first bytes before SQLite opens it for writing, so
 * that another application's database, garbage, an empty or a truncated
 * file is refused without a byte of it being changed.
 */
gboolean
_cramp_store_check_header (const char  *path,
                           GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100];
  struct stat st;
  gssize n_read;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0)
    return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_UNREADABLE,
                                 errno == ELOOP
                                 ? _("The diary “%s” is a symbolic link; Cramp Diary only opens a regular file.")
                                 : _("The diary “%s” cannot be read. Check that it belongs to you."),
                                 path);

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_UNREADABLE,
                                   _("The diary “%s” is not a regular file."), path);
    }

  n_read = read (fd, header, sizeof header);
  close (fd);

  if (st.st_size == 0)
    return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_DAMAGED,
                                 _("The diary “%s” is empty: its contents were lost. Restore it from a backup."),
                                 path);

  if (n_read < (gssize) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_DAMAGED,
                                 _("The diary “%s” is damaged or is not a diary. Restore it from a backup."),
                                 path);

  if (read_be32 (header + 68) != CRAMP_STORE_APPLICATION_ID)
    return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_FOREIGN,
                                 _("“%s” is a database of another application, not a Cramp Diary. It was left untouched."),
                                 path);

  /* The page count in the header is valid when the two change counters
   * agree; a file shorter than that lost its end, unless a checkpoint was
   * cut short: then the log still holds the pages, and SQLite finishes
   * it. */
  if (read_be32 (header + 24) == read_be32 (header + 92) && !has_log (path))
    {
      guint32 page_size = ((guint32) header[16] << 8) | header[17];
      guint64 n_pages = read_be32 (header + 28);

      if (page_size == 1)
        page_size = 65536;
      if ((guint64) st.st_size < n_pages * page_size)
        return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_DAMAGED,
                                     _("The diary “%s” is truncated: part of it is missing. Restore it from a backup."),
                                     path);
    }

  return TRUE;
}
