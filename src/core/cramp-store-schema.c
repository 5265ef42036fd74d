/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-store"

#include "config.h"

#include "cramp-store-private.h"

/*
 * Each entry brings a diary from the version of its index to the next:
 * SQL, or C code for what SQL cannot express. Never edit an entry once
 * released: add one. Fixture diaries of every version live in
 * tests/fixtures/ and tests/test-store.c migrates them.
 */

/* A step in C: runs inside the migration's transaction, and returns an
 * SQLite result code. */
typedef int (*MigrationFunc) (sqlite3 *db);

typedef struct
{
  const char    *sql;
  MigrationFunc  run;
} Migration;

static int to_uuid_keys (sqlite3 *db);

static const Migration migrations[] = {
  /* 0 → 1 */
  { "CREATE TABLE episode ("
  "  id              TEXT PRIMARY KEY NOT NULL,"
  "  started_utc     INTEGER NOT NULL,"
  "  utc_offset      INTEGER NOT NULL,"
  "  duration_s      INTEGER CHECK (duration_s BETWEEN 1 AND 86400),"
  "  muscle          TEXT,"
  "  side            TEXT,"
  "  intensity       INTEGER CHECK (intensity BETWEEN 0 AND 10),"
  "  activity        TEXT,"
  "  walk_distance_m INTEGER CHECK (walk_distance_m >= 0),"
  "  relieved_by     TEXT,"
  "  symptoms        TEXT,"
  "  triggers        TEXT,"
  "  fluid_ml        INTEGER CHECK (fluid_ml >= 0),"
  "  medications     TEXT,"
  "  woke_from_sleep INTEGER CHECK (woke_from_sleep IN (0, 1)),"
  "  notes           TEXT,"
  "  revision        INTEGER NOT NULL DEFAULT 0"
  ");"
  /* Covers the history's ordering query: start, then revision, then
   * the rowid every index ends with. */
  "CREATE INDEX episode_by_start ON episode (started_utc, revision);", NULL },

  /* 1 → 2: the health profile. Conditions and the patient's name are
   * keyed values; medications keep the order the user gave them. */
  { "CREATE TABLE profile ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE profile_medication ("
  "  position INTEGER PRIMARY KEY,"
  "  name     TEXT NOT NULL,"
  "  started  TEXT,"
  "  stopped  TEXT"
  ");", NULL },

  /* 2 → 3: the stretch log, a row for each bedtime reminder shown and
   * what became of it, and for each stretch done. The night is the one
   * of cramp_time_night_of(), kept so that nights are compared without
   * time zone arithmetic in SQL. */
  { "CREATE TABLE stretch ("
  "  id         INTEGER PRIMARY KEY,"
  "  at_utc     INTEGER NOT NULL,"
  "  utc_offset INTEGER NOT NULL,"
  "  night      INTEGER NOT NULL,"
  "  event      TEXT NOT NULL CHECK (event IN ('shown', 'done', 'snoozed', 'dismissed'))"
  ");"
  "CREATE INDEX stretch_by_night ON stretch (night, event);", NULL },

  /* 3 → 4: the words of red-flag catalog version 2 (the symptoms
   * twitching, skin-warm and skin-cold, the relief hanging-leg, the
   * condition arterial-disease and the profile's birth-year). Words are
   * kept as text, so no table changes; the version itself is the change:
   * a release before it would refuse such episodes as damaged or drop
   * the profile's new words, and cramp_store_open() there refuses a
   * newer diary instead of touching it. */
  { "SELECT 1;", NULL },

  /* 4 → 5: a UUID key for every row that will travel between devices
   * (the episodes have one already): the stretch log's, and the
   * profile's medications', which were keyed by their position. */
  { NULL, to_uuid_keys },

  /* 5 → 6: the nights, a row for each night the user said something of:
   * quiet (no cramp), and how much cramps disturbed the sleep (0–10).
   * Keyed by the night's date, the evening it began, as it will travel:
   * two devices that record one night record the same row. */
  { "CREATE TABLE nights ("
    "  night             TEXT PRIMARY KEY NOT NULL CHECK (night GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  quiet             INTEGER NOT NULL CHECK (quiet IN (0, 1)),"
    "  sleep_disturbance INTEGER CHECK (sleep_disturbance BETWEEN 0 AND 10),"
    "  recorded_at       INTEGER NOT NULL"
    ");", NULL },

  /* 6 → 7: personal experiments, under UUIDs as they will travel: a
   * name, a kind, the first night of the trial and its length in days
   * (its baseline is as many days before); and for the kinds other than
   * stretching, whether it was done on each night. */
  { "CREATE TABLE experiments ("
    "  id         TEXT PRIMARY KEY NOT NULL,"
    "  name       TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
    "  kind       TEXT NOT NULL CHECK (kind IN ('stretching', 'supplement', 'fluid', 'medication-change', 'other')),"
    "  start      TEXT NOT NULL CHECK (start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  days       INTEGER NOT NULL CHECK (days BETWEEN 1 AND 366),"
    "  created_at INTEGER NOT NULL"
    ");"
    "CREATE TABLE experiment_days ("
    "  experiment TEXT NOT NULL,"
    "  night      TEXT NOT NULL CHECK (night GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  done       INTEGER NOT NULL CHECK (done IN (0, 1)),"
    "  PRIMARY KEY (experiment, night)"
    ") WITHOUT ROWID;", NULL },
};

