/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-experiment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cramp-episode.h"
#include "cramp-experiment.h"
#include "cramp-outcomes.h"
#include "cramp-store-experiments.h"
#include "cramp-store-nights.h"
#include "cramp-store-stretches.h"
#include "cramp-stretch-log.h"
#include "cramp-time.h"

/*
 * A personal experiment: what it is, and where it stands. Its trial runs
 * from its start for its days, up to last night; its baseline is as many
 * nights just before the start. The exposure of each is its logged
 * nights (a cramp or a record), so that a forgotten night does not pass
 * for a quiet one. How long it takes to know starts from the user's own
 * rate: the cramps of the last 6 logged weeks before the start.
 */

/* the user's usual rate: over this many logged nights before the start */
#define USUAL_NIGHTS 42

static const char *kind_tokens[] = {
  [CRAMP_EXPERIMENT_STRETCHING] = "stretching",
  [CRAMP_EXPERIMENT_SUPPLEMENT] = "supplement",
  [CRAMP_EXPERIMENT_FLUID] = "fluid",
  [CRAMP_EXPERIMENT_MEDICATION_CHANGE] = "medication-change",
  [CRAMP_EXPERIMENT_OTHER] = "other",
};

const char *
cramp_experiment_kind_to_string (CrampExperimentKind kind)
{
  g_return_val_if_fail (kind < CRAMP_N_EXPERIMENT_KINDS, NULL);

  return kind_tokens[kind];
}

gboolean
cramp_experiment_kind_from_string (const char          *text,
                                   CrampExperimentKind *kind)
{
  for (guint i = 0; text != NULL && i < CRAMP_N_EXPERIMENT_KINDS; i++)
    if (g_str_equal (text, kind_tokens[i]))
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

const char *
cramp_experiment_kind_label (CrampExperimentKind kind)
{
  switch (kind)
    {
    case CRAMP_EXPERIMENT_STRETCHING:
      return C_("experiment", "Stretching");
    case CRAMP_EXPERIMENT_SUPPLEMENT:
      return C_("experiment", "Supplement");
    case CRAMP_EXPERIMENT_FLUID:
      return C_("experiment", "Drinking");
    case CRAMP_EXPERIMENT_MEDICATION_CHANGE:
      return C_("experiment", "Change of medication");
    case CRAMP_EXPERIMENT_OTHER:
    case CRAMP_N_EXPERIMENT_KINDS:
    default:
      return C_("experiment", "Other");
    }
}

/**
 * cramp_experiment_new:
 * @start: the trial's first night, as cramp_time_night_of() gives it
 *
 * Returns: (transfer full): a new experiment under a new UUID, made now
 */
CrampExperiment *
cramp_experiment_new (const char          *name,
                      CrampExperimentKind  kind,
                      gint64               start,
                      guint                days)
{
  CrampExperiment *experiment = g_new0 (CrampExperiment, 1);

  experiment->id = g_uuid_string_random ();
  experiment->name = g_strdup (name);
  experiment->kind = kind;
  experiment->start = start;
  experiment->days = days;
  experiment->created_at = cramp_time_now_unix ();
  return experiment;
}

/**
 * cramp_experiment_copy:
 *
 * Returns: (transfer full): @experiment as it is, under the same UUID
 */
CrampExperiment *
cramp_experiment_copy (const CrampExperiment *experiment)
{
  CrampExperiment *copy;

  g_return_val_if_fail (experiment != NULL, NULL);

  copy = g_memdup2 (experiment, sizeof *experiment);
  copy->id = g_strdup (experiment->id);
  copy->name = g_strdup (experiment->name);
  return copy;
}

void
cramp_experiment_free (CrampExperiment *experiment)
{
  if (experiment == NULL)
    return;

  g_free (experiment->id);
  g_free (experiment->name);
  g_free (experiment);
}

/**
 * cramp_experiment_asks_done:
 * @night: a night, as cramp_time_night_of() gives it
 *
 * Returns: whether the user is asked "Did it?" of @night: a night of the
 *   trial, of a kind other than stretching (whose stretch log says it)
 */
gboolean
cramp_experiment_asks_done (const CrampExperiment *experiment,
                            gint64                 night)
{
  g_return_val_if_fail (experiment != NULL, FALSE);

  return experiment->kind != CRAMP_EXPERIMENT_STRETCHING && night >= experiment->start &&
         night < experiment->start + (gint64) experiment->days;
}

/**
 * cramp_experiment_validate:
 *
 * Returns: whether @experiment can be kept; if not, @error says why in
 *   a sentence
 */
gboolean
cramp_experiment_validate (const CrampExperiment  *experiment,
                           GError                **error)
{
  g_autofree char *stripped = NULL;
  gunichar hidden;

  g_return_val_if_fail (experiment != NULL, FALSE);

  if (experiment->name != NULL && g_utf8_validate (experiment->name, -1, NULL))
    stripped = g_strstrip (g_strdup (experiment->name));
  if (stripped == NULL || stripped[0] == '\0')
    {
      g_set_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_INVALID, _("An experiment needs a name."));
      return FALSE;
    }
  if (g_utf8_strlen (experiment->name, -1) > CRAMP_EXPERIMENT_NAME_MAX)
    {
      g_set_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_INVALID,
                   _("The name of an experiment has at most %d characters."), CRAMP_EXPERIMENT_NAME_MAX);
      return FALSE;
    }
  if ((hidden = cramp_text_find_hidden (experiment->name, FALSE)) != 0)
    {
      g_autofree char *message = cramp_text_describe_hidden (_("the name of an experiment"), hidden);

      g_set_error_literal (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_INVALID, message);
      return FALSE;
    }
  if (experiment->kind >= CRAMP_N_EXPERIMENT_KINDS)
    {
      g_set_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_INVALID, _("That is not a kind of experiment."));
      return FALSE;
    }
  if (experiment->days < 1 || experiment->days > CRAMP_EXPERIMENT_MAX_DAYS)
    {
      g_set_error (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_INVALID,
                   _("An experiment lasts from 1 to %d days."), CRAMP_EXPERIMENT_MAX_DAYS);
      return FALSE;
    }

  return TRUE;
}

