/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-outcomes"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cramp-episode.h"
#include "cramp-outcomes.h"
#include "cramp-store-nights.h"

/*
 * The figures the trials of night cramps report (Hallegraeff 2012:
 * cramps per night and a 0–10 severity; Roguin Maor 2017: cramps per
 * week; Sebo 2019: a 0–10 sleep disturbance), counted over the nights
 * the user logged, so that a forgotten night does not pass for a quiet
 * one.
 */

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return x < y ? -1 : x > y;
}

/* The median of @values, the mean of the two middle ones when they are
 * even in number; NAN for none. */
static double
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return NAN;

  g_array_sort (values, compare_int);
  if (n % 2)
    return g_array_index (values, int, n / 2);

  return (g_array_index (values, int, n / 2 - 1) + g_array_index (values, int, n / 2)) / 2.0;
}

/**
 * cramp_outcomes_compute:
 * @episodes: (element-type CrampEpisode): cramps; those of other nights
 *   are left out
 * @nights: (element-type CrampNight): what was said of nights; likewise
 */
void
cramp_outcomes_compute (CrampOutcomes *outcomes,
                        GPtrArray     *episodes,
                        GArray        *nights,
                        gint64         first_night,
                        gint64         last_night)
{
  g_autoptr(GHashTable) cramp_nights = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) logged = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) intensities = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) disturbances = g_array_new (FALSE, FALSE, sizeof (int));

  memset (outcomes, 0, sizeof *outcomes);
  outcomes->first_night = first_night;
  outcomes->last_night = last_night;
  outcomes->nights = last_night >= first_night ? (guint) (last_night - first_night + 1) : 0;

  /* a night is a day number well within a pointer; 0 is not a key */
  for (guint i = 0; i < episodes->len; i++)
    {
      CrampEpisode *episode = g_ptr_array_index (episodes, i);
      gint64 night = cramp_episode_get_night (episode);
      int intensity = cramp_episode_get_intensity (episode);

      if (night < first_night || night > last_night)
        continue;
      outcomes->cramps++;
      g_hash_table_add (cramp_nights, GSIZE_TO_POINTER ((gsize) night + 1));
      g_hash_table_add (logged, GSIZE_TO_POINTER ((gsize) night + 1));
      if (intensity != CRAMP_UNSET)
        g_array_append_val (intensities, intensity);
    }

  for (guint i = 0; i < nights->len; i++)
    {
      const CrampNight *record = &g_array_index (nights, CrampNight, i);
      gpointer key = GSIZE_TO_POINTER ((gsize) record->night + 1);

      if (record->night < first_night || record->night > last_night)
        continue;
      g_hash_table_add (logged, key);
      /* a night with a cramp is a cramp night, whatever its record says */
      if (record->quiet && !g_hash_table_contains (cramp_nights, key))
        outcomes->quiet_nights++;
      if (record->sleep_disturbance != CRAMP_UNSET)
        g_array_append_val (disturbances, record->sleep_disturbance);
    }

  outcomes->cramp_nights = g_hash_table_size (cramp_nights);
  outcomes->logged_nights = g_hash_table_size (logged);
  outcomes->coverage = outcomes->nights > 0 ? (double) outcomes->logged_nights / outcomes->nights : NAN;
  outcomes->cramps_per_logged_week = outcomes->logged_nights > 0
    ? (double) outcomes->cramps / outcomes->logged_nights * 7 : NAN;
  outcomes->median_intensity = median (intensities);
  outcomes->median_sleep_disturbance = median (disturbances);
}
