/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-report"
#define _GNU_SOURCE   /* _NL_PAPER_WIDTH */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <stdint.h>

#include "cramp-chart.h"
#include "cramp-file.h"
#include "cramp-report-private.h"

/*
 * The report for the doctor, laid out as pages on any cairo_t: the print
 * dialog's, a PDF surface for "Save as PDF" and the command line. The
 * content (cramp-report-content.c) is a flow of blocks; here they are
 * measured with Pango, cut into pages — a paragraph longer than the room
 * left continues on the next page, headings stay with what follows, the
 * table's header is repeated on every page it continues on — and drawn,
 * with "page X of Y" and the disclaimer in every footer.
 */

#define MARGIN_SIDE   50.0
#define MARGIN_TOP    50.0
#define MARGIN_BOTTOM 64.0
#define CELL_PADDING  3.0

typedef struct
{
  Block *block;
  double y;            /* top of the block on the page */
  int    first_line;   /* a piece of a paragraph: lines [first, first + n) */
  int    n_lines;      /* -1: the whole block */
} Placement;

typedef struct
{
  GArray *placements;  /* Placement */
} Page;

static const struct
{
  const char *font;
  double      space_before;
  double      grey;
} styles[N_STYLES] = {
  [STYLE_TITLE] = { "Sans Bold 17", 0, 0 },
  [STYLE_HEADING] = { "Sans Bold 12.5", 18, 0 },
  [STYLE_SUBHEADING] = { "Sans Bold 9.5", 9, 0 },
  [STYLE_BODY] = { "Sans 9.5", 2, 0 },
  [STYLE_SMALL] = { "Sans 7.5", 2, 0.35 },
  [STYLE_CELL] = { "Sans 7", 0, 0 },
  [STYLE_CELL_HEADER] = { "Sans Bold 7", 0, 0 },
};

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block->value);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_free (block->cells[i]);
      g_clear_object (&block->cell_layouts[i]);
    }
  g_clear_object (&block->layout);
  g_clear_object (&block->value_layout);
  g_free (block);
}

static void
page_clear (gpointer data)
{
  Page *page = data;

  g_clear_pointer (&page->placements, g_array_unref);
}

/**
 * cramp_report_paper_of_locale:
 *
 * The paper of the user's locale: Letter in the Americas, A4 elsewhere.
 */
void
cramp_report_paper_of_locale (double *width,
                              double *height)
{
  int width_mm = (int) (intptr_t) nl_langinfo (_NL_PAPER_WIDTH);
  int height_mm = (int) (intptr_t) nl_langinfo (_NL_PAPER_HEIGHT);

  if (width_mm <= 0 || height_mm <= 0)
    {
      width_mm = 210;
      height_mm = 297;
    }

  *width = width_mm / 25.4 * 72;
  *height = height_mm / 25.4 * 72;
}

void
cramp_report_options_init (CrampReportOptions *options)
{
  cramp_report_paper_of_locale (&options->page_width, &options->page_height);
  options->findings = TRUE;
  options->answers = TRUE;
  options->charts = TRUE;
  options->profile = TRUE;
  options->stretches = TRUE;
  options->table = TRUE;
  options->notes = TRUE;
}

static Block *
add_block (CrampReport *self,
           BlockKind    kind,
           BlockStyle   style)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->style = style;
  block->keep_with_next = style == STYLE_TITLE || style == STYLE_HEADING || style == STYLE_SUBHEADING;
  g_ptr_array_add (self->blocks, block);
  return block;
}

Block *
_cramp_report_add_text (CrampReport *self,
                        BlockStyle   style,
                        const char  *text)
{
  Block *block = add_block (self, BLOCK_TEXT, style);

  block->text = g_strdup (text);
  return block;
}

void
_cramp_report_add_pair (CrampReport *self,
                        const char  *label,
                        const char  *value)
{
  Block *block = add_block (self, BLOCK_PAIR, STYLE_BODY);

  block->text = g_strdup (label);
  block->value = g_strdup (value);
}

void
_cramp_report_add_space (CrampReport *self,
                         double       points)
{
  add_block (self, BLOCK_SPACE, STYLE_BODY)->space = points;
}

void
_cramp_report_add_chart (CrampReport    *self,
                         CrampChartKind  chart)
{
  Block *block = add_block (self, BLOCK_CHART, STYLE_BODY);

  block->chart = chart;
  block->space = 150;
  /* with the sentence under it that says what it shows */
  block->keep_with_next = TRUE;
}

