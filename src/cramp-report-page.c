/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-report-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cramp-a11y.h"
#include "cramp-chart-view.h"
#include "cramp-episode-row.h"
#include "cramp-format.h"
#include "cramp-report-page.h"
#include "cramp-stats-text.h"
#include "cramp-time.h"

/*
 * The patterns of a period: the numbers, the warning signs with the
 * cramps that show them, the charts, and the answers for the doctor. It
 * is worked out again when the period or the diary changes, while the
 * page is on screen.
 */

typedef enum
{
  PERIOD_30_DAYS,
  PERIOD_90_DAYS,
  PERIOD_YEAR,
  PERIOD_ALL,
  PERIOD_CUSTOM,
} Period;

/* At most this many cramps are listed under a warning sign. */

struct _CrampReportPage
{
  GtkWidget       parent_instance;

  GtkDropDown    *period_dropdown;
  GtkWidget      *custom_box;
  GtkMenuButton  *since_button;
  GtkMenuButton  *until_button;
  GtkCalendar    *since_calendar;
  GtkCalendar    *until_calendar;
  GtkLabel       *period_label;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkFlowBox     *summary_box;
  AdwPreferencesGroup *findings_group;
  GtkListBox     *findings_list;
  CrampChartView *weekly_chart;
  CrampChartView *hours_chart;
  GtkListBox     *muscles_list;
  GtkListBox     *answers_list;
  GtkListBox     *stretching_list;

  AdwStatusPage  *empty_page;

  CrampStore     *store;
  CrampAnalysis  *analysis;
  guint           refresh_source;
  gboolean        dirty;
  gboolean        empty;
};

G_DEFINE_FINAL_TYPE (CrampReportPage, cramp_report_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EMPTY,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_empty (CrampReportPage *self,
           gboolean         empty)
{
  if (self->empty == empty)
    return;

  self->empty = empty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

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
  GtkWidget *row = adw_action_row_new ();
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

static GtkWidget *
make_finding_row (CrampFinding *finding)
{
  GtkWidget *row = adw_expander_row_new ();
  const char *css_class = NULL;
  const char *icon_name = severity_icon (cramp_finding_get_severity (finding), &css_class);
  /* the subtitle says how urgent it is */
  GtkWidget *icon = cramp_a11y_decorative_image_new (icon_name);
  GtkWidget *explanation = wrapped_label (cramp_finding_get_explanation (finding), NULL);
  GPtrArray *evidence = cramp_finding_get_evidence (finding);
  const char * const *sources = cramp_finding_get_sources (finding);
  g_autoptr(GString) cited = g_string_new (_("Sources: "));
  g_autofree char *rule = NULL;
  GtkWidget *rule_label;
  GtkWidget *sources_label;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cramp_finding_get_title (finding));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), cramp_severity_get_label (cramp_finding_get_severity (finding)));
  gtk_widget_add_css_class (icon, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cramp_severity_get_label (cramp_finding_get_severity (finding)), -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

  gtk_widget_add_css_class (explanation, "finding-text");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), explanation);

  /* when it shows, in plain words */
  rule = g_strdup_printf (_("Shown for: %s"), cramp_finding_get_rule (finding));
  rule_label = wrapped_label (rule, "finding-text");
  gtk_widget_add_css_class (rule_label, "dim-label");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), rule_label);

  /* every cramp that shows it, by span where the rule counts spans */
  if (cramp_finding_get_n_groups (finding) == 0)
    for (guint i = 0; i < evidence->len; i++)
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), make_evidence_row (g_ptr_array_index (evidence, i)));

  for (guint g = 0; g < cramp_finding_get_n_groups (finding); g++)
    {
      GPtrArray *group = cramp_finding_get_group_evidence (finding, g);
      GtkWidget *heading = wrapped_label (cramp_finding_get_group_label (finding, g), "finding-text");

      gtk_widget_add_css_class (heading, "heading");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), heading);
      for (guint i = 0; i < group->len; i++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), make_evidence_row (g_ptr_array_index (group, i)));
    }

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
      GtkWidget *row = adw_action_row_new ();
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
  GtkWidget *row = adw_action_row_new ();
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
describe_period (CrampReportPage *self)
{
  g_autofree char *since = cramp_format_date_short (self->analysis->since);
  g_autofree char *until = cramp_format_date_short (self->analysis->until);
  /* Translators: the first and last day of the report's period */
  g_autofree char *text = g_strdup_printf (_("From %s to %s"), since, until);

  gtk_label_set_label (self->period_label, text);
}

