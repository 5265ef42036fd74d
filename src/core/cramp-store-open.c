/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cramp-store-private.h"
#include "cramp-vocab.h"

/*
 * Opening a diary: the connection that writes (cramp_store_open()), one
 * that only reads where the diary cannot be written
 * (cramp_store_open_to_read()), and a second one beside the first for a
 * worker thread (cramp_store_open_reader()); each with the functions the
 * history's search calls.
 */

/* cramp_casefold(text): the history's search, without regard to case in
 * any script (SQLite's own LIKE folds ASCII only). */
static void
casefold_func (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  int length = sqlite3_value_bytes (argv[0]);

  if (text == NULL)
    sqlite3_result_null (context);
  else if (g_str_is_ascii (text))
    sqlite3_result_text (context, g_ascii_strdown (text, length), length, g_free);
  else
    sqlite3_result_text (context, g_utf8_casefold (text, length), -1, g_free);
}

/* cramp_shown(muscle, side, activity, relieved_by, symptoms, triggers):
 * the words the history shows for a cramp's choices, in the user's
 * language and case-folded, so that the search finds "numb" in Numbness
 * and "calf" in every calf cramp, not only in the notes. */
static const CrampVocab shown_vocabs[] = {
  CRAMP_VOCAB_MUSCLE, CRAMP_VOCAB_SIDE, CRAMP_VOCAB_ACTIVITY,
  CRAMP_VOCAB_RELIEF, CRAMP_VOCAB_SYMPTOM, CRAMP_VOCAB_TRIGGER,
};

/* Most cramps share their choices with many others: the words of each
 * set of choices are made once per connection, and kept up to this many. */
#define SHOWN_CACHE_SIZE 4096

static void
shown_func (sqlite3_context  *context,
            int               argc,
            sqlite3_value   **argv)
{
  GHashTable *cache = sqlite3_user_data (context);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) shown = g_string_new (NULL);
  const char *found;

  g_assert (argc == G_N_ELEMENTS (shown_vocabs));

  for (int i = 0; i < argc; i++)
    {
      const char *value = (const char *) sqlite3_value_text (argv[i]);

      g_string_append (key, value ? value : "");
      g_string_append_c (key, '\n');
    }
  if ((found = g_hash_table_lookup (cache, key->str)))
    {
      sqlite3_result_text (context, found, -1, SQLITE_TRANSIENT);
      return;
    }

  for (int i = 0; i < argc; i++)
    {
      const char *value = (const char *) sqlite3_value_text (argv[i]);
      CrampVocab vocab = shown_vocabs[i];
      guint index, bits;

      if (value == NULL || value[0] == '\0')
        continue;

      if (cramp_vocab_is_set (vocab))
        {
          g_autofree char *labels = NULL;

          if (!cramp_vocab_set_from_string (vocab, value, &bits, NULL))
            continue;
          labels = cramp_vocab_set_to_labels (vocab, bits);
          g_string_append (shown, labels);
        }
      else if (cramp_vocab_lookup (vocab, value, &index))
        g_string_append (shown, cramp_vocab_label (vocab, index));
      /* a line each: a search does not run from one into the next */
      g_string_append_c (shown, '\n');
    }

  if (g_hash_table_size (cache) >= SHOWN_CACHE_SIZE)
    g_hash_table_remove_all (cache);
  found = g_utf8_casefold (shown->str, shown->len);
  g_hash_table_insert (cache, g_string_free (g_steal_pointer (&key), FALSE), (char *) found);
  sqlite3_result_text (context, found, -1, SQLITE_TRANSIENT);
}

/* Opens the diary to read only. A diary closed well has no -wal file:
 * it is opened as immutable, which makes SQLite leave no -wal and -shm
 * files behind, and needs none, where a read-only folder or medium
 * could not take them. One with a -wal file holds changes there, which
 * only a connection that shares its -shm file sees. */
static int
open_read_only (CrampStore *self,
                gboolean    beside_writer)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;

  /* beside a connection that writes, never immutable: its changes are
   * seen through the -wal and -shm files it keeps */
  if (beside_writer || g_file_test (wal, G_FILE_TEST_EXISTS))
    return sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);

  if ((uri = g_filename_to_uri (self->path, NULL, NULL)) == NULL)
    return SQLITE_CANTOPEN;
  immutable = g_strconcat (uri, "?immutable=1", NULL);
  return sqlite3_open_v2 (immutable, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_URI, NULL);
}

