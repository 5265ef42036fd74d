/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cramp-analysis.h"
#include "cramp-drug-catalog.h"
#include "cramp-findings.h"
#include "cramp-test-utils.h"

/*
 * Every rule of the red-flag catalog: fires at its threshold, not just
 * below it, and names exactly the episodes that show it.
 */

#define UNTIL "2026-06-30T12:00:00+00:00"
#define DAY_S (24 * 3600)

static guint serial;

/* An episode with a readable, unique id: 00000000-0000-4000-8000-00000000000N */
static CrampEpisode *
ep (const char *iso)
{
  CrampEpisode *episode = cramp_test_episode (iso, CRAMP_MUSCLE_CALF);
  g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-%012u", ++serial);

  cramp_episode_set_id (episode, id);
  return episode;
}

/* An episode @seconds after @iso. */
static CrampEpisode *
ep_after (const char *iso,
          gint64      seconds)
{
  g_autoptr(GDateTime) base = cramp_time_parse (iso, NULL);
  g_autoptr(GDateTime) when = g_date_time_add_seconds (base, seconds);
  g_autofree char *text = cramp_time_format (when);

  return ep (text);
}

static GPtrArray *
new_list (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static GPtrArray *
analyze (GPtrArray    *episodes,
         CrampProfile *profile,
         const char   *until)
{
  g_autoptr(GDateTime) end = cramp_time_parse (until, NULL);

  return cramp_findings_analyze (episodes, profile, end);
}

static CrampFinding *
find (GPtrArray  *findings,
      const char *id)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (cramp_finding_get_id (g_ptr_array_index (findings, i)), id))
      return g_ptr_array_index (findings, i);

  return NULL;
}

static guint
count_id (GPtrArray  *findings,
          const char *id)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_str_equal (cramp_finding_get_id (g_ptr_array_index (findings, i)), id);

  return n;
}

