/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRAMP_TIME_ERROR (cramp_time_error_quark ())

typedef enum
{
  CRAMP_TIME_ERROR_INVALID,
  CRAMP_TIME_ERROR_RANGE,
} CrampTimeError;

/* The earliest and latest instants the diary accepts (1970 – 9999). */
#define CRAMP_TIME_MIN_UNIX G_GINT64_CONSTANT (0)
#define CRAMP_TIME_MAX_UNIX G_GINT64_CONSTANT (253402300799)

/* The night hours, for the share of cramps at night, the shaded band of
 * the time-of-day chart and what a quick log assumes: 22:00 to 06:00 on
 * the clock where each cramp was logged. */
#define CRAMP_NIGHT_START_HOUR 22
#define CRAMP_NIGHT_END_HOUR   6
#define CRAMP_IS_NIGHT_HOUR(hour) ((hour) >= CRAMP_NIGHT_START_HOUR || (hour) < CRAMP_NIGHT_END_HOUR)

/* Where the present moment comes from: microseconds since the epoch. */
typedef gint64 (*CrampClockFunc) (gpointer user_data);

/* g_date_get_julian() of 1970-01-01: a GDate's days since 1970 are its
 * Julian day less this. */
#define CRAMP_TIME_EPOCH_JULIAN 719163

GQuark     cramp_time_error_quark  (void);
void       cramp_time_set_clock    (CrampClockFunc  func,
                                    gpointer        user_data);
gint64     cramp_time_now_unix     (void);
GDateTime *cramp_time_now_local    (void);
GDateTime *cramp_time_new_fixed    (gint64       unix_utc,
                                    int          utc_offset_s);
GDateTime *cramp_time_to_fixed     (GDateTime   *datetime);
GDateTime *cramp_time_now          (void);
gboolean   cramp_time_has_offset   (const char  *text);
GDateTime *cramp_time_parse_full   (const char  *text,
                                    gboolean    *moved,
                                    GError     **error);
GDateTime *cramp_time_parse        (const char  *text,
                                    GError     **error);
char      *cramp_time_format       (GDateTime   *datetime);
int        cramp_time_utc_offset   (GDateTime   *datetime);
gint64     cramp_time_local_seconds (GDateTime  *datetime);
gint64     cramp_time_day_of       (GDateTime   *datetime);
gint64     cramp_time_night_of     (GDateTime   *datetime);
gint64     cramp_time_last_night   (GDateTime   *now);
GDateTime *cramp_time_night_start  (gint64       night,
                                    int          utc_offset_s);
char      *cramp_time_night_to_text (gint64      night);
gboolean   cramp_time_night_from_text (const char *text,
                                    gint64      *night,
                                    GError     **error);
gboolean   cramp_time_parse_date   (const char  *text,
                                    GDate       *date,
                                    GError     **error);

void       cramp_time_get_date     (GDateTime   *datetime,
                                    GDate       *date);
GDateTime *cramp_time_day_start    (const GDate *date);
GDateTime *cramp_time_day_end      (const GDate *date);

G_END_DECLS
