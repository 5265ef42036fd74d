/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cramp-store-private.h"
#include "cramp-time.h"

/* Episodes as rows of the diary, and writing them: add, update, remove
 * and import. Reading them back is in cramp-store-queries.c; opening,
 * migrating and watching the diary in cramp-store.c. */

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   char         *text)   /* transfer full */
{
  if (text == NULL || text[0] == '\0')
    {
      sqlite3_bind_null (stmt, index);
      g_free (text);
    }
  else
    sqlite3_bind_text (stmt, index, text, -1, g_free);
}

/* @text lives as long as the statement's step: no copy. */
static void
bind_static_or_null (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  int           value)
{
  if (value == CRAMP_UNSET)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

/* The diary's columns are the id, the start as two (the instant and its
 * offset), then every other field in the order of CrampField, under its
 * CSV name (CRAMP_STORE_EPISODE_COLUMNS, checked by the tests). */
#define BIND_INDEX(field) ((int) (field) + 2)

/* Binds ?1 … ?16 in the order of CRAMP_STORE_EPISODE_COLUMNS. */
static void
bind_episode (sqlite3_stmt *stmt,
              CrampEpisode *episode)
{
  GDateTime *started_at = cramp_episode_get_started_at (episode);

  /* the episode outlives the step: its id is bound as it is */
  sqlite3_bind_text (stmt, 1, cramp_episode_get_id (episode), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (started_at));
  sqlite3_bind_int (stmt, 3, cramp_time_utc_offset (started_at));

  for (CrampField field = CRAMP_FIELD_DURATION; field < CRAMP_N_FIELDS; field++)
    {
      if (cramp_field_is_number (field))
        bind_int_or_null (stmt, BIND_INDEX (field), cramp_episode_get_number (episode, field));
      else
        bind_text_or_null (stmt, BIND_INDEX (field), cramp_episode_get_field (episode, field));
    }
}

static void
read_field (CrampEpisode *episode,
            sqlite3_stmt *stmt,
            int           column,
            CrampField    field)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(GError) error = NULL;

  if (text != NULL && !cramp_episode_set_field (episode, field, text, &error))
    g_warning ("Episode %s: %s", cramp_episode_get_id (episode), error->message);
}

static int
column_int_or_unset (sqlite3_stmt *stmt,
                     int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return CRAMP_UNSET;

  return sqlite3_column_int (stmt, column);
}

CrampEpisode *
_cramp_store_read_episode (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) started_at = NULL;
  CrampEpisode *episode;

  started_at = cramp_time_new_fixed (sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 2));
  episode = cramp_episode_new (started_at);
  cramp_episode_set_id (episode, (const char *) sqlite3_column_text (stmt, 0));

  /* columns count from 0, bound parameters from 1 */
  for (CrampField field = CRAMP_FIELD_DURATION; field < CRAMP_N_FIELDS; field++)
    {
      int column = BIND_INDEX (field) - 1;

      if (cramp_field_is_number (field))
        cramp_episode_set_number (episode, field, column_int_or_unset (stmt, column));
      else if (field == CRAMP_FIELD_NOTES)
        /* as they are, even past the limit: shown, and never cut */
        cramp_episode_set_notes (episode, (const char *) sqlite3_column_text (stmt, column));
      else
        read_field (episode, stmt, column, field);
    }

  return episode;
}

static gboolean
check_episode (CrampEpisode  *episode,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (cramp_episode_validate (episode, &local_error))
    return TRUE;

  g_set_error_literal (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_INVALID, local_error->message);
  return FALSE;
}

static const char insert_sql[] =
  "INSERT INTO episode (" CRAMP_STORE_EPISODE_COLUMNS ") "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) "
  "ON CONFLICT (id) DO NOTHING";

/* Inserts one episode inside the caller's transaction. */
static gboolean
insert_episode (CrampStore    *self,
                CrampEpisode  *episode,
                gboolean      *inserted,
                GError       **error)
{
  g_auto(CrampStatement) stmt = NULL;
  int rc;

  if (cramp_episode_get_id (episode) == NULL)
    {
      g_autofree char *id = g_uuid_string_random ();
      cramp_episode_set_id (episode, id);
    }

  if (!check_episode (episode, error))
    return FALSE;

  if (!(stmt = _cramp_store_prepare (self, insert_sql, error)))
    return FALSE;

  bind_episode (stmt, episode);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, TRUE, error);

  *inserted = sqlite3_changes (self->db) > 0;
  return TRUE;
}

