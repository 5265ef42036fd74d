/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cramp-store-private.h"

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
