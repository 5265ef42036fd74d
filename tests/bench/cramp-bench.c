/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cramp-analysis.h"
#include "cramp-bench.h"
#include "cramp-csv.h"
#include "cramp-findings.h"
#include "cramp-report.h"
#include "cramp-store-backup.h"
#include "cramp-store-episodes.h"
#include "cramp-time.h"

/*
 * The benchmark of DESIGN.md's quality bars. Each figure is measured
 * several times and the median reported, next to its target and, where
 * the target is relative, the baseline measured in the same run. The
 * program exits non-zero when a target is missed, except with --quick,
 * which runs everything small so that CI keeps it working.
 */


static gboolean quick;
static char *work_dir;
static GPtrArray *results;

typedef struct
{
  char     *figure;
  char     *measured;
  char     *target;
  gboolean  pass;
} Result;

double
cramp_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
cramp_bench_median (GArray *samples)
{
  g_array_sort (samples, compare_double);
  if (samples->len % 2)
    return g_array_index (samples, double, samples->len / 2);

  return (g_array_index (samples, double, samples->len / 2 - 1) +
          g_array_index (samples, double, samples->len / 2)) / 2;
}

void
cramp_bench_report (const char *figure,
                    const char *measured,
                    const char *target,
                    gboolean    pass)
{
  Result *result = g_new0 (Result, 1);

  result->figure = g_strdup (figure);
  result->measured = g_strdup (measured);
  result->target = g_strdup (target);
  result->pass = pass;
  g_ptr_array_add (results, result);
  g_print ("  %-58s %-24s %-26s %s\n", figure, measured, target, quick ? "(quick)" : pass ? "PASS" : "FAIL");
}

/* A figure shown beside a target's, for comparison: no target of its own. */
void
cramp_bench_compare (const char *figure,
                     const char *measured)
{
  g_print ("    for comparison: %-42s %s\n", figure, measured);
}

gboolean
cramp_bench_is_quick (void)
{
  return quick;
}

const char *
cramp_bench_work_dir (void)
{
  return work_dir;
}

/* Episode @i of @n of a realistic diary spread over @span seconds from
 * @start: mostly night cramps in the calf, some details. */
CrampEpisode *
cramp_bench_make_episode (GRand     *rand,
                          GDateTime *start,
                          gint64     span,
                          guint      i,
                          guint      n,
                          guint      seed)
{
  static const CrampMuscle muscles[] = { CRAMP_MUSCLE_CALF, CRAMP_MUSCLE_CALF, CRAMP_MUSCLE_CALF,
                                         CRAMP_MUSCLE_FOOT, CRAMP_MUSCLE_TOES, CRAMP_MUSCLE_THIGH_BACK };
  static const char *notes[] = { NULL, NULL, NULL, "Had to stand up to make it stop",
                                 "Long day on my feet", "Calf still sore in the morning" };
  static const char *medications[] = { "Atorvastatin 20 mg", NULL };
  g_autoptr(GDateTime) utc = g_date_time_add_seconds (start, (double) span * i / n + g_rand_int_range (rand, 0, 3600));
  g_autoptr(GDateTime) when = cramp_time_new_fixed (g_date_time_to_unix (utc), 3600);
  CrampEpisode *episode = cramp_episode_new (when);
  g_autofree char *id = g_strdup_printf ("%08x-0000-4000-8000-%012x", seed, i);

  cramp_episode_set_id (episode, id);
  cramp_episode_set_muscle (episode, muscles[g_rand_int_range (rand, 0, G_N_ELEMENTS (muscles))]);
  cramp_episode_set_side (episode, g_rand_int_range (rand, 1, 4));
  cramp_episode_set_duration (episode, g_rand_int_range (rand, 20, 400));
  cramp_episode_set_intensity (episode, g_rand_int_range (rand, 2, 10));
  cramp_episode_set_activity (episode, g_rand_boolean (rand) ? CRAMP_ACTIVITY_SLEEPING : CRAMP_ACTIVITY_RESTING);
  cramp_episode_set_relieved_by (episode,
                                 CRAMP_RELIEF_STRETCHING | (g_rand_boolean (rand) ? CRAMP_RELIEF_MASSAGE : 0));
  cramp_episode_set_woke_from_sleep (episode, g_rand_boolean (rand));
  if (g_rand_int_range (rand, 0, 4) == 0)
    cramp_episode_set_fluid (episode, g_rand_int_range (rand, 800, 2500));
  if (g_rand_int_range (rand, 0, 10) == 0)
    cramp_episode_set_medications (episode, medications);
  cramp_episode_set_notes (episode, notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))]);

  return episode;
}

