/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-findings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "cramp-drug-catalog.h"
#include "cramp-findings-private.h"
#include "cramp-format.h"
#include "cramp-time.h"

/*
 * The red-flag catalog, version 2, of DESIGN.md: one table, a row for
 * each finding, in the order the findings come out within a severity.
 * A row is a test of one episode and the fewest episodes that must pass
 * it, or, where the catalog counts nights, spans or distances, a rule of
 * its own. Every threshold is a named constant below, to the second.
 *
 * The texts say what the diary shows and what to do about it; they say
 * a pattern "matches what doctors check for", never what a person has.
 */

#define DAY_S (G_GINT64_CONSTANT (24) * 3600)

#define CLOT_SIGNS_MIN                1
#define TISSUE_DAMAGE_MIN             1
#define WALKING_DIFFICULTY_MIN        1
#define CLAUDICATION_MAX_DURATION_S   600
#define CLAUDICATION_BAND             0.25   /* ± this share of the median distance */
#define CLAUDICATION_MIN_BAND         3
#define CLAUDICATION_MIN_SHARE        0.75   /* of the candidates, in the band */
#define REST_PAIN_MIN                 2
#define ASSOCIATED_SYMPTOMS_MIN       1
#define NEUROMUSCULAR_MIN_TWITCHING   2
#define STATIN_MUSCLE_MIN             1
#define PROLONGED_OVER_S              600
#define PROLONGED_MIN                 1
#define HARD_TO_RELIEVE_MIN           2
#define FREQUENT_SPAN_DAYS            7
#define FREQUENT_MIN_NIGHTS           3
#define SLEEP_WEEK_DAYS               7
#define SLEEP_WEEK_MIN_NIGHTS         2
#define SLEEP_MONTH_DAYS              30
#define SLEEP_MONTH_MIN_NIGHTS        4
#define WORSENING_BASELINE_DAYS       60
#define WORSENING_RECENT_DAYS         30
#define WORSENING_MIN_NIGHTS          4
#define WORSENING_FACTOR              2
#define VASCULAR_MIN                  2
#define VASCULAR_AGE_ANY_RISK         65     /* from this age, with no risk factor */
#define VASCULAR_AGE_ONE_RISK         50     /* from this age, with one */
#define VASCULAR_RISKS_WITHOUT_AGE    2
#define RLS_MIN                       2
#define RLS_EVENING_S                 (18 * 3600)
#define RLS_MORNING_S                 (6 * 3600)
#define LOW_FLUID_BELOW_ML            1500
#define LOW_FLUID_MIN                 2
#define ALCOHOL_MIN                   2
#define PREGNANCY_MIN                 1

/* A plural pair in a table; po/meson.build tells xgettext about NP_. */
#define NP_(singular, plural) singular, plural

/* Public references, as the app and the report cite them. */
#define MEDLINEPLUS "MedlinePlus (U.S. National Library of Medicine): “Muscle cramps”."
#define MAYO_NIGHT "Mayo Clinic: “Night leg cramps”."
#define MAYO_PAD "Mayo Clinic: “Peripheral artery disease (PAD)”."
#define NHS_DVT "NHS: “Deep vein thrombosis (DVT)”."
#define NICE_CKS "NICE Clinical Knowledge Summaries: “Leg cramps”."
#define NICE_NG42 "NICE guideline NG42: “Motor neurone disease: assessment and management” (2016)."
#define AHA_ACC "Gerhard-Herman MD et al. 2016 AHA/ACC guideline on the management of patients with lower extremity peripheral artery disease. Circulation 2017;135:e726."
#define EDINBURGH "Leng GC, Fowkes FGR. The Edinburgh Claudication Questionnaire. J Clin Epidemiol 1992;45:1101."
#define IRLSSG "Allen RP et al. Restless legs syndrome/Willis–Ekbom disease diagnostic criteria: updated IRLSSG consensus criteria. Sleep Med 2014;15:860."
#define ALLEN_KIRBY "Allen RE, Kirby KA. Nocturnal leg cramps. Am Fam Physician 2012;86(4):350."
#define GARRISON "Garrison SR et al. Nocturnal leg cramps and prescription use that precedes them. Arch Intern Med 2012;172:120 (PMID 22157068)."
#define HALLEGRAEFF_2017 "Hallegraeff J et al. Criteria for diagnosing nocturnal leg cramps: a systematic review. BMC Fam Pract 2017;18:29."
#define STATIN_LABEL "Statin prescribing information (for example atorvastatin, “Warnings and precautions: myopathy”): report unexplained muscle pain, tenderness or weakness promptly."
#define FDA_QUININE "U.S. Food and Drug Administration: drug safety communication on quinine (Qualaquin) for night leg cramps (2010)."

static const char * const sources_clot[] = { NHS_DVT, NICE_CKS, MEDLINEPLUS, NULL };
static const char * const sources_tissue[] = { MAYO_PAD, AHA_ACC, NULL };
static const char * const sources_walking[] = { MEDLINEPLUS, NICE_CKS, NULL };
static const char * const sources_claudication[] = { MAYO_PAD, AHA_ACC, EDINBURGH, NULL };
static const char * const sources_rest_pain[] = { AHA_ACC, MAYO_PAD, NULL };
static const char * const sources_associated[] = { MAYO_NIGHT, MEDLINEPLUS, NULL };
static const char * const sources_neuromuscular[] = { NICE_NG42, MAYO_NIGHT, NULL };
static const char * const sources_statin[] = { STATIN_LABEL, GARRISON, NULL };
static const char * const sources_prolonged[] = { NICE_CKS, HALLEGRAEFF_2017, NULL };
static const char * const sources_hard[] = { MEDLINEPLUS, MAYO_NIGHT, NULL };
static const char * const sources_frequent[] = { MEDLINEPLUS, MAYO_NIGHT, NULL };
static const char * const sources_sleep[] = { MAYO_NIGHT, NICE_CKS, NULL };
static const char * const sources_worsening[] = { MAYO_NIGHT, MEDLINEPLUS, NULL };
static const char * const sources_vascular[] = { AHA_ACC, MAYO_PAD, NULL };
static const char * const sources_medication[] = { GARRISON, ALLEN_KIRBY, NULL };
static const char * const sources_quinine[] = { FDA_QUININE, ALLEN_KIRBY, NULL };
static const char * const sources_rls[] = { IRLSSG, NICE_CKS, NULL };
static const char * const sources_condition[] = { ALLEN_KIRBY, MAYO_NIGHT, NULL };
static const char * const sources_fluid[] = { MEDLINEPLUS, ALLEN_KIRBY, NULL };
static const char * const sources_alcohol[] = { MAYO_NIGHT, ALLEN_KIRBY, NULL };
static const char * const sources_pregnancy[] = { NICE_CKS, NHS_DVT, NULL };

