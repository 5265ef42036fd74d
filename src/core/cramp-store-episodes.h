/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-episode.h"
#include "cramp-store.h"

G_BEGIN_DECLS

/* The diary's episodes: writing them (each change a write of its own, or
 * inside one: cramp_store_import_episode()) and reading them back. */
gboolean      cramp_store_add                 (CrampStore     *self,
                                               CrampEpisode   *episode,
                                               GError        **error);
gboolean      cramp_store_update              (CrampStore     *self,
                                               CrampEpisode   *episode,
                                               GError        **error);
gboolean      cramp_store_remove              (CrampStore     *self,
                                               const char     *id,
                                               GError        **error);
gboolean      cramp_store_import              (CrampStore     *self,
                                               GPtrArray      *episodes,
                                               guint          *n_added,
                                               guint          *n_skipped,
                                               GError        **error);

gboolean      cramp_store_import_episode      (CrampStore     *self,
                                               CrampEpisode   *episode,
                                               gboolean       *added,
                                               GError        **error);
void          cramp_store_make_room           (CrampStore     *self);
gboolean      cramp_store_delete_episode      (CrampStore     *self,
                                               const char     *id,
                                               GError        **error);
CrampEpisode *cramp_store_lookup              (CrampStore     *self,
                                               const char     *id,
                                               GError        **error);
guint         cramp_store_count               (CrampStore     *self);
GPtrArray    *cramp_store_list                (CrampStore     *self,
                                               GDateTime      *since,
                                               GDateTime      *until,
                                               GError        **error);

/* What a quick log assumes: the user's own pattern at that time of day. */
typedef struct
{
  CrampMuscle   muscle;
  CrampSide     side;
  CrampActivity activity;
  int           woke_from_sleep;   /* CRAMP_UNSET, FALSE or TRUE */
} CrampUsual;

typedef gboolean (*CrampStoreForeachFunc) (CrampEpisode *episode,
                                           gpointer      user_data,
                                           GError      **error);

gboolean      cramp_store_foreach             (CrampStore     *self,
                                               CrampStoreForeachFunc func,
                                               gpointer        user_data,
                                               GError        **error);
void          cramp_store_get_usual           (CrampStore     *self,
                                               GDateTime      *at,
                                               CrampUsual     *usual);
GStrv         cramp_store_list_medication_names (CrampStore   *self);
GDateTime    *cramp_store_get_first_start     (CrampStore     *self);

/* An episode's place in the diary, for a list that reads the episodes
 * only as they are shown: its row, its revision, which each update
 * raises, and when it began (seconds since the epoch), by which the list
 * is in order. */
typedef struct
{
  gint64 row;
  gint64 revision;
  gint64 started_utc;
} CrampEpisodeKey;

GArray       *cramp_store_list_keys           (CrampStore     *self,
                                               CrampMuscle     muscle,
                                               const char     *needle,
                                               GCancellable   *cancellable,
                                               GError        **error);
CrampEpisode *cramp_store_read_row            (CrampStore     *self,
                                               gint64          row,
                                               gint64         *revision,
                                               GError        **error);
gboolean      cramp_store_find_row            (CrampStore     *self,
                                               const char     *id,
                                               gint64         *row);

G_END_DECLS
