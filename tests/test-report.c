/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "cramp-analysis.h"
#include "cramp-report.h"
#include "cramp-store-episodes.h"
#include "cramp-store-experiments.h"
#include "cramp-store-nights.h"
#include "cramp-store-profile.h"
#include "cramp-store-stretches.h"
#include "cramp-stretch-log.h"
#include "cramp-test-utils.h"

/*
 * The PDF report, read back with poppler's pdftotext and pdfinfo: what it
 * says, how it paginates, and that no word leaves the page.
 */

typedef struct
{
  char       *dir;
  CrampStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = cramp_test_mkdtemp ();
  path = g_build_filename (fixture->dir, "diary.sqlite3", NULL);
  fixture->store = cramp_store_open (path, NULL);
  g_assert_nonnull (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  cramp_test_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *command = g_strdup_printf ("pdfinfo '%s'", pdf);
  g_autofree char *info = cramp_test_run (command);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + 6, NULL, 10);
}

/* pdftotext joins lines; compare with all whitespace as single spaces. */
static char *
squeeze (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\r\t\f", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_contains (const char *text,
                 const char *expected)
{
  g_autofree char *flat_text = squeeze (text);
  g_autofree char *flat_expected = squeeze (expected);

  if (strstr (flat_text, flat_expected) == NULL)
    g_error ("the report should say “%s”; it begins: %.1500s", expected, flat_text);
}

static void
assert_lacks (const char *text,
              const char *unexpected)
{
  g_autofree char *flat_text = squeeze (text);

  if (strstr (flat_text, unexpected) != NULL)
    g_error ("the report should not say “%s”", unexpected);
}

static void
add_episodes (Fixture *fixture,
              guint    n_days,
              guint    per_day)
{
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) first = cramp_time_parse ("2026-11-01T03:00:00+01:00", NULL);
  const char *meds[] = { "Hydrochlorothiazide 25 mg", NULL };

  for (guint d = 0; d < n_days; d++)
    for (guint k = 0; k < per_day; k++)
      {
        g_autoptr(GDateTime) when = g_date_time_add_hours (first, -24.0 * d - 3 * k);
        CrampEpisode *episode = cramp_episode_new (when);

        cramp_episode_set_muscle (episode, CRAMP_MUSCLE_CALF);
        cramp_episode_set_side (episode, CRAMP_SIDE_LEFT);
        cramp_episode_set_duration (episode, 60 + d % 120);
        cramp_episode_set_intensity (episode, d % 11);
        cramp_episode_set_activity (episode, CRAMP_ACTIVITY_SLEEPING);
        cramp_episode_set_woke_from_sleep (episode, TRUE);
        cramp_episode_set_relieved_by (episode, CRAMP_RELIEF_STRETCHING);
        if (d % 10 == 0)
          cramp_episode_set_medications (episode, meds);
        if (d % 7 == 0)
          cramp_episode_set_notes (episode, "Woke at three; walked around the room until it eased.");
        g_ptr_array_add (episodes, episode);
      }

  g_assert_true (cramp_store_import (fixture->store, episodes, NULL, NULL, NULL));
}

