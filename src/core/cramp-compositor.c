/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-compositor"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "cramp-compositor-private.h"

/*
 * Pages made of a flow of blocks — paragraphs, label and value pairs,
 * figures, spaces and tables — laid out top to bottom on any cairo_t: a
 * print dialog's, a PDF surface, a test's recording surface. The blocks
 * are measured with Pango and cut into pages: a paragraph longer than the
 * room left continues on the next page (never leaving a single line
 * behind), headings and figures stay with what follows, a table's header
 * is repeated on every page it continues on. Every page has a footer and
 * "Page N of M". The margins are here and nowhere else.
 * Here: the flow as it is built, and its pages drawn; the measuring
 * and the cutting into pages are in cramp-compositor-layout.c.
 *
 * It knows nothing of what it lays out.
 */

const CrampTextStyleInfo _cramp_text_styles[] = {
  [CRAMP_TEXT_TITLE] = { "Sans Bold 17", 0, 0 },
  [CRAMP_TEXT_HEADING] = { "Sans Bold 12.5", 18, 0 },
  [CRAMP_TEXT_SUBHEADING] = { "Sans Bold 9.5", 9, 0 },
  [CRAMP_TEXT_BODY] = { "Sans 9.5", 2, 0 },
  [CRAMP_TEXT_SMALL] = { "Sans 7.5", 2, 0.35 },
};

/* The block's cells as last measured, if they were. */
void
_cramp_compositor_clear_cell_layouts (Block *block)
{
  for (guint i = 0; block->cell_layouts != NULL && i < block->table->n_columns; i++)
    g_clear_object (&block->cell_layouts[i]);
  g_clear_pointer (&block->cell_layouts, g_free);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  _cramp_compositor_clear_cell_layouts (block);
  g_free (block->text);
  g_free (block->value);
  g_strfreev (block->cells);
  g_clear_object (&block->layout);
  g_clear_object (&block->value_layout);
  g_free (block);
}

static void
table_free (gpointer data)
{
  Table *table = data;

  g_free (table->shares);
  g_free (table->widths);
  g_free (table);
}

/**
 * cramp_compositor_new:
 * @page_width: in points
 * @page_height: in points
 *
 * Returns: (transfer full): an empty flow for pages of that size
 */
CrampCompositor *
cramp_compositor_new (double page_width,
                      double page_height)
{
  CrampCompositor *self;

  g_return_val_if_fail (page_width > 2 * MARGIN_SIDE, NULL);
  g_return_val_if_fail (page_height > MARGIN_TOP + MARGIN_BOTTOM, NULL);

  self = g_new0 (CrampCompositor, 1);
  self->page_width = page_width;
  self->page_height = page_height;
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->tables = g_ptr_array_new_with_free_func (table_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return self;
}

void
cramp_compositor_free (CrampCompositor *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->footer, g_free);
  g_free (self);
}

/**
 * cramp_compositor_get_content_width:
 *
 * The width between the margins, which a figure is drawn in.
 */
double
cramp_compositor_get_content_width (CrampCompositor *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->page_width - 2 * MARGIN_SIDE;
}

/* The bottom of the content, above the footer. */
double
_cramp_compositor_content_bottom (CrampCompositor *self)
{
  return self->page_height - MARGIN_BOTTOM;
}

static Block *
add_block (CrampCompositor *self,
           BlockKind        kind,
           CrampTextStyle   style)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->style = style;
  block->keep_with_next = kind == BLOCK_TEXT && style != CRAMP_TEXT_BODY && style != CRAMP_TEXT_SMALL;
  g_ptr_array_add (self->blocks, block);
  /* a table ends where anything else begins */
  if (kind != BLOCK_ROW)
    self->table = NULL;
  return block;
}

void
cramp_compositor_add_text (CrampCompositor *self,
                           CrampTextStyle   style,
                           const char      *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (style <= CRAMP_TEXT_SMALL);

  add_block (self, BLOCK_TEXT, style)->text = g_strdup (text);
}

void
cramp_compositor_add_pair (CrampCompositor *self,
                           const char      *label,
                           const char      *value)
{
  Block *block;

  g_return_if_fail (self != NULL);

  block = add_block (self, BLOCK_PAIR, CRAMP_TEXT_BODY);
  block->text = g_strdup (label);
  block->value = g_strdup (value);
}