/* The period's figures, from what was read of its nights. */
static void
count_period (CrampExperimentPeriod *period,
              GPtrArray             *episodes,
              GArray                *nights,
              gint64                 first,
              gint64                 last)
{
  CrampOutcomes outcomes;

  cramp_outcomes_compute (&outcomes, episodes, nights, first, last);
  period->first_night = first;
  period->last_night = last;
  period->logged_nights = outcomes.logged_nights;
  period->cramp_nights = outcomes.cramp_nights;
  period->cramps = outcomes.cramps;
  period->adherence = NAN;
}

/* Of the trial's nights so far, the share on which it was done: the
 * stretch log's for stretching, the "Did it" of each night for the
 * others (none said: not known). */
static gboolean
count_adherence (const CrampExperiment  *experiment,
                 CrampStore             *store,
                 CrampExperimentPeriod  *trial,
                 GError                **error)
{
  guint nights = trial->last_night >= trial->first_night ? (guint) (trial->last_night - trial->first_night + 1) : 0;
  g_autoptr(GHashTable) done = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) done_nights = NULL;

  if (nights == 0)
    return TRUE;

  if (experiment->kind == CRAMP_EXPERIMENT_STRETCHING)
    {
      g_autoptr(GArray) records = cramp_store_list_stretches (store, trial->first_night, trial->last_night, error);

      if (records == NULL)
        return FALSE;
      done_nights = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < records->len; i++)
        {
          const CrampStretchRecord *record = &g_array_index (records, CrampStretchRecord, i);

          if (record->event == CRAMP_STRETCH_DONE)
            g_array_append_val (done_nights, record->night);
        }
    }
  else
    {
      if (!(done_nights = cramp_store_list_experiment_done (store, experiment->id, error)))
        return FALSE;
      if (done_nights->len == 0)
        return TRUE;
    }

  for (guint i = 0; i < done_nights->len; i++)
    {
      gint64 *night = &g_array_index (done_nights, gint64, i);

      if (*night >= trial->first_night && *night <= trial->last_night)
        g_hash_table_add (done, night);
    }
  trial->adherence = (double) g_hash_table_size (done) / nights;
  return TRUE;
}