/**
 * cramp_store_add:
 * @episode: an episode; one without an id is given a new one
 *
 * Saves a new episode durably: when this returns %TRUE it is on disk.
 */
gboolean
cramp_store_add (CrampStore    *self,
                 CrampEpisode  *episode,
                 GError       **error)
{
  gboolean inserted = FALSE;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRAMP_IS_EPISODE (episode), FALSE);

  if (!_cramp_store_begin (self, error))
    return FALSE;

  if (!insert_episode (self, episode, &inserted, error))
    {
      _cramp_store_rollback (self);
      return FALSE;
    }

  if (!inserted)
    {
      _cramp_store_rollback (self);
      g_set_error_literal (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_EXISTS,
                           _("This episode is already in the diary."));
      return FALSE;
    }

  return _cramp_store_commit (self, error);
}

/* "UPDATE episode SET started_utc = ?2, …, notes = ?16 …", from the
 * field table, made once: the store keeps statements by their text's
 * address, so it must live as long as the process. */
static const char *
update_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new ("UPDATE episode SET started_utc = ?2, utc_offset = ?3");

      for (CrampField field = CRAMP_FIELD_DURATION; field < CRAMP_N_FIELDS; field++)
        g_string_append_printf (text, ", %s = ?%d", cramp_field_name (field), BIND_INDEX (field));
      g_string_append (text, ", revision = revision + 1 WHERE id = ?1");
      g_once_init_leave (&sql, g_string_free (text, FALSE));
    }

  return sql;
}

/**
 * cramp_store_update:
 *
 * Replaces the episode with the id of @episode.
 */
gboolean
cramp_store_update (CrampStore    *self,
                    CrampEpisode  *episode,
                    GError       **error)
{
  const char *sql = update_sql ();
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRAMP_IS_EPISODE (episode), FALSE);
  g_return_val_if_fail (cramp_episode_get_id (episode) != NULL, FALSE);

  if (!check_episode (episode, error) || !_cramp_store_begin (self, error))
    return FALSE;

  {
    g_auto(CrampStatement) stmt = _cramp_store_prepare (self, sql, error);

    if (stmt == NULL)
      {
        _cramp_store_rollback (self);
        return FALSE;
      }

    bind_episode (stmt, episode);
    rc = sqlite3_step (stmt);
  }

  if (rc != SQLITE_DONE)
    {
      _cramp_store_set_error (self, rc, TRUE, error);
      _cramp_store_rollback (self);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      _cramp_store_rollback (self);
      g_set_error_literal (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_NOT_FOUND,
                           _("This episode is no longer in the diary."));
      return FALSE;
    }

  return _cramp_store_commit (self, error);
}

/**
 * cramp_store_remove:
 *
 * Deletes an episode for good: with secure delete on and the write-ahead
 * log truncated afterwards, its text stays in none of the diary's files.
 */
gboolean
cramp_store_remove (CrampStore  *self,
                    const char  *id,
                    GError     **error)
{
  static const char sql[] = "DELETE FROM episode WHERE id = ?1";
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!_cramp_store_begin (self, error))
    return FALSE;

  {
    g_auto(CrampStatement) stmt = _cramp_store_prepare (self, sql, error);

    if (stmt == NULL)
      {
        _cramp_store_rollback (self);
        return FALSE;
      }

    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step (stmt);
  }

  if (rc != SQLITE_DONE)
    {
      _cramp_store_set_error (self, rc, TRUE, error);
      _cramp_store_rollback (self);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      _cramp_store_rollback (self);
      g_set_error_literal (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_NOT_FOUND,
                           _("This episode is no longer in the diary."));
      return FALSE;
    }

  if (!_cramp_store_commit (self, error))
    return FALSE;

  /* Busy readers can keep the log from being truncated now; the next
   * checkpoint does it then. */
  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);

  return TRUE;
}

/* Whether the diary holds a cramp with @episode's start, duration,
 * muscle and side: a row without an id that matches one is the same
 * cramp, from a spreadsheet's export imported again. */
