/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cramp-analysis.h"
#include "cramp-chart.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_CHART_VIEW (cramp_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (CrampChartView, cramp_chart_view, CRAMP, CHART_VIEW, GtkWidget)

GtkWidget *cramp_chart_view_new_for_experiment (CrampAnalysis  *analysis,
                                                guint           index);
void       cramp_chart_view_set_analysis       (CrampChartView *self,
                                                CrampAnalysis  *analysis);

G_END_DECLS
