/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cramp-store-private.h"
#include "cramp-time.h"

/* The health profile in the diary (schema version 2 and later). */

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const GDate  *date)
{
  char text[16];

  if (!g_date_valid (date))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  g_snprintf (text, sizeof text, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
column_date (sqlite3_stmt *stmt,
             int           column,
             GDate        *date)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  g_date_clear (date, 1);
  if (text != NULL && !cramp_time_parse_date (text, date, NULL))
    g_date_clear (date, 1);
}

/**
 * cramp_store_get_profile:
 *
 * Returns: (transfer full): the health profile, empty if none was saved
 */
CrampProfile *
cramp_store_get_profile (CrampStore  *self,
                         GError     **error)
{
  static const char values_sql[] = "SELECT key, value FROM profile";
  static const char medications_sql[] =
    "SELECT id, name, started, stopped FROM profile_medication ORDER BY position";
  g_autoptr(CrampProfile) profile = cramp_profile_new ();
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), NULL);

  {
    g_auto(CrampStatement) stmt = _cramp_store_prepare (self, values_sql, error);

    if (stmt == NULL)
      return NULL;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *key = (const char *) sqlite3_column_text (stmt, 0);
        const char *value = (const char *) sqlite3_column_text (stmt, 1);
        guint conditions = 0;

        if (g_str_equal (key, "conditions") &&
            cramp_vocab_set_from_string (CRAMP_VOCAB_CONDITION, value, &conditions, NULL))
          cramp_profile_set_conditions (profile, conditions);
        else if (g_str_equal (key, "patient-name"))
          cramp_profile_set_patient_name (profile, value);
        else if (g_str_equal (key, "birth-year"))
          cramp_profile_set_birth_year (profile, (guint) g_ascii_strtoull (value, NULL, 10));
      }
    if (rc != SQLITE_DONE)
      return _cramp_store_set_error (self, rc, FALSE, error), NULL;
  }

  {
    g_auto(CrampStatement) stmt = _cramp_store_prepare (self, medications_sql, error);

    if (stmt == NULL)
      return NULL;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        GDate started, stopped;

        column_date (stmt, 2, &started);
        column_date (stmt, 3, &stopped);
        if (cramp_profile_add_medication (profile, (const char *) sqlite3_column_text (stmt, 1),
                                          &started, &stopped, NULL))
          cramp_profile_set_medication_id (profile, cramp_profile_get_n_medications (profile) - 1,
                                           (const char *) sqlite3_column_text (stmt, 0));
        else
          g_warning ("A medication of the profile is not valid; it was left out");
      }
    if (rc != SQLITE_DONE)
      return _cramp_store_set_error (self, rc, FALSE, error), NULL;
  }

  return g_steal_pointer (&profile);
}

static gboolean
step_done (CrampStore    *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, TRUE, error);

  return TRUE;
}

/* Sets the value of @key, or takes it away (@value %NULL); a value that
 * is as it was is not written. */
static gboolean
write_value (CrampStore  *self,
             const char  *key,
             const char  *value,
             GError     **error)
{
  static const char set_sql[] =
    "INSERT INTO profile (key, value) VALUES (?1, ?2)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value";
  static const char delete_sql[] = "DELETE FROM profile WHERE key = ?1";
  g_auto(CrampStatement) stmt = _cramp_store_prepare (self, value != NULL ? set_sql : delete_sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return step_done (self, stmt, error);
}

/* Writes medication @index of @profile under its key, where it is new or
 * changed. */
static gboolean
write_medication (CrampStore    *self,
                  CrampProfile  *profile,
                  guint          index,
                  GError       **error)
{
  static const char sql[] =
    "INSERT INTO profile_medication (id, position, name, started, stopped) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (id) DO UPDATE SET position = excluded.position, name = excluded.name,"
    " started = excluded.started, stopped = excluded.stopped"
    " WHERE position IS NOT excluded.position OR name IS NOT excluded.name"
    " OR started IS NOT excluded.started OR stopped IS NOT excluded.stopped";
  g_auto(CrampStatement) stmt = _cramp_store_prepare (self, sql, error);
  GDate started, stopped;

  if (stmt == NULL)
    return FALSE;

  g_date_clear (&started, 1);
  g_date_clear (&stopped, 1);
  cramp_profile_get_medication_started (profile, index, &started);
  cramp_profile_get_medication_stopped (profile, index, &stopped);
  sqlite3_bind_text (stmt, 1, cramp_profile_get_medication_id (profile, index), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, index);
  sqlite3_bind_text (stmt, 3, cramp_profile_get_medication_name (profile, index), -1, SQLITE_STATIC);
  bind_date (stmt, 4, &started);
  bind_date (stmt, 5, &stopped);
  return step_done (self, stmt, error);
}

/* Takes away the medications of the diary that @profile no longer has. */
static gboolean
delete_other_medications (CrampStore    *self,
                          CrampProfile  *profile,
                          GError       **error)
{
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  int rc;

  for (guint i = 0; i < cramp_profile_get_n_medications (profile); i++)
    g_hash_table_add (kept, (gpointer) cramp_profile_get_medication_id (profile, i));

  {
    g_auto(CrampStatement) stmt = _cramp_store_prepare (self, "SELECT id FROM profile_medication", error);

    if (stmt == NULL)
      return FALSE;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      if (!g_hash_table_contains (kept, sqlite3_column_text (stmt, 0)))
        g_ptr_array_add (gone, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    if (rc != SQLITE_DONE)
      return _cramp_store_set_error (self, rc, FALSE, error);
  }

  for (guint i = 0; i < gone->len; i++)
    {
      g_auto(CrampStatement) stmt = _cramp_store_prepare (self, "DELETE FROM profile_medication WHERE id = ?1",
                                                          error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (gone, i), -1, SQLITE_STATIC);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The profile, row by row: what is as it was is not written, so that
 * only what changed is a change (and, with sync, travels). */
static gboolean
write_profile (CrampStore  *self,
               gpointer     user_data,
               GError     **error)
{
  CrampProfile *profile = user_data;
  g_autofree char *conditions = cramp_vocab_set_to_string (CRAMP_VOCAB_CONDITION,
                                                           cramp_profile_get_conditions (profile));
  guint birth_year = cramp_profile_get_birth_year (profile);
  g_autofree char *birth_text = birth_year != 0 ? g_strdup_printf ("%u", birth_year) : NULL;

  if (!write_value (self, "conditions", conditions, error) ||
      !write_value (self, "patient-name", cramp_profile_get_patient_name (profile), error) ||
      !write_value (self, "birth-year", birth_text, error) ||
      !delete_other_medications (self, profile, error))
    return FALSE;

  for (guint i = 0; i < cramp_profile_get_n_medications (profile); i++)
    if (!write_medication (self, profile, i, error))
      return FALSE;

  return TRUE;
}

/**
 * cramp_store_set_profile:
 *
 * Replaces the health profile, all at once or not at all; row by row,
 * each medication under its key.
 */
gboolean
cramp_store_set_profile (CrampStore    *self,
                         CrampProfile  *profile,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRAMP_IS_PROFILE (profile), FALSE);

  if (!cramp_profile_validate (profile, &local_error))
    {
      g_set_error_literal (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_INVALID, local_error->message);
      return FALSE;
    }

  return cramp_store_write (self, CRAMP_STORE_CHANGE_PROFILE, write_profile, profile, error);
}
