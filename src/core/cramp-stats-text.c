/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-stats"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cramp-format.h"
#include "cramp-stats-text.h"
#include "cramp-stretch-log.h"

/*
 * The numbers of cramp-stats.c in sentences: the answers to the
 * questions a doctor asks (document 001: when do the cramps occur, since
 * when, how often, what other symptoms), and the charts and stretching
 * described in words. The report view and the printed report say the
 * same sentences.
 */

#define DAY (G_GINT64_CONSTANT (24) * 3600)

static guint
peak_hour (CrampStats *stats)
{
  guint best = 0;

  for (guint h = 1; h < 24; h++)
    if (stats->hours[h] > stats->hours[best])
      best = h;

  return best;
}

/**
 * cramp_stats_describe_counts:
 * @skip_first: how many values at the start of @vocab leave out
 * @limit: at most this many
 *
 * "Calf (12), foot (4)": the counts of a vocabulary, most first, in the
 * vocabulary's order among equals.
 *
 * Returns: (transfer full) (nullable): the list, or %NULL if nothing was
 *   counted
 */
char *
cramp_stats_describe_counts (CrampVocab   vocab,
                             const guint *counts,
                             guint        skip_first,
                             guint        limit)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = cramp_vocab_size (vocab);
  g_autofree gboolean *done = g_new0 (gboolean, n);

  for (guint shown = 0; shown < limit; shown++)
    {
      guint best = n;

      for (guint i = skip_first; i < n; i++)
        if (!done[i] && counts[i] > 0 && (best == n || counts[i] > counts[best]))
          best = i;
      if (best == n)
        break;

      done[best] = TRUE;
      if (text->len > 0)
        /* Translators: separates the items of a list such as "Calf (12), foot (4)" */
        g_string_append (text, _(", "));
      /* Translators: an item and how many times it was recorded, such as "Calf (12)" */
      g_string_append_printf (text, _("%s (%u)"), cramp_vocab_label (vocab, best), counts[best]);
    }

  if (text->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
answer (GPtrArray  *answers,
        const char *question,
        char       *text)
{
  CrampAnswer *item = g_new (CrampAnswer, 1);

  item->question = g_strdup (question);
  item->answer = text;
  g_ptr_array_add (answers, item);
}

static void
answer_free (gpointer data)
{
  CrampAnswer *item = data;

  g_free (item->question);
  g_free (item->answer);
  g_free (item);
}

char *
cramp_stats_describe_hours (CrampStats *stats)
{
  g_autofree char *night = NULL;
  guint peak, n_peaks = 0;

  if (stats->n_episodes == 0)
    return g_strdup (_("No cramps in this period."));

  night = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u of %u cramp began at night, between %02d:00 and %02d:00 (%.0f %%).",
                                        "%u of %u cramps began at night, between %02d:00 and %02d:00 (%.0f %%).",
                                        stats->n_episodes),
                           stats->n_at_night, stats->n_episodes,
                           CRAMP_NIGHT_START_HOUR, CRAMP_NIGHT_END_HOUR,
                           100.0 * stats->n_at_night / stats->n_episodes);

  /* an hour with the most is worth naming only if it is the only one */
  peak = peak_hour (stats);
  for (guint h = 0; h < 24; h++)
    if (stats->hours[h] == stats->hours[peak])
      n_peaks++;
  if (n_peaks > 1)
    return g_steal_pointer (&night);

  /* Translators: the first %s says how many began at night */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s The most, %u, began between %02u:00 and %02u:00.",
                                       "%s The most, %u, began between %02u:00 and %02u:00.",
                                       stats->hours[peak]),
                          night, stats->hours[peak], peak, (peak + 1) % 24);
}

/* "5 cramps in 30 days, 1.2 a week": how often, by the one definition
 * every text uses, the length of the period */
static char *
describe_rate (CrampStats *stats)
{
  gint64 seconds = g_date_time_to_unix (stats->until) - g_date_time_to_unix (stats->since);
  guint days = (guint) MAX (1, (seconds + DAY / 2) / DAY);

  if (days < 7)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cramp in %u days", "%u cramps in %u days",
                                         stats->n_episodes),
                            stats->n_episodes, days);

  /* Translators: cramps, days, cramps a week */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cramp in %u days, %.1f a week",
                                       "%u cramps in %u days, %.1f a week", stats->n_episodes),
                          stats->n_episodes, days, stats->per_week);
}