/* The finding @id fired with exactly @episodes (a NULL-ended list) as evidence. */
static CrampFinding *
assert_fires_with (GPtrArray      *findings,
                   const char     *id,
                   CrampSeverity   severity,
                   CrampEpisode  **episodes)
{
  CrampFinding *finding = find (findings, id);
  GPtrArray *evidence;
  guint n = 0;

  if (finding == NULL)
    g_error ("expected the finding %s, which did not fire", id);

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

static void
assert_silent (GPtrArray  *findings,
               const char *id)
{
  if (find (findings, id) != NULL)
    g_error ("the finding %s fired, but should not have", id);
}

#define EVIDENCE(...) ((CrampEpisode *[]) { __VA_ARGS__, NULL })

static void
test_walking_difficulty (void)
{
  g_autoptr(GPtrArray) episodes = new_list ();
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");
  CrampEpisode *b = ep ("2026-06-02T03:00:00+02:00");

  g_ptr_array_add (episodes, a);
  g_ptr_array_add (episodes, b);
  cramp_episode_set_symptoms (a, CRAMP_SYMPTOM_NUMBNESS | CRAMP_SYMPTOM_SORES);
  none = analyze (episodes, NULL, UNTIL);
  assert_silent (none, "walking-difficulty");

  cramp_episode_set_symptoms (b, CRAMP_SYMPTOM_WALKING_DIFFICULTY);
  findings = analyze (episodes, NULL, UNTIL);
  assert_fires_with (findings, "walking-difficulty", CRAMP_SEVERITY_URGENT, EVIDENCE (b));
  /* and the sores of the other one */
  assert_fires_with (findings, "tissue-damage", CRAMP_SEVERITY_URGENT, EVIDENCE (a));
}

static void
test_tissue_damage (void)
{
  g_autoptr(GPtrArray) episodes = new_list ();
  g_autoptr(GPtrArray) findings = NULL;
  CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");

  g_ptr_array_add (episodes, a);
  cramp_episode_set_symptoms (a, CRAMP_SYMPTOM_VEIN_CHANGES);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = analyze (episodes, NULL, UNTIL);
  assert_silent (findings, "tissue-damage");

  cramp_episode_set_symptoms (a, CRAMP_SYMPTOM_SORES);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = analyze (episodes, NULL, UNTIL);
  assert_fires_with (findings, "tissue-damage", CRAMP_SEVERITY_URGENT, EVIDENCE (a));
}

static CrampEpisode *
walked (const char  *iso,
        int          metres,
        CrampMuscle  muscle)
{
  CrampEpisode *episode = ep (iso);

  cramp_episode_set_activity (episode, CRAMP_ACTIVITY_WALKING);
  cramp_episode_set_relieved_by (episode, CRAMP_RELIEF_REST | CRAMP_RELIEF_MASSAGE);
  cramp_episode_set_walk_distance (episode, metres);
  cramp_episode_set_muscle (episode, muscle);
  return episode;
}

static void
test_claudication (void)
{
  g_autoptr(GPtrArray) episodes = new_list ();
  g_autoptr(GPtrArray) findings = NULL;
  CrampEpisode *a = walked ("2026-06-01T10:00:00+02:00", 400, CRAMP_MUSCLE_CALF);
  CrampEpisode *b = walked ("2026-06-03T10:00:00+02:00", 500, CRAMP_MUSCLE_CALF);
  CrampEpisode *c = walked ("2026-06-05T10:00:00+02:00", 300, CRAMP_MUSCLE_CALF);
  CrampEpisode *d = walked ("2026-06-07T10:00:00+02:00", CRAMP_UNSET, CRAMP_MUSCLE_CALF);
  CrampEpisode *other = ep ("2026-06-08T10:00:00+02:00");
  CrampFinding *finding;
  const char *text;

  /* two with distances: not enough */
  g_ptr_array_add (episodes, a);
  g_ptr_array_add (episodes, b);
  g_ptr_array_add (episodes, d);
  g_ptr_array_add (episodes, other);
  findings = analyze (episodes, NULL, UNTIL);
  assert_silent (findings, "claudication");

  /* three with distances, 300 and 500 exactly 25 % from the median 400:
   * fires, with every walk eased by rest as evidence */
  g_ptr_array_add (episodes, c);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = analyze (episodes, NULL, UNTIL);
  finding = assert_fires_with (findings, "claudication", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a, b, c, d));
  text = cramp_finding_get_explanation (finding);
  g_assert_nonnull (strstr (text, "400 metres"));
  g_assert_nonnull (strstr (text, "femoral and popliteal"));
  g_assert_nonnull (strstr (text, "tibial"));
  g_assert_null (strstr (text, "iliac"));
  g_assert_nonnull (strstr (text, "ankle-brachial index"));

  /* one metre past 25 %: the distance is not predictable any more */
  cramp_episode_set_walk_distance (b, 501);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = analyze (episodes, NULL, UNTIL);
  assert_silent (findings, "claudication");

  /* not eased by rest: not the pattern */
  cramp_episode_set_walk_distance (b, 420);
  cramp_episode_set_relieved_by (c, CRAMP_RELIEF_STRETCHING);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = analyze (episodes, NULL, UNTIL);
  assert_silent (findings, "claudication");

  /* thigh and buttock point to the iliac arteries */
  cramp_episode_set_relieved_by (c, CRAMP_RELIEF_REST);
  cramp_episode_set_muscle (a, CRAMP_MUSCLE_HIP_BUTTOCK);
  cramp_episode_set_muscle (b, CRAMP_MUSCLE_THIGH_BACK);
  cramp_episode_set_muscle (c, CRAMP_MUSCLE_THIGH_FRONT);
  cramp_episode_set_muscle (d, CRAMP_MUSCLE_UNKNOWN);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = analyze (episodes, NULL, UNTIL);
  text = cramp_finding_get_explanation (find (findings, "claudication"));
  g_assert_nonnull (strstr (text, "iliac"));
  g_assert_null (strstr (text, "tibial"));

  /* the foot, the tibial arteries */
  cramp_episode_set_muscle (a, CRAMP_MUSCLE_FOOT);
  cramp_episode_set_muscle (b, CRAMP_MUSCLE_FOOT);
  cramp_episode_set_muscle (c, CRAMP_MUSCLE_FOOT);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = analyze (episodes, NULL, UNTIL);
  text = cramp_finding_get_explanation (find (findings, "claudication"));
  g_assert_nonnull (strstr (text, "tibial"));
  g_assert_null (strstr (text, "iliac"));
  g_assert_null (strstr (text, "femoral"));
}

