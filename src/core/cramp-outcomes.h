/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-store.h"

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

/* What a night of the strip for the doctor shows. */
typedef enum
{
  CRAMP_NIGHT_NOT_LOGGED,
  CRAMP_NIGHT_NO_CRAMP,     /* logged, without a cramp */
  CRAMP_NIGHT_CRAMP,
} CrampNightState;

void     cramp_outcomes_compute (CrampOutcomes   *outcomes,
                                 GPtrArray       *episodes,
                                 GArray          *nights,
                                 gint64           first_night,
                                 gint64           last_night);
void     cramp_outcomes_states  (guint8          *states,
                                 GPtrArray       *episodes,
                                 GArray          *nights,
                                 gint64           first_night,
                                 gint64           last_night);
/* One measure as people read it: "Nights logged", "27 of 30 (90 %)" */
typedef struct
{
  const char *label;
  char       *value;
} CrampOutcomeLine;

GArray  *cramp_outcomes_describe (const CrampOutcomes *outcomes);
const char *cramp_outcomes_coverage_warning (const CrampOutcomes *outcomes);
gboolean cramp_outcomes_read    (CrampStore      *store,
                                 gint64           first_night,
                                 gint64           last_night,
                                 GPtrArray       *known,
                                 GDateTime       *known_since,
                                 GDateTime       *known_until,
                                 GPtrArray      **episodes,
                                 GArray         **nights,
                                 GError         **error);

G_END_DECLS
