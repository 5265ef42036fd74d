/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Fewer logged nights than this in either period: too early to say. */
#define CRAMP_EXPERIMENT_MIN_NIGHTS 14

/* What a personal experiment's two periods show. */
typedef enum
{
  CRAMP_VERDICT_NONE,        /* no interval to judge by: no cramp at all */
  CRAMP_VERDICT_TOO_EARLY,   /* a period has fewer than 14 logged nights */
  CRAMP_VERDICT_FEWER,       /* the whole interval lies below 1 */
  CRAMP_VERDICT_MORE,        /* the whole interval lies above 1 */
  CRAMP_VERDICT_UNCLEAR,     /* the interval holds 1 */
} CrampVerdict;

/* One period of an experiment, its baseline or its trial: the exposure
 * is its logged nights (with a cramp or a record), not its days. */
typedef struct
{
  gint64 first_night;
  gint64 last_night;
  guint  logged_nights;
  guint  cramp_nights;
  guint  cramps;
  double adherence;        /* 0–1, or NAN where nothing says */
} CrampExperimentPeriod;

/* The trial against its baseline: the rate ratio (trial ÷ baseline,
 * cramps per logged night) and its exact conditional 95 % interval;
 * NAN where undefined or infinite. */
typedef struct
{
  double       rate_ratio;
  double       ci_low;
  double       ci_high;
  CrampVerdict verdict;
} CrampComparison;

void        cramp_experiment_compare       (const CrampExperimentPeriod *baseline,
                                            const CrampExperimentPeriod *trial,
                                            CrampComparison             *comparison);
double      cramp_experiment_power         (double                       rate,
                                            guint                        nights);
guint       cramp_experiment_nights_needed (double                       rate);
const char *cramp_verdict_to_string        (CrampVerdict                 verdict);

G_END_DECLS
