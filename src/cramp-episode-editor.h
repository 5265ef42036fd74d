/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cramp-episode.h"
#include "cramp-session.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_EPISODE_EDITOR (cramp_episode_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrampEpisodeEditor, cramp_episode_editor, CRAMP, EPISODE_EDITOR, AdwWindow)

CrampEpisodeEditor *cramp_episode_editor_new (GtkWindow    *parent,
                                              CrampSession *session,
                                              CrampEpisode *episode);
CrampEpisodeEditor *cramp_episode_editor_new_for_night (GtkWindow    *parent,
                                                        CrampSession *session,
                                                        gint64        night);

G_END_DECLS
