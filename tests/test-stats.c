/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cramp-stats-text.h"
#include "cramp-test-utils.h"

static GPtrArray *
episodes_at (const char * const *starts)
{
  GPtrArray *episodes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; starts[i] != NULL; i++)
    g_ptr_array_add (episodes, cramp_test_episode (starts[i], CRAMP_MUSCLE_CALF));

  return episodes;
}

static CrampStats *
stats_for (GPtrArray    *episodes,
           const char   *since,
           const char   *until,
           CrampProfile *profile)
{
  g_autoptr(GDateTime) start = cramp_time_parse (since, NULL);
  g_autoptr(GDateTime) end = cramp_time_parse (until, NULL);

  return cramp_stats_new (episodes, start, end, start, profile);
}

static void
test_hours_and_night (void)
{
  const char *starts[] = {
    /* 03:xx on three different clocks: all three at 03 local */
    "2026-03-02T03:14:00+01:00", "2026-03-03T03:50:00+09:00", "2026-03-04T03:00:00-05:00",
    "2026-03-05T22:00:00+01:00", "2026-03-06T05:59:00+01:00",
    "2026-03-07T06:00:00+01:00", "2026-03-08T14:30:00+01:00", NULL,
  };
  g_autoptr(GPtrArray) episodes = episodes_at (starts);
  g_autoptr(CrampStats) stats = NULL;
  g_autofree char *text = NULL;

  g_setenv ("TZ", "America/Los_Angeles", TRUE);
  stats = stats_for (episodes, "2026-03-01T00:00:00+01:00", "2026-03-31T00:00:00+01:00", NULL);
  g_setenv ("TZ", "UTC", TRUE);

  g_assert_cmpuint (stats->n_episodes, ==, 7);
  g_assert_cmpuint (stats->hours[3], ==, 3);
  g_assert_cmpuint (stats->hours[22], ==, 1);
  g_assert_cmpuint (stats->hours[5], ==, 1);
  g_assert_cmpuint (stats->hours[6], ==, 1);
  g_assert_cmpuint (stats->hours[14], ==, 1);
  /* night is 22:00 to 06:00: the 06:00 and 14:30 ones are not */
  g_assert_cmpuint (stats->n_at_night, ==, 5);

  text = cramp_stats_describe_hours (stats);
  g_assert_cmpstr (text, ==, "5 of 7 cramps began at night, between 22:00 and 06:00 (71 %). "
                             "The most, 3, began between 03:00 and 04:00.");
}

static void
test_weeks_and_rate (void)
{
  const char *starts[] = {
    "2026-03-02T03:00:00+01:00", /* Monday of week 1 */
    "2026-03-08T23:00:00+01:00", /* Sunday of week 1 */
    "2026-03-09T01:00:00+01:00", /* Monday of week 2 */
    "2026-03-25T03:00:00+01:00", /* week 4 */
    NULL,
  };
  g_autoptr(GPtrArray) episodes = episodes_at (starts);
  g_autoptr(CrampStats) stats = stats_for (episodes, "2026-03-02T00:00:00+01:00",
                                           "2026-03-29T23:59:59+02:00", NULL);
  guint counts[] = { 2, 1, 0, 1 };

  g_assert_cmpuint (stats->weeks_counts->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      CrampWeek *week = &g_array_index (stats->weeks_counts, CrampWeek, i);

      g_assert_cmpuint (week->count, ==, counts[i]);
      g_assert_cmpint (g_date_get_weekday (&week->monday), ==, G_DATE_MONDAY);
    }
  g_assert_cmpfloat_with_epsilon (stats->per_week, 4 / stats->weeks, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats->weeks, 4.0, 0.01);
}

/* How often, said the same way in the chart's words and in the answers:
 * five cramps in a period of 30 days that touches five calendar weeks */
static void
test_one_rate (void)
{
  const char *starts[] = {
    "2026-03-04T03:00:00+01:00", "2026-03-05T03:00:00+01:00", "2026-03-12T03:00:00+01:00",
    "2026-03-20T03:00:00+01:00", "2026-04-02T03:00:00+02:00", NULL,
  };
  g_autoptr(GPtrArray) episodes = episodes_at (starts);
  g_autoptr(CrampStats) stats = stats_for (episodes, "2026-03-04T00:00:00+01:00",
                                           "2026-04-03T00:00:00+02:00", NULL);
  g_autoptr(GPtrArray) answers = cramp_stats_answers (stats);
  g_autofree char *weeks = cramp_stats_describe_weeks (stats);
  const char *how_often = ((CrampAnswer *) g_ptr_array_index (answers, 2))->answer;

  g_assert_cmpuint (stats->weeks_counts->len, ==, 5);
  g_assert_cmpstr (weeks, ==, "5 cramps in 30 days, 1.2 a week; at most 2 in one calendar week.");
  g_assert_true (g_str_has_prefix (how_often, "5 cramps in 30 days, 1.2 a week."));
}

