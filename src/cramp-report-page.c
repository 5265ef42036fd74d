/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-report-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cramp-a11y.h"
#include "cramp-format.h"
#include "cramp-report-page-private.h"
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

G_DEFINE_FINAL_TYPE (CrampReportPage, cramp_report_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_EMPTY,
  PROP_SESSION,
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

/* Shows @analysis, or why there is none. */
static void
show_analysis (CrampReportPage *self,
               CrampAnalysis   *analysis,
               const GError    *error)
{
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
      if (cramp_session_get_n_episodes (self->session) == 0)
        adw_status_page_set_description (self->empty_page,
                                         _("Once you have logged cramps, their patterns show here."));
      else
        adw_status_page_set_description (self->empty_page,
                                         _("The cramps in your diary are all outside this period. "
                                           "Choose a longer one to see them."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  _cramp_report_page_fill (self);
  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
on_analysed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CrampReportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  CrampAnalysis *analysis;

  analysis = cramp_session_analyse_finish (self->session, result, &error);
  /* a newer period is being worked out, or the page went */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->working_source, g_source_remove);
  gtk_spinner_stop (self->working_spinner);
  show_analysis (self, analysis, error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Only when the work takes more than a moment: no flash of a spinner. */
static gboolean
show_working_cb (gpointer user_data)
{
  CrampReportPage *self = user_data;

  self->working_source = 0;
  gtk_spinner_start (self->working_spinner);
  gtk_stack_set_visible_child_name (self->stack, "working");
  return G_SOURCE_REMOVE;
}

/* Works out the period chosen, in a worker thread; what was being worked
 * out for another is dropped. */
static void
refresh (CrampReportPage *self)
{
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  gboolean was_busy = self->cancellable != NULL;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->dirty = FALSE;
  if (self->session == NULL)
    return;

  read_period (self, &since, &until);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->working_source == 0 && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "working") != 0)
    self->working_source = g_timeout_add (150, show_working_cb, self);
  cramp_session_analyse_async (self->session, since, until, self->cancellable, on_analysed_cb, g_object_ref (self));
  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
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
on_diary_changed_cb (CrampReportPage *self)
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

  if (self->dirty || (self->analysis == NULL && self->cancellable == NULL))
    refresh (self);
}

static void
cramp_report_page_dispose (GObject *object)
{
  CrampReportPage *self = (CrampReportPage *) object;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->working_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRAMP_TYPE_REPORT_PAGE);
  /* GTK 4.8 unparents only the named children of a template */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->analysis, cramp_analysis_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cramp_report_page_parent_class)->dispose (object);
}

static void
cramp_report_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrampReportPage *self = CRAMP_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;

    case PROP_EMPTY:
      g_value_set_boolean (value, self->empty);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
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
    case PROP_SESSION:
      cramp_report_page_set_session (self, g_value_get_object (value));
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
   * CrampReportPage:busy:
   *
   * Whether the period chosen is being worked out, in a worker thread.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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
   * CrampReportPage:session: (nullable)
   *
   * The session whose diary the page reports on; set once.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CRAMP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRAMP_TYPE_CHART_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crampdiary/CrampDiary/cramp-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, custom_box);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, working_spinner);
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
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, outcomes_list);
  gtk_widget_class_bind_template_child (widget_class, CrampReportPage, experiments_list);
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

/**
 * cramp_report_page_set_session:
 *
 * Reports on the diary of @session, which is open; set once.
 */
void
cramp_report_page_set_session (CrampReportPage *self,
                               CrampSession    *session)
{
  g_return_if_fail (CRAMP_IS_REPORT_PAGE (self));
  g_return_if_fail (CRAMP_IS_SESSION (session) && cramp_session_has_diary (session));
  g_return_if_fail (self->session == NULL || self->session == session);

  if (self->session != NULL)
    return;

  self->session = g_object_ref (session);
  /* what the report shows: the cramps, the profile's medicines in the
   * findings, and the stretching */
  g_signal_connect_object (session, "changed::episodes", G_CALLBACK (on_diary_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "changed::profile", G_CALLBACK (on_diary_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "changed::stretches", G_CALLBACK (on_diary_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "changed::nights", G_CALLBACK (on_diary_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "changed::experiments", G_CALLBACK (on_diary_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * cramp_report_page_get_busy:
 *
 * Returns: whether the period chosen is being worked out
 */
gboolean
cramp_report_page_get_busy (CrampReportPage *self)
{
  g_return_val_if_fail (CRAMP_IS_REPORT_PAGE (self), FALSE);

  return self->cancellable != NULL;
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
