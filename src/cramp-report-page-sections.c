/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-report-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cramp-a11y.h"
#include "cramp-chart-view.h"
#include "cramp-episode-row.h"
#include "cramp-evidence-window.h"
#include "cramp-format.h"
#include "cramp-report-page-private.h"
#include "cramp-row.h"
#include "cramp-stats-text.h"
#include "cramp-time.h"

/*
 * The sections of the report page, filled from the analysis of a period:
 * the summary's tiles, the warning signs with the cramps that show them
 * and their sources, the muscles, the answers for the doctor, bedtime
 * stretching.
 */

/* A row that shows something and does nothing: no hover, no click. */
static void
append_static (GtkListBox *list,
               GtkWidget  *child)
{
  gtk_list_box_append (list, child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (child)), FALSE);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
add_tile (CrampReportPage *self,
          const char      *value,
          const char      *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new (value);
  GtkWidget *what = gtk_label_new (caption);
  g_autofree char *description = g_strdup_printf ("%s: %s", caption, value);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "summary-tile");
  gtk_widget_add_css_class (number, "title-2");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (what, "caption");
  gtk_widget_add_css_class (what, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (what), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (what), 12);
  gtk_label_set_justify (GTK_LABEL (what), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_flow_box_append (self->summary_box, box);
}

static void
fill_summary (CrampReportPage *self)
{
  CrampStats *stats = self->analysis->stats;
  g_autofree char *count = g_strdup_printf ("%u", stats->n_episodes);
  g_autofree char *rate = g_strdup_printf ("%.1f", stats->per_week);
  g_autofree char *nights = g_strdup_printf ("%u", stats->n_nights_woken);
  g_autofree char *duration = cramp_format_duration (stats->median_duration);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_box))))
    gtk_flow_box_remove (self->summary_box, child);

  add_tile (self, count, g_dngettext (GETTEXT_PACKAGE, "cramp logged", "cramps logged", stats->n_episodes));
  add_tile (self, rate, _("a week on average"));
  add_tile (self, nights, g_dngettext (GETTEXT_PACKAGE, "night woken by a cramp",
                                       "nights woken by a cramp", stats->n_nights_woken));
  add_tile (self, duration, _("typical length"));
}

/* The trials' measures over the period's logged nights, and a word of
 * caution where too few were logged. */
static void
fill_outcomes (CrampReportPage *self)
{
  const CrampOutcomes *outcomes = &self->analysis->outcomes;
  g_autoptr(GArray) lines = cramp_outcomes_describe (outcomes);
  const char *warning = cramp_outcomes_coverage_warning (outcomes);

  clear_list (self->outcomes_list);
  for (guint i = 0; i < lines->len; i++)
    {
      const CrampOutcomeLine *line = &g_array_index (lines, CrampOutcomeLine, i);
      GtkWidget *row = cramp_action_row_new ();
      GtkWidget *value = gtk_label_new (line->value);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->label);
      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->outcomes_list, row);
    }
  if (warning != NULL)
    append_static (self->outcomes_list, wrapped_label (warning, "answer"));
}

static const char *
severity_icon (CrampSeverity severity,
               const char  **css_class)
{
  switch (severity)
    {
    case CRAMP_SEVERITY_URGENT:
      *css_class = "error";
      return "dialog-error-symbolic";
    case CRAMP_SEVERITY_SEE_DOCTOR:
      *css_class = "warning";
      return "dialog-warning-symbolic";
    case CRAMP_SEVERITY_DISCUSS:
      *css_class = "accent";
      return "dialog-information-symbolic";
    case CRAMP_SEVERITY_INFO:
    default:
      *css_class = "dim-label";
      return "dialog-information-symbolic";
    }
}

static GtkWidget *
make_evidence_row (CrampEpisode *episode)
{
  GtkWidget *row = cramp_action_row_new ();
  GDateTime *start = cramp_episode_get_started_at (episode);
  g_autofree char *date = cramp_format_date (start);
  g_autofree char *time = cramp_format_time_of_day (start);
  g_autofree char *title = g_strdup_printf (_("%s %s"), date, time);
  g_autofree char *description = cramp_episode_describe (episode);
  g_autofree char *evidence = cramp_format_episode_evidence (episode);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), evidence);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), cramp_a11y_decorative_image_new ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", cramp_episode_get_id (episode));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.edit-episode");
  gtk_widget_set_tooltip_text (row, _("Open this cramp"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return row;
}

static void
on_show_all_cb (GtkButton *button,
                gpointer   user_data)
{
  CrampFinding *finding = g_object_get_data (G_OBJECT (button), "finding");
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));

  gtk_window_present (GTK_WINDOW (cramp_evidence_window_new (window, finding)));
}