char *
cramp_stats_describe_weeks (CrampStats *stats)
{
  g_autofree char *rate = describe_rate (stats);
  guint most = 0;

  for (guint i = 0; i < stats->weeks_counts->len; i++)
    most = MAX (most, g_array_index (stats->weeks_counts, CrampWeek, i).count);

  /* Translators: %s is for example "5 cramps in 30 days, 1.2 a week" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; at most %u in one calendar week.",
                                       "%s; at most %u in one calendar week.", most),
                          rate, most);
}

/* "4 cramps in 12 nights, 0.3 a night" */
static char *
describe_nights (guint cramps,
                 guint nights)
{
  g_autofree char *cramps_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cramp", "%u cramps", cramps),
                                                  cramps);

  /* Translators: the first %s is a number of cramps, such as "4 cramps" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %u logged night, %.1f a night",
                                       "%s in %u logged nights, %.1f a night", nights),
                          cramps_text, nights, nights > 0 ? (double) cramps / nights : 0.0);
}

/**
 * cramp_stats_describe_stretching:
 *
 * Bedtime stretching in sentences: how often it was done, and the cramps
 * on nights with and without it, with the counts behind each rate.
 *
 * Returns: (transfer full) (element-type utf8): the sentences
 */
GPtrArray *
cramp_stats_describe_stretching (const CrampStretchStats *stretching)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  guint not_logged = stretching->n_nights - stretching->n_logged_stretched - stretching->n_logged_other;
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;

  if (stretching->n_nights == 0)
    {
      g_ptr_array_add (lines, g_strdup (_("No night of this period is over since stretches were first "
                                          "recorded, so there is nothing to compare yet.")));
      return lines;
    }

  g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "Stretched at bedtime on %u of %u night (%.0f %%).",
                                                        "Stretched at bedtime on %u of %u nights (%.0f %%).",
                                                        stretching->n_nights),
                                           stretching->n_nights_stretched, stretching->n_nights,
                                           100.0 * stretching->n_nights_stretched / stretching->n_nights));

  with = describe_nights (stretching->n_cramps_stretched, stretching->n_logged_stretched);
  without = describe_nights (stretching->n_cramps_other, stretching->n_logged_other);
  /* Translators: %s is for example "4 cramps in 12 logged nights, 0.3 a night" */
  g_ptr_array_add (lines, g_strdup_printf (_("Nights after stretching: %s."), with));
  g_ptr_array_add (lines, g_strdup_printf (_("Nights without: %s."), without));
  if (not_logged > 0)
    g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u night was not logged, with a cramp or as quiet, and "
                                                          "is left out: it may have been quiet or forgotten.",
                                                          "%u nights were not logged, with a cramp or as quiet, "
                                                          "and are left out: they may have been quiet or "
                                                          "forgotten.", not_logged),
                                             not_logged));

  /* Translators: counts of bedtime reminders and of stretches recorded */
  g_ptr_array_add (lines, g_strdup_printf (_("Reminders shown: %u; snoozed: %u; dismissed: %u. "
                                             "Stretches recorded: %u."),
                                           stretching->events[CRAMP_STRETCH_SHOWN],
                                           stretching->events[CRAMP_STRETCH_SNOOZED],
                                           stretching->events[CRAMP_STRETCH_DISMISSED],
                                           stretching->events[CRAMP_STRETCH_DONE]));
  g_ptr_array_add (lines, g_strdup (_("This compares nights in the diary. It is an observation, not proof "
                                      "that stretching helps: other things change from night to night too.")));
  return lines;
}

static char *
answer_when (CrampStats *stats)
{
  g_autofree char *hours = cramp_stats_describe_hours (stats);
  g_autofree char *activities = cramp_stats_describe_counts (CRAMP_VOCAB_ACTIVITY, stats->activities, 1, 4);

  if (activities == NULL)
    return g_steal_pointer (&hours);

  /* Translators: the first %s says when, the second lists activities
   * with counts. Said to nobody in particular: the app reads it to the
   * patient, the report to the doctor */
  return g_strdup_printf (_("%s Doing when they began: %s."), hours, activities);
}

static char *
answer_since (CrampStats *stats)
{
  g_autofree char *date = NULL;

  if (stats->first_ever == NULL)
    return g_strdup (_("No cramp is in the diary yet."));

  date = cramp_format_date (stats->first_ever);
  /* Translators: %s is a date */
  return g_strdup_printf (_("The first cramp in the diary was on %s."), date);
}

static char *
answer_how_often (CrampStats *stats)
{
  g_autofree char *rate = describe_rate (stats);
  const char *trend;

  switch (stats->trend)
    {
    case CRAMP_TREND_MORE:
      trend = _("More often in the second half of the period (%.1f a week) than in the first (%.1f a week).");
      break;
    case CRAMP_TREND_FEWER:
      trend = _("Less often in the second half of the period (%.1f a week) than in the first (%.1f a week).");
      break;
    case CRAMP_TREND_STEADY:
      trend = _("About as often in the second half of the period (%.1f a week) as in the first (%.1f a week).");
      break;
    case CRAMP_TREND_UNKNOWN:
    default:
      return g_strdup_printf ("%s.", rate);
    }

  {
    g_autofree char *trend_text = g_strdup_printf (trend, stats->rate_second_half, stats->rate_first_half);
    return g_strdup_printf ("%s. %s", rate, trend_text);
  }
}