static void
read_period (CrampReportPage  *self,
             GDateTime       **since,
             GDateTime       **until)
{
  static const int days[] = { 30, 90, 365 };
  Period period = gtk_drop_down_get_selected (self->period_dropdown);

  *since = NULL;
  *until = cramp_time_now ();

  if (period <= PERIOD_YEAR)
    *since = g_date_time_add_days (*until, -days[period]);
  else if (period == PERIOD_CUSTOM)
    {
      g_autoptr(GDateTime) first = gtk_calendar_get_date (self->since_calendar);
      g_autoptr(GDateTime) last = gtk_calendar_get_date (self->until_calendar);
      GDate first_day, last_day;

      cramp_time_get_date (first, &first_day);
      cramp_time_get_date (last, &last_day);
      if (g_date_compare (&first_day, &last_day) > 0)
        {
          GDate swap = first_day;
          first_day = last_day;
          last_day = swap;
        }

      g_date_time_unref (*until);
      *since = cramp_time_day_start (&first_day);
      *until = cramp_time_day_end (&last_day);
    }
}

static void
refresh (CrampReportPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  CrampAnalysis *analysis;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->dirty = FALSE;
  if (self->store == NULL)
    return;

  read_period (self, &since, &until);
  analysis = cramp_analysis_new (self->store, since, until, &error);
  if (analysis == NULL)
    {
      /* what there was is not shown as if it were the period chosen */
      g_clear_pointer (&self->analysis, cramp_analysis_unref);
      set_empty (self, FALSE);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_clear_pointer (&self->analysis, cramp_analysis_unref);
  self->analysis = analysis;

  describe_period (self);
  set_empty (self, analysis->episodes->len == 0);
  if (analysis->episodes->len == 0)
    {
      if (cramp_store_get_n_episodes (self->store) == 0)
        adw_status_page_set_description (self->empty_page,
                                         _("Once you have logged cramps, their patterns show here."));
      else
        adw_status_page_set_description (self->empty_page,
                                         _("The cramps in your diary are all outside this period. "
                                           "Choose a longer one to see them."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  fill_summary (self);
  fill_findings (self);
  cramp_chart_view_set_analysis (self->weekly_chart, analysis);
  cramp_chart_view_set_analysis (self->hours_chart, analysis);
  fill_muscles (self);
  fill_answers (self);
  fill_stretching (self);
  cramp_a11y_quiet_icons (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "report");
}

static gboolean
refresh_cb (gpointer user_data)
{
  CrampReportPage *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* The diary changed: work it out again soon if on screen, or when shown. */
static void
on_store_changed_cb (CrampReportPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }

  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (250, refresh_cb, self);
}

static void
on_period_changed_cb (CrampReportPage *self)
{
  gtk_widget_set_visible (self->custom_box,
                          gtk_drop_down_get_selected (self->period_dropdown) == PERIOD_CUSTOM);
  refresh (self);
}

/* A day after today becomes today: the diary holds no cramp yet to come. */
static gboolean
keep_to_today (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) chosen = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) today = cramp_time_now_local ();
  GDate chosen_day, today_day;

  cramp_time_get_date (chosen, &chosen_day);
  cramp_time_get_date (today, &today_day);
  if (g_date_compare (&chosen_day, &today_day) <= 0)
    return FALSE;

  /* which comes back here, with today */
  gtk_calendar_select_day (calendar, today);
  return TRUE;
}

static void
on_custom_changed_cb (CrampReportPage *self)
{
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *since_text = NULL;
  g_autofree char *until_text = NULL;

  if (keep_to_today (self->since_calendar) || keep_to_today (self->until_calendar))
    return;

  since = gtk_calendar_get_date (self->since_calendar);
  until = gtk_calendar_get_date (self->until_calendar);
  since_text = cramp_format_date_short (since);
  until_text = cramp_format_date_short (until);

  gtk_menu_button_set_label (self->since_button, since_text);
  gtk_menu_button_set_label (self->until_button, until_text);
  if (gtk_drop_down_get_selected (self->period_dropdown) == PERIOD_CUSTOM)
    refresh (self);
}

static void
cramp_report_page_map (GtkWidget *widget)
{
  CrampReportPage *self = CRAMP_REPORT_PAGE (widget);

  GTK_WIDGET_CLASS (cramp_report_page_parent_class)->map (widget);

  if (self->dirty || self->analysis == NULL)
    refresh (self);
}

static void
cramp_report_page_dispose (GObject *object)
{
  CrampReportPage *self = (CrampReportPage *) object;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRAMP_TYPE_REPORT_PAGE);
  /* GTK 4.8 unparents only the named children of a template */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->analysis, cramp_analysis_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cramp_report_page_parent_class)->dispose (object);
}

