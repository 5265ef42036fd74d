/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-stretch-log"

#include "config.h"

#include <string.h>

#include "cramp-episode.h"
#include "cramp-store-nights.h"
#include "cramp-stretch-log.h"
#include "cramp-time.h"

/*
 * The stretch log: what became of each bedtime reminder, and each
 * stretch done; and whether nights after stretching had fewer cramps.
 * The store keeps the log (cramp-store-stretches.c); this knows its
 * words and counts it.
 */

static const char * const event_tokens[CRAMP_N_STRETCH_EVENTS] = {
  [CRAMP_STRETCH_SHOWN] = "shown",
  [CRAMP_STRETCH_DONE] = "done",
  [CRAMP_STRETCH_SNOOZED] = "snoozed",
  [CRAMP_STRETCH_DISMISSED] = "dismissed",
};

const char *
cramp_stretch_event_to_string (CrampStretchEvent event)
{
  g_return_val_if_fail (event < CRAMP_N_STRETCH_EVENTS, NULL);

  return event_tokens[event];
}

gboolean
cramp_stretch_event_from_string (const char        *text,
                                 CrampStretchEvent *event)
{
  for (guint i = 0; i < CRAMP_N_STRETCH_EVENTS; i++)
    if (g_strcmp0 (text, event_tokens[i]) == 0)
      {
        *event = i;
        return TRUE;
      }

  return FALSE;
}

static gint
compare_night (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * cramp_stretch_stats_compute:
 * @episodes: (element-type CrampEpisode): the cramps of the period
 * @nights: (element-type CrampNight): what was said of the period's nights
 * @records: (element-type CrampStretchRecord): the stretch log of the
 *   period, counted as it is
 * @first_night: the first night to compare
 * @last_night: the last night to compare, one whose morning is over
 *
 * Counts the nights from @first_night to @last_night with a stretch done
 * and without, and the cramps on each; a night not logged (no cramp, no
 * record) may have been quiet or forgotten, so its rate leaves it out.
 */
void
cramp_stretch_stats_compute (CrampStretchStats *stats,
                             GPtrArray         *episodes,
                             GArray            *nights,
                             GArray            *records,
                             gint64             first_night,
                             gint64             last_night)
{
  g_autoptr(GArray) stretched = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) logged = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) logged_nights = g_array_new (FALSE, FALSE, sizeof (gint64));

  memset (stats, 0, sizeof *stats);

  for (guint i = 0; i < records->len; i++)
    {
      const CrampStretchRecord *record = &g_array_index (records, CrampStretchRecord, i);

      stats->events[record->event]++;
      if (record->event == CRAMP_STRETCH_DONE && record->night >= first_night && record->night <= last_night)
        g_array_append_val (stretched, record->night);
    }

  if (last_night < first_night)
    return;

  g_array_sort (stretched, compare_night);
  for (guint i = 0; i < stretched->len; i++)
    if (i == 0 || g_array_index (stretched, gint64, i) != g_array_index (stretched, gint64, i - 1))
      stats->n_nights_stretched++;
  stats->n_nights = (guint) (last_night - first_night + 1);

  for (guint i = 0; i < episodes->len; i++)
    {
      gint64 night = cramp_time_night_of (cramp_episode_get_started_at (g_ptr_array_index (episodes, i)));

      if (night < first_night || night > last_night)
        continue;
      g_array_append_val (logged_nights, night);
      if (g_array_binary_search (stretched, &night, compare_night, NULL))
        stats->n_cramps_stretched++;
      else
        stats->n_cramps_other++;
    }
  for (guint i = 0; nights != NULL && i < nights->len; i++)
    {
      gint64 night = g_array_index (nights, CrampNight, i).night;

      if (night >= first_night && night <= last_night)
        g_array_append_val (logged_nights, night);
    }

  /* the array keeps the keys the table points to */
  for (guint i = 0; i < logged_nights->len; i++)
    {
      gint64 *night = &g_array_index (logged_nights, gint64, i);

      if (!g_hash_table_add (logged, night))
        continue;
      if (g_array_binary_search (stretched, night, compare_night, NULL))
        stats->n_logged_stretched++;
      else
        stats->n_logged_other++;
    }
}
