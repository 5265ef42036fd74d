/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "cramp-chart.h"
#include "cramp-format.h"

/*
 * The charts, drawn on any cairo_t: the on-screen widget, the printed
 * report and the PDF all call these, so what the user sees is what the
 * doctor gets. Text is laid out with Pango.
 */

typedef struct
{
  double x, y, width, height;
} Rect;

/* Bars narrower than this are merged, a bar then showing the average
 * week of the weeks it covers. */
#define MIN_BAR_WIDTH 3.0

void
cramp_chart_style_init_print (CrampChartStyle *style)
{
  style->text = (CrampColor) { 0, 0, 0, 1 };
  style->bar = (CrampColor) { 0.25, 0.25, 0.25, 1 };
  style->before = (CrampColor) { 0.65, 0.65, 0.65, 1 };
  /* opaque: a page with transparency reaches many printers as an image */
  style->grid = (CrampColor) { 0.75, 0.75, 0.75, 1 };
  style->night = (CrampColor) { 0.90, 0.90, 0.90, 1 };
  style->font = "Sans 8";
}

static void
set_color (cairo_t          *cr,
           const CrampColor *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

static PangoLayout *
make_layout (cairo_t               *cr,
             const CrampChartStyle *style,
             const char            *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

static void
text_size (cairo_t               *cr,
           const CrampChartStyle *style,
           const char            *text,
           double                *width,
           double                *height)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, style, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  *width = w;
  *height = h;
}

/* Draws @text with its anchor (0 left/top … 1 right/bottom) at x, y. */
static void
draw_text (cairo_t               *cr,
           const CrampChartStyle *style,
           const char            *text,
           double                 x,
           double                 y,
           double                 xalign,
           double                 yalign)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, style, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  set_color (cr, &style->text);
  cairo_move_to (cr, x - xalign * w, y - yalign * h);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_no_data (cairo_t               *cr,
              double                 width,
              double                 height,
              const CrampChartStyle *style)
{
  draw_text (cr, style, _("No cramps in this period."), width / 2, height / 2, 0.5, 0.5);
}

/* A round top for the y axis, with a step that gives at most 5 ticks. */
static double
nice_scale (double  max,
            double *step)
{
  static const double steps[] = { 1, 2, 5 };
  double magnitude = 1;

  if (max <= 0)
    max = 1;

  for (;;)
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          double candidate = steps[i] * magnitude;

          if (ceil (max / candidate) <= 5)
            {
              *step = candidate;
              return ceil (max / candidate) * candidate;
            }
        }
      magnitude *= 10;
    }
}

static char *
tick_label (double value)
{
  return g_strdup_printf ("%g", value);
}

/* The rectangle left for the bars once the axis labels have room. */
static Rect
plot_area (cairo_t               *cr,
           double                 width,
           double                 height,
           double                 top,
           double                 step,
           const CrampChartStyle *style)
{
  double label_w = 0, label_h = 0, widest = 0;
  Rect plot;

  for (double v = 0; v <= top + step / 2; v += step)
    {
      g_autofree char *label = tick_label (v);

      text_size (cr, style, label, &label_w, &label_h);
      widest = MAX (widest, label_w);
    }

  plot.x = widest + 6;
  plot.y = label_h / 2 + 1;
  plot.width = MAX (1, width - plot.x - 2);
  plot.height = MAX (1, height - plot.y - label_h - 4);
  return plot;
}

/* The horizontal grid lines, each with its value. */
static void
draw_axis (cairo_t               *cr,
           const Rect            *plot,
           double                 top,
           double                 step,
           const CrampChartStyle *style)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= top + step / 2; v += step)
    {
      g_autofree char *label = tick_label (v);
      double y = round (plot->y + plot->height - v / top * plot->height) + 0.5;

      set_color (cr, &style->grid);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);
      draw_text (cr, style, label, plot->x - 4, y, 1, 0.5);
    }
  cairo_restore (cr);
}

static void
draw_bar (cairo_t    *cr,
          const Rect *plot,
          double      x,
          double      width,
          double      value,
          double      top)
{
  double h = value / top * plot->height;

  if (h <= 0)
    return;

  cairo_rectangle (cr, x, plot->y + plot->height - h, width, h);
  cairo_fill (cr);
}

/* A month under the weekly chart; January, in a period of years, is
 * the year instead. */
static char *
week_label (GDateMonth month,
            GDateYear  year,
            gboolean   years)
{
  g_autoptr(GDateTime) day = NULL;

  if (years && month == G_DATE_JANUARY)
    return g_strdup_printf ("%u", year);

  day = g_date_time_new_utc (year, month, 1, 12, 0, 0);
  /* Translators: a month under the weekly chart, as strftime() writes it */
  return cramp_format_datetime (day, _("%b"));
}