static void
add_show_all (GtkWidget    *row,
              CrampFinding *finding)
{
  /* Translators: opens the list of all the cramps of a warning sign */
  g_autofree char *label = g_strdup_printf (_("Show All %u"), cramp_finding_get_evidence (finding)->len);
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_bottom (button, 6);
  g_object_set_data_full (G_OBJECT (button), "finding", g_object_ref (finding), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_show_all_cb), NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), button);
}

/* The latest CRAMP_FINDING_EVIDENCE_SHOWN cramps that show @finding,
 * then Show All for the others: a sign shown by years of cramps is a
 * screenful of rows, not a row a cramp. Where the rule counts spans,
 * they come by span under its heading: the latest span, whole or its
 * latest cramps, and the spans before it that fit whole. */
static void
add_evidence (GtkWidget    *row,
              CrampFinding *finding)
{
  GPtrArray *evidence = cramp_finding_get_evidence (finding);
  guint n_groups = cramp_finding_get_n_groups (finding);
  g_autofree guint *taken = g_new0 (guint, n_groups + 1);
  guint first_group = n_groups, room = CRAMP_FINDING_EVIDENCE_SHOWN, shown;

  for (guint g = n_groups; g > 0 && room > 0; g--)
    {
      guint len = cramp_finding_get_group_evidence (finding, g - 1)->len;

      if (g < n_groups && len > room)
        break;
      first_group = g - 1;
      taken[first_group] = MIN (len, room);
      room -= taken[first_group];
    }
  shown = n_groups > 0 ? CRAMP_FINDING_EVIDENCE_SHOWN - room : MIN (evidence->len, CRAMP_FINDING_EVIDENCE_SHOWN);

  if (shown < evidence->len)
    {
      g_autofree char *said = cramp_finding_describe_shown (shown, evidence->len - shown);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), wrapped_label (said, "finding-text"));
    }

  if (n_groups == 0)
    for (guint i = evidence->len - shown; i < evidence->len; i++)
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), make_evidence_row (g_ptr_array_index (evidence, i)));

  for (guint g = first_group; g < n_groups; g++)
    {
      GPtrArray *group = cramp_finding_get_group_evidence (finding, g);
      GtkWidget *heading = wrapped_label (cramp_finding_get_group_label (finding, g), "finding-text");

      gtk_widget_add_css_class (heading, "heading");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), heading);
      for (guint i = group->len - taken[g]; i < group->len; i++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), make_evidence_row (g_ptr_array_index (group, i)));
    }

  if (shown < evidence->len)
    add_show_all (row, finding);
}

/* What a sign says inside its row: what it means, when it shows, the
 * cramps that show it and the sources. */
static void
fill_finding_row (GtkWidget    *row,
                  CrampFinding *finding)
{
  GtkWidget *explanation = wrapped_label (cramp_finding_get_explanation (finding), NULL);
  const char * const *sources = cramp_finding_get_sources (finding);
  g_autoptr(GString) cited = g_string_new (_("Sources: "));
  g_autofree char *rule = NULL;
  GtkWidget *rule_label;
  GtkWidget *sources_label;

  gtk_widget_add_css_class (explanation, "finding-text");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), explanation);

  /* when it shows, in plain words */
  rule = g_strdup_printf (_("Shown for: %s"), cramp_finding_get_rule (finding));
  rule_label = wrapped_label (rule, "finding-text");
  gtk_widget_add_css_class (rule_label, "dim-label");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), rule_label);

  add_evidence (row, finding);

  for (guint i = 0; sources[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (cited, ' ');
      g_string_append (cited, sources[i]);
    }
  sources_label = wrapped_label (cited->str, "finding-text");
  gtk_widget_add_css_class (sources_label, "caption");
  gtk_widget_add_css_class (sources_label, "dim-label");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), sources_label);
}

/* A sign's rows are made when it is first opened: made for every sign
 * at once, they were most of the time the window spent on a report. */
static void
on_finding_expanded_cb (GtkWidget  *row,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  if (!adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    return;

  g_signal_handlers_disconnect_by_func (row, on_finding_expanded_cb, user_data);
  fill_finding_row (row, g_object_get_data (G_OBJECT (row), "finding"));
}

static GtkWidget *
make_finding_row (CrampFinding *finding)
{
  GtkWidget *row = cramp_expander_row_new ();
  const char *css_class = NULL;
  const char *icon_name = severity_icon (cramp_finding_get_severity (finding), &css_class);
  /* the subtitle says how urgent it is */
  GtkWidget *icon = cramp_a11y_decorative_image_new (icon_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cramp_finding_get_title (finding));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 cramp_severity_get_label (cramp_finding_get_severity (finding)));
  gtk_widget_add_css_class (icon, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cramp_severity_get_label (cramp_finding_get_severity (finding)), -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

  g_object_set_data_full (G_OBJECT (row), "finding", g_object_ref (finding), g_object_unref);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_finding_expanded_cb), NULL);
  return row;
}

