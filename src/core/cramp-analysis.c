/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-analysis"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cramp-analysis.h"
#include "cramp-format.h"
#include "cramp-store-episodes.h"
#include "cramp-store-experiments.h"
#include "cramp-store-nights.h"
#include "cramp-store-profile.h"
#include "cramp-store-stretches.h"
#include "cramp-stretch-log.h"
#include "cramp-time.h"

/**
 * cramp_analysis_describe_period:
 *
 * Returns: (transfer full): the first and last day of the period, as
 *   the report and the file chooser that saves it say them
 */
char *
cramp_analysis_describe_period (CrampAnalysis *analysis)
{
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;

  g_return_val_if_fail (analysis != NULL, NULL);

  since = cramp_format_date_short (analysis->since);
  until = cramp_format_date_short (analysis->until);
  /* Translators: the first and last day of the report's period */
  return g_strdup_printf (_("%s to %s"), since, until);
}

static void
analysis_clear (gpointer data)
{
  CrampAnalysis *analysis = data;

  g_clear_pointer (&analysis->since, g_date_time_unref);
  g_clear_pointer (&analysis->until, g_date_time_unref);
  g_clear_pointer (&analysis->episodes, g_ptr_array_unref);
  g_clear_object (&analysis->profile);
  g_clear_pointer (&analysis->findings, g_ptr_array_unref);
  g_clear_pointer (&analysis->stats, cramp_stats_free);
  g_clear_pointer (&analysis->experiments, g_ptr_array_unref);
}

static void
experiment_report_free (gpointer data)
{
  CrampExperimentReport *report = data;

  cramp_experiment_free (report->experiment);
  g_free (report);
}

CrampAnalysis *
cramp_analysis_ref (CrampAnalysis *analysis)
{
  return g_atomic_rc_box_acquire (analysis);
}

void
cramp_analysis_unref (CrampAnalysis *analysis)
{
  g_atomic_rc_box_release_full (analysis, analysis_clear);
}

/* Nights with a stretch done against nights without, from the first
 * night the log knows of; the last night compared is the one before the
 * period's end, whose morning may not be over. */
static gboolean
analyse_stretching (CrampAnalysis  *analysis,
                    CrampStore     *store,
                    GError        **error)
{
  gint64 first_night = cramp_time_night_of (analysis->since);
  gint64 last_night = cramp_time_night_of (analysis->until);
  g_autoptr(GArray) records = NULL;
  g_autoptr(GArray) nights = NULL;
  gint64 first_logged;

  if (!cramp_store_get_first_stretch_night (store, &first_logged) || first_logged > last_night)
    return TRUE;

  if (!(records = cramp_store_list_stretches (store, first_night, last_night, error)) ||
      !(nights = cramp_store_list_nights (store, first_night, last_night, error)))
    return FALSE;

  analysis->has_stretching = TRUE;
  cramp_stretch_stats_compute (&analysis->stretching, analysis->episodes, nights, records,
                               MAX (first_night, first_logged), last_night - 1);
  return TRUE;
}

/* The period's nights: from the evening of its first day (or, for the
 * whole diary, the night of its first cramp) to the evening of its last
 * day, but no later than last night, whose morning is over. */
static gboolean
analyse_nights (CrampAnalysis  *analysis,
                CrampStore     *store,
                gboolean        whole,
                GError        **error)
{
  g_autoptr(GDateTime) now = cramp_time_now ();
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GArray) nights = NULL;
  gint64 first = whole ? cramp_time_night_of (analysis->since) : cramp_time_last_night (analysis->since) + 1;
  gint64 last = MIN (cramp_time_night_of (analysis->until), cramp_time_last_night (now));
  gint64 strip_first = last - CRAMP_STRIP_NIGHTS + 1;

  if (!cramp_outcomes_read (store, MIN (first, strip_first), last, analysis->episodes, analysis->since,
                            analysis->until, &episodes, &nights, error))
    return FALSE;

  cramp_outcomes_compute (&analysis->outcomes, episodes, nights, first, last);
  cramp_outcomes_compute (&analysis->recent, episodes, nights, last - 27, last);
  cramp_outcomes_compute (&analysis->earlier, episodes, nights, last - 55, last - 28);
  cramp_outcomes_states (analysis->strip, episodes, nights, strip_first, last);
  return TRUE;
}

/* Each personal experiment as it stands now. */
static gboolean
analyse_experiments (CrampAnalysis  *analysis,
                     CrampStore     *store,
                     GError        **error)
{
  g_autoptr(GDateTime) now = cramp_time_now ();
  g_autoptr(GPtrArray) experiments = NULL;

  analysis->experiments = g_ptr_array_new_with_free_func (experiment_report_free);
  if (!(experiments = cramp_store_list_experiments (store, error)))
    return FALSE;

  while (experiments->len > 0)
    {
      CrampExperimentReport *report = g_new0 (CrampExperimentReport, 1);

      report->experiment = g_ptr_array_steal_index (experiments, 0);
      g_ptr_array_add (analysis->experiments, report);
      if (!cramp_experiment_analyse (report->experiment, store, now, &report->result, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cramp_analysis_new:
 * @since: (nullable): the start of the period, or %NULL to start with the
 *   diary's first episode
 * @until: the end of the period
 *
 * Returns: (transfer full): the period analysed, or %NULL with @error set
 */
CrampAnalysis *
cramp_analysis_new (CrampStore  *store,
                    GDateTime   *since,
                    GDateTime   *until,
                    GError     **error)
{
  g_autoptr(CrampAnalysis) analysis = g_atomic_rc_box_new0 (CrampAnalysis);
  g_autoptr(GDateTime) first = NULL;
  gboolean whole = since == NULL;

  g_return_val_if_fail (CRAMP_IS_STORE (store), NULL);
  g_return_val_if_fail (until != NULL, NULL);

  first = cramp_store_get_first_start (store);
  if (since == NULL)
    since = first ? first : until;
  if (g_date_time_compare (since, until) > 0)
    since = until;

  analysis->since = g_date_time_ref (since);
  analysis->until = g_date_time_ref (until);

  if (!(analysis->episodes = cramp_store_list (store, since, until, error)))
    return NULL;
  if (!(analysis->profile = cramp_store_get_profile (store, error)))
    return NULL;

  analysis->findings = cramp_findings_analyze (analysis->episodes, analysis->profile, until);
  analysis->stats = cramp_stats_new (analysis->episodes, since, until, first, analysis->profile);
  if (!analyse_stretching (analysis, store, error) ||
      !analyse_nights (analysis, store, whole && first != NULL, error) ||
      !analyse_experiments (analysis, store, error))
    return NULL;

  return g_steal_pointer (&analysis);
}
