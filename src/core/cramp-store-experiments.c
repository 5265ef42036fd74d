/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-store"

#include "config.h"

#include "cramp-store-experiments.h"
#include "cramp-store-private.h"
#include "cramp-time.h"

/*
 * Personal experiments (schema version 7 and later), keyed by UUIDs as
 * they will travel: a name, a kind, the trial's first night by its date
 * and its length in days; and, for the kinds other than stretching,
 * whether it was done each night, keyed by the experiment and the night.
 */

typedef struct
{
  const CrampExperiment *experiment;
  GArray                *done;        /* nights, or NULL */
} AddExperiment;

static gboolean
add_experiment_cb (CrampStore  *self,
                   gpointer     user_data,
                   GError     **error)
{
  static const char sql[] =
    "INSERT INTO experiments (id, name, kind, start, days, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  static const char done_sql[] = "INSERT INTO experiment_days (experiment, night, done) VALUES (?1, ?2, 1)";
  const AddExperiment *add = user_data;
  const CrampExperiment *experiment = add->experiment;
  g_autofree char *start = cramp_time_night_to_text (experiment->start);
  g_auto(CrampStatement) stmt = NULL;
  g_auto(CrampStatement) done_stmt = NULL;
  int rc;

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, experiment->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, experiment->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, cramp_experiment_kind_to_string (experiment->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, (int) experiment->days);
  sqlite3_bind_int64 (stmt, 6, experiment->created_at);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, TRUE, error);

  if (add->done == NULL || add->done->len == 0)
    return TRUE;
  if (!(done_stmt = _cramp_store_prepare (self, done_sql, error)))
    return FALSE;
  sqlite3_bind_text (done_stmt, 1, experiment->id, -1, SQLITE_STATIC);
  for (guint i = 0; i < add->done->len; i++)
    {
      g_autofree char *night = cramp_time_night_to_text (g_array_index (add->done, gint64, i));

      sqlite3_reset (done_stmt);
      sqlite3_bind_text (done_stmt, 2, night, -1, SQLITE_TRANSIENT);
      if ((rc = sqlite3_step (done_stmt)) != SQLITE_DONE)
        return _cramp_store_set_error (self, rc, TRUE, error);
    }

  return TRUE;
}

/**
 * cramp_store_add_experiment:
 * @done: (element-type gint64) (nullable): the nights it was done, as
 *   cramp_store_list_experiment_done() gave them: an experiment put back
 *
 * Adds @experiment, which must be valid (cramp_experiment_validate()).
 */
gboolean
cramp_store_add_experiment (CrampStore             *self,
                            const CrampExperiment  *experiment,
                            GArray                 *done,
                            GError                **error)
{
  AddExperiment add = { experiment, done };

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (experiment != NULL, FALSE);

  if (!cramp_experiment_validate (experiment, error))
    return FALSE;

  return cramp_store_write (self, CRAMP_STORE_CHANGE_EXPERIMENTS, add_experiment_cb, &add, error);
}

