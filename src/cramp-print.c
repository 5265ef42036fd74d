/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-print"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-print.h"
#include "cramp-time.h"

/*
 * The report on paper, through GtkPrintOperation, and as a PDF file. Both
 * draw the pages of src/core/cramp-report.c: the print dialog sets the
 * paper, the locale the PDF's. Which sections go in is remembered in
 * GSettings, and chosen in a "Report" tab of the print dialog or in the
 * file chooser.
 */

static const struct
{
  const char *key;
  const char *label;
} sections[] = {
  { "report-include-findings", N_("Warning signs") },
  { "report-include-answers", N_("Answers for the doctor") },
  { "report-include-charts", N_("Charts") },
  { "report-include-profile", N_("Medications and health") },
  { "report-include-stretches", N_("Bedtime stretching") },
  { "report-include-table", N_("Table of every cramp") },
  { "report-include-notes", N_("Notes in the table") },
};

/**
 * cramp_print_read_options:
 *
 * The sections of the report as the user last chose them, on the paper
 * of the locale.
 */
void
cramp_print_read_options (GSettings          *settings,
                          CrampReportOptions *options)
{
  cramp_report_options_init (options);
  options->findings = g_settings_get_boolean (settings, "report-include-findings");
  options->answers = g_settings_get_boolean (settings, "report-include-answers");
  options->charts = g_settings_get_boolean (settings, "report-include-charts");
  options->profile = g_settings_get_boolean (settings, "report-include-profile");
  options->stretches = g_settings_get_boolean (settings, "report-include-stretches");
  options->table = g_settings_get_boolean (settings, "report-include-table");
  options->notes = g_settings_get_boolean (settings, "report-include-notes");
}

/**
 * cramp_print_add_choices:
 *
 * The sections of the report, as the print dialog's "Report" tab offers
 * them, as choices of @chooser, set as last chosen.
 */
void
cramp_print_add_choices (GtkFileChooser *chooser,
                         GSettings      *settings)
{
  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));
  g_return_if_fail (G_IS_SETTINGS (settings));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      gtk_file_chooser_add_choice (chooser, sections[i].key, _(sections[i].label), NULL, NULL);
      gtk_file_chooser_set_choice (chooser, sections[i].key,
                                   g_settings_get_boolean (settings, sections[i].key) ? "true" : "false");
    }
}

/**
 * cramp_print_keep_choices:
 *
 * Keeps what was chosen in @chooser for the next report, printed or
 * saved.
 */
void
cramp_print_keep_choices (GtkFileChooser *chooser,
                          GSettings      *settings)
{
  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));
  g_return_if_fail (G_IS_SETTINGS (settings));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    g_settings_set_boolean (settings, sections[i].key,
                            g_strcmp0 (gtk_file_chooser_get_choice (chooser, sections[i].key), "true") == 0);
}

/**
 * cramp_print_file_name:
 *
 * The name offered for the PDF of @analysis: the period it covers, its
 * first and last day, so that two reports never share a name by chance.
 *
 * Returns: (transfer full): the file name
 */
char *
cramp_print_file_name (CrampAnalysis *analysis)
{
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;

  g_return_val_if_fail (analysis != NULL, NULL);

  since = g_date_time_format (analysis->since, "%Y-%m-%d");
  until = g_date_time_format (analysis->until, "%Y-%m-%d");
  /* Translators: the file name offered for the report; the first and
   * last day of its period, as 2026-08-22 */
  return g_strdup_printf (_("Cramp report %s to %s.pdf"), since, until);
}

