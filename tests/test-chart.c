/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "cramp-chart.h"
#include "cramp-test-utils.h"

/*
 * The charts are drawn on an image surface with pure colours and no
 * visible text or grid, and their geometry is read back from the pixels.
 */

#define WIDTH 480
#define HEIGHT 200

typedef struct
{
  int    first, last;    /* columns */
  int    height;         /* of the bar, in the middle column */
} Run;

static const CrampChartStyle test_style = {
  .text = { 0, 0, 0, 0 },
  .bar = { 1, 0, 0, 1 },
  .before = { 0, 1, 0, 1 },
  .grid = { 0, 0, 0, 0 },
  .night = { 0, 0, 1, 1 },
  .font = "Sans 8",
};

static gboolean
pixel_is (cairo_surface_t *surface,
          int              x,
          int              y,
          guint32          rgb)
{
  guint32 *row = (guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface));

  return (row[x] & 0xffffff) == rgb && (row[x] >> 24) == 0xff;
}

static int
count_in_column (cairo_surface_t *surface,
                 int              x,
                 guint32          rgb)
{
  int n = 0;

  for (int y = 0; y < HEIGHT; y++)
    n += pixel_is (surface, x, y, rgb);

  return n;
}

/* Runs of columns that hold some pixels of @rgb, left to right. */
static GArray *
find_runs (cairo_surface_t *surface,
           guint32          rgb)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));
  Run run = { -1, -1, 0 };

  for (int x = 0; x <= WIDTH; x++)
    {
      gboolean has = x < WIDTH && count_in_column (surface, x, rgb) > 0;

      if (has && run.first < 0)
        run.first = x;
      else if (!has && run.first >= 0)
        {
          run.last = x - 1;
          run.height = count_in_column (surface, (run.first + run.last) / 2, rgb);
          g_array_append_val (runs, run);
          run.first = -1;
        }
    }

  return runs;
}

/* Joins runs of @runs that only columns of @cover (a bar as high as the
 * band behind it) keep apart. */
static void
join_covered (cairo_surface_t *surface,
              GArray          *runs,
              guint32          cover)
{
  for (guint i = 0; i + 1 < runs->len;)
    {
      Run *a = &g_array_index (runs, Run, i);
      Run *b = &g_array_index (runs, Run, i + 1);
      gboolean covered = TRUE;

      for (int x = a->last + 1; x < b->first && covered; x++)
        covered = count_in_column (surface, x, cover) > 0;

      if (covered)
        {
          a->last = b->last;
          g_array_remove_index (runs, i + 1);
        }
      else
        i++;
    }
}

static cairo_surface_t *
draw (void (*renderer) (cairo_t *, double, double, CrampStats *, const CrampChartStyle *),
      CrampStats *stats)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  /* whole pixels, each of one colour */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  renderer (cr, WIDTH, HEIGHT, stats, &test_style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static CrampStats *
stats_of (const char * const *starts,
          const char         *since,
          const char         *until)
{
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) start = cramp_time_parse (since, NULL);
  g_autoptr(GDateTime) end = cramp_time_parse (until, NULL);

  for (guint i = 0; starts[i] != NULL; i++)
    g_ptr_array_add (episodes, cramp_test_episode (starts[i], CRAMP_MUSCLE_CALF));

  return cramp_stats_new (episodes, start, end, NULL, NULL);
}

static void
assert_ratio (int    a,
              int    b,
              double expected)
{
  /* within a pixel of rounding either way */
  g_assert_cmpfloat (fabs (a - expected * b), <=, 1.0 + expected);
}

static void
test_hours (void)
{
  const char *starts[] = {
    "2026-03-02T03:10:00+01:00", "2026-03-03T03:20:00+01:00", "2026-03-04T03:30:00+09:00",
    "2026-03-05T03:40:00-05:00",
    "2026-03-06T14:00:00+01:00", "2026-03-07T14:59:00+01:00",
    "2026-03-08T22:30:00+01:00",
    NULL,
  };
  g_autoptr(CrampStats) stats = stats_of (starts, "2026-03-01T00:00:00+01:00", "2026-03-31T00:00:00+01:00");
  cairo_surface_t *surface = draw (cramp_chart_draw_hours, stats);
  g_autoptr(GArray) bars = find_runs (surface, 0xff0000);
  g_autoptr(GArray) bands = find_runs (surface, 0x0000ff);
  Run *at3, *at14, *at22, *morning, *evening;
  double hour_width;

  join_covered (surface, bands, 0xff0000);

  /* three bars, for 03:00, 14:00 and 22:00, heights 4 : 2 : 1 */
  g_assert_cmpuint (bars->len, ==, 3);
  at3 = &g_array_index (bars, Run, 0);
  at14 = &g_array_index (bars, Run, 1);
  at22 = &g_array_index (bars, Run, 2);
  assert_ratio (at3->height, at14->height, 2.0);
  assert_ratio (at14->height, at22->height, 2.0);

  /* the night band: 00:00–06:00 on the left, 22:00–24:00 on the right */
  g_assert_cmpuint (bands->len, ==, 2);
  morning = &g_array_index (bands, Run, 0);
  evening = &g_array_index (bands, Run, 1);
  hour_width = (evening->last - morning->first + 1) / 24.0;
  assert_ratio (morning->last - morning->first + 1, evening->last - evening->first + 1, 3.0);
  g_assert_cmpint (at3->first, >, morning->first);
  g_assert_cmpint (at3->last, <, morning->last);
  g_assert_cmpint (at14->first, >, morning->last);
  g_assert_cmpint (at14->last, <, evening->first);
  g_assert_cmpint (at22->first, >=, evening->first);
  /* and the bars sit on their hours */
  g_assert_cmpfloat (fabs ((at3->first + at3->last) / 2.0 - morning->first - 3.5 * hour_width), <, hour_width / 2);
  g_assert_cmpfloat (fabs ((at14->first + at14->last) / 2.0 - morning->first - 14.5 * hour_width), <, hour_width / 2);

  cairo_surface_destroy (surface);
}

