/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cramp-chart-view.h"
#include "cramp-report-page.h"

G_BEGIN_DECLS

struct _CrampReportPage
{
  GtkWidget       parent_instance;

  GtkDropDown    *period_dropdown;
  GtkWidget      *custom_box;
  GtkMenuButton  *since_button;
  GtkMenuButton  *until_button;
  GtkCalendar    *since_calendar;
  GtkCalendar    *until_calendar;
  GtkLabel       *period_label;
  GtkStack       *stack;
  GtkSpinner     *working_spinner;
  AdwStatusPage  *error_page;
  GtkFlowBox     *summary_box;
  AdwPreferencesGroup *findings_group;
  GtkListBox     *findings_list;
  CrampChartView *weekly_chart;
  CrampChartView *hours_chart;
  GtkListBox     *muscles_list;
  GtkListBox     *answers_list;
  GtkListBox     *outcomes_list;
  GtkListBox     *experiments_list;
  GtkListBox     *stretching_list;

  AdwStatusPage  *empty_page;

  CrampSession   *session;
  CrampAnalysis  *analysis;
  guint           refresh_source;
  guint           working_source;  /* shows the spinner */
  GCancellable   *cancellable;     /* of the analysis under way */
  gboolean        dirty;
  gboolean        empty;
};

void _cramp_report_page_fill (CrampReportPage *self);

G_END_DECLS
