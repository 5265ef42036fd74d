/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cramp-compositor.h"
#include "cramp-test-utils.h"

/*
 * The page compositor on its own, with made-up words: how it cuts a flow
 * into pages, read back from its PDF with poppler's pdftotext, and where
 * it draws, measured on a recording surface.
 */

/* a small page, so that a few blocks fill it: 4 × 4 inches */
#define PAGE 288.0
#define MARGIN_SIDE 50.0
#define MARGIN_TOP 50.0

static char *
pdf_text (CrampCompositor *compositor,
          guint            page)
{
  g_autoptr(GDateTime) made = g_date_time_new_utc (2026, 12, 1, 12, 0, 0);
  g_autofree char *dir = cramp_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  cairo_status_t status;
  char *text;

  pdf = cramp_compositor_write_pdf (compositor, "Test", "test-compositor", made, &status);
  g_assert_nonnull (pdf);
  g_assert_cmpint (status, ==, CAIRO_STATUS_SUCCESS);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);

  text = cramp_test_pdf_text (path, page);
  cramp_test_rmdir (dir);
  return text;
}

static char *
numbered_words (guint n)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%sw%03u", i > 0 ? " " : "", i);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A paragraph longer than a page runs on over pages, every word once and
 * in order, never one line of it alone on a page; each page is numbered
 * "Page N of M" beside the footer. */
static void
test_paragraph (void)
{
  g_autoptr(CrampCompositor) compositor = cramp_compositor_new (PAGE, PAGE);
  g_autofree char *words = numbered_words (400);
  g_autoptr(GString) all = g_string_new (NULL);
  guint n_pages, next = 0;

  /* room for one line on the first page: 174 points of content, less a
   * line of 9.5-point text and a bit */
  cramp_compositor_add_space (compositor, 174 - 14);
  cramp_compositor_add_text (compositor, CRAMP_TEXT_BODY, words);
  cramp_compositor_set_footer (compositor, "The footer");
  g_free (pdf_text (compositor, 1));
  n_pages = cramp_compositor_get_n_pages (compositor);
  g_assert_cmpuint (n_pages, >=, 3);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (compositor, page);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page, n_pages);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      guint n_lines = 0;

      g_assert_nonnull (strstr (text, number));
      g_assert_nonnull (strstr (text, "The footer"));
      for (guint l = 0; lines[l] != NULL; l++)
        n_lines += lines[l][0] == 'w';
      g_assert_cmpuint (n_lines, !=, 1);
      g_assert_true (n_lines >= 2 || page == 1);
      g_string_append (all, text);
    }

  for (const char *p = all->str; (p = strchr (p, 'w')) != NULL; p++)
    {
      g_autofree char *word = g_strdup_printf ("w%03u", next);

      if (g_ascii_isdigit (p[1]))
        {
          g_assert_true (g_str_has_prefix (p, word));
          next++;
        }
    }
  g_assert_cmpuint (next, ==, 400);
}

/* A table's header is repeated at the top of each page it continues on,
 * and nowhere else; its rows come once each, in order. */
static void
test_table (void)
{
  g_autoptr(CrampCompositor) compositor = cramp_compositor_new (PAGE, PAGE);
  const double weights[] = { 1, 2 };
  const char *header[] = { "Alpha", "Beta" };
  guint n_pages, next = 0;

  cramp_compositor_add_text (compositor, CRAMP_TEXT_HEADING, "Rows");
  cramp_compositor_begin_table (compositor, 2, weights, header);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *first = g_strdup_printf ("r%02u", i);
      const char *cells[] = { first, "a cell" };

      cramp_compositor_add_row (compositor, cells);
    }
  cramp_compositor_add_text (compositor, CRAMP_TEXT_BODY, "After the table, Alpha again.");

  g_free (pdf_text (compositor, 1));
  n_pages = cramp_compositor_get_n_pages (compositor);
  g_assert_cmpuint (n_pages, >=, 3);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (compositor, page);
      const char *alpha = strstr (text, "Alpha");
      const char *row = strstr (text, " r");

      if (row == NULL)
        row = strchr (text, 'r') != NULL && g_ascii_isdigit (strchr (text, 'r')[1]) ? strchr (text, 'r') : NULL;
      g_assert_nonnull (alpha);
      /* the header before the page's first row */
      if (row != NULL && page < n_pages)
        g_assert_true (alpha < row);
      g_assert_cmpuint (cramp_test_count (text, "Beta"), ==, 1);

      for (const char *p = text; (p = strchr (p, 'r')) != NULL; p++)
        if (g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]))
          {
            g_assert_cmpuint ((guint) g_ascii_strtoull (p + 1, NULL, 10), ==, next);
            next++;
          }
    }
  g_assert_cmpuint (next, ==, 60);
}

/* No column is narrower than its longest word, header or cell: the
 * German "Schmerz" in a column meant for "Pain" broke into "Sch" and
 * "merz". The room comes from the wide columns. */
static void
test_columns (void)
{
  g_autoptr(CrampCompositor) compositor = cramp_compositor_new (PAGE, PAGE);
  const double weights[] = { 0.1, 1, 4 };
  const char *header[] = { "Schmerz", "Seite", "Notizen" };
  const char *cells[] = { "7", "Oberschenkel", "Nach der Wanderung, und mehr Worte, die umbrechen dürfen." };
  g_autofree char *text = NULL;

  cramp_compositor_begin_table (compositor, 3, weights, header);
  cramp_compositor_add_row (compositor, cells);
  text = pdf_text (compositor, 1);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Schmerz"));
  g_assert_nonnull (strstr (text, "Oberschenkel"));
}

