/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-store"

#include "config.h"

#include "cramp-store-private.h"
#include "cramp-stretch-log.h"
#include "cramp-time.h"

/* The stretch log in the diary (schema version 3 and later). */

typedef struct
{
  CrampStretchEvent event;
  GDateTime        *at;
} Stretch;

static gboolean
add_stretch_cb (CrampStore  *self,
                gpointer     user_data,
                GError     **error)
{
  static const char sql[] =
    "INSERT INTO stretch (id, at_utc, utc_offset, night, event) VALUES (?1, ?2, ?3, ?4, ?5)";
  Stretch *stretch = user_data;
  g_autofree char *id = g_uuid_string_random ();
  g_auto(CrampStatement) stmt = NULL;
  int rc;

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (stretch->at));
  sqlite3_bind_int (stmt, 3, cramp_time_utc_offset (stretch->at));
  sqlite3_bind_int64 (stmt, 4, cramp_time_night_of (stretch->at));
  sqlite3_bind_text (stmt, 5, cramp_stretch_event_to_string (stretch->event), -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, TRUE, error);

  return TRUE;
}

/**
 * cramp_store_add_stretch:
 * @at: when it happened, on the clock of the moment
 *
 * Records a reminder shown, snoozed or dismissed, or a stretch done.
 */
gboolean
cramp_store_add_stretch (CrampStore         *self,
                         CrampStretchEvent   event,
                         GDateTime          *at,
                         GError            **error)
{
  Stretch stretch = { event, at };

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (event < CRAMP_N_STRETCH_EVENTS, FALSE);
  g_return_val_if_fail (at != NULL, FALSE);

  return cramp_store_write (self, CRAMP_STORE_CHANGE_STRETCHES, add_stretch_cb, &stretch, error);
}

/**
 * cramp_store_list_stretches:
 *
 * Returns: (transfer full) (element-type CrampStretchRecord): the log of
 *   the nights from @first_night to @last_night, oldest first, or %NULL
 *   with @error set
 */
GArray *
cramp_store_list_stretches (CrampStore  *self,
                            gint64       first_night,
                            gint64       last_night,
                            GError     **error)
{
  static const char sql[] =
    "SELECT at_utc, utc_offset, night, event FROM stretch"
    " WHERE night BETWEEN ?1 AND ?2 ORDER BY at_utc, rowid";
  g_autoptr(GArray) records = g_array_new (FALSE, FALSE, sizeof (CrampStretchRecord));
  g_auto(CrampStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), NULL);

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, first_night);
  sqlite3_bind_int64 (stmt, 2, last_night);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrampStretchRecord record;

      record.at = sqlite3_column_int64 (stmt, 0);
      record.utc_offset = sqlite3_column_int (stmt, 1);
      record.night = sqlite3_column_int64 (stmt, 2);
      if (cramp_stretch_event_from_string ((const char *) sqlite3_column_text (stmt, 3), &record.event))
        g_array_append_val (records, record);
    }
  if (rc != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, FALSE, error), NULL;

  return g_steal_pointer (&records);
}

/* The night the query finds; @bound goes to its parameter, if it has one. */
static gboolean
query_night (CrampStore *self,
             const char *sql,
             gint64      bound,
             gint64     *night)
{
  g_auto(CrampStatement) stmt = _cramp_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, bound);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return FALSE;

  *night = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * cramp_store_get_first_stretch_night:
 *
 * Returns: whether the log holds anything; @night is its first night
 */
gboolean
cramp_store_get_first_stretch_night (CrampStore *self,
                                     gint64     *night)
{
  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);

  return query_night (self, "SELECT min(night) FROM stretch", 0, night);
}

/**
 * cramp_store_night_stretched:
 *
 * Returns: whether a stretch is recorded as done on @night
 */
gboolean
cramp_store_night_stretched (CrampStore *self,
                             gint64      night)
{
  gint64 found;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);

  return query_night (self, "SELECT night FROM stretch WHERE night = ?1 AND event = 'done' LIMIT 1",
                      night, &found);
}

/**
 * cramp_store_get_last_reminder_night:
 *
 * Returns: the night of the last reminder shown, or %G_MININT64
 */
gint64
cramp_store_get_last_reminder_night (CrampStore *self)
{
  gint64 night = G_MININT64;

  g_return_val_if_fail (CRAMP_IS_STORE (self), G_MININT64);

  if (!query_night (self, "SELECT max(night) FROM stretch WHERE event = 'shown'", 0, &night))
    return G_MININT64;

  return night;
}