static void
test_associated_symptoms (void)
{
  const CrampSymptom associated[] = {
    CRAMP_SYMPTOM_NUMBNESS, CRAMP_SYMPTOM_TINGLING, CRAMP_SYMPTOM_SWELLING, CRAMP_SYMPTOM_REDNESS,
    CRAMP_SYMPTOM_WEAKNESS, CRAMP_SYMPTOM_SKIN_TEMPERATURE, CRAMP_SYMPTOM_VEIN_CHANGES,
  };
  g_autoptr(GPtrArray) episodes = new_list ();
  CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");

  g_ptr_array_add (episodes, a);

  /* the others have findings of their own */
  cramp_episode_set_symptoms (a, CRAMP_SYMPTOM_URGE_TO_MOVE | CRAMP_SYMPTOM_SORES |
                                 CRAMP_SYMPTOM_WALKING_DIFFICULTY);
  {
    g_autoptr(GPtrArray) findings = analyze (episodes, NULL, UNTIL);
    assert_silent (findings, "associated-symptoms");
  }

  for (guint i = 0; i < G_N_ELEMENTS (associated); i++)
    {
      g_autoptr(GPtrArray) findings = NULL;

      cramp_episode_set_symptoms (a, associated[i]);
      findings = analyze (episodes, NULL, UNTIL);
      assert_fires_with (findings, "associated-symptoms", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a));
    }
}

static void
test_prolonged (void)
{
  g_autoptr(GPtrArray) episodes = new_list ();
  g_autoptr(GPtrArray) below = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");
  CrampEpisode *b = ep ("2026-06-12T03:00:00+02:00");

  g_ptr_array_add (episodes, a);
  g_ptr_array_add (episodes, b);
  cramp_episode_set_duration (a, 600);
  cramp_episode_set_duration (b, 30);
  below = analyze (episodes, NULL, UNTIL);
  assert_silent (below, "prolonged");

  cramp_episode_set_duration (a, 601);
  findings = analyze (episodes, NULL, UNTIL);
  assert_fires_with (findings, "prolonged", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a));
}