static void
draw_box (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  user_data)
{
  double *size = user_data;

  size[0] = width;
  size[1] = height;
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

/* A heading and a figure stay with what follows them: with room left
 * for the heading but not for the first line after it, both go to the
 * next page. */
static void
test_keep_with_next (void)
{
  g_autoptr(CrampCompositor) compositor = cramp_compositor_new (PAGE, PAGE);
  double size[2] = { 0, 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* 288 − 50 − 64 = 174 points of content a page */
  cramp_compositor_add_space (compositor, 148);
  cramp_compositor_add_text (compositor, CRAMP_TEXT_SUBHEADING, "Heading");
  cramp_compositor_add_text (compositor, CRAMP_TEXT_BODY, "Its first line, and more words after it.");
  cramp_compositor_add_figure (compositor, 140, draw_box, size);
  cramp_compositor_add_text (compositor, CRAMP_TEXT_SMALL, "Caption");

  first = pdf_text (compositor, 1);
  g_assert_cmpuint (cramp_compositor_get_n_pages (compositor), ==, 3);
  g_assert_null (strstr (first, "Heading"));
  second = pdf_text (compositor, 2);
  g_assert_nonnull (strstr (second, "Heading"));
  g_assert_nonnull (strstr (second, "Its first line"));
  g_assert_null (strstr (second, "Caption"));
  g_free (first);
  first = pdf_text (compositor, 3);
  g_assert_nonnull (strstr (first, "Caption"));

  /* a figure is drawn as wide as the content, as high as asked */
  g_assert_cmpfloat_with_epsilon (size[0], PAGE - 2 * MARGIN_SIDE, 0.001);
  g_assert_cmpfloat_with_epsilon (size[1], 140, 0.001);
}

/* Lines told to keep with what follows go with it, a figure told not to
 * does not pull the next heading along: the lines of one experiment and
 * its chart on one page. */
static void
test_kept_together (void)
{
  g_autoptr(CrampCompositor) compositor = cramp_compositor_new (PAGE, PAGE);
  double size[2] = { 0, 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* of 174 points: the heading and its line fit after 110, not the
   * figure after them */
  cramp_compositor_add_space (compositor, 110);
  cramp_compositor_add_text (compositor, CRAMP_TEXT_SUBHEADING, "Title");
  cramp_compositor_add_text (compositor, CRAMP_TEXT_BODY, "Kept line");
  cramp_compositor_set_keep_with_next (compositor, TRUE);
  cramp_compositor_add_figure (compositor, 40, draw_box, size);
  cramp_compositor_set_keep_with_next (compositor, FALSE);
  cramp_compositor_add_text (compositor, CRAMP_TEXT_SUBHEADING, "Next");
  cramp_compositor_add_text (compositor, CRAMP_TEXT_BODY, "Its line");

  first = pdf_text (compositor, 1);
  second = pdf_text (compositor, 2);
  g_assert_null (strstr (first, "Title"));
  g_assert_null (strstr (first, "Kept line"));
  g_assert_nonnull (strstr (second, "Title"));
  g_assert_nonnull (strstr (second, "Kept line"));
  g_assert_nonnull (strstr (second, "Next"));
  g_assert_cmpuint (cramp_compositor_get_n_pages (compositor), ==, 2);
}

/* Nothing is drawn in the margins, whatever the widths of the columns. */
static void
test_margins (void)
{
  g_autoptr(CrampCompositor) compositor = cramp_compositor_new (PAGE, PAGE * 1.4);
  const double weights[] = { 0.5, 3, 1 };
  const char *header[] = { "A", "Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "C" };
  g_autofree char *long_word = g_strnfill (60, 'x');
  double size[2] = { 0, 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  cramp_compositor_add_text (compositor, CRAMP_TEXT_TITLE, "A title that is long enough to wrap over two lines");
  cramp_compositor_add_pair (compositor, "Label", long_word);
  cramp_compositor_add_figure (compositor, 40, draw_box, size);
  cramp_compositor_begin_table (compositor, 3, weights, header);
  cramp_compositor_add_row (compositor, (const char *[]) { long_word, long_word, long_word });
  cramp_compositor_set_footer (compositor, "A footer of some words, as long as the one of a report, wrapped over two lines");

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  n_pages = cramp_compositor_paginate (compositor, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (n_pages, >=, 2);

  for (guint i = 0; i < n_pages; i++)
    {
      double x, y, width, height;

      surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cr = cairo_create (surface);
      cramp_compositor_draw_page (compositor, cr, i);
      cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
      g_assert_cmpfloat (x, >=, MARGIN_SIDE - 1);
      g_assert_cmpfloat (x + width, <=, PAGE - MARGIN_SIDE + 1);
      g_assert_cmpfloat (y, >=, MARGIN_TOP - 1);
      g_assert_cmpfloat (y + height, <=, PAGE * 1.4 - 10);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compositor/paragraph", test_paragraph);
  g_test_add_func ("/compositor/table", test_table);
  g_test_add_func ("/compositor/columns", test_columns);
  g_test_add_func ("/compositor/keep-with-next", test_keep_with_next);
  g_test_add_func ("/compositor/kept-together", test_kept_together);
  g_test_add_func ("/compositor/margins", test_margins);

  return g_test_run ();
}