/* Every cramp at an hour of its own: no hour is "the most" */
static void
test_hours_tie (void)
{
  const char *starts[] = { "2026-03-02T01:10:00+01:00", "2026-03-03T03:20:00+01:00", NULL };
  const char *two_at_three[] = { "2026-03-02T03:10:00+01:00", "2026-03-03T03:20:00+01:00",
                                 "2026-03-04T01:00:00+01:00", NULL };
  g_autoptr(GPtrArray) episodes = episodes_at (starts);
  g_autoptr(GPtrArray) peaked = episodes_at (two_at_three);
  g_autoptr(CrampStats) stats = stats_for (episodes, "2026-03-01T00:00:00+01:00", "2026-03-31T00:00:00+01:00", NULL);
  g_autoptr(CrampStats) peaked_stats = stats_for (peaked, "2026-03-01T00:00:00+01:00",
                                                  "2026-03-31T00:00:00+01:00", NULL);
  g_autofree char *text = cramp_stats_describe_hours (stats);
  g_autofree char *peaked_text = cramp_stats_describe_hours (peaked_stats);

  g_assert_cmpstr (text, ==, "2 of 2 cramps began at night, between 22:00 and 06:00 (100 %).");
  g_assert_cmpstr (peaked_text, ==, "3 of 3 cramps began at night, between 22:00 and 06:00 (100 %). "
                                    "The most, 2, began between 03:00 and 04:00.");
}

static void
test_medians_and_counts (void)
{
  const char *starts[] = {
    "2026-03-02T03:00:00+01:00", "2026-03-03T03:00:00+01:00", "2026-03-03T05:00:00+01:00",
    "2026-03-10T03:00:00+01:00", NULL,
  };
  g_autoptr(GPtrArray) episodes = episodes_at (starts);
  g_autoptr(CrampStats) stats = NULL;
  int durations[] = { 30, 90, CRAMP_UNSET, 1200 };
  int pains[] = { 4, CRAMP_UNSET, 7, 8 };
  int fluids[] = { 1000, 2000, 1400, CRAMP_UNSET };

  for (guint i = 0; i < 4; i++)
    {
      CrampEpisode *episode = g_ptr_array_index (episodes, i);

      cramp_episode_set_duration (episode, durations[i]);
      cramp_episode_set_intensity (episode, pains[i]);
      cramp_episode_set_fluid (episode, fluids[i]);
      cramp_episode_set_woke_from_sleep (episode, i < 3);
      cramp_episode_set_side (episode, i == 0 ? CRAMP_SIDE_LEFT : CRAMP_SIDE_RIGHT);
      cramp_episode_set_relieved_by (episode, CRAMP_RELIEF_STRETCHING | (i ? CRAMP_RELIEF_MASSAGE : 0));
      cramp_episode_set_symptoms (episode, i == 3 ? CRAMP_SYMPTOM_SWELLING : 0);
    }
  cramp_episode_set_muscle (g_ptr_array_index (episodes, 3), CRAMP_MUSCLE_FOOT);

  stats = stats_for (episodes, "2026-03-01T00:00:00+01:00", "2026-03-31T00:00:00+01:00", NULL);
  g_assert_cmpint (stats->median_duration, ==, 90);
  g_assert_cmpint (stats->max_duration, ==, 1200);
  g_assert_cmpuint (stats->n_duration, ==, 3);
  g_assert_cmpfloat_with_epsilon (stats->median_intensity, 7, 1e-9);
  g_assert_cmpint (stats->median_fluid, ==, 1400);
  g_assert_cmpuint (stats->n_fluid_low, ==, 2);
  g_assert_cmpuint (stats->n_woke, ==, 3);
  /* the 3rd and the 5 a.m. of the 3rd are the same night (of the 2nd) */
  g_assert_cmpuint (stats->n_nights, ==, 3);
  g_assert_cmpuint (stats->n_nights_woken, ==, 2);
  g_assert_cmpuint (stats->muscles[CRAMP_MUSCLE_CALF], ==, 3);
  g_assert_cmpuint (stats->muscles[CRAMP_MUSCLE_FOOT], ==, 1);
  g_assert_cmpuint (stats->sides[CRAMP_SIDE_RIGHT], ==, 3);
  g_assert_cmpuint (stats->reliefs[1], ==, 4);   /* stretching */
  g_assert_cmpuint (stats->reliefs[2], ==, 3);   /* massage */
  g_assert_cmpuint (stats->symptoms[2], ==, 1);  /* swelling */
}

static void
test_trend (void)
{
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrampStats) stats = NULL;
  g_autoptr(GDateTime) base = cramp_time_parse ("2026-01-01T03:00:00+01:00", NULL);

  /* 2 cramps in the first 28 days, 8 in the next 28 */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (base, i < 2 ? 3 + 10 * i : 30 + 3 * (i - 2));
      g_ptr_array_add (episodes, cramp_episode_new (when));
    }

  stats = stats_for (episodes, "2026-01-01T00:00:00+01:00", "2026-02-26T00:00:00+01:00", NULL);
  g_assert_cmpint (stats->trend, ==, CRAMP_TREND_MORE);
  g_assert_cmpfloat (stats->rate_second_half, >, stats->rate_first_half);
}

