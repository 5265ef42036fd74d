/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-findings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cramp-findings-private.h"

/*
 * The rules of the catalog that look at more than one episode at a
 * time, but at neither nights nor medicines: claudication's band of
 * distances, twitching with weakness, the risk for the leg arteries, and
 * what the health profile says.
 */

/* Claudication: a steady walking distance, eased by rest. */

typedef enum
{
  SEGMENT_NONE,
  SEGMENT_ILIAC,               /* hip, buttock, thigh */
  SEGMENT_FEMORAL_POPLITEAL,   /* calf */
  SEGMENT_TIBIAL,              /* foot, toes */
  N_SEGMENTS
} Segment;

static gboolean
claudication_candidate (const Analysis *analysis,
                        const Fact     *fact)
{
  int duration = cramp_episode_get_duration (fact->episode);
  int distance = cramp_episode_get_walk_distance (fact->episode);

  return activity_of (fact) == CRAMP_ACTIVITY_WALKING &&
         (relief_of (fact) & CRAMP_RELIEF_REST) != 0 &&
         duration != CRAMP_UNSET && duration <= CLAUDICATION_MAX_DURATION_S &&
         distance != CRAMP_UNSET && distance > 0;
}

static Segment
segment_of (CrampMuscle muscle)
{
  switch (muscle)
    {
    case CRAMP_MUSCLE_HIP_BUTTOCK:
    case CRAMP_MUSCLE_THIGH_FRONT:
    case CRAMP_MUSCLE_THIGH_BACK:
      return SEGMENT_ILIAC;
    case CRAMP_MUSCLE_CALF:
      return SEGMENT_FEMORAL_POPLITEAL;
    case CRAMP_MUSCLE_FOOT:
    case CRAMP_MUSCLE_TOES:
      return SEGMENT_TIBIAL;
    case CRAMP_MUSCLE_UNKNOWN:
    case CRAMP_MUSCLE_SHIN:
    case CRAMP_MUSCLE_OTHER:
    default:
      return SEGMENT_NONE;
    }
}

/* The segment of the muscle group with at least half of @evidence, the
 * only one that can have it; none when two share it. */
static Segment
dominant_segment (GPtrArray *evidence)
{
  guint counts[N_SEGMENTS] = { 0 };
  Segment dominant = SEGMENT_NONE;

  for (guint i = 0; i < evidence->len; i++)
    counts[segment_of (cramp_episode_get_muscle (g_ptr_array_index (evidence, i)))]++;

  for (Segment s = SEGMENT_ILIAC; s < N_SEGMENTS; s++)
    {
      if (2 * counts[s] < evidence->len)
        continue;
      if (dominant != SEGMENT_NONE)
        return SEGMENT_NONE;
      dominant = s;
    }

  return dominant;
}

static const char *
describe_segment (Segment segment)
{
  switch (segment)
    {
    case SEGMENT_ILIAC:
      return _("With pain in the hip, buttock or thigh, doctors look first at the arteries in the pelvis (iliac arteries).");
    case SEGMENT_FEMORAL_POPLITEAL:
      return _("With pain in the calf, doctors look first at the arteries of the thigh and the back of the knee (femoral and popliteal arteries).");
    case SEGMENT_TIBIAL:
      return _("With pain in the foot, doctors look first at the arteries of the lower leg (tibial arteries).");
    case SEGMENT_NONE:
    case N_SEGMENTS:
    default:
      return NULL;
    }
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int ia = *(const int *) a;
  int ib = *(const int *) b;

  return ia < ib ? -1 : ia > ib;
}

