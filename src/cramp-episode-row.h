/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cramp-episode.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_EPISODE_ROW (cramp_episode_row_get_type ())

G_DECLARE_FINAL_TYPE (CrampEpisodeRow, cramp_episode_row, CRAMP, EPISODE_ROW, GtkWidget)

GtkWidget *cramp_episode_row_new         (void);
void       cramp_episode_row_set_episode (CrampEpisodeRow *self,
                                          CrampEpisode    *episode,
                                          gboolean         first_of_group);
gint64     cramp_episode_row_group_of    (CrampEpisode    *episode);
void       cramp_episode_row_set_quiet_night (CrampEpisodeRow *self,
                                              gint64           night,
                                              int              sleep_disturbance);
const char *cramp_episode_row_get_id     (CrampEpisodeRow *self);
char      *cramp_episode_describe        (CrampEpisode    *episode);

G_END_DECLS