/**
 * _cramp_report_add_row:
 * @cells: (transfer full): the cells, N_COLUMNS of them
 */
Block *
_cramp_report_add_row (CrampReport  *self,
                       char        **cells)
{
  Block *block = add_block (self, BLOCK_ROW, STYLE_CELL);

  for (guint i = 0; i < N_COLUMNS; i++)
    block->cells[i] = cells[i];
  return block;
}

/**
 * cramp_report_new:
 * @made_at: when the report is made, printed in its header
 *
 * Returns: (transfer full): the report of @analysis, not yet laid out
 */
CrampReport *
cramp_report_new (CrampAnalysis            *analysis,
                  const CrampReportOptions *options,
                  GDateTime                *made_at)
{
  CrampReport *self;

  g_return_val_if_fail (analysis != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (made_at != NULL, NULL);

  self = g_new0 (CrampReport, 1);
  self->analysis = cramp_analysis_ref (analysis);
  self->options = *options;
  self->made_at = g_date_time_ref (made_at);
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (self->pages, page_clear);

  _cramp_report_add_content (self);

  return self;
}

void
cramp_report_free (CrampReport *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->analysis, cramp_analysis_unref);
  g_clear_pointer (&self->made_at, g_date_time_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->footer, g_free);
  g_free (self);
}

static double
content_width (CrampReport *self)
{
  return self->options.page_width - 2 * MARGIN_SIDE;
}

static double
content_bottom (CrampReport *self)
{
  return self->options.page_height - MARGIN_BOTTOM;
}