static char *
write_report (Fixture            *fixture,
              const char         *since,
              const char         *until,
              CrampReportOptions *options,
              const char         *name)
{
  g_autoptr(GDateTime) start = since ? cramp_time_parse (since, NULL) : NULL;
  g_autoptr(GDateTime) end = cramp_time_parse (until, NULL);
  g_autoptr(GDateTime) made = cramp_time_parse ("2026-11-21T10:00:00+01:00", NULL);
  g_autoptr(CrampAnalysis) analysis = cramp_analysis_new (fixture->store, start, end, NULL);
  g_autoptr(CrampReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CrampReportOptions defaults;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_nonnull (analysis);
  if (options == NULL)
    {
      cramp_report_options_init (&defaults);
      options = &defaults;
    }

  report = cramp_report_new (analysis, options, made);
  g_assert_true (cramp_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_content (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  g_autoptr(CrampProfile) profile = cramp_profile_new ();
  g_autoptr(GDateTime) until = cramp_time_parse ("2026-11-01T23:59:59+01:00", NULL);
  g_autoptr(GDateTime) since = cramp_time_parse ("2026-08-04T00:00:00+02:00", NULL);
  g_autoptr(CrampAnalysis) analysis = NULL;
  GDate started;
  guint n_pages;
  mode_t old_umask;

  add_episodes (fixture, 90, 1);
  cramp_profile_set_patient_name (profile, "Ana María Núñez");
  cramp_profile_set_birth_year (profile, 1950);
  cramp_profile_set_conditions (profile, CRAMP_CONDITION_SMOKING);
  g_date_clear (&started, 1);
  g_date_set_dmy (&started, 1, 10, 2026);
  cramp_profile_add_medication (profile, "Hydrochlorothiazide 25 mg", &started, NULL, NULL);
  cramp_profile_add_medication (profile, "Furosemide 40 mg", NULL, NULL, NULL);
  g_assert_true (cramp_store_set_profile (fixture->store, profile, NULL));
  {
    /* a medicine of the profile, named with a cramp without its dose */
    const char *named[] = { "furosemide", "Ramipril 5 mg", NULL };
    g_autoptr(CrampEpisode) episode = cramp_test_episode ("2026-10-20T04:00:00+02:00", CRAMP_MUSCLE_FOOT);

    cramp_episode_set_medications (episode, named);
    g_assert_true (cramp_store_add (fixture->store, episode, NULL));
  }

  old_umask = umask (022);
  pdf = write_report (fixture, "2026-08-04T00:00:00+02:00", "2026-11-01T23:59:59+01:00", NULL, "typical.pdf");
  umask (old_umask);
  g_assert_cmpuint (cramp_test_file_mode (pdf), ==, 0600);

  text = cramp_test_pdf_text (pdf, 0);
  n_pages = pdf_pages (pdf);
  g_assert_cmpuint (n_pages, >=, 3);

  assert_contains (text, "Leg Cramps: Report for the Doctor");
  assert_contains (text, "Ana María Núñez");
  /* the age in the year the period ends */
  assert_contains (text, "Age 76 (born 1950)");
  assert_contains (text, "4 Aug 2026 to 1 Nov 2026");
  assert_contains (text, "Cramps in the period 91");
  assert_contains (text, "When do the cramps come?");
  assert_contains (text, "Since when?");
  assert_contains (text, "How often?");
  assert_contains (text, "What other symptoms came with them?");
  assert_contains (text, "Cramps per week");
  assert_contains (text, "Conditions and risk factors Smoking");
  /* each medicine once: the profile's, then the others */
  {
    g_autofree char *page_1 = cramp_test_pdf_text (pdf, 1);

    assert_contains (page_1, "Also named with cramps Ramipril 5 mg");
    g_assert_cmpuint (cramp_test_count (page_1, "urosemide"), ==, 1);
  }
  /* before and after the start of a medication, with the counts */
  assert_contains (text, "cramps a week before (");
  assert_contains (text, "Every Cramp in the Period");

  /* every finding of the period, by its title */
  analysis = cramp_analysis_new (fixture->store, since, until, NULL);
  g_assert_cmpuint (analysis->findings->len, >=, 3);
  for (guint i = 0; i < analysis->findings->len; i++)
    assert_contains (text, cramp_finding_get_title (g_ptr_array_index (analysis->findings, i)));

  /* page numbers and the disclaimer in every footer */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = cramp_test_pdf_text (pdf, page);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page, n_pages);

      assert_contains (page_text, number);
      assert_contains (page_text, "not a diagnosis");
    }
}

/* As a doctor reads it: a regular medication named once, above the
 * table, and marked by a letter in its rows; no drug name broken with a
 * hyphen; the muscles most frequent first; the warning signs right
 * after the summary, as in the app; the day above the time in every row. */
static void
test_for_the_doctor (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  const char *regular[] = { "Hydrochlorothiazidehydrochlorid 25 mg", NULL };
  const char *both[] = { "Hydrochlorothiazidehydrochlorid 25 mg", "Ramipril 5 mg", NULL };
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  for (guint d = 0; d < 12; d++)
    {
      g_autofree char *iso = g_strdup_printf ("2026-10-%02uT03:%02u:00+01:00", 10 + d, d);
      CrampEpisode *episode = cramp_test_episode (iso, d < 8 ? CRAMP_MUSCLE_FOOT : CRAMP_MUSCLE_CALF);

      cramp_episode_set_medications (episode, d == 5 ? both : regular);
      g_ptr_array_add (episodes, episode);
    }
  g_assert_true (cramp_store_import (fixture->store, episodes, NULL, NULL, NULL));

  pdf = write_report (fixture, "2026-10-01T00:00:00+02:00", "2026-11-01T23:59:59+01:00", NULL, "doctor.pdf");
  text = cramp_test_pdf_text (pdf, 0);
  flat = squeeze (text);

  assert_contains (text, "A = Hydrochlorothiazidehydrochlorid 25 mg, with 12 of 12 cramps");
  /* once in the key, once under medications and health: not in 12 rows */
  g_assert_cmpuint (cramp_test_count (flat, "Hydrochlorothiazidehydrochlorid"), <=, 3);
  g_assert_cmpuint (cramp_test_count (flat, "Hydrochlorot-"), ==, 0);
  /* a medication named once is named in its row */
  assert_contains (text, "A, Ramipril 5");
  assert_contains (text, "Muscles Foot (8), Calf (4)");
  g_assert_cmpint (strstr (flat, "Warning Signs") - flat, <, strstr (flat, "Answers to the Usual Questions") - flat);
  /* the day above the time in the table of every cramp: pdftotext
   * -layout puts the time on a line of its own */
  {
    g_auto(GStrv) lines = g_strsplit (strstr (text, "Every Cramp in the Period"), "\n", -1);
    guint days = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      if ((g_str_has_prefix (lines[i], "10 Oct 2026") || g_str_has_prefix (lines[i], "21 Oct 2026")) &&
          /* not a warning sign's span ("10 Oct 2026 to 21 Oct 2026: …")
           * or cramp ("10 Oct 2026 03:00 — Foot"), but the table's */
          !strstr (lines[i], " to ") && !strstr (lines[i], "—"))
        {
          days++;
          g_assert_null (strstr (lines[i], "03:"));
          g_assert_true (g_str_has_prefix (lines[i + 1], "03:"));
        }
    g_assert_cmpuint (days, ==, 2);
  }
}

/* Page 1 as a doctor takes it in: the outcome measures of the period,
 * its last 4 weeks and the 4 before, worked out here from the fixture;
 * each warning sign in a line; no list of dates. After it, at most 20 of
 * a sign's cramps. */
static void
test_first_page (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) first_evening = g_date_time_new (berlin, 2026, 8, 4, 22, 0, 0);
  CrampReportOptions options;
  g_autofree char *pdf = NULL;
  g_autofree char *page_1 = NULL;
  g_autofree char *flat_page_1 = NULL;
  g_autofree char *text = NULL;
  gint64 first = cramp_time_night_of (first_evening);

  /* the 90 nights of 4 August to 1 November: a cramp at 03:00 on every
   * other night (45), ten of the others of the last 20 said to be quiet */
  for (int k = 0; k < 90; k++)
    {
      g_autoptr(GDateTime) evening = g_date_time_add_days (first_evening, k);

      if (k % 2 == 0)
        {
          g_autoptr(GDateTime) at = g_date_time_add_hours (evening, 5);
          CrampEpisode *episode = cramp_episode_new (at);

          cramp_episode_set_muscle (episode, CRAMP_MUSCLE_CALF);
          cramp_episode_set_intensity (episode, k < 62 ? 6 : 4);
          g_ptr_array_add (episodes, episode);
        }
      else if (k >= 70)
        {
          CrampNight quiet = { first + k, TRUE, CRAMP_UNSET, 0 };

          g_assert_true (cramp_store_set_night (fixture->store, &quiet, NULL));
        }
    }
  g_assert_true (cramp_store_import (fixture->store, episodes, NULL, NULL, NULL));

  cramp_report_options_init (&options);
  options.table = FALSE;
  options.answers = FALSE;
  options.charts = FALSE;
  pdf = write_report (fixture, "2026-08-04T00:00:00+02:00", "2026-11-01T23:59:59+01:00", &options, "first.pdf");
  page_1 = cramp_test_pdf_text (pdf, 1);
  flat_page_1 = squeeze (page_1);

  assert_contains (page_1, "Recorded by the patient; 55 of 90 nights logged.");
  assert_contains (page_1, "Outcome Measures");
  /* the period: 45 cramps on 45 of 55 logged nights; the last 4 weeks
   * (nights 62 to 89): 14 cramps, 10 quiet, 24 logged; the 4 before
   * (nights 34 to 61): 14 cramps, none quiet */
  assert_contains (page_1, "Nights logged 55 of 90 (61 %) 24 of 28 (86 %) 14 of 28 (50 %)");
  assert_contains (page_1, "Cramp nights 45 14 14");
  assert_contains (page_1, "Quiet nights 10 10 0");
  assert_contains (page_1, "Cramps per logged week 5.7 4.1 7.0");
  assert_contains (page_1, "Median intensity (0–10) 6.0 4.0 6.0");
  assert_contains (page_1, "Fewer than 8 of 10 nights were logged");
  assert_contains (page_1, "Cramps on several nights a week Advised to book a visit 45");
  assert_contains (page_1, "The Last 90 Nights");
  /* no list of dates or times on page 1 */
  g_assert_null (strstr (flat_page_1, "03:00"));
  g_assert_null (strstr (flat_page_1, "Aug 2026 03"));

  /* the sign's 45 cramps: the latest 20 in a table, and how many more */
  text = cramp_test_pdf_text (pdf, 0);
  assert_contains (text, "The latest 20 cramps, and 25 more before them:");
  g_assert_cmpuint (cramp_test_count (text, "03:00"), ==, 20);
}

