/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "cramp-cli-private.h"
#include "cramp-experiment.h"
#include "cramp-store-backup.h"
#include "cramp-store-experiments.h"
#include "cramp-time.h"

/*
 * Personal experiments on the command line: --add-experiment starts one,
 * and says how long it will take to know; --experiments [--json] says
 * where each stands.
 */

static const char *
kinds_text (void)
{
  return "stretching, supplement, fluid, medication-change, other";
}

/* --days: a whole number from 1 to 366, or the default */
static gboolean
read_days (const char  *text,
           guint       *days,
           GError     **error)
{
  guint64 value;

  if (text == NULL)
    {
      *days = CRAMP_EXPERIMENT_DAYS;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1, CRAMP_EXPERIMENT_MAX_DAYS, &value, NULL))
    {
      /* Translators: %s is what was given; %d the most days */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--days %s: give the nights the experiment lasts, a whole number from 1 to %d."), text,
                   CRAMP_EXPERIMENT_MAX_DAYS);
      return FALSE;
    }
  *days = (guint) value;
  return TRUE;
}

/* Where @experiment stands, in sentences. */
static void
print_text (const CrampExperiment       *experiment,
            const CrampExperimentResult *result)
{
  g_autofree char *start = cramp_time_night_to_text (experiment->start);
  g_autofree char *verdict = NULL;
  g_autofree char *needed = NULL;

  /* Translators: a name, its kind, its first night and its length */
  g_print (_("%s (%s), from the night of %s for %u nights\n"), experiment->name,
           cramp_experiment_kind_label (experiment->kind), start, experiment->days);
  /* Translators: a period's figures, as label and number */
  g_print (_("  Before: logged nights %u, cramp nights %u, cramps %u\n"), result->baseline.logged_nights,
           result->baseline.cramp_nights, result->baseline.cramps);
  /* Translators: a period's figures, as label and number */
  g_print (_("  During: logged nights %u, cramp nights %u, cramps %u\n"), result->trial.logged_nights,
           result->trial.cramp_nights, result->trial.cramps);
  if (!isnan (result->trial.adherence))
    g_print (_("  Done on %.0f %% of its nights so far\n"), result->trial.adherence * 100);

  verdict = cramp_experiment_describe_verdict (experiment, result);
  needed = cramp_experiment_describe_needed (result);
  g_print ("  %s\n", verdict);
  if (needed != NULL)
    g_print ("  %s\n", needed);
}

static void
add_period (JsonBuilder                 *builder,
            const char                  *name,
            const CrampExperimentPeriod *period,
            gboolean                     adherence)
{
  g_autofree char *from = cramp_time_night_to_text (period->first_night);
  g_autofree char *to = period->last_night >= period->first_night ? cramp_time_night_to_text (period->last_night)
                                                                    : NULL;

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, from);
  json_builder_set_member_name (builder, "to");
  if (to != NULL)
    json_builder_add_string_value (builder, to);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "logged_nights");
  json_builder_add_int_value (builder, period->logged_nights);
  json_builder_set_member_name (builder, "cramp_nights");
  json_builder_add_int_value (builder, period->cramp_nights);
  json_builder_set_member_name (builder, "cramps");
  json_builder_add_int_value (builder, period->cramps);
  if (adherence)
    _cramp_cli_json_add_number (builder, "adherence", period->adherence);
  json_builder_end_object (builder);
}

static void
add_json (JsonBuilder                 *builder,
          const CrampExperiment       *experiment,
          const CrampExperimentResult *result)
{
  g_autofree char *start = cramp_time_night_to_text (experiment->start);
  const char *verdict = cramp_verdict_to_string (result->comparison.verdict);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, experiment->name);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, cramp_experiment_kind_to_string (experiment->kind));
  json_builder_set_member_name (builder, "start");
  json_builder_add_string_value (builder, start);
  json_builder_set_member_name (builder, "days");
  json_builder_add_int_value (builder, experiment->days);
  add_period (builder, "baseline", &result->baseline, FALSE);
  add_period (builder, "trial", &result->trial, TRUE);
  _cramp_cli_json_add_number (builder, "rate_ratio", result->comparison.rate_ratio);
  json_builder_set_member_name (builder, "ci95");
  json_builder_begin_array (builder);
  if (isnan (result->comparison.ci_low))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, round (result->comparison.ci_low * 1000) / 1000);
  if (isnan (result->comparison.ci_high))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, round (result->comparison.ci_high * 1000) / 1000);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "verdict");
  if (verdict != NULL)
    json_builder_add_string_value (builder, verdict);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "nights_needed");
  if (result->nights_needed > 0)
    json_builder_add_int_value (builder, result->nights_needed);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

