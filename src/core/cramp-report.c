/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-report"
#define _GNU_SOURCE   /* _NL_PAPER_WIDTH */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <stdint.h>

#include "cramp-file.h"
#include "cramp-report-private.h"

/*
 * The report for the doctor, on any cairo_t: the print dialog's, a PDF
 * for "Save as PDF" and the command line. Its content
 * (cramp-report-content.c) is poured into a compositor, which lays it out
 * on pages; here are its options, its paper and its PDF file.
 */

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
  self->pages = cramp_compositor_new (options->page_width, options->page_height);

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
  g_clear_pointer (&self->pages, cramp_compositor_free);
  g_free (self);
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
  g_return_val_if_fail (self != NULL, 0);

  return cramp_compositor_paginate (self->pages, cr);
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

  return cramp_compositor_get_n_pages (self->pages);
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
  g_return_if_fail (self != NULL);

  cramp_compositor_draw_page (self->pages, cr, page);
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
  g_autoptr(GBytes) pdf = NULL;
  cairo_status_t status;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pdf = cramp_compositor_write_pdf (self->pages, _("Leg Cramps: Report for the Doctor"),
                                    "Cramp Diary " PACKAGE_VERSION, self->made_at, &status);
  if (pdf == NULL)
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

  return cramp_file_write_private (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), error);
}
