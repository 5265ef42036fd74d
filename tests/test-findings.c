/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cramp-analysis.h"
#include "cramp-findings-test-utils.h"
#include "cramp-store-episodes.h"
#include "cramp-store-profile.h"

/*
 * Every rule of the red-flag catalog, version 3, as DESIGN.md words it:
 * fires at its threshold, not just below it, and names exactly the
 * episodes that show it, with its severity. The medication catalog has
 * tests of its own (test-medicines.c).
 */

static void
test_catalog_table (void)
{
  g_autofree char *help_path = g_test_build_filename (G_TEST_DIST, "..", "help", "C", "findings.page", NULL);
  g_autofree char *help = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  CrampSeverity previous = CRAMP_SEVERITY_URGENT;

  g_assert_true (g_file_get_contents (help_path, &help, NULL, NULL));
  g_assert_cmpuint (cramp_findings_catalog_size (), ==, 22);

  for (guint i = 0; i < cramp_findings_catalog_size (); i++)
    {
      CrampSeverity severity;
      const char *title, *rule;
      const char * const *sources;
      const char *id = cramp_findings_catalog_get (i, &severity, &title, &rule, &sources);
      g_autofree char *in_help = g_strdup_printf ("<code>%s</code>", id);

      if (!g_hash_table_add (ids, (gpointer) id))
        g_error ("the id %s is in the catalog twice", id);
      if (strstr (help, in_help) == NULL)
        g_error ("the help page does not explain %s", id);
      g_assert_cmpstr (title, !=, "");
      g_assert_cmpstr (rule, !=, "");
      g_assert_nonnull (sources);
      if (sources[0] == NULL)
        g_error ("%s has no sources", id);
      for (guint s = 0; sources[s] != NULL; s++)
        {
          /* the help cites each source by its first words */
          g_autofree char *start = g_strndup (sources[s], 20);

          if (strstr (help, start) == NULL)
            g_error ("the help page does not cite “%s” (of %s)", sources[s], id);
        }
      /* the table is in the order of the output: by severity */
      g_assert_cmpint (severity, >=, previous);
      previous = severity;
    }
}

static void
test_clot_signs (void)
{
  CrampEpisode *left = ep ("2026-06-01T03:00:00+02:00");
  CrampEpisode *both = ep ("2026-06-02T03:00:00+02:00");
  CrampEpisode *right = ep ("2026-06-03T03:00:00+02:00");
  CrampEpisode *unsided = ep ("2026-06-04T03:00:00+02:00");
  CrampEpisode **all = EVIDENCE (left, both, right, unsided);

  cramp_episode_set_side (left, CRAMP_SIDE_LEFT);
  cramp_episode_set_side (both, CRAMP_SIDE_BOTH);
  cramp_episode_set_side (right, CRAMP_SIDE_RIGHT);
  cramp_episode_set_symptoms (both, CRAMP_SYMPTOM_SWELLING | CRAMP_SYMPTOM_REDNESS);
  cramp_episode_set_symptoms (unsided, CRAMP_SYMPTOM_SWELLING | CRAMP_SYMPTOM_REDNESS);
  /* swelling alone, or redness and warmth without swelling: not it */
  cramp_episode_set_symptoms (left, CRAMP_SYMPTOM_SWELLING | CRAMP_SYMPTOM_SKIN_COLD);
  cramp_episode_set_symptoms (right, CRAMP_SYMPTOM_REDNESS | CRAMP_SYMPTOM_SKIN_WARM);
  CHECK_SILENT (all, NULL, "clot-signs");

  /* one side, swollen, and red, warm or "warmer or colder" */
  cramp_episode_set_symptoms (left, CRAMP_SYMPTOM_SWELLING | CRAMP_SYMPTOM_SKIN_TEMPERATURE);
  cramp_episode_set_symptoms (right, CRAMP_SYMPTOM_SWELLING | CRAMP_SYMPTOM_SKIN_WARM);
  {
    g_autoptr(GPtrArray) findings = analyze_these (all, NULL);
    CrampFinding *finding = assert_fires_with (findings, "clot-signs", CRAMP_SEVERITY_URGENT, EVIDENCE (left, right));

    /* first of all, and it says what to do today */
    g_assert_true (g_ptr_array_index (findings, 0) == finding);
    /* what the UI shows is also a property, to bind */
    {
      g_autofree char *id = NULL;
      g_autofree char *rule = NULL;
      CrampSeverity severity;

      g_object_get (finding, "id", &id, "severity", &severity, "rule", &rule, NULL);
      g_assert_cmpstr (id, ==, "clot-signs");
      g_assert_cmpint (severity, ==, CRAMP_SEVERITY_URGENT);
      g_assert_cmpstr (rule, ==, cramp_finding_get_rule (finding));
    }
    g_assert_nonnull (strstr (cramp_finding_get_explanation (finding), "today"));
    g_assert_null (strstr (cramp_finding_get_explanation (finding), "you have"));
  }
  cramp_episode_set_symptoms (left, CRAMP_SYMPTOM_SWELLING | CRAMP_SYMPTOM_REDNESS);
  cramp_episode_set_symptoms (right, 0);
  CHECK_FIRES (all, NULL, "clot-signs", CRAMP_SEVERITY_URGENT, EVIDENCE (left));
  unref_all (all);
}

/* limb-ischaemia: one leg, cold, with numbness, tingling or weakness */
static void
test_limb_ischaemia (void)
{
  CrampEpisode *numb = ep ("2026-06-01T03:00:00+02:00");
  CrampEpisode *tingling = ep ("2026-06-02T03:00:00+02:00");
  CrampEpisode *weak = ep ("2026-06-03T03:00:00+02:00");
  CrampEpisode *both = ep ("2026-06-04T03:00:00+02:00");
  CrampEpisode *unsided = ep ("2026-06-05T03:00:00+02:00");
  CrampEpisode *cold_only = ep ("2026-06-06T03:00:00+02:00");
  CrampEpisode *warm = ep ("2026-06-07T03:00:00+02:00");
  CrampEpisode *either = ep ("2026-06-08T03:00:00+02:00");
  CrampEpisode **others = EVIDENCE (both, unsided, cold_only, warm, either);
  guint cold_and_numb = CRAMP_SYMPTOM_SKIN_COLD | CRAMP_SYMPTOM_NUMBNESS;

  cramp_episode_set_side (numb, CRAMP_SIDE_LEFT);
  cramp_episode_set_side (tingling, CRAMP_SIDE_RIGHT);
  cramp_episode_set_side (weak, CRAMP_SIDE_LEFT);
  cramp_episode_set_side (both, CRAMP_SIDE_BOTH);
  cramp_episode_set_side (cold_only, CRAMP_SIDE_LEFT);
  cramp_episode_set_side (warm, CRAMP_SIDE_RIGHT);
  cramp_episode_set_side (either, CRAMP_SIDE_RIGHT);
  cramp_episode_set_symptoms (numb, cold_and_numb);
  cramp_episode_set_symptoms (tingling, CRAMP_SYMPTOM_SKIN_COLD | CRAMP_SYMPTOM_TINGLING);
  cramp_episode_set_symptoms (weak, CRAMP_SYMPTOM_SKIN_COLD | CRAMP_SYMPTOM_WEAKNESS);
  /* both legs, no side, cold skin alone, warm skin with numbness, and
   * the older "warmer or colder" with numbness: none of them */
  cramp_episode_set_symptoms (both, cold_and_numb);
  cramp_episode_set_symptoms (unsided, cold_and_numb);
  cramp_episode_set_symptoms (cold_only, CRAMP_SYMPTOM_SKIN_COLD);
  cramp_episode_set_symptoms (warm, CRAMP_SYMPTOM_SKIN_WARM | CRAMP_SYMPTOM_NUMBNESS);
  cramp_episode_set_symptoms (either, CRAMP_SYMPTOM_SKIN_TEMPERATURE | CRAMP_SYMPTOM_NUMBNESS);
  CHECK_SILENT (others, NULL, "limb-ischaemia");

  /* each of the three, on either side, is enough on its own */
  CHECK_FIRES (EVIDENCE (tingling, both, cold_only), NULL, "limb-ischaemia", CRAMP_SEVERITY_URGENT,
               EVIDENCE (tingling));
  {
    CrampEpisode **all = EVIDENCE (numb, tingling, weak, both, unsided, cold_only, warm, either);
    g_autoptr(GPtrArray) findings = analyze_these (all, NULL);
    CrampFinding *finding = assert_fires_with (findings, "limb-ischaemia", CRAMP_SEVERITY_URGENT,
                                               EVIDENCE (numb, tingling, weak));
    const char *text = cramp_finding_get_explanation (finding);

    /* urgent, after clot-signs in the table, before every see-doctor sign */
    g_assert_true (g_ptr_array_index (findings, 0) == finding);
    g_assert_nonnull (strstr (text, "3 cramps in one leg came with cold skin"));
    g_assert_nonnull (strstr (text, "ambulance"));
    g_assert_null (strstr (text, "you have"));
    /* the symptoms are still shown as symptoms too */
    g_assert_nonnull (find (findings, "associated-symptoms"));
  }

  unref_all (EVIDENCE (numb, tingling, weak));
  unref_all (others);
}