/* Where the weekly chart's bars go: weeks are merged by @group into
 * @n_bars bars when they are too many for the width. */
typedef struct
{
  Rect   plot;
  double top, step, bar_width;
  guint  group, n_bars;
} WeeklyLayout;

static double
bar_average (GArray *weeks,
             guint   group,
             guint   bar)
{
  guint first = bar * group, last = MIN (weeks->len, first + group), sum = 0;

  for (guint i = first; i < last; i++)
    sum += g_array_index (weeks, CrampWeek, i).count;
  return (double) sum / (last - first);
}

static void
weekly_layout (cairo_t               *cr,
               double                 width,
               double                 height,
               CrampStats            *stats,
               const CrampChartStyle *style,
               WeeklyLayout          *layout)
{
  GArray *weeks = stats->weeks_counts;
  double most = 0;

  /* how many bars fit: the axis labels of the busiest week leave room
   * for at least the bars of averaged weeks */
  for (guint i = 0; i < weeks->len; i++)
    most = MAX (most, g_array_index (weeks, CrampWeek, i).count);
  layout->top = nice_scale (most, &layout->step);
  layout->plot = plot_area (cr, width, height, layout->top, layout->step, style);
  layout->group = MAX (1, (guint) ceil (weeks->len * MIN_BAR_WIDTH / layout->plot.width));
  layout->n_bars = (weeks->len + layout->group - 1) / layout->group;

  most = 0;
  for (guint b = 0; b < layout->n_bars; b++)
    most = MAX (most, bar_average (weeks, layout->group, b));
  layout->top = nice_scale (most, &layout->step);
  layout->plot = plot_area (cr, width, height, layout->top, layout->step, style);
  layout->bar_width = layout->plot.width / MAX (1, layout->n_bars);
}

static void
clear_label (gpointer data)
{
  g_free (((CrampChartLabel *) data)->text);
}

static GArray *
label_array_new (void)
{
  GArray *labels = g_array_new (FALSE, FALSE, sizeof (CrampChartLabel));

  g_array_set_clear_func (labels, clear_label);
  return labels;
}

/* Adds @text at @x (its anchor, @xalign of its width) unless it would
 * run into the label before it or off the chart. */
static void
add_label (GArray                *labels,
           cairo_t               *cr,
           const CrampChartStyle *style,
           char                  *text,
           double                 x,
           double                 xalign,
           double                 width)
{
  CrampChartLabel label = { text, 0, 0 };
  double h;

  text_size (cr, style, text, &label.width, &h);
  label.x = x - xalign * label.width;
  if (label.x < 0 || label.x + label.width > width ||
      (labels->len > 0 && label.x < g_array_index (labels, CrampChartLabel, labels->len - 1).x +
                                    g_array_index (labels, CrampChartLabel, labels->len - 1).width +
                                    CRAMP_CHART_LABEL_GAP))
    {
      g_free (text);
      return;
    }
  g_array_append_val (labels, label);
}

static void
draw_labels (cairo_t               *cr,
             const CrampChartStyle *style,
             GArray                *labels,
             double                 y)
{
  for (guint i = 0; i < labels->len; i++)
    {
      const CrampChartLabel *label = &g_array_index (labels, CrampChartLabel, i);

      draw_text (cr, style, label->text, label->x, y, 0, 0);
    }
}

/* The months under the weekly chart: under the first week of each
 * month, or of every second, third or sixth month when months are
 * narrow; January says the year when the period spans years. For long
 * periods, the years alone. The first week is named after the period's
 * first day, which may be a later day of that week. */