void
_cramp_findings_run_claudication (Analysis   *analysis,
                                  const Rule *rule)
{
  g_autoptr(GPtrArray) candidates = collect (analysis, claudication_candidate);
  g_autoptr(GArray) distances = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) band = NULL;
  double median;
  const char *segment;
  g_autofree char *pattern = NULL;
  g_autofree char *text = NULL;

  if (candidates->len < CLAUDICATION_MIN_BAND)
    return;

  for (guint i = 0; i < candidates->len; i++)
    {
      int distance = cramp_episode_get_walk_distance (g_ptr_array_index (candidates, i));

      g_array_append_val (distances, distance);
    }
  g_array_sort (distances, compare_int);
  median = distances->len % 2
    ? g_array_index (distances, int, distances->len / 2)
    : (g_array_index (distances, int, distances->len / 2 - 1) +
       g_array_index (distances, int, distances->len / 2)) / 2.0;

  band = new_evidence ();
  for (guint i = 0; i < candidates->len; i++)
    {
      CrampEpisode *episode = g_ptr_array_index (candidates, i);

      if (fabs (cramp_episode_get_walk_distance (episode) - median) <= CLAUDICATION_BAND * median)
        g_ptr_array_add (band, g_object_ref (episode));
    }

  if (band->len < CLAUDICATION_MIN_BAND || band->len < CLAUDICATION_MIN_SHARE * candidates->len)
    return;

  /* Translators: "3 of your 4 walking cramps came after about 200 metres…";
   * the plural follows the second number */
  pattern = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u of your %u walking cramp came after about %.0f metres, and rest eased it.",
                                          "%u of your %u walking cramps came after about %.0f metres, and rest eased them.",
                                          candidates->len),
                             band->len, candidates->len, median);
  segment = describe_segment (dominant_segment (band));
  text = g_strdup_printf ("%s %s%s%s %s", pattern,
                          _("Pain that comes back after the same distance and goes with rest matches what doctors "
                            "check for narrowed leg arteries (intermittent claudication)."),
                          segment ? " " : "", segment ? segment : "",
                          _("Ask your doctor whether an ankle-brachial index test would help: it compares the blood "
                            "pressure at the ankle with that at the arm."));
  add_finding (analysis, rule, NULL, g_steal_pointer (&text), g_steal_pointer (&band));
}

static gboolean
twitching (const Analysis *analysis,
           const Fact     *fact)
{
  return (symptoms_of (fact) & CRAMP_SYMPTOM_TWITCHING) != 0;
}

/* Twitching with weakness, or twitching again and again. */
void
_cramp_findings_run_neuromuscular (Analysis   *analysis,
                                   const Rule *rule)
{
  g_autoptr(GPtrArray) evidence = collect (analysis, twitching);
  gboolean with_weakness = FALSE;
  g_autofree char *count = NULL;

  for (guint i = 0; i < evidence->len; i++)
    with_weakness |= (cramp_episode_get_symptoms (g_ptr_array_index (evidence, i)) & CRAMP_SYMPTOM_WEAKNESS) != 0;

  if (evidence->len == 0 || (!with_weakness && evidence->len < NEUROMUSCULAR_MIN_TWITCHING))
    return;

  count = with_weakness
    ? _cramp_findings_count_sentence (NP_("%u cramp came with muscle twitching, and at least once with weakness too.",
                                          "%u cramps came with muscle twitching, and at least once with weakness too."), evidence->len)
    : _cramp_findings_count_sentence (NP_("%u cramp came with muscle twitching.",
                                          "%u cramps came with muscle twitching."), evidence->len);
  add_finding (analysis, rule, NULL,
               join_sentences (count, _("Cramps with twitching under the skin, or with weakness, match what doctors check "
                                        "for in the nerves that drive the muscles. Book a visit and show the doctor this "
                                        "list; a nerve test may be suggested.")),
               g_steal_pointer (&evidence));
}

static gboolean
exertion (const Analysis *analysis,
          const Fact     *fact)
{
  CrampActivity activity = activity_of (fact);

  return activity == CRAMP_ACTIVITY_WALKING ||
         (activity == CRAMP_ACTIVITY_EXERCISING && (relief_of (fact) & CRAMP_RELIEF_REST) != 0);
}

#define VASCULAR_RISKS \
  (CRAMP_CONDITION_DIABETES | CRAMP_CONDITION_SMOKING | \
   CRAMP_CONDITION_HIGH_CHOLESTEROL | CRAMP_CONDITION_HIGH_BLOOD_PRESSURE)

/* The profile puts the person at increased risk of narrowed leg
 * arteries, as 2016 AHA/ACC (Table 2) counts it. */
static gboolean
at_vascular_risk (const Analysis *analysis)
{
  guint risks = analysis->conditions & VASCULAR_RISKS;
  guint n_risks = __builtin_popcount (risks);
  guint birth_year = analysis->profile ? cramp_profile_get_birth_year (analysis->profile) : 0;
  int age;

  if (analysis->conditions & CRAMP_CONDITION_ARTERIAL_DISEASE)
    return TRUE;
  if (birth_year == 0)
    return n_risks >= VASCULAR_RISKS_WITHOUT_AGE;

  age = analysis->until_year - (int) birth_year;
  if (age >= VASCULAR_AGE_ANY_RISK)
    return TRUE;
  if (age >= VASCULAR_AGE_ONE_RISK)
    return n_risks >= 1;

  return (risks & CRAMP_CONDITION_DIABETES) != 0 && n_risks >= 2;
}