/* What the analysis knows of each episode of the period. */
typedef struct
{
  CrampEpisode *episode;
  gint64        start;         /* Unix time */
  gint64        night;         /* cramp_time_night_of() */
  gint64        day;           /* local date of the start, days since 1970 */
  gint64        time_of_day;   /* local seconds since midnight */
  guint         taken;         /* drug classes taken on its day, 1 << CrampDrugClass */
} Fact;

typedef struct _Rule Rule;

typedef struct
{
  Fact         *facts;       /* oldest first */
  guint         n_facts;
  CrampProfile *profile;
  guint         conditions;
  gint64        until;
  int           until_year;
  GPtrArray    *findings;
} Analysis;

typedef gboolean (*EpisodeTest) (const Analysis *analysis,
                                 const Fact     *fact);
typedef void     (*RuleFunc)    (Analysis       *analysis,
                                 const Rule     *rule);

struct _Rule
{
  const char         *id;
  CrampSeverity       severity;
  const char         *title;
  const char         *rule;     /* when it shows, in plain words */
  const char * const *sources;

  /* a test of one episode and the fewest that must pass it, with a
   * sentence that counts them and the advice after it ... */
  EpisodeTest         test;
  guint               minimum;
  const char         *count_singular;
  const char         *count_plural;
  const char         *advice;

  /* ... or a rule of its own */
  RuleFunc            run;
};

/* Helpers for the rules. */

static guint
symptoms_of (const Fact *fact)
{
  return cramp_episode_get_symptoms (fact->episode);
}

static guint
relief_of (const Fact *fact)
{
  return cramp_episode_get_relieved_by (fact->episode);
}

static CrampActivity
activity_of (const Fact *fact)
{
  return cramp_episode_get_activity (fact->episode);
}

static gboolean
at_rest (const Fact *fact)
{
  CrampActivity activity = activity_of (fact);

  return activity == CRAMP_ACTIVITY_SLEEPING || activity == CRAMP_ACTIVITY_RESTING ||
         activity == CRAMP_ACTIVITY_SITTING;
}

static GPtrArray *
new_evidence (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static GPtrArray *
collect (const Analysis *analysis,
         EpisodeTest     test)
{
  GPtrArray *evidence = new_evidence ();

  for (guint i = 0; i < analysis->n_facts; i++)
    if (test (analysis, &analysis->facts[i]))
      g_ptr_array_add (evidence, g_object_ref (analysis->facts[i].episode));

  return evidence;
}

static GPtrArray *
all_episodes (const Analysis *analysis)
{
  GPtrArray *evidence = new_evidence ();

  for (guint i = 0; i < analysis->n_facts; i++)
    g_ptr_array_add (evidence, g_object_ref (analysis->facts[i].episode));

  return evidence;
}

static char *
count_sentence (const char *singular,
                const char *plural,
                guint       n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, singular, plural, n), n);
}

static char *
join_sentences (const char *first,
                const char *second)
{
  return g_strdup_printf ("%s %s", first, second);
}

static void
add (Analysis   *analysis,
     const Rule *rule,
     char       *title,
     char       *explanation,
     GPtrArray  *evidence)
{
  g_ptr_array_add (analysis->findings,
                   _cramp_finding_new (rule->id, rule->severity,
                                       title ? title : g_strdup (_(rule->title)),
                                       explanation, _(rule->rule), rule->sources, evidence));
}

/* A row that is a test and a minimum. */
static void
run_counted (Analysis   *analysis,
             const Rule *rule)
{
  GPtrArray *evidence = collect (analysis, rule->test);
  g_autofree char *count = NULL;

  if (evidence->len < MAX (rule->minimum, 1))
    {
      g_ptr_array_unref (evidence);
      return;
    }

  count = count_sentence (rule->count_singular, rule->count_plural, evidence->len);
  add (analysis, rule, NULL, join_sentences (count, _(rule->advice)), evidence);
}

/* The tests of the counted rows. */

static gboolean
clot_signs (const Analysis *analysis,
            const Fact     *fact)
{
  CrampSide side = cramp_episode_get_side (fact->episode);
  guint symptoms = symptoms_of (fact);

  return (side == CRAMP_SIDE_LEFT || side == CRAMP_SIDE_RIGHT) &&
         (symptoms & CRAMP_SYMPTOM_SWELLING) != 0 &&
         (symptoms & (CRAMP_SYMPTOM_REDNESS | CRAMP_SYMPTOM_SKIN_WARM | CRAMP_SYMPTOM_SKIN_TEMPERATURE)) != 0;
}

static gboolean
has_sores (const Analysis *analysis,
           const Fact     *fact)
{
  return (symptoms_of (fact) & CRAMP_SYMPTOM_SORES) != 0;
}

static gboolean
walking_difficulty (const Analysis *analysis,
                    const Fact     *fact)
{
  return (symptoms_of (fact) & CRAMP_SYMPTOM_WALKING_DIFFICULTY) != 0;
}

static gboolean
rest_pain (const Analysis *analysis,
           const Fact     *fact)
{
  CrampMuscle muscle = cramp_episode_get_muscle (fact->episode);

  return (muscle == CRAMP_MUSCLE_FOOT || muscle == CRAMP_MUSCLE_TOES) && at_rest (fact) &&
         (relief_of (fact) & CRAMP_RELIEF_HANGING_LEG) != 0;
}

#define ASSOCIATED_SYMPTOMS \
  (CRAMP_SYMPTOM_NUMBNESS | CRAMP_SYMPTOM_TINGLING | CRAMP_SYMPTOM_SWELLING | \
   CRAMP_SYMPTOM_REDNESS | CRAMP_SYMPTOM_WEAKNESS | CRAMP_SYMPTOM_TWITCHING | \
   CRAMP_SYMPTOM_SKIN_WARM | CRAMP_SYMPTOM_SKIN_COLD | CRAMP_SYMPTOM_SKIN_TEMPERATURE | \
   CRAMP_SYMPTOM_VEIN_CHANGES)

