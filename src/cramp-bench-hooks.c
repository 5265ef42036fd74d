/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-bench-hooks"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <adwaita.h>

#include "cramp-bench-hooks.h"
#include "cramp-episode-list.h"
#include "cramp-history-page.h"
#include "cramp-report-page.h"

/*
 * What tests/bench/cramp-bench.c reads from the app, when it is started
 * with CRAMP_DIARY_BENCH=1, on standard output, a line each:
 *
 *   first-frame MS      process start to the end of the first paint
 *   rss-kb KB           resident memory, a second after that
 *   scroll PAGES MEAN MAX   with CRAMP_DIARY_BENCH_SCROLL=1: the history
 *                       scrolled a page a frame, 100 pages from each of
 *                       5 places from its top to its bottom; the mean and
 *                       worst milliseconds of the frames that show a new
 *                       page, from the start of the frame to the end of
 *                       its paint (not the wait for the frame's turn)
 *   search FIRST ALL FOUND GAP KB  with CRAMP_DIARY_BENCH_SEARCH=TEXT:
 *                       TEXT put in the history's search entry at once,
 *                       as a paste or the last key would; the
 *                       milliseconds until the first results are
 *                       painted, and all of them, how many there are,
 *                       the longest the main loop did not run meanwhile
 *                       (ms), and the growth of resident memory (KB)
 *   report FIRST GAP KB     with CRAMP_DIARY_BENCH_REPORT=1: the report
 *                       page shown (its usual period worked out first),
 *                       then Whole Diary chosen; the milliseconds until
 *                       its content is painted (the page fills all its
 *                       sections at once), the longest the main loop did
 *                       not run meanwhile, and the growth of resident
 *                       memory
 *
 * and then it quits. Without the variable none of this exists.
 */

#define SCROLL_PLACES 5
#define SCROLL_PAGES  100

typedef struct
{
  GtkWindow     *window;
  GtkAdjustment *adjustment;
  gulong         paint_handler;
  gulong         start_handler;
  gint64         step_started;
  guint          place;
  guint          page;
  guint          measured;
  double         total_ms;
  double         worst_ms;

  /* search and report */
  GObject       *watched;        /* the episode list, or the report page */
  gint64         started;
  long           started_kb;
  guint          ticker;
  gint64         last_tick;
  gint64         longest_gap;
  double         first_ms;       /* a search: to its first results painted */
  gulong         first_handler;
} Bench;

/* Milliseconds since the process started, from /proc/self/stat. */
static double
since_process_start (void)
{
  g_autofree char *stat = NULL;
  const char *fields;
  unsigned long long start_ticks = 0;
  struct timespec now;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (fields = strrchr (stat, ')')) == NULL)
    return -1;

  /* after the command's name: state is field 3, starttime field 22 */
  if (sscanf (fields + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
              &start_ticks) != 1)
    return -1;

  clock_gettime (CLOCK_BOOTTIME, &now);
  return (now.tv_sec + now.tv_nsec / 1e9) * 1000 - start_ticks * 1000.0 / sysconf (_SC_CLK_TCK);
}

static long
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;

  return strtol (line + strlen ("VmRSS:"), NULL, 10);
}

/* The history's scrolled window: around the one list view on screen. */
static GtkScrolledWindow *
find_scrolled_list (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LIST_VIEW (child))
        return GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (child, GTK_TYPE_SCROLLED_WINDOW));
      if ((found = find_scrolled_list (child)))
        return found;
    }

  return NULL;
}

static void
finish (Bench *bench)
{
  GtkApplication *app = gtk_window_get_application (bench->window);

  fflush (stdout);
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  g_free (bench);
}

/* The next move: to the start of a place (a jump, not measured), or a
 * page down from where the list is. */
static void
move (Bench         *bench,
      GdkFrameClock *clock)
{
  GtkAdjustment *adjustment = bench->adjustment;
  double top = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (bench->page == 0)
    gtk_adjustment_set_value (adjustment, top * bench->place / SCROLL_PLACES);
  else
    gtk_adjustment_set_value (adjustment,
                              gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));

  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

