/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "cramp-analysis.h"
#include "cramp-cli-private.h"
#include "cramp-format.h"
#include "cramp-outcomes.h"
#include "cramp-report.h"
#include "cramp-store-episodes.h"
#include "cramp-store-nights.h"
#include "cramp-time.h"

/* cramp-diary --findings [--json] [--since DATE] [--until DATE]
 * cramp-diary --report FILE.pdf [--since DATE] [--until DATE] */

static gboolean
parse_period (const CrampCliOptions  *options,
              GDateTime             **since,
              GDateTime             **until,
              GError               **error)
{
  GDate since_day, until_day;

  if (options->since != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!cramp_time_parse_date (options->since, &since_day, &local_error))
        {
          /* Translators: %s explains what is wrong with a date */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--since %s."), local_error->message);
          return FALSE;
        }
      *since = cramp_time_day_start (&since_day);
    }

  if (options->until != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!cramp_time_parse_date (options->until, &until_day, &local_error))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--until %s."), local_error->message);
          return FALSE;
        }
      *until = cramp_time_day_end (&until_day);
    }
  else
    *until = cramp_time_now ();

  if (*since != NULL && g_date_time_compare (*since, *until) > 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The period ends before it starts: --since %s is after --until %s."),
                   options->since, options->until ? options->until : _("today"));
      return FALSE;
    }

  return TRUE;
}

static char *
iso_day (GDateTime *datetime)
{
  return g_date_time_format (datetime, "%Y-%m-%d");
}

static void
print_json (CrampAnalysis *analysis)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *since = iso_day (analysis->since);
  g_autofree char *until = iso_day (analysis->until);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "since");
  json_builder_add_string_value (builder, since);
  json_builder_set_member_name (builder, "until");
  json_builder_add_string_value (builder, until);
  json_builder_set_member_name (builder, "episodes");
  json_builder_add_int_value (builder, analysis->episodes->len);
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);

  for (guint i = 0; i < analysis->findings->len; i++)
    {
      CrampFinding *finding = g_ptr_array_index (analysis->findings, i);
      GPtrArray *evidence = cramp_finding_get_evidence (finding);
      const char * const *sources = cramp_finding_get_sources (finding);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, cramp_finding_get_id (finding));
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, cramp_severity_to_string (cramp_finding_get_severity (finding)));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, cramp_finding_get_title (finding));
      json_builder_set_member_name (builder, "explanation");
      json_builder_add_string_value (builder, cramp_finding_get_explanation (finding));
      json_builder_set_member_name (builder, "evidence");
      json_builder_begin_array (builder);
      for (guint e = 0; e < evidence->len; e++)
        json_builder_add_string_value (builder, cramp_episode_get_id (g_ptr_array_index (evidence, e)));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "sources");
      json_builder_begin_array (builder);
      for (guint s = 0; sources[s] != NULL; s++)
        json_builder_add_string_value (builder, sources[s]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);
  _cramp_cli_print_json (builder);
}

/* @text in capitals, the same in every locale: g_utf8_strup() follows
 * LC_CTYPE, and in Turkish makes "MEDİCAL" of "medical". */
static char *
upper_case (const char *text)
{
  GString *upper = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00DF)   /* ß has no capital of its own */
        g_string_append (upper, "SS");
      else
        g_string_append_unichar (upper, g_unichar_toupper (c));
    }

  return g_string_free (upper, FALSE);
}

