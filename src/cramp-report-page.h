/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cramp-analysis.h"
#include "cramp-session.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_REPORT_PAGE (cramp_report_page_get_type ())

G_DECLARE_FINAL_TYPE (CrampReportPage, cramp_report_page, CRAMP, REPORT_PAGE, GtkWidget)

void           cramp_report_page_set_session  (CrampReportPage *self,
                                               CrampSession    *session);
CrampAnalysis *cramp_report_page_get_analysis (CrampReportPage *self);
gboolean       cramp_report_page_get_busy     (CrampReportPage *self);

G_END_DECLS
