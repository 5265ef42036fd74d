/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The styles of a paragraph: a title, headings that stay with what
 * follows them, body text and small grey print. */
typedef enum
{
  CRAMP_TEXT_TITLE,
  CRAMP_TEXT_HEADING,
  CRAMP_TEXT_SUBHEADING,
  CRAMP_TEXT_BODY,
  CRAMP_TEXT_SMALL,
} CrampTextStyle;

/* Draws a figure in the box (0, 0, @width, @height) of @cr. */
typedef void (*CrampCompositorDrawFunc) (cairo_t  *cr,
                                         double    width,
                                         double    height,
                                         gpointer  user_data);

typedef struct _CrampCompositor CrampCompositor;

CrampCompositor *cramp_compositor_new          (double                   page_width,
                                                double                   page_height);
void             cramp_compositor_free         (CrampCompositor         *self);

void             cramp_compositor_add_text     (CrampCompositor         *self,
                                                CrampTextStyle           style,
                                                const char              *text);
void             cramp_compositor_add_pair     (CrampCompositor         *self,
                                                const char              *label,
                                                const char              *value);
void             cramp_compositor_add_page_break (CrampCompositor       *self);
void             cramp_compositor_set_keep_with_next (CrampCompositor   *self,
                                                  gboolean           keep);
void             cramp_compositor_add_space    (CrampCompositor         *self,
                                                double                   points);
void             cramp_compositor_add_figure   (CrampCompositor         *self,
                                                double                   height,
                                                CrampCompositorDrawFunc  draw,
                                                gpointer                 user_data);
void             cramp_compositor_begin_table  (CrampCompositor         *self,
                                                guint                    n_columns,
                                                const double            *weights,
                                                const char * const      *header);
void             cramp_compositor_add_row      (CrampCompositor         *self,
                                                const char * const      *cells);
void             cramp_compositor_set_footer   (CrampCompositor         *self,
                                                const char              *footer);

double           cramp_compositor_get_content_width (CrampCompositor    *self);
guint            cramp_compositor_paginate     (CrampCompositor         *self,
                                                cairo_t                 *cr);
guint            cramp_compositor_get_n_pages  (CrampCompositor         *self);
void             cramp_compositor_draw_page    (CrampCompositor         *self,
                                                cairo_t                 *cr,
                                                guint                    page);
GBytes          *cramp_compositor_write_pdf    (CrampCompositor         *self,
                                                const char              *title,
                                                const char              *creator,
                                                GDateTime               *created,
                                                cairo_status_t          *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrampCompositor, cramp_compositor_free)

G_END_DECLS
