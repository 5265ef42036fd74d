/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <gtk/gtkunixprint.h>
#include <locale.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cramp-analysis.h"
#include "cramp-print.h"
#include "cramp-store-episodes.h"
#include "cramp-test-utils.h"

/*
 * Prints the report through GtkPrintOperation — GTK's CUPS backend — to a
 * real CUPS daemon started for the test, on a cups-pdf queue, waits for
 * the job, and reads the text of the PDF the queue wrote.
 *
 * cups-pdf's backend runs only as root and writes to ~/PDF of the job's
 * user; the test removes what it printed. As another user it is skipped.
 */

#define SKIP 77

static char *dir;
static GSubprocess *cupsd;

static void
write_config (const char *name,
              const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static void
run_checked (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static char *
start_cups (void)
{
  g_autofree char *socket = g_build_filename (dir, "cups.sock", NULL);
  g_autofree char *cupsd_conf = NULL;
  g_autofree char *files_conf = NULL;
  g_autofree char *conf_path = g_build_filename (dir, "cupsd.conf", NULL);
  g_autofree char *files_path = g_build_filename (dir, "cups-files.conf", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  const char *subdirs[] = { "root", "spool", "tmp", "cache", "state", "log" };

  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *path = g_build_filename (dir, subdirs[i], NULL);
      g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
    }
  /* the filters run as lp */
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  {
    g_autofree char *tmp = g_build_filename (dir, "tmp", NULL);
    g_assert_cmpint (g_chmod (tmp, 01777), ==, 0);
  }

  cupsd_conf = g_strdup_printf ("Listen %s\n"
                                "LogLevel info\n"
                                "Browsing Off\n"
                                "WebInterface No\n"
                                "DefaultAuthType None\n"
                                "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                                "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n",
                                socket);
  files_conf = g_strdup_printf ("ServerRoot %1$s/root\n"
                                "RequestRoot %1$s/spool\n"
                                "TempDir %1$s/tmp\n"
                                "CacheDir %1$s/cache\n"
                                "StateDir %1$s/state\n"
                                "ErrorLog %1$s/log/error_log\n"
                                "AccessLog %1$s/log/access_log\n"
                                "PageLog %1$s/log/page_log\n"
                                "ServerBin /usr/lib/cups\n"
                                "DataDir /usr/share/cups\n",
                                dir);
  write_config ("cupsd.conf", cupsd_conf);
  write_config ("root/cupsd.conf", cupsd_conf);
  write_config ("cups-files.conf", files_conf);

  /* cupsd dies with the test, even when the test crashes */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  cupsd = g_subprocess_launcher_spawn (launcher, &error,
                                       "cupsd", "-f", "-c", conf_path, "-s", files_path, NULL);
  g_assert_no_error (error);

  for (int i = 0; i < 100 && !g_file_test (socket, G_FILE_TEST_EXISTS); i++)
    g_usleep (50000);
  g_assert_true (g_file_test (socket, G_FILE_TEST_EXISTS));

  /* a PDF queue; pdftops keeps the text of the pages that the default
   * renderer turns into outlines */
  {
    const char *argv[] = {
      "lpadmin", "-h", socket, "-p", "CrampTest", "-E", "-v", "cups-pdf:/",
      "-P", "/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd",
      "-o", "pdftops-renderer-default=pdftops", NULL,
    };
    run_checked (argv);
  }

  return g_steal_pointer (&socket);
}

static void
fill_diary (CrampStore *store)
{
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) first = cramp_time_parse ("2026-10-01T03:00:00+02:00", NULL);
  const char *meds[] = { "Lasix 40 mg", NULL };

  for (guint d = 0; d < 30; d++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (first, d);
      CrampEpisode *episode = cramp_episode_new (when);

      cramp_episode_set_muscle (episode, CRAMP_MUSCLE_CALF);
      cramp_episode_set_duration (episode, 90);
      cramp_episode_set_woke_from_sleep (episode, TRUE);
      cramp_episode_set_medications (episode, meds);
      g_ptr_array_add (episodes, episode);
    }
  g_assert_true (cramp_store_import (store, episodes, NULL, NULL, NULL));
}

typedef struct
{
  GMainLoop               *loop;
  GtkPrintOperationResult  result;
  char                    *error;
  gboolean                 done;
} PrintResult;

static void
on_done (GtkPrintOperationResult  result,
         const GError            *error,
         gpointer                 user_data)
{
  PrintResult *print = user_data;

  print->result = result;
  print->error = error ? g_strdup (error->message) : NULL;
  print->done = TRUE;
  g_main_loop_quit (print->loop);
}

/* The print dialog, once it has found and chosen the test's queue. */
static GtkPrintUnixDialog *
find_ready_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      GtkPrinter *printer;

      if (!GTK_IS_PRINT_UNIX_DIALOG (window))
        continue;
      printer = gtk_print_unix_dialog_get_selected_printer (GTK_PRINT_UNIX_DIALOG (window));
      if (printer != NULL && g_str_equal (gtk_printer_get_name (printer), "CrampTest"))
        return GTK_PRINT_UNIX_DIALOG (window);
    }

  return NULL;
}

/* Presses Print, as the user would, when the dialog is ready. */
static void
press_print_when_ready (void)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GtkPrintUnixDialog *dialog = NULL;

  while (dialog == NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
      dialog = find_ready_dialog ();
    }
  if (dialog == NULL)
    g_error ("the print dialog did not find the CUPS queue CrampTest");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static gboolean