static void
print_text (CrampAnalysis *analysis)
{
  g_autofree char *since = cramp_format_date_short (analysis->since);
  g_autofree char *until = cramp_format_date_short (analysis->until);
  int severity = -1;

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Cramp Diary findings, %s to %s (%u episode)\n",
                        "Cramp Diary findings, %s to %s (%u episodes)\n",
                        analysis->episodes->len),
           since, until, analysis->episodes->len);
  g_print ("%s\n", cramp_findings_disclaimer ());

  if (analysis->findings->len == 0)
    {
      g_print ("\n%s\n", _("No pattern in this period matches a red flag."));
      return;
    }

  for (guint i = 0; i < analysis->findings->len; i++)
    {
      CrampFinding *finding = g_ptr_array_index (analysis->findings, i);
      GPtrArray *evidence = cramp_finding_get_evidence (finding);
      const char * const *sources = cramp_finding_get_sources (finding);
      g_autoptr(GString) dates = g_string_new (NULL);
      g_autofree char *heading = NULL;

      if ((int) cramp_finding_get_severity (finding) != severity)
        {
          severity = cramp_finding_get_severity (finding);
          heading = upper_case (cramp_severity_get_label (severity));
          g_print ("\n%s\n", heading);
        }

      for (guint e = 0; e < evidence->len; e++)
        {
          GDateTime *start = cramp_episode_get_started_at (g_ptr_array_index (evidence, e));
          g_autofree char *day = cramp_format_date_short (start);
          g_autofree char *time = cramp_format_time_of_day (start);

          if (e > 0)
            g_string_append (dates, _(", "));
          /* Translators: a date and a time */
          g_string_append_printf (dates, _("%s %s"), day, time);
        }

      g_print ("\n  %s\n", cramp_finding_get_title (finding));
      g_print ("  %s\n", cramp_finding_get_explanation (finding));
      g_print ("  %s %s\n", _("Shown for:"), cramp_finding_get_rule (finding));
      g_print ("  %s %s\n", _("Episodes:"), dates->str);
      for (guint s = 0; sources[s] != NULL; s++)
        g_print ("  %s %s\n", s == 0 ? _("Sources:") : "        ", sources[s]);
    }
}

static CrampAnalysis *
analyse (const CrampCliOptions  *options,
         const char             *diary_path,
         GError                **error)
{
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(CrampStore) store = NULL;

  if (!parse_period (options, &since, &until, error))
    return NULL;

  if (!(store = cramp_store_open_to_read (diary_path, error)))
    return NULL;

  return cramp_analysis_new (store, since, until, error);
}

int
cramp_cli_run_findings (const CrampCliOptions *options,
                        const char            *diary_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampAnalysis) analysis = analyse (options, diary_path, &error);

  if (analysis == NULL)
    return _cramp_cli_fail (error->message);

  if (options->json)
    print_json (analysis);
  else
    print_text (analysis);

  return CRAMP_EXIT_OK;
}

int
cramp_cli_run_report (const CrampCliOptions *options,
                      const char            *diary_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampAnalysis) analysis = analyse (options, diary_path, &error);
  g_autoptr(CrampReport) report = NULL;
  g_autoptr(GDateTime) now = cramp_time_now ();
  g_autofree char *display = g_filename_display_name (options->report_path);
  CrampReportOptions report_options;
  int status;

  if (analysis == NULL)
    return _cramp_cli_fail (error->message);
  if ((status = _cramp_cli_check_output (options->report_path, diary_path)) != CRAMP_EXIT_OK)
    return status;

  cramp_report_options_init (&report_options);
  report = cramp_report_new (analysis, &report_options, now);
  if (!cramp_report_write_pdf (report, options->report_path, &error))
    return _cramp_cli_fail (error->message);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Wrote the report of %u cramp to %s.\n",
                        "Wrote the report of %u cramps to %s.\n",
                        analysis->episodes->len),
           analysis->episodes->len, display);
  return CRAMP_EXIT_OK;
}

/* The nights --outcomes looks at: from --since's evening (or the first
 * night the diary knows of) to --until's (or the night under way). */
