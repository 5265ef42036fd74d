/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-chart-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-a11y.h"
#include "cramp-chart.h"
#include "cramp-chart-view.h"
#include "cramp-enums.h"
#include "cramp-stats-text.h"

/*
 * A chart on screen: the renderer of src/core/cramp-chart.c, in the
 * theme's colours, exposed to assistive technologies as an image with a
 * name and a description that says what the chart shows, in numbers.
 */

struct _CrampChartView
{
  GtkWidget       parent_instance;

  CrampAnalysis  *analysis;
  CrampChartKind  kind;
  guint           experiment;   /* for CRAMP_CHART_EXPERIMENT: its index */
};

G_DEFINE_FINAL_TYPE (CrampChartView, cramp_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CrampColor
to_color (const GdkRGBA *rgba,
          double         alpha)
{
  return (CrampColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };
}

static void
cramp_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CrampChartView *self = CRAMP_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  /* GTK 4.8 has no gtk_widget_get_color() yet */
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  PangoFontDescription *font;
  g_autofree char *font_name = NULL;
  CrampChartStyle style;
  GdkRGBA fg, accent;
  cairo_t *cr;

  if (self->analysis == NULL || width <= 0 || height <= 0)
    return;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = fg;

  font = pango_font_description_copy (pango_context_get_font_description (gtk_widget_get_pango_context (widget)));
  pango_font_description_set_size (font, pango_font_description_get_size (font) * 0.85);
  font_name = pango_font_description_to_string (font);
  pango_font_description_free (font);

  style.text = to_color (&fg, 0.7);
  style.bar = to_color (&accent, 1);
  style.before = to_color (&accent, 0.4);
  style.grid = to_color (&fg, 0.12);
  style.night = to_color (&fg, 0.07);
  style.font = font_name;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->kind == CRAMP_CHART_WEEKLY)
    cramp_chart_draw_weekly (cr, width, height, self->analysis->stats, &style);
  else if (self->kind == CRAMP_CHART_HOURS)
    cramp_chart_draw_hours (cr, width, height, self->analysis->stats, &style);
  else
    {
      const CrampExperimentReport *report = g_ptr_array_index (self->analysis->experiments, self->experiment);

      cramp_chart_draw_experiment (cr, width, height, report->experiment, &report->result, &style);
    }
  cairo_destroy (cr);
}

static void
cramp_chart_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
    }
  else
    {
      CrampChartView *self = CRAMP_CHART_VIEW (widget);

      *minimum = self->kind == CRAMP_CHART_EXPERIMENT ? 130 : 150;
      *natural = self->kind == CRAMP_CHART_EXPERIMENT ? 150 : 190;
    }
}

static void
cramp_chart_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrampChartView *self = CRAMP_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_chart_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrampChartView *self = CRAMP_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_chart_view_dispose (GObject *object)
{
  CrampChartView *self = (CrampChartView *) object;

  g_clear_pointer (&self->analysis, cramp_analysis_unref);

  G_OBJECT_CLASS (cramp_chart_view_parent_class)->dispose (object);
}

static void
cramp_chart_view_class_init (CrampChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cramp_chart_view_dispose;
  object_class->get_property = cramp_chart_view_get_property;
  object_class->set_property = cramp_chart_view_set_property;
  widget_class->snapshot = cramp_chart_view_snapshot;
  widget_class->measure = cramp_chart_view_measure;

  /**
   * CrampChartView:kind:
   *
   * Which chart it draws: "weekly" (cramps per week), "hours" (by hour
   * of the day) or "experiment" (cramps per week before and during one,
   * cramp_chart_view_new_for_experiment()).
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CRAMP_TYPE_CHART_KIND, CRAMP_CHART_WEEKLY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cramp_chart_view_init (CrampChartView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart"), -1);
}

/**
 * cramp_chart_view_set_analysis:
 *
 * Shows the chart of @analysis, and describes it in words for screen
 * readers.
 */
void
cramp_chart_view_set_analysis (CrampChartView *self,
                               CrampAnalysis  *analysis)
{
  g_autofree char *description = NULL;

  g_return_if_fail (CRAMP_IS_CHART_VIEW (self));

  g_clear_pointer (&self->analysis, cramp_analysis_unref);
  self->analysis = analysis ? cramp_analysis_ref (analysis) : NULL;

  if (analysis != NULL && self->kind == CRAMP_CHART_WEEKLY)
    description = cramp_stats_describe_weeks (analysis->stats);
  else if (analysis != NULL && self->kind == CRAMP_CHART_HOURS)
    description = cramp_stats_describe_hours (analysis->stats);
  else if (analysis != NULL)
    {
      const CrampExperimentReport *report = g_ptr_array_index (analysis->experiments, self->experiment);

      description = cramp_experiment_describe_weeks (report->experiment, &report->result);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->kind == CRAMP_CHART_WEEKLY ? _("Chart of cramps per week")
                                  : self->kind == CRAMP_CHART_HOURS ? _("Chart of cramps by hour of the day")
                                  : _("Chart of cramps per week, before and during"),
                                  -1);
  cramp_a11y_set_description (GTK_WIDGET (self), description ? description : "");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cramp_chart_view_new_for_experiment:
 * @index: which of @analysis' experiments
 *
 * Returns: (transfer floating): the chart of one experiment's weeks
 */
GtkWidget *
cramp_chart_view_new_for_experiment (CrampAnalysis *analysis,
                                     guint          index)
{
  CrampChartView *self;

  g_return_val_if_fail (analysis != NULL && index < analysis->experiments->len, NULL);

  self = g_object_new (CRAMP_TYPE_CHART_VIEW, "kind", CRAMP_CHART_EXPERIMENT, NULL);
  self->experiment = index;
  cramp_chart_view_set_analysis (self, analysis);
  return GTK_WIDGET (self);
}