give_up_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* The newest PDF in @folder written since @since. */
static char *
find_output (const char *folder,
             time_t      since)
{
  g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
  g_autofree char *newest = NULL;
  time_t newest_time = since - 1;
  const char *name;

  while (listing && (name = g_dir_read_name (listing)))
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GStatBuf st;

      if (g_str_has_suffix (name, ".pdf") && g_stat (path, &st) == 0 && st.st_mtime >= newest_time)
        {
          newest_time = st.st_mtime;
          g_free (newest);
          newest = g_steal_pointer (&path);
        }
    }

  return g_steal_pointer (&newest);
}

/* Whether the queue finished every job within a minute: lpstat lists
 * the jobs not completed. */
static gboolean
wait_for_jobs (const char *socket)
{
  const char *argv[] = { "lpstat", "-h", socket, "-o", "CrampTest", NULL };

  for (int i = 0; i < 600; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) lpstat = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
      g_autofree char *out = NULL;

      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (lpstat, NULL, NULL, &out, NULL, &error);
      g_assert_no_error (error);
      if (g_subprocess_get_successful (lpstat) && out != NULL && g_strstrip (out)[0] == '\0')
        return TRUE;
      g_usleep (100000);
    }

  return FALSE;
}

static void
test_print_to_cups (void)
{
  g_autofree char *socket = start_cups ();
  g_autofree char *diary = g_build_filename (dir, "diary", "diary.sqlite3", NULL);
  g_autofree char *out_folder = g_build_filename (getpwuid (getuid ())->pw_dir, "PDF", NULL);
  g_autoptr(CrampStore) store = cramp_store_open (diary, NULL);
  g_autoptr(GDateTime) since = cramp_time_parse ("2026-10-01T00:00:00+02:00", NULL);
  g_autoptr(GDateTime) until = cramp_time_parse ("2026-10-31T23:59:59+01:00", NULL);
  g_autoptr(CrampAnalysis) analysis = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  PrintResult print = { loop };
  GtkWidget *window;
  time_t started = time (NULL);
  guint timeout;

  g_setenv ("CUPS_SERVER", socket, TRUE);
  fill_diary (store);
  analysis = cramp_analysis_new (store, since, until, NULL);
  g_assert_nonnull (analysis);

  /* only the table is left out, in the dialog's Report tab */
  g_settings_set_boolean (settings, "report-include-table", FALSE);
  gtk_print_settings_set_printer (print_settings, "CrampTest");
  timeout = g_timeout_add_seconds (90, give_up_cb, loop);
  window = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (window));
  cramp_print_report (GTK_WINDOW (window), analysis, settings, print_settings, on_done, &print);
  press_print_when_ready ();
  if (!print.done)
    g_main_loop_run (loop);
  g_source_remove (timeout);

  g_assert_true (print.done);
  if (print.result != GTK_PRINT_OPERATION_RESULT_APPLY)
    g_error ("printing failed (%d): %s", print.result, print.error);

  /* wait for the queue to write the PDF */
  for (int i = 0; i < 600 && output == NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (100000);
      output = find_output (out_folder, started);
    }
  if (output == NULL)
    {
      g_autofree char *log_path = g_build_filename (dir, "log", "error_log", NULL);
      g_autofree char *log = NULL;

      g_file_get_contents (log_path, &log, NULL, NULL);
      g_error ("the queue wrote no PDF in %s; its log:\n%s", out_folder, log);
    }

  /* the file appears as the backend begins it: wait for the queue to
   * say the job is done, not for a moment that a busy machine may
   * need more than */
  g_assert_true (wait_for_jobs (socket));
  {
    const char *argv[] = { "pdftotext", "-layout", output, "-", NULL };
    g_autoptr(GSubprocess) pdftotext = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);

    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (pdftotext, NULL, NULL, &text, NULL, &error);
    g_assert_no_error (error);
    g_test_message ("printed %s", output);

    g_assert_nonnull (strstr (text, "Leg Cramps: Report for the Doctor"));
    g_assert_nonnull (strstr (text, "1 Oct 2026 to 31 Oct 2026"));
    g_assert_nonnull (strstr (text, "Page 1 of"));
    g_assert_nonnull (strstr (text, "not a diagnosis"));
    g_assert_nonnull (strstr (text, "A medicine reported with cramps: loop diuretics"));
    g_assert_null (strstr (text, "Every Cramp in the Period"));
  }

  g_unlink (output);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Europe/Berlin", TRUE);

  if (geteuid () != 0)
    {
      g_print ("1..0 # SKIP cups-pdf's backend runs only as root\n");
      return 0;
    }
  if (!g_file_test ("/usr/lib/cups/backend/cups-pdf", G_FILE_TEST_EXISTS) ||
      !g_file_test ("/usr/sbin/cupsd", G_FILE_TEST_EXISTS))
    {
      g_print ("1..0 # SKIP CUPS and cups-pdf are not installed\n");
      return 0;
    }

  g_setenv ("PATH", "/usr/sbin:/sbin:/usr/bin:/bin", TRUE);
  dir = cramp_test_mkdtemp ();
  gtk_test_init (&argc, &argv, NULL);
  /* GTK's CUPS backend warns that colord, on the system bus, cannot be
   * reached; the test has no system bus. Warnings are not fatal here. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/print/cups-pdf", test_print_to_cups);
  status = g_test_run ();

  if (cupsd != NULL)
    {
      g_subprocess_send_signal (cupsd, SIGTERM);
      g_subprocess_wait (cupsd, NULL, NULL);
    }
  cramp_test_rmdir (dir);
  return status;
}
