/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "cramp-store-backup.h"
#include "cramp-store-episodes.h"
#include "cramp-store-nights.h"
#include "cramp-store-profile.h"
#include "cramp-store-stretches.h"
#include "cramp-store.h"

G_BEGIN_DECLS

/* The columns _cramp_store_read_episode() expects, in this order. */
#define CRAMP_STORE_EPISODE_COLUMNS \
  "id, started_utc, utc_offset, duration_s, muscle, side, intensity, activity, " \
  "walk_distance_m, relieved_by, symptoms, triggers, fluid_ml, medications, "     \
  "woke_from_sleep, notes"
#define CRAMP_STORE_N_EPISODE_COLUMNS 16

struct _CrampStore
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  GHashTable   *statements;   /* static SQL string → sqlite3_stmt */
  GFileMonitor *monitor;
  guint         check_source;
  gint64        data_version;
  guint         n_episodes;   /* as of the last change seen */
  int           n_added;      /* episodes added (or, below 0, removed) by the write under way */
  gboolean      writing;      /* inside cramp_store_write() */
  CrampStoreChange changes;   /* what the write under way changes */
  int           any_quiet;    /* in the write under way: whether a night is marked quiet; -1 not yet known */
  gboolean      roomy;        /* the write under way made room: cramp_store_make_room() */
  gboolean      created;      /* this store made the diary file */
  int           backup_day;   /* g_date_get_julian() of the last daily backup seen */
  sqlite3      *snapshot_db;  /* the daily backup's: the diary as it was before the day's first change */
  char         *snapshot_path; /* where the snapshot held for the write under way goes */
  GThread      *backup;       /* the daily backup, made beside a write */
  gint          backup_state; /* how it went, set by its thread */
};

sqlite3_stmt *_cramp_store_prepare       (CrampStore    *self,
                                          const char    *sql,
                                          GError       **error);
void          _cramp_store_release       (sqlite3_stmt  *stmt);
CrampEpisode *_cramp_store_read_episode  (sqlite3_stmt  *stmt);
gboolean      _cramp_store_set_error     (CrampStore    *self,
                                          int            rc,
                                          gboolean       writing,
                                          GError       **error);
void          _cramp_store_emit_changed  (CrampStore    *self,
                                          CrampStoreChange changes);
void          _cramp_store_recount       (CrampStore    *self);
gboolean      _cramp_store_exec          (CrampStore    *self,
                                          const char    *sql,
                                          gboolean       writing,
                                          GError       **error);
gint64        _cramp_store_query_int     (sqlite3       *db,
                                          const char    *sql,
                                          int           *rc_out);
char         *_cramp_store_new_private_file (const char *folder,
                                             const char *pattern);
void          _cramp_store_remove_private_file (const char *path);
void          _cramp_store_remove_stale_files  (const char *folder);
gboolean      _cramp_store_ensure_folder (const char    *path,
                                          GError       **error);
gboolean      _cramp_store_create_diary  (const char    *path,
                                          gboolean      *created,
                                          GError       **error);
void          _cramp_store_rollback      (CrampStore    *self);
gboolean      _cramp_store_migrate       (CrampStore    *self,
                                          GError       **error);
gboolean      _cramp_store_check_header  (const char    *path,
                                          GError       **error);
gboolean      _cramp_store_fsync_path    (const char    *path,
                                          int            flags);
gboolean      _cramp_store_set_path_error (GError      **error,
                                          int            code,
                                          const char    *format,
                                          const char    *path);
void          _cramp_store_open_snapshot (CrampStore    *self);
void          _cramp_store_hold_snapshot (CrampStore    *self);
void          _cramp_store_start_daily_backup (CrampStore *self);
gboolean      _cramp_store_back_up_before_upgrade (CrampStore *self,
                                          gint64         version,
                                          GError       **error);

/* Inside cramp_store_write(), by each unit that writes a table. */
#define _cramp_store_assert_writing(self) g_assert ((self)->writing)

/* A cached statement, reset and unbound when it goes out of scope:
 * g_auto(CrampStatement) stmt = _cramp_store_prepare (...); */
typedef sqlite3_stmt *CrampStatement;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (CrampStatement, _cramp_store_release, NULL)

G_END_DECLS
