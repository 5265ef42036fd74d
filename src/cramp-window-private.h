/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-history-page.h"
#include "cramp-report-page.h"
#include "cramp-toast.h"
#include "cramp-window.h"

G_BEGIN_DECLS

struct _CrampWindow
{
  AdwApplicationWindow  parent_instance;

  CrampToast           *toast;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  CrampHistoryPage     *history_page;
  CrampReportPage      *report_page;
  AdwViewSwitcherTitle *switcher_title;
  GtkToggleButton      *search_button;
  AdwStatusPage        *error_page;
  GtkLabel             *error_label;

  CrampSession         *session;
  GSettings            *settings;
  GCancellable         *cancellable;
  gboolean              checked;   /* the diary, for damage */

  /* The report last saved, which its toast offers to open. */
  GFile                *saved_report;
};

void _cramp_window_class_add_actions      (GtkWidgetClass *widget_class);
void _cramp_window_class_add_file_actions (GtkWidgetClass *widget_class);
void _cramp_window_show_error             (CrampWindow    *self,
                                           const char     *message);
void _cramp_window_update_undo            (CrampWindow    *self);

G_END_DECLS
