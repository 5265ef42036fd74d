/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <X11/Xlib.h>
#include <adwaita.h>
#include <gio/gio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cramp-bench.h"

/*
 * The window's figures, on the X display the benchmark runs on: start to
 * first frame (as the app reports it with CRAMP_DIARY_BENCH=1), start to
 * the window being mapped and resident memory after start-up, side by
 * side with a bare libadwaita window (the benchmark itself, run with
 * --bare-window) and GNOME Text Editor opening an empty document;
 * scrolling the whole history; a search of the history and the report's
 * Whole Diary, each to its result on screen.
 */

typedef struct
{
  double first_frame;   /* ms, as the app reports it */
  double mapped;        /* ms from the spawn to the first top-level map */
  double rss_mb;
  double scroll_mean;   /* ms a page */
  double scroll_worst;
  guint  scroll_pages;
  double first_ms;      /* a search: to its first results painted */
  double work_ms;       /* a search or the report's Whole Diary: to all of it painted */
  double work_gap_ms;   /* the longest the main loop did not run meanwhile */
  double work_mb;       /* the growth of resident memory */
  guint  found;
} Run;

static void
on_bare_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), "No Cramps Yet");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-new-symbolic");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
}

/* Waits for the first top-level window to be mapped on @display. */
static double
wait_for_map (Display *display,
              double   started,
              double   timeout_ms)
{
  while (cramp_bench_now_ms () - started < timeout_ms)
    {
      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && !event.xmap.override_redirect)
            return cramp_bench_now_ms () - started;
        }
      g_usleep (500);
    }

  return -1;
}

static Display *
watch_maps (void)
{
  Display *display = XOpenDisplay (NULL);

  if (display == NULL)
    return NULL;
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, True);
  return display;
}

static double
rss_mb_of (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) || !(line = strstr (status, "VmRSS:")))
    return -1;

  return strtol (line + strlen ("VmRSS:"), NULL, 10) / 1024.0;
}

/* One start of the app on @data_home, read from its report lines. */
static gboolean
run_app (const char *binary,
         const char *data_home,
         const char *task,
         const char *renderer,
         Run        *run)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  Display *display = watch_maps ();
  const char *argv[] = { binary, NULL };
  double started;
  char *line;

  if (display == NULL)
    return FALSE;

  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_unsetenv (launcher, "GTK_A11Y");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "CRAMP_DIARY_BENCH", "1", TRUE);
  /* "SCROLL=1", "SEARCH=text" or "REPORT=1": what to do once started */
  if (task != NULL)
    {
      g_auto(GStrv) name_value = g_strsplit (task, "=", 2);
      g_autofree char *name = g_strconcat ("CRAMP_DIARY_BENCH_", name_value[0], NULL);

      g_subprocess_launcher_setenv (launcher, name, name_value[1], TRUE);
    }
  if (renderer != NULL)
    g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", renderer, TRUE);
  /* not the instance of another run */
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);

  started = cramp_bench_now_ms ();
  app = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  run->mapped = wait_for_map (display, started, 30000);
  XCloseDisplay (display);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (app));
  while ((line = g_data_input_stream_read_line (lines, NULL, NULL, NULL)) != NULL)
    {
      sscanf (line, "first-frame %lf", &run->first_frame);
      if (g_str_has_prefix (line, "rss-kb "))
        run->rss_mb = g_ascii_strtod (line + 7, NULL) / 1024;
      sscanf (line, "scroll %u %lf %lf", &run->scroll_pages, &run->scroll_mean, &run->scroll_worst);
      if (sscanf (line, "search %lf %lf %u %lf %lf", &run->first_ms, &run->work_ms, &run->found, &run->work_gap_ms,
                  &run->work_mb) == 5 ||
          sscanf (line, "report %lf %lf %lf", &run->work_ms, &run->work_gap_ms, &run->work_mb) == 3)
        run->work_mb /= 1024;
      g_free (line);
    }
  g_subprocess_wait (app, NULL, NULL);

  return run->first_frame > 0;
}

/* Another program's window (GNOME Text Editor opening an empty
 * document, the bare libadwaita window): start to mapped, and its memory
 * a second later. */
static gboolean
run_other (const char * const *argv,
           double             *mapped,
           double             *rss_mb)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_build_filename (cramp_bench_work_dir (), "other", NULL);
  Display *display = watch_maps ();
  double started;

  if (display == NULL)
    return FALSE;

  /* as a user starts it: not with the test suite's fatal criticals */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_unsetenv (launcher, "GTK_A11Y");
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  started = cramp_bench_now_ms ();
  other = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  *mapped = wait_for_map (display, started, 30000);
  XCloseDisplay (display);

  g_usleep (G_USEC_PER_SEC);
  /* no identifier: it has ended already */
  if (g_subprocess_get_identifier (other) == NULL)
    return FALSE;
  *rss_mb = rss_mb_of (atoi (g_subprocess_get_identifier (other)));
  g_subprocess_send_signal (other, SIGTERM);
  g_subprocess_wait (other, NULL, NULL);
  return *mapped > 0;
}