static void
test_frequent (void)
{
  const char *first = "2026-06-01T03:00:00+02:00";
  g_autoptr(GPtrArray) episodes = new_list ();
  g_autoptr(GPtrArray) below = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  CrampEpisode *early = ep ("2026-05-01T03:00:00+02:00");
  CrampEpisode *a = ep (first);
  CrampEpisode *b = ep_after (first, 3 * DAY_S);
  CrampEpisode *c = ep_after (first, 7 * DAY_S + 1);
  CrampEpisode *late = ep ("2026-06-25T03:00:00+02:00");

  /* three, but the first and last 7 days and a second apart */
  g_ptr_array_add (episodes, early);
  g_ptr_array_add (episodes, a);
  g_ptr_array_add (episodes, b);
  g_ptr_array_add (episodes, c);
  g_ptr_array_add (episodes, late);
  below = analyze (episodes, NULL, UNTIL);
  assert_silent (below, "frequent");

  /* exactly 7 × 24 hours apart: within a week */
  g_ptr_array_remove (episodes, c);
  c = ep_after (first, 7 * DAY_S);
  g_ptr_array_add (episodes, c);
  findings = analyze (episodes, NULL, UNTIL);
  assert_fires_with (findings, "frequent", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a, b, c));
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
  g_autoptr(GPtrArray) episodes = new_list ();
  g_autoptr(GPtrArray) below = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  CrampEpisode *a = woken (first, 0);
  CrampEpisode *awake = ep_after (first, DAY_S);
  CrampEpisode *b = woken (first, 30 * DAY_S + 1);

  cramp_episode_set_woke_from_sleep (awake, FALSE);
  g_ptr_array_add (episodes, a);
  g_ptr_array_add (episodes, awake);
  g_ptr_array_add (episodes, b);
  below = analyze (episodes, NULL, UNTIL);
  assert_silent (below, "sleep-disruption");

  g_ptr_array_remove (episodes, b);
  b = woken (first, 30 * DAY_S);
  g_ptr_array_add (episodes, b);
  findings = analyze (episodes, NULL, UNTIL);
  assert_fires_with (findings, "sleep-disruption", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a, b));
}

static void
test_worsening (void)
{
  g_autoptr(GPtrArray) episodes = new_list ();
  CrampEpisode *recent[4];
  CrampEpisode *before[3];

  /* the last 30 days: (until − 30 d, until] */
  for (guint i = 0; i < 4; i++)
    recent[i] = ep_after (UNTIL, -(gint64) (1 + 7 * i) * DAY_S);
  for (guint i = 0; i < 3; i++)
    before[i] = ep_after (UNTIL, -(gint64) (31 + 7 * i) * DAY_S);

  /* four recent, no baseline: the period began inside its last 30 days */
  for (int i = 3; i >= 0; i--)
    g_ptr_array_add (episodes, g_object_ref (recent[i]));
  {
    g_autoptr(GPtrArray) findings = analyze (episodes, NULL, UNTIL);
    assert_silent (findings, "worsening");
  }

  /* a baseline exactly 30 days before the end: it belongs to the 30 days
   * before, 4 ≥ 2 × 1 */
  {
    g_autoptr(CrampEpisode) edge = ep_after (UNTIL, -30 * DAY_S);
    g_autoptr(GPtrArray) findings = NULL;

    g_ptr_array_insert (episodes, 0, g_object_ref (edge));
    findings = analyze (episodes, NULL, UNTIL);
    assert_fires_with (findings, "worsening", CRAMP_SEVERITY_SEE_DOCTOR,
                       EVIDENCE (recent[3], recent[2], recent[1], recent[0]));
    g_ptr_array_remove_index (episodes, 0);
  }

  /* 4 against 2: twice as many, fires */
  g_ptr_array_insert (episodes, 0, g_object_ref (before[0]));
  g_ptr_array_insert (episodes, 0, g_object_ref (before[1]));
  {
    g_autoptr(GPtrArray) findings = analyze (episodes, NULL, UNTIL);
    assert_fires_with (findings, "worsening", CRAMP_SEVERITY_SEE_DOCTOR,
                       EVIDENCE (recent[3], recent[2], recent[1], recent[0]));
  }

  /* 4 against 3: not twice as many */
  g_ptr_array_insert (episodes, 0, g_object_ref (before[2]));
  {
    g_autoptr(GPtrArray) findings = analyze (episodes, NULL, UNTIL);
    assert_silent (findings, "worsening");
  }

  /* 3 recent against none: fewer than 4 */
  g_ptr_array_remove_range (episodes, 0, 3);
  g_ptr_array_remove_index (episodes, 0);
  {
    g_autoptr(CrampEpisode) baseline = ep_after (UNTIL, -100 * DAY_S);
    g_autoptr(GPtrArray) findings = NULL;

    g_ptr_array_insert (episodes, 0, g_object_ref (baseline));
    g_assert_cmpuint (episodes->len, ==, 4);
    findings = analyze (episodes, NULL, UNTIL);
    assert_silent (findings, "worsening");
  }

  for (guint i = 0; i < 4; i++)
    g_object_unref (recent[i]);
  for (guint i = 0; i < 3; i++)
    g_object_unref (before[i]);
}