static gboolean
associated_symptoms (const Analysis *analysis,
                     const Fact     *fact)
{
  return (symptoms_of (fact) & ASSOCIATED_SYMPTOMS) != 0;
}

static gboolean
twitching (const Analysis *analysis,
           const Fact     *fact)
{
  return (symptoms_of (fact) & CRAMP_SYMPTOM_TWITCHING) != 0;
}

static gboolean
weak_on_statin (const Analysis *analysis,
                const Fact     *fact)
{
  return (symptoms_of (fact) & CRAMP_SYMPTOM_WEAKNESS) != 0 &&
         (fact->taken & (1u << CRAMP_DRUG_CLASS_STATINS)) != 0;
}

static gboolean
prolonged (const Analysis *analysis,
           const Fact     *fact)
{
  return cramp_episode_get_duration (fact->episode) > PROLONGED_OVER_S;
}

static gboolean
nothing_helped (const Analysis *analysis,
                const Fact     *fact)
{
  return relief_of (fact) == CRAMP_RELIEF_NOTHING;
}

static gboolean
like_restless_legs (const Analysis *analysis,
                    const Fact     *fact)
{
  return (symptoms_of (fact) & CRAMP_SYMPTOM_URGE_TO_MOVE) != 0 &&
         (relief_of (fact) & (CRAMP_RELIEF_WALKING | CRAMP_RELIEF_STRETCHING)) != 0 &&
         at_rest (fact) &&
         (fact->time_of_day >= RLS_EVENING_S || fact->time_of_day <= RLS_MORNING_S);
}

static gboolean
drank_little (const Analysis *analysis,
              const Fact     *fact)
{
  int fluid = cramp_episode_get_fluid (fact->episode);

  return (fluid != CRAMP_UNSET && fluid < LOW_FLUID_BELOW_ML) ||
         (cramp_episode_get_triggers (fact->episode) & CRAMP_TRIGGER_DEHYDRATION) != 0;
}

static gboolean
alcohol (const Analysis *analysis,
         const Fact     *fact)
{
  return (cramp_episode_get_triggers (fact->episode) & CRAMP_TRIGGER_ALCOHOL) != 0;
}

static gboolean
pregnancy_trigger (const Analysis *analysis,
                   const Fact     *fact)
{
  return (cramp_episode_get_triggers (fact->episode) & CRAMP_TRIGGER_PREGNANCY) != 0;
}

static gboolean
woke (const Analysis *analysis,
      const Fact     *fact)
{
  return cramp_episode_get_woke_from_sleep (fact->episode) == TRUE;
}

static gboolean
not_exercise (const Analysis *analysis,
              const Fact     *fact)
{
  CrampActivity activity = activity_of (fact);

  return activity != CRAMP_ACTIVITY_EXERCISING && activity != CRAMP_ACTIVITY_AFTER_EXERCISE;
}

static gboolean
exertion (const Analysis *analysis,
          const Fact     *fact)
{
  CrampActivity activity = activity_of (fact);

  return activity == CRAMP_ACTIVITY_WALKING ||
         (activity == CRAMP_ACTIVITY_EXERCISING && (relief_of (fact) & CRAMP_RELIEF_REST) != 0);
}

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

/* Claudication: a steady walking distance, eased by rest. */

typedef enum
{
  SEGMENT_NONE,
  SEGMENT_ILIAC,               /* hip, buttock, thigh */
  SEGMENT_FEMORAL_POPLITEAL,   /* calf */
  SEGMENT_TIBIAL,              /* foot, toes */
  N_SEGMENTS
} Segment;

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

static void
run_claudication (Analysis   *analysis,
                  const Rule *rule)
{
  g_autoptr(GPtrArray) candidates = collect (analysis, claudication_candidate);
  g_autoptr(GArray) distances = g_array_new (FALSE, FALSE, sizeof (int));
  GPtrArray *band;
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
    {
      g_ptr_array_unref (band);
      return;
    }

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
  add (analysis, rule, NULL, g_steal_pointer (&text), band);
}

/* Twitching with weakness, or twitching again and again. */
static void
run_neuromuscular (Analysis   *analysis,
                   const Rule *rule)
{
  GPtrArray *evidence = collect (analysis, twitching);
  gboolean with_weakness = FALSE;
  g_autofree char *count = NULL;

  for (guint i = 0; i < evidence->len; i++)
    with_weakness |= (cramp_episode_get_symptoms (g_ptr_array_index (evidence, i)) & CRAMP_SYMPTOM_WEAKNESS) != 0;

  if (evidence->len == 0 || (!with_weakness && evidence->len < NEUROMUSCULAR_MIN_TWITCHING))
    {
      g_ptr_array_unref (evidence);
      return;
    }

  count = with_weakness
    ? count_sentence (NP_("%u cramp came with muscle twitching, and at least once with weakness too.",
                          "%u cramps came with muscle twitching, and at least once with weakness too."), evidence->len)
    : count_sentence (NP_("%u cramp came with muscle twitching.",
                          "%u cramps came with muscle twitching."), evidence->len);
  add (analysis, rule, NULL,
       join_sentences (count, _("Cramps with twitching under the skin, or with weakness, match what doctors check "
                                "for in the nerves that drive the muscles. Book a visit and show the doctor this "
                                "list; a nerve test may be suggested.")),
       evidence);
}

/* Nights and spans. */

typedef struct
{
  guint first;      /* index into the episodes */
  guint last;
  guint nights;
} Span;

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;

  return ia < ib ? -1 : ia > ib;
}

static guint
count_nights (const Fact * const *facts,
              guint               first,
              guint               last)
{
  g_autoptr(GArray) nights = g_array_sized_new (FALSE, FALSE, sizeof (gint64), last - first + 1);
  guint distinct = 0;

  for (guint i = first; i <= last; i++)
    g_array_append_val (nights, facts[i]->night);
  g_array_sort (nights, compare_gint64);
  for (guint i = 0; i < nights->len; i++)
    distinct += i == 0 || g_array_index (nights, gint64, i) != g_array_index (nights, gint64, i - 1);

  return distinct;
}

/* Marks the episodes of every span of @days whose episodes fall on at
 * least @min_nights nights, and returns the span with the most nights. */