static void
fill_findings (CrampReportPage *self)
{
  GPtrArray *findings = self->analysis->findings;

  clear_list (self->findings_list);
  adw_preferences_group_set_description (self->findings_group, cramp_findings_disclaimer ());

  if (findings->len == 0)
    {
      GtkWidget *row = cramp_action_row_new ();
      GtkWidget *icon = cramp_a11y_decorative_image_new ("emblem-ok-symbolic");

      gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No pattern matches a warning sign"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("If something worries you, see a doctor all the same."));
      gtk_list_box_append (self->findings_list, row);
      return;
    }

  for (guint i = 0; i < findings->len; i++)
    gtk_list_box_append (self->findings_list, make_finding_row (g_ptr_array_index (findings, i)));
}

static void
add_share_row (GtkListBox *list,
               const char *title,
               guint       count,
               guint       total)
{
  GtkWidget *row = cramp_action_row_new ();
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, total);
  g_autofree char *share = g_strdup_printf (_("%u (%.0f %%)"), count, 100.0 * count / total);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), share);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), count);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 96, -1);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  gtk_list_box_append (list, row);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
}

static void
fill_muscles (CrampReportPage *self)
{
  CrampStats *stats = self->analysis->stats;

  clear_list (self->muscles_list);
  for (guint i = 0; i < cramp_vocab_size (CRAMP_VOCAB_MUSCLE); i++)
    if (stats->muscles[i] > 0)
      add_share_row (self->muscles_list, cramp_vocab_label (CRAMP_VOCAB_MUSCLE, i),
                     stats->muscles[i], stats->n_episodes);

  for (guint i = 1; i < cramp_vocab_size (CRAMP_VOCAB_SIDE); i++)
    if (stats->sides[i] > 0)
      {
        /* Translators: a side of the body, in the list of muscles and sides */
        g_autofree char *title = g_strdup_printf (_("Side: %s"), cramp_vocab_label (CRAMP_VOCAB_SIDE, i));
        add_share_row (self->muscles_list, title, stats->sides[i], stats->n_episodes);
      }
}

static void
fill_answers (CrampReportPage *self)
{
  g_autoptr(GPtrArray) answers = cramp_stats_answers (self->analysis->stats);

  clear_list (self->answers_list);
  for (guint i = 0; i < answers->len; i++)
    {
      CrampAnswer *item = g_ptr_array_index (answers, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      GtkWidget *question = wrapped_label (item->question, "heading");

      gtk_widget_add_css_class (box, "answer");
      gtk_box_append (GTK_BOX (box), question);
      gtk_box_append (GTK_BOX (box), wrapped_label (item->answer, NULL));
      append_static (self->answers_list, box);
    }
}

static void
fill_stretching (CrampReportPage *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  clear_list (self->stretching_list);
  gtk_widget_add_css_class (box, "answer");

  if (!self->analysis->has_stretching)
    gtk_box_append (GTK_BOX (box),
                    wrapped_label (_("No stretch is recorded yet. Turn on bedtime reminders in the preferences, "
                                     "or follow the stretches and press Done."), NULL));
  else
    {
      lines = cramp_stats_describe_stretching (&self->analysis->stretching);
      for (guint i = 0; i < lines->len; i++)
        gtk_box_append (GTK_BOX (box), wrapped_label (g_ptr_array_index (lines, i),
                                                      i == lines->len - 1 && lines->len > 1 ? "dim-label" : NULL));
    }

  append_static (self->stretching_list, box);
}

static void
on_did_it_cb (GtkSwitch  *toggle,
              GParamSpec *pspec,
              gpointer    user_data)
{
  CrampReportPage *self = user_data;
  const char *id = g_object_get_data (G_OBJECT (toggle), "experiment");
  gint64 night = cramp_session_get_last_night (self->session);
  g_autoptr(GError) error = NULL;

  if (!cramp_session_set_experiment_done (self->session, id, night, gtk_switch_get_active (toggle), &error))
    g_warning ("Cannot say it was done: %s", error->message);
}

static GtkWidget *
period_row (const char                  *label,
            const CrampExperimentPeriod *period)
{
  GtkWidget *row = cramp_action_row_new ();
  g_autoptr(GDateTime) first = cramp_time_night_start (period->first_night, 0);
  g_autoptr(GDateTime) last = cramp_time_night_start (MAX (period->last_night, period->first_night), 0);
  g_autofree char *first_text = cramp_format_date_short (first);
  g_autofree char *last_text = cramp_format_date_short (last);
  /* Translators: "Before, 4 Oct 2026 to 31 Oct 2026": a period and its nights */
  g_autofree char *title = g_strdup_printf (_("%s, %s to %s"), label, first_text, last_text);
  /* Translators: a period's figures */
  g_autofree char *figures = g_strdup_printf (_("%u cramps in %u logged nights"), period->cramps,
                                              period->logged_nights);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (!isnan (period->adherence))
    {
      /* Translators: a period's figures, then how often it was done */
      g_autofree char *done = g_strdup_printf (_("%s; done on %.0f %% of its nights"), figures,
                                               period->adherence * 100);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), done);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), figures);
  return row;
}

