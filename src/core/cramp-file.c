/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cramp-file.h"

static gboolean
set_error (GError     **error,
           int          saved_errno,
           const char  *format,
           const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               format, display, g_strerror (saved_errno));
  return FALSE;
}

/**
 * cramp_file_read:
 * @max_length: files longer than this are refused
 *
 * Reads a whole file, with a message for the user if it cannot be read.
 * The limit counts the bytes actually read, not what the file says of
 * its size, so a pipe or a device that never ends (/dev/zero) is
 * refused as soon as it passes the limit.
 */
gboolean
cramp_file_read (const char  *path,
                 gsize        max_length,
                 char       **contents,
                 gsize       *length,
                 GError     **error)
{
  g_autoptr(GByteArray) data = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  /* a named pipe that no program writes to opens at once, and reads as
   * empty, rather than waiting for a writer for ever */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    /* Translators: the first %s is a file name, the second why it failed */
    return set_error (error, errno, _("“%s” cannot be read: %s."), path);
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

  if (fstat (fd, &st) != 0 || S_ISDIR (st.st_mode))
    {
      close (fd);
      return set_error (error, EISDIR, _("“%s” cannot be read: %s."), path);
    }

  data = g_byte_array_sized_new (S_ISREG (st.st_mode) ? MIN ((gsize) st.st_size, max_length) + 1 : 65536);
  for (;;)
    {
      guint8 buffer[65536];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          return set_error (error, saved_errno, _("“%s” cannot be read: %s."), path);
        }
      if (n == 0)
        break;
      if (data->len + (gsize) n > max_length)
        {
          g_autofree char *display = g_filename_display_name (path);
          g_autofree char *limit = g_format_size_full (max_length, G_FORMAT_SIZE_IEC_UNITS);

          close (fd);
          /* Translators: %s is a file name, then a size such as "1.0 MiB" */
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       _("“%s” is longer than %s, more than such a file can be, so it was not read."), display, limit);
          return FALSE;
        }
      g_byte_array_append (data, buffer, n);
    }
  close (fd);

  *length = data->len;
  g_byte_array_append (data, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&data), FALSE);
  return TRUE;
}

/**
 * cramp_file_write_private:
 *
 * Writes @data to @path readable by the user alone (0600, whatever the
 * umask), through a temporary file that is flushed to disk and renamed,
 * so a failure never leaves half a file where a good one was.
 */
gboolean
cramp_file_write_private (const char  *path,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *base = NULL;
  g_autofree char *resolved = NULL;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  /* a link is kept, and the file it names is written */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode) && (resolved = realpath (path, NULL)) != NULL)
    path = resolved;

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", folder, base);

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    /* Translators: the first %s is a file name, the second why it failed */
    return set_error (error, errno, _("“%s” cannot be written: %s."), path);

  fchmod (fd, 0600);
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (tmp);
          return set_error (error, saved_errno, _("“%s” cannot be written: %s."), path);
        }
      data += n;
      length -= n;
    }

  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (tmp);
      return set_error (error, saved_errno, _("“%s” cannot be written: %s."), path);
    }

  if (close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      return set_error (error, saved_errno, _("“%s” cannot be written: %s."), path);
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      return set_error (error, saved_errno, _("“%s” cannot be written: %s."), path);
    }

  return TRUE;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *full_a = g_canonicalize_filename (a, cwd);
  g_autofree char *full_b = g_canonicalize_filename (b, cwd);
  GStatBuf st_a, st_b;

  if (g_str_equal (full_a, full_b))
    return TRUE;

  /* through a link, or a folder named two ways */
  return g_stat (a, &st_a) == 0 && g_stat (b, &st_b) == 0 &&
         st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;
}

/**
 * cramp_file_check_not_diary:
 * @path: a file about to be written or read as a copy
 * @diary_path: the diary
 *
 * Keeps an export, a report or a copy from being written over the diary
 * itself, or its -wal and -shm files, whatever name the user gave.
 *
 * Returns: whether @path is none of them; if it is, @error says so
 */
gboolean
cramp_file_check_not_diary (const char  *path,
                            const char  *diary_path,
                            GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *diary_file = g_strconcat (diary_path, suffixes[i], NULL);

      if (same_file (path, diary_file))
        {
          g_autofree char *display = g_filename_display_name (path);

          /* Translators: %s is a file name */
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _("“%s” is the diary itself, so it was left alone. Choose another file."), display);
          return FALSE;
        }
    }

  return TRUE;
}

/* Whether @path's folder is @folder, through whatever names. */
static gboolean
in_folder (const char *path,
           const char *folder)
{
  g_autofree char *parent = g_path_get_dirname (path);
  GStatBuf st_parent, st_folder;

  return g_stat (parent, &st_parent) == 0 && g_stat (folder, &st_folder) == 0 &&
         st_parent.st_dev == st_folder.st_dev && st_parent.st_ino == st_folder.st_ino;
}

static const char *
describe_kind (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  return _("not a regular file");
}

/**
 * cramp_file_check_target:
 * @path: a file about to be written: an export, a report, a copy
 * @diary_path: the diary
 *
 * Keeps what the app writes from destroying what is at @path: the diary
 * and its -wal and -shm (cramp_file_check_not_diary()), any other file
 * of the app's own folders (an automatic backup, a diary kept aside at
 * a restore), and anything that is not a regular file (a named pipe, a
 * device, a socket, a folder), which the rename of a finished file
 * would replace.
 *
 * Returns: whether @path may be written; if not, @error says why
 */
gboolean
cramp_file_check_target (const char  *path,
                         const char  *diary_path,
                         GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (diary_path);
  g_autofree char *backups = g_build_filename (folder, "backups", NULL);
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf st;

  if (!cramp_file_check_not_diary (path, diary_path, error))
    return FALSE;

  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      /* Translators: the first %s is a file name, the second says what it
       * is, such as "a named pipe" */
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("“%s” is %s, not a file, so nothing was written to it. Choose a file."),
                   display, describe_kind (st.st_mode));
      return FALSE;
    }

  if (in_folder (path, folder) || in_folder (path, backups))
    {
      /* Translators: %s is a file name */
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("“%s” is in Cramp Diary’s own folder, beside the diary and its backups, so it was left alone. "
                     "Choose a file elsewhere."), display);
      return FALSE;
    }

  return TRUE;
}