/* The start of a diary of @n_days that ends on 1 November 2026. */
GDateTime *
cramp_bench_diary_start (guint n_days)
{
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 11, 1, 12, 0, 0);

  return g_date_time_add_days (end, -(int) n_days);
}

/* A realistic diary of @n episodes spread over @n_days. */
GPtrArray *
cramp_bench_make_episodes (guint  n,
                           guint  n_days,
                           guint  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GDateTime) start = cramp_bench_diary_start (n_days);
  GPtrArray *episodes = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (episodes, cramp_bench_make_episode (rand, start, (gint64) n_days * 86400, i, n, seed));

  return episodes;
}

/* A diary of @n episodes at @path, made once and kept for the run. */
char *
cramp_bench_make_diary (guint n)
{
  g_autofree char *name = g_strdup_printf ("diary-%u/cramp-diary/diary.sqlite3", n);
  char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;

  store = cramp_store_open (path, &error);
  g_assert_no_error (error);
  episodes = cramp_bench_make_episodes (n, CLAMP (n / 2, 30, MAX_SPREAD_DAYS), n);
  cramp_store_import (store, episodes, NULL, NULL, &error);
  g_assert_no_error (error);

  return path;
}

static void
bench_findings (void)
{
  guint n_days = quick ? 365 : 3650;
  g_autoptr(GPtrArray) episodes = cramp_bench_make_episodes (n_days, n_days, 7);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) until = g_date_time_new_utc (2026, 11, 1, 12, 0, 0);
  g_autofree char *measured = NULL;
  g_autofree char *figure = NULL;
  double median;

  for (guint run = 0; run < 15; run++)
    {
      double t0 = cramp_bench_now_ms ();
      g_autoptr(GPtrArray) findings = cramp_findings_analyze (episodes, NULL, until);
      double t1 = cramp_bench_now_ms ();

      g_array_append_val (samples, (double) { t1 - t0 });
    }

  median = cramp_bench_median (samples);
  figure = g_strdup_printf ("findings over %u days of daily data", n_days);
  measured = g_strdup_printf ("%.1f ms", median);
  cramp_bench_report (figure, measured, "< 50 ms", median < 50);
}

static void
bench_log_durably (void)
{
  g_autofree char *path = g_build_filename (work_dir, "log", "cramp-diary", "diary.sqlite3", NULL);
  g_autofree char *bare_path = g_build_filename (work_dir, "bare.sqlite3", NULL);
  g_autoptr(CrampStore) store = cramp_store_open (path, NULL);
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *measured = NULL;
  g_autofree char *target = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint runs = quick ? 10 : 60;
  double ratio;

  /* the same table, the same durability, a bare prepared insert */
  sqlite3_open (bare_path, &db);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                    "CREATE TABLE IF NOT EXISTS episode (id TEXT PRIMARY KEY, started_utc INTEGER,"
                    " utc_offset INTEGER, muscle TEXT, side TEXT);", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO episode VALUES (?1, ?2, ?3, 'calf', 'left')", -1, &stmt, NULL);

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GDateTime) now = cramp_time_now ();
      g_autoptr(CrampEpisode) episode = cramp_episode_new (now);
      g_autofree char *id = g_uuid_string_random ();
      double t0, t1, t2, t3;

      cramp_episode_set_muscle (episode, CRAMP_MUSCLE_CALF);
      cramp_episode_set_side (episode, CRAMP_SIDE_LEFT);

      t0 = cramp_bench_now_ms ();
      g_assert_true (cramp_store_add (store, episode, NULL));
      t1 = cramp_bench_now_ms ();

      t2 = cramp_bench_now_ms ();
      sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (now));
      sqlite3_bind_int (stmt, 3, 3600);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      t3 = cramp_bench_now_ms ();

      g_array_append_val (ours, (double) { t1 - t0 });
      g_array_append_val (bare, (double) { t3 - t2 });
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  ratio = cramp_bench_median (ours) / cramp_bench_median (bare);
  measured = g_strdup_printf ("%.2f ms (%.2f×)", cramp_bench_median (ours), ratio);
  target = g_strdup_printf ("≤ 1.5 × %.2f ms (bare)", cramp_bench_median (bare));
  cramp_bench_report ("logging one episode durably (synchronous=FULL)", measured, target, ratio <= 1.5);
}

