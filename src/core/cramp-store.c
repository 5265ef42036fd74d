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
#include "cramp-time.h"

G_DEFINE_FINAL_TYPE (CrampStore, cramp_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (cramp-store-error-quark, cramp_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_PATH,
  PROP_CREATED,
  PROP_N_EPISODES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * cramp_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/cramp-diary/diary.sqlite3`
 */
char *
cramp_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "cramp-diary", "diary.sqlite3", NULL);
}

gboolean
_cramp_store_set_path_error (GError     **error,
                             int          code,
                             const char  *format,
                             const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, CRAMP_STORE_ERROR, code, format, display);
  return FALSE;
}

gboolean
_cramp_store_set_error (CrampStore  *self,
                        int          rc,
                        gboolean     writing,
                        GError     **error)
{
  int code;
  const char *message;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = CRAMP_STORE_ERROR_FULL;
      message = _("The disk is full, so the diary could not be saved. Free some space, then try again.");
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = CRAMP_STORE_ERROR_BUSY;
      message = _("Another program is using the diary right now. Try again in a moment.");
      break;

    case SQLITE_READONLY:
      code = CRAMP_STORE_ERROR_READ_ONLY;
      message = _("The diary file is read-only, so changes cannot be saved.");
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = CRAMP_STORE_ERROR_DAMAGED;
      message = _("The diary file is damaged. Restore it from a backup.");
      break;

    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_CANTOPEN:
      code = CRAMP_STORE_ERROR_UNREADABLE;
      message = _("The diary file cannot be opened. Check that it belongs to you and can be read.");
      break;

    case SQLITE_CONSTRAINT:
      code = CRAMP_STORE_ERROR_INVALID;
      message = _("The diary refused a value that is out of range.");
      break;

    case SQLITE_IOERR:
    default:
      code = CRAMP_STORE_ERROR_IO;
      message = writing
        ? _("The diary could not be written: the disk reported an error.")
        : _("The diary could not be read: the disk reported an error.");
      break;
    }

  g_debug ("SQLite error %d (%s)", rc, self && self->db ? sqlite3_errmsg (self->db) : "");
  g_set_error_literal (error, CRAMP_STORE_ERROR, code, message);
  return FALSE;
}

sqlite3_stmt *
_cramp_store_prepare (CrampStore  *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cramp_store_set_error (self, rc, FALSE, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

void
_cramp_store_release (sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
_cramp_store_exec (CrampStore  *self,
                   const char  *sql,
                   gboolean     writing,
                   GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _cramp_store_set_error (self, rc, writing, error);

  return TRUE;
}

void
_cramp_store_rollback (CrampStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* The diary's cramps counted again: after a change this store did not
 * make (another process's, a restore), whose effect it cannot know. */
void
_cramp_store_recount (CrampStore *self)
{
  guint n_episodes = cramp_store_count (self);

  if (n_episodes != self->n_episodes)
    {
      self->n_episodes = n_episodes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EPISODES]);
    }
}

static const struct
{
  CrampStoreChange change;
  const char      *detail;
} change_details[] = {
  { CRAMP_STORE_CHANGE_EPISODES, "episodes" },
  { CRAMP_STORE_CHANGE_PROFILE, "profile" },
  { CRAMP_STORE_CHANGE_STRETCHES, "stretches" },
  { CRAMP_STORE_CHANGE_NIGHTS, "nights" },
  { CRAMP_STORE_CHANGE_EXPERIMENTS, "experiments" },
};

/**
 * cramp_store_change_to_quark:
 * @change: one part of the diary
 *
 * Returns: the detail of #CrampStore::changed for @change
 */
GQuark
cramp_store_change_to_quark (CrampStoreChange change)
{
  for (guint i = 0; i < G_N_ELEMENTS (change_details); i++)
    if (change == change_details[i].change)
      return g_quark_from_static_string (change_details[i].detail);

  g_return_val_if_reached (0);
}

/* #CrampStore::changed, once for each part of the diary in @changes. */
void
_cramp_store_emit_changed (CrampStore       *self,
                           CrampStoreChange  changes)
{
  for (guint i = 0; i < G_N_ELEMENTS (change_details); i++)
    if (changes & change_details[i].change)
      g_signal_emit (self, signals[CHANGED], cramp_store_change_to_quark (change_details[i].change),
                     change_details[i].change);
}

/**
 * cramp_store_write:
 * @changes: the parts of the diary that @func changes
 * @func: the change, run inside the transaction
 *
 * Every change to the diary goes through here: it opens a transaction,
 * runs @func, commits what it did (so that it is on disk when this
 * returns %TRUE) or, when @func fails or the commit does, rolls all of
 * it back; then emits #CrampStore::changed for each part in @changes.
 * The first write of a day holds a view of the diary as it was before it,
 * and a thread copies that into the day's backup after the write: the
 * write does not wait for it, nor share the disk with it.
 *
 * Returns: whether the change is in the diary
 */
gboolean
cramp_store_write (CrampStore           *self,
                   CrampStoreChange      changes,
                   CrampStoreWriteFunc   func,
                   gpointer              user_data,
                   GError              **error)
{
  gboolean ok;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (changes != 0 && (changes & ~CRAMP_STORE_CHANGE_ALL) == 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  /* a change does not run inside another one */
  g_return_val_if_fail (!self->writing, FALSE);

  _cramp_store_hold_snapshot (self);
  if (!_cramp_store_exec (self, "BEGIN IMMEDIATE", TRUE, error))
    {
      _cramp_store_start_daily_backup (self);
      return FALSE;
    }

  self->writing = TRUE;
  self->n_added = 0;
  self->changes = changes;
  self->any_quiet = -1;
  ok = func (self, user_data, error) && _cramp_store_exec (self, "COMMIT", TRUE, error);
  if (!ok)
    _cramp_store_rollback (self);
  self->writing = FALSE;
  if (self->roomy)
    sqlite3_exec (self->db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);
  self->roomy = FALSE;
  /* the day's backup, of the diary as it was, now that the change is done */
  _cramp_store_start_daily_backup (self);
  if (!ok)
    return FALSE;

  if (self->n_added != 0)
    {
      self->n_episodes += self->n_added;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EPISODES]);
    }
  _cramp_store_emit_changed (self, self->changes);
  return TRUE;
}

/**
 * cramp_store_note_change:
 * @change: a part of the diary
 *
 * Inside a write: it changed @change as well, which it did not know
 * beforehand (a cramp logged on a night marked quiet clears the mark).
 */
void
cramp_store_note_change (CrampStore       *self,
                         CrampStoreChange  change)
{
  g_return_if_fail (CRAMP_IS_STORE (self));
  _cramp_store_assert_writing (self);

  self->changes |= change;
}

gint64
_cramp_store_query_int (sqlite3     *db,
                        const char  *sql,
                        int         *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  *rc_out = rc;
  return value;
}

static gboolean
is_ascii (const char *text,
          int         length)
{
  for (int i = 0; i < length; i++)
    {
      if ((guchar) text[i] >= 0x80)
        return FALSE;
    }

  return TRUE;
}

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
  else if (is_ascii (text, length))
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

static void
cramp_store_dispose (GObject *object)
{
  CrampStore *self = (CrampStore *) object;

  cramp_store_wait_for_backup (self);
  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (cramp_store_parent_class)->dispose (object);
}

static void
cramp_store_finalize (GObject *object)
{
  CrampStore *self = (CrampStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  /* the read-only one first: the last connection to close checkpoints
   * the diary and takes its -wal and -shm files away, which a read-only
   * one cannot */
  if (self->snapshot_db != NULL)
    sqlite3_close_v2 (self->snapshot_db);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (cramp_store_parent_class)->finalize (object);
}

static void
cramp_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrampStore *self = CRAMP_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_CREATED:
      g_value_set_boolean (value, self->created);
      break;

    case PROP_N_EPISODES:
      g_value_set_uint (value, self->n_episodes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_store_class_init (CrampStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cramp_store_dispose;
  object_class->finalize = cramp_store_finalize;
  object_class->get_property = cramp_store_get_property;

  /**
   * CrampStore:path:
   *
   * The diary file.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CrampStore:created:
   *
   * Whether the diary file did not exist and this store made it.
   */
  properties[PROP_CREATED] =
    g_param_spec_boolean ("created", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CrampStore:n-episodes:
   *
   * How many cramps the diary holds, as of the last change seen:
   * notified when a change, here or in another process, altered it.
   */
  properties[PROP_N_EPISODES] =
    g_param_spec_uint ("n-episodes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrampStore::changed:
   * @change: the #CrampStoreChange that is the detail
   *
   * Emitted after the diary changed, by this process or another one,
   * once for each part that changed, with the part as the detail:
   * "changed::episodes", "changed::profile" or "changed::stretches". A
   * change made by another process may have changed any part: it is
   * emitted for each.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
cramp_store_init (CrampStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
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

/**
 * cramp_store_get_created:
 *
 * Returns: whether the diary file did not exist and this store made it
 */
gboolean
cramp_store_get_created (CrampStore *self)
{
  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);

  return self->created;
}

const char *
cramp_store_get_path (CrampStore *self)
{
  g_return_val_if_fail (CRAMP_IS_STORE (self), NULL);

  return self->path;
}

/**
 * cramp_store_get_n_episodes:
 *
 * Returns: the number of cramps as of the last change seen; see
 *   cramp_store_count() for the number at this moment
 */
guint
cramp_store_get_n_episodes (CrampStore *self)
{
  g_return_val_if_fail (CRAMP_IS_STORE (self), 0);

  return self->n_episodes;
}

/**
 * cramp_store_check_for_changes:
 *
 * Looks whether another process changed the diary since the last look,
 * and emits #CrampStore::changed if so.
 *
 * Returns: whether it had changed.
 */
gboolean
cramp_store_check_for_changes (CrampStore *self)
{
  gint64 version;
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);

  version = _cramp_store_query_int (self->db, "PRAGMA data_version", &rc);
  if (rc != SQLITE_OK || version == self->data_version)
    return FALSE;

  self->data_version = version;
  /* what another process changed is not known: every part may have */
  _cramp_store_recount (self);
  _cramp_store_emit_changed (self, CRAMP_STORE_CHANGE_ALL);
  return TRUE;
}

static gboolean
check_source_cb (gpointer user_data)
{
  CrampStore *self = user_data;

  self->check_source = 0;
  cramp_store_check_for_changes (self);

  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed_cb (CrampStore        *self,
                       GFile             *file,
                       GFile             *other_file,
                       GFileMonitorEvent  event,
                       GFileMonitor      *monitor)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *ours = g_path_get_basename (self->path);

  if (!g_str_has_prefix (name, ours) || self->check_source != 0)
    return;

  /* A commit is several writes; look once they are done. */
  self->check_source = g_timeout_add (50, check_source_cb, self);
}

/**
 * cramp_store_watch:
 *
 * Starts noticing changes written by other processes (the command line
 * while the window is open) in the thread-default main context.
 */
void
cramp_store_watch (CrampStore *self)
{
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (CRAMP_IS_STORE (self));

  if (self->monitor != NULL)
    return;

  folder = g_path_get_dirname (self->path);
  file = g_file_new_for_path (folder);
  self->monitor = g_file_monitor_directory (file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed",
                             G_CALLBACK (on_monitor_changed_cb), self,
                             G_CONNECT_SWAPPED);
}