static void
test_weekly (void)
{
  const char *starts[] = {
    "2026-03-02T03:00:00+01:00", "2026-03-04T03:00:00+01:00",          /* week 1: 2 */
    "2026-03-10T03:00:00+01:00",                                        /* week 2: 1 */
    /* week 3: none */
    "2026-03-23T03:00:00+01:00", "2026-03-24T03:00:00+01:00",
    "2026-03-25T03:00:00+01:00", "2026-03-29T20:00:00+02:00",          /* week 4: 4 */
    NULL,
  };
  g_autoptr(CrampStats) stats = stats_of (starts, "2026-03-02T00:00:00+01:00", "2026-03-29T23:00:00+02:00");
  cairo_surface_t *surface = draw (cramp_chart_draw_weekly, stats);
  g_autoptr(GArray) bars = find_runs (surface, 0xff0000);
  Run *w1, *w2, *w4;

  g_assert_cmpuint (stats->weeks_counts->len, ==, 4);
  g_assert_cmpuint (bars->len, ==, 3);
  w1 = &g_array_index (bars, Run, 0);
  w2 = &g_array_index (bars, Run, 1);
  w4 = &g_array_index (bars, Run, 2);
  assert_ratio (w1->height, w2->height, 2.0);
  assert_ratio (w4->height, w2->height, 4.0);
  /* the empty third week leaves its place */
  assert_ratio (w4->first - w2->first, w2->first - w1->first, 2.0);

  cairo_surface_destroy (surface);
}

/* An experiment's weeks: the baseline's in the "before" colour, the
 * trial's in the bars', each in its place and to scale. */
static void
test_experiment (void)
{
  g_autoptr(CrampExperiment) experiment = cramp_experiment_new ("Magnesium", CRAMP_EXPERIMENT_SUPPLEMENT, 20500, 14);
  CrampExperimentResult result = { .n_weeks = 4, .weeks = { 2, 4, 1, 0 } };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) during = NULL;
  Run *b1, *b2, *d1;

  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cramp_chart_draw_experiment (cr, WIDTH, HEIGHT, experiment, &result, &test_style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  before = find_runs (surface, 0x00ff00);
  during = find_runs (surface, 0xff0000);

  /* two weeks before, 2 and 4 cramps; during, 1 and then none */
  g_assert_cmpuint (before->len, ==, 2);
  g_assert_cmpuint (during->len, ==, 1);
  b1 = &g_array_index (before, Run, 0);
  b2 = &g_array_index (before, Run, 1);
  d1 = &g_array_index (during, Run, 0);
  assert_ratio (b2->height, b1->height, 2.0);
  assert_ratio (b2->height, d1->height, 4.0);
  /* the third week's place, and room for a fourth after it */
  assert_ratio (d1->first - b1->first, b2->first - b1->first, 2.0);
  g_assert_cmpint (WIDTH - d1->last, >, d1->last - d1->first);

  cairo_surface_destroy (surface);
}

static void
test_weekly_many (void)
{
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) since = cramp_time_parse ("2020-01-06T00:00:00+00:00", NULL);
  g_autoptr(GDateTime) until = cramp_time_parse ("2025-12-28T00:00:00+00:00", NULL);
  g_autoptr(CrampStats) stats = NULL;
  cairo_surface_t *surface;
  g_autoptr(GArray) bars = NULL;

  /* six years, a cramp every day: ~310 weeks for 480 pixels */
  for (guint d = 0; d < 6 * 364; d++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (since, d);
      g_ptr_array_add (episodes, cramp_episode_new (when));
    }
  stats = cramp_stats_new (episodes, since, until, NULL, NULL);
  surface = draw (cramp_chart_draw_weekly, stats);
  bars = find_runs (surface, 0xff0000);

  /* the weeks are merged into bars of at least 3 pixels; every one of
   * them is a full week of 7 and stands as high as the others */
  g_assert_cmpuint (bars->len, >=, 1);
  for (guint i = 0; i < bars->len; i++)
    {
      Run *run = &g_array_index (bars, Run, i);
      g_assert_cmpint (run->height, ==, g_array_index (bars, Run, 0).height);
    }

  cairo_surface_destroy (surface);
}

