/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-store"

#include "config.h"

#include "cramp-store-private.h"
#include "cramp-time.h"

/* Reading episodes: one, a count, a period, all of them in turn; and
 * what the diary says of its user: the usual cramp at an hour, the
 * medications named lately, the first start. */

/**
 * cramp_store_lookup:
 *
 * Returns: (transfer full) (nullable): the episode with @id, or %NULL if
 *   there is none (without an error) or it could not be read (with one).
 */
CrampEpisode *
cramp_store_lookup (CrampStore  *self,
                    const char  *id,
                    GError     **error)
{
  static const char sql[] = "SELECT " CRAMP_STORE_EPISODE_COLUMNS " FROM episode WHERE id = ?1";
  g_auto(CrampStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _cramp_store_read_episode (stmt);
  if (rc != SQLITE_DONE)
    _cramp_store_set_error (self, rc, FALSE, error);

  return NULL;
}

guint
cramp_store_count (CrampStore *self)
{
  g_auto(CrampStatement) stmt = NULL;

  g_return_val_if_fail (CRAMP_IS_STORE (self), 0);

  stmt = _cramp_store_prepare (self, "SELECT count(*) FROM episode", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int (stmt, 0);
}

/**
 * cramp_store_list:
 * @since: (nullable): the earliest start to include
 * @until: (nullable): the latest start to include
 *
 * Returns: (transfer container) (element-type CrampEpisode): the episodes
 *   that started within [@since, @until], oldest first.
 */
GPtrArray *
cramp_store_list (CrampStore  *self,
                  GDateTime   *since,
                  GDateTime   *until,
                  GError     **error)
{
  static const char sql[] =
    "SELECT " CRAMP_STORE_EPISODE_COLUMNS " FROM episode "
    "WHERE started_utc BETWEEN ?1 AND ?2 ORDER BY started_utc, id";
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(CrampStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), NULL);

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, since ? g_date_time_to_unix (since) : G_MININT64);
  sqlite3_bind_int64 (stmt, 2, until ? g_date_time_to_unix (until) : G_MAXINT64);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (episodes, _cramp_store_read_episode (stmt));

  if (rc != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, FALSE, error), NULL;

  return g_steal_pointer (&episodes);
}

/**
 * cramp_store_foreach:
 * @func: called for each episode, oldest first; returning %FALSE stops
 *
 * Walks the whole diary without holding it in memory.
 */
