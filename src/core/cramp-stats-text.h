/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-stats.h"
#include "cramp-stretch-log.h"

G_BEGIN_DECLS

typedef struct
{
  char *question;
  char *answer;
} CrampAnswer;

char       *cramp_stats_describe_counts     (CrampVocab               vocab,
                                             const guint             *counts,
                                             guint                    skip_first,
                                             guint                    limit);
GPtrArray  *cramp_stats_answers             (CrampStats              *stats);
char       *cramp_stats_describe_hours      (CrampStats              *stats);
char       *cramp_stats_describe_weeks      (CrampStats              *stats);
GPtrArray  *cramp_stats_describe_stretching (const CrampStretchStats *stretching);

G_END_DECLS
