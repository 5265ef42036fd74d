/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cramp-format.h"
#include "cramp-store-private.h"
#include "cramp-time.h"

/*
 * The nights the user said something of (schema version 6 and later):
 * quiet, and the sleep disturbance. Rows are keyed by the night's date,
 * the evening it began ("YYYY-MM-DD"); a cramp's night is worked out
 * from its start and its own offset, as cramp_time_night_of() does.
 */

static void
read_night (sqlite3_stmt *stmt,
            CrampNight   *record)
{
  const char *night = (const char *) sqlite3_column_text (stmt, 0);

  if (night == NULL || !cramp_time_night_from_text (night, &record->night, NULL))
    record->night = G_MININT64;
  record->quiet = sqlite3_column_int (stmt, 1) != 0;
  record->sleep_disturbance = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? CRAMP_UNSET
                            : sqlite3_column_int (stmt, 2);
  record->recorded_at = sqlite3_column_int64 (stmt, 3);
}

/**
 * cramp_store_get_night:
 * @record: (out): the night's record, if it has one
 *
 * Returns: whether @night has a record; %FALSE with @error set if it
 *   could not be read
 */
gboolean
cramp_store_get_night (CrampStore  *self,
                       gint64       night,
                       CrampNight  *record,
                       GError     **error)
{
  static const char sql[] =
    "SELECT night, quiet, sleep_disturbance, recorded_at FROM nights WHERE night = ?1";
  g_auto(CrampStatement) stmt = NULL;
  g_autofree char *text = NULL;
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return FALSE;

  text = cramp_time_night_to_text (night);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      read_night (stmt, record);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    _cramp_store_set_error (self, rc, FALSE, error);

  return FALSE;
}

/**
 * cramp_store_list_nights:
 *
 * Returns: (transfer full) (element-type CrampNight): the records of the
 *   nights from @first_night to @last_night, oldest first, or %NULL with
 *   @error set
 */
GArray *
cramp_store_list_nights (CrampStore  *self,
                         gint64       first_night,
                         gint64       last_night,
                         GError     **error)
{
  static const char sql[] =
    "SELECT night, quiet, sleep_disturbance, recorded_at FROM nights WHERE night BETWEEN ?1 AND ?2 ORDER BY night";
  g_autoptr(GArray) records = g_array_new (FALSE, FALSE, sizeof (CrampNight));
  g_auto(CrampStatement) stmt = NULL;
  g_autofree char *first = cramp_time_night_to_text (MAX (first_night, 0));
  /* 9999-12-31 */
  g_autofree char *last = cramp_time_night_to_text (MIN (last_night, (gint64) 2932896));
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), NULL);

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrampNight record;

      read_night (stmt, &record);
      if (record.night != G_MININT64)
        g_array_append_val (records, record);
    }
  if (rc != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, FALSE, error), NULL;

  return g_steal_pointer (&records);
}

/**
 * cramp_store_first_cramp_of_night:
 * @started_at: (out) (transfer full) (optional): when the first cramp of
 *   @night began, on its own clock
 *
 * Returns: whether a cramp is logged on @night; %FALSE with @error set if
 *   the diary could not be read
 */