static gboolean
find_same_episode (CrampStore    *self,
                   CrampEpisode  *episode,
                   gboolean      *found,
                   GError       **error)
{
  static const char sql[] =
    "SELECT 1 FROM episode WHERE started_utc = ?1 AND duration_s IS ?2 AND muscle IS ?3 AND side IS ?4 LIMIT 1";
  g_auto(CrampStatement) stmt = NULL;
  int rc;

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (cramp_episode_get_started_at (episode)));
  bind_int_or_null (stmt, 2, cramp_episode_get_duration (episode));
  bind_static_or_null (stmt, 3, cramp_vocab_token (CRAMP_VOCAB_MUSCLE, cramp_episode_get_muscle (episode)));
  bind_static_or_null (stmt, 4, cramp_vocab_token (CRAMP_VOCAB_SIDE, cramp_episode_get_side (episode)));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, FALSE, error);

  *found = rc == SQLITE_ROW;
  return TRUE;
}

struct _CrampStoreImport
{
  CrampStore *store;
  guint       added;
  guint       skipped;
  gboolean    failed;
};

/**
 * cramp_store_import_begin:
 *
 * Starts adding many episodes in one transaction, all of them or none:
 * cramp_store_import_add() each, then cramp_store_import_end().
 *
 * Returns: (transfer full) (nullable): the import, or %NULL with @error set
 */
CrampStoreImport *
cramp_store_import_begin (CrampStore  *self,
                          GError     **error)
{
  CrampStoreImport *import;

  g_return_val_if_fail (CRAMP_IS_STORE (self), NULL);

  if (!_cramp_store_begin (self, error))
    return NULL;

  /* Room for a large import in memory, so that SQLite does not spill
   * pages to the log before the commit; back to the default after. */
  sqlite3_exec (self->db, "PRAGMA cache_size = -131072", NULL, NULL, NULL);

  import = g_new0 (CrampStoreImport, 1);
  import->store = g_object_ref (self);
  return import;
}

/**
 * cramp_store_import_add:
 *
 * Adds @episode to the import; one whose id is in the diary already is
 * skipped and counted, and so is one without an id whose start,
 * duration, muscle and side equal those of an episode in the diary.
 * After an error, the import can only be ended.
 */
gboolean
cramp_store_import_add (CrampStoreImport  *import,
                        CrampEpisode      *episode,
                        GError           **error)
{
  gboolean inserted = FALSE;
  gboolean same = FALSE;

  g_return_val_if_fail (import != NULL && !import->failed, FALSE);

  if (cramp_episode_get_id (episode) == NULL &&
      !find_same_episode (import->store, episode, &same, error))
    {
      import->failed = TRUE;
      return FALSE;
    }
  if (same)
    {
      import->skipped++;
      return TRUE;
    }

  if (!insert_episode (import->store, episode, &inserted, error))
    {
      import->failed = TRUE;
      return FALSE;
    }

  if (inserted)
    import->added++;
  else
    import->skipped++;
  return TRUE;
}

/**
 * cramp_store_import_end:
 * @keep: %TRUE to commit what was added, %FALSE to leave the diary as it
 *   was
 * @n_added: (out) (optional): how many were added
 * @n_skipped: (out) (optional): how many were skipped because they are
 *   in the diary already (see cramp_store_import_add())
 *
 * Ends the import, and frees it.
 *
 * Returns: whether what was added is in the diary now
 */
gboolean
cramp_store_import_end (CrampStoreImport  *import,
                        gboolean           keep,
                        guint             *n_added,
                        guint             *n_skipped,
                        GError           **error)
{
  g_autoptr(CrampStore) self = import->store;
  gboolean ok = keep && !import->failed;

  if (!ok)
    _cramp_store_rollback (self);
  else
    ok = _cramp_store_commit (self, error);

  sqlite3_exec (self->db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);
  if (ok && n_added != NULL)
    *n_added = import->added;
  if (ok && n_skipped != NULL)
    *n_skipped = import->skipped;

  g_free (import);
  return ok;
}

/**
 * cramp_store_import:
 * @episodes: (element-type CrampEpisode): episodes to add
 * @n_added: (out) (optional): how many were added
 * @n_skipped: (out) (optional): how many were skipped because they are
 *   in the diary already (see cramp_store_import_add())
 *
 * Adds all of @episodes in one transaction, or none of them.
 */
gboolean
cramp_store_import (CrampStore  *self,
                    GPtrArray   *episodes,
                    guint       *n_added,
                    guint       *n_skipped,
                    GError     **error)
{
  CrampStoreImport *import;
  gboolean ok = TRUE;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (episodes != NULL, FALSE);

  if (!(import = cramp_store_import_begin (self, error)))
    return FALSE;

  for (guint i = 0; i < episodes->len && ok; i++)
    ok = cramp_store_import_add (import, g_ptr_array_index (episodes, i), error);

  return cramp_store_import_end (import, ok, n_added, n_skipped, error);
}