gboolean
cramp_store_foreach (CrampStore             *self,
                     CrampStoreForeachFunc   func,
                     gpointer                user_data,
                     GError                **error)
{
  static const char sql[] =
    "SELECT " CRAMP_STORE_EPISODE_COLUMNS " FROM episode ORDER BY started_utc, id";
  g_auto(CrampStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return FALSE;

  /* One read transaction, so the walk sees one state of the diary. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CrampEpisode) episode = _cramp_store_read_episode (stmt);

      if (!func (episode, user_data, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    return _cramp_store_set_error (self, rc, FALSE, error);

  return TRUE;
}

/* How often each value of a vocabulary was recorded among rows read
 * newest first, and the row where each was first met. */
typedef struct
{
  guint count[16];
  guint first_row[16];
} Tally;

static void
tally_add (Tally *tally,
           guint  index,
           guint  row)
{
  if (index == 0 || index >= G_N_ELEMENTS (tally->count))
    return;
  if (tally->count[index]++ == 0)
    tally->first_row[index] = row;
}

static void
tally_add_token (Tally      *tally,
                 CrampVocab  vocab,
                 const char *token,
                 guint       row)
{
  guint index;

  if (token != NULL && cramp_vocab_lookup (vocab, token, &index))
    tally_add (tally, index, row);
}

/* The value recorded most often, the latest winning a tie; 0 when none
 * was recorded. */
static guint
tally_best (const Tally *tally)
{
  guint best = 0;

  for (guint i = 1; i < G_N_ELEMENTS (tally->count); i++)
    if (tally->count[i] > 0 &&
        (best == 0 || tally->count[i] > tally->count[best] ||
         (tally->count[i] == tally->count[best] && tally->first_row[i] < tally->first_row[best])))
      best = i;

  return best;
}

/**
 * cramp_store_get_usual:
 * @at: when the cramp to pre-fill began
 *
 * What a quick log at @at assumes, from the user's own pattern at that
 * time of day: the muscle, side, activity and "woke from sleep" recorded
 * most often among the last fifty cramps that began in the same part of
 * the day (the night hours, CRAMP_NIGHT_START_HOUR to CRAMP_NIGHT_END_HOUR
 * local time, or the day). The latest wins a tie, and what was not
 * recorded does not count. The muscle and side, which do not change with
 * the hour, fall back to all cramps; a first night-time cramp is assumed
 * to have woken the user from sleep.
 */
void
cramp_store_get_usual (CrampStore *self,
                       GDateTime  *at,
                       CrampUsual *usual)
{
  /* ?1 is 1 for the night hours; the local hour of a start is that of
   * started_utc + utc_offset, as it was logged */
  static const char sql[] =
    "SELECT muscle, side, activity, woke_from_sleep FROM episode "
    "WHERE ((((started_utc + utc_offset) % 86400 + 86400) % 86400) / 3600 NOT BETWEEN ?2 AND ?3) = ?1 "
    "ORDER BY started_utc DESC, revision DESC LIMIT 50";
  static const char sql_any[] =
    "SELECT muscle, side FROM episode ORDER BY started_utc DESC, revision DESC LIMIT 50";
  g_auto(CrampStatement) stmt = NULL;
  g_auto(CrampStatement) stmt_any = NULL;
  /* woke_from_sleep is tallied as 1 for no, 2 for yes */
  Tally muscles = { { 0 } }, sides = { { 0 } }, activities = { { 0 } }, woke = { { 0 } };
  gboolean night;
  guint row = 0;

  g_return_if_fail (CRAMP_IS_STORE (self));
  g_return_if_fail (at != NULL);
  g_return_if_fail (usual != NULL);

  night = CRAMP_IS_NIGHT_HOUR (g_date_time_get_hour (at));

  if ((stmt = _cramp_store_prepare (self, sql, NULL)))
    {
      sqlite3_bind_int (stmt, 1, night);
      sqlite3_bind_int (stmt, 2, CRAMP_NIGHT_END_HOUR);
      sqlite3_bind_int (stmt, 3, CRAMP_NIGHT_START_HOUR - 1);
      for (; sqlite3_step (stmt) == SQLITE_ROW; row++)
        {
          tally_add_token (&muscles, CRAMP_VOCAB_MUSCLE, (const char *) sqlite3_column_text (stmt, 0), row);
          tally_add_token (&sides, CRAMP_VOCAB_SIDE, (const char *) sqlite3_column_text (stmt, 1), row);
          tally_add_token (&activities, CRAMP_VOCAB_ACTIVITY, (const char *) sqlite3_column_text (stmt, 2), row);
          if (sqlite3_column_type (stmt, 3) == SQLITE_INTEGER)
            tally_add (&woke, sqlite3_column_int (stmt, 3) != 0 ? 2 : 1, row);
        }
    }

  usual->muscle = tally_best (&muscles);
  usual->side = tally_best (&sides);
  usual->activity = tally_best (&activities);
  usual->woke_from_sleep = tally_best (&woke) == 0 ? CRAMP_UNSET : tally_best (&woke) == 2;

  if (night && row == 0)
    {
      usual->activity = CRAMP_ACTIVITY_SLEEPING;
      usual->woke_from_sleep = TRUE;
    }

  if (usual->muscle != CRAMP_MUSCLE_UNKNOWN && usual->side != CRAMP_SIDE_UNKNOWN)
    return;

  /* the leg does not change with the hour */
  muscles = (Tally) { { 0 } };
  sides = (Tally) { { 0 } };
  if (!(stmt_any = _cramp_store_prepare (self, sql_any, NULL)))
    return;
  for (row = 0; sqlite3_step (stmt_any) == SQLITE_ROW; row++)
    {
      tally_add_token (&muscles, CRAMP_VOCAB_MUSCLE, (const char *) sqlite3_column_text (stmt_any, 0), row);
      tally_add_token (&sides, CRAMP_VOCAB_SIDE, (const char *) sqlite3_column_text (stmt_any, 1), row);
    }
  if (usual->muscle == CRAMP_MUSCLE_UNKNOWN)
    usual->muscle = tally_best (&muscles);
  if (usual->side == CRAMP_SIDE_UNKNOWN)
    usual->side = tally_best (&sides);
}

static int
compare_by_count (gconstpointer a,
                  gconstpointer b,
                  gpointer      counts)
{
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, a));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, b));

  if (ca != cb)
    return ca > cb ? -1 : 1;

  return g_utf8_collate (a, b);
}

/**
 * cramp_store_list_medication_names:
 *
 * Returns: (transfer full): the medications of recent episodes, most
 *   often listed first, each name once, to complete what the user types.
 */
GStrv
cramp_store_list_medication_names (CrampStore *self)
{
  static const char sql[] =
    "SELECT medications FROM episode WHERE medications IS NOT NULL "
    "ORDER BY started_utc DESC LIMIT 1000";
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(CrampStatement) stmt = NULL;
  g_autoptr(GList) keys = NULL;

  g_return_val_if_fail (CRAMP_IS_STORE (self), NULL);

  if ((stmt = _cramp_store_prepare (self, sql, NULL)))
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_auto(GStrv) parts = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), ";", -1);

          for (guint i = 0; parts[i] != NULL; i++)
            {
              char *folded = g_utf8_casefold (parts[i], -1);
              guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, folded));

              if (count == 0)
                g_hash_table_insert (names, g_strdup (folded), g_strdup (parts[i]));
              g_hash_table_insert (counts, folded, GUINT_TO_POINTER (count + 1));
            }
        }
    }

  keys = g_hash_table_get_keys (counts);
  keys = g_list_sort_with_data (keys, compare_by_count, counts);

  for (const GList *l = keys; l != NULL; l = l->next)
    g_strv_builder_add (builder, g_hash_table_lookup (names, l->data));

  return g_strv_builder_end (builder);
}