static void
test_vascular_risk (void)
{
  g_autoptr(GPtrArray) episodes = new_list ();
  g_autoptr(CrampProfile) profile = cramp_profile_new ();
  CrampEpisode *a = ep ("2026-06-01T10:00:00+02:00");
  CrampEpisode *b = ep ("2026-06-20T10:00:00+02:00");
  CrampEpisode *c = ep ("2026-06-22T03:00:00+02:00");

  cramp_episode_set_activity (a, CRAMP_ACTIVITY_WALKING);
  cramp_episode_set_activity (b, CRAMP_ACTIVITY_EXERCISING);
  cramp_episode_set_activity (c, CRAMP_ACTIVITY_AFTER_EXERCISE);
  g_ptr_array_add (episodes, a);
  g_ptr_array_add (episodes, b);
  g_ptr_array_add (episodes, c);

  /* no risk factor in the profile, or one that is not vascular */
  {
    g_autoptr(GPtrArray) findings = analyze (episodes, NULL, UNTIL);
    assert_silent (findings, "vascular-risk");
  }
  cramp_profile_set_conditions (profile, CRAMP_CONDITION_KIDNEY_DISEASE | CRAMP_CONDITION_PREGNANCY);
  {
    g_autoptr(GPtrArray) findings = analyze (episodes, profile, UNTIL);
    assert_silent (findings, "vascular-risk");
  }

  /* each vascular risk factor, with two cramps during activity */
  for (guint risk = CRAMP_CONDITION_DIABETES; risk <= CRAMP_CONDITION_SMOKING; risk <<= 1)
    {
      g_autoptr(GPtrArray) findings = NULL;

      cramp_profile_set_conditions (profile, risk);
      findings = analyze (episodes, profile, UNTIL);
      assert_fires_with (findings, "vascular-risk", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (a, b));
    }

  /* one cramp during activity is not enough */
  cramp_episode_set_activity (b, CRAMP_ACTIVITY_SITTING);
  {
    g_autoptr(GPtrArray) findings = analyze (episodes, profile, UNTIL);
    assert_silent (findings, "vascular-risk");
  }
}

static void
test_drug_catalog (void)
{
  static const struct { const char *entry; const char *class; } matches[] = {
    { "Hydrochlorothiazide 25 mg", "thiazide diuretics" },
    { "HCTZ", "thiazide diuretics" },
    { "hctz 12.5mg in the morning", "thiazide diuretics" },
    { "Chlortalidone", "thiazide diuretics" },
    { "Lasix", "loop diuretics" },
    { "FUROSEMIDE 40", "loop diuretics" },
    { "torsemide", "loop diuretics" },
    { "Aldactone 25", "potassium-sparing diuretics" },
    { "Aleve", "naproxen" },
    { "Naprosyn 500 mg", "naproxen" },
    { "Forteo pen", "teriparatide" },
    { "Venofer infusion", "iron sucrose" },
    { "iron sucrose 200 mg", "iron sucrose" },
    { "Premarin", "conjugated estrogens" },
    { "Conjugated Estrogens 0.625", "conjugated estrogens" },
    { "Evista", "raloxifene" },
    { "Microgynon (ethinylestradiol/levonorgestrel)", "oral contraceptives" },
    { "Yasmin: drospirenone + ethinyl estradiol", "oral contraceptives" },
    { "Lipitor 20", "statins" },
    { "Zocor", "statins" },
    { "Crestor 10mg", "statins" },
    { "pravastatin", "statins" },
    { "Serevent inhaler", "long-acting beta-agonists" },
    { "formoterol", "long-acting beta-agonists" },
  };
  static const char *no_match[] = {
    "prolasix", "Lasix40", "hctzz", "naproxenate-free", "iron", "sucrose", "vitamin D", "ibuprofen",
    "Statin", "superlipitor", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (matches); i++)
    {
      guint classes = cramp_drug_classes_in (matches[i].entry);
      gboolean found = FALSE;

      for (guint c = 0; c < cramp_drug_class_count (); c++)
        if (classes & (1u << c))
          found |= g_str_equal (cramp_drug_class_label (c), matches[i].class);

      if (!found)
        g_error ("“%s” should be one of the %s", matches[i].entry, matches[i].class);
    }

  for (guint i = 0; i < G_N_ELEMENTS (no_match); i++)
    if (cramp_drug_classes_in (no_match[i]) != 0)
      g_error ("“%s” should match no medicine of the catalog", no_match[i]);
}