static void
test_symptom_rows (void)
{
  /* the rows that one symptom, or two, decide */
  static const struct
  {
    const char    *id;
    CrampSeverity  severity;
    guint          symptoms;
    guint          minimum;
  } rows[] = {
    { "tissue-damage", CRAMP_SEVERITY_URGENT, CRAMP_SYMPTOM_SORES, 1 },
    { "walking-difficulty", CRAMP_SEVERITY_SEE_DOCTOR, CRAMP_SYMPTOM_WALKING_DIFFICULTY, 1 },
    { "associated-symptoms", CRAMP_SEVERITY_SEE_DOCTOR, CRAMP_SYMPTOM_NUMBNESS, 1 },
    { "associated-symptoms", CRAMP_SEVERITY_SEE_DOCTOR, CRAMP_SYMPTOM_TINGLING, 1 },
    { "associated-symptoms", CRAMP_SEVERITY_SEE_DOCTOR, CRAMP_SYMPTOM_SWELLING, 1 },
    { "associated-symptoms", CRAMP_SEVERITY_SEE_DOCTOR, CRAMP_SYMPTOM_REDNESS, 1 },
    { "associated-symptoms", CRAMP_SEVERITY_SEE_DOCTOR, CRAMP_SYMPTOM_WEAKNESS, 1 },
    { "associated-symptoms", CRAMP_SEVERITY_SEE_DOCTOR, CRAMP_SYMPTOM_TWITCHING, 1 },
    { "associated-symptoms", CRAMP_SEVERITY_SEE_DOCTOR, CRAMP_SYMPTOM_SKIN_WARM, 1 },
    { "associated-symptoms", CRAMP_SEVERITY_SEE_DOCTOR, CRAMP_SYMPTOM_SKIN_COLD, 1 },
    { "associated-symptoms", CRAMP_SEVERITY_SEE_DOCTOR, CRAMP_SYMPTOM_SKIN_TEMPERATURE, 1 },
    { "associated-symptoms", CRAMP_SEVERITY_SEE_DOCTOR, CRAMP_SYMPTOM_VEIN_CHANGES, 1 },
    { "neuromuscular", CRAMP_SEVERITY_SEE_DOCTOR, CRAMP_SYMPTOM_TWITCHING | CRAMP_SYMPTOM_WEAKNESS, 1 },
    { "neuromuscular", CRAMP_SEVERITY_SEE_DOCTOR, CRAMP_SYMPTOM_TWITCHING, 2 },
  };

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");
      CrampEpisode *b = ep ("2026-06-11T15:00:00+02:00");
      CrampEpisode *c = ep ("2026-06-21T03:00:00+02:00");
      CrampEpisode **all = EVIDENCE (a, b, c);

      g_test_message ("%s, %u", rows[r].id, rows[r].symptoms);
      /* one fewer than the minimum; the other symptoms do not count */
      cramp_episode_set_symptoms (a, rows[r].minimum == 2 ? rows[r].symptoms : 0);
      cramp_episode_set_symptoms (b, CRAMP_SYMPTOM_URGE_TO_MOVE);
      CHECK_SILENT (all, NULL, rows[r].id);

      cramp_episode_set_symptoms (c, rows[r].symptoms);
      if (rows[r].minimum == 2)
        CHECK_FIRES (all, NULL, rows[r].id, rows[r].severity, EVIDENCE (a, c));
      else
        CHECK_FIRES (all, NULL, rows[r].id, rows[r].severity, EVIDENCE (c));
      unref_all (all);
    }

  /* neuromuscular: every twitching cramp is evidence, the one with
   * weakness and the one without */
  {
    CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");
    CrampEpisode *b = ep ("2026-06-11T03:00:00+02:00");
    CrampEpisode *weak = ep ("2026-06-12T03:00:00+02:00");
    CrampEpisode **all = EVIDENCE (a, b, weak);

    cramp_episode_set_symptoms (a, CRAMP_SYMPTOM_TWITCHING);
    cramp_episode_set_symptoms (b, CRAMP_SYMPTOM_TWITCHING | CRAMP_SYMPTOM_WEAKNESS);
    cramp_episode_set_symptoms (weak, CRAMP_SYMPTOM_WEAKNESS);
    CHECK_FIRES (all, NULL, "neuromuscular", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a, b));
    unref_all (all);
  }
}

static void
test_counted_rows (void)
{
  CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");
  CrampEpisode *b = ep ("2026-06-12T03:00:00+02:00");
  CrampEpisode *c = ep ("2026-06-24T03:00:00+02:00");
  CrampEpisode **all = EVIDENCE (a, b, c);

  /* prolonged: longer than 600 s, not 600 */
  cramp_episode_set_duration (a, 600);
  CHECK_SILENT (all, NULL, "prolonged");
  cramp_episode_set_duration (a, 601);
  CHECK_FIRES (all, NULL, "prolonged", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a));

  /* hard-to-relieve: twice "nothing" and nothing else */
  cramp_episode_set_relieved_by (a, CRAMP_RELIEF_NOTHING);
  cramp_episode_set_relieved_by (b, CRAMP_RELIEF_NOTHING | CRAMP_RELIEF_REST);
  CHECK_SILENT (all, NULL, "hard-to-relieve");
  cramp_episode_set_relieved_by (c, CRAMP_RELIEF_NOTHING);
  CHECK_FIRES (all, NULL, "hard-to-relieve", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a, c));

  /* alcohol: twice */
  cramp_episode_set_triggers (a, CRAMP_TRIGGER_ALCOHOL);
  CHECK_SILENT (all, NULL, "alcohol");
  cramp_episode_set_triggers (b, CRAMP_TRIGGER_ALCOHOL | CRAMP_TRIGGER_HEAT);
  CHECK_FIRES (all, NULL, "alcohol", CRAMP_SEVERITY_INFO, EVIDENCE (a, b));
  unref_all (all);
}