static GArray *
weekly_labels (cairo_t               *cr,
               double                 width,
               CrampStats            *stats,
               const CrampChartStyle *style,
               const WeeklyLayout    *layout)
{
  GArray *weeks = stats->weeks_counts;
  GArray *labels = label_array_new ();
  guint n_weeks = weeks->len;
  gboolean by_year = n_weeks > 2 * 53;
  guint stride = 1, last_month = 0, last_year = 0;
  GDate since;

  if (!by_year)
    {
      static const guint strides[] = { 1, 2, 3, 6, 12 };
      double month_width = layout->plot.width * 365.25 / 12 / 7 / n_weeks, widest = 0;

      for (guint m = 1; m <= 12; m++)
        {
          g_autofree char *label = week_label (m, 2000, n_weeks > 53);
          double w, h;

          text_size (cr, style, label, &w, &h);
          widest = MAX (widest, w);
        }
      for (guint k = 0; k < G_N_ELEMENTS (strides); k++)
        if ((stride = strides[k]) * month_width >= widest + CRAMP_CHART_LABEL_GAP)
          break;
    }

  cramp_time_get_date (stats->since, &since);

  for (guint i = 0; i < n_weeks; i++)
    {
      GDate day = g_array_index (weeks, CrampWeek, i).monday;
      guint month, year;

      if (i == 0 && g_date_compare (&since, &day) > 0)
        day = since;
      month = g_date_get_month (&day);
      year = g_date_get_year (&day);

      if (i > 0 && year == last_year && (by_year || month == last_month))
        continue;
      last_month = month;
      last_year = year;
      if (!by_year && (month - 1) % stride != 0)
        continue;

      add_label (labels, cr, style,
                 by_year ? g_strdup_printf ("%u", year) : week_label (month, year, n_weeks > 53),
                 layout->plot.x + (i / layout->group) * layout->bar_width, 0, width);
    }

  return labels;
}

/**
 * cramp_chart_weekly_labels:
 *
 * The labels under the weekly chart, left to right, where
 * cramp_chart_draw_weekly() draws them: none overlaps another or runs
 * off the chart.
 *
 * Returns: (transfer full) (element-type CrampChartLabel): the labels
 */
GArray *
cramp_chart_weekly_labels (cairo_t               *cr,
                           double                 width,
                           double                 height,
                           CrampStats            *stats,
                           const CrampChartStyle *style)
{
  WeeklyLayout layout;

  g_return_val_if_fail (cr != NULL && stats != NULL && style != NULL, NULL);

  if (stats->n_episodes == 0)
    return label_array_new ();

  weekly_layout (cr, width, height, stats, style, &layout);
  return weekly_labels (cr, width, stats, style, &layout);
}

/**
 * cramp_chart_draw_weekly:
 *
 * Cramps per week over the period, a bar a week (or, when the weeks are
 * too many for the width, a bar for the average week of a few weeks),
 * with the months under them.
 */
void
cramp_chart_draw_weekly (cairo_t               *cr,
                         double                 width,
                         double                 height,
                         CrampStats            *stats,
                         const CrampChartStyle *style)
{
  g_autoptr(GArray) labels = NULL;
  WeeklyLayout layout;
  double gap;

  g_return_if_fail (cr != NULL && stats != NULL && style != NULL);

  if (stats->n_episodes == 0)
    {
      draw_no_data (cr, width, height, style);
      return;
    }

  weekly_layout (cr, width, height, stats, style, &layout);
  draw_axis (cr, &layout.plot, layout.top, layout.step, style);
  gap = layout.bar_width >= 2 * MIN_BAR_WIDTH ? layout.bar_width * 0.2 : 0;

  set_color (cr, &style->bar);
  for (guint b = 0; b < layout.n_bars; b++)
    draw_bar (cr, &layout.plot, layout.plot.x + b * layout.bar_width + gap / 2, layout.bar_width - gap,
              bar_average (stats->weeks_counts, layout.group, b), layout.top);

  labels = weekly_labels (cr, width, stats, style, &layout);
  draw_labels (cr, style, labels, layout.plot.y + layout.plot.height + 2);
}

/**
 * cramp_chart_draw_experiment:
 *
 * Cramps in each week of @experiment so far: the baseline's weeks in
 * the style's "before" colour, the trial's in its bars' colour, a line
 * where the trial begins, and "Before" and "During" under them.
 */
void
cramp_chart_draw_experiment (cairo_t                     *cr,
                             double                       width,
                             double                       height,
                             const CrampExperiment       *experiment,
                             const CrampExperimentResult *result,
                             const CrampChartStyle       *style)
{
  guint n = result->n_weeks;
  double most = 0, top, step, bar_width, gap, start, line;
  Rect plot;

  g_return_if_fail (cr != NULL && experiment != NULL && result != NULL && style != NULL);

  if (n == 0)
    {
      draw_no_data (cr, width, height, style);
      return;
    }

  for (guint w = 0; w < n; w++)
    most = MAX (most, result->weeks[w]);
  top = nice_scale (most, &step);
  plot = plot_area (cr, width, height, top, step, style);
  draw_axis (cr, &plot, top, step, style);

  bar_width = plot.width / n;
  gap = bar_width >= 2 * MIN_BAR_WIDTH ? bar_width * 0.2 : 0;
  /* the baseline's weeks: as many days as the trial's */
  start = MIN ((double) experiment->days / 7, n);
  for (guint w = 0; w < n; w++)
    {
      set_color (cr, w + 0.5 < start ? &style->before : &style->bar);
      draw_bar (cr, &plot, plot.x + w * bar_width + gap / 2, bar_width - gap, result->weeks[w], top);
    }

  line = round (plot.x + start * bar_width) + 0.5;
  cairo_save (cr);
  set_color (cr, &style->text);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, line, plot.y);
  cairo_line_to (cr, line, plot.y + plot.height);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Translators: under the weeks of an experiment's baseline */
  draw_text (cr, style, C_("experiment chart", "Before"), plot.x, plot.y + plot.height + 2, 0, 0);
  if (start < n)
    /* Translators: under the weeks of an experiment's trial */
    draw_text (cr, style, C_("experiment chart", "During"), line + 3, plot.y + plot.height + 2, 0, 0);
}