static gboolean
outcome_window (const CrampCliOptions  *options,
                CrampStore             *store,
                gint64                 *first,
                gint64                 *last,
                GError                **error)
{
  if (options->until != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!cramp_time_night_from_text (options->until, last, &local_error))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--until %s."), local_error->message);
          return FALSE;
        }
    }
  else
    {
      g_autoptr(GDateTime) now = cramp_time_now ();

      *last = cramp_time_night_of (now);
    }

  if (options->since != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!cramp_time_night_from_text (options->since, first, &local_error))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--since %s."), local_error->message);
          return FALSE;
        }
      if (*first > *last)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The period ends before it starts: --since %s is after --until %s."),
                       options->since, options->until ? options->until : _("today"));
          return FALSE;
        }
    }
  else
    {
      g_autoptr(GDateTime) first_start = cramp_store_get_first_start (store);
      g_autoptr(GArray) records = cramp_store_list_nights (store, 0, *last, error);

      if (records == NULL)
        return FALSE;
      *first = *last;
      if (first_start != NULL)
        *first = MIN (*first, cramp_time_night_of (first_start));
      if (records->len > 0)
        *first = MIN (*first, g_array_index (records, CrampNight, 0).night);
    }

  return TRUE;
}

static void
print_outcomes_json (const CrampOutcomes *outcomes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *since = cramp_time_night_to_text (outcomes->first_night);
  g_autofree char *until = cramp_time_night_to_text (outcomes->last_night);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "since");
  json_builder_add_string_value (builder, since);
  json_builder_set_member_name (builder, "until");
  json_builder_add_string_value (builder, until);
  json_builder_set_member_name (builder, "nights");
  json_builder_add_int_value (builder, outcomes->nights);
  json_builder_set_member_name (builder, "logged_nights");
  json_builder_add_int_value (builder, outcomes->logged_nights);
  _cramp_cli_json_add_number (builder, "coverage", outcomes->coverage);
  json_builder_set_member_name (builder, "cramp_nights");
  json_builder_add_int_value (builder, outcomes->cramp_nights);
  json_builder_set_member_name (builder, "quiet_nights");
  json_builder_add_int_value (builder, outcomes->quiet_nights);
  json_builder_set_member_name (builder, "cramps");
  json_builder_add_int_value (builder, outcomes->cramps);
  _cramp_cli_json_add_number (builder, "cramps_per_logged_week", outcomes->cramps_per_logged_week);
  _cramp_cli_json_add_number (builder, "median_intensity", outcomes->median_intensity);
  _cramp_cli_json_add_number (builder, "median_sleep_disturbance", outcomes->median_sleep_disturbance);
  json_builder_end_object (builder);
  _cramp_cli_print_json (builder);
}

static void
print_outcomes_text (const CrampOutcomes *outcomes)
{
  g_autofree char *since = cramp_time_night_to_text (outcomes->first_night);
  g_autofree char *until = cramp_time_night_to_text (outcomes->last_night);
  g_autoptr(GArray) lines = cramp_outcomes_describe (outcomes);
  const char *warning = cramp_outcomes_coverage_warning (outcomes);

  /* Translators: the nights from the evening of one date to that of another */
  g_print (_("Outcome measures, the nights of %s to %s\n"), since, until);
  for (guint i = 0; i < lines->len; i++)
    {
      const CrampOutcomeLine *line = &g_array_index (lines, CrampOutcomeLine, i);

      /* Translators: a measure and its value, as "Cramp nights: 12" */
      g_print (_("%s: %s\n"), line->label, line->value);
    }
  if (warning != NULL)
    g_print ("%s\n", warning);
}

/* cramp-diary --outcomes [--json] [--since DATE] [--until DATE] */
int
cramp_cli_run_outcomes (const CrampCliOptions *options,
                        const char            *diary_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GArray) nights = NULL;
  CrampOutcomes outcomes;
  gint64 first, last;

  if (!(store = cramp_store_open_to_read (diary_path, &error)) ||
      !outcome_window (options, store, &first, &last, &error) ||
      !cramp_outcomes_read (store, first, last, NULL, NULL, NULL, &episodes, &nights, &error))
    return _cramp_cli_fail (error->message);

  cramp_outcomes_compute (&outcomes, episodes, nights, first, last);
  if (options->json)
    print_outcomes_json (&outcomes);
  else
    print_outcomes_text (&outcomes);

  return CRAMP_EXIT_OK;
}
