/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cramp-report.h"

G_BEGIN_DECLS

typedef void (*CrampPrintDoneFunc) (GtkPrintOperationResult  result,
                                    const GError            *error,
                                    gpointer                 user_data);

void     cramp_print_read_options    (GSettings                *settings,
                                      CrampReportOptions       *options);
void     cramp_print_add_choices     (GtkFileChooser           *chooser,
                                      GSettings                *settings);
void     cramp_print_keep_choices    (GtkFileChooser           *chooser,
                                      GSettings                *settings);
char    *cramp_print_file_name       (CrampAnalysis            *analysis);
void     cramp_print_report          (GtkWindow                *parent,
                                      CrampAnalysis            *analysis,
                                      GSettings                *settings,
                                      GtkPrintSettings         *print_settings,
                                      CrampPrintDoneFunc        done,
                                      gpointer                  user_data);
void     cramp_print_save_pdf_async  (GtkWindow                *parent,
                                      CrampAnalysis            *analysis,
                                      const CrampReportOptions *options,
                                      const char               *path,
                                      GAsyncReadyCallback       callback,
                                      gpointer                  user_data);
gboolean cramp_print_save_pdf_finish (GtkWindow                *parent,
                                      GAsyncResult             *result,
                                      GError                  **error);

G_END_DECLS