static double
median_of (GArray *runs,
           gsize   offset)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs->len; i++)
    g_array_append_val (values, G_STRUCT_MEMBER (double, &g_array_index (runs, Run, i), offset));

  return cramp_bench_median (values);
}

/* Starts the app with @task a few times and reports the medians of what
 * it measured, beside the targets: its first results on screen (a
 * search shows them a part at a time; the report fills its page at
 * once), all of it, the longest the window waited, and memory. */
static void
bench_task (const char *binary,
            const char *data_home,
            const char *task,
            const char *what,
            double      first_target_ms,
            double      all_target_ms)
{
  guint n_runs = cramp_bench_is_quick () ? 1 : 5;
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (Run));
  g_autofree char *figure = NULL;
  g_autofree char *measured = NULL;
  g_autofree char *target = NULL;
  double first, all, gap, mb;

  for (guint i = 0; i < n_runs; i++)
    {
      Run run = { 0 };

      if (!run_app (binary, data_home, task, NULL, &run) || run.work_ms <= 0)
        {
          cramp_bench_report (what, "the app reported nothing", "", FALSE);
          return;
        }
      if (run.first_ms <= 0)
        run.first_ms = run.work_ms;
      g_array_append_val (runs, run);
    }

  first = median_of (runs, G_STRUCT_OFFSET (Run, first_ms));
  all = median_of (runs, G_STRUCT_OFFSET (Run, work_ms));
  gap = median_of (runs, G_STRUCT_OFFSET (Run, work_gap_ms));
  mb = median_of (runs, G_STRUCT_OFFSET (Run, work_mb));

  figure = g_strdup_printf ("%s: first results on screen", what);
  measured = g_strdup_printf ("%.0f ms", first);
  target = g_strdup_printf ("≤ %.0f ms", first_target_ms);
  cramp_bench_report (figure, measured, target, first <= first_target_ms);
  g_clear_pointer (&figure, g_free);
  g_clear_pointer (&measured, g_free);
  g_clear_pointer (&target, g_free);

  figure = g_strdup_printf ("%s: all on screen", what);
  measured = g_strdup_printf ("%.0f ms", all);
  if (all_target_ms > 0)
    {
      target = g_strdup_printf ("≤ %.0f ms", all_target_ms);
      cramp_bench_report (figure, measured, target, all <= all_target_ms);
    }
  else
    cramp_bench_compare (figure, measured);
  g_clear_pointer (&figure, g_free);
  g_clear_pointer (&measured, g_free);

  figure = g_strdup_printf ("%s: longest the window waited", what);
  measured = g_strdup_printf ("%.0f ms", gap);
  cramp_bench_report (figure, measured, "≤ 100 ms", gap <= 100);
  g_clear_pointer (&figure, g_free);
  g_clear_pointer (&measured, g_free);

  figure = g_strdup_printf ("%s: resident memory grew", what);
  measured = g_strdup_printf ("%.1f MB", mb);
  cramp_bench_report (figure, measured, "≤ 50 MB", mb <= 50);
}

/* The same window as the app's, with nothing in it: what the toolkit
 * alone takes on this display. The benchmark runs itself for it. */