static void set_store (CrampReportPage *self,
                       CrampStore      *store);

static void
cramp_report_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrampReportPage *self = CRAMP_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_EMPTY:
      g_value_set_boolean (value, self->empty);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_report_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrampReportPage *self = CRAMP_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_report_page_class_init (CrampReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cramp_report_page_dispose;
  object_class->get_property = cramp_report_page_get_property;
  object_class->set_property = cramp_report_page_set_property;
  widget_class->map = cramp_report_page_map;

  /**
   * CrampReportPage:empty:
   *
   * Whether the period shown holds no cramp: there is no report to
   * print or save.
   */
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CrampReportPage:store: (nullable)
   *
   * The diary the page reports on, as the session has it.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRAMP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRAMP_TYPE_CHART_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crampdiary/CrampDiary/cramp-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, custom_box);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, since_button);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, until_button);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, since_calendar);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, until_calendar);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, findings_group);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, findings_list);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, weekly_chart);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, hours_chart);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, muscles_list);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, answers_list);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, stretching_list);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_changed_cb);
}

static void
cramp_report_page_init (CrampReportPage *self)
{
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) today = cramp_time_now_local ();
  g_autoptr(GDateTime) month_ago = g_date_time_add_months (today, -1);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (periods, _("Last 30 Days"));
  gtk_string_list_append (periods, _("Last 90 Days"));
  gtk_string_list_append (periods, _("Last Year"));
  gtk_string_list_append (periods, _("Whole Diary"));
  gtk_string_list_append (periods, _("Choose Days…"));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));
  cramp_a11y_name_drop_down (self->period_dropdown, _("Period of the report"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Report"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Summary"), -1);
  gtk_drop_down_set_selected (self->period_dropdown, PERIOD_90_DAYS);

  gtk_calendar_select_day (self->since_calendar, month_ago);
  gtk_calendar_select_day (self->until_calendar, today);
  on_custom_changed_cb (self);
}

/* The diary it reports on; without one (it could not be opened), nothing. */
static void
set_store (CrampReportPage *self,
           CrampStore      *store)
{
  if (store == NULL || !g_set_object (&self->store, store))
    return;

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * cramp_report_page_get_analysis:
 *
 * Returns: (transfer none) (nullable): the period shown
 */
CrampAnalysis *
cramp_report_page_get_analysis (CrampReportPage *self)
{
  g_return_val_if_fail (CRAMP_IS_REPORT_PAGE (self), NULL);

  return self->analysis;
}
