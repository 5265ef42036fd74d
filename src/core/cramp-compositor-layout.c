/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-compositor"

#include "config.h"

#include <math.h>

#include "cramp-compositor-private.h"

/*
 * The flow measured with Pango and cut into pages: a paragraph longer
 * than the room left continues on the next page, never leaving one line
 * alone; headings and figures stay with what follows; a table's header is
 * repeated on every page it continues on.
 */

PangoLayout *
_cramp_compositor_make_layout (PangoContext *context,
                               const char   *font_name,
                               const char   *text,
                               double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (font_name);
  PangoAttrList *attributes = pango_attr_list_new ();

  /* a word too long for its column breaks without a hyphen, which a
   * reader could take for part of the word */
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

/* A row's cells, laid out in their columns. */
void
_cramp_compositor_make_cell_layouts (PangoContext *context,
                                     Block        *block)
{
  _cramp_compositor_clear_cell_layouts (block);
  block->cell_layouts = g_new0 (PangoLayout *, block->table->n_columns);
  for (guint i = 0; i < block->table->n_columns; i++)
    block->cell_layouts[i] = _cramp_compositor_make_layout (context,
                                                            block == block->table->header ? CELL_HEADER_FONT
                                                                                          : CELL_FONT,
                                                            block->cells[i],
                                                            block->table->widths[i] - 2 * CELL_PADDING);
}

/**
 * _cramp_compositor_make_context:
 *
 * Returns: (transfer full): the Pango context of @cr, with the same
 *   metrics on paper and in a PDF, whatever the device
 */
PangoContext *
_cramp_compositor_make_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  return context;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
measure (CrampCompositor *self,
         PangoContext    *context,
         Block           *block)
{
  double width = cramp_compositor_get_content_width (self);

  g_clear_object (&block->layout);
  g_clear_object (&block->value_layout);
  _cramp_compositor_clear_cell_layouts (block);

  switch (block->kind)
    {
    case BLOCK_TEXT:
      block->layout = _cramp_compositor_make_layout (context, _cramp_text_styles[block->style].font,
                                                     block->text, width);
      block->height = layout_height (block->layout);
      break;

    case BLOCK_PAIR:
      block->layout = _cramp_compositor_make_layout (context, _cramp_text_styles[CRAMP_TEXT_SUBHEADING].font,
                                                     block->text,
                                   width * PAIR_LABEL_SHARE);
      block->value_layout = _cramp_compositor_make_layout (context, _cramp_text_styles[CRAMP_TEXT_BODY].font,
                                                           block->value,
                                         width * (1 - PAIR_VALUE_START));
      block->height = MAX (layout_height (block->layout), layout_height (block->value_layout)) + 3;
      break;

    case BLOCK_ROW:
      /* the cells' layouts are made again when the row is drawn: a table
       * of every cramp of years would otherwise hold a layout a cell */
      _cramp_compositor_make_cell_layouts (context, block);
      block->height = 0;
      for (guint i = 0; i < block->table->n_columns; i++)
        block->height = MAX (block->height, layout_height (block->cell_layouts[i]));
      block->height += 2 * CELL_PADDING;
      _cramp_compositor_clear_cell_layouts (block);
      break;

    case BLOCK_FIGURE:
    case BLOCK_SPACE:
    case BLOCK_BREAK:
    default:
      block->height = block->space;
      break;
    }
}

/* The width of the longest word of each of @table's columns, header and
 * cells, into @widest: one walk through the blocks, each word of a
 * column measured once, in the header's bold where it is first seen. */
static void
widest_words (CrampCompositor *self,
              PangoContext    *context,
              Table           *table,
              double          *widest)
{
  g_autoptr(PangoLayout) cell = _cramp_compositor_make_layout (context, CELL_FONT, "", 0);
  g_autoptr(PangoLayout) header = _cramp_compositor_make_layout (context, CELL_HEADER_FONT, "", 0);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  pango_layout_set_width (cell, -1);
  pango_layout_set_width (header, -1);
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_ptr_array_add (seen, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));
      widest[c] = 0;
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      PangoLayout *layout = block == table->header ? header : cell;

      if (block->kind != BLOCK_ROW || block->table != table)
        continue;

      for (guint c = 0; c < table->n_columns; c++)
        {
          g_auto(GStrv) words = g_strsplit_set (block->cells[c], " \n", -1);

          for (guint w = 0; words[w] != NULL; w++)
            {
              int width;

              if (*words[w] == '\0' || g_hash_table_contains (seen->pdata[c], words[w]))
                continue;
              g_hash_table_add (seen->pdata[c], g_strdup (words[w]));
              pango_layout_set_text (layout, words[w], -1);
              pango_layout_get_size (layout, &width, NULL);
              widest[c] = MAX (widest[c], (double) width / PANGO_SCALE);
            }
        }
    }
}

/* The widths of @table's columns: their shares of the content's width,
 * but none narrower than its longest word, the room for it taken from
 * the others in proportion to their shares, while the page has it. */