void
cramp_compositor_add_space (CrampCompositor *self,
                            double           points)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (points >= 0);

  add_block (self, BLOCK_SPACE, CRAMP_TEXT_BODY)->space = points;
}

/**
 * cramp_compositor_add_figure:
 * @height: in points; the width is the content's
 * @draw: called each time the page with the figure is drawn
 *
 * A figure stays on the page of the block after it, its caption.
 */
void
cramp_compositor_add_figure (CrampCompositor         *self,
                             double                   height,
                             CrampCompositorDrawFunc  draw,
                             gpointer                 user_data)
{
  Block *block;

  g_return_if_fail (self != NULL);
  g_return_if_fail (draw != NULL);

  block = add_block (self, BLOCK_FIGURE, CRAMP_TEXT_BODY);
  block->draw = draw;
  block->user_data = user_data;
  block->space = height;
  block->keep_with_next = TRUE;
}

/**
 * cramp_compositor_add_page_break:
 *
 * What follows begins a new page, unless the page is still empty.
 */
void
cramp_compositor_add_page_break (CrampCompositor *self)
{
  g_return_if_fail (self != NULL);

  add_block (self, BLOCK_BREAK, CRAMP_TEXT_BODY);
}

/**
 * cramp_compositor_set_keep_with_next:
 * @keep: whether the block added last stays on the page of the block
 *   after it
 *
 * Headings and figures keep with what follows, and paragraphs do not,
 * unless told otherwise here: the lines of one experiment, kept together.
 */
void
cramp_compositor_set_keep_with_next (CrampCompositor *self,
                                     gboolean         keep)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->blocks->len > 0);

  ((Block *) g_ptr_array_index (self->blocks, self->blocks->len - 1))->keep_with_next = keep;
}

static Block *
add_row (CrampCompositor    *self,
         const char * const *cells)
{
  Block *block = add_block (self, BLOCK_ROW, CRAMP_TEXT_BODY);

  block->table = self->table;
  block->cells = g_new0 (char *, self->table->n_columns + 1);
  for (guint i = 0; i < self->table->n_columns; i++)
    block->cells[i] = g_strdup (cells[i] ? cells[i] : "");
  return block;
}

/**
 * cramp_compositor_begin_table:
 * @weights: (array length=n_columns): each column's share of the width;
 *   a column gets more where its longest word needs it
 * @header: (array length=n_columns): the header's cells
 *
 * Begins a table; the rows that follow are its own, until a block of
 * another kind is added.
 */
void
cramp_compositor_begin_table (CrampCompositor    *self,
                              guint               n_columns,
                              const double       *weights,
                              const char * const *header)
{
  Table *table;
  double total = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (n_columns > 0);
  g_return_if_fail (weights != NULL && header != NULL);

  for (guint i = 0; i < n_columns; i++)
    total += weights[i];
  g_return_if_fail (total > 0);

  table = g_new0 (Table, 1);
  table->n_columns = n_columns;
  table->shares = g_new (double, n_columns);
  table->widths = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->shares[i] = weights[i] / total;
      table->widths[i] = cramp_compositor_get_content_width (self) * table->shares[i];
    }
  g_ptr_array_add (self->tables, table);

  self->table = table;
  table->header = add_row (self, header);
  table->header->keep_with_next = TRUE;
}

/**
 * cramp_compositor_add_row:
 * @cells: as many as the table has columns
 */
void
cramp_compositor_add_row (CrampCompositor    *self,
                          const char * const *cells)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->table != NULL);
  g_return_if_fail (cells != NULL);

  add_row (self, cells);
}

/**
 * cramp_compositor_set_footer:
 *
 * The small print at the foot of every page, beside its number.
 */
void
cramp_compositor_set_footer (CrampCompositor *self,
                             const char      *footer)
{
  g_return_if_fail (self != NULL);

  g_free (self->footer);
  self->footer = g_strdup (footer);
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
draw_rule (CrampCompositor *self,
           cairo_t         *cr,
           double           y)
{
  set_grey (cr, 0.7);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_SIDE, y);
  cairo_line_to (cr, MARGIN_SIDE + cramp_compositor_get_content_width (self), y);
  cairo_stroke (cr);
}