static gboolean
remove_experiment_cb (CrampStore  *self,
                      gpointer     user_data,
                      GError     **error)
{
  static const char * const sql[] = {
    "DELETE FROM experiment_days WHERE experiment = ?1",
    "DELETE FROM experiments WHERE id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_auto(CrampStatement) stmt = NULL;
      int rc;

      if (!(stmt = _cramp_store_prepare (self, sql[i], error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, user_data, -1, SQLITE_STATIC);
      if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
        return _cramp_store_set_error (self, rc, TRUE, error);
    }

  return TRUE;
}

/**
 * cramp_store_remove_experiment:
 *
 * Forgets the experiment with @id, and the nights it was done.
 */
gboolean
cramp_store_remove_experiment (CrampStore  *self,
                               const char  *id,
                               GError     **error)
{
  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return cramp_store_write (self, CRAMP_STORE_CHANGE_EXPERIMENTS, remove_experiment_cb, (gpointer) id, error);
}

/**
 * cramp_store_list_experiments:
 *
 * Returns: (transfer full) (element-type CrampExperiment): every
 *   experiment, by its start and then as they were added, or %NULL with
 *   @error set
 */
GPtrArray *
cramp_store_list_experiments (CrampStore  *self,
                              GError     **error)
{
  static const char sql[] =
    "SELECT id, name, kind, start, days, created_at FROM experiments ORDER BY start, created_at, id";
  g_autoptr(GPtrArray) experiments = g_ptr_array_new_with_free_func ((GDestroyNotify) cramp_experiment_free);
  g_auto(CrampStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), NULL);

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrampExperiment *experiment = g_new0 (CrampExperiment, 1);
      const char *start = (const char *) sqlite3_column_text (stmt, 3);

      experiment->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      experiment->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      experiment->days = (guint) sqlite3_column_int (stmt, 4);
      experiment->created_at = sqlite3_column_int64 (stmt, 5);
      /* the table's checks keep what another program could write out */
      if (!cramp_experiment_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &experiment->kind) ||
          start == NULL || !cramp_time_night_from_text (start, &experiment->start, NULL))
        {
          cramp_experiment_free (experiment);
          continue;
        }
      g_ptr_array_add (experiments, experiment);
    }
  if (rc != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, FALSE, error), NULL;

  return g_steal_pointer (&experiments);
}

typedef struct
{
  const char *id;
  gint64      night;
  gboolean    done;
} DoneNight;

static gboolean
set_done_cb (CrampStore  *self,
             gpointer     user_data,
             GError     **error)
{
  static const char sql[] =
    "INSERT INTO experiment_days (experiment, night, done) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (experiment, night) DO UPDATE SET done = excluded.done WHERE done IS NOT excluded.done";
  const DoneNight *done = user_data;
  g_autofree char *night = cramp_time_night_to_text (done->night);
  g_auto(CrampStatement) stmt = NULL;
  int rc;

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, done->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, night, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, done->done ? 1 : 0);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, TRUE, error);

  return TRUE;
}

/**
 * cramp_store_set_experiment_done:
 *
 * Says whether the experiment with @id was done on @night ("Did it").
 */
gboolean
cramp_store_set_experiment_done (CrampStore  *self,
                                 const char  *id,
                                 gint64       night,
                                 gboolean     done,
                                 GError     **error)
{
  DoneNight record = { id, night, done };

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return cramp_store_write (self, CRAMP_STORE_CHANGE_EXPERIMENTS, set_done_cb, &record, error);
}

/**
 * cramp_store_list_experiment_done:
 *
 * Returns: (transfer full) (element-type gint64): the nights the
 *   experiment with @id was said to be done, oldest first, or %NULL with
 *   @error set
 */
GArray *
cramp_store_list_experiment_done (CrampStore  *self,
                                  const char  *id,
                                  GError     **error)
{
  static const char sql[] =
    "SELECT night FROM experiment_days WHERE experiment = ?1 AND done = 1 ORDER BY night";
  g_autoptr(GArray) nights = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(CrampStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 night;

      if (cramp_time_night_from_text ((const char *) sqlite3_column_text (stmt, 0), &night, NULL))
        g_array_append_val (nights, night);
    }
  if (rc != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, FALSE, error), NULL;

  return g_steal_pointer (&nights);
}

/**
 * cramp_store_get_experiment_done:
 *
 * Returns: whether the experiment with @id was said to be done on
 *   @night; %FALSE too when that could not be read
 */
gboolean
cramp_store_get_experiment_done (CrampStore *self,
                                 const char *id,
                                 gint64      night)
{
  static const char sql[] =
    "SELECT 1 FROM experiment_days WHERE experiment = ?1 AND night = ?2 AND done = 1";
  g_autofree char *text = cramp_time_night_to_text (night);
  g_auto(CrampStatement) stmt = NULL;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(stmt = _cramp_store_prepare (self, sql, NULL)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}