/* Each personal experiment, as it stands, with its periods, how long it
 * takes and its weeks; left out with the stretching. */
static void
test_experiments (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CrampExperiment) magnesium = NULL;
  g_autoptr(GDateTime) evening = cramp_time_parse ("2026-10-10T22:00:00+02:00", NULL);
  CrampReportOptions options;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *left_out_pdf = NULL;
  g_autofree char *left_out = NULL;

  /* a cramp every night of the 90 before 1 November */
  add_episodes (fixture, 90, 1);
  magnesium = cramp_experiment_new ("Magnesium 300 mg", CRAMP_EXPERIMENT_SUPPLEMENT, cramp_time_night_of (evening),
                                    14);
  g_assert_true (cramp_store_add_experiment (fixture->store, magnesium, NULL, NULL));

  pdf = write_report (fixture, "2026-08-04T00:00:00+02:00", "2026-11-01T23:59:59+01:00", NULL, "experiments.pdf");
  text = cramp_test_pdf_text (pdf, 0);
  assert_contains (text, "Personal Experiments");
  assert_contains (text, "Magnesium 300 mg (Supplement), from the night of 2026-10-10 for 14 nights");
  /* a cramp on each of the 14 nights before and of the 14 during */
  assert_contains (text, "Before, the nights of 2026-09-26 to 2026-10-09: 14 cramps in 14 logged nights");
  assert_contains (text, "During, the nights of 2026-10-10 to 2026-10-23: 14 cramps in 14 logged nights");
  /* 14 of the 28 cramps during: Clopper–Pearson 0.3065 to 0.6935 for the
   * share (R: binom.test (14, 28)), so 0.44 to 2.26 for the ratio */
  assert_contains (text, "Unclear: 1.00 times the rate before, but its 95 % interval, 0.44 to 2.26, includes 1 (no "
                         "change).");
  assert_contains (text, "One person's result is not proof for others.");

  cramp_report_options_init (&options);
  options.stretches = FALSE;
  left_out_pdf = write_report (fixture, "2026-08-04T00:00:00+02:00", "2026-11-01T23:59:59+01:00", &options,
                               "no-experiments.pdf");
  left_out = cramp_test_pdf_text (left_out_pdf, 0);
  assert_lacks (left_out, "Personal Experiments");
}