/**
 * cramp_store_get_first_start:
 *
 * Returns: (transfer full) (nullable): when the first episode of the
 *   diary began, on its own clock; %NULL for an empty diary
 */
GDateTime *
cramp_store_get_first_start (CrampStore *self)
{
  static const char sql[] =
    "SELECT started_utc, utc_offset FROM episode ORDER BY started_utc LIMIT 1";
  g_auto(CrampStatement) stmt = NULL;

  g_return_val_if_fail (CRAMP_IS_STORE (self), NULL);

  stmt = _cramp_store_prepare (self, sql, NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return cramp_time_new_fixed (sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1));
}

/* SQLite's progress handler: a query of a cancelled search stops. */
static int
interrupt_if_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/**
 * cramp_store_list_keys:
 * @muscle: only cramps of this muscle, or %CRAMP_MUSCLE_UNKNOWN for all
 * @needle: (nullable): only cramps whose notes, medications or shown
 *   words hold this case-folded text
 * @cancellable: (nullable): stops the query part-way when cancelled
 *
 * Returns: (transfer full) (element-type CrampEpisodeKey): the keys of
 *   the episodes, newest first, or %NULL with @error set
 */
GArray *
cramp_store_list_keys (CrampStore    *self,
                       CrampMuscle    muscle,
                       const char    *needle,
                       GCancellable  *cancellable,
                       GError       **error)
{
  static const char all_sql[] =
    "SELECT rowid, revision, started_utc FROM episode "
    "ORDER BY started_utc DESC, revision DESC, rowid DESC";
  static const char filtered_sql[] =
    "SELECT rowid, revision, started_utc FROM episode "
    "WHERE (?1 IS NULL OR muscle = ?1) "
    "AND (?2 IS NULL "
    "     OR instr(cramp_casefold(coalesce(notes, '') || ' ' || coalesce(medications, '')), ?2) > 0 "
    "     OR instr(cramp_shown(muscle, side, activity, relieved_by, symptoms, triggers), ?2) > 0) "
    "ORDER BY started_utc DESC, revision DESC, rowid DESC";
  gboolean filtered = muscle != CRAMP_MUSCLE_UNKNOWN || needle != NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (CrampEpisodeKey));
  g_auto(CrampStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), NULL);

  if (!(stmt = _cramp_store_prepare (self, filtered ? filtered_sql : all_sql, error)))
    return NULL;

  if (muscle != CRAMP_MUSCLE_UNKNOWN)
    sqlite3_bind_text (stmt, 1, cramp_vocab_token (CRAMP_VOCAB_MUSCLE, muscle), -1, SQLITE_STATIC);
  if (needle != NULL)
    sqlite3_bind_text (stmt, 2, needle, -1, SQLITE_TRANSIENT);

  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 1000, interrupt_if_cancelled, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrampEpisodeKey key = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2)
      };
      g_array_append_val (keys, key);
    }
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 0, NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != SQLITE_DONE)
    {
      _cramp_store_set_error (self, rc, FALSE, error);
      return NULL;
    }

  return g_steal_pointer (&keys);
}

/**
 * cramp_store_read_row:
 * @row: a #CrampEpisodeKey's row
 * @revision: (out): its revision as read
 *
 * Returns: (transfer full) (nullable): the episode of @row, or %NULL if
 *   there is none (without an error) or it could not be read (with one)
 */
CrampEpisode *
cramp_store_read_row (CrampStore  *self,
                      gint64       row,
                      gint64      *revision,
                      GError     **error)
{
  static const char sql[] =
    "SELECT " CRAMP_STORE_EPISODE_COLUMNS ", revision FROM episode WHERE rowid = ?1";
  g_auto(CrampStatement) stmt = NULL;
  CrampEpisode *episode;
  int rc;

  g_return_val_if_fail (CRAMP_IS_STORE (self), NULL);

  if (!(stmt = _cramp_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, row);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        _cramp_store_set_error (self, rc, FALSE, error);
      return NULL;
    }

  episode = _cramp_store_read_episode (stmt);
  *revision = sqlite3_column_int64 (stmt, CRAMP_STORE_N_EPISODE_COLUMNS);
  return episode;
}

/**
 * cramp_store_find_row:
 * @row: (out): the row of the episode with @id
 *
 * Returns: whether there is one
 */
gboolean
cramp_store_find_row (CrampStore *self,
                      const char *id,
                      gint64     *row)
{
  static const char sql[] = "SELECT rowid FROM episode WHERE id = ?1";
  g_auto(CrampStatement) stmt = NULL;

  g_return_val_if_fail (CRAMP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(stmt = _cramp_store_prepare (self, sql, NULL)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  *row = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}
