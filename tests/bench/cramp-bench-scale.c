/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "cramp-analysis.h"
#include "cramp-bench.h"
#include "cramp-csv.h"
#include "cramp-time.h"

/*
 * How the work grows with the diary: --import, --findings --json, the
 * report's analysis of the whole diary (as the report page works it
 * out) and --report of the whole diary, each a process of its own, at
 * 10 000, 100 000 and 1 000 000 cramps; the time and peak resident
 * memory of each, and whether each step of ten grows no faster than
 * n log n.
 */

typedef struct
{
  double ms;
  double peak_mb;
} Cost;

static const char * const tasks[] = { "--import", "--findings --json", "analysis", "--report (PDF)" };

/* Runs @argv with XDG_DATA_HOME=@data_home, standard output to
 * /dev/null, and measures it. */
static gboolean
run_measured (const char * const *argv,
              const char         *data_home,
              Cost               *cost)
{
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", data_home, TRUE);
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  double started = cramp_bench_now_ms ();
  int status;
  GPid pid;

  if (!g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                      &pid, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  if (wait4 (pid, &status, 0, &usage) != pid)
    return FALSE;

  cost->ms = cramp_bench_now_ms () - started;
  cost->peak_mb = usage.ru_maxrss / 1024.0;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* A spreadsheet of @n cramps, written a cramp at a time. */
static char *
write_csv (guint n)
{
  g_autofree char *name = g_strdup_printf ("scale-%u.csv", n);
  char *path = g_build_filename (cramp_bench_work_dir (), name, NULL);
  guint n_days = CLAMP (n / 3, 30, MAX_SPREAD_DAYS);
  g_autoptr(GDateTime) start = cramp_bench_diary_start (n_days);
  g_autoptr(GRand) rand = g_rand_new_with_seed (n);
  g_autoptr(GString) csv = g_string_new (NULL);
  FILE *file = fopen (path, "w");

  g_assert_nonnull (file);
  cramp_csv_append_header (csv);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrampEpisode) episode = cramp_bench_make_episode (rand, start, (gint64) n_days * 86400, i, n, n);

      cramp_csv_append_episode (csv, episode);
      if (csv->len > 1 << 20 || i == n - 1)
        {
          fwrite (csv->str, 1, csv->len, file);
          g_string_truncate (csv, 0);
        }
    }
  fclose (file);

  return path;
}

/* The report page's analysis of the whole diary, in a process of its
 * own (the benchmark, run with --analyse), so that its peak memory is
 * its own. */
int
cramp_bench_analyse (const char *diary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrampStore) store = cramp_store_open_to_read (diary, &error);
  g_autoptr(GDateTime) until = cramp_time_now ();
  g_autoptr(CrampAnalysis) analysis = NULL;

  if (store == NULL || !(analysis = cramp_analysis_new (store, NULL, until, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("%u cramps, %u findings\n", analysis->episodes->len, analysis->findings->len);
  return 0;
}

/* One size: the diary imported, then each task over it. */
static gboolean
measure_size (const char *binary,
              guint       n,
              Cost       *costs)
{
  g_autofree char *csv = write_csv (n);
  g_autofree char *name = g_strdup_printf ("scale-%u", n);
  g_autofree char *home = g_build_filename (cramp_bench_work_dir (), name, NULL);
  g_autofree char *diary = g_build_filename (home, "cramp-diary", "diary.sqlite3", NULL);
  g_autofree char *pdf = g_build_filename (home, "report.pdf", NULL);
  g_autofree char *bench = g_file_read_link ("/proc/self/exe", NULL);
  const char *import_argv[] = { binary, "--import", csv, NULL };
  const char *findings_argv[] = { binary, "--findings", "--json", NULL };
  const char *analyse_argv[] = { bench, "--analyse", diary, NULL };
  const char *report_argv[] = { binary, "--report", pdf, NULL };

  return run_measured (import_argv, home, &costs[0]) &&
         run_measured (findings_argv, home, &costs[1]) &&
         run_measured (analyse_argv, home, &costs[2]) &&
         run_measured (report_argv, home, &costs[3]);
}

void
cramp_bench_scale (const char *binary)
{
  guint sizes[] = { 10000, 100000, 1000000 };
  Cost costs[G_N_ELEMENTS (sizes)][G_N_ELEMENTS (tasks)];
  guint n_sizes = G_N_ELEMENTS (sizes);

  if (cramp_bench_is_quick ())
    {
      sizes[0] = 1000;
      sizes[1] = 10000;
      n_sizes = 2;
    }

  for (guint s = 0; s < n_sizes; s++)
    {
      if (!measure_size (binary, sizes[s], costs[s]))
        {
          cramp_bench_report ("how the work grows", "a task failed", "", FALSE);
          return;
        }
    }

  for (guint t = 0; t < G_N_ELEMENTS (tasks); t++)
    {
      for (guint s = 0; s < n_sizes; s++)
        {
          g_autofree char *figure = g_strdup_printf ("%s, %u cramps", tasks[t], sizes[s]);
          g_autofree char *measured = g_strdup_printf ("%.2f s, %.0f MB peak", costs[s][t].ms / 1000,
                                                      costs[s][t].peak_mb);

          if (s == 0)
            {
              cramp_bench_compare (figure, measured);
              continue;
            }

          /* ten times the cramps: at most ten times the time, and the
           * log's share more */
          {
            double bound = (double) sizes[s] / sizes[s - 1] * log (sizes[s]) / log (sizes[s - 1]);
            double grew = costs[s][t].ms / costs[s - 1][t].ms;
            g_autofree char *target = g_strdup_printf ("time × ≤ %.1f (n log n)", bound);
            g_autofree char *with_growth = g_strdup_printf ("%s (× %.1f)", measured, grew);

            cramp_bench_report (figure, with_growth, target, grew <= bound);
          }
        }
    }
}
