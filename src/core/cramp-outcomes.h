/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The outcome measures of the trials of night cramps, over the nights
 * from first_night to last_night (cramp_time_night_of(): the evening
 * each began). A night is logged when it has a cramp or a record; the
 * doubles are NAN where nothing was recorded. */
typedef struct
{
  gint64 first_night;
  gint64 last_night;
  guint  nights;                 /* calendar nights in the window */
  guint  logged_nights;
  guint  cramp_nights;
  guint  quiet_nights;
  guint  cramps;
  double coverage;               /* logged ÷ nights, 0–1 */
  double cramps_per_logged_week; /* cramps ÷ logged nights × 7 */
  double median_intensity;
  double median_sleep_disturbance;
} CrampOutcomes;

void cramp_outcomes_compute (CrampOutcomes *outcomes,
                             GPtrArray     *episodes,
                             GArray        *nights,
                             gint64         first_night,
                             gint64         last_night);

G_END_DECLS