static Span
mark_spans (const Fact * const *facts,
            guint               n_facts,
            guint               days,
            guint               min_nights,
            gboolean           *marked)
{
  Span busiest = { 0, 0, 0 };
  guint last = 0;

  for (guint first = 0; first < n_facts; first++)
    {
      guint nights;

      if (last < first)
        last = first;
      while (last + 1 < n_facts && facts[last + 1]->start - facts[first]->start <= days * DAY_S)
        last++;

      nights = count_nights (facts, first, last);
      if (nights < min_nights)
        continue;

      for (guint i = first; i <= last; i++)
        marked[i] = TRUE;
      if (nights > busiest.nights)
        busiest = (Span) { first, last, nights };
    }

  return busiest;
}

static char *
format_fact_day (const Fact *fact)
{
  return cramp_format_date_short (cramp_episode_get_started_at (fact->episode));
}

/* The evidence of the marked episodes, and a group for each run of
 * marked episodes that follow one another within @days. */
static GPtrArray *
marked_evidence (const Fact * const *facts,
                 guint               n_facts,
                 const gboolean     *marked,
                 guint               days,
                 GPtrArray          *groups)
{
  GPtrArray *evidence = new_evidence ();
  GPtrArray *group = NULL;
  guint group_first = 0;

  for (guint i = 0; i <= n_facts; i++)
    {
      gboolean joins = i < n_facts && marked[i] && group != NULL &&
                       facts[i]->start - facts[i - 1]->start <= days * DAY_S && marked[i - 1];

      if (group != NULL && !joins)
        {
          g_autofree char *from = format_fact_day (facts[group_first]);
          g_autofree char *to = format_fact_day (facts[i - 1]);
          guint nights = count_nights (facts, group_first, i - 1);
          g_autofree char *count = count_sentence (NP_("cramps on %u night", "cramps on %u nights"), nights);

          /* Translators: "3 Nov 2026 to 9 Nov 2026: cramps on 4 nights" */
          g_ptr_array_add (groups, g_strdup_printf (_("%s to %s: %s"), from, to, count));
          g_ptr_array_add (groups, g_steal_pointer (&group));
        }

      if (i < n_facts && marked[i])
        {
          g_ptr_array_add (evidence, g_object_ref (facts[i]->episode));
          if (group == NULL)
            {
              group = new_evidence ();
              group_first = i;
            }
          g_ptr_array_add (group, g_object_ref (facts[i]->episode));
        }
    }

  return evidence;
}

static void
add_groups (CrampFinding *finding,
            GPtrArray    *groups)
{
  /* label, episodes, label, episodes… */
  for (guint i = 0; i + 1 < groups->len; i += 2)
    _cramp_finding_add_group (finding, g_ptr_array_index (groups, i), g_ptr_array_index (groups, i + 1));
  g_ptr_array_set_size (groups, 0);
}

static const Fact **
facts_passing (const Analysis *analysis,
               EpisodeTest     test,
               guint          *n)
{
  const Fact **facts = g_new (const Fact *, analysis->n_facts + 1);

  *n = 0;
  for (guint i = 0; i < analysis->n_facts; i++)
    if (test (analysis, &analysis->facts[i]))
      facts[(*n)++] = &analysis->facts[i];

  return facts;
}

static void
run_frequent (Analysis   *analysis,
              const Rule *rule)
{
  guint n = 0;
  g_autofree const Fact **facts = facts_passing (analysis, not_exercise, &n);
  g_autofree gboolean *marked = g_new0 (gboolean, n + 1);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autofree char *from = NULL;
  g_autofree char *text = NULL;
  GPtrArray *evidence;
  Span busiest;

  busiest = mark_spans (facts, n, FREQUENT_SPAN_DAYS, FREQUENT_MIN_NIGHTS, marked);
  if (busiest.nights == 0)
    return;

  evidence = marked_evidence (facts, n, marked, FREQUENT_SPAN_DAYS, groups);
  from = format_fact_day (facts[busiest.first]);
  /* Translators: %u is a number of nights, %s a date */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "You had cramps on %u night in the week from %s.",
                                       "You had cramps on %u nights in the week from %s.",
                                       busiest.nights),
                          busiest.nights, from);
  add (analysis, rule, NULL,
       join_sentences (text, _("Cramps on several nights of a week, away from sport, are worth a visit: a doctor "
                               "can look for a cause and suggest what may help.")),
       evidence);
  add_groups (g_ptr_array_index (analysis->findings, analysis->findings->len - 1), groups);
}

static void
run_sleep_disruption (Analysis   *analysis,
                      const Rule *rule)
{
  guint n = 0;
  g_autofree const Fact **facts = facts_passing (analysis, woke, &n);
  g_autofree gboolean *marked = g_new0 (gboolean, n + 1);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autofree char *from = NULL;
  g_autofree char *text = NULL;
  GPtrArray *evidence;
  Span week, month;

  week = mark_spans (facts, n, SLEEP_WEEK_DAYS, SLEEP_WEEK_MIN_NIGHTS, marked);
  month = mark_spans (facts, n, SLEEP_MONTH_DAYS, SLEEP_MONTH_MIN_NIGHTS, marked);
  if (week.nights == 0 && month.nights == 0)
    return;

  evidence = marked_evidence (facts, n, marked, SLEEP_MONTH_DAYS, groups);
  if (month.nights > 0)
    {
      from = format_fact_day (facts[month.first]);
      /* Translators: %u is a number of nights, %s a date */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Cramps woke you on %u night in the 30 days from %s.",
                                           "Cramps woke you on %u nights in the 30 days from %s.",
                                           month.nights),
                              month.nights, from);
    }
  else
    {
      from = format_fact_day (facts[week.first]);
      /* Translators: %u is a number of nights, %s a date */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Cramps woke you on %u night in the week from %s.",
                                           "Cramps woke you on %u nights in the week from %s.",
                                           week.nights),
                              week.nights, from);
    }

  add (analysis, rule, NULL,
       join_sentences (text, _("Cramps that keep breaking your sleep are worth a visit: there are things a doctor "
                               "can check and suggest.")),
       evidence);
  add_groups (g_ptr_array_index (analysis->findings, analysis->findings->len - 1), groups);
}