typedef struct
{
  CrampAnalysis      *analysis;
  GSettings          *settings;
  CrampReport        *report;
  CrampPrintDoneFunc  done;
  gpointer            user_data;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_pointer (&job->analysis, cramp_analysis_unref);
  g_clear_object (&job->settings);
  g_clear_pointer (&job->report, cramp_report_free);
  g_free (job);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintJob          *job)
{
  g_autoptr(GDateTime) now = cramp_time_now ();
  CrampReportOptions options;

  cramp_print_read_options (job->settings, &options);
  /* the paper of the print dialog, in points */
  options.page_width = gtk_print_context_get_width (context);
  options.page_height = gtk_print_context_get_height (context);

  g_clear_pointer (&job->report, cramp_report_free);
  job->report = cramp_report_new (job->analysis, &options, now);
  gtk_print_operation_set_n_pages (operation,
                                   cramp_report_paginate (job->report,
                                                          gtk_print_context_get_cairo_context (context)));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 PrintJob          *job)
{
  cramp_report_draw_page (job->report, gtk_print_context_get_cairo_context (context), page);
}

static GObject *
on_create_custom_widget_cb (GtkPrintOperation *operation,
                            PrintJob          *job)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Put in the report:"));
  GtkWidget *checks[G_N_ELEMENTS (sections)];

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      checks[i] = gtk_check_button_new_with_label (_(sections[i].label));
      g_settings_bind (job->settings, sections[i].key, checks[i], "active", G_SETTINGS_BIND_DEFAULT);
      gtk_box_append (GTK_BOX (box), checks[i]);
    }
  /* notes go only in the table */
  g_object_bind_property (checks[G_N_ELEMENTS (sections) - 2], "active",
                          checks[G_N_ELEMENTS (sections) - 1], "sensitive",
                          G_BINDING_SYNC_CREATE);

  return G_OBJECT (box);
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            PrintJob                *job)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);

  /* reported once, here or by cramp_print_report() */
  if (job->done)
    job->done (result, error, job->user_data);
  job->done = NULL;
}

/**
 * cramp_print_report:
 * @parent: the window the print dialog belongs to
 * @print_settings: (nullable): the printer and settings the print dialog
 *   starts with
 * @done: (nullable): called when the job is sent, cancelled or failed
 *
 * Prints the report of @analysis, through the print dialog.
 */
void
cramp_print_report (GtkWindow          *parent,
                    CrampAnalysis      *analysis,
                    GSettings          *settings,
                    GtkPrintSettings   *print_settings,
                    CrampPrintDoneFunc  done,
                    gpointer            user_data)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  PrintJob *job = g_new0 (PrintJob, 1);
  GtkPrintOperationResult result;

  job->analysis = cramp_analysis_ref (analysis);
  job->settings = g_object_ref (settings);
  job->done = done;
  job->user_data = user_data;
  g_object_set_data_full (G_OBJECT (operation), "job", job, print_job_free);

  gtk_print_operation_set_job_name (operation, _("Leg Cramps: Report for the Doctor"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_track_print_status (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Report"));
  if (print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, print_settings);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), job);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);

  /* run asynchronously, "done" reports; failing at once, we do */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && job->done != NULL)
    on_done_cb (operation, result, job);
}

typedef struct
{
  CrampReport *report;
  char        *path;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_clear_pointer (&job->report, cramp_report_free);
  g_free (job->path);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (cramp_report_write_pdf (job->report, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cramp_print_save_pdf_async:
 * @parent: the window that asks, the source object of the result
 *
 * Writes the report of @analysis to @path in a worker thread, so that a
 * long report does not stop the window.
 */
void
cramp_print_save_pdf_async (GtkWindow                *parent,
                            CrampAnalysis            *analysis,
                            const CrampReportOptions *options,
                            const char               *path,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = cramp_time_now ();
  SaveJob *job;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (analysis != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (path != NULL);

  task = g_task_new (parent, NULL, callback, user_data);
  g_task_set_source_tag (task, cramp_print_save_pdf_async);
  job = g_new0 (SaveJob, 1);
  job->report = cramp_report_new (analysis, options, now);
  job->path = g_strdup (path);
  g_task_set_task_data (task, job, save_job_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
cramp_print_save_pdf_finish (GtkWindow     *parent,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, parent), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cramp_print_save_pdf_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