static void
test_two_years (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  guint n_pages, table_pages = 0;
  gboolean in_table = FALSE;

  add_episodes (fixture, 730, 1);
  pdf = write_report (fixture, NULL, "2026-11-01T23:59:59+01:00", NULL, "two-years.pdf");
  n_pages = pdf_pages (pdf);
  g_assert_cmpuint (n_pages, >, 10);

  /* the table is last: from the page of its heading to the end, every
   * page has the table's header */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = cramp_test_pdf_text (pdf, page);
      g_autofree char *flat = squeeze (text);

      in_table |= strstr (flat, "Every Cramp in the Period") != NULL;
      if (!in_table)
        continue;

      table_pages++;
      assert_contains (text, "Date and time Muscle Side Length Pain Doing");
    }

  g_test_message ("%u pages, %u of them table", n_pages, table_pages);
  g_assert_cmpuint (table_pages, >, 10);
}

static void
test_sections_left_out (Fixture       *fixture,
                        gconstpointer  data)
{
  CrampReportOptions options;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *no_notes_pdf = NULL;
  g_autofree char *no_notes = NULL;

  add_episodes (fixture, 60, 1);

  cramp_report_options_init (&options);
  options.table = FALSE;
  options.charts = FALSE;
  options.findings = FALSE;
  options.answers = FALSE;
  options.profile = FALSE;
  pdf = write_report (fixture, NULL, "2026-11-01T23:59:59+01:00", &options, "short.pdf");
  text = cramp_test_pdf_text (pdf, 0);
  assert_contains (text, "Summary");
  assert_lacks (text, "Every Cramp in the Period");
  assert_lacks (text, "Date and time");
  assert_lacks (text, "Cramps per week");
  assert_lacks (text, "Warning Signs");
  assert_lacks (text, "Answers to the Usual Questions");
  assert_lacks (text, "Medications and Conditions");
  /* page 1, then the summary */
  g_assert_cmpuint (pdf_pages (pdf), ==, 2);

  cramp_report_options_init (&options);
  options.notes = FALSE;
  no_notes_pdf = write_report (fixture, NULL, "2026-11-01T23:59:59+01:00", &options, "no-notes.pdf");
  no_notes = cramp_test_pdf_text (no_notes_pdf, 0);
  assert_contains (no_notes, "Every Cramp in the Period");
  assert_lacks (no_notes, "walked around the room");
  assert_lacks (no_notes, "Notes");
}