static void
run_worsening (Analysis   *analysis,
               const Rule *rule)
{
  gint64 recent_start = analysis->until - WORSENING_RECENT_DAYS * DAY_S;
  gint64 previous_start = analysis->until - WORSENING_BASELINE_DAYS * DAY_S;
  g_autoptr(GHashTable) recent_nights = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) previous_nights = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *evidence;
  guint recent, previous;
  g_autofree char *text = NULL;

  /* a whole baseline: the period's first cramp 60 days or more before its end */
  if (analysis->n_facts == 0 || analysis->facts[0].start > previous_start)
    return;

  evidence = new_evidence ();
  for (guint i = 0; i < analysis->n_facts; i++)
    {
      Fact *fact = &analysis->facts[i];

      if (fact->start > recent_start && fact->start <= analysis->until)
        {
          g_hash_table_add (recent_nights, &fact->night);
          g_ptr_array_add (evidence, g_object_ref (fact->episode));
        }
      else if (fact->start > previous_start && fact->start <= recent_start)
        g_hash_table_add (previous_nights, &fact->night);
    }

  recent = g_hash_table_size (recent_nights);
  previous = g_hash_table_size (previous_nights);
  if (recent < WORSENING_MIN_NIGHTS || recent < WORSENING_FACTOR * previous)
    {
      g_ptr_array_unref (evidence);
      return;
    }

  /* Translators: the nights with cramps in the last 30 days, then in the 30 days before */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Cramps came on %u night in the last 30 days, and on %u in the 30 days before.",
                                       "Cramps came on %u nights in the last 30 days, and on %u in the 30 days before.",
                                       recent),
                          recent, previous);
  add (analysis, rule, NULL,
       join_sentences (text, _("Cramps that come more and more often are worth a visit.")),
       evidence);
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

static void
run_vascular_risk (Analysis   *analysis,
                   const Rule *rule)
{
  GPtrArray *evidence;
  g_autofree char *count = NULL;

  if (!at_vascular_risk (analysis))
    return;

  evidence = collect (analysis, exertion);
  if (evidence->len < VASCULAR_MIN)
    {
      g_ptr_array_unref (evidence);
      return;
    }

  count = count_sentence (NP_("%u cramp came while walking or exercising.",
                              "%u cramps came while walking or exercising."), evidence->len);
  add (analysis, rule, NULL,
       join_sentences (count, _("Your health profile (age, risk factors or earlier heart or artery disease) is one "
                                "for which doctors check the leg arteries when cramps come with exertion. Ask "
                                "whether your circulation should be checked.")),
       evidence);
}

/* Medicines. */

static gboolean profile_taken_on (CrampProfile *profile,
                                  guint         index,
                                  gint64        day);

/* The names of the medicines of @drug_class, as written, taken on the
 * days of the period's episodes. */
static char *
describe_drugs (const Analysis *analysis,
                CrampDrugClass  drug_class)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint bit = 1u << drug_class;
  guint n_profile = analysis->profile ? cramp_profile_get_n_medications (analysis->profile) : 0;

  for (guint i = 0; i < analysis->n_facts; i++)
    {
      const Fact *fact = &analysis->facts[i];
      const char * const *medications = cramp_episode_get_medications (fact->episode);

      if ((fact->taken & bit) == 0)
        continue;

      for (guint m = 0; medications[m] != NULL; m++)
        if ((cramp_drug_classes_in (medications[m]) & bit) != 0 &&
            !g_ptr_array_find_with_equal_func (names, medications[m], g_str_equal, NULL))
          g_ptr_array_add (names, (gpointer) medications[m]);

      for (guint m = 0; m < n_profile; m++)
        {
          const char *name = cramp_profile_get_medication_name (analysis->profile, m);

          if ((cramp_drug_classes_in (name) & bit) != 0 &&
              profile_taken_on (analysis->profile, m, fact->day) &&
              !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
            g_ptr_array_add (names, (gpointer) name);
        }
    }

  g_ptr_array_add (names, NULL);
  /* Translators: separates the names of medicines */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

static GPtrArray *
taken_evidence (const Analysis *analysis,
                CrampDrugClass  drug_class)
{
  GPtrArray *evidence = new_evidence ();

  for (guint i = 0; i < analysis->n_facts; i++)
    if (analysis->facts[i].taken & (1u << drug_class))
      g_ptr_array_add (evidence, g_object_ref (analysis->facts[i].episode));

  return evidence;
}

static void
run_statin_muscle (Analysis   *analysis,
                   const Rule *rule)
{
  GPtrArray *evidence = collect (analysis, weak_on_statin);
  g_autofree char *drugs = NULL;
  g_autofree char *text = NULL;

  if (evidence->len < STATIN_MUSCLE_MIN)
    {
      g_ptr_array_unref (evidence);
      return;
    }

  drugs = describe_drugs (analysis, CRAMP_DRUG_CLASS_STATINS);
  /* Translators: %s names medicines, such as "Atorvastatin 20 mg" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u cramp with muscle weakness came on a day you took a statin (%s).",
                                       "%u cramps with muscle weakness came on days you took a statin (%s).",
                                       evidence->len),
                          evidence->len, drugs);
  add (analysis, rule, NULL,
       join_sentences (text, _("Unexplained muscle pain or weakness while taking a statin is worth telling your "
                               "doctor soon. Do not stop the medicine on your own.")),
       evidence);
}

static void
run_medication (Analysis   *analysis,
                const Rule *rule)
{
  for (CrampDrugClass c = 0; c < CRAMP_N_DRUG_CLASSES; c++)
    {
      GPtrArray *evidence;
      g_autofree char *drugs = NULL;
      g_autofree char *text = NULL;
      g_autofree char *advice = NULL;

      if (c == CRAMP_DRUG_CLASS_QUININE)
        continue;

      evidence = taken_evidence (analysis, c);
      if (evidence->len == 0)
        {
          g_ptr_array_unref (evidence);
          continue;
        }

      drugs = describe_drugs (analysis, c);
      /* Translators: %s names medicines, then their class */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u cramp came on a day you took %s (%s).",
                                           "%u cramps came on days you took %s (%s).",
                                           evidence->len),
                              evidence->len, drugs, cramp_drug_class_label (c));
      advice = g_strdup (_("Cramps have been reported with these medicines; that does not mean they cause yours. "
                           "Do not stop or change a medicine on your own: ask your doctor or pharmacist."));
      if (c == CRAMP_DRUG_CLASS_STATINS)
        {
          g_autofree char *more = join_sentences (advice, _("With a statin, unexplained muscle pain or weakness is "
                                                              "worth telling your doctor soon."));

          g_free (advice);
          advice = g_steal_pointer (&more);
        }

      add (analysis, rule,
           /* Translators: %s is a class of medicines, such as "loop diuretics" */
           g_strdup_printf (_("A medicine reported with cramps: %s"), cramp_drug_class_label (c)),
           join_sentences (text, advice), evidence);
    }
}

