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
    "SELECT name, started, stopped FROM profile_medication ORDER BY position";
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

        column_date (stmt, 1, &started);
        column_date (stmt, 2, &stopped);
        if (!cramp_profile_add_medication (profile, (const char *) sqlite3_column_text (stmt, 0),
                                           &started, &stopped, NULL))
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

static gboolean
write_profile (CrampStore  *self,
               gpointer     user_data,
               GError     **error)
{
  CrampProfile *profile = user_data;
  static const char clear_sql[] = "DELETE FROM profile; DELETE FROM profile_medication;";
  static const char value_sql[] = "INSERT INTO profile (key, value) VALUES (?1, ?2)";
  static const char medication_sql[] =
    "INSERT INTO profile_medication (position, name, started, stopped) VALUES (?1, ?2, ?3, ?4)";
  g_autofree char *conditions = cramp_vocab_set_to_string (CRAMP_VOCAB_CONDITION,
                                                           cramp_profile_get_conditions (profile));
  const char *patient = cramp_profile_get_patient_name (profile);
  guint birth_year = cramp_profile_get_birth_year (profile);
  g_autofree char *birth_text = g_strdup_printf ("%u", birth_year);
  int rc;

  rc = sqlite3_exec (self->db, clear_sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return _cramp_store_set_error (self, rc, TRUE, error);

  {
    g_auto(CrampStatement) stmt = _cramp_store_prepare (self, value_sql, error);

    if (stmt == NULL)
      return FALSE;

    sqlite3_bind_text (stmt, 1, "conditions", -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, conditions, -1, SQLITE_STATIC);
    if (!step_done (self, stmt, error))
      return FALSE;

    if (patient != NULL)
      {
        sqlite3_reset (stmt);
        sqlite3_bind_text (stmt, 1, "patient-name", -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 2, patient, -1, SQLITE_STATIC);
        if (!step_done (self, stmt, error))
          return FALSE;
      }

    if (birth_year != 0)
      {
        sqlite3_reset (stmt);
        sqlite3_bind_text (stmt, 1, "birth-year", -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 2, birth_text, -1, SQLITE_STATIC);
        if (!step_done (self, stmt, error))
          return FALSE;
      }
  }

  for (guint i = 0; i < cramp_profile_get_n_medications (profile); i++)
    {
      g_auto(CrampStatement) stmt = _cramp_store_prepare (self, medication_sql, error);
      GDate started, stopped;

      if (stmt == NULL)
        return FALSE;

      g_date_clear (&started, 1);
      g_date_clear (&stopped, 1);
      cramp_profile_get_medication_started (profile, i, &started);
      cramp_profile_get_medication_stopped (profile, i, &stopped);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, cramp_profile_get_medication_name (profile, i), -1, SQLITE_STATIC);
      bind_date (stmt, 3, &started);
      bind_date (stmt, 4, &stopped);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cramp_store_set_profile:
 *
 * Replaces the health profile, all at once or not at all.
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