#define SCHEMA_VERSION ((guint) G_N_ELEMENTS (migrations))

/* Gives every row of @table a new UUID as its key: @create_copy makes
 * "@table_new", with "id" first and then @columns; the rows are copied
 * in @order, each with a UUID of its own, and the copy takes the place
 * of @table. */
static int
rekey_table (sqlite3    *db,
             const char *table,
             const char *columns,
             guint       n_columns,
             const char *order,
             const char *create_copy)
{
  g_autofree char *select_sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY %s", columns, table, order);
  g_autoptr(GString) insert_sql = g_string_new (NULL);
  g_autofree char *replace_sql = NULL;
  sqlite3_stmt *select = NULL;
  sqlite3_stmt *insert = NULL;
  int rc;

  g_string_printf (insert_sql, "INSERT INTO %s_new (id, %s) VALUES (?1", table, columns);
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (insert_sql, ", ?%u", i + 2);
  g_string_append (insert_sql, ")");

  if ((rc = sqlite3_exec (db, create_copy, NULL, NULL, NULL)) != SQLITE_OK ||
      (rc = sqlite3_prepare_v2 (db, select_sql, -1, &select, NULL)) != SQLITE_OK ||
      (rc = sqlite3_prepare_v2 (db, insert_sql->str, -1, &insert, NULL)) != SQLITE_OK)
    goto out;

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      g_autofree char *id = g_uuid_string_random ();

      sqlite3_bind_text (insert, 1, id, -1, SQLITE_STATIC);
      for (guint i = 0; i < n_columns; i++)
        sqlite3_bind_value (insert, i + 2, sqlite3_column_value (select, i));
      if ((rc = sqlite3_step (insert)) != SQLITE_DONE)
        goto out;
      sqlite3_reset (insert);
    }
  if (rc != SQLITE_DONE)
    goto out;

  replace_sql = g_strdup_printf ("DROP TABLE %s; ALTER TABLE %s_new RENAME TO %s;", table, table, table);
  rc = sqlite3_exec (db, replace_sql, NULL, NULL, NULL);

out:
  sqlite3_finalize (select);
  sqlite3_finalize (insert);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int
to_uuid_keys (sqlite3 *db)
{
  int rc;

  rc = rekey_table (db, "stretch", "at_utc, utc_offset, night, event", 4, "id",
                    "CREATE TABLE stretch_new ("
                    "  id         TEXT PRIMARY KEY NOT NULL,"
                    "  at_utc     INTEGER NOT NULL,"
                    "  utc_offset INTEGER NOT NULL,"
                    "  night      INTEGER NOT NULL,"
                    "  event      TEXT NOT NULL CHECK (event IN ('shown', 'done', 'snoozed', 'dismissed'))"
                    ");");
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "CREATE INDEX stretch_by_night ON stretch (night, event);", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = rekey_table (db, "profile_medication", "position, name, started, stopped", 4, "position",
                      "CREATE TABLE profile_medication_new ("
                      "  id       TEXT PRIMARY KEY NOT NULL,"
                      "  position INTEGER NOT NULL,"
                      "  name     TEXT NOT NULL,"
                      "  started  TEXT,"
                      "  stopped  TEXT"
                      ");");

  return rc;
}

guint
cramp_store_schema_version (void)
{
  return SCHEMA_VERSION;
}

/* Brings @db to SCHEMA_VERSION in one transaction: a crash leaves the
 * old version or the new one, never a mix. */
gboolean
_cramp_store_migrate (CrampStore  *self,
                      GError     **error)
{
  gint64 version;
  int rc;

  if (!_cramp_store_exec (self, "BEGIN IMMEDIATE", TRUE, error))
    return FALSE;

  /* Another process may have migrated while we waited for the lock. */
  version = _cramp_store_query_int (self->db, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK)
    goto failed;

  for (guint v = version; v < SCHEMA_VERSION; v++)
    {
      g_debug ("Migrating %s to version %u", self->path, v + 1);
      if (migrations[v].run != NULL)
        rc = migrations[v].run (self->db);
      else
        rc = sqlite3_exec (self->db, migrations[v].sql, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        goto failed;
    }

  {
    g_autofree char *pragmas =
      g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u;",
                       CRAMP_STORE_APPLICATION_ID, SCHEMA_VERSION);

    rc = sqlite3_exec (self->db, pragmas, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
      goto failed;
  }

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  return TRUE;

failed:
  _cramp_store_set_error (self, rc, TRUE, error);
  _cramp_store_rollback (self);
  return FALSE;
}
