/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "cramp-chart.h"

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
  return g_date_time_format (day, _("%b"));
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
  GArray *weeks;
  guint n_weeks, group, n_bars;
  double most = 0, top, step, bar_width, gap, last_label_end = -G_MAXDOUBLE;
  guint stride = 1;
  gboolean by_year;
  Rect plot;

  g_return_if_fail (cr != NULL && stats != NULL && style != NULL);

  if (stats->n_episodes == 0)
    {
      draw_no_data (cr, width, height, style);
      return;
    }

  weeks = stats->weeks_counts;
  n_weeks = weeks->len;

  /* how many bars fit: the axis labels of the busiest week leave room
   * for at least the bars of averaged weeks */
  for (guint i = 0; i < n_weeks; i++)
    most = MAX (most, g_array_index (weeks, CrampWeek, i).count);
  top = nice_scale (most, &step);
  plot = plot_area (cr, width, height, top, step, style);
  group = MAX (1, (guint) ceil (n_weeks * MIN_BAR_WIDTH / plot.width));
  n_bars = (n_weeks + group - 1) / group;
  most = 0;

  for (guint b = 0; b < n_bars; b++)
    {
      guint first = b * group, last = MIN (n_weeks, first + group), sum = 0;

      for (guint i = first; i < last; i++)
        sum += g_array_index (weeks, CrampWeek, i).count;
      most = MAX (most, (double) sum / (last - first));
    }

  top = nice_scale (most, &step);
  plot = plot_area (cr, width, height, top, step, style);
  draw_axis (cr, &plot, top, step, style);
  bar_width = plot.width / n_bars;
  gap = bar_width >= 2 * MIN_BAR_WIDTH ? bar_width * 0.2 : 0;
  by_year = n_weeks > 2 * 53;

  set_color (cr, &style->bar);
  for (guint b = 0; b < n_bars; b++)
    {
      guint first = b * group, last = MIN (n_weeks, first + group), sum = 0;

      for (guint i = first; i < last; i++)
        sum += g_array_index (weeks, CrampWeek, i).count;
      draw_bar (cr, &plot, plot.x + b * bar_width + gap / 2, bar_width - gap,
                (double) sum / (last - first), top);
    }

  /* a label under the first week of each month, or of every second,
   * third or sixth month when months are narrow; January says the year
   * when the period spans years. For long periods, the years alone. */
  if (!by_year)
    {
      static const guint strides[] = { 1, 2, 3, 6, 12 };
      double month_width = plot.width * 365.25 / 12 / 7 / n_weeks, widest = 0;

      for (guint m = 1; m <= 12; m++)
        {
          g_autofree char *label = week_label (m, 2000, n_weeks > 53);
          double w, h;

          text_size (cr, style, label, &w, &h);
          widest = MAX (widest, w);
        }
      for (guint k = 0; k < G_N_ELEMENTS (strides); k++)
        if ((stride = strides[k]) * month_width >= widest + 6)
          break;
    }

  for (guint i = 0; i < n_weeks; i++)
    {
      const GDate *monday = &g_array_index (weeks, CrampWeek, i).monday;
      GDate previous = *monday;
      g_autofree char *label = NULL;
      double x, label_w, label_h;

      g_date_subtract_days (&previous, 7);
      if (i > 0 && (by_year ? g_date_get_year (&previous) == g_date_get_year (monday)
                            : g_date_get_month (&previous) == g_date_get_month (monday)))
        continue;
      if (!by_year && (g_date_get_month (monday) - 1) % stride != 0)
        continue;

      label = by_year ? g_strdup_printf ("%u", g_date_get_year (monday))
                      : week_label (g_date_get_month (monday), g_date_get_year (monday), n_weeks > 53);
      text_size (cr, style, label, &label_w, &label_h);
      x = plot.x + (i / group) * bar_width;
      if (x < last_label_end + 4 || x + label_w > width)
        continue;

      draw_text (cr, style, label, x, plot.y + plot.height + 2, 0, 0);
      last_label_end = x + label_w;
    }
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
  double most = 0, top, step, bar_width, gap;
  Rect plot;

  g_return_if_fail (cr != NULL && stats != NULL && style != NULL);

  if (stats->n_episodes == 0)
    {
      draw_no_data (cr, width, height, style);
      return;
    }

  for (guint h = 0; h < 24; h++)
    most = MAX (most, stats->hours[h]);

  top = nice_scale (most, &step);
  plot = plot_area (cr, width, height, top, step, style);
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

  for (guint h = 0; h <= 24; h += 6)
    {
      g_autofree char *label = g_strdup_printf ("%02u:00", h % 24);

      draw_text (cr, style, label, plot.x + h * bar_width, plot.y + plot.height + 2,
                 h == 0 ? 0 : h == 24 ? 1 : 0.5, 0);
    }
}
