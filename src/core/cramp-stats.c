/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-stats"

#include "config.h"

#include "cramp-stats.h"
#include "cramp-time.h"

/*
 * What the diary says about a period, in numbers: how often, when,
 * where, how long, what came with the cramps and what relieved them. The
 * sentences made of them are in cramp-stats-text.c.
 */

#define DAY (G_GINT64_CONSTANT (24) * 3600)

static void
medication_rate_free (gpointer data)
{
  CrampMedicationRate *rate = data;

  g_free (rate->name);
  g_free (rate);
}

void
cramp_stats_free (CrampStats *stats)
{
  if (stats == NULL)
    return;

  g_clear_pointer (&stats->since, g_date_time_unref);
  g_clear_pointer (&stats->until, g_date_time_unref);
  g_clear_pointer (&stats->first_ever, g_date_time_unref);
  g_clear_pointer (&stats->weeks_counts, g_array_unref);
  g_clear_pointer (&stats->medication_rates, g_ptr_array_unref);
  g_clear_pointer (&stats->medications, g_ptr_array_unref);
  g_free (stats);
}

/* The day, on the clock @datetime is on, as a GDate. */
static void
local_date (GDateTime *datetime,
            GDate     *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32) (cramp_time_day_of (datetime) + CRAMP_TIME_EPOCH_JULIAN));
}

static void
monday_of (GDate *date)
{
  g_date_subtract_days (date, g_date_get_weekday (date) - G_DATE_MONDAY);
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static double
median_of (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return -1;

  g_array_sort (values, compare_int);
  if (n % 2)
    return g_array_index (values, int, n / 2);

  return (g_array_index (values, int, n / 2 - 1) + g_array_index (values, int, n / 2)) / 2.0;
}

static void
count_bits (guint  *counts,
            guint   bits)
{
  for (guint i = 0; bits != 0; i++, bits >>= 1)
    if (bits & 1)
      counts[i]++;
}

static void
count_weeks (CrampStats *stats,
             GPtrArray  *episodes)
{
  GDate first, last;
  guint n_weeks;

  local_date (stats->since, &first);
  local_date (stats->until, &last);
  monday_of (&first);
  monday_of (&last);
  n_weeks = g_date_days_between (&first, &last) / 7 + 1;

  stats->weeks_counts = g_array_sized_new (FALSE, TRUE, sizeof (CrampWeek), n_weeks);
  for (guint i = 0; i < n_weeks; i++)
    {
      CrampWeek week = { first, 0 };

      g_date_add_days (&week.monday, 7 * i);
      g_array_append_val (stats->weeks_counts, week);
    }

  for (guint i = 0; i < episodes->len; i++)
    {
      GDate day;
      int index;

      local_date (cramp_episode_get_started_at (g_ptr_array_index (episodes, i)), &day);
      index = g_date_days_between (&first, &day) / 7;
      if (index >= 0 && index < (int) n_weeks)
        g_array_index (stats->weeks_counts, CrampWeek, index).count++;
    }
}

static void
count_trend (CrampStats *stats,
             GPtrArray  *episodes)
{
  gint64 since = g_date_time_to_unix (stats->since);
  gint64 until = g_date_time_to_unix (stats->until);
  gint64 middle = since + (until - since) / 2;
  guint first = 0, second = 0;
  double half_weeks = (until - since) / 2.0 / (7 * DAY);

  stats->trend = CRAMP_TREND_UNKNOWN;
  if (stats->n_episodes < 4 || until - since < 28 * DAY)
    return;

  for (guint i = 0; i < episodes->len; i++)
    {
      gint64 start = g_date_time_to_unix (cramp_episode_get_started_at (g_ptr_array_index (episodes, i)));

      if (start <= middle)
        first++;
      else
        second++;
    }

  stats->rate_first_half = first / half_weeks;
  stats->rate_second_half = second / half_weeks;

  if (second * 2 >= first * 3 && second > first)
    stats->trend = CRAMP_TREND_MORE;
  else if (first * 2 >= second * 3 && first > second)
    stats->trend = CRAMP_TREND_FEWER;
  else
    stats->trend = CRAMP_TREND_STEADY;
}

static void
count_medications (CrampStats   *stats,
                   GPtrArray    *episodes,
                   CrampProfile *profile)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 since = g_date_time_to_unix (stats->since);
  gint64 until = g_date_time_to_unix (stats->until);

  stats->medications = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < episodes->len; i++)
    {
      const char * const *names = cramp_episode_get_medications (g_ptr_array_index (episodes, i));

      for (guint n = 0; names[n] != NULL; n++)
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, names[n]));

          if (count == 0)
            g_ptr_array_add (stats->medications, g_strdup (names[n]));
          g_hash_table_insert (counts, (gpointer) names[n], GUINT_TO_POINTER (count + 1));
        }
    }

  stats->medication_rates = g_ptr_array_new_with_free_func (medication_rate_free);
  for (guint m = 0; profile != NULL && m < cramp_profile_get_n_medications (profile); m++)
    {
      CrampMedicationRate *rate;
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) stop_day = NULL;
      GDate started, stopped;
      gint64 start_s, stop_s;

      if (!cramp_profile_get_medication_started (profile, m, &started))
        continue;

      start = g_date_time_new_local (g_date_get_year (&started), g_date_get_month (&started),
                                     g_date_get_day (&started), 0, 0, 0);
      start_s = g_date_time_to_unix (start);
      stop_s = until;
      if (cramp_profile_get_medication_stopped (profile, m, &stopped))
        {
          stop_day = g_date_time_new_local (g_date_get_year (&stopped), g_date_get_month (&stopped),
                                            g_date_get_day (&stopped), 23, 59, 59);
          stop_s = MIN (stop_s, g_date_time_to_unix (stop_day));
        }

      rate = g_new0 (CrampMedicationRate, 1);
      rate->name = g_strdup (cramp_profile_get_medication_name (profile, m));
      rate->started = started;
      rate->weeks_before = MAX (0, MIN (start_s, until) - since) / (double) (7 * DAY);
      rate->weeks_after = MAX (0, stop_s - MAX (start_s, since)) / (double) (7 * DAY);

      for (guint i = 0; i < episodes->len; i++)
        {
          gint64 t = g_date_time_to_unix (cramp_episode_get_started_at (g_ptr_array_index (episodes, i)));

          if (t < start_s)
            rate->before++;
          else if (t <= stop_s)
            rate->after++;
        }

      g_ptr_array_add (stats->medication_rates, rate);
    }
}