static void
run_quinine (Analysis   *analysis,
             const Rule *rule)
{
  GPtrArray *evidence = taken_evidence (analysis, CRAMP_DRUG_CLASS_QUININE);
  g_autofree char *drugs = NULL;
  g_autofree char *text = NULL;

  if (evidence->len == 0)
    {
      g_ptr_array_unref (evidence);
      return;
    }

  drugs = describe_drugs (analysis, CRAMP_DRUG_CLASS_QUININE);
  /* Translators: %s names medicines, such as "Limptar N" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u cramp came on a day you took quinine (%s).",
                                       "%u cramps came on days you took quinine (%s).",
                                       evidence->len),
                          evidence->len, drugs);
  add (analysis, rule, NULL,
       join_sentences (text, _("The U.S. Food and Drug Administration advises against quinine for leg cramps, "
                               "because of rare but serious side effects. Do not stop a prescribed medicine on "
                               "your own; talk to your doctor about it. Get help at once if you notice unusual "
                               "bleeding or bruising.")),
       evidence);
}

/* The profile. */

#define CRAMP_CONDITIONS \
  (CRAMP_CONDITION_KIDNEY_DISEASE | CRAMP_CONDITION_LIVER_DISEASE | CRAMP_CONDITION_THYROID_DISEASE | \
   CRAMP_CONDITION_PARKINSONS_DISEASE | CRAMP_CONDITION_PERIPHERAL_NEUROPATHY | CRAMP_CONDITION_DIABETES)

static void
run_known_condition (Analysis   *analysis,
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
  add (analysis, rule, NULL,
       join_sentences (text, _("Conditions like these can bring cramps with them. Mention your cramps when the "
                               "condition is next reviewed; its treatment may help them too.")),
       all_episodes (analysis));
}

static void
run_low_fluid (Analysis   *analysis,
               const Rule *rule)
{
  GPtrArray *evidence = collect (analysis, drank_little);
  g_autofree char *count = NULL;
  const char *advice;

  if (evidence->len < LOW_FLUID_MIN)
    {
      g_ptr_array_unref (evidence);
      return;
    }

  count = count_sentence (NP_("%u cramp came on a day you drank less than 1.5 litres or felt dehydrated.",
                              "%u cramps came on days you drank less than 1.5 litres or felt dehydrated."),
                          evidence->len);
  if (analysis->conditions & CRAMP_CONDITION_KIDNEY_DISEASE)
    advice = _("Whether drinking more prevents cramps is not clear: studies disagree. With kidney disease, "
               "ask your doctor before you drink more.");
  else
    advice = _("Whether drinking more prevents cramps is not clear: studies disagree. It does no harm to try, "
               "unless a doctor has limited what you drink.");
  add (analysis, rule, NULL, join_sentences (count, advice), evidence);
}

static void
run_pregnancy (Analysis   *analysis,
               const Rule *rule)
{
  gboolean in_profile = (analysis->conditions & CRAMP_CONDITION_PREGNANCY) != 0;
  GPtrArray *evidence = in_profile ? all_episodes (analysis) : collect (analysis, pregnancy_trigger);

  if (evidence->len < PREGNANCY_MIN)
    {
      g_ptr_array_unref (evidence);
      return;
    }

  add (analysis, rule, NULL,
       g_strdup (_("Cramps are common in pregnancy and usually pass after the birth; gentle stretching may "
                   "help. A calf that is red, swollen and warm needs a doctor the same day.")),
       evidence);
}

static const Rule catalog[] = {
  { "clot-signs", CRAMP_SEVERITY_URGENT,
    N_("Swelling with redness or warmth on one side"),
    N_("A cramp in one leg (left or right) with swelling, together with redness or warm skin."),
    sources_clot, clot_signs, CLOT_SIGNS_MIN,
    NP_("%u cramp in one leg came with swelling and redness or warm skin.",
        "%u cramps in one leg came with swelling and redness or warm skin."),
    N_("A swollen calf on one side that is red or warm matches what doctors check for a blood clot in a leg "
       "vein (deep vein thrombosis). Get medical advice today: call your doctor or an out-of-hours service. "
       "If you are short of breath or have chest pain, call an ambulance.") },
  { "tissue-damage", CRAMP_SEVERITY_URGENT,
    N_("Sores or slow-healing wounds"),
    N_("A cramp logged with sores or wounds that heal slowly."),
    sources_tissue, has_sores, TISSUE_DAMAGE_MIN,
    NP_("%u cramp came with sores or wounds that heal slowly.",
        "%u cramps came with sores or wounds that heal slowly."),
    N_("Sores on a leg that cramps match what doctors check for a leg that does not get enough blood. Get "
       "medical advice today, and have the sores looked at.") },
  { "walking-difficulty", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Trouble walking after the cramp had passed"),
    N_("A cramp after which you still could not walk or stand on the leg."),
    sources_walking, walking_difficulty, WALKING_DIFFICULTY_MIN,
    NP_("After %u cramp you still could not walk or stand on the leg.",
        "After %u cramps you still could not walk or stand on the leg."),
    N_("Soreness can last up to a day after a cramp, but a cramp that has passed should leave you able to "
       "walk. Book a visit; get help the same day if the leg is also swollen, red or warm.") },
  { "claudication", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Pain after walking a steady distance, eased by rest"),
    N_("At least three walking cramps, eased by rest within 10 minutes, after about the same distance (within a "
       "quarter of the middle distance), and three in four of all such walking cramps."),
    sources_claudication, .run = run_claudication },
  { "rest-pain", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Foot pain at rest, eased by letting the leg hang down"),
    N_("Two or more cramps in the foot or toes at rest that eased when the leg hung down."),
    sources_rest_pain, rest_pain, REST_PAIN_MIN,
    NP_("%u cramp in the foot or toes at rest eased when you let the leg hang down.",
        "%u cramps in the foot or toes at rest eased when you let the leg hang down."),
    N_("Foot pain at rest that eases with the leg hanging down matches what doctors check for a poor blood "
       "supply to the foot. Book a visit soon.") },
  { "associated-symptoms", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Cramps with numbness, swelling or other symptoms"),
    N_("A cramp with numbness, tingling, swelling, redness, weakness, twitching, warm or cold skin, or vein "
       "changes."),
    sources_associated, associated_symptoms, ASSOCIATED_SYMPTOMS_MIN,
    NP_("%u cramp came with other symptoms, such as numbness or swelling.",
        "%u cramps came with other symptoms, such as numbness or swelling."),
    N_("Symptoms like these can point to a cause beyond the cramp itself, in the nerves, the veins or the "
       "circulation, and are worth showing a doctor.") },
  { "neuromuscular", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Cramps with muscle twitching"),
    N_("A cramp with both twitching and weakness, or two or more cramps with twitching."),
    sources_neuromuscular, .run = run_neuromuscular },
  { "statin-muscle", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Muscle weakness while taking a statin"),
    N_("A cramp with weakness on a day a statin was taken."),
    sources_statin, .run = run_statin_muscle },
  { "prolonged", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Cramps that last longer than usual"),
    N_("A cramp that lasted longer than 10 minutes."),
    sources_prolonged, prolonged, PROLONGED_MIN,
    NP_("%u cramp lasted longer than 10 minutes.", "%u cramps lasted longer than 10 minutes."),
    N_("Most cramps pass within seconds or a few minutes. Long ones are worth telling a doctor about.") },
  { "hard-to-relieve", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Cramps that nothing eased"),
    N_("Two or more cramps for which nothing helped."),
    sources_hard, nothing_helped, HARD_TO_RELIEVE_MIN,
    NP_("Nothing eased %u cramp.", "Nothing eased %u cramps."),
    N_("Cramps that stretching and rest do not ease are worth a visit.") },
  { "frequent", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Cramps on several nights a week"),
    N_("Cramps on three or more different nights within 7 days, leaving out cramps during or after exercise."),
    sources_frequent, .run = run_frequent },
  { "sleep-disruption", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Cramps that break your sleep"),
    N_("Woken by cramps on two or more nights within 7 days, or on four or more nights within 30 days."),
    sources_sleep, .run = run_sleep_disruption },
  { "worsening", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Cramps are becoming more frequent"),
    N_("A diary of at least 60 days whose last 30 days had cramps on four or more nights, and on at least "
       "twice as many nights as the 30 days before."),
    sources_worsening, .run = run_worsening },
  { "vascular-risk", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Cramps with exertion, and a higher risk for the leg arteries"),
    N_("Two or more cramps while walking (or exercising, eased by rest), with an age or health profile at "
       "higher risk of narrowed leg arteries: 65 or older; 50 to 64 with diabetes, smoking, high cholesterol "
       "or high blood pressure; under 50 with diabetes and one more of them; an earlier heart attack, stroke "
       "or narrowed arteries at any age; without a year of birth, two of the four risk factors."),
    sources_vascular, .run = run_vascular_risk },
  { "medication", CRAMP_SEVERITY_DISCUSS,
    N_("A medicine reported with cramps"),
    N_("A medicine of the catalog taken on the day of a cramp, written with the cramp or in the health profile."),
    sources_medication, .run = run_medication },
  { "quinine", CRAMP_SEVERITY_DISCUSS,
    N_("Quinine"),
    N_("Quinine taken on the day of a cramp."),
    sources_quinine, .run = run_quinine },
  { "rls-like", CRAMP_SEVERITY_DISCUSS,
    N_("An urge to move the legs at rest, in the evening"),
    N_("Two or more times, at rest between 18:00 and 06:00, an urge to move the legs that walking or "
       "stretching eased."),
    sources_rls, like_restless_legs, RLS_MIN,
    NP_("On %u occasion, at rest in the evening or at night, you felt an urge to move your legs that moving eased.",
        "On %u occasions, at rest in the evening or at night, you felt an urge to move your legs that moving eased."),
    N_("This matches what doctors check for restless legs syndrome, which is not a cramp and is treated "
       "differently. Mention it at your next visit.") },
  { "known-condition", CRAMP_SEVERITY_DISCUSS,
    N_("A condition that can bring cramps"),
    N_("The health profile lists kidney, liver or thyroid disease, Parkinson’s disease, nerve damage in the "
       "legs or diabetes."),
    sources_condition, .run = run_known_condition },
  { "low-fluid", CRAMP_SEVERITY_INFO,
    N_("Cramps on days you drank little"),
    N_("Two or more cramps on days with less than 1.5 litres to drink, or when you felt dehydrated."),
    sources_fluid, .run = run_low_fluid },
  { "alcohol", CRAMP_SEVERITY_INFO,
    N_("Cramps after alcohol"),
    N_("Two or more cramps with alcohol as a suspected trigger."),
    sources_alcohol, alcohol, ALCOHOL_MIN,
    NP_("You suspected alcohol behind %u cramp.", "You suspected alcohol behind %u cramps."),
    N_("Alcohol can make cramps more likely; drinking less of it may help.") },
  { "pregnancy", CRAMP_SEVERITY_INFO,
    N_("Cramps in pregnancy"),
    N_("The health profile lists pregnancy, or a cramp has pregnancy as a suspected trigger."),
    sources_pregnancy, .run = run_pregnancy },
};

const char *
cramp_severity_to_string (CrampSeverity severity)
{
  static const char *names[] = { "urgent", "see-doctor", "discuss", "info" };

  g_return_val_if_fail (severity <= CRAMP_SEVERITY_INFO, NULL);

  return names[severity];
}

const char *
cramp_severity_get_label (CrampSeverity severity)
{
  switch (severity)
    {
    case CRAMP_SEVERITY_URGENT:
      return _("Get medical advice today");
    case CRAMP_SEVERITY_SEE_DOCTOR:
      return _("Book a visit to your doctor");
    case CRAMP_SEVERITY_DISCUSS:
      return _("Mention it at your next visit");
    case CRAMP_SEVERITY_INFO:
    default:
      return _("Good to know");
    }
}

/**
 * cramp_findings_disclaimer:
 *
 * Returns: the sentence every view of the findings shows
 */
const char *
cramp_findings_disclaimer (void)
{
  return _("These are patterns in your diary that match what doctors check for, not a diagnosis. Only a doctor "
           "who examines you can say what causes your cramps.");
}

/**
 * cramp_findings_disclaimer_for_doctor:
 *
 * Returns: the same, as the report says it to the patient's doctor
 */
const char *
cramp_findings_disclaimer_for_doctor (void)
{
  return _("These are patterns in the patient’s diary that match warning signs doctors check for, not a diagnosis. "
           "The texts below are the ones the app shows the patient.");
}

guint
cramp_findings_catalog_size (void)
{
  return G_N_ELEMENTS (catalog);
}

/**
 * cramp_findings_catalog_get:
 * @index: a row of the catalog, from 0 to cramp_findings_catalog_size() - 1
 * @severity: (out) (optional): its severity
 * @title: (out) (optional): its translated title
 * @rule: (out) (optional): when it shows, in plain words, translated
 * @sources: (out) (optional) (transfer none): its sources
 *
 * Returns: the id of the row
 */
const char *
cramp_findings_catalog_get (guint                 index,
                            CrampSeverity        *severity,
                            const char          **title,
                            const char          **rule,
                            const char * const  **sources)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (catalog), NULL);

  if (severity != NULL)
    *severity = catalog[index].severity;
  if (title != NULL)
    *title = _(catalog[index].title);
  if (rule != NULL)
    *rule = _(catalog[index].rule);
  if (sources != NULL)
    *sources = catalog[index].sources;

  return catalog[index].id;
}

