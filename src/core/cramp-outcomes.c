/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-outcomes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cramp-episode.h"
#include "cramp-outcomes.h"
#include "cramp-store-episodes.h"
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

/**
 * cramp_outcomes_states:
 * @states: (out caller-allocates) (array): one for each night from
 *   @first_night to @last_night, a #CrampNightState
 *
 * What each night was: a cramp night (whatever its record says), a night
 * logged without a cramp, or one not logged.
 */
void
cramp_outcomes_states (guint8    *states,
                       GPtrArray *episodes,
                       GArray    *nights,
                       gint64     first_night,
                       gint64     last_night)
{
  g_return_if_fail (last_night >= first_night);

  memset (states, CRAMP_NIGHT_NOT_LOGGED, last_night - first_night + 1);
  for (guint i = 0; i < nights->len; i++)
    {
      gint64 night = g_array_index (nights, CrampNight, i).night;

      if (night >= first_night && night <= last_night)
        states[night - first_night] = CRAMP_NIGHT_NO_CRAMP;
    }
  for (guint i = 0; i < episodes->len; i++)
    {
      gint64 night = cramp_episode_get_night (g_ptr_array_index (episodes, i));

      if (night >= first_night && night <= last_night)
        states[night - first_night] = CRAMP_NIGHT_CRAMP;
    }
}

/* Adds the cramps that started within [@since, @until], in whole seconds
 * since the epoch, to @episodes. */
static gboolean
append_listed (CrampStore  *store,
               gint64       since,
               gint64       until,
               GPtrArray   *episodes,
               GError     **error)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GPtrArray) listed = NULL;

  if (since > until)
    return TRUE;

  from = g_date_time_new_from_unix_utc (since);
  to = g_date_time_new_from_unix_utc (until);
  if (!(listed = cramp_store_list (store, from, to, error)))
    return FALSE;
  g_ptr_array_extend_and_steal (episodes, g_steal_pointer (&listed));
  return TRUE;
}

/**
 * cramp_outcomes_read:
 * @known: (nullable) (element-type CrampEpisode): the cramps that started
 *   from @known_since to @known_until, read already: only the rest is read
 * @episodes: (out) (transfer full): the cramps of those nights, and a few
 *   around them (cramp_outcomes_compute() leaves those out)
 * @nights: (out) (transfer full): what was said of those nights
 *
 * Reads what the outcome measures of the nights from @first_night to
 * @last_night are made of.
 */
gboolean
cramp_outcomes_read (CrampStore  *store,
                     gint64       first_night,
                     gint64       last_night,
                     GPtrArray   *known,
                     GDateTime   *known_since,
                     GDateTime   *known_until,
                     GPtrArray  **episodes,
                     GArray     **nights,
                     GError     **error)
{
  /* every cramp whose night is in the window, on its own clock: offsets
   * lie within ±14 hours of noon to noon */
  gint64 since = first_night * 86400 + 12 * 3600 - 14 * 3600;
  gint64 until = (last_night + 1) * 86400 + 12 * 3600 + 14 * 3600;
  g_autoptr(GPtrArray) read_episodes = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 from = known ? g_date_time_to_unix (known_since) : 0;
  gint64 to = known ? g_date_time_to_unix (known_until) : 0;

  if (known == NULL || from > until || to < since)
    {
      if (!append_listed (store, since, until, read_episodes, error))
        return FALSE;
    }
  else
    {
      /* before what is known, what is known, and after it */
      if (!append_listed (store, since, from - 1, read_episodes, error))
        return FALSE;
      for (guint i = 0; i < known->len; i++)
        {
          CrampEpisode *episode = g_ptr_array_index (known, i);
          gint64 start = g_date_time_to_unix (cramp_episode_get_started_at (episode));

          if (start >= since && start <= until)
            g_ptr_array_add (read_episodes, g_object_ref (episode));
        }
      if (!append_listed (store, to + 1, until, read_episodes, error))
        return FALSE;
    }
  if (!(*nights = cramp_store_list_nights (store, first_night, last_night, error)))
    return FALSE;

  *episodes = g_steal_pointer (&read_episodes);
  return TRUE;
}

/* A figure, or a dash where nothing was recorded. */
static char *
figure (double value)
{
  return isnan (value) ? g_strdup (C_("no figure", "–")) : g_strdup_printf ("%.1f", value);
}

static void
line_clear (gpointer data)
{
  g_free (((CrampOutcomeLine *) data)->value);
}

static void
add_line (GArray     *lines,
          const char *label,
          char       *value)
{
  CrampOutcomeLine line = { label, value };

  g_array_append_val (lines, line);
}

/**
 * cramp_outcomes_describe:
 *
 * Returns: (transfer full) (element-type CrampOutcomeLine): each measure,
 *   as the report, the report page and the command line say it
 */
GArray *
cramp_outcomes_describe (const CrampOutcomes *outcomes)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (CrampOutcomeLine));

  g_array_set_clear_func (lines, line_clear);
  /* Translators: "27 of 30 (90 %)": nights logged of all nights */
  add_line (lines, _("Nights logged"), g_strdup_printf (_("%u of %u (%.0f %%)"), outcomes->logged_nights,
                                                        outcomes->nights,
                                                        isnan (outcomes->coverage) ? 0.0 : outcomes->coverage * 100));
  add_line (lines, _("Cramp nights"), g_strdup_printf ("%u", outcomes->cramp_nights));
  add_line (lines, _("Quiet nights"), g_strdup_printf ("%u", outcomes->quiet_nights));
  add_line (lines, _("Cramps"), g_strdup_printf ("%u", outcomes->cramps));
  add_line (lines, _("Cramps per logged week"), figure (outcomes->cramps_per_logged_week));
  add_line (lines, _("Median intensity (0–10)"), figure (outcomes->median_intensity));
  add_line (lines, _("Median sleep disturbance (0–10)"), figure (outcomes->median_sleep_disturbance));
  return lines;
}

/**
 * cramp_outcomes_coverage_warning:
 *
 * Returns: (nullable): a sentence when too few nights were logged for
 *   the figures to be trusted, or %NULL
 */
const char *
cramp_outcomes_coverage_warning (const CrampOutcomes *outcomes)
{
  if (isnan (outcomes->coverage) || outcomes->coverage >= 0.8)
    return NULL;

  return _("Fewer than 8 of 10 nights were logged: a night not logged may have been quiet, so these figures may "
           "overstate the cramps.");
}