static CrampEpisode *
foot_at_rest (const char    *iso,
              CrampActivity  activity)
{
  CrampEpisode *episode = ep (iso);

  cramp_episode_set_muscle (episode, CRAMP_MUSCLE_TOES);
  cramp_episode_set_activity (episode, activity);
  cramp_episode_set_relieved_by (episode, CRAMP_RELIEF_HANGING_LEG);
  return episode;
}

static void
test_rest_pain (void)
{
  CrampEpisode *a = foot_at_rest ("2026-06-01T03:00:00+02:00", CRAMP_ACTIVITY_SLEEPING);
  CrampEpisode *standing = foot_at_rest ("2026-06-02T03:00:00+02:00", CRAMP_ACTIVITY_STANDING);
  CrampEpisode *calf = foot_at_rest ("2026-06-03T03:00:00+02:00", CRAMP_ACTIVITY_RESTING);
  CrampEpisode *b = foot_at_rest ("2026-06-04T20:00:00+02:00", CRAMP_ACTIVITY_SITTING);
  CrampEpisode **three = EVIDENCE (a, standing, calf);
  CrampEpisode **all = EVIDENCE (a, standing, calf, b);

  cramp_episode_set_muscle (calf, CRAMP_MUSCLE_CALF);
  CHECK_SILENT (three, NULL, "rest-pain");
  cramp_episode_set_muscle (b, CRAMP_MUSCLE_FOOT);
  CHECK_FIRES (all, NULL, "rest-pain", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a, b));
  unref_all (all);
}

static CrampEpisode *
walked (const char *iso,
        int         metres,
        CrampMuscle muscle)
{
  CrampEpisode *episode = ep (iso);

  cramp_episode_set_activity (episode, CRAMP_ACTIVITY_WALKING);
  cramp_episode_set_relieved_by (episode, CRAMP_RELIEF_REST | CRAMP_RELIEF_MASSAGE);
  cramp_episode_set_walk_distance (episode, metres);
  cramp_episode_set_duration (episode, 120);
  cramp_episode_set_muscle (episode, muscle);
  return episode;
}

static void
test_claudication (void)
{
  CrampEpisode *a = walked ("2026-06-01T10:00:00+02:00", 400, CRAMP_MUSCLE_CALF);
  CrampEpisode *b = walked ("2026-06-03T10:00:00+02:00", 500, CRAMP_MUSCLE_CALF);
  CrampEpisode *c = walked ("2026-06-05T10:00:00+02:00", 300, CRAMP_MUSCLE_FOOT);
  CrampEpisode *d = walked ("2026-06-07T10:00:00+02:00", 400, CRAMP_MUSCLE_CALF);
  CrampEpisode *far = walked ("2026-06-09T10:00:00+02:00", 2000, CRAMP_MUSCLE_CALF);
  CrampEpisode *zero = walked ("2026-06-10T10:00:00+02:00", 0, CRAMP_MUSCLE_CALF);
  CrampEpisode *hour = walked ("2026-06-11T10:00:00+02:00", 400, CRAMP_MUSCLE_CALF);
  CrampEpisode *other = ep ("2026-06-12T10:00:00+02:00");

  /* two steady walks: not enough */
  CHECK_SILENT (EVIDENCE (a, b, other), NULL, "claudication");

  /* three, 300 and 500 exactly 25 % from the median 400 */
  {
    g_autoptr(GPtrArray) findings = analyze_these (EVIDENCE (a, b, c, other), NULL);
    CrampFinding *finding = assert_fires_with (findings, "claudication", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a, b, c));
    const char *text = cramp_finding_get_explanation (finding);

    g_assert_nonnull (strstr (text, "3 of your 3 walking cramps came after about 400 metres"));
    /* two of three in the calf: the femoral and popliteal segment alone */
    g_assert_nonnull (strstr (text, "femoral and popliteal"));
    g_assert_null (strstr (text, "tibial"));
    g_assert_null (strstr (text, "iliac"));
    g_assert_nonnull (strstr (text, "ankle-brachial index"));
  }

  /* one metre past 25 %: not a steady distance */
  cramp_episode_set_walk_distance (b, 501);
  CHECK_SILENT (EVIDENCE (a, b, c), NULL, "claudication");
  cramp_episode_set_walk_distance (b, 500);

  /* one odd walk among four steady ones does not hide the pattern:
   * 4 of 5 in the band is ≥ 75 % */
  {
    g_autoptr(GPtrArray) findings = analyze_these (EVIDENCE (a, b, c, d, far), NULL);
    CrampFinding *finding = assert_fires_with (findings, "claudication", CRAMP_SEVERITY_SEE_DOCTOR,
                                               EVIDENCE (a, b, c, d));

    g_assert_nonnull (strstr (cramp_finding_get_explanation (finding), "4 of your 5 walking cramps"));
  }

  /* a distance of 0 m is no distance: not a candidate, and no "0 metres" */
  {
    g_autoptr(GPtrArray) findings = analyze_these (EVIDENCE (a, b, c, zero), NULL);
    CrampFinding *finding = assert_fires_with (findings, "claudication", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a, b, c));

    g_assert_null (strstr (cramp_finding_get_explanation (finding), " 0 metres"));
  }
  cramp_episode_set_walk_distance (b, 0);
  CHECK_SILENT (EVIDENCE (a, b, c), NULL, "claudication");
  cramp_episode_set_walk_distance (b, 500);

  /* an hour-long cramp is not claudication, which passes within minutes */
  cramp_episode_set_duration (hour, 3600);
  CHECK_FIRES (EVIDENCE (a, b, c, hour), NULL, "claudication", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a, b, c));
  cramp_episode_set_duration (c, 601);
  CHECK_SILENT (EVIDENCE (a, b, c, hour), NULL, "claudication");
  cramp_episode_set_duration (c, 600);

  /* not eased by rest: not a candidate */
  cramp_episode_set_relieved_by (c, CRAMP_RELIEF_STRETCHING);
  CHECK_SILENT (EVIDENCE (a, b, c), NULL, "claudication");
  cramp_episode_set_relieved_by (c, CRAMP_RELIEF_REST);

  /* thigh and buttock: the iliac arteries; the foot: tibial; a tie: none */
  cramp_episode_set_muscle (a, CRAMP_MUSCLE_HIP_BUTTOCK);
  cramp_episode_set_muscle (b, CRAMP_MUSCLE_THIGH_BACK);
  {
    g_autoptr(GPtrArray) findings = analyze_these (EVIDENCE (a, b, c), NULL);
    const char *text = cramp_finding_get_explanation (find (findings, "claudication"));

    g_assert_nonnull (strstr (text, "iliac"));
    g_assert_null (strstr (text, "tibial"));
  }
  cramp_episode_set_muscle (b, CRAMP_MUSCLE_FOOT);
  {
    g_autoptr(GPtrArray) findings = analyze_these (EVIDENCE (a, b, c), NULL);
    const char *text = cramp_finding_get_explanation (find (findings, "claudication"));

    g_assert_nonnull (strstr (text, "tibial"));
    g_assert_null (strstr (text, "iliac"));
  }
  cramp_episode_set_muscle (d, CRAMP_MUSCLE_THIGH_FRONT);
  cramp_episode_set_muscle (c, CRAMP_MUSCLE_FOOT);
  {
    /* two iliac, two tibial: neither is dominant */
    g_autoptr(GPtrArray) findings = analyze_these (EVIDENCE (a, b, c, d), NULL);
    const char *text = cramp_finding_get_explanation (find (findings, "claudication"));

    g_assert_null (strstr (text, "tibial"));
    g_assert_null (strstr (text, "iliac"));
  }

  unref_all (EVIDENCE (a, b, c, d, far, zero, hour, other));
}

