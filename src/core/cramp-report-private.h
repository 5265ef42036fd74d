/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "cramp-chart.h"
#include "cramp-report.h"

G_BEGIN_DECLS

/* The report is a flow of blocks, laid out on pages top to bottom. */
typedef enum
{
  BLOCK_TEXT,
  BLOCK_PAIR,       /* a label and its value, side by side */
  BLOCK_CHART,
  BLOCK_ROW,        /* a row of the table of cramps */
  BLOCK_SPACE,
} BlockKind;

typedef enum
{
  STYLE_TITLE,
  STYLE_HEADING,
  STYLE_SUBHEADING,
  STYLE_BODY,
  STYLE_SMALL,
  STYLE_CELL,
  STYLE_CELL_HEADER,
  N_STYLES
} BlockStyle;

#define N_COLUMNS 10

typedef struct
{
  BlockKind   kind;
  BlockStyle  style;
  char       *text;                /* TEXT, PAIR's label */
  char       *value;               /* PAIR */
  char       *cells[N_COLUMNS];    /* ROW */
  CrampChartKind chart;
  double      space;               /* SPACE, or a chart's height */
  gboolean    keep_with_next;      /* headings stay with what follows */
  gboolean    header_row;          /* the table's header, repeated on each page */

  /* the layout, once measured */
  PangoLayout *layout;
  PangoLayout *value_layout;
  PangoLayout *cell_layouts[N_COLUMNS];
  double       height;
} Block;

struct _CrampReport
{
  CrampAnalysis      *analysis;
  CrampReportOptions  options;
  GDateTime          *made_at;
  GPtrArray          *blocks;      /* Block */
  GArray             *pages;       /* Page */
  char               *footer;
  double              column_widths[N_COLUMNS];
  guint               n_columns;
  Block              *table_header;
};

void _cramp_report_add_content (CrampReport *self);

Block *_cramp_report_add_text  (CrampReport *self,
                                BlockStyle   style,
                                const char  *text);
void   _cramp_report_add_pair  (CrampReport *self,
                                const char  *label,
                                const char  *value);
void   _cramp_report_add_space (CrampReport *self,
                                double       points);
void   _cramp_report_add_chart (CrampReport    *self,
                                CrampChartKind  chart);
Block *_cramp_report_add_row   (CrampReport *self,
                                char       **cells);

G_END_DECLS