static PangoLayout *
make_layout (PangoContext *context,
             BlockStyle    style,
             const char   *text,
             double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (styles[style].font);

  PangoAttrList *attributes = pango_attr_list_new ();

  /* a word too long for its column breaks without a hyphen, which a
   * doctor could read as part of a drug's name */
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_font_description_free (font);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
measure (CrampReport  *self,
         PangoContext *context,
         Block        *block)
{
  double width = content_width (self);

  switch (block->kind)
    {
    case BLOCK_TEXT:
      g_set_object (&block->layout, NULL);
      block->layout = make_layout (context, block->style, block->text, width);
      block->height = layout_height (block->layout);
      break;

    case BLOCK_PAIR:
      g_set_object (&block->layout, NULL);
      g_set_object (&block->value_layout, NULL);
      block->layout = make_layout (context, STYLE_SUBHEADING, block->text, width * 0.34);
      block->value_layout = make_layout (context, STYLE_BODY, block->value, width * 0.64);
      block->height = MAX (layout_height (block->layout), layout_height (block->value_layout)) + 3;
      break;

    case BLOCK_ROW:
      block->height = 0;
      for (guint i = 0; i < self->n_columns; i++)
        {
          g_set_object (&block->cell_layouts[i], NULL);
          block->cell_layouts[i] = make_layout (context, block->header_row ? STYLE_CELL_HEADER : STYLE_CELL,
                                                block->cells[i], self->column_widths[i] - 2 * CELL_PADDING);
          block->height = MAX (block->height, layout_height (block->cell_layouts[i]));
        }
      block->height += 2 * CELL_PADDING;
      break;

    case BLOCK_CHART:
    case BLOCK_SPACE:
    default:
      block->height = block->space;
      break;
    }
}

static double
space_before (Block *block)
{
  return block->kind == BLOCK_TEXT ? styles[block->style].space_before : 0;
}

/* The top of each line of a paragraph, and the top after the last. */
static GArray *
line_tops (PangoLayout *layout)
{
  GArray *tops = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle logical;
  double top;

  do
    {
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      g_array_append_val (tops, top);
    }
  while (pango_layout_iter_next_line (iter));

  top = layout_height (layout);
  g_array_append_val (tops, top);
  pango_layout_iter_free (iter);
  return tops;
}

static Page *
new_page (CrampReport *self)
{
  Page page = { g_array_new (FALSE, FALSE, sizeof (Placement)) };

  g_array_append_val (self->pages, page);
  return &g_array_index (self->pages, Page, self->pages->len - 1);
}

static void
place (Page   *page,
       Block  *block,
       double  y,
       int     first_line,
       int     n_lines)
{
  Placement placement = { block, y, first_line, n_lines };

  g_array_append_val (page->placements, placement);
}

static gboolean
last_is_row (Page *page)
{
  return page->placements->len > 0 &&
         g_array_index (page->placements, Placement, page->placements->len - 1).block->kind == BLOCK_ROW;
}

/* What must fit with block @index: a heading keeps the first line of the
 * next block with it, a chart its caption, and so on down the chain. */
static double
needed (CrampReport *self,
        guint        index)
{
  Block *block = g_ptr_array_index (self->blocks, index);
  Block *next;
  double first;

  if (!block->keep_with_next || index + 1 >= self->blocks->len)
    return block->height;

  next = g_ptr_array_index (self->blocks, index + 1);
  if (next->keep_with_next)
    first = needed (self, index + 1);
  else if (next->kind == BLOCK_TEXT)
    {
      g_autoptr(GArray) tops = line_tops (next->layout);
      first = g_array_index (tops, double, 1);
    }
  else
    first = next->height;

  return block->height + space_before (next) + first;
}

/**
 * cramp_report_paginate:
 * @cr: a context like the one the pages will be drawn on
 *
 * Lays the report out on pages of the size of the options.
 *
 * Returns: the number of pages
 */
guint
cramp_report_paginate (CrampReport *self,
                       cairo_t     *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *font_options = cairo_font_options_create ();
  double top = MARGIN_TOP, bottom = content_bottom (self), y = top;
  Page *page;

  g_return_val_if_fail (self != NULL, 0);

  /* the same metrics on paper and in a PDF, whatever the device */
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);

  for (guint i = 0; i < self->blocks->len; i++)
    measure (self, context, g_ptr_array_index (self->blocks, i));

  g_array_set_size (self->pages, 0);
  page = new_page (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double before = y > top ? space_before (block) : 0;

      if (y + before + needed (self, i) <= bottom)
        {
          place (page, block, y + before, 0, -1);
          y += before + block->height;
          continue;
        }

      /* a paragraph with room for a few lines here continues on the next
       * page; anything else starts the next page */
      if (block->kind == BLOCK_TEXT && !block->keep_with_next)
        {
          g_autoptr(GArray) tops = line_tops (block->layout);
          int n_lines = tops->len - 1;
          int first = 0;

          while (first < n_lines)
            {
              double start = g_array_index (tops, double, first);
              int last = first;

              while (last < n_lines && y + before + g_array_index (tops, double, last + 1) - start <= bottom)
                last++;

              /* too little room: fewer than 2 lines here, unless the
               * page is empty and a line is all there is room for */
              if ((last - first < 2 && last < n_lines && y > top) || last == first)
                {
                  if (y == top && last == first)
                    last = first + 1;
                  else
                    {
                      page = new_page (self);
                      y = top;
                      before = 0;
                      continue;
                    }
                }

              place (page, block, y + before, first, last - first);
              y += before + g_array_index (tops, double, last) - start;
              before = 0;
              first = last;
              if (first < n_lines)
                {
                  page = new_page (self);
                  y = top;
                }
            }
          continue;
        }

      if (y > top)
        {
          gboolean table_continues = block->kind == BLOCK_ROW && last_is_row (page);

          page = new_page (self);
          y = top;
          if (table_continues && self->table_header)
            {
              place (page, self->table_header, y, 0, -1);
              y += self->table_header->height;
            }
        }

      place (page, block, y, 0, -1);
      y += block->height;
    }

  g_object_unref (context);
  return self->pages->len;
}

/**
 * cramp_report_get_n_pages:
 *
 * The number of pages of the last cramp_report_paginate().
 */
guint
cramp_report_get_n_pages (CrampReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

static void
set_grey (cairo_t *cr,
          double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
}

static void
draw_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            int          first_line,
            int          n_lines)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double offset = -1;
  int line = 0;

  do
    {
      PangoRectangle logical;
      int baseline;

      if (line >= first_line && line < first_line + n_lines)
        {
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          baseline = pango_layout_iter_get_baseline (iter);
          if (offset < 0)
            offset = (double) logical.y / PANGO_SCALE;
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                         y + (double) baseline / PANGO_SCALE - offset);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
draw_row (CrampReport *self,
          cairo_t     *cr,
          Block       *block,
          double       y)
{
  double x = MARGIN_SIDE;

  if (block->header_row)
    {
      set_grey (cr, 0.9);
      cairo_rectangle (cr, MARGIN_SIDE, y, content_width (self), block->height);
      cairo_fill (cr);
    }

  set_grey (cr, 0);
  for (guint i = 0; i < self->n_columns; i++)
    {
      cairo_move_to (cr, x + CELL_PADDING, y + CELL_PADDING);
      pango_cairo_show_layout (cr, block->cell_layouts[i]);
      x += self->column_widths[i];
    }

  set_grey (cr, 0.7);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_SIDE, y + block->height);
  cairo_line_to (cr, MARGIN_SIDE + content_width (self), y + block->height);
  cairo_stroke (cr);
}

