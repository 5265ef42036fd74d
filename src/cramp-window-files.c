/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-file.h"
#include "cramp-print.h"
#include "cramp-time.h"
#include "cramp-window-private.h"

/*
 * What the main window writes and reads: the report printed or saved as
 * PDF (with Open and Show in Files in its toast), the diary backed up to
 * a file and restored from one.
 */

/* The period on the report page, or the last 90 days if it was never shown. */
static CrampAnalysis *
current_analysis (CrampWindow *self)
{
  CrampAnalysis *analysis = cramp_report_page_get_analysis (self->report_page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) since = NULL;

  if (analysis != NULL)
    return cramp_analysis_ref (analysis);

  now = cramp_time_now ();
  since = g_date_time_add_days (now, -90);
  analysis = cramp_session_analyse (self->session, since, now, &error);
  if (analysis == NULL)
    _cramp_window_show_error (self, error->message);
  else if (analysis->episodes->len == 0)
    {
      _cramp_window_show_error (self, _("No cramp was logged in the last 90 days: there is no report to make."));
      g_clear_pointer (&analysis, cramp_analysis_unref);
    }

  return analysis;
}

static void
on_printed_cb (GtkPrintOperationResult  result,
               const GError            *error,
               gpointer                 user_data)
{
  CrampWindow *self = user_data;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      /* Translators: %s says why printing failed */
      g_autofree char *message = g_strdup_printf (_("The report could not be printed: %s"),
                                                  error ? error->message : _("the printer reported an error"));
      _cramp_window_show_error (self, message);
    }
  g_object_unref (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);
  g_autoptr(CrampAnalysis) analysis = current_analysis (self);

  if (analysis != NULL)
    cramp_print_report (GTK_WINDOW (self), analysis, self->settings, NULL,
                        on_printed_cb, g_object_ref (self));
}

static void
on_pdf_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CrampWindow *self = CRAMP_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (!cramp_print_save_pdf_finish (GTK_WINDOW (self), result, &error))
    {
      g_clear_object (&self->saved_report);
      _cramp_window_show_error (self, error->message);
    }
  else
    cramp_toast_present (self->toast, _("Report saved"), CRAMP_TOAST_OPEN_FILE);
}

static void
on_toast_open_cb (CrampWindow *self,
                  CrampToast  *toast)
{
  g_autofree char *uri = NULL;

  if (self->saved_report == NULL)
    return;

  uri = g_file_get_uri (self->saved_report);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
on_shown_in_files_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(CrampWindow) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL && self->saved_report != NULL)
    {
      /* no file manager that selects a file: its folder, then */
      g_autoptr(GFile) folder = g_file_get_parent (self->saved_report);
      g_autofree char *uri = g_file_get_uri (folder);

      g_debug ("The file manager cannot show the report: %s", error->message);
      gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
    }
}

/* The file manager, on the saved report, as Files' "Show in Files" does
 * it: org.freedesktop.FileManager1 on the session bus. */
static void
on_toast_show_in_files_cb (CrampWindow *self,
                           CrampToast  *toast)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (application));
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };

  if (self->saved_report == NULL || bus == NULL)
    return;

  uri = g_file_get_uri (self->saved_report);
  uris[0] = uri;
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                          self->cancellable, on_shown_in_files_cb, g_object_ref (self));
}

static void
on_pdf_chosen_cb (CrampWindow          *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  CrampReportOptions options;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) &&
      (path = g_file_get_path (file)) &&
      !cramp_file_check_target (path, cramp_session_get_diary_path (self->session), &error))
    _cramp_window_show_error (self, error->message);
  else if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    {
      /* the period the chooser named, whatever changed meanwhile */
      CrampAnalysis *analysis = g_object_get_data (G_OBJECT (chooser), "analysis");

      cramp_print_keep_choices (GTK_FILE_CHOOSER (chooser), self->settings);
      cramp_print_read_options (self->settings, &options);
      g_set_object (&self->saved_report, file);
      cramp_toast_present (self->toast, _("Saving the report…"), CRAMP_TOAST_NO_BUTTONS);
      cramp_print_save_pdf_async (GTK_WINDOW (self), analysis, &options, path, on_pdf_saved_cb, NULL);
    }

  g_object_unref (chooser);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);
  g_autoptr(CrampAnalysis) analysis = current_analysis (self);
  g_autofree char *name = NULL;
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (analysis == NULL)
    return;

  name = cramp_print_file_name (analysis);
  period = cramp_analysis_describe_period (analysis);
  /* Translators: the title of the file chooser; %s is the report's
   * period, as "22 Aug 2026 to 20 Nov 2026" */
  title = g_strdup_printf (_("Save the Report as PDF — %s"), period);
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  cramp_print_add_choices (GTK_FILE_CHOOSER (chooser), self->settings);
  g_object_set_data_full (G_OBJECT (chooser), "analysis", g_steal_pointer (&analysis),
                          (GDestroyNotify) cramp_analysis_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_pdf_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}


static void
on_backup_saved_cb (CrampWindow          *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) &&
      (path = g_file_get_path (file)))
    {
      if (cramp_session_back_up (self->session, path, &error))
        cramp_toast_present (self->toast, _("Backup saved"), CRAMP_TOAST_NO_BUTTONS);
      else
        _cramp_window_show_error (self, error->message);
    }

  g_object_unref (chooser);
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);
  g_autoptr(GDateTime) now = cramp_time_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the file name offered for a backup; %s is a date */
  g_autofree char *name = g_strdup_printf (_("Cramp Diary backup %s.sqlite3"), day);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Back Up the Diary"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_backup_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_backup_chosen_cb (CrampWindow          *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(CrampWindow) alive = g_object_ref (self);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) &&
      (path = g_file_get_path (file)))
    {
      /* a damaged diary is replaced, and the application makes a new
       * window for it; a sound one changes under this one */
      if (!cramp_session_restore (self->session, path, &aside, &error))
        _cramp_window_show_error (self, error->message);
      else if (gtk_widget_get_realized (GTK_WIDGET (self)))
        cramp_toast_present (self->toast, _("Diary restored; the diary as it was is kept with the backups"),
                             CRAMP_TOAST_NO_BUTTONS);
    }

  g_object_unref (chooser);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);
  g_autofree char *folder = cramp_session_get_backup_folder (self->session);
  g_autoptr(GFile) backups = g_file_new_for_path (folder);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Restore the Diary from a Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Restore"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), backups, NULL);
  gtk_file_filter_set_name (filter, _("Diary backups"));
  gtk_file_filter_add_suffix (filter, "sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_backup_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The actions that write or read files, and the toast's buttons for a
 * saved report. */
void
_cramp_window_class_add_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_toast_open_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_toast_show_in_files_cb);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
}