/* The cramps in each week from @first to @last. */
static void
count_weeks (CrampExperimentResult *result,
             GPtrArray             *episodes,
             gint64                 first,
             gint64                 last)
{
  result->n_weeks = last >= first ? MIN ((guint) ((last - first) / 7 + 1), CRAMP_EXPERIMENT_MAX_WEEKS) : 0;
  memset (result->weeks, 0, sizeof result->weeks);
  for (guint i = 0; i < episodes->len; i++)
    {
      gint64 night = cramp_episode_get_night (g_ptr_array_index (episodes, i));

      if (night >= first && night <= last && (night - first) / 7 < result->n_weeks)
        result->weeks[(night - first) / 7]++;
    }
}

/* The cramps per logged night of the last USUAL_NIGHTS logged nights up
 * to @last, within the year before it; NAN for fewer than 14. */
static double
usual_rate (GPtrArray *episodes,
            GArray    *nights,
            gint64     first,
            gint64     last)
{
  g_autofree guint8 *states = NULL;
  g_autofree guint *cramps = NULL;
  guint logged = 0, counted = 0;

  if (last < first)
    return NAN;

  states = g_new0 (guint8, last - first + 1);
  cramps = g_new0 (guint, last - first + 1);
  cramp_outcomes_states (states, episodes, nights, first, last);
  for (guint i = 0; i < episodes->len; i++)
    {
      gint64 night = cramp_episode_get_night (g_ptr_array_index (episodes, i));

      if (night >= first && night <= last)
        cramps[night - first]++;
    }

  for (gint64 night = last; night >= first && logged < USUAL_NIGHTS; night--)
    if (states[night - first] != CRAMP_NIGHT_NOT_LOGGED)
      {
        logged++;
        counted += cramps[night - first];
      }

  return logged >= CRAMP_EXPERIMENT_MIN_NIGHTS ? (double) counted / logged : NAN;
}

/**
 * cramp_experiment_analyse:
 * @now: the moment it is looked at: the trial runs to last night at most
 *
 * Works out where @experiment stands.
 */
gboolean
cramp_experiment_analyse (const CrampExperiment  *experiment,
                          CrampStore             *store,
                          GDateTime              *now,
                          CrampExperimentResult  *result,
                          GError                **error)
{
  gint64 last_night = cramp_time_last_night (now);
  gint64 trial_last = MIN (experiment->start + (gint64) experiment->days - 1, last_night);
  gint64 baseline_first = experiment->start - experiment->days;
  gint64 baseline_last = MIN (experiment->start - 1, last_night);
  gint64 usual_last = baseline_last;
  gint64 first_read = MIN (baseline_first, usual_last - 365);
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GArray) nights = NULL;

  g_return_val_if_fail (experiment != NULL, FALSE);
  g_return_val_if_fail (CRAMP_IS_STORE (store), FALSE);

  if (!cramp_outcomes_read (store, first_read, MAX (trial_last, baseline_last), NULL, NULL, NULL,
                            &episodes, &nights, error))
    return FALSE;

  count_period (&result->baseline, episodes, nights, baseline_first, baseline_last);
  count_period (&result->trial, episodes, nights, experiment->start, trial_last);
  if (!count_adherence (experiment, store, &result->trial, error))
    return FALSE;

  cramp_experiment_compare (&result->baseline, &result->trial, &result->comparison);
  count_weeks (result, episodes, baseline_first, MAX (trial_last, baseline_last));
  result->usual_rate = usual_rate (episodes, nights, first_read, usual_last);
  result->nights_needed = isnan (result->usual_rate) ? 0 : cramp_experiment_nights_needed (result->usual_rate);
  return TRUE;
}

/**
 * cramp_experiment_describe_verdict:
 *
 * Returns: (transfer full): what the experiment shows so far, in a
 *   sentence
 */