/* The median of an even number of distances is the mean of the two
 * middle ones: 300, 300, 500, 500 have 400, and all four lie within
 * 25 % of it. The lower middle (300: 225–375) or the upper (500:
 * 375–625) would put only two in the band. */
static void
test_claudication_even_median (void)
{
  CrampEpisode *a = walked ("2026-06-01T10:00:00+02:00", 300, CRAMP_MUSCLE_CALF);
  CrampEpisode *b = walked ("2026-06-03T10:00:00+02:00", 300, CRAMP_MUSCLE_CALF);
  CrampEpisode *c = walked ("2026-06-05T10:00:00+02:00", 500, CRAMP_MUSCLE_CALF);
  CrampEpisode *d = walked ("2026-06-07T10:00:00+02:00", 500, CRAMP_MUSCLE_CALF);
  g_autoptr(GPtrArray) findings = analyze_these (EVIDENCE (a, b, c, d), NULL);
  CrampFinding *finding = assert_fires_with (findings, "claudication", CRAMP_SEVERITY_SEE_DOCTOR,
                                             EVIDENCE (a, b, c, d));

  g_assert_nonnull (strstr (cramp_finding_get_explanation (finding), "4 of your 4 walking cramps came after about 400 metres"));
  unref_all (EVIDENCE (a, b, c, d));
}

static void
test_frequent (void)
{
  /* three cramps in one bad night are one night */
  {
    CrampEpisode *a = ep ("2026-06-02T01:00:00+02:00");
    CrampEpisode *b = ep ("2026-06-02T02:30:00+02:00");
    CrampEpisode *c = ep ("2026-06-01T23:50:00+02:00");
    CrampEpisode *d = ep ("2026-06-02T11:59:00+02:00");
    CrampEpisode **all = EVIDENCE (a, b, c, d);

    CHECK_SILENT (all, NULL, "frequent");
    unref_all (all);
  }

  /* clocks in other zones: a later start on an earlier night, and back
   * (nights 10, 9, 10 June) are two nights */
  {
    CrampEpisode *a = ep ("2026-06-10T13:00:00+12:00");
    CrampEpisode *b = ep ("2026-06-10T02:00:00-05:00");
    CrampEpisode *c = ep ("2026-06-10T20:00:00+02:00");
    CrampEpisode **all = EVIDENCE (a, b, c);

    CHECK_SILENT (all, NULL, "frequent");
    unref_all (all);
  }

  /* three nights within 7 × 24 h, and a second more */
  {
    const char *first = "2026-06-01T03:00:00+02:00";
    CrampEpisode *a = ep (first);
    CrampEpisode *b = ep_after (first, 3 * DAY_S);
    CrampEpisode *late = ep_after (first, 7 * DAY_S + 1);
    CrampEpisode *edge = ep_after (first, 7 * DAY_S);
    CrampEpisode *far = ep ("2026-06-25T03:00:00+02:00");

    CHECK_SILENT (EVIDENCE (a, b, late, far), NULL, "frequent");
    {
      g_autoptr(GPtrArray) findings = analyze_these (EVIDENCE (a, b, edge, far), NULL);
      CrampFinding *finding = assert_fires_with (findings, "frequent", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a, b, edge));

      /* the text names the busiest span, and the evidence is grouped by it */
      g_assert_nonnull (strstr (cramp_finding_get_explanation (finding), "on 3 nights in the week from 1 Jun 2026"));
      g_assert_cmpuint (cramp_finding_get_n_groups (finding), ==, 1);
      g_assert_cmpuint (cramp_finding_get_group_evidence (finding, 0)->len, ==, 3);
      g_assert_cmpstr (cramp_finding_get_group_label (finding, 0), ==, "1 Jun 2026 to 8 Jun 2026: cramps on 3 nights");
    }
    unref_all (EVIDENCE (a, b, late, edge, far));
  }

  /* exercise cramps on three nights of one week: an athlete's */
  {
    CrampEpisode *a = ep ("2026-06-01T19:00:00+02:00");
    CrampEpisode *b = ep ("2026-06-03T19:00:00+02:00");
    CrampEpisode *c = ep ("2026-06-05T19:00:00+02:00");
    CrampEpisode **all = EVIDENCE (a, b, c);

    cramp_episode_set_activity (a, CRAMP_ACTIVITY_EXERCISING);
    cramp_episode_set_activity (b, CRAMP_ACTIVITY_AFTER_EXERCISE);
    cramp_episode_set_activity (c, CRAMP_ACTIVITY_EXERCISING);
    CHECK_SILENT (all, NULL, "frequent");
    cramp_episode_set_activity (c, CRAMP_ACTIVITY_SLEEPING);
    CHECK_SILENT (all, NULL, "frequent");
    unref_all (all);
  }

  /* two busy weeks a month apart: two groups, every cramp reachable */
  {
    CrampEpisode *w1[] = { ep ("2026-05-04T03:00:00+02:00"), ep ("2026-05-05T03:00:00+02:00"),
                           ep ("2026-05-06T03:00:00+02:00"), NULL };
    CrampEpisode *w2[] = { ep ("2026-06-08T03:00:00+02:00"), ep ("2026-06-09T03:00:00+02:00"),
                           ep ("2026-06-10T03:00:00+02:00"), ep ("2026-06-11T03:00:00+02:00"), NULL };
    CrampEpisode *lone = ep ("2026-05-20T03:00:00+02:00");
    CrampEpisode **all = EVIDENCE (w1[0], w1[1], w1[2], lone, w2[0], w2[1], w2[2], w2[3]);
    g_autoptr(GPtrArray) findings = analyze_these (all, NULL);
    CrampFinding *finding = assert_fires_with (findings, "frequent", CRAMP_SEVERITY_SEE_DOCTOR,
                                               EVIDENCE (w1[0], w1[1], w1[2], w2[0], w2[1], w2[2], w2[3]));

    g_assert_nonnull (strstr (cramp_finding_get_explanation (finding), "on 4 nights in the week from 8 Jun 2026"));
    g_assert_cmpuint (cramp_finding_get_n_groups (finding), ==, 2);
    g_assert_cmpuint (cramp_finding_get_group_evidence (finding, 0)->len, ==, 3);
    g_assert_cmpuint (cramp_finding_get_group_evidence (finding, 1)->len, ==, 4);
    unref_all (all);
  }
}

static CrampEpisode *
woken (const char *iso,
       gint64      seconds_later)
{
  CrampEpisode *episode = ep_after (iso, seconds_later);

  cramp_episode_set_woke_from_sleep (episode, TRUE);
  return episode;
}

