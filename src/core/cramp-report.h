/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "cramp-analysis.h"

G_BEGIN_DECLS

/* What goes into the report, and on what paper. Sizes are in points. */
typedef struct
{
  double   page_width;
  double   page_height;
  gboolean findings;
  gboolean answers;
  gboolean charts;
  gboolean profile;
  gboolean stretches;    /* bedtime stretching, when the stretch log has begun */
  gboolean table;
  gboolean notes;        /* in the table */
} CrampReportOptions;

typedef struct _CrampReport CrampReport;

void         cramp_report_options_init (CrampReportOptions        *options);
void         cramp_report_paper_of_locale (double                 *width,
                                           double                 *height);

CrampReport *cramp_report_new          (CrampAnalysis            *analysis,
                                        const CrampReportOptions *options,
                                        GDateTime                *made_at);
void         cramp_report_free         (CrampReport              *self);
guint        cramp_report_paginate     (CrampReport              *self,
                                        cairo_t                  *cr);
guint        cramp_report_get_n_pages  (CrampReport              *self);
void         cramp_report_draw_page    (CrampReport              *self,
                                        cairo_t                  *cr,
                                        guint                     page);
gboolean     cramp_report_write_pdf    (CrampReport              *self,
                                        const char               *path,
                                        GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrampReport, cramp_report_free)

G_END_DECLS