char *
cramp_experiment_describe_verdict (const CrampExperiment       *experiment,
                                   const CrampExperimentResult *result)
{
  const CrampComparison *comparison = &result->comparison;

  if (result->trial.last_night < result->trial.first_night)
    {
      g_autofree char *start = cramp_time_night_to_text (experiment->start);

      /* Translators: %s is a date */
      return g_strdup_printf (_("Not begun: it starts on the night of %s."), start);
    }

  switch (comparison->verdict)
    {
    case CRAMP_VERDICT_TOO_EARLY:
      return g_strdup_printf (_("Too early to say: each period needs at least %d logged nights (so far %u before, "
                                "%u during)."), CRAMP_EXPERIMENT_MIN_NIGHTS, result->baseline.logged_nights,
                              result->trial.logged_nights);
    case CRAMP_VERDICT_FEWER:
      return g_strdup_printf (_("Fewer cramps during it: %.2f times the rate before (95 %% interval %.2f to %.2f)."),
                              comparison->rate_ratio, comparison->ci_low, comparison->ci_high);
    case CRAMP_VERDICT_MORE:
      /* no cramp before: no ratio, and an interval without a top */
      if (isnan (comparison->rate_ratio))
        return g_strdup_printf (_("More cramps during it: none before, %u during (95 %% interval of the ratio "
                                  "from %.2f up)."), result->trial.cramps, comparison->ci_low);
      return g_strdup_printf (_("More cramps during it: %.2f times the rate before (95 %% interval %.2f to %.2f)."),
                              comparison->rate_ratio, comparison->ci_low, comparison->ci_high);
    case CRAMP_VERDICT_UNCLEAR:
      if (isnan (comparison->rate_ratio))
        return g_strdup_printf (_("Unclear: none before, %u during; the 95 %% interval of the ratio, from %.2f up, "
                                  "includes 1 (no change)."), result->trial.cramps, comparison->ci_low);
      return g_strdup_printf (_("Unclear: %.2f times the rate before, but its 95 %% interval, %.2f to %.2f, "
                                "includes 1 (no change)."), comparison->rate_ratio, comparison->ci_low,
                              comparison->ci_high);
    case CRAMP_VERDICT_NONE:
    default:
      return g_strdup (_("No cramp in either period: nothing to compare."));
    }
}

/**
 * cramp_experiment_describe_needed:
 *
 * Returns: (transfer full) (nullable): how many logged nights a period
 *   needs to show a halving, or %NULL where there is no cramp to halve
 */
char *
cramp_experiment_describe_needed (const CrampExperimentResult *result)
{
  if (result->nights_needed == 0)
    return NULL;

  return g_strdup_printf (_("With the usual %.1f cramps a week, seeing a halving with an 80 %% chance takes about "
                            "%u logged nights in each period."), result->usual_rate * 7, result->nights_needed);
}

/**
 * cramp_experiment_describe_weeks:
 *
 * Returns: (transfer full): the cramps of each week before and during,
 *   in words: what its chart shows, for a screen reader
 */
char *
cramp_experiment_describe_weeks (const CrampExperiment       *experiment,
                                 const CrampExperimentResult *result)
{
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) during = g_string_new (NULL);
  double start = (double) experiment->days / 7;

  if (result->n_weeks == 0)
    return g_strdup (_("No week of it has passed yet."));

  for (guint w = 0; w < result->n_weeks; w++)
    {
      GString *part = w + 0.5 < start ? before : during;

      g_string_append_printf (part, "%s%u", part->len > 0 ? ", " : "", result->weeks[w]);
    }
  if (during->len == 0)
    /* Translators: the cramps of each week before an experiment, "3, 5, 4" */
    return g_strdup_printf (_("Cramps a week before it: %s."), before->str);
  /* Translators: the cramps of each week before and during an experiment */
  return g_strdup_printf (_("Cramps a week before it: %s; during it: %s."), before->str, during->str);
}

/**
 * cramp_experiment_caveat:
 *
 * Returns: what one person's experiment cannot show
 */
const char *
cramp_experiment_caveat (void)
{
  return _("One person's result is not proof for others. People often start after a bad spell, which eases by "
           "itself, and expecting a change changes how things feel: in a trial of magnesium, cramps fell by about "
           "40 % with the placebo too.");
}