/* Logs one cramp, now, in a diary opened afresh; returns how long the
 * log took. */
static double
log_one (const char *path,
         gboolean    wait_for_backup)
{
  g_autoptr(CrampStore) store = cramp_store_open (path, NULL);
  g_autoptr(GDateTime) now = cramp_time_now ();
  g_autoptr(CrampEpisode) episode = cramp_episode_new (now);
  double t0, t1;

  cramp_episode_set_muscle (episode, CRAMP_MUSCLE_CALF);
  /* what the file system still has to write (the backup the run before
   * removed) is not this log's to wait for */
  sync ();
  t0 = cramp_bench_now_ms ();
  g_assert_true (cramp_store_add (store, episode, NULL));
  t1 = cramp_bench_now_ms ();
  if (wait_for_backup)
    cramp_store_wait_for_backup (store);

  return t1 - t0;
}

/* The first cramp logged on a day starts the daily backup of the whole
 * diary: beside the write, so that it is saved as fast as one logged
 * later that day. Both are logged in a diary opened afresh, as the
 * window or the command line would. */
static void
bench_first_log_of_day (void)
{
  guint n = quick ? 2000 : 100000;
  g_autofree char *path = cramp_bench_make_diary (n);
  g_autofree char *backups = cramp_store_backup_folder (path);
  g_autofree char *command = g_strdup_printf ("rm -f '%s'/diary-*.sqlite3", backups);
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) later = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *figure = NULL;
  g_autofree char *measured = NULL;
  g_autofree char *target = NULL;
  guint runs = quick ? 3 : 15;
  double ratio;

  for (guint run = 0; run < runs; run++)
    {
      double t0, t1;

      /* no backup of today yet (the folder of the backups is there, as
       * on any day but the first): this log starts it */
      if (system (command) != 0)
        g_printerr ("Could not remove %s\n", backups);
      t0 = cramp_bench_now_ms ();
      g_array_append_val (first, (double) { log_one (path, TRUE) });
      t1 = cramp_bench_now_ms ();
      g_assert_true (g_file_test (backups, G_FILE_TEST_IS_DIR));
      if (run == 0)
        {
          g_autofree char *whole = g_strdup_printf ("%.1f ms", t1 - t0);
          cramp_bench_compare ("the log and its backup, written beside it", whole);
        }

      /* today's backup is there: an ordinary log */
      g_array_append_val (later, (double) { log_one (path, FALSE) });
    }

  ratio = cramp_bench_median (first) / cramp_bench_median (later);
  figure = g_strdup_printf ("first log of a day, %u cramps (daily backup)", n);
  measured = g_strdup_printf ("%.2f ms (%.2f×)", cramp_bench_median (first), ratio);
  target = g_strdup_printf ("≤ 1.5 × %.2f ms (a later one)", cramp_bench_median (later));
  cramp_bench_report (figure, measured, target, ratio <= 1.5);
}

/* The whole --report path: reading the diary, the analysis, the layout
 * and the PDF, for a year with two cramps a day. */