static char *
answer_symptoms (CrampStats *stats)
{
  char *symptoms = cramp_stats_describe_counts (CRAMP_VOCAB_SYMPTOM, stats->symptoms, 0, 10);

  return symptoms ? symptoms : g_strdup (_("None recorded."));
}

static char *
answer_where (CrampStats *stats)
{
  g_autofree char *muscles = cramp_stats_describe_counts (CRAMP_VOCAB_MUSCLE, stats->muscles, 1, 8);
  g_autofree char *sides = cramp_stats_describe_counts (CRAMP_VOCAB_SIDE, stats->sides, 1, 3);

  if (muscles == NULL && sides == NULL)
    return g_strdup (_("Not recorded."));

  /* Translators: muscles with counts, then sides with counts */
  return g_strdup_printf (_("%s. Side: %s."),
                          muscles ? muscles : _("muscle not recorded"),
                          sides ? sides : _("not recorded"));
}

static char *
answer_how_bad (CrampStats *stats)
{
  g_autofree char *duration = NULL;
  g_autofree char *longest = NULL;
  g_autofree char *lasting = NULL;
  g_autofree char *pain = NULL;

  if (stats->n_duration > 0)
    {
      duration = cramp_format_duration (stats->median_duration);
      longest = cramp_format_duration (stats->max_duration);
      /* Translators: typical and longest duration, such as "1 min 30 s" */
      lasting = g_strdup_printf (_("Typically %s, the longest %s."), duration, longest);
    }
  if (stats->n_intensity > 0)
    pain = g_strdup_printf (_("Pain typically %.1f out of 10."), stats->median_intensity);

  if (lasting && pain)
    return g_strdup_printf ("%s %s", lasting, pain);
  if (lasting || pain)
    return g_strdup (lasting ? lasting : pain);
  return g_strdup (_("Not recorded."));
}

static char *
answer_medications (CrampStats *stats)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < stats->medications->len; i++)
    {
      if (i == 0)
        /* Translators: followed by the medicines listed with the cramps */
        g_string_append (text, _("Listed with the cramps: "));
      else
        /* Translators: separates the names of medicines */
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (stats->medications, i));
    }
  if (text->len > 0)
    g_string_append_c (text, '.');

  for (guint i = 0; i < stats->medication_rates->len; i++)
    {
      CrampMedicationRate *rate = g_ptr_array_index (stats->medication_rates, i);
      g_autofree char *date = cramp_format_day (&rate->started);

      if (text->len > 0)
        g_string_append_c (text, ' ');

      if (rate->weeks_before >= 1 && rate->weeks_after >= 1)
        /* Translators: a medicine, the day it was started, cramps a week before and after */
        g_string_append_printf (text, _("%s, started on %s: %.1f cramps a week before, %.1f after."),
                                rate->name, date,
                                rate->before / rate->weeks_before, rate->after / rate->weeks_after);
      else
        /* Translators: a medicine and the day it was started */
        g_string_append_printf (text, _("%s, started on %s: too little of the period on one side of that day to compare."),
                                rate->name, date);
    }

  if (text->len == 0)
    return g_strdup (_("None recorded."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
answer_fluid (CrampStats *stats)
{
  if (stats->n_fluid == 0)
    return g_strdup (_("Not recorded."));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Typically %.1f litres on the day of a cramp (recorded for %u); less than 1.5 litres on %u of them.",
                                       "Typically %.1f litres on the day of a cramp (recorded for %u); less than 1.5 litres on %u of them.",
                                       stats->n_fluid),
                          stats->median_fluid / 1000.0, stats->n_fluid, stats->n_fluid_low);
}

/**
 * cramp_stats_answers:
 *
 * Returns: (transfer container) (element-type CrampAnswer): the questions a
 *   doctor asks, each with the answer from the diary, first the four of
 *   document 001
 */
GPtrArray *
cramp_stats_answers (CrampStats *stats)
{
  GPtrArray *answers = g_ptr_array_new_with_free_func (answer_free);
  char *text;

  g_return_val_if_fail (stats != NULL, NULL);

  answer (answers, _("When do the cramps come?"), answer_when (stats));
  answer (answers, _("Since when?"), answer_since (stats));
  answer (answers, _("How often?"), answer_how_often (stats));
  answer (answers, _("What other symptoms came with them?"), answer_symptoms (stats));
  answer (answers, _("Where?"), answer_where (stats));
  answer (answers, _("How long and how painful?"), answer_how_bad (stats));
  text = cramp_stats_describe_counts (CRAMP_VOCAB_RELIEF, stats->reliefs, 0, 8);
  answer (answers, _("What relieved them?"), text ? text : g_strdup (_("Not recorded.")));
  text = cramp_stats_describe_counts (CRAMP_VOCAB_TRIGGER, stats->triggers, 0, 7);
  answer (answers, _("What seemed to set them off?"), text ? text : g_strdup (_("Not recorded.")));
  answer (answers, _("Which medications?"), answer_medications (stats));
  answer (answers, _("How much fluid?"), answer_fluid (stats));

  return answers;
}