/* Where the time-of-day chart's bars go, scaled to the busiest hour. */
static Rect
hours_plot (cairo_t               *cr,
            double                 width,
            double                 height,
            CrampStats            *stats,
            const CrampChartStyle *style,
            double                *top,
            double                *step)
{
  double most = 0;

  for (guint h = 0; h < 24; h++)
    most = MAX (most, stats->hours[h]);
  *top = nice_scale (most, step);
  return plot_area (cr, width, height, *top, *step, style);
}

/* The hours under the time-of-day chart: every six hours, or twelve,
 * or the ends alone, as their width allows. */
static GArray *
hours_labels (cairo_t               *cr,
              double                 width,
              const CrampChartStyle *style,
              const Rect            *plot)
{
  static const guint strides[] = { 6, 12, 24 };
  double bar_width = plot->width / 24;
  GArray *labels = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (strides); k++)
    {
      g_clear_pointer (&labels, g_array_unref);
      labels = label_array_new ();
      for (guint h = 0; h <= 24; h += strides[k])
        add_label (labels, cr, style, g_strdup_printf ("%02u:00", h % 24), plot->x + h * bar_width,
                   h == 0 ? 0 : h == 24 ? 1 : 0.5, width);
      if (labels->len == 24 / strides[k] + 1)
        break;
    }

  return labels;
}

/**
 * cramp_chart_hours_labels:
 *
 * The labels under the time-of-day chart, as cramp_chart_weekly_labels()
 * for the weekly one.
 *
 * Returns: (transfer full) (element-type CrampChartLabel): the labels
 */
GArray *
cramp_chart_hours_labels (cairo_t               *cr,
                          double                 width,
                          double                 height,
                          CrampStats            *stats,
                          const CrampChartStyle *style)
{
  double top, step;
  Rect plot;

  g_return_val_if_fail (cr != NULL && stats != NULL && style != NULL, NULL);

  if (stats->n_episodes == 0)
    return label_array_new ();

  plot = hours_plot (cr, width, height, stats, style, &top, &step);
  return hours_labels (cr, width, style, &plot);
}

/**
 * cramp_chart_draw_hours:
 *
 * Cramps by the hour they began, on the clock where each was logged,
 * with the night shaded.
 */
void
cramp_chart_draw_hours (cairo_t               *cr,
                        double                 width,
                        double                 height,
                        CrampStats            *stats,
                        const CrampChartStyle *style)
{
  g_autoptr(GArray) labels = NULL;
  double top, step, bar_width, gap;
  Rect plot;

  g_return_if_fail (cr != NULL && stats != NULL && style != NULL);

  if (stats->n_episodes == 0)
    {
      draw_no_data (cr, width, height, style);
      return;
    }

  plot = hours_plot (cr, width, height, stats, style, &top, &step);
  bar_width = plot.width / 24;
  gap = bar_width * 0.2;

  /* the night band goes under the grid and the bars */
  set_color (cr, &style->night);
  cairo_rectangle (cr, plot.x, plot.y, CRAMP_NIGHT_END_HOUR * bar_width, plot.height);
  cairo_rectangle (cr, plot.x + CRAMP_NIGHT_START_HOUR * bar_width, plot.y,
                   (24 - CRAMP_NIGHT_START_HOUR) * bar_width, plot.height);
  cairo_fill (cr);
  /* Translators: a label on the shaded night hours of a chart */
  draw_text (cr, style, _("night"), plot.x + 3, plot.y + 2, 0, 0);

  draw_axis (cr, &plot, top, step, style);

  set_color (cr, &style->bar);
  for (guint h = 0; h < 24; h++)
    draw_bar (cr, &plot, plot.x + h * bar_width + gap / 2, bar_width - gap, stats->hours[h], top);

  labels = hours_labels (cr, width, style, &plot);
  draw_labels (cr, style, labels, plot.y + plot.height + 2);
}