static void
test_stretching (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *since = "2026-10-15T00:00:00+02:00", *until = "2026-11-01T23:59:59+01:00";
  CrampReportOptions options;
  g_autofree char *before_pdf = NULL;
  g_autofree char *before = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *left_out_pdf = NULL;
  g_autofree char *left_out = NULL;

  /* a cramp every night from 12 October to 31 October */
  add_episodes (fixture, 20, 1);
  before_pdf = write_report (fixture, since, until, NULL, "before.pdf");
  before = cramp_test_pdf_text (before_pdf, 0);
  assert_lacks (before, "Bedtime Stretching");

  /* reminders from 20 October, stretched on five nights of twelve */
  for (guint day = 20; day <= 31; day++)
    {
      g_autofree char *shown_at = g_strdup_printf ("2026-10-%02uT22:00:00+0%u:00", day, day < 25 ? 2 : 1);
      g_autofree char *done_at = g_strdup_printf ("2026-10-%02uT22:05:00+0%u:00", day, day < 25 ? 2 : 1);
      g_autoptr(GDateTime) shown = cramp_time_parse (shown_at, NULL);
      g_autoptr(GDateTime) done = cramp_time_parse (done_at, NULL);

      g_assert_true (cramp_store_add_stretch (fixture->store, CRAMP_STRETCH_SHOWN, shown, NULL));
      g_assert_true (cramp_store_add_stretch (fixture->store, day < 25 ? CRAMP_STRETCH_DONE : CRAMP_STRETCH_DISMISSED,
                                              done, NULL));
    }

  pdf = write_report (fixture, since, until, NULL, "stretching.pdf");
  text = cramp_test_pdf_text (pdf, 0);
  assert_contains (text, "Bedtime Stretching");
  assert_contains (text, "Stretched at bedtime on 5 of 12 nights (42 %).");
  assert_contains (text, "Nights after stretching: 5 cramps in 5 logged nights, 1.0 a night.");
  assert_contains (text, "Nights without: 7 cramps in 7 logged nights, 1.0 a night.");
  assert_contains (text, "Reminders shown: 12; snoozed: 0; dismissed: 7. Stretches recorded: 5.");
  assert_contains (text, "It is an observation, not proof");

  cramp_report_options_init (&options);
  options.stretches = FALSE;
  left_out_pdf = write_report (fixture, since, until, &options, "no-stretching.pdf");
  left_out = cramp_test_pdf_text (left_out_pdf, 0);
  assert_lacks (left_out, "Bedtime Stretching");
}

