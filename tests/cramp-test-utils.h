/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

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