static void
on_frame_started_cb (GdkFrameClock *clock,
                     Bench         *bench)
{
  bench->step_started = g_get_monotonic_time ();
}

static void
on_scroll_painted_cb (GdkFrameClock *clock,
                      Bench         *bench)
{
  if (bench->page > 0)
    {
      double ms = (g_get_monotonic_time () - bench->step_started) / 1000.0;

      bench->total_ms += ms;
      bench->worst_ms = MAX (bench->worst_ms, ms);
      bench->measured++;
    }

  if (++bench->page > SCROLL_PAGES)
    {
      bench->page = 0;
      if (++bench->place == SCROLL_PLACES)
        {
          g_signal_handler_disconnect (clock, bench->paint_handler);
          g_signal_handler_disconnect (clock, bench->start_handler);
          printf ("scroll %u %.2f %.2f\n", bench->measured, bench->total_ms / bench->measured, bench->worst_ms);
          finish (bench);
          return;
        }
    }

  move (bench, clock);
}

/* The first widget of @type in the tree of @widget, shown or not, but
 * not inside a popover (such as a drop-down's list). */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  if (GTK_IS_POPOVER (widget))
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if ((found = find_widget (child, type)))
        return found;
    }

  return NULL;
}

/* A timer of 10 ms: the longest wait between two of its ticks is the
 * longest the window did not answer. */
static gboolean
tick_cb (gpointer user_data)
{
  Bench *bench = user_data;
  gint64 now = g_get_monotonic_time ();

  bench->longest_gap = MAX (bench->longest_gap, now - bench->last_tick);
  bench->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
start_measuring (Bench *bench)
{
  bench->started_kb = resident_kb ();
  bench->last_tick = bench->started = g_get_monotonic_time ();
  bench->longest_gap = 0;
  bench->ticker = g_timeout_add (10, tick_cb, bench);
}

static double
stop_measuring (Bench *bench)
{
  double ms = (g_get_monotonic_time () - bench->started) / 1000.0;

  tick_cb (bench);
  g_clear_handle_id (&bench->ticker, g_source_remove);
  return ms;
}

static void
on_search_painted_cb (GdkFrameClock *clock,
                      Bench         *bench)
{
  double ms = stop_measuring (bench);

  g_signal_handler_disconnect (clock, bench->paint_handler);
  printf ("search %.1f %.1f %u %.1f %ld\n", bench->first_ms, ms,
          g_list_model_get_n_items (G_LIST_MODEL (bench->watched)), bench->longest_gap / 1000.0,
          resident_kb () - bench->started_kb);
  finish (bench);
}

static void
on_first_found_painted_cb (GdkFrameClock *clock,
                           Bench         *bench)
{
  bench->first_ms = (g_get_monotonic_time () - bench->started) / 1000.0;
  g_signal_handler_disconnect (clock, bench->first_handler);
}

/* The first rows of what the search found come in */
static void
on_found_cb (GListModel *list,
             guint       position,
             guint       removed,
             guint       added,
             Bench      *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));

  if (added == 0)
    return;

  g_signal_handlers_disconnect_by_func (list, on_found_cb, bench);
  bench->first_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_found_painted_cb), bench);
}

static void
on_searching_cb (CrampEpisodeList *list,
                 GParamSpec       *pspec,
                 Bench            *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));

  if (cramp_episode_list_get_searching (list))
    return;

  g_signal_handlers_disconnect_by_func (list, on_searching_cb, bench);
  bench->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_search_painted_cb), bench);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