static gboolean
open_database (CrampStore  *self,
               gboolean     read_only,
               gboolean     beside_writer,
               GError     **error)
{
  gint64 app_id, version;
  int rc;

  if (read_only)
    rc = open_read_only (self, beside_writer);
  else
    rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    return _cramp_store_set_error (self, rc, FALSE, error);

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_create_function_v2 (self->db, "cramp_casefold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, casefold_func, NULL, NULL, NULL);
  /* not deterministic: the words follow the language of the session */
  sqlite3_create_function_v2 (self->db, "cramp_shown", G_N_ELEMENTS (shown_vocabs),
                              SQLITE_UTF8 | SQLITE_INNOCUOUS,
                              g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
                              shown_func, NULL, NULL, (GDestroyNotify) g_hash_table_unref);

  if (!read_only && sqlite3_db_readonly (self->db, "main") == 1)
    return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_READ_ONLY,
                                 _("The diary “%s” is read-only, so nothing could be saved. Make it writable, then start again."),
                                 self->path);

  app_id = _cramp_store_query_int (self->db, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK)
    version = _cramp_store_query_int (self->db, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK)
    return _cramp_store_set_error (self, rc, FALSE, error);

  if (app_id != CRAMP_STORE_APPLICATION_ID)
    return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_FOREIGN,
                                 _("“%s” is a database of another application, not a Cramp Diary. It was left untouched."),
                                 self->path);

  if (version > cramp_store_schema_version ())
    return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_NEWER,
                                 _("The diary “%s” was written by a newer version of Cramp Diary. Update the app to open it."),
                                 self->path);

  if (read_only)
    {
      /* an older diary is brought up to date by writing it */
      if (version < cramp_store_schema_version ())
        return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_READ_ONLY,
                                            _("The diary “%s” is read-only and was written by an older version of "
                                              "Cramp Diary. Make it writable once, so that it can be brought up to "
                                              "date."),
                                            self->path);
      self->data_version = _cramp_store_query_int (self->db, "PRAGMA data_version", &rc);
      self->n_episodes = cramp_store_count (self);
      return TRUE;
    }

  if (!_cramp_store_exec (self,
             "PRAGMA journal_mode = WAL;"
             "PRAGMA synchronous = FULL;"
             "PRAGMA secure_delete = ON;"
             "PRAGMA temp_store = MEMORY;"
             "PRAGMA foreign_keys = ON;",
             TRUE, error))
    return FALSE;

  /* the diary as the older version left it is kept, should the new
   * one ever disappoint */
  if (version < cramp_store_schema_version () && !_cramp_store_back_up_before_upgrade (self, version, error))
    return FALSE;
  if (version < cramp_store_schema_version () && !_cramp_store_migrate (self, error))
    return FALSE;

  self->data_version = _cramp_store_query_int (self->db, "PRAGMA data_version", &rc);
  self->n_episodes = cramp_store_count (self);
  if (!self->created)
    _cramp_store_open_snapshot (self);

  return TRUE;
}

/**
 * cramp_store_open:
 * @path: the diary file; created, with its folder, if it does not exist
 *
 * Opens a diary, creating it if needed and bringing an older one up to
 * date. A file that is not a diary of this application, was written by a
 * newer version, or is damaged or unreadable is refused and left exactly
 * as it was.
 *
 * Returns: (transfer full): the store, or %NULL with @error set to a
 *   sentence for the user.
 */
CrampStore *
cramp_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(CrampStore) self = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *backups = NULL;
  gboolean created = FALSE;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  if (!_cramp_store_ensure_folder (path, error))
    return NULL;

  /* what a process killed part-way left behind */
  folder = g_path_get_dirname (path);
  backups = cramp_store_backup_folder (path);
  _cramp_store_remove_stale_files (folder);
  _cramp_store_remove_stale_files (backups);

  if (g_lstat (path, &st) != 0)
    {
      if (errno != ENOENT)
        return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_UNREADABLE,
                                     _("The diary “%s” cannot be read. Check that it belongs to you."),
                                     path), NULL;
      if (!_cramp_store_create_diary (path, &created, error))
        return NULL;
    }

  if (!_cramp_store_check_header (path, error))
    return NULL;

  /* SQLite keeps its -wal and -shm files beside the diary */
  if (g_access (folder, W_OK) != 0)
    return _cramp_store_set_path_error (error, CRAMP_STORE_ERROR_READ_ONLY,
                                        _("The folder of the diary, “%s”, is read-only, so nothing could be saved. "
                                          "Make it writable, then start again."), folder), NULL;

  self = g_object_new (CRAMP_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->created = created;
  if (!open_database (self, FALSE, FALSE, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Whether this process may write the diary at @path: the file, and its
 * folder, where SQLite keeps its -wal and -shm files. */
static gboolean
can_write (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (folder, W_OK) == 0;
}

/**
 * cramp_store_open_to_read:
 * @path: the diary file
 *
 * Opens the diary for a command that only reads it (an export, a
 * report, the findings): as cramp_store_open() does where the diary can
 * be written, and read-only where it cannot (a file or folder the user
 * made read-only, a read-only medium), so that the user can always get
 * their data out. A store opened read-only refuses every change with a
 * sentence that says why.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrampStore *
cramp_store_open_to_read (const char  *path,
                          GError     **error)
{
  g_autoptr(CrampStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS) || can_write (path))
    return cramp_store_open (path, error);

  if (!_cramp_store_check_header (path, error))
    return NULL;

  self = g_object_new (CRAMP_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_database (self, TRUE, FALSE, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cramp_store_open_reader:
 *
 * Opens a second, read-only connection to the diary of @store, for a
 * worker thread (the report page's analysis): it sees what @store has
 * written, writes nothing, and watches nothing. The new store belongs to
 * the thread that uses it.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrampStore *
cramp_store_open_reader (CrampStore  *store,
                         GError     **error)
{
  g_autoptr(CrampStore) self = NULL;

  g_return_val_if_fail (CRAMP_IS_STORE (store), NULL);

  self = g_object_new (CRAMP_TYPE_STORE, NULL);
  self->path = g_strdup (store->path);
  if (!open_database (self, TRUE, TRUE, error))
    return NULL;

  return g_steal_pointer (&self);
}