/* A row to forget @experiment with (win.remove-experiment, undone from
 * its toast). */
static GtkWidget *
remove_row (const CrampExperiment *experiment)
{
  GtkWidget *row = cramp_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Remove"));
  /* Translators: what the Remove button of an experiment says to a
   * screen reader; %s is its name */
  g_autofree char *label = g_strdup_printf (_("Remove the experiment “%s”"), experiment->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Remove This Experiment"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The cramps and nights stay in the diary"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.remove-experiment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", experiment->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* Each experiment: what it shows so far, its two periods, how long it
 * takes, for the kinds other than stretching whether it was done last
 * night, and a way to forget it. */
static void
fill_experiments (CrampReportPage *self)
{
  /* worked out with the period (cramp_analysis_new()) */
  GPtrArray *experiments = self->analysis->experiments;
  gint64 last_night = cramp_session_get_last_night (self->session);

  clear_list (self->experiments_list);
  if (experiments->len == 0)
    {
      append_static (self->experiments_list,
                     wrapped_label (_("No experiment yet. Try Something compares the nights of a change — "
                                      "stretching, magnesium, drinking more — with as many nights before it, and "
                                      "says first how long an honest answer takes."), "answer"));
      return;
    }

  for (guint i = 0; i < experiments->len; i++)
    {
      const CrampExperimentReport *report = g_ptr_array_index (experiments, i);
      const CrampExperiment *experiment = report->experiment;
      const CrampExperimentResult *result = &report->result;
      GtkWidget *row = cramp_expander_row_new ();
      g_autofree char *verdict = cramp_experiment_describe_verdict (experiment, result);
      g_autofree char *needed = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), experiment->name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), verdict);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), period_row (_("Before"), &result->baseline));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), period_row (_("During"), &result->trial));
      if ((needed = cramp_experiment_describe_needed (result)))
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), wrapped_label (needed, "answer"));
      if (result->n_weeks > 0)
        {
          GtkWidget *chart = cramp_chart_view_new_for_experiment (self->analysis, i);

          gtk_widget_add_css_class (chart, "experiment-chart");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), chart);
        }

      /* "Did it" for last night, while the trial runs */
      if (cramp_experiment_asks_done (experiment, last_night))
        {
          GtkWidget *did = cramp_action_row_new ();
          GtkWidget *toggle = gtk_switch_new ();
          gboolean was_done = cramp_session_get_experiment_done (self->session, experiment->id, last_night);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (did), _("Did It Last Night"));
          gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
          gtk_switch_set_active (GTK_SWITCH (toggle), was_done);
          g_object_set_data_full (G_OBJECT (toggle), "experiment", g_strdup (experiment->id), g_free);
          g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_did_it_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (did), toggle);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (did), toggle);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), did);
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row (experiment));
      gtk_list_box_append (self->experiments_list, row);
    }
  {
    GtkWidget *caveat = wrapped_label (cramp_experiment_caveat (), "answer");

    gtk_widget_add_css_class (caveat, "dim-label");
    append_static (self->experiments_list, caveat);
  }
}

/* Every section, from the analysis of the period. */
void
_cramp_report_page_fill (CrampReportPage *self)
{
  fill_summary (self);
  fill_findings (self);
  fill_outcomes (self);
  cramp_chart_view_set_analysis (self->weekly_chart, self->analysis);
  cramp_chart_view_set_analysis (self->hours_chart, self->analysis);
  fill_muscles (self);
  fill_answers (self);
  fill_stretching (self);
  fill_experiments (self);
  cramp_a11y_quiet_icons (GTK_WIDGET (self));
}