static void
fit_columns (CrampCompositor *self,
             PangoContext    *context,
             Table           *table)
{
  double content = cramp_compositor_get_content_width (self);
  g_autofree double *least = g_new (double, table->n_columns);
  g_autofree gboolean *fixed = g_new0 (gboolean, table->n_columns);
  double needed = 0;
  gboolean changed = TRUE;

  widest_words (self, context, table, least);
  for (guint i = 0; i < table->n_columns; i++)
    {
      /* a hair more than the word, against rounding */
      least[i] = ceil (least[i] + 2 * CELL_PADDING + 0.5);
      needed += least[i];
      table->widths[i] = content * table->shares[i];
    }
  /* words that could never all fit break inside, as they did */
  if (needed > content)
    return;

  while (changed)
    {
      double room = content, shares = 0;

      changed = FALSE;
      for (guint i = 0; i < table->n_columns; i++)
        {
          if (fixed[i])
            room -= least[i];
          else
            shares += table->shares[i];
        }
      for (guint i = 0; i < table->n_columns; i++)
        {
          if (fixed[i])
            continue;
          table->widths[i] = room * table->shares[i] / shares;
          if (table->widths[i] < least[i])
            {
              fixed[i] = changed = TRUE;
              table->widths[i] = least[i];
            }
        }
    }
}

static double
space_before (Block *block)
{
  return block->kind == BLOCK_TEXT ? _cramp_text_styles[block->style].space_before : 0;
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

static GArray *
new_page (CrampCompositor *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
place (GArray *page,
       Block  *block,
       double  y,
       int     first_line,
       int     n_lines)
{
  Placement placement = { block, y, first_line, n_lines };

  g_array_append_val (page, placement);
}

/* The table whose row ends @page, if one does. */
static Table *
last_table (GArray *page)
{
  if (page->len == 0)
    return NULL;

  return g_array_index (page, Placement, page->len - 1).block->table;
}

/* What must fit with block @index: a heading keeps the first line of the
 * next block with it, a figure its caption, and so on down the chain. */
static double
needed (CrampCompositor *self,
        guint            index)
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

/* Places a paragraph that does not fit in the room left, line by line,
 * over as many pages as it takes; returns the y after it. */
static double
place_lines (CrampCompositor  *self,
             GArray          **page,
             Block            *block,
             double            y,
             double            before)
{
  g_autoptr(GArray) tops = line_tops (block->layout);
  double top = MARGIN_TOP, bottom = _cramp_compositor_content_bottom (self);
  int n_lines = tops->len - 1;
  int first = 0;

  g_assert (block->kind == BLOCK_TEXT && block->layout != NULL);

  while (first < n_lines)
    {
      double start = g_array_index (tops, double, first);
      int last = first;

      while (last < n_lines && y + before + g_array_index (tops, double, last + 1) - start <= bottom)
        last++;

      /* too little room: fewer than 2 lines here, unless the page is
       * empty and a line is all there is room for */
      if ((last - first < 2 && last < n_lines && y > top) || last == first)
        {
          if (y == top && last == first)
            last = first + 1;
          else
            {
              *page = new_page (self);
              y = top;
              before = 0;
              continue;
            }
        }

      place (*page, block, y + before, first, last - first);
      y += before + g_array_index (tops, double, last) - start;
      before = 0;
      first = last;
      if (first < n_lines)
        {
          *page = new_page (self);
          y = top;
        }
    }

  return y;
}

/**
 * cramp_compositor_paginate:
 * @cr: a context like the one the pages will be drawn on
 *
 * Lays the blocks out on pages.
 *
 * Returns: the number of pages
 */
guint
cramp_compositor_paginate (CrampCompositor *self,
                           cairo_t         *cr)
{
  PangoContext *context;
  double top = MARGIN_TOP, bottom, y = top;
  GArray *page;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  context = _cramp_compositor_make_context (cr);

  for (guint i = 0; i < self->tables->len; i++)
    fit_columns (self, context, g_ptr_array_index (self->tables, i));
  for (guint i = 0; i < self->blocks->len; i++)
    measure (self, context, g_ptr_array_index (self->blocks, i));

  bottom = _cramp_compositor_content_bottom (self);
  g_ptr_array_set_size (self->pages, 0);
  page = new_page (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double before = y > top ? space_before (block) : 0;

      if (block->kind == BLOCK_BREAK)
        {
          if (y > top)
            {
              page = new_page (self);
              y = top;
            }
          continue;
        }

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
          y = place_lines (self, &page, block, y, before);
          continue;
        }

      if (y > top)
        {
          Table *continued = block->kind == BLOCK_ROW && last_table (page) == block->table ? block->table : NULL;

          page = new_page (self);
          y = top;
          if (continued != NULL)
            {
              place (page, continued->header, y, 0, -1);
              y += continued->header->height;
            }
        }

      place (page, block, y, 0, -1);
      y += block->height;
    }

  g_object_unref (context);
  return self->pages->len;
}

/**
 * cramp_compositor_get_n_pages:
 *
 * The number of pages of the last cramp_compositor_paginate().
 */
guint
cramp_compositor_get_n_pages (CrampCompositor *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