/* cramp-diary --experiments [--json] */
int
_cramp_cli_run_experiments (const CrampCliOptions *options,
                            const char            *diary_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(GPtrArray) experiments = NULL;
  g_autoptr(GDateTime) now = cramp_time_now_local ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (!(store = cramp_store_open_to_read (diary_path, &error)) ||
      !(experiments = cramp_store_list_experiments (store, &error)))
    return _cramp_cli_fail (error->message);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "experiments");
  json_builder_begin_array (builder);
  if (!options->json && experiments->len == 0)
    g_print ("%s\n", _("No experiment yet: start one with --add-experiment NAME --kind KIND --start DATE."));

  for (guint i = 0; i < experiments->len; i++)
    {
      const CrampExperiment *experiment = g_ptr_array_index (experiments, i);
      CrampExperimentResult result;

      if (!cramp_experiment_analyse (experiment, store, now, &result, &error))
        return _cramp_cli_fail (error->message);
      if (options->json)
        add_json (builder, experiment, &result);
      else
        {
          if (i > 0)
            g_print ("\n");
          print_text (experiment, &result);
        }
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (options->json)
    _cramp_cli_print_json (builder);
  else if (experiments->len > 0)
    g_print ("\n%s\n", cramp_experiment_caveat ());

  return CRAMP_EXIT_OK;
}

/* cramp-diary --add-experiment NAME --kind KIND --start DATE [--days N] */
int
_cramp_cli_run_add_experiment (const CrampCliOptions *options,
                               const char            *diary_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(CrampExperiment) experiment = NULL;
  g_autoptr(GDateTime) now = cramp_time_now_local ();
  CrampExperimentResult result;
  CrampExperimentKind kind;
  gint64 start;
  guint days;

  if (options->kind == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("--add-experiment needs --kind: %s."), kinds_text ());
      return _cramp_cli_fail (message);
    }
  if (!cramp_experiment_kind_from_string (options->kind, &kind))
    {
      /* Translators: the first %s is what was given, the second the kinds */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a kind of experiment: give one of %s."),
                                                  options->kind, kinds_text ());
      return _cramp_cli_fail (message);
    }
  if (options->start == NULL)
    return _cramp_cli_fail (_("--add-experiment needs --start YYYY-MM-DD, the date of its first evening."));
  if (!cramp_time_night_from_text (options->start, &start, &error))
    {
      g_autofree char *message = g_strdup_printf (_("--start %s."), error->message);
      return _cramp_cli_fail (message);
    }
  if (!read_days (options->days, &days, &error))
    return _cramp_cli_fail (error->message);

  experiment = cramp_experiment_new (options->add_experiment, kind, start, days);
  /* nothing is added to a damaged diary */
  if (!cramp_experiment_validate (experiment, &error) ||
      !(store = cramp_store_open (diary_path, &error)) || !cramp_store_check_whole (store, &error) ||
      !cramp_store_add_experiment (store, experiment, NULL, &error) ||
      !cramp_experiment_analyse (experiment, store, now, &result, &error))
    return _cramp_cli_fail (error->message);

  /* Translators: %s is the experiment's name */
  g_print (_("Started the experiment “%s”.\n"), experiment->name);
  if (result.baseline.logged_nights < CRAMP_EXPERIMENT_MIN_NIGHTS)
    g_print (_("It waits for its baseline: the %u nights before it have %u logged nights, and need at least %d. "
               "Log every night, quiet ones too.\n"), days, result.baseline.logged_nights,
             CRAMP_EXPERIMENT_MIN_NIGHTS);
  if (result.nights_needed > 0)
    {
      g_autofree char *needed = cramp_experiment_describe_needed (&result);

      g_print ("%s\n", needed);
      if (result.nights_needed > days)
        g_print (_("That is longer than %u nights: consider --days %u.\n"), days,
                 MIN (result.nights_needed, (guint) CRAMP_EXPERIMENT_MAX_DAYS));
    }
  return CRAMP_EXIT_OK;
}
