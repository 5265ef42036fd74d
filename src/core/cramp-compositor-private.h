/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "cramp-compositor.h"

G_BEGIN_DECLS

#define MARGIN_SIDE   50.0
#define MARGIN_TOP    50.0
#define MARGIN_BOTTOM 64.0
#define CELL_PADDING  3.0
#define CELL_FONT        "Sans 7"
#define CELL_HEADER_FONT "Sans Bold 7"
/* a pair: the label's share of the width, and where the value begins */
#define PAIR_LABEL_SHARE 0.34
#define PAIR_VALUE_START 0.36

typedef enum
{
  BLOCK_TEXT,
  BLOCK_PAIR,       /* a label and its value, side by side */
  BLOCK_FIGURE,
  BLOCK_ROW,        /* a row of a table */
  BLOCK_SPACE,
  BLOCK_BREAK,      /* what follows begins a page */
} BlockKind;

typedef struct _Block Block;

typedef struct
{
  guint   n_columns;
  double *shares;   /* of the content's width, as asked: they add up to 1 */
  double *widths;   /* as laid out: no column narrower than its widest word */
  Block  *header;   /* repeated on each page the table continues on */
} Table;

struct _Block
{
  BlockKind       kind;
  CrampTextStyle  style;
  char           *text;            /* TEXT, PAIR's label */
  char           *value;           /* PAIR */
  char          **cells;           /* ROW */
  Table          *table;           /* ROW */
  CrampCompositorDrawFunc draw;    /* FIGURE */
  gpointer        user_data;
  double          space;           /* SPACE, or a figure's height */
  gboolean        keep_with_next;

  /* once measured */
  PangoLayout    *layout;
  PangoLayout    *value_layout;
  PangoLayout   **cell_layouts;
  double          height;
};

typedef struct
{
  Block *block;
  double y;            /* top of the block on the page */
  int    first_line;   /* a piece of a paragraph: lines [first, first + n) */
  int    n_lines;      /* -1: the whole block */
} Placement;

struct _CrampCompositor
{
  double     page_width;
  double     page_height;
  GPtrArray *blocks;   /* Block */
  GPtrArray *tables;   /* Table */
  Table     *table;    /* the one rows are added to */
  GPtrArray *pages;    /* GArray of Placement */
  char      *footer;
};

typedef struct
{
  const char *font;
  double      space_before;
  double      grey;
} CrampTextStyleInfo;

extern const CrampTextStyleInfo _cramp_text_styles[];

PangoLayout *_cramp_compositor_make_layout        (PangoContext    *context,
                                                  const char      *font_name,
                                                  const char      *text,
                                                  double           width);
double       _cramp_compositor_content_bottom     (CrampCompositor *self);
void         _cramp_compositor_clear_cell_layouts (Block           *block);
void         _cramp_compositor_make_cell_layouts  (PangoContext    *context,
                                                  Block           *block);
PangoContext *_cramp_compositor_make_context      (cairo_t         *cr);

G_END_DECLS
