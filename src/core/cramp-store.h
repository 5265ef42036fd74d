/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CRAMP_TYPE_STORE (cramp_store_get_type ())

#define CRAMP_STORE_ERROR (cramp_store_error_quark ())

G_DECLARE_FINAL_TYPE (CrampStore, cramp_store, CRAMP, STORE, GObject)

typedef enum
{
  CRAMP_STORE_ERROR_FOREIGN,      /* a file, but not a diary of ours */
  CRAMP_STORE_ERROR_NEWER,        /* a diary of a newer version of the app */
  CRAMP_STORE_ERROR_DAMAGED,      /* ours, or meant to be, but corrupt */
  CRAMP_STORE_ERROR_UNREADABLE,   /* permissions, or not a regular file */
  CRAMP_STORE_ERROR_READ_ONLY,
  CRAMP_STORE_ERROR_FULL,
  CRAMP_STORE_ERROR_BUSY,
  CRAMP_STORE_ERROR_IO,
  CRAMP_STORE_ERROR_INVALID,      /* an episode that fails validation */
  CRAMP_STORE_ERROR_NOT_FOUND,
  CRAMP_STORE_ERROR_EXISTS,
} CrampStoreError;

/* What a write changes: the detail of #CrampStore::changed ("episodes",
 * "profile", "stretches", "nights", "experiments"), so that a view
 * reloads only what it shows. */
typedef enum
{
  CRAMP_STORE_CHANGE_EPISODES    = 1 << 0,
  CRAMP_STORE_CHANGE_PROFILE     = 1 << 1,
  CRAMP_STORE_CHANGE_STRETCHES   = 1 << 2,
  CRAMP_STORE_CHANGE_NIGHTS      = 1 << 3,
  CRAMP_STORE_CHANGE_EXPERIMENTS = 1 << 4,
} CrampStoreChange;

#define CRAMP_STORE_CHANGE_ALL \
  (CRAMP_STORE_CHANGE_EPISODES | CRAMP_STORE_CHANGE_PROFILE | CRAMP_STORE_CHANGE_STRETCHES | \
   CRAMP_STORE_CHANGE_NIGHTS | CRAMP_STORE_CHANGE_EXPERIMENTS)

/* A change to the diary, run by cramp_store_write() inside its
 * transaction: %FALSE, with @error set, leaves the diary as it was. */
typedef gboolean (*CrampStoreWriteFunc) (CrampStore  *store,
                                         gpointer     user_data,
                                         GError     **error);

/* "CrDy": marks an SQLite file as a diary of this application. */
#define CRAMP_STORE_APPLICATION_ID 0x43724479

GQuark        cramp_store_error_quark         (void);
char         *cramp_store_default_path        (void);
guint         cramp_store_schema_version      (void);

CrampStore   *cramp_store_open                (const char     *path,
                                               GError        **error);
CrampStore   *cramp_store_open_reader         (CrampStore     *store,
                                               GError        **error);
CrampStore   *cramp_store_open_to_read        (const char     *path,
                                               GError        **error);
const char   *cramp_store_get_path            (CrampStore     *self);
gboolean      cramp_store_get_created         (CrampStore     *self);
guint         cramp_store_get_n_episodes      (CrampStore     *self);
void          cramp_store_watch               (CrampStore     *self);
gboolean      cramp_store_check_for_changes   (CrampStore     *self);
GQuark        cramp_store_change_to_quark     (CrampStoreChange change);
gboolean      cramp_store_write               (CrampStore     *self,
                                               CrampStoreChange changes,
                                               CrampStoreWriteFunc func,
                                               gpointer        user_data,
                                               GError        **error);
void          cramp_store_note_change         (CrampStore     *self,
                                               CrampStoreChange change);
void          cramp_store_wait_for_backup     (CrampStore     *self);

G_END_DECLS
