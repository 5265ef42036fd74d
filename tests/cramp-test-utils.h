/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <execinfo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cramp-episode.h"
#include "cramp-store.h"
#include "cramp-time.h"

G_BEGIN_DECLS

/* A fresh private folder for one test, removed by cramp_test_rmdir(). */
static inline char *
cramp_test_mkdtemp (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cramp-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
cramp_test_rmdir (const char *path)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", path);

  g_assert_cmpint (system (command), ==, 0);
}

G_GNUC_UNUSED static void
cramp_test_log_with_stack (const char     *domain,
                           GLogLevelFlags  level,
                           const char     *message,
                           gpointer        user_data)
{
  void *frames[64];
  int n = backtrace (frames, G_N_ELEMENTS (frames));

  g_log_default_handler (domain, level, message, user_data);
  if (!(level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)))
    return;
  /* addresses in the test's own code are read back with addr2line -e
   * on the same build */
  backtrace_symbols_fd (frames, n, STDERR_FILENO);
}

/* A warning or critical, which G_DEBUG makes fatal, prints where it
 * came from: a rare one in CI can then be found from its log alone. */
G_GNUC_UNUSED static inline void
cramp_test_trace_warnings (void)
{
  g_log_set_default_handler (cramp_test_log_with_stack, NULL);
}

/* What @command_line prints; it must succeed. Not inlined: at -O3, GCC
 * 12 takes the text returned for a pointer to the local that
 * g_spawn_command_line_sync() filled, and warns of a dangling pointer
 * (-Wdangling-pointer) wherever a caller keeps a pointer into it. */
G_GNUC_NO_INLINE G_GNUC_UNUSED static char *
cramp_test_run (const char *command_line)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_command_line_sync (command_line, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", command_line, err);
  return out;
}

/* The text of page @page of @pdf (from 1; 0 for all), laid out as
 * poppler's pdftotext reads it. */
static inline char *
cramp_test_pdf_text (const char *pdf,
                     int         page)
{
  g_autofree char *command = page > 0
    ? g_strdup_printf ("pdftotext -q -layout -f %d -l %d '%s' -", page, page, pdf)
    : g_strdup_printf ("pdftotext -q -layout '%s' -", pdf);

  return cramp_test_run (command);
}

/* How many times @needle stands in @haystack. */
static inline guint
cramp_test_count (const char *haystack,
                  const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (haystack, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* An episode that started at @iso, with the given muscle. */
static inline CrampEpisode *
cramp_test_episode (const char  *iso,
                    CrampMuscle  muscle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = cramp_time_parse (iso, &error);
  CrampEpisode *episode;

  g_assert_no_error (error);
  episode = cramp_episode_new (start);
  cramp_episode_set_muscle (episode, muscle);
  return episode;
}

/* The clock a test sets: cramp_time_now() says what it was set to
 * until it is set again. */
static inline gint64 *
cramp_test_clock_usec (void)
{
  static gint64 usec;

  return &usec;
}

static inline gint64
cramp_test_clock_cb (gpointer user_data)
{
  return *cramp_test_clock_usec ();
}

/* Fixes the clock at @usec microseconds since the epoch */
static inline void
cramp_test_set_clock_usec (gint64 usec)
{
  *cramp_test_clock_usec () = usec;
  cramp_time_set_clock (cramp_test_clock_cb, NULL);
}

/* Fixes the clock at @iso, such as "2027-03-28T03:05:00+02:00"; %NULL
 * gives the wall clock back */
static inline void
cramp_test_set_clock (const char *iso)
{
  g_autoptr(GDateTime) moment = NULL;

  if (iso == NULL)
    {
      cramp_time_set_clock (NULL, NULL);
      return;
    }

  moment = cramp_time_parse (iso, NULL);
  g_assert_nonnull (moment);
  cramp_test_set_clock_usec (g_date_time_to_unix (moment) * G_USEC_PER_SEC);
}

static inline char *
cramp_test_read_file (const char *path,
                      gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static inline guint
cramp_test_file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

G_END_DECLS
