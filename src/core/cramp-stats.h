/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cramp-episode.h"
#include "cramp-profile.h"
#include "cramp-stretch-log.h"
#include "cramp-time.h"

G_BEGIN_DECLS

typedef enum
{
  CRAMP_TREND_UNKNOWN,   /* too little data to say */
  CRAMP_TREND_FEWER,
  CRAMP_TREND_STEADY,
  CRAMP_TREND_MORE,
} CrampTrend;

typedef struct
{
  GDate  monday;         /* the week's first day */
  guint  count;
} CrampWeek;

typedef struct
{
  char   *name;
  GDate   started;
  guint   before;        /* cramps in the period before it was started */
  double  weeks_before;
  guint   after;         /* cramps from its start to its stop or the end */
  double  weeks_after;
} CrampMedicationRate;

typedef struct
{
  GDateTime  *since;
  GDateTime  *until;
  GDateTime  *first_ever;          /* the diary's first episode, or NULL */
  guint       n_episodes;
  double      weeks;               /* length of the period */
  double      per_week;
  guint       hours[24];           /* by hour of the local clock */
  guint       n_at_night;
  guint       n_woke;
  guint       n_nights;            /* nights with at least one cramp */
  guint       n_nights_woken;      /* nights a cramp woke you */
  guint       muscles[16];
  guint       sides[8];
  guint       activities[16];
  guint       reliefs[16];
  guint       symptoms[16];
  guint       triggers[16];
  int         median_duration;     /* CRAMP_UNSET when none is known */
  int         max_duration;
  guint       n_duration;
  double      median_intensity;    /* < 0 when none is known */
  guint       n_intensity;
  int         median_fluid;
  guint       n_fluid;
  guint       n_fluid_low;         /* days under 1500 ml */
  GArray     *weeks_counts;        /* CrampWeek, from the first week to the last */
  CrampTrend  trend;
  double      rate_first_half;     /* per week */
  double      rate_second_half;
  GPtrArray  *medication_rates;    /* CrampMedicationRate, for profile medications with a start */
  GPtrArray  *medications;         /* char *, named in episodes, most often first */
} CrampStats;

CrampStats *cramp_stats_new             (GPtrArray   *episodes,
                                         GDateTime   *since,
                                         GDateTime   *until,
                                         GDateTime   *first_ever,
                                         CrampProfile *profile);
void        cramp_stats_free            (CrampStats  *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrampStats, cramp_stats_free)

G_END_DECLS
