/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "cramp-experiment.h"
#include "cramp-stats.h"

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} CrampColor;

/* The charts of the report. */
typedef enum
{
  CRAMP_CHART_WEEKLY,   /* cramps per week */
  CRAMP_CHART_HOURS,    /* cramps by hour of the day */
  CRAMP_CHART_EXPERIMENT, /* an experiment's cramps per week, before and during */
} CrampChartKind;

/* What a chart is drawn with. The screen passes the theme's colours, the
 * printed report greys that read in black and white. */
typedef struct
{
  CrampColor  text;
  CrampColor  bar;
  CrampColor  before;      /* an experiment's baseline, beside its trial's bars */
  CrampColor  grid;
  CrampColor  night;       /* the band behind the night hours */
  const char *font;        /* a Pango font description, such as "Cantarell 9" */
} CrampChartStyle;

/* A label under a chart's bars: its text, and where it goes. */
typedef struct
{
  char   *text;
  double  x;               /* its left edge */
  double  width;
} CrampChartLabel;

/* The least room between two labels. */
#define CRAMP_CHART_LABEL_GAP 6.0

void cramp_chart_style_init_print (CrampChartStyle *style);

void cramp_chart_draw_weekly      (cairo_t               *cr,
                                   double                 width,
                                   double                 height,
                                   CrampStats            *stats,
                                   const CrampChartStyle *style);
void cramp_chart_draw_hours       (cairo_t               *cr,
                                   double                 width,
                                   double                 height,
                                   CrampStats            *stats,
                                   const CrampChartStyle *style);

void cramp_chart_draw_experiment  (cairo_t                     *cr,
                                   double                       width,
                                   double                       height,
                                   const CrampExperiment       *experiment,
                                   const CrampExperimentResult *result,
                                   const CrampChartStyle       *style);

GArray *cramp_chart_weekly_labels (cairo_t               *cr,
                                   double                 width,
                                   double                 height,
                                   CrampStats            *stats,
                                   const CrampChartStyle *style);
GArray *cramp_chart_hours_labels  (cairo_t               *cr,
                                   double                 width,
                                   double                 height,
                                   CrampStats            *stats,
                                   const CrampChartStyle *style);

G_END_DECLS