gboolean
cramp_store_first_cramp_of_night (CrampStore  *self,
                                  gint64       night,
                                  GDateTime  **started_at,
                                  GError     **error)
{
  /* the index's range first (offsets lie within ±14 hours), then each
   * cramp's own night */
  static const char sql[] =
    "SELECT started_utc, utc_offset FROM episode"
    " WHERE started_utc BETWEEN ?2 - 50400 AND ?3 + 50400"
    " AND (started_utc + utc_offset - 43200) / 86400 = ?1"
    " ORDER BY started_utc LIMIT 1";
  g_auto(CrampStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, night);
  sqlite3_bind_int64 (stmt, 2, night * 86400 + 43200);
  sqlite3_bind_int64 (stmt, 3, (night + 1) * 86400 + 43200);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (started_at != NULL)
        *started_at = cramp_time_new_fixed (sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    _cramp_store_set_error (self, rc, FALSE, error);

  return FALSE;
}

static gboolean
check_night (const CrampNight  *record,
             GError           **error)
{
  if (record->night < 0 || record->night > 2932896 ||
      (record->sleep_disturbance != CRAMP_UNSET &&
       (record->sleep_disturbance < 0 || record->sleep_disturbance > 10)))
    {
      g_set_error_literal (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_INVALID,
                           _("The diary refused a value that is out of range."));
      return FALSE;
    }

  return TRUE;
}

/**
 * cramp_store_put_night:
 *
 * Inside a write: records @record, in place of what its night had. A
 * night with a cramp cannot be quiet: refused, with the cramp's time.
 */
gboolean
cramp_store_put_night (CrampStore        *self,
                       const CrampNight  *record,
                       GError           **error)
{
  static const char sql[] =
    "INSERT INTO nights (night, quiet, sleep_disturbance, recorded_at) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (night) DO UPDATE SET quiet = excluded.quiet, sleep_disturbance = excluded.sleep_disturbance,"
    " recorded_at = excluded.recorded_at"
    " WHERE quiet IS NOT excluded.quiet OR sleep_disturbance IS NOT excluded.sleep_disturbance";
  g_autoptr(GDateTime) cramp = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(CrampStatement) stmt = NULL;
  g_autofree char *text = NULL;
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  _cramp_store_assert_writing (self);

  if (!check_night (record, error))
    return FALSE;

  if (record->quiet && cramp_store_first_cramp_of_night (self, record->night, &cramp, &local_error))
    {
      g_autofree char *date = cramp_format_date (cramp);
      g_autofree char *time = cramp_format_time_of_day (cramp);

      /* Translators: "… at 03:10 on 6 Mar 2026." */
      g_set_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_INVALID,
                   _("That night cannot be quiet: a cramp is logged on it, at %s on %s."), time, date);
      return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return FALSE;

  text = cramp_time_night_to_text (record->night);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, record->quiet ? 1 : 0);
  if (record->sleep_disturbance == CRAMP_UNSET)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_int (stmt, 3, record->sleep_disturbance);
  sqlite3_bind_int64 (stmt, 4, record->recorded_at);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, TRUE, error);

  if (record->quiet)
    self->any_quiet = 1;
  cramp_store_note_change (self, CRAMP_STORE_CHANGE_NIGHTS);
  return TRUE;
}

/**
 * cramp_store_unmark_quiet:
 *
 * Inside a write: a cramp came on @night, so it is no longer quiet; the
 * rest of its record (the sleep disturbance) stays.
 */
gboolean
cramp_store_unmark_quiet (CrampStore  *self,
                          gint64       night,
                          GError     **error)
{
  static const char sql[] = "UPDATE nights SET quiet = 0 WHERE night = ?1 AND quiet = 1";
  g_auto(CrampStatement) stmt = NULL;
  g_autofree char *text = NULL;
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  _cramp_store_assert_writing (self);

  /* an import of many cramps into a diary without quiet nights looks once */
  if (self->any_quiet < 0)
    {
      self->any_quiet = _cramp_store_query_int (self->db, "SELECT EXISTS (SELECT 1 FROM nights WHERE quiet = 1)",
                                                &rc);
      if (rc != SQLITE_OK)
        return _cramp_store_set_error (self, rc, FALSE, error);
    }
  if (self->any_quiet == 0)
    return TRUE;

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return FALSE;

  text = cramp_time_night_to_text (night);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, TRUE, error);

  if (sqlite3_changes (self->db) > 0)
    cramp_store_note_change (self, CRAMP_STORE_CHANGE_NIGHTS);
  return TRUE;
}

static gboolean
set_night_cb (CrampStore  *self,
              gpointer     user_data,
              GError     **error)
{
  return cramp_store_put_night (self, user_data, error);
}

/**
 * cramp_store_set_night:
 *
 * Records what the user said of a night, in place of what it had.
 */
gboolean
cramp_store_set_night (CrampStore        *self,
                       const CrampNight  *record,
                       GError           **error)
{
  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  return cramp_store_write (self, CRAMP_STORE_CHANGE_NIGHTS, set_night_cb, (gpointer) record, error);
}

static gboolean
remove_night_cb (CrampStore  *self,
                 gpointer     user_data,
                 GError     **error)
{
  g_auto(CrampStatement) stmt = NULL;
  g_autofree char *text = NULL;
  int rc;

  if (!(stmt = _cramp_store_prepare (self, "DELETE FROM nights WHERE night = ?1", error)))
    return FALSE;

  text = cramp_time_night_to_text (*(gint64 *) user_data);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, TRUE, error);

  return TRUE;
}

/**
 * cramp_store_remove_night:
 *
 * Forgets what the user said of @night.
 */
gboolean
cramp_store_remove_night (CrampStore  *self,
                          gint64       night,
                          GError     **error)
{
  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);

  return cramp_store_write (self, CRAMP_STORE_CHANGE_NIGHTS, remove_night_cb, &night, error);
}