static void
test_sleep_disruption (void)
{
  const char *first = "2026-04-01T03:00:00+02:00";

  /* twice in one night is one night */
  {
    CrampEpisode *a = woken (first, 0);
    CrampEpisode *b = woken (first, 3600);
    CrampEpisode **all = EVIDENCE (a, b);

    CHECK_SILENT (all, NULL, "sleep-disruption");
    unref_all (all);
  }

  /* two nights in a week: at 7 × 24 h, not a second more */
  {
    CrampEpisode *a = woken (first, 0);
    CrampEpisode *awake = ep_after (first, DAY_S);
    CrampEpisode *b = woken (first, 7 * DAY_S);
    CrampEpisode *late = woken (first, 7 * DAY_S + 1);

    cramp_episode_set_woke_from_sleep (awake, FALSE);
    CHECK_SILENT (EVIDENCE (a, awake, late), NULL, "sleep-disruption");
    CHECK_FIRES (EVIDENCE (a, awake, b), NULL, "sleep-disruption", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a, b));
    unref_all (EVIDENCE (a, awake, b, late));
  }

  /* four nights spread over a month, 9 and 10 days apart */
  {
    CrampEpisode *a = woken (first, 0);
    CrampEpisode *b = woken (first, 10 * DAY_S);
    CrampEpisode *c = woken (first, 20 * DAY_S);
    CrampEpisode *d = woken (first, 30 * DAY_S);
    CrampEpisode *late = woken (first, 30 * DAY_S + 1);
    g_autoptr(GPtrArray) findings = NULL;
    CrampFinding *finding;

    CHECK_SILENT (EVIDENCE (a, b, c, late), NULL, "sleep-disruption");
    findings = analyze_these (EVIDENCE (a, b, c, d), NULL);
    finding = assert_fires_with (findings, "sleep-disruption", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a, b, c, d));
    g_assert_nonnull (strstr (cramp_finding_get_explanation (finding), "on 4 nights in the 30 days from 1 Apr 2026"));
    g_assert_cmpuint (cramp_finding_get_n_groups (finding), ==, 1);
    unref_all (EVIDENCE (a, b, c, d, late));
  }
}

static void
test_worsening (void)
{
  CrampEpisode *recent[5] = { NULL };
  CrampEpisode *before[2];
  /* UNTIL is the period's last second: it ends at END, a second later */
  CrampEpisode *baseline = ep_after (UNTIL, 1 - 60 * DAY_S);
  CrampEpisode *short_baseline = ep_after (UNTIL, 2 - 60 * DAY_S);
  CrampEpisode *same_night = ep_after (UNTIL, -(1 * DAY_S) + 60);
  CrampEpisode *edge = ep_after (UNTIL, 1 - 30 * DAY_S);
  CrampEpisode *past_edge = ep_after (UNTIL, -30 * DAY_S);

  /* the last 30 days: [END − 30 d, END); the 30 before: [END − 60 d, END − 30 d) */
  for (guint i = 0; i < 4; i++)
    recent[i] = ep_after (UNTIL, -(gint64) (1 + 7 * i) * DAY_S);
  for (guint i = 0; i < 2; i++)
    before[i] = ep_after (UNTIL, -(gint64) (31 + 7 * i) * DAY_S);

  /* a diary that began five weeks ago has no whole baseline */
  {
    CrampEpisode *five_weeks = ep_after (UNTIL, -35 * DAY_S);

    CHECK_SILENT (EVIDENCE (five_weeks, recent[3], recent[2], recent[1], recent[0]), NULL, "worsening");
    g_object_unref (five_weeks);
  }
  CHECK_SILENT (EVIDENCE (short_baseline, recent[3], recent[2], recent[1], recent[0]), NULL, "worsening");

  /* a baseline 60 days back: 4 nights against 1 */
  CHECK_FIRES (EVIDENCE (baseline, recent[3], recent[2], recent[1], recent[0]), NULL, "worsening",
               CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (recent[3], recent[2], recent[1], recent[0]));

  /* 4 against 2: twice as many (the first cramp, exactly 60 × 24 h
   * before the end, is one of the 30 days before) */
  CHECK_FIRES (EVIDENCE (baseline, before[0], recent[3], recent[2], recent[1], recent[0]), NULL,
               "worsening", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (recent[3], recent[2], recent[1], recent[0]));

  /* 4 against 3: not twice as many */
  CHECK_SILENT (EVIDENCE (baseline, before[1], before[0], recent[3], recent[2], recent[1], recent[0]),
                NULL, "worsening");

  /* nights count, not cramps: 3 nights with 4 cramps */
  CHECK_SILENT (EVIDENCE (baseline, recent[2], recent[1], recent[0], same_night), NULL, "worsening");

  /* exactly 30 × 24 h before the end is one of the last 30 days; a
   * second earlier is not */
  CHECK_FIRES (EVIDENCE (baseline, edge, recent[2], recent[1], recent[0]), NULL, "worsening",
               CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (edge, recent[2], recent[1], recent[0]));
  CHECK_SILENT (EVIDENCE (baseline, past_edge, recent[2], recent[1], recent[0]), NULL, "worsening");

  unref_all (recent);
  unref_all (EVIDENCE (before[0], before[1], baseline, short_baseline, same_night, edge, past_edge));
}

static void
test_vascular_risk (void)
{
  g_autoptr(CrampProfile) profile = cramp_profile_new ();
  CrampEpisode *walk = ep ("2026-06-01T10:00:00+02:00");
  CrampEpisode *sport = ep ("2026-06-05T10:00:00+02:00");
  CrampEpisode *sport_no_rest = ep ("2026-06-07T10:00:00+02:00");
  CrampEpisode *night = ep ("2026-06-09T03:00:00+02:00");
  CrampEpisode **all = EVIDENCE (walk, sport, sport_no_rest, night);
  CrampEpisode **one = EVIDENCE (walk, sport_no_rest, night);
  static const struct
  {
    guint    birth_year;   /* the window ends in 2026 */
    guint    conditions;
    gboolean fires;
  } cases[] = {
    /* 28, a smoker who plays football: not at increased risk */
    { 1998, CRAMP_CONDITION_SMOKING, FALSE },
    { 1998, CRAMP_CONDITION_SMOKING | CRAMP_CONDITION_HIGH_BLOOD_PRESSURE, FALSE },
    { 1998, CRAMP_CONDITION_DIABETES, FALSE },
    { 1998, CRAMP_CONDITION_DIABETES | CRAMP_CONDITION_SMOKING, TRUE },
    { 1998, CRAMP_CONDITION_ARTERIAL_DISEASE, TRUE },
    /* 55: one risk factor is enough */
    { 1971, 0, FALSE },
    { 1971, CRAMP_CONDITION_KIDNEY_DISEASE, FALSE },
    { 1971, CRAMP_CONDITION_HIGH_CHOLESTEROL, TRUE },
    /* 49 and 50: the edge */
    { 1977, CRAMP_CONDITION_SMOKING, FALSE },
    { 1976, CRAMP_CONDITION_SMOKING, TRUE },
    /* 64 and 65 */
    { 1962, 0, FALSE },
    { 1961, 0, TRUE },
    /* 70: age alone */
    { 1956, 0, TRUE },
    /* without a year of birth: two of the four, or arterial disease */
    { 0, CRAMP_CONDITION_SMOKING, FALSE },
    { 0, CRAMP_CONDITION_SMOKING | CRAMP_CONDITION_PREGNANCY, FALSE },
    { 0, CRAMP_CONDITION_SMOKING | CRAMP_CONDITION_DIABETES, TRUE },
    { 0, CRAMP_CONDITION_ARTERIAL_DISEASE, TRUE },
  };

  cramp_episode_set_activity (walk, CRAMP_ACTIVITY_WALKING);
  cramp_episode_set_activity (sport, CRAMP_ACTIVITY_EXERCISING);
  cramp_episode_set_relieved_by (sport, CRAMP_RELIEF_REST);
  cramp_episode_set_activity (sport_no_rest, CRAMP_ACTIVITY_EXERCISING);
  cramp_episode_set_relieved_by (sport_no_rest, CRAMP_RELIEF_STRETCHING);
  cramp_episode_set_activity (night, CRAMP_ACTIVITY_SLEEPING);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("born %u, conditions %x", cases[i].birth_year, cases[i].conditions);
      cramp_profile_set_birth_year (profile, cases[i].birth_year);
      cramp_profile_set_conditions (profile, cases[i].conditions);
      if (cases[i].fires)
        CHECK_FIRES (all, profile, "vascular-risk", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (walk, sport));
      else
        CHECK_SILENT (all, profile, "vascular-risk");
      /* one exertion cramp is not enough */
      CHECK_SILENT (one, profile, "vascular-risk");
    }

  CHECK_SILENT (all, NULL, "vascular-risk");
  unref_all (all);
}