static void
test_medication (void)
{
  g_autoptr(GPtrArray) episodes = new_list ();
  g_autoptr(GPtrArray) findings = NULL;
  CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");
  CrampEpisode *b = ep ("2026-06-15T03:00:00+02:00");
  CrampEpisode *c = ep ("2026-06-25T03:00:00+02:00");
  const char *meds_a[] = { "Lasix 40 mg", "Vitamin D", NULL };
  const char *meds_b[] = { "furosemide", "Lipitor", NULL };
  const char *meds_c[] = { "prolasix", NULL };
  CrampFinding *loop, *statin;

  cramp_episode_set_medications (a, meds_a);
  cramp_episode_set_medications (b, meds_b);
  cramp_episode_set_medications (c, meds_c);
  g_ptr_array_add (episodes, a);
  g_ptr_array_add (episodes, b);
  g_ptr_array_add (episodes, c);

  findings = analyze (episodes, NULL, UNTIL);
  /* one finding per class, naming the medicines as they were written */
  g_assert_cmpuint (count_id (findings, "medication"), ==, 2);
  loop = g_ptr_array_index (findings, 0);
  statin = g_ptr_array_index (findings, 1);
  g_assert_cmpstr (cramp_finding_get_id (loop), ==, "medication");
  g_assert_cmpint (cramp_finding_get_severity (loop), ==, CRAMP_SEVERITY_DISCUSS);
  g_assert_nonnull (strstr (cramp_finding_get_title (loop), "loop diuretics"));
  g_assert_nonnull (strstr (cramp_finding_get_explanation (loop), "Lasix 40 mg, furosemide"));
  g_assert_cmpuint (cramp_finding_get_evidence (loop)->len, ==, 2);
  g_assert_nonnull (strstr (cramp_finding_get_title (statin), "statins"));
  g_assert_nonnull (strstr (cramp_finding_get_explanation (statin), "Lipitor"));
  g_assert_cmpuint (cramp_finding_get_evidence (statin)->len, ==, 1);
  g_assert_true (g_ptr_array_index (cramp_finding_get_evidence (statin), 0) == (gpointer) b);
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
  CrampEpisode *morning = restless ("2026-06-08T06:00:01+02:00");
  CrampEpisode *walking = restless ("2026-06-09T22:00:00+02:00");

  cramp_episode_set_activity (walking, CRAMP_ACTIVITY_WALKING);
  g_ptr_array_add (episodes, evening);
  g_ptr_array_add (episodes, afternoon);
  g_ptr_array_add (episodes, morning);
  g_ptr_array_add (episodes, walking);

  /* only one of them is at rest between 18:00 and 06:00 */
  {
    g_autoptr(GPtrArray) findings = analyze (episodes, NULL, UNTIL);
    assert_silent (findings, "rls-like");
  }

  g_ptr_array_insert (episodes, 1, early);
  {
    g_autoptr(GPtrArray) findings = analyze (episodes, NULL, UNTIL);
    assert_fires_with (findings, "rls-like", CRAMP_SEVERITY_DISCUSS, EVIDENCE (evening, early));
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
  }
}

