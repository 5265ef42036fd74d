/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What became of a bedtime reminder, or a stretch done without one. */
typedef enum
{
  CRAMP_STRETCH_SHOWN,
  CRAMP_STRETCH_DONE,
  CRAMP_STRETCH_SNOOZED,
  CRAMP_STRETCH_DISMISSED,
  CRAMP_N_STRETCH_EVENTS
} CrampStretchEvent;

/* One row of the stretch log. */
typedef struct
{
  gint64            at;           /* seconds since the epoch, UTC */
  int               utc_offset;   /* seconds east of UTC, on the clock of the moment */
  gint64            night;        /* cramp_time_night_of() the moment */
  CrampStretchEvent event;
} CrampStretchRecord;

const char *cramp_stretch_event_to_string   (CrampStretchEvent  event);
gboolean    cramp_stretch_event_from_string (const char        *text,
                                             CrampStretchEvent *event);

/* Whether stretching at bedtime goes with fewer cramps: logged nights
 * (with a cramp or a record) with a stretch done against logged nights
 * without, from the first night the log knows of. */
typedef struct
{
  guint n_nights;               /* nights from the first to the last compared */
  guint n_nights_stretched;     /* of them, with a stretch done */
  guint n_logged_stretched;     /* logged nights with a stretch done */
  guint n_logged_other;         /* logged nights without */
  guint n_cramps_stretched;     /* cramps on nights after stretching */
  guint n_cramps_other;         /* cramps on the other nights */
  guint events[CRAMP_N_STRETCH_EVENTS];
} CrampStretchStats;

void        cramp_stretch_stats_compute     (CrampStretchStats *stats,
                                             GPtrArray         *episodes,
                                             GArray            *nights,
                                             GArray            *records,
                                             gint64             first_night,
                                             gint64             last_night);

G_END_DECLS