static void
test_profile_rows (void)
{
  g_autoptr(CrampProfile) profile = cramp_profile_new ();
  CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");
  CrampEpisode *b = ep ("2026-06-12T03:00:00+02:00");
  CrampEpisode **all = EVIDENCE (a, b);

  CHECK_SILENT (all, profile, "known-condition");
  CHECK_SILENT (all, profile, "pregnancy");

  cramp_profile_set_conditions (profile, CRAMP_CONDITION_SMOKING | CRAMP_CONDITION_HIGH_BLOOD_PRESSURE);
  CHECK_SILENT (all, profile, "known-condition");
  cramp_profile_set_conditions (profile, CRAMP_CONDITION_THYROID_DISEASE);
  CHECK_FIRES (all, profile, "known-condition", CRAMP_SEVERITY_DISCUSS, EVIDENCE (a, b));
  {
    g_autoptr(GPtrArray) empty = new_list ();
    g_autoptr(GPtrArray) findings = analyze (empty, profile, UNTIL);

    g_assert_cmpuint (findings->len, ==, 0);
  }

  /* pregnancy: a trigger names its cramps, the profile all of them */
  cramp_profile_set_conditions (profile, 0);
  cramp_episode_set_triggers (b, CRAMP_TRIGGER_PREGNANCY);
  {
    g_autoptr(GPtrArray) findings = analyze_these (all, profile);
    CrampFinding *finding = assert_fires_with (findings, "pregnancy", CRAMP_SEVERITY_INFO, EVIDENCE (b));

    g_assert_nonnull (strstr (cramp_finding_get_explanation (finding), "same day"));
  }
  cramp_profile_set_conditions (profile, CRAMP_CONDITION_PREGNANCY);
  CHECK_FIRES (all, profile, "pregnancy", CRAMP_SEVERITY_INFO, EVIDENCE (a, b));
  unref_all (all);
}

static CrampEpisode *
restless (const char *iso)
{
  CrampEpisode *episode = ep (iso);

  cramp_episode_set_symptoms (episode, CRAMP_SYMPTOM_URGE_TO_MOVE);
  cramp_episode_set_relieved_by (episode, CRAMP_RELIEF_WALKING);
  cramp_episode_set_activity (episode, CRAMP_ACTIVITY_RESTING);
  return episode;
}

static void
test_rls_like (void)
{
  g_autoptr(GPtrArray) episodes = new_list ();
  CrampEpisode *evening = restless ("2026-06-01T18:00:00+02:00");
  CrampEpisode *early = restless ("2026-06-05T06:00:00+02:00");
  CrampEpisode *afternoon = restless ("2026-06-07T17:59:59+02:00");
  CrampEpisode *morning = restless ("2026-06-08T06:01:00+02:00");
  CrampEpisode *walking = restless ("2026-06-09T22:00:00+02:00");
  CrampEpisode *half_minute = restless ("2026-06-10T06:00:30+02:00");

  cramp_episode_set_activity (walking, CRAMP_ACTIVITY_WALKING);
  g_ptr_array_add (episodes, evening);
  g_ptr_array_add (episodes, afternoon);
  g_ptr_array_add (episodes, morning);
  g_ptr_array_add (episodes, walking);

  /* only one of them is at rest between 18:00 and 06:00: 17:59:59 is
   * 17:59, and 06:01 is past the end */
  {
    g_autoptr(GPtrArray) findings = analyze (episodes, NULL, UNTIL);
    assert_silent (findings, "rls-like");
  }

  g_ptr_array_insert (episodes, 1, early);
  {
    g_autoptr(GPtrArray) findings = analyze (episodes, NULL, UNTIL);
    assert_fires_with (findings, "rls-like", CRAMP_SEVERITY_DISCUSS, EVIDENCE (evening, early));
  }

  /* times of day compare by the minute: 06:00:30 is 06:00 */
  g_ptr_array_remove (episodes, early);
  g_ptr_array_add (episodes, half_minute);
  {
    g_autoptr(GPtrArray) findings = analyze (episodes, NULL, UNTIL);
    assert_fires_with (findings, "rls-like", CRAMP_SEVERITY_DISCUSS, EVIDENCE (evening, half_minute));
  }
}

static void
test_own_offset (void)
{
  /* 20:00 in Tokyo is 11:00 UTC and 04:00 in Los Angeles; the episode's
   * own clock says evening, whatever the machine's zone */
  g_autoptr(GPtrArray) episodes = new_list ();
  CrampEpisode *tokyo = restless ("2026-06-01T20:00:00+09:00");
  CrampEpisode *also_tokyo = restless ("2026-06-02T21:30:00+09:00");
  CrampEpisode *london_noon = restless ("2026-06-03T11:00:00+00:00");

  g_ptr_array_add (episodes, tokyo);
  g_ptr_array_add (episodes, also_tokyo);
  g_ptr_array_add (episodes, london_noon);

  for (guint i = 0; i < 3; i++)
    {
      static const char *zones[] = { "America/Los_Angeles", "Asia/Tokyo", "UTC" };
      g_autoptr(GPtrArray) findings = NULL;

      g_setenv ("TZ", zones[i], TRUE);
      findings = analyze (episodes, NULL, UNTIL);
      assert_fires_with (findings, "rls-like", CRAMP_SEVERITY_DISCUSS, EVIDENCE (tokyo, also_tokyo));
    }
  g_setenv ("TZ", "UTC", TRUE);
}