static void
test_medication_rates (void)
{
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrampProfile) profile = cramp_profile_new ();
  g_autoptr(CrampStats) stats = NULL;
  g_autoptr(GDateTime) base = cramp_time_parse ("2026-01-05T03:00:00+00:00", NULL);
  CrampMedicationRate *rate;
  GDate started;

  /* one a week for 4 weeks, then three a week for 4 weeks */
  for (guint w = 0; w < 8; w++)
    for (guint k = 0; k < (w < 4 ? 1 : 3); k++)
      {
        g_autoptr(GDateTime) when = g_date_time_add_days (base, 7 * w + 2 * k);
        g_ptr_array_add (episodes, cramp_episode_new (when));
      }

  g_date_clear (&started, 1);
  g_date_set_dmy (&started, 2, G_DATE_FEBRUARY, 2026);
  g_assert_true (cramp_profile_add_medication (profile, "Atorvastatin 20 mg", &started, NULL, NULL));
  g_assert_true (cramp_profile_add_medication (profile, "Vitamin D", NULL, NULL, NULL));

  stats = stats_for (episodes, "2026-01-05T00:00:00+00:00", "2026-03-01T23:59:59+00:00", profile);
  g_assert_cmpuint (stats->medication_rates->len, ==, 1);
  rate = g_ptr_array_index (stats->medication_rates, 0);
  g_assert_cmpstr (rate->name, ==, "Atorvastatin 20 mg");
  g_assert_cmpuint (rate->before, ==, 4);
  g_assert_cmpuint (rate->after, ==, 12);
  g_assert_cmpfloat_with_epsilon (rate->weeks_before, 4.0, 0.01);
  g_assert_cmpfloat_with_epsilon (rate->weeks_after, 4.0, 0.01);
}

static void
test_answers (void)
{
  const char *starts[] = { "2026-03-02T03:00:00+01:00", "2026-03-09T02:30:00+01:00", NULL };
  g_autoptr(GPtrArray) episodes = episodes_at (starts);
  g_autoptr(CrampStats) stats = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  const char *questions[] = {
    "When do the cramps come?", "Since when?", "How often?", "What other symptoms came with them?",
  };

  cramp_episode_set_activity (g_ptr_array_index (episodes, 0), CRAMP_ACTIVITY_SLEEPING);
  cramp_episode_set_symptoms (g_ptr_array_index (episodes, 1), CRAMP_SYMPTOM_NUMBNESS);
  stats = stats_for (episodes, "2026-03-01T00:00:00+01:00", "2026-03-31T00:00:00+01:00", NULL);
  answers = cramp_stats_answers (stats);

  /* the four questions of document 001 come first */
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    g_assert_cmpstr (((CrampAnswer *) g_ptr_array_index (answers, i))->question, ==, questions[i]);

  g_assert_nonnull (strstr (((CrampAnswer *) g_ptr_array_index (answers, 0))->answer, "Sleeping (1)"));
  g_assert_nonnull (strstr (((CrampAnswer *) g_ptr_array_index (answers, 1))->answer, "1 March 2026"));
  g_assert_nonnull (strstr (((CrampAnswer *) g_ptr_array_index (answers, 2))->answer, "2 cramps"));
  g_assert_cmpstr (((CrampAnswer *) g_ptr_array_index (answers, 3))->answer, ==, "Numbness (1)");
  for (guint i = 0; i < answers->len; i++)
    g_assert_cmpstr (((CrampAnswer *) g_ptr_array_index (answers, i))->answer, !=, "");
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) episodes = g_ptr_array_new ();
  g_autoptr(CrampStats) stats = stats_for (episodes, "2026-03-01T00:00:00+01:00",
                                           "2026-03-31T00:00:00+01:00", NULL);
  g_autoptr(GPtrArray) answers = cramp_stats_answers (stats);

  g_assert_cmpuint (stats->n_episodes, ==, 0);
  g_assert_cmpint (stats->median_duration, ==, CRAMP_UNSET);
  g_assert_cmpint (stats->trend, ==, CRAMP_TREND_UNKNOWN);
  g_assert_cmpuint (answers->len, >, 4);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/hours-and-night", test_hours_and_night);
  g_test_add_func ("/stats/weeks-and-rate", test_weeks_and_rate);
  g_test_add_func ("/stats/one-rate", test_one_rate);
  g_test_add_func ("/stats/hours-tie", test_hours_tie);
  g_test_add_func ("/stats/medians-and-counts", test_medians_and_counts);
  g_test_add_func ("/stats/trend", test_trend);
  g_test_add_func ("/stats/medication-rates", test_medication_rates);
  g_test_add_func ("/stats/answers", test_answers);
  g_test_add_func ("/stats/empty", test_empty);

  return g_test_run ();
}
