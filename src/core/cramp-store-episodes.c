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
  if (!*inserted)
    return TRUE;

  self->n_added++;
  /* a night with a cramp is no longer quiet */
  return cramp_store_unmark_quiet (self, cramp_time_night_of (cramp_episode_get_started_at (episode)), error);
}

static gboolean
add_cb (CrampStore  *self,
        gpointer     user_data,
        GError     **error)
{
  gboolean inserted = FALSE;

  if (!insert_episode (self, user_data, &inserted, error))
    return FALSE;

  if (!inserted)
    {
      g_set_error_literal (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_EXISTS,
                           _("This episode is already in the diary."));
      return FALSE;
    }

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
  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRAMP_IS_EPISODE (episode), FALSE);

  return cramp_store_write (self, CRAMP_STORE_CHANGE_EPISODES, add_cb, episode, error);
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

/* Steps @stmt, which changes the episode of an id: one that is no longer
 * in the diary is an error. */
static gboolean
step_one (CrampStore    *self,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, TRUE, error);

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_NOT_FOUND,
                           _("This episode is no longer in the diary."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
update_cb (CrampStore  *self,
           gpointer     user_data,
           GError     **error)
{
  g_auto(CrampStatement) stmt = NULL;

  if (!(stmt = _cramp_store_prepare (self, update_sql (), error)))
    return FALSE;

  bind_episode (stmt, user_data);
  return step_one (self, stmt, error) &&
         cramp_store_unmark_quiet (self, cramp_time_night_of (cramp_episode_get_started_at (user_data)), error);
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
  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRAMP_IS_EPISODE (episode), FALSE);
  g_return_val_if_fail (cramp_episode_get_id (episode) != NULL, FALSE);

  if (!check_episode (episode, error))
    return FALSE;

  return cramp_store_write (self, CRAMP_STORE_CHANGE_EPISODES, update_cb, episode, error);
}

/**
 * cramp_store_delete_episode:
 *
 * Inside a write (cramp_store_write()): deletes the episode with @id;
 * one that is no longer there is %CRAMP_STORE_ERROR_NOT_FOUND.
 */
gboolean
cramp_store_delete_episode (CrampStore  *self,
                            const char  *id,
                            GError     **error)
{
  g_auto(CrampStatement) stmt = NULL;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  _cramp_store_assert_writing (self);

  if (!(stmt = _cramp_store_prepare (self, "DELETE FROM episode WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (!step_one (self, stmt, error))
    return FALSE;

  self->n_added--;
  return TRUE;
}

static gboolean
remove_cb (CrampStore  *self,
           gpointer     user_data,
           GError     **error)
{
  return cramp_store_delete_episode (self, user_data, error);
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
  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!cramp_store_write (self, CRAMP_STORE_CHANGE_EPISODES, remove_cb, (gpointer) id, error))
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

/**
 * cramp_store_import_episode:
 * @added: (out): whether it was added; %FALSE when it is in the diary
 *   already
 *
 * Adds @episode inside a write (cramp_store_write()), unless the diary
 * holds it already: an episode with its id, or, for one without an id,
 * one with its start, duration, muscle and side (the same cramp, from a
 * spreadsheet's export imported again).
 */
gboolean
cramp_store_import_episode (CrampStore    *self,
                            CrampEpisode  *episode,
                            gboolean      *added,
                            GError       **error)
{
  gboolean same = FALSE;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRAMP_IS_EPISODE (episode), FALSE);
  _cramp_store_assert_writing (self);

  *added = FALSE;
  if (cramp_episode_get_id (episode) == NULL && !find_same_episode (self, episode, &same, error))
    return FALSE;
  if (same)
    return TRUE;

  return insert_episode (self, episode, added, error);
}

/**
 * cramp_store_make_room:
 *
 * Inside a write that adds many episodes: room for them in memory, so
 * that SQLite does not spill pages to the log before the commit. The
 * next write has the default again.
 */
void
cramp_store_make_room (CrampStore *self)
{
  g_return_if_fail (CRAMP_IS_STORE (self));
  _cramp_store_assert_writing (self);

  sqlite3_exec (self->db, "PRAGMA cache_size = -131072", NULL, NULL, NULL);
  self->roomy = TRUE;
}

typedef struct
{
  GPtrArray *episodes;
  guint      added;
  guint      skipped;
} Import;

static gboolean
import_cb (CrampStore  *self,
           gpointer     user_data,
           GError     **error)
{
  Import *import = user_data;

  cramp_store_make_room (self);
  for (guint i = 0; i < import->episodes->len; i++)
    {
      gboolean added;

      if (!cramp_store_import_episode (self, g_ptr_array_index (import->episodes, i), &added, error))
        return FALSE;
      if (added)
        import->added++;
      else
        import->skipped++;
    }

  return TRUE;
}

/**
 * cramp_store_import:
 * @episodes: (element-type CrampEpisode): episodes to add
 * @n_added: (out) (optional): how many were added
 * @n_skipped: (out) (optional): how many were skipped because they are
 *   in the diary already (see cramp_store_import_episode())
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
  Import import = { episodes, 0, 0 };

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (episodes != NULL, FALSE);

  if (!cramp_store_write (self, CRAMP_STORE_CHANGE_EPISODES, import_cb, &import, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = import.added;
  if (n_skipped != NULL)
    *n_skipped = import.skipped;
  return TRUE;
}