/**
 * cramp_stats_new:
 * @episodes: (element-type CrampEpisode): the episodes of the period
 * @since: the start of the period
 * @until: the end of the period
 * @first_ever: (nullable): when the diary's first episode began
 * @profile: (nullable): the health profile, for the medications
 *
 * Returns: (transfer full): the statistics of the period
 */
CrampStats *
cramp_stats_new (GPtrArray    *episodes,
                 GDateTime    *since,
                 GDateTime    *until,
                 GDateTime    *first_ever,
                 CrampProfile *profile)
{
  g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) intensities = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) fluids = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) nights = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) woken_nights = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *night_keys = g_new (gint64, episodes->len + 1);
  CrampStats *stats;

  g_return_val_if_fail (episodes != NULL, NULL);
  g_return_val_if_fail (since != NULL && until != NULL, NULL);

  stats = g_new0 (CrampStats, 1);
  stats->since = g_date_time_ref (since);
  stats->until = g_date_time_ref (until);
  stats->first_ever = first_ever ? g_date_time_ref (first_ever) : NULL;
  stats->n_episodes = episodes->len;
  stats->weeks = MAX (7 * DAY, g_date_time_to_unix (until) - g_date_time_to_unix (since)) / (double) (7 * DAY);
  stats->per_week = stats->n_episodes / stats->weeks;
  stats->max_duration = CRAMP_UNSET;

  for (guint i = 0; i < episodes->len; i++)
    {
      CrampEpisode *episode = g_ptr_array_index (episodes, i);
      GDateTime *start = cramp_episode_get_started_at (episode);
      gint64 local = cramp_time_local_seconds (start);
      guint hour = (guint) ((((local % DAY) + DAY) % DAY) / 3600);
      int value;

      stats->hours[hour]++;
      if (CRAMP_IS_NIGHT_HOUR (hour))
        stats->n_at_night++;

      night_keys[i] = cramp_time_night_of (start);
      g_hash_table_add (nights, &night_keys[i]);
      if (cramp_episode_get_woke_from_sleep (episode) == TRUE)
        {
          stats->n_woke++;
          g_hash_table_add (woken_nights, &night_keys[i]);
        }

      stats->muscles[cramp_episode_get_muscle (episode)]++;
      stats->sides[cramp_episode_get_side (episode)]++;
      stats->activities[cramp_episode_get_activity (episode)]++;
      count_bits (stats->reliefs, cramp_episode_get_relieved_by (episode));
      count_bits (stats->symptoms, cramp_episode_get_symptoms (episode));
      count_bits (stats->triggers, cramp_episode_get_triggers (episode));

      if ((value = cramp_episode_get_duration (episode)) != CRAMP_UNSET)
        {
          g_array_append_val (durations, value);
          stats->max_duration = MAX (stats->max_duration, value);
        }
      if ((value = cramp_episode_get_intensity (episode)) != CRAMP_UNSET)
        g_array_append_val (intensities, value);
      if ((value = cramp_episode_get_fluid (episode)) != CRAMP_UNSET)
        {
          g_array_append_val (fluids, value);
          if (value < 1500)
            stats->n_fluid_low++;
        }
    }

  stats->n_nights = g_hash_table_size (nights);
  stats->n_nights_woken = g_hash_table_size (woken_nights);
  stats->n_duration = durations->len;
  stats->median_duration = durations->len ? (int) median_of (durations) : CRAMP_UNSET;
  stats->n_intensity = intensities->len;
  stats->median_intensity = median_of (intensities);
  stats->n_fluid = fluids->len;
  stats->median_fluid = fluids->len ? (int) median_of (fluids) : CRAMP_UNSET;

  count_weeks (stats, episodes);
  count_trend (stats, episodes);
  count_medications (stats, episodes, profile);

  return stats;
}
