/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-compositor.h"
#include "cramp-report.h"

G_BEGIN_DECLS

struct _CrampReport
{
  CrampAnalysis      *analysis;
  CrampReportOptions  options;
  GDateTime          *made_at;
  CrampCompositor    *pages;
};

void  _cramp_report_add_content         (CrampReport *self);
void  _cramp_report_add_first_page      (CrampReport *self);
char *_cramp_report_other_medications   (CrampReport *self);

G_END_DECLS