int
cramp_bench_bare_window (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.crampdiary.Bench", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_bare_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

void
cramp_bench_window (const char *binary)
{
  guint n = cramp_bench_is_quick () ? 1000 : 100000;
  guint n_runs = cramp_bench_is_quick () ? 1 : 7;
  g_autofree char *diary = cramp_bench_make_diary (n);
  g_autofree char *cramp_dir = g_path_get_dirname (diary);
  g_autofree char *data_home = g_path_get_dirname (cramp_dir);
  g_autofree char *empty_home = g_build_filename (cramp_bench_work_dir (), "empty-diary", NULL);
  g_autofree char *editor = g_find_program_in_path ("gnome-text-editor");
  g_autofree char *bench = g_file_read_link ("/proc/self/exe", NULL);
  const char *editor_argv[] = { editor, "--standalone", NULL };
  const char *bare_argv[] = { bench, "--bare-window", NULL };
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (Run));
  g_autoptr(GArray) empty_runs = g_array_new (FALSE, TRUE, sizeof (Run));
  g_autoptr(GArray) editor_mapped = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) editor_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_mapped = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *figure = NULL;
  g_autofree char *measured = NULL;
  g_autofree char *target = NULL;
  Run scrolled = { 0 };
  double first_frame, mapped, bare_map, rss, empty_rss, bare;

  if (g_getenv ("DISPLAY") == NULL)
    {
      cramp_bench_report ("the window's figures", "no X display", "(run under xvfb-run)", FALSE);
      return;
    }

  /* side by side: each run of the app next to one of the bare window
   * and one of the editor */
  for (guint i = 0; i < n_runs; i++)
    {
      Run run = { 0 }, empty = { 0 };
      double other_ms, other_mb;

      if (!run_app (binary, data_home, NULL, NULL, &run) || !run_app (binary, empty_home, NULL, NULL, &empty))
        {
          cramp_bench_report ("start to first frame", "the app reported nothing", "", FALSE);
          return;
        }
      g_array_append_val (runs, run);
      g_array_append_val (empty_runs, empty);
      if (!run_other (bare_argv, &other_ms, &other_mb))
        {
          cramp_bench_report ("the bare libadwaita window", "did not open", "", FALSE);
          return;
        }
      g_array_append_val (bare_mapped, other_ms);
      g_array_append_val (bare_rss, other_mb);
      if (editor != NULL && run_other (editor_argv, &other_ms, &other_mb))
        {
          g_array_append_val (editor_mapped, other_ms);
          g_array_append_val (editor_rss, other_mb);
        }
    }

  first_frame = median_of (runs, G_STRUCT_OFFSET (Run, first_frame));
  mapped = median_of (runs, G_STRUCT_OFFSET (Run, mapped));
  rss = median_of (runs, G_STRUCT_OFFSET (Run, rss_mb));
  empty_rss = median_of (empty_runs, G_STRUCT_OFFSET (Run, rss_mb));
  bare_map = cramp_bench_median (bare_mapped);
  bare = cramp_bench_median (bare_rss);

  figure = g_strdup_printf ("start to first frame, %u episodes", n);
  measured = g_strdup_printf ("%.0f ms", first_frame);
  cramp_bench_report (figure, measured, "< 300 ms", first_frame < 300);
  g_clear_pointer (&figure, g_free);
  g_clear_pointer (&measured, g_free);
  measured = g_strdup_printf ("%.0f ms", median_of (empty_runs, G_STRUCT_OFFSET (Run, first_frame)));
  cramp_bench_compare ("an empty diary", measured);
  g_clear_pointer (&measured, g_free);

  figure = g_strdup_printf ("start to window mapped, %u episodes", n);
  measured = g_strdup_printf ("%.0f ms (%.2f×)", mapped, mapped / bare_map);
  target = g_strdup_printf ("≤ 1.1 × %.0f ms (bare window)", bare_map);
  cramp_bench_report (figure, measured, target, mapped <= 1.1 * bare_map);
  g_clear_pointer (&figure, g_free);
  g_clear_pointer (&measured, g_free);
  g_clear_pointer (&target, g_free);
  if (editor_mapped->len > 0)
    {
      measured = g_strdup_printf ("%.0f ms", cramp_bench_median (editor_mapped));
      cramp_bench_compare ("GNOME Text Editor, empty document", measured);
      g_clear_pointer (&measured, g_free);
    }

  /* memory, beside what the toolkit alone takes on this display */
  figure = g_strdup_printf ("resident memory after start-up, %u episodes", n);
  measured = g_strdup_printf ("%.0f MB (+%.0f)", rss, rss - bare);
  target = g_strdup_printf ("≤ %.0f + 10 MB (bare window)", bare);
  cramp_bench_report (figure, measured, target, rss <= bare + 10);
  g_clear_pointer (&figure, g_free);
  g_clear_pointer (&measured, g_free);
  g_clear_pointer (&target, g_free);
  measured = g_strdup_printf ("%.0f MB", empty_rss);
  cramp_bench_compare ("an empty diary", measured);
  g_clear_pointer (&measured, g_free);
  if (editor_rss->len > 0)
    {
      measured = g_strdup_printf ("%.0f MB", cramp_bench_median (editor_rss));
      cramp_bench_compare ("GNOME Text Editor, empty document", measured);
      g_clear_pointer (&measured, g_free);
    }

  /* scrolling: a page a frame, at places from the newest to the oldest;
   * then again with GTK's cairo renderer, which draws without GL, for
   * a machine whose GL is drawn by the processor */
  if (!run_app (binary, data_home, "SCROLL=1", NULL, &scrolled) || scrolled.scroll_pages == 0)
    {
      cramp_bench_report ("scrolling the whole history", "the app reported nothing", "", FALSE);
      return;
    }
  figure = g_strdup_printf ("scrolling %u episodes, %u pages at 5 places", n, scrolled.scroll_pages);
  measured = g_strdup_printf ("%.1f ms a frame (worst %.0f)", scrolled.scroll_mean, scrolled.scroll_worst);
  cramp_bench_report (figure, measured, "< 16 ms a frame", scrolled.scroll_mean < 16);
  g_clear_pointer (&figure, g_free);
  g_clear_pointer (&measured, g_free);

  if (run_app (binary, data_home, "SCROLL=1", "cairo", &scrolled) && scrolled.scroll_pages > 0)
    {
      measured = g_strdup_printf ("%.1f ms a frame (worst %.0f)", scrolled.scroll_mean, scrolled.scroll_worst);
      cramp_bench_compare ("the same, with GSK_RENDERER=cairo", measured);
      g_clear_pointer (&measured, g_free);
    }

  /* "sore" is in one cramp's note in six: about 17 000 of 100 000 */
  figure = g_strdup_printf ("history search, %u episodes", n);
  bench_task (binary, data_home, "SEARCH=sore", figure, 200, 0);
  g_clear_pointer (&figure, g_free);
  figure = g_strdup_printf ("report, Whole Diary, %u episodes", n);
  bench_task (binary, data_home, "REPORT=1", figure, 1000, 3000);
}