/* Labels left to right, apart, and on the chart. */
static void
assert_labels_fit (GArray *labels,
                   double  width)
{
  for (guint i = 0; i < labels->len; i++)
    {
      const CrampChartLabel *label = &g_array_index (labels, CrampChartLabel, i);

      g_assert_cmpfloat (label->x, >=, 0);
      g_assert_cmpfloat (label->x + label->width, <=, width);
      if (i > 0)
        {
          const CrampChartLabel *before = &g_array_index (labels, CrampChartLabel, i - 1);

          g_assert_cmpfloat (before->x + before->width + CRAMP_CHART_LABEL_GAP, <=, label->x);
        }
    }
}

static char *
label_texts (GArray *labels)
{
  GString *texts = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (texts, "%s%s", i > 0 ? " " : "", g_array_index (labels, CrampChartLabel, i).text);
  return g_string_free (texts, FALSE);
}

/* At a phone's width, or with large text, the hours under the chart
 * thin out rather than run into each other ("00:0006:00"). */
static void
test_hours_labels (void)
{
  const char *starts[] = { "2026-03-02T03:10:00+01:00", "2026-03-06T14:00:00+01:00", NULL };
  g_autoptr(CrampStats) stats = stats_of (starts, "2026-03-01T00:00:00+01:00", "2026-03-31T00:00:00+01:00");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  const char *fonts[] = { "Sans 8", "Sans 11", "Sans 20" };
  guint wide = 0, thinned = 0;

  for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
    for (double width = 100; width <= 1400; width += 10)
      {
        CrampChartStyle style = test_style;
        g_autoptr(GArray) labels = NULL;
        g_autofree char *texts = NULL;

        style.font = fonts[f];
        labels = cramp_chart_hours_labels (cr, width, 150, stats, &style);
        assert_labels_fit (labels, width);
        texts = label_texts (labels);
        g_assert_true (g_str_has_prefix (texts, "00:00"));
        if (labels->len == 5)
          {
            g_assert_cmpstr (texts, ==, "00:00 06:00 12:00 18:00 00:00");
            wide++;
          }
        else
          {
            g_assert_true (g_str_equal (texts, "00:00 12:00 00:00") || g_str_equal (texts, "00:00 00:00") ||
                           g_str_equal (texts, "00:00"));
            thinned++;
          }
      }

  /* both happen across these widths */
  g_assert_cmpuint (wide, >, 0);
  g_assert_cmpuint (thinned, >, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The weekly chart names the months of the period, its first week
 * after the period's first day (a Tuesday in September, in a week that
 * began in August), and its labels never overlap. */
static void
test_weekly_labels (void)
{
  const char *starts[] = { "2026-09-02T03:00:00+02:00", "2026-10-14T03:00:00+02:00", "2026-11-20T03:00:00+01:00", NULL };
  g_autoptr(CrampStats) stats = stats_of (starts, "2026-09-01T00:00:00+02:00", "2026-11-30T00:00:00+01:00");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) labels = cramp_chart_weekly_labels (cr, WIDTH, HEIGHT, stats, &test_style);
  g_autofree char *texts = label_texts (labels);

  g_assert_cmpstr (texts, ==, "Sep Oct Nov");

  for (double width = 60; width <= 1400; width += 10)
    {
      g_autoptr(GArray) some = cramp_chart_weekly_labels (cr, width, HEIGHT, stats, &test_style);

      assert_labels_fit (some, width);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  const char *none[] = { NULL };
  g_autoptr(CrampStats) stats = stats_of (none, "2026-03-01T00:00:00+01:00", "2026-03-31T00:00:00+01:00");
  cairo_surface_t *weekly = draw (cramp_chart_draw_weekly, stats);
  cairo_surface_t *hours = draw (cramp_chart_draw_hours, stats);
  g_autoptr(GArray) weekly_bars = find_runs (weekly, 0xff0000);
  g_autoptr(GArray) hour_bars = find_runs (hours, 0xff0000);
  g_autoptr(GArray) bands = find_runs (hours, 0x0000ff);

  /* no empty axes: no bars, no band, a sentence instead */
  g_assert_cmpuint (weekly_bars->len, ==, 0);
  g_assert_cmpuint (hour_bars->len, ==, 0);
  g_assert_cmpuint (bands->len, ==, 0);

  cairo_surface_destroy (weekly);
  cairo_surface_destroy (hours);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/hours", test_hours);
  g_test_add_func ("/chart/weekly", test_weekly);
  g_test_add_func ("/chart/weekly/many-weeks", test_weekly_many);
  g_test_add_func ("/chart/experiment", test_experiment);
  g_test_add_func ("/chart/empty", test_empty);
  g_test_add_func ("/chart/labels/hours", test_hours_labels);
  g_test_add_func ("/chart/labels/weekly", test_weekly_labels);

  return g_test_run ();
}
