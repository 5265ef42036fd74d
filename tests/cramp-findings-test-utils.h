/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-findings.h"
#include "cramp-profile.h"
#include "cramp-test-utils.h"

/*
 * What the tests of the red-flag catalog share: episodes with readable
 * ids, an analysis ending at a fixed moment, and checks that a finding
 * fired with exactly the episodes expected, or did not.
 */

#define UNTIL "2026-06-30T12:00:00+00:00"
#define DAY_S (24 * 3600)

static guint serial;

/* An episode with a readable, unique id: 00000000-0000-4000-8000-00000000000N */
static inline CrampEpisode *
ep (const char *iso)
{
  CrampEpisode *episode = cramp_test_episode (iso, CRAMP_MUSCLE_CALF);
  g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-%012u", ++serial);

  cramp_episode_set_id (episode, id);
  return episode;
}

/* An episode @seconds after @iso. */
static inline CrampEpisode *
ep_after (const char *iso,
          gint64      seconds)
{
  g_autoptr(GDateTime) base = cramp_time_parse (iso, NULL);
  g_autoptr(GDateTime) when = g_date_time_add_seconds (base, seconds);
  g_autofree char *text = cramp_time_format (when);

  return ep (text);
}

static inline GPtrArray *
new_list (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static inline GPtrArray *
analyze (GPtrArray    *episodes,
         CrampProfile *profile,
         const char   *until)
{
  g_autoptr(GDateTime) end = cramp_time_parse (until, NULL);

  return cramp_findings_analyze (episodes, profile, end);
}

static inline CrampFinding *
find (GPtrArray  *findings,
      const char *id)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (cramp_finding_get_id (g_ptr_array_index (findings, i)), id))
      return g_ptr_array_index (findings, i);

  return NULL;
}

static inline guint
count_id (GPtrArray  *findings,
          const char *id)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_str_equal (cramp_finding_get_id (g_ptr_array_index (findings, i)), id);

  return n;
}

/* The finding @id fired with exactly @episodes (a NULL-ended list) as evidence. */
static inline CrampFinding *
assert_fires_with (GPtrArray      *findings,
                   const char     *id,
                   CrampSeverity   severity,
                   CrampEpisode  **episodes)
{
  CrampFinding *finding = find (findings, id);
  GPtrArray *evidence;
  guint n = 0;

  if (finding == NULL)
    {
      for (guint i = 0; i < findings->len; i++)
        g_test_message ("fired: %s", cramp_finding_get_id (g_ptr_array_index (findings, i)));
      g_error ("expected the finding %s, which did not fire", id);
    }

  g_assert_cmpint (cramp_finding_get_severity (finding), ==, severity);
  g_assert_cmpstr (cramp_finding_get_title (finding), !=, "");
  g_assert_cmpstr (cramp_finding_get_explanation (finding), !=, "");
  g_assert_nonnull (cramp_finding_get_sources (finding)[0]);

  evidence = cramp_finding_get_evidence (finding);
  while (episodes[n] != NULL)
    n++;
  if (evidence->len != n)
    g_error ("%s: expected %u episodes of evidence, got %u", id, n, evidence->len);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (cramp_episode_get_id (g_ptr_array_index (evidence, i)), ==,
                     cramp_episode_get_id (episodes[i]));

  return finding;
}

static inline void
assert_silent (GPtrArray  *findings,
               const char *id)
{
  if (find (findings, id) != NULL)
    g_error ("the finding %s fired, but should not have", id);
}

#define EVIDENCE(...) ((CrampEpisode *[]) { __VA_ARGS__, NULL })

static inline GPtrArray *
list_of (CrampEpisode **episodes)
{
  GPtrArray *list = new_list ();

  for (guint i = 0; episodes[i] != NULL; i++)
    g_ptr_array_add (list, g_object_ref (episodes[i]));

  return list;
}

static inline GPtrArray *
analyze_these (CrampEpisode **episodes,
               CrampProfile  *profile)
{
  g_autoptr(GPtrArray) list = list_of (episodes);

  return analyze (list, profile, UNTIL);
}

/* Frees what it analysed; for one-line checks. */
#define CHECK_SILENT(episodes, profile, id) G_STMT_START { \
    g_autoptr(GPtrArray) _findings = analyze_these (episodes, profile); \
    assert_silent (_findings, id); \
  } G_STMT_END

#define CHECK_FIRES(episodes, profile, id, severity, evidence) G_STMT_START { \
    g_autoptr(GPtrArray) _findings = analyze_these (episodes, profile); \
    assert_fires_with (_findings, id, severity, evidence); \
  } G_STMT_END

static inline void
unref_all (CrampEpisode **episodes)
{
  for (guint i = 0; episodes[i] != NULL; i++)
    g_object_unref (episodes[i]);
}