start_search (Bench      *bench,
              const char *text)
{
  GtkWidget *page = find_widget (GTK_WIDGET (bench->window), CRAMP_TYPE_HISTORY_PAGE);
  GtkWidget *entry = find_widget (page, GTK_TYPE_SEARCH_ENTRY);
  GtkListView *list_view = GTK_LIST_VIEW (find_widget (page, GTK_TYPE_LIST_VIEW));
  GtkNoSelection *selection = GTK_NO_SELECTION (gtk_list_view_get_model (list_view));

  bench->watched = G_OBJECT (gtk_no_selection_get_model (selection));
  gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.search", NULL);
  g_signal_connect (bench->watched, "notify::searching", G_CALLBACK (on_searching_cb), bench);
  g_signal_connect (bench->watched, "items-changed", G_CALLBACK (on_found_cb), bench);
  start_measuring (bench);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
on_report_painted_cb (GdkFrameClock *clock,
                      Bench         *bench)
{
  double ms;

  if (cramp_report_page_get_busy (CRAMP_REPORT_PAGE (bench->watched)))
    return;

  ms = stop_measuring (bench);
  g_signal_handler_disconnect (clock, bench->paint_handler);
  printf ("report %.1f %.1f %ld\n", ms, bench->longest_gap / 1000.0, resident_kb () - bench->started_kb);
  finish (bench);
}

static gboolean
choose_whole_diary_cb (gpointer user_data)
{
  Bench *bench = user_data;
  CrampReportPage *page = CRAMP_REPORT_PAGE (bench->watched);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));

  /* the usual period first, worked out and shown */
  if (cramp_report_page_get_busy (page))
    return G_SOURCE_CONTINUE;

  start_measuring (bench);
  /* the periods' order of cramp-report-page.c: 30 days, 90 days, a year, the whole diary */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN)), 3);
  bench->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_report_painted_cb), bench);
  return G_SOURCE_REMOVE;
}

static void
show_report (Bench *bench)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (bench->window), ADW_TYPE_VIEW_STACK));

  bench->watched = G_OBJECT (find_widget (GTK_WIDGET (bench->window), CRAMP_TYPE_REPORT_PAGE));
  adw_view_stack_set_visible_child_name (stack, "report");
  g_timeout_add (100, choose_whole_diary_cb, bench);
}

static gboolean
measure_memory_cb (gpointer user_data)
{
  Bench *bench = user_data;
  GtkScrolledWindow *scrolled;
  GdkFrameClock *clock;

  printf ("rss-kb %ld\n", resident_kb ());
  fflush (stdout);

  if (g_getenv ("CRAMP_DIARY_BENCH_SEARCH") != NULL)
    {
      start_search (bench, g_getenv ("CRAMP_DIARY_BENCH_SEARCH"));
      return G_SOURCE_REMOVE;
    }
  if (g_getenv ("CRAMP_DIARY_BENCH_REPORT") != NULL)
    {
      show_report (bench);
      return G_SOURCE_REMOVE;
    }

  if (g_getenv ("CRAMP_DIARY_BENCH_SCROLL") == NULL ||
      (scrolled = find_scrolled_list (GTK_WIDGET (bench->window))) == NULL)
    {
      finish (bench);
      return G_SOURCE_REMOVE;
    }

  bench->adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));
  bench->start_handler = g_signal_connect (clock, "before-paint", G_CALLBACK (on_frame_started_cb), bench);
  bench->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_scroll_painted_cb), bench);
  move (bench, clock);
  return G_SOURCE_REMOVE;
}

static void
on_first_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  printf ("first-frame %.1f\n", since_process_start ());
  fflush (stdout);
  g_signal_handler_disconnect (clock, bench->paint_handler);
  g_timeout_add_seconds (1, measure_memory_cb, bench);
}

/**
 * cramp_bench_hooks_attach:
 * @window: the main window, being mapped
 *
 * Reports the figures of the benchmark if CRAMP_DIARY_BENCH is set.
 */
void
cramp_bench_hooks_attach (GtkWindow *window)
{
  Bench *bench;
  GdkFrameClock *clock;

  if (g_getenv ("CRAMP_DIARY_BENCH") == NULL)
    return;

  bench = g_new0 (Bench, 1);
  bench->window = window;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  bench->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint_cb), bench);
}
