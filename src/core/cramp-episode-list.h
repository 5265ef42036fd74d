/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cramp-episode.h"
#include "cramp-store.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_EPISODE_LIST (cramp_episode_list_get_type ())

G_DECLARE_FINAL_TYPE (CrampEpisodeList, cramp_episode_list, CRAMP, EPISODE_LIST, GObject)

#define CRAMP_TYPE_QUIET_NIGHT (cramp_quiet_night_get_type ())

/* A night the user said was quiet, as an item of the list beside the
 * cramps (see cramp_episode_list_set_show_quiet_nights()). */
G_DECLARE_FINAL_TYPE (CrampQuietNight, cramp_quiet_night, CRAMP, QUIET_NIGHT, GObject)

gint64            cramp_quiet_night_get_night   (CrampQuietNight  *self);
int               cramp_quiet_night_get_sleep_disturbance (CrampQuietNight *self);

CrampEpisodeList *cramp_episode_list_new        (CrampStore       *store);
CrampStore       *cramp_episode_list_get_store  (CrampEpisodeList *self);
void              cramp_episode_list_set_filter (CrampEpisodeList *self,
                                                 CrampMuscle       muscle,
                                                 const char       *text);
gboolean          cramp_episode_list_is_filtered (CrampEpisodeList *self);
gboolean          cramp_episode_list_get_searching (CrampEpisodeList *self);
void              cramp_episode_list_set_show_quiet_nights (CrampEpisodeList *self,
                                                 gboolean          show);
guint             cramp_episode_list_find       (CrampEpisodeList *self,
                                                 const char       *id);

G_END_DECLS
