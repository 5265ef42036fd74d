/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cramp-episode.h"
#include "cramp-store.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_EPISODE_LIST (cramp_episode_list_get_type ())

G_DECLARE_FINAL_TYPE (CrampEpisodeList, cramp_episode_list, CRAMP, EPISODE_LIST, GObject)

CrampEpisodeList *cramp_episode_list_new        (CrampStore       *store);
CrampStore       *cramp_episode_list_get_store  (CrampEpisodeList *self);
void              cramp_episode_list_set_filter (CrampEpisodeList *self,
                                                 CrampMuscle       muscle,
                                                 const char       *text);
gboolean          cramp_episode_list_is_filtered (CrampEpisodeList *self);
guint             cramp_episode_list_find       (CrampEpisodeList *self,
                                                 const char       *id);

G_END_DECLS