void
_cramp_findings_run_vascular_risk (Analysis   *analysis,
                                   const Rule *rule)
{
  g_autoptr(GPtrArray) evidence = NULL;
  g_autofree char *count = NULL;

  if (!at_vascular_risk (analysis))
    return;

  evidence = collect (analysis, exertion);
  if (evidence->len < VASCULAR_MIN)
    return;

  count = _cramp_findings_count_sentence (NP_("%u cramp came while walking or exercising.",
                                              "%u cramps came while walking or exercising."), evidence->len);
  add_finding (analysis, rule, NULL,
               join_sentences (count, _("Your health profile (age, risk factors or earlier heart or artery disease) is one "
                                        "for which doctors check the leg arteries when cramps come with exertion. Ask "
                                        "whether your circulation should be checked.")),
               g_steal_pointer (&evidence));
}

#define CRAMP_CONDITIONS \
  (CRAMP_CONDITION_KIDNEY_DISEASE | CRAMP_CONDITION_LIVER_DISEASE | CRAMP_CONDITION_THYROID_DISEASE | \
   CRAMP_CONDITION_PARKINSONS_DISEASE | CRAMP_CONDITION_PERIPHERAL_NEUROPATHY | CRAMP_CONDITION_DIABETES)

void
_cramp_findings_run_known_condition (Analysis   *analysis,
                                     const Rule *rule)
{
  guint conditions = analysis->conditions & CRAMP_CONDITIONS;
  g_autofree char *labels = NULL;
  g_autofree char *text = NULL;

  if (conditions == 0 || analysis->n_facts == 0)
    return;

  labels = cramp_vocab_set_to_labels (CRAMP_VOCAB_CONDITION, conditions);
  /* Translators: %s lists conditions, such as "Diabetes, Kidney disease" */
  text = g_strdup_printf (_("Your health profile lists %s."), labels);
  add_finding (analysis, rule, NULL,
               join_sentences (text, _("Conditions like these can bring cramps with them. Mention your cramps when the "
                                       "condition is next reviewed; its treatment may help them too.")),
               all_episodes (analysis));
}

static gboolean
drank_little (const Analysis *analysis,
              const Fact     *fact)
{
  int fluid = cramp_episode_get_fluid (fact->episode);

  return (fluid != CRAMP_UNSET && fluid < LOW_FLUID_BELOW_ML) ||
         (cramp_episode_get_triggers (fact->episode) & CRAMP_TRIGGER_DEHYDRATION) != 0;
}

void
_cramp_findings_run_low_fluid (Analysis   *analysis,
                               const Rule *rule)
{
  g_autoptr(GPtrArray) evidence = collect (analysis, drank_little);
  g_autofree char *count = NULL;
  const char *advice;

  if (evidence->len < LOW_FLUID_MIN)
    return;

  count = _cramp_findings_count_sentence (NP_("%u cramp came on a day you drank less than 1.5 litres or felt dehydrated.",
                                              "%u cramps came on days you drank less than 1.5 litres or felt dehydrated."),
                                          evidence->len);
  if (analysis->conditions & CRAMP_CONDITION_KIDNEY_DISEASE)
    advice = _("Whether drinking more prevents cramps is not clear: studies disagree. With kidney disease, "
               "ask your doctor before you drink more.");
  else
    advice = _("Whether drinking more prevents cramps is not clear: studies disagree. It does no harm to try, "
               "unless a doctor has limited what you drink.");
  add_finding (analysis, rule, NULL, join_sentences (count, advice), g_steal_pointer (&evidence));
}

static gboolean
pregnancy_trigger (const Analysis *analysis,
                   const Fact     *fact)
{
  return (cramp_episode_get_triggers (fact->episode) & CRAMP_TRIGGER_PREGNANCY) != 0;
}

void
_cramp_findings_run_pregnancy (Analysis   *analysis,
                               const Rule *rule)
{
  gboolean in_profile = (analysis->conditions & CRAMP_CONDITION_PREGNANCY) != 0;
  g_autoptr(GPtrArray) evidence = in_profile ? all_episodes (analysis) : collect (analysis, pregnancy_trigger);

  if (evidence->len < PREGNANCY_MIN)
    return;

  add_finding (analysis, rule, NULL,
               g_strdup (_("Cramps are common in pregnancy and usually pass after the birth; gentle stretching may "
                           "help. A calf that is red, swollen and warm needs a doctor the same day.")),
               g_steal_pointer (&evidence));
}