static void
bench_report (void)
{
  guint n = quick ? 60 : 730;
  g_autofree char *path = NULL;
  g_autofree char *pdf = g_build_filename (work_dir, "report.pdf", NULL);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) until = g_date_time_new_utc (2026, 11, 1, 12, 0, 0);
  g_autoptr(GDateTime) since = g_date_time_add_days (until, -(int) n / 2);
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *measured = NULL;
  CrampReportOptions options;
  double median;
  guint n_pages = 0;

  path = cramp_bench_make_diary (n);
  store = cramp_store_open (path, &error);
  g_assert_no_error (error);
  cramp_report_options_init (&options);

  for (guint run = 0; run < 7; run++)
    {
      double t0 = cramp_bench_now_ms ();
      g_autoptr(CrampAnalysis) analysis = cramp_analysis_new (store, since, until, &error);
      g_autoptr(CrampReport) report = NULL;
      double t1;

      g_assert_no_error (error);
      report = cramp_report_new (analysis, &options, until);
      g_assert_true (cramp_report_write_pdf (report, pdf, &error));
      t1 = cramp_bench_now_ms ();
      n_pages = cramp_report_get_n_pages (report);
      g_array_append_val (samples, (double) { t1 - t0 });
    }

  median = cramp_bench_median (samples);
  figure = g_strdup_printf ("PDF report of %u days, %u cramps (%u pages)", n / 2, n, n_pages);
  measured = g_strdup_printf ("%.0f ms", median);
  cramp_bench_report (figure, measured, "< 500 ms", median < 500);
}

static double
run_command_ms (const char * const *argv,
                const char         *data_home)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  double t0;

  if (data_home != NULL)
    g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);

  t0 = cramp_bench_now_ms ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
  return cramp_bench_now_ms () - t0;
}

static void
bench_import (const char *binary)
{
  guint n = quick ? 2000 : 100000;
  g_autoptr(GPtrArray) episodes = cramp_bench_make_episodes (n, CLAMP (n / 3, 30, MAX_SPREAD_DAYS), 11);
  g_autofree char *csv_path = g_build_filename (work_dir, "import.csv", NULL);
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shell = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *measured = NULL;
  g_autofree char *target = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *sqlite3_shell = g_find_program_in_path ("sqlite3");
  double ratio;

  if (sqlite3_shell == NULL)
    {
      cramp_bench_report ("--import vs sqlite3 .import", "sqlite3 not installed", "≤ 2 ×", FALSE);
      return;
    }

  cramp_csv_append_header (csv);
  for (guint i = 0; i < episodes->len; i++)
    cramp_csv_append_episode (csv, g_ptr_array_index (episodes, i));
  g_file_set_contents (csv_path, csv->str, csv->len, NULL);

  for (guint run = 0; run < 3; run++)
    {
      g_autofree char *home = g_strdup_printf ("%s/import-%u", work_dir, run);
      g_autofree char *db = g_strdup_printf ("%s/shell-%u.sqlite3", work_dir, run);
      g_autofree char *import_command = g_strdup_printf (".import '%s' episode", csv_path);
      const char *ours_argv[] = { binary, "--import", csv_path, NULL };
      const char *shell_argv[] = { sqlite3_shell, db, "PRAGMA journal_mode = WAL;", "PRAGMA synchronous = FULL;",
                                   ".mode csv", import_command, NULL };

      g_array_append_val (ours, (double) { run_command_ms (ours_argv, home) });
      g_array_append_val (shell, (double) { run_command_ms (shell_argv, NULL) });
    }

  ratio = cramp_bench_median (ours) / cramp_bench_median (shell);
  figure = g_strdup_printf ("--import of %u episodes", n);
  measured = g_strdup_printf ("%.0f ms (%.2f×)", cramp_bench_median (ours), ratio);
  target = g_strdup_printf ("≤ 2 × %.0f ms (sqlite3)", cramp_bench_median (shell));
  cramp_bench_report (figure, measured, target, ratio <= 2.0);
}

/* --findings --json over ten years of daily cramps, a medication on half
 * of them, as a whole process beside --version in the same run. */