static void
test_empty_period (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  add_episodes (fixture, 10, 1);
  pdf = write_report (fixture, "2026-01-01T00:00:00+01:00", "2026-01-31T23:59:59+01:00", NULL, "empty.pdf");
  text = cramp_test_pdf_text (pdf, 0);

  assert_contains (text, "1 Jan 2026 to 31 Jan 2026");
  assert_contains (text, "No cramp was logged in this period.");
  assert_contains (text, "No pattern in this period matches a warning sign.");
  assert_contains (text, "Recorded by the patient; 0 of 31 nights logged.");
  assert_contains (text, "Page 2 of 2");
  assert_lacks (text, "Cramps per week");
}

static double
fetch_number (GMatchInfo *match,
              int         group)
{
  g_autofree char *text = g_match_info_fetch (match, group);

  return g_ascii_strtod (text, NULL);
}

/* Every word's box lies inside the page's printable area. */
static void
assert_inside_margins (const char *pdf)
{
  g_autofree char *command = g_strdup_printf ("pdftotext -q -bbox '%s' -", pdf);
  g_autofree char *html = cramp_test_run (command);
  g_autoptr(GRegex) page_re = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">", 0, 0, NULL);
  /* raw: GLib checks a UTF-8 subject again at every match, which over
   * the words of a long report takes seconds */
  g_autoptr(GRegex) word_re = g_regex_new ("<word xMin=\"([0-9.-]+)\" yMin=\"([0-9.-]+)\" xMax=\"([0-9.-]+)\" yMax=\"([0-9.-]+)\">",
                                           G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) page_match = NULL;
  g_autoptr(GMatchInfo) word_match = NULL;
  double width, height;
  guint n_words = 0;

  g_assert_true (g_regex_match (page_re, html, 0, &page_match));
  width = fetch_number (page_match, 1);
  height = fetch_number (page_match, 2);

  g_regex_match (word_re, html, 0, &word_match);
  while (g_match_info_matches (word_match))
    {
      double x0 = fetch_number (word_match, 1);
      double y0 = fetch_number (word_match, 2);
      double x1 = fetch_number (word_match, 3);
      double y1 = fetch_number (word_match, 4);

      /* the margins are 50 points; a glyph's box may reach a little out */
      if (x0 < 45 || x1 > width - 45 || y0 < 40 || y1 > height - 20)
        g_error ("a word at (%.0f, %.0f)–(%.0f, %.0f) leaves the page of %.0f × %.0f", x0, y0, x1, y1, width, height);
      n_words++;
      g_match_info_next (word_match, NULL);
    }

  g_test_message ("%u words inside the margins", n_words);
  g_assert_cmpuint (n_words, >, 100);
}

