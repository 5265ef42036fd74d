/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cramp-episode.h"

G_BEGIN_DECLS

/* Dates, times and amounts as people read them, in the user's language.
 * Times are shown on the clock of the episode's own offset. */
char *cramp_format_datetime    (GDateTime  *datetime,
                               const char *format);
char *cramp_format_time_of_day (GDateTime *datetime);
char *cramp_format_date        (GDateTime *datetime);
char *cramp_format_date_short  (GDateTime *datetime);
char *cramp_format_day         (const GDate *date);
char *cramp_format_night       (gint64     night);
char *cramp_format_duration    (int        duration_s);
char *cramp_format_episode_place    (CrampEpisode *episode);
char *cramp_format_episode_evidence (CrampEpisode *episode);

G_END_DECLS