static void
test_low_fluid (void)
{
  g_autoptr(GPtrArray) episodes = new_list ();
  CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");
  CrampEpisode *b = ep ("2026-06-12T03:00:00+02:00");
  CrampEpisode *c = ep ("2026-06-24T03:00:00+02:00");

  cramp_episode_set_fluid (a, 1499);
  cramp_episode_set_fluid (b, 1500);
  g_ptr_array_add (episodes, a);
  g_ptr_array_add (episodes, b);
  g_ptr_array_add (episodes, c);
  {
    g_autoptr(GPtrArray) findings = analyze (episodes, NULL, UNTIL);
    assert_silent (findings, "low-fluid");
  }

  cramp_episode_set_triggers (c, CRAMP_TRIGGER_DEHYDRATION);
  {
    g_autoptr(GPtrArray) findings = analyze (episodes, NULL, UNTIL);
    CrampFinding *finding = assert_fires_with (findings, "low-fluid", CRAMP_SEVERITY_INFO, EVIDENCE (a, c));

    /* the evidence for drinking more is mixed, and the text says so */
    g_assert_nonnull (strstr (cramp_finding_get_explanation (finding), "not clear"));
    g_assert_null (strstr (cramp_finding_get_explanation (finding), "kidney"));
  }

  /* with kidney disease, ask before drinking more */
  {
    g_autoptr(CrampProfile) profile = cramp_profile_new ();
    g_autoptr(GPtrArray) findings = NULL;
    CrampFinding *finding;

    cramp_profile_set_conditions (profile, CRAMP_CONDITION_KIDNEY_DISEASE);
    findings = analyze (episodes, profile, UNTIL);
    finding = assert_fires_with (findings, "low-fluid", CRAMP_SEVERITY_INFO, EVIDENCE (a, c));
    g_assert_nonnull (strstr (cramp_finding_get_explanation (finding), "kidney disease, ask your doctor"));
  }
}


static void
test_order (void)
{
  /* by severity, then in the catalog's order */
  CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");
  CrampEpisode *b = ep ("2026-06-02T03:00:00+02:00");
  CrampEpisode **all = EVIDENCE (b, a);
  const char *meds[] = { "HCTZ", NULL };
  const char *expected[] = { "clot-signs", "walking-difficulty", "associated-symptoms", "prolonged",
                             "medication", "low-fluid" };
  g_autoptr(GPtrArray) findings = NULL;

  cramp_episode_set_fluid (a, 500);
  cramp_episode_set_fluid (b, 500);
  cramp_episode_set_medications (a, meds);
  cramp_episode_set_duration (b, 1200);
  cramp_episode_set_side (b, CRAMP_SIDE_LEFT);
  cramp_episode_set_symptoms (b, CRAMP_SYMPTOM_SWELLING | CRAMP_SYMPTOM_REDNESS | CRAMP_SYMPTOM_WALKING_DIFFICULTY);

  findings = analyze_these (all, NULL);
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s", cramp_finding_get_id (g_ptr_array_index (findings, i)));
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpstr (cramp_finding_get_id (g_ptr_array_index (findings, i)), ==, expected[i]);
  unref_all (all);
}