static void
test_scripts_and_long_text (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) long_note = g_string_new (NULL);
  g_autofree char *unbroken = g_strnfill (180, 'x');
  g_autofree char *pdf = NULL;
  g_autofree char *letter_pdf = NULL;
  g_autofree char *text = NULL;
  CrampReportOptions letter;
  const char *meds[] = { unbroken, "Lasix", NULL };
  const char *notes[] = {
    "استيقظت في الثالثة صباحًا بتشنج شديد في ربلة الساق اليسرى، ومشيت في الغرفة حتى خف الألم. "
    "تكرر ذلك ثلاث ليالٍ هذا الأسبوع.",
    "凌晨三点小腿抽筋惊醒，疼得很厉害，走了一会儿才缓解。这个星期已经是第三次了，白天腿也觉得很累，"
    "医生说要多拉伸，多喝水，晚上睡前做伸展运动。",
    "夜中の三時にふくらはぎがつって目が覚めました。しばらく歩いたら楽になりました。",
    "Ein sehr langer Eintrag über Wadenkrämpfe in der Nacht, der sich über viele Zeilen erstreckt und "
    "prüft, dass der Text umbricht, statt über den Rand hinauszulaufen.",
  };

  for (guint i = 0; i < 2000; i++)
    g_string_append (long_note, i % 60 == 59 ? " " : "a");

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *when = g_strdup_printf ("2026-10-%02uT03:%02u:00+01:00", 1 + i % 30, i);
      CrampEpisode *episode = cramp_test_episode (when, CRAMP_MUSCLE_CALF);

      cramp_episode_set_notes (episode, i == 5 ? long_note->str : notes[i % G_N_ELEMENTS (notes)]);
      cramp_episode_set_medications (episode, meds);
      cramp_episode_set_symptoms (episode, cramp_vocab_all_bits (CRAMP_VOCAB_SYMPTOM));
      cramp_episode_set_relieved_by (episode, cramp_vocab_all_bits (CRAMP_VOCAB_RELIEF));
      g_ptr_array_add (episodes, episode);
    }
  g_assert_true (cramp_store_import (fixture->store, episodes, NULL, NULL, NULL));

  pdf = write_report (fixture, NULL, "2026-11-01T23:59:59+01:00", NULL, "scripts.pdf");
  assert_inside_margins (pdf);
  text = cramp_test_pdf_text (pdf, 0);
  assert_contains (text, "الساق");
  assert_contains (text, "小腿抽筋");

  /* the same on Letter paper */
  cramp_report_options_init (&letter);
  letter.page_width = 612;
  letter.page_height = 792;
  letter_pdf = write_report (fixture, NULL, "2026-11-01T23:59:59+01:00", &letter, "letter.pdf");
  assert_inside_margins (letter_pdf);
  {
    g_autofree char *command = g_strdup_printf ("pdfinfo '%s'", letter_pdf);
    g_autofree char *info = cramp_test_run (command);
    g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/report/content", test_content);
  ADD ("/report/two-years", test_two_years);
  ADD ("/report/for-the-doctor", test_for_the_doctor);
  ADD ("/report/first-page", test_first_page);
  ADD ("/report/experiments", test_experiments);
  ADD ("/report/sections-left-out", test_sections_left_out);
  ADD ("/report/empty-period", test_empty_period);
  ADD ("/report/stretching", test_stretching);
  ADD ("/report/scripts-and-long-text", test_scripts_and_long_text);

#undef ADD

  return g_test_run ();
}