static gint64
days_since_1970 (const GDate *date)
{
  /* g_date_get_julian() counts from 1 January of year 1 as day 1 */
  return (gint64) g_date_get_julian (date) - 719163;
}

/* Whether a profile medication was taken on @day (days since 1970). */
static gboolean
profile_taken_on (CrampProfile *profile,
                  guint         index,
                  gint64        day)
{
  GDate started, stopped;

  g_date_clear (&started, 1);
  g_date_clear (&stopped, 1);
  if (cramp_profile_get_medication_started (profile, index, &started) && days_since_1970 (&started) > day)
    return FALSE;
  if (cramp_profile_get_medication_stopped (profile, index, &stopped) && days_since_1970 (&stopped) < day)
    return FALSE;

  return TRUE;
}

static int
compare_facts (gconstpointer a,
               gconstpointer b)
{
  const Fact *fa = a;
  const Fact *fb = b;

  return fa->start < fb->start ? -1 : fa->start > fb->start;
}

static void
gather_facts (Analysis  *analysis,
              GPtrArray *episodes)
{
  g_autoptr(GHashTable) by_day = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_profile = analysis->profile ? cramp_profile_get_n_medications (analysis->profile) : 0;
  g_autofree guint *profile_classes = g_new0 (guint, n_profile + 1);

  analysis->n_facts = episodes->len;
  analysis->facts = g_new0 (Fact, episodes->len + 1);

  for (guint i = 0; i < episodes->len; i++)
    {
      CrampEpisode *episode = g_ptr_array_index (episodes, i);
      GDateTime *start = cramp_episode_get_started_at (episode);
      gint64 local = cramp_time_local_seconds (start);
      Fact *fact = &analysis->facts[i];

      fact->episode = episode;
      fact->start = g_date_time_to_unix (start);
      fact->night = cramp_time_night_of (start);
      fact->day = local >= 0 ? local / DAY_S : -((-local + DAY_S - 1) / DAY_S);
      fact->time_of_day = local - fact->day * DAY_S;
    }
  qsort (analysis->facts, analysis->n_facts, sizeof (Fact), compare_facts);

  /* what the episodes of each day list counts for all of that day */
  for (guint i = 0; i < analysis->n_facts; i++)
    {
      Fact *fact = &analysis->facts[i];
      const char * const *medications = cramp_episode_get_medications (fact->episode);
      guint classes = 0;

      for (guint m = 0; medications[m] != NULL; m++)
        classes |= cramp_drug_classes_in (medications[m]);
      if (classes != 0)
        {
          guint day_classes = GPOINTER_TO_UINT (g_hash_table_lookup (by_day, &fact->day));

          g_hash_table_insert (by_day, &fact->day, GUINT_TO_POINTER (day_classes | classes));
        }
    }

  for (guint m = 0; m < n_profile; m++)
    profile_classes[m] = cramp_drug_classes_in (cramp_profile_get_medication_name (analysis->profile, m));

  for (guint i = 0; i < analysis->n_facts; i++)
    {
      Fact *fact = &analysis->facts[i];

      fact->taken = GPOINTER_TO_UINT (g_hash_table_lookup (by_day, &fact->day));
      for (guint m = 0; m < n_profile; m++)
        if (profile_classes[m] != 0 && profile_taken_on (analysis->profile, m, fact->day))
          fact->taken |= profile_classes[m];
    }
}

