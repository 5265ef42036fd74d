/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cramp-episode.h"

/* Diaries reach back at most this far: the diary takes nothing before 1970. */
#define MAX_SPREAD_DAYS 12000

G_BEGIN_DECLS

double      cramp_bench_now_ms        (void);
double      cramp_bench_median        (GArray     *samples);
void        cramp_bench_report        (const char *figure,
                                       const char *measured,
                                       const char *target,
                                       gboolean    pass);
void        cramp_bench_compare       (const char *figure,
                                       const char *measured);
gboolean    cramp_bench_is_quick      (void);
const char *cramp_bench_work_dir      (void);
CrampEpisode *cramp_bench_make_episode (GRand    *rand,
                                       GDateTime  *start,
                                       gint64      span,
                                       guint       i,
                                       guint       n,
                                       guint       seed);
GDateTime  *cramp_bench_diary_start   (guint       n_days);
GPtrArray  *cramp_bench_make_episodes (guint       n,
                                       guint       n_days,
                                       guint       seed);
char       *cramp_bench_make_diary    (guint       n);
void        cramp_bench_window        (const char *binary);
int         cramp_bench_bare_window   (void);
void        cramp_bench_scale         (const char *binary);
int         cramp_bench_analyse       (const char *diary);

G_END_DECLS