static void
test_order (void)
{
  g_autoptr(GPtrArray) episodes = new_list ();
  g_autoptr(GPtrArray) findings = NULL;
  CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");
  CrampEpisode *b = ep ("2026-06-02T03:00:00+02:00");
  const char *meds[] = { "HCTZ", NULL };
  const char *expected[] = { "walking-difficulty", "associated-symptoms", "prolonged", "medication", "low-fluid" };

  cramp_episode_set_fluid (a, 500);
  cramp_episode_set_fluid (b, 500);
  cramp_episode_set_medications (a, meds);
  cramp_episode_set_duration (b, 1200);
  cramp_episode_set_symptoms (b, CRAMP_SYMPTOM_SWELLING | CRAMP_SYMPTOM_WALKING_DIFFICULTY);
  g_ptr_array_add (episodes, b);
  g_ptr_array_add (episodes, a);

  findings = analyze (episodes, NULL, UNTIL);
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpstr (cramp_finding_get_id (g_ptr_array_index (findings, i)), ==, expected[i]);
}

static void
test_benign (void)
{
  /* an athlete's occasional cramps after sport, well spread, well
   * hydrated, nothing else: nothing to flag */
  g_autoptr(GPtrArray) episodes = new_list ();
  g_autoptr(CrampProfile) profile = cramp_profile_new ();
  g_autoptr(GPtrArray) findings = NULL;

  for (guint i = 0; i < 8; i++)
    {
      CrampEpisode *episode = ep_after ("2025-12-01T19:30:00+01:00", (gint64) i * 24 * DAY_S);

      cramp_episode_set_activity (episode, i % 2 ? CRAMP_ACTIVITY_AFTER_EXERCISE : CRAMP_ACTIVITY_STANDING);
      cramp_episode_set_duration (episode, 45 + 20 * i);
      cramp_episode_set_intensity (episode, 4 + i % 3);
      cramp_episode_set_relieved_by (episode, CRAMP_RELIEF_STRETCHING | CRAMP_RELIEF_MASSAGE);
      cramp_episode_set_triggers (episode, CRAMP_TRIGGER_EXERCISE | CRAMP_TRIGGER_HEAT);
      cramp_episode_set_fluid (episode, 2500);
      cramp_episode_set_woke_from_sleep (episode, FALSE);
      g_ptr_array_add (episodes, episode);
    }

  findings = analyze (episodes, profile, UNTIL);
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("unexpected: %s", cramp_finding_get_id (g_ptr_array_index (findings, i)));
  g_assert_cmpuint (findings->len, ==, 0);
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

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/findings/walking-difficulty", test_walking_difficulty);
  g_test_add_func ("/findings/tissue-damage", test_tissue_damage);
  g_test_add_func ("/findings/claudication", test_claudication);
  g_test_add_func ("/findings/associated-symptoms", test_associated_symptoms);
  g_test_add_func ("/findings/prolonged", test_prolonged);
  g_test_add_func ("/findings/frequent", test_frequent);
  g_test_add_func ("/findings/sleep-disruption", test_sleep_disruption);
  g_test_add_func ("/findings/worsening", test_worsening);
  g_test_add_func ("/findings/vascular-risk", test_vascular_risk);
  g_test_add_func ("/findings/medication/catalog", test_drug_catalog);
  g_test_add_func ("/findings/medication", test_medication);
  g_test_add_func ("/findings/rls-like", test_rls_like);
  g_test_add_func ("/findings/rls-like/own-offset", test_own_offset);
  g_test_add_func ("/findings/low-fluid", test_low_fluid);
  g_test_add_func ("/findings/order", test_order);
  g_test_add_func ("/findings/benign", test_benign);
  g_test_add_func ("/findings/window-edges", test_window_edges);

  return g_test_run ();
}