static void
draw_footer (CrampReport *self,
             cairo_t     *cr,
             guint        page)
{
  PangoContext *context = pango_cairo_create_context (cr);
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  double width = content_width (self);
  double y = content_bottom (self) + 14;
  g_autoptr(PangoLayout) disclaimer = NULL;
  g_autoptr(PangoLayout) page_number = NULL;
  int number_width;

  pango_cairo_context_set_resolution (context, 72);
  page_number = make_layout (context, STYLE_SMALL, number, width);
  pango_layout_get_pixel_size (page_number, &number_width, NULL);
  disclaimer = make_layout (context, STYLE_SMALL, self->footer, width - number_width - 24);

  set_grey (cr, 0.7);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_SIDE, y - 6);
  cairo_line_to (cr, MARGIN_SIDE + width, y - 6);
  cairo_stroke (cr);

  set_grey (cr, styles[STYLE_SMALL].grey);
  cairo_move_to (cr, MARGIN_SIDE, y);
  pango_cairo_show_layout (cr, disclaimer);
  cairo_move_to (cr, MARGIN_SIDE + width - number_width, y);
  pango_cairo_show_layout (cr, page_number);

  g_object_unref (context);
}

/**
 * cramp_report_draw_page:
 * @page: from 0, less than what cramp_report_paginate() returned
 */
void
cramp_report_draw_page (CrampReport *self,
                        cairo_t     *cr,
                        guint        page)
{
  CrampChartStyle chart_style;
  Page *p;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->pages->len);

  cramp_chart_style_init_print (&chart_style);
  p = &g_array_index (self->pages, Page, page);

  cairo_save (cr);
  for (guint i = 0; i < p->placements->len; i++)
    {
      Placement *placement = &g_array_index (p->placements, Placement, i);
      Block *block = placement->block;

      switch (block->kind)
        {
        case BLOCK_TEXT:
          set_grey (cr, styles[block->style].grey);
          if (placement->n_lines < 0)
            {
              cairo_move_to (cr, MARGIN_SIDE, placement->y);
              pango_cairo_show_layout (cr, block->layout);
            }
          else
            draw_lines (cr, block->layout, MARGIN_SIDE, placement->y, placement->first_line, placement->n_lines);
          break;

        case BLOCK_PAIR:
          set_grey (cr, 0);
          cairo_move_to (cr, MARGIN_SIDE, placement->y);
          pango_cairo_show_layout (cr, block->layout);
          cairo_move_to (cr, MARGIN_SIDE + content_width (self) * 0.36, placement->y);
          pango_cairo_show_layout (cr, block->value_layout);
          break;

        case BLOCK_CHART:
          cairo_save (cr);
          cairo_translate (cr, MARGIN_SIDE, placement->y);
          if (block->chart == CRAMP_CHART_WEEKLY)
            cramp_chart_draw_weekly (cr, content_width (self), block->height, self->analysis->stats, &chart_style);
          else
            cramp_chart_draw_hours (cr, content_width (self), block->height, self->analysis->stats, &chart_style);
          cairo_restore (cr);
          break;

        case BLOCK_ROW:
          draw_row (self, cr, block, placement->y);
          break;

        case BLOCK_SPACE:
        default:
          break;
        }
    }

  draw_footer (self, cr, page);
  cairo_restore (cr);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * cramp_report_write_pdf:
 *
 * Writes the report as a PDF file readable by the user alone.
 */
gboolean
cramp_report_write_pdf (CrampReport  *self,
                        const char   *path,
                        GError      **error)
{
  g_autoptr(GString) pdf = g_string_new (NULL);
  g_autofree char *created = g_date_time_format (self->made_at, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, self->options.page_width,
                                                 self->options.page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Leg Cramps: Report for the Doctor"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Cramp Diary " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  cr = cairo_create (surface);
  n_pages = cramp_report_paginate (self, cr);
  for (guint i = 0; i < n_pages; i++)
    {
      cramp_report_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* cairo's own words are for developers */
      if (status == CAIRO_STATUS_NO_MEMORY)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                             _("The report could not be made: there was not enough memory. "
                               "Close other programs, or choose a shorter period, then try again."));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The report could not be drawn. Please try again; if it happens "
                               "again, report it as a bug."));
      g_debug ("cairo: %s", cairo_status_to_string (status));
      return FALSE;
    }

  return cramp_file_write_private (path, pdf->str, pdf->len, error);
}
