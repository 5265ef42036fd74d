/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <X11/Xlib.h>
#include <gio/gio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cramp-bench.h"

/*
 * The window's figures, on the X display the benchmark runs on: start to
 * first frame (as the app reports it with CRAMP_DIARY_BENCH=1), start to
 * the window being mapped side by side with GNOME Text Editor opening an
 * empty document, resident memory after start-up, and scrolling the
 * whole history.
 */

typedef struct
{
  double first_frame;   /* ms, as the app reports it */
  double mapped;        /* ms from the spawn to the first top-level map */
  double rss_mb;
  double scroll_mean;   /* ms a page */
  double scroll_worst;
  guint  scroll_pages;
} Run;

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
         gboolean    scroll,
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
  if (scroll)
    g_subprocess_launcher_setenv (launcher, "CRAMP_DIARY_BENCH_SCROLL", "1", TRUE);
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
      g_free (line);
    }
  g_subprocess_wait (app, NULL, NULL);

  return run->first_frame > 0;
}

/* GNOME Text Editor opening an empty document: start to mapped, and its
 * memory a second later. */
static gboolean
run_text_editor (const char *program,
                 double     *mapped,
                 double     *rss_mb)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_build_filename (cramp_bench_work_dir (), "editor", NULL);
  Display *display = watch_maps ();
  const char *argv[] = { program, "--standalone", NULL };
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
  editor = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  *mapped = wait_for_map (display, started, 30000);
  XCloseDisplay (display);

  g_usleep (G_USEC_PER_SEC);
  /* no identifier: it has ended already */
  if (g_subprocess_get_identifier (editor) == NULL)
    return FALSE;
  *rss_mb = rss_mb_of (atoi (g_subprocess_get_identifier (editor)));
  g_subprocess_send_signal (editor, SIGTERM);
  g_subprocess_wait (editor, NULL, NULL);
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
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (Run));
  g_autoptr(GArray) empty_runs = g_array_new (FALSE, TRUE, sizeof (Run));
  g_autoptr(GArray) editor_mapped = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) editor_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *figure = NULL;
  g_autofree char *measured = NULL;
  g_autofree char *target = NULL;
  Run scrolled = { 0 };
  double first_frame, mapped, editor_map = -1, rss, empty_rss;

  if (g_getenv ("DISPLAY") == NULL)
    {
      cramp_bench_report ("the window's figures", "no X display", "(run under xvfb-run)", FALSE);
      return;
    }

  /* side by side: each run of the app next to one of the editor */
  for (guint i = 0; i < n_runs; i++)
    {
      Run run = { 0 }, empty = { 0 };
      double editor_ms, editor_mb;

      if (!run_app (binary, data_home, FALSE, NULL, &run) || !run_app (binary, empty_home, FALSE, NULL, &empty))
        {
          cramp_bench_report ("start to first frame", "the app reported nothing", "", FALSE);
          return;
        }
      g_array_append_val (runs, run);
      g_array_append_val (empty_runs, empty);
      if (editor != NULL && run_text_editor (editor, &editor_ms, &editor_mb))
        {
          g_array_append_val (editor_mapped, editor_ms);
          g_array_append_val (editor_rss, editor_mb);
        }
    }

  first_frame = median_of (runs, G_STRUCT_OFFSET (Run, first_frame));
  mapped = median_of (runs, G_STRUCT_OFFSET (Run, mapped));
  rss = median_of (runs, G_STRUCT_OFFSET (Run, rss_mb));
  empty_rss = median_of (empty_runs, G_STRUCT_OFFSET (Run, rss_mb));

  figure = g_strdup_printf ("start to first frame, %u episodes", n);
  measured = g_strdup_printf ("%.0f ms", first_frame);
  cramp_bench_report (figure, measured, "< 300 ms", first_frame < 300);
  g_clear_pointer (&figure, g_free);
  g_clear_pointer (&measured, g_free);
  measured = g_strdup_printf ("%.0f ms", median_of (empty_runs, G_STRUCT_OFFSET (Run, first_frame)));
  cramp_bench_compare ("an empty diary", measured);
  g_clear_pointer (&measured, g_free);

  figure = g_strdup_printf ("start to window mapped, %u episodes", n);
  if (editor_mapped->len > 0)
    {
      editor_map = cramp_bench_median (editor_mapped);
      measured = g_strdup_printf ("%.0f ms", mapped);
      target = g_strdup_printf ("≤ %.0f ms (Text Editor)", editor_map);
      cramp_bench_report (figure, measured, target, mapped <= editor_map);
    }
  else
    cramp_bench_report (figure, editor ? "GNOME Text Editor did not open" : "GNOME Text Editor not installed",
                        "≤ Text Editor", FALSE);
  g_clear_pointer (&figure, g_free);
  g_clear_pointer (&measured, g_free);
  g_clear_pointer (&target, g_free);

  /* memory, with what the toolkit alone takes on this display */
  figure = g_strdup_printf ("resident memory after start-up, %u episodes", n);
  measured = g_strdup_printf ("%.0f MB", rss);
  cramp_bench_report (figure, measured, "< 100 MB", rss < 100);
  g_clear_pointer (&figure, g_free);
  g_clear_pointer (&measured, g_free);
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
  if (!run_app (binary, data_home, TRUE, NULL, &scrolled) || scrolled.scroll_pages == 0)
    {
      cramp_bench_report ("scrolling the whole history", "the app reported nothing", "", FALSE);
      return;
    }
  figure = g_strdup_printf ("scrolling %u episodes, %u pages at 5 places", n, scrolled.scroll_pages);
  measured = g_strdup_printf ("%.1f ms a frame (worst %.0f)", scrolled.scroll_mean, scrolled.scroll_worst);
  cramp_bench_report (figure, measured, "< 16 ms a frame", scrolled.scroll_mean < 16);
  g_clear_pointer (&measured, g_free);

  if (run_app (binary, data_home, TRUE, "cairo", &scrolled) && scrolled.scroll_pages > 0)
    {
      measured = g_strdup_printf ("%.1f ms a frame (worst %.0f)", scrolled.scroll_mean, scrolled.scroll_worst);
      cramp_bench_compare ("the same, with GSK_RENDERER=cairo", measured);
    }
}
