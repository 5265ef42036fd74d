/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-store"

#include "config.h"

#include "cramp-store-private.h"

/*
 * Each entry brings a diary from the version of its index to the next.
 * Never edit an entry once released: add one. Fixture diaries of every
 * version live in tests/fixtures/ and tests/test-store.c migrates them.
 */
static const char * const migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE episode ("
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
  "CREATE INDEX episode_by_start ON episode (started_utc, revision);",

  /* 1 → 2: the health profile. Conditions and the patient's name are
   * keyed values; medications keep the order the user gave them. */
  "CREATE TABLE profile ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE profile_medication ("
  "  position INTEGER PRIMARY KEY,"
  "  name     TEXT NOT NULL,"
  "  started  TEXT,"
  "  stopped  TEXT"
  ");",

  /* 2 → 3: the stretch log, a row for each bedtime reminder shown and
   * what became of it, and for each stretch done. The night is the one
   * of cramp_time_night_of(), kept so that nights are compared without
   * time zone arithmetic in SQL. */
  "CREATE TABLE stretch ("
  "  id         INTEGER PRIMARY KEY,"
  "  at_utc     INTEGER NOT NULL,"
  "  utc_offset INTEGER NOT NULL,"
  "  night      INTEGER NOT NULL,"
  "  event      TEXT NOT NULL CHECK (event IN ('shown', 'done', 'snoozed', 'dismissed'))"
  ");"
  "CREATE INDEX stretch_by_night ON stretch (night, event);",

  /* 3 → 4: the words of red-flag catalog version 2 (the symptoms
   * twitching, skin-warm and skin-cold, the relief hanging-leg, the
   * condition arterial-disease and the profile's birth-year). Words are
   * kept as text, so no table changes; the version itself is the change:
   * a release before it would refuse such episodes as damaged or drop
   * the profile's new words, and cramp_store_open() there refuses a
   * newer diary instead of touching it. */
  "SELECT 1;",
};

#define SCHEMA_VERSION ((guint) G_N_ELEMENTS (migrations))

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
      rc = sqlite3_exec (self->db, migrations[v], NULL, NULL, NULL);
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