static void
draw_row (CrampCompositor *self,
          cairo_t         *cr,
          PangoContext    *context,
          Block           *block,
          double           y)
{
  double x = MARGIN_SIDE;

  if (block == block->table->header)
    {
      set_grey (cr, 0.9);
      cairo_rectangle (cr, MARGIN_SIDE, y, cramp_compositor_get_content_width (self), block->height);
      cairo_fill (cr);
    }

  /* laid out again for the page, and let go after it */
  _cramp_compositor_make_cell_layouts (context, block);
  set_grey (cr, 0);
  for (guint i = 0; i < block->table->n_columns; i++)
    {
      cairo_move_to (cr, x + CELL_PADDING, y + CELL_PADDING);
      pango_cairo_show_layout (cr, block->cell_layouts[i]);
      x += block->table->widths[i];
    }
  _cramp_compositor_clear_cell_layouts (block);

  draw_rule (self, cr, y + block->height);
}

static void
draw_footer (CrampCompositor *self,
             cairo_t         *cr,
             PangoContext    *context,
             guint            page)
{
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  double width = cramp_compositor_get_content_width (self);
  double y = _cramp_compositor_content_bottom (self) + 14;
  g_autoptr(PangoLayout) footer = NULL;
  g_autoptr(PangoLayout) page_number = NULL;
  int number_width;

  page_number = _cramp_compositor_make_layout (context, _cramp_text_styles[CRAMP_TEXT_SMALL].font, number, width);
  pango_layout_get_pixel_size (page_number, &number_width, NULL);
  footer = _cramp_compositor_make_layout (context, _cramp_text_styles[CRAMP_TEXT_SMALL].font, self->footer,
                                          width - number_width - 24);

  draw_rule (self, cr, y - 6);

  set_grey (cr, _cramp_text_styles[CRAMP_TEXT_SMALL].grey);
  cairo_move_to (cr, MARGIN_SIDE, y);
  pango_cairo_show_layout (cr, footer);
  cairo_move_to (cr, MARGIN_SIDE + width - number_width, y);
  pango_cairo_show_layout (cr, page_number);
}

/**
 * cramp_compositor_draw_page:
 * @page: from 0, less than what cramp_compositor_paginate() returned
 */
void
cramp_compositor_draw_page (CrampCompositor *self,
                            cairo_t         *cr,
                            guint            page)
{
  PangoContext *context;
  GArray *placements;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);
  context = _cramp_compositor_make_context (cr);

  cairo_save (cr);
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *placement = &g_array_index (placements, Placement, i);
      Block *block = placement->block;

      switch (block->kind)
        {
        case BLOCK_TEXT:
          set_grey (cr, _cramp_text_styles[block->style].grey);
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
          cairo_move_to (cr, MARGIN_SIDE + cramp_compositor_get_content_width (self) * PAIR_VALUE_START,
                         placement->y);
          pango_cairo_show_layout (cr, block->value_layout);
          break;

        case BLOCK_FIGURE:
          cairo_save (cr);
          cairo_translate (cr, MARGIN_SIDE, placement->y);
          block->draw (cr, cramp_compositor_get_content_width (self), block->height, block->user_data);
          cairo_restore (cr);
          break;

        case BLOCK_ROW:
          draw_row (self, cr, context, block, placement->y);
          break;

        case BLOCK_SPACE:
        default:
          break;
        }
    }

  draw_footer (self, cr, context, page);
  cairo_restore (cr);
  g_object_unref (context);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * cramp_compositor_write_pdf:
 * @title: the document's title, in its metadata
 * @creator: the program that made it
 * @created: when it was made
 * @status: (out): why it could not be made
 *
 * Lays the blocks out on PDF pages.
 *
 * Returns: (transfer full) (nullable): the PDF, or %NULL and @status
 */
GBytes *
cramp_compositor_write_pdf (CrampCompositor *self,
                            const char      *title,
                            const char      *creator,
                            GDateTime       *created,
                            cairo_status_t  *status)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autofree char *created_text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (created != NULL, NULL);
  g_return_val_if_fail (status != NULL, NULL);

  created_text = g_date_time_format (created, "%Y-%m-%dT%H:%M:%S%:z");
  surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, self->page_width, self->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created_text);

  cr = cairo_create (surface);
  n_pages = cramp_compositor_paginate (self, cr);
  for (guint i = 0; i < n_pages; i++)
    {
      cramp_compositor_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  *status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (*status != CAIRO_STATUS_SUCCESS)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}