static void
bench_findings_command (const char *binary)
{
  guint n_days = quick ? 365 : 3650;
  g_autoptr(GPtrArray) episodes = cramp_bench_make_episodes (n_days, n_days, 13);
  g_autofree char *home = g_build_filename (work_dir, "findings", NULL);
  g_autofree char *path = g_build_filename (home, "cramp-diary", "diary.sqlite3", NULL);
  g_autoptr(CrampStore) store = cramp_store_open (path, NULL);
  g_autoptr(GArray) findings = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) version = g_array_new (FALSE, FALSE, sizeof (double));
  const char *findings_argv[] = { binary, "--findings", "--json", "--until", "2026-11-01", NULL };
  const char *version_argv[] = { binary, "--version", NULL };
  const char *medications[][3] = {
    { "Furosemide 40 mg", "Atorvastatin20mg", NULL },
    { "Symbicort Turbohaler", NULL },
  };
  g_autofree char *figure = NULL;
  g_autofree char *measured = NULL;
  double beyond;

  for (guint i = 0; i < episodes->len; i += 2)
    cramp_episode_set_medications (g_ptr_array_index (episodes, i), medications[(i / 2) % 2]);
  g_assert_true (cramp_store_import (store, episodes, NULL, NULL, NULL));
  g_clear_object (&store);

  for (guint run = 0; run < 7; run++)
    {
      g_array_append_val (version, (double) { run_command_ms (version_argv, home) });
      g_array_append_val (findings, (double) { run_command_ms (findings_argv, home) });
    }

  beyond = cramp_bench_median (findings) - cramp_bench_median (version);
  figure = g_strdup_printf ("--findings --json, %u days, medication on half", n_days);
  measured = g_strdup_printf ("%.0f ms beyond --version", beyond);
  cramp_bench_report (figure, measured, "≤ 50 ms beyond --version", beyond <= 50);
  {
    g_autofree char *both = g_strdup_printf ("%.0f ms, --version %.0f ms",
                                             cramp_bench_median (findings), cramp_bench_median (version));

    cramp_bench_compare ("--findings --json, whole process", both);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *binary = NULL;
  g_autofree char *only = NULL;
  const GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Small sizes, no pass or fail", NULL },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Only the parts whose name holds this (findings, "
      "findings-command, log, first-log, import, report, window, scale)", "NAME" },
    { NULL }
  };
#define RUN(name, call) if (only == NULL || strstr (name, only) != NULL) call
  guint failed = 0;

  setlocale (LC_ALL, "");
  if (argc == 2 && g_str_equal (argv[1], "--bare-window"))
    return cramp_bench_bare_window ();
  if (argc == 3 && g_str_equal (argv[1], "--analyse"))
    return cramp_bench_analyse (argv[2]);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  binary = g_strdup (g_getenv ("CRAMP_DIARY_BIN"));
  if (binary == NULL)
    {
      g_autofree char *here = g_path_get_dirname (argv[0]);

      binary = g_build_filename (here, "..", "..", "src", "cramp-diary", NULL);
    }

  work_dir = g_dir_make_tmp ("cramp-bench-XXXXXX", &error);
  if (work_dir == NULL)
    {
      g_printerr ("The benchmark cannot make its folder: %s\n", error->message);
      return 1;
    }
  results = g_ptr_array_new ();
  g_setenv ("XDG_DATA_HOME", work_dir, TRUE);

  g_print ("Cramp Diary benchmark%s, medians of repeated runs\n\n", quick ? " (quick: small sizes, no targets)" : "");
  g_print ("  %-58s %-24s %-26s %s\n", "figure", "measured", "target", "");

  RUN ("findings", bench_findings ());
  RUN ("findings-command", bench_findings_command (binary));
  RUN ("log", bench_log_durably ());
  RUN ("first-log", bench_first_log_of_day ());
  RUN ("import", bench_import (binary));
  RUN ("report", bench_report ());
  RUN ("window", cramp_bench_window (binary));
  RUN ("scale", cramp_bench_scale (binary));
#undef RUN

  for (guint i = 0; i < results->len; i++)
    failed += !((Result *) g_ptr_array_index (results, i))->pass;

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", work_dir);
    if (system (command) != 0)
      g_printerr ("Could not remove %s\n", work_dir);
  }

  if (quick)
    return 0;

  g_print ("\n%u of %u targets met\n", results->len - failed, results->len);
  return failed ? 1 : 0;
}