static void
assert_no_findings (GPtrArray    *episodes,
                    CrampProfile *profile)
{
  g_autoptr(GPtrArray) findings = analyze (episodes, profile, UNTIL);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("unexpected: %s", cramp_finding_get_id (g_ptr_array_index (findings, i)));
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_benign (void)
{
  /* an athlete of 28 who smokes: cramps during and after football,
   * several a week in the season, stretched away, well hydrated */
  g_autoptr(GPtrArray) athlete = new_list ();
  g_autoptr(GPtrArray) occasional = new_list ();
  g_autoptr(CrampProfile) profile = cramp_profile_new ();

  cramp_profile_set_birth_year (profile, 1998);
  cramp_profile_set_conditions (profile, CRAMP_CONDITION_SMOKING);
  for (guint i = 0; i < 24; i++)
    {
      /* Tuesdays, Thursdays and Saturdays of eight weeks */
      static const int offsets[] = { 0, 2, 4 };
      CrampEpisode *episode = ep_after ("2026-04-07T19:30:00+02:00",
                                        (gint64) (7 * (i / 3) + offsets[i % 3]) * DAY_S);

      cramp_episode_set_activity (episode, i % 2 ? CRAMP_ACTIVITY_AFTER_EXERCISE : CRAMP_ACTIVITY_EXERCISING);
      cramp_episode_set_duration (episode, 30 + 10 * (i % 5));
      cramp_episode_set_side (episode, i % 2 ? CRAMP_SIDE_LEFT : CRAMP_SIDE_RIGHT);
      cramp_episode_set_intensity (episode, 4 + i % 3);
      cramp_episode_set_relieved_by (episode, CRAMP_RELIEF_STRETCHING | CRAMP_RELIEF_MASSAGE);
      cramp_episode_set_triggers (episode, CRAMP_TRIGGER_EXERCISE | CRAMP_TRIGGER_HEAT);
      cramp_episode_set_fluid (episode, 2500);
      cramp_episode_set_woke_from_sleep (episode, FALSE);
      g_ptr_array_add (athlete, episode);
    }
  assert_no_findings (athlete, profile);

  /* an older person's calf cramp at night every few weeks, stretched away */
  cramp_profile_set_birth_year (profile, 1950);
  cramp_profile_set_conditions (profile, 0);
  for (guint i = 0; i < 6; i++)
    {
      CrampEpisode *episode = ep_after ("2026-01-10T03:20:00+01:00", (gint64) i * 25 * DAY_S);

      cramp_episode_set_activity (episode, CRAMP_ACTIVITY_SLEEPING);
      cramp_episode_set_duration (episode, 90);
      cramp_episode_set_side (episode, CRAMP_SIDE_RIGHT);
      cramp_episode_set_relieved_by (episode, CRAMP_RELIEF_STRETCHING | CRAMP_RELIEF_WALKING);
      cramp_episode_set_woke_from_sleep (episode, TRUE);
      g_ptr_array_add (occasional, episode);
    }
  assert_no_findings (occasional, profile);
}

static void
test_window_edges (void)
{
  /* the period [since, until] includes its edges and nothing beyond */
  g_autofree char *dir = cramp_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.sqlite3", NULL);
  g_autoptr(CrampStore) store = cramp_store_open (path, NULL);
  g_autoptr(GDateTime) since = cramp_time_parse ("2026-06-01T00:00:00+02:00", NULL);
  g_autoptr(GDateTime) until = cramp_time_parse ("2026-06-30T23:59:59+02:00", NULL);
  g_autoptr(CrampAnalysis) analysis = NULL;
  const char *starts[] = {
    "2026-05-31T23:59:59+02:00", "2026-06-01T00:00:00+02:00", "2026-06-30T23:59:59+02:00",
    "2026-07-01T00:00:00+02:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_autoptr(CrampEpisode) episode = ep (starts[i]);

      cramp_episode_set_symptoms (episode, CRAMP_SYMPTOM_SORES);
      g_assert_true (cramp_store_add (store, episode, NULL));
    }

  analysis = cramp_analysis_new (store, since, until, NULL);
  g_assert_cmpuint (analysis->episodes->len, ==, 2);
  g_assert_cmpuint (cramp_finding_get_evidence (find (analysis->findings, "tissue-damage"))->len, ==, 2);
  g_assert_cmpuint (analysis->stats->n_episodes, ==, 2);

  g_clear_object (&store);
  cramp_test_rmdir (dir);
}

/* Every finding, with cramps that would show it a second before and
 * after the period as well as at its first and last second: its
 * evidence holds the ones inside, never those outside. */
static void
test_window_edges_all (void)
{
  g_autofree char *dir = cramp_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.sqlite3", NULL);
  g_autoptr(CrampStore) store = cramp_store_open (path, NULL);
  g_autoptr(CrampProfile) profile = cramp_profile_new ();
  g_autoptr(GDateTime) since = cramp_time_parse ("2026-06-01T00:00:00+02:00", NULL);
  g_autoptr(GDateTime) until = cramp_time_parse ("2026-06-30T23:59:59+02:00", NULL);
  g_autoptr(CrampAnalysis) analysis = NULL;
  g_autoptr(GHashTable) inside = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  const char *moments[] = { "2026-05-31T23:59:59+02:00", "2026-06-01T00:00:00+02:00",
                            "2026-06-30T23:59:59+02:00", "2026-07-01T00:00:00+02:00" };
  const char *medications[] = { "Furosemid 40 mg", "Limptar N", "Simvastatin", NULL };
  g_autoptr(GError) error = NULL;
  GDate none;

  for (guint m = 0; m < G_N_ELEMENTS (moments); m++)
    {
      /* a walk and a rest, each with what the counted rows look for */
      for (guint kind = 0; kind < 4; kind++)
        {
          gint64 nudge = m == 0 ? -60 : m == 3 ? 60 : 0;
          g_autoptr(CrampEpisode) episode = ep_after (moments[m], nudge * (gint64) kind);
          gboolean walk = kind % 2 == 0;

          cramp_episode_set_muscle (episode, walk ? CRAMP_MUSCLE_CALF : CRAMP_MUSCLE_FOOT);
          cramp_episode_set_side (episode, CRAMP_SIDE_LEFT);
          cramp_episode_set_activity (episode, walk ? CRAMP_ACTIVITY_WALKING : CRAMP_ACTIVITY_SITTING);
          cramp_episode_set_walk_distance (episode, walk ? 400 : CRAMP_UNSET);
          cramp_episode_set_duration (episode, kind == 3 ? 900 : 120);
          guint sitting_relief = CRAMP_RELIEF_HANGING_LEG | CRAMP_RELIEF_STRETCHING;

          cramp_episode_set_relieved_by (episode, kind == 1 ? CRAMP_RELIEF_NOTHING
                                                            : walk ? CRAMP_RELIEF_REST : sitting_relief);
          cramp_episode_set_symptoms (episode, cramp_vocab_all_bits (CRAMP_VOCAB_SYMPTOM));
          cramp_episode_set_triggers (episode,
                                      CRAMP_TRIGGER_ALCOHOL | CRAMP_TRIGGER_DEHYDRATION | CRAMP_TRIGGER_PREGNANCY);
          cramp_episode_set_fluid (episode, 800);
          cramp_episode_set_woke_from_sleep (episode, TRUE);
          cramp_episode_set_medications (episode, medications);
          cramp_store_add (store, episode, &error);
          g_assert_no_error (error);
          if (m == 1 || m == 2)
            g_hash_table_add (inside, g_strdup (cramp_episode_get_id (episode)));
        }
    }

  g_date_clear (&none, 1);
  cramp_profile_set_birth_year (profile, 1950);
  cramp_profile_set_conditions (profile, CRAMP_CONDITION_KIDNEY_DISEASE | CRAMP_CONDITION_PREGNANCY);
  g_assert_true (cramp_profile_add_medication (profile, "Atorvastatin", &none, &none, NULL));
  g_assert_true (cramp_store_set_profile (store, profile, NULL));

  analysis = cramp_analysis_new (store, since, until, NULL);
  g_assert_cmpuint (analysis->episodes->len, ==, 8);
  for (guint i = 0; i < analysis->findings->len; i++)
    {
      CrampFinding *finding = g_ptr_array_index (analysis->findings, i);
      GPtrArray *evidence = cramp_finding_get_evidence (finding);

      g_hash_table_add (shown, (gpointer) cramp_finding_get_id (finding));
      for (guint e = 0; e < evidence->len; e++)
        if (!g_hash_table_contains (inside, cramp_episode_get_id (g_ptr_array_index (evidence, e))))
          g_error ("%s names a cramp outside the period", cramp_finding_get_id (finding));
    }

  /* all but those of spans, which need more nights than two a month
   * apart (their edges have a test of their own) */
  for (guint i = 0; i < cramp_findings_catalog_size (); i++)
    {
      const char *id = cramp_findings_catalog_get (i, NULL, NULL, NULL, NULL);
      static const char * const spans[] = { "frequent", "sleep-disruption", "worsening", NULL };

      if (!g_strv_contains (spans, id) && !g_hash_table_contains (shown, id))
        g_error ("%s did not show at the period's edges", id);
    }

  g_clear_object (&store);
  cramp_test_rmdir (dir);
}

/* A span that begins a second before the period is not in it. */
static void
test_window_edges_spans (void)
{
  g_autofree char *dir = cramp_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.sqlite3", NULL);
  g_autoptr(CrampStore) store = cramp_store_open (path, NULL);
  g_autoptr(GDateTime) since = cramp_time_parse ("2026-06-01T00:00:00+02:00", NULL);
  g_autoptr(GDateTime) until = cramp_time_parse ("2026-06-30T23:59:59+02:00", NULL);
  const char *starts[] = { "2026-05-31T23:59:59+02:00", "2026-06-02T03:00:00+02:00", "2026-06-04T03:00:00+02:00",
                           "2026-06-30T23:59:59+02:00" };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_autoptr(CrampEpisode) episode = ep (starts[i]);

      cramp_episode_set_woke_from_sleep (episode, i < 3);
      g_assert_true (cramp_store_add (store, episode, NULL));
    }

  /* in the period: two nights of one week, woken on both; the third
   * night lies a second before it */
  {
    g_autoptr(CrampAnalysis) analysis = cramp_analysis_new (store, since, until, NULL);

    assert_silent (analysis->findings, "frequent");
    g_assert_cmpuint (cramp_finding_get_evidence (find (analysis->findings, "sleep-disruption"))->len, ==, 2);
  }

  /* a second earlier, and it is */
  {
    g_autoptr(GDateTime) earlier = g_date_time_add_seconds (since, -1);
    g_autoptr(CrampAnalysis) analysis = cramp_analysis_new (store, earlier, until, NULL);

    g_assert_cmpuint (cramp_finding_get_evidence (find (analysis->findings, "frequent"))->len, ==, 3);
  }

  g_clear_object (&store);
  cramp_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/findings/catalog", test_catalog_table);
  g_test_add_func ("/findings/clot-signs", test_clot_signs);
  g_test_add_func ("/findings/limb-ischaemia", test_limb_ischaemia);
  g_test_add_func ("/findings/symptoms", test_symptom_rows);
  g_test_add_func ("/findings/counted", test_counted_rows);
  g_test_add_func ("/findings/rest-pain", test_rest_pain);
  g_test_add_func ("/findings/claudication", test_claudication);
  g_test_add_func ("/findings/claudication/even-median", test_claudication_even_median);
  g_test_add_func ("/findings/frequent", test_frequent);
  g_test_add_func ("/findings/sleep-disruption", test_sleep_disruption);
  g_test_add_func ("/findings/worsening", test_worsening);
  g_test_add_func ("/findings/vascular-risk", test_vascular_risk);
  g_test_add_func ("/findings/profile", test_profile_rows);
  g_test_add_func ("/findings/rls-like", test_rls_like);
  g_test_add_func ("/findings/rls-like/own-offset", test_own_offset);
  g_test_add_func ("/findings/low-fluid", test_low_fluid);
  g_test_add_func ("/findings/order", test_order);
  g_test_add_func ("/findings/benign", test_benign);
  g_test_add_func ("/findings/window-edges", test_window_edges);
  g_test_add_func ("/findings/window-edges/spans", test_window_edges_spans);
  g_test_add_func ("/findings/window-edges/all", test_window_edges_all);

  return g_test_run ();
}