static int
compare_severity (gconstpointer a,
                  gconstpointer b)
{
  CrampSeverity sa = cramp_finding_get_severity (*(CrampFinding * const *) a);
  CrampSeverity sb = cramp_finding_get_severity (*(CrampFinding * const *) b);

  return sa < sb ? -1 : sa > sb;
}

/**
 * cramp_findings_analyze:
 * @episodes: (element-type CrampEpisode): the episodes of the period
 * @profile: (nullable): the health profile
 * @until: the end of the period; "the last 30 days" end here
 *
 * Runs every rule of the catalog.
 *
 * Returns: (transfer container) (element-type CrampFinding): the findings,
 *   the most urgent first, in the catalog's order within a severity
 */
GPtrArray *
cramp_findings_analyze (GPtrArray    *episodes,
                        CrampProfile *profile,
                        GDateTime    *until)
{
  Analysis analysis = { 0 };

  g_return_val_if_fail (episodes != NULL, NULL);
  g_return_val_if_fail (profile == NULL || CRAMP_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (until != NULL, NULL);

  analysis.profile = profile;
  analysis.conditions = profile ? cramp_profile_get_conditions (profile) : 0;
  analysis.until = g_date_time_to_unix (until);
  analysis.until_year = g_date_time_get_year (until);
  analysis.findings = g_ptr_array_new_with_free_func (g_object_unref);
  gather_facts (&analysis, episodes);

  for (guint i = 0; i < G_N_ELEMENTS (catalog); i++)
    {
      const Rule *rule = &catalog[i];

      if (rule->run != NULL)
        rule->run (&analysis, rule);
      else
        run_counted (&analysis, rule);
    }

  g_free (analysis.facts);

  /* stable: within a severity, the catalog's order stays */
  g_ptr_array_sort (analysis.findings, compare_severity);

  return analysis.findings;
}
