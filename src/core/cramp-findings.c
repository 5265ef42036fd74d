/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-findings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "cramp-findings-private.h"
#include "cramp-time.h"

/*
 * The red-flag catalog, version 3, of DESIGN.md: one table, a row for
 * each finding, in the order the findings come out within a severity.
 * A row is a test of one episode and the fewest episodes that must pass
 * it, or, where the catalog counts nights, spans or distances, a rule of
 * its own (cramp-findings-rules.c, -spans.c and -medicines.c). Every
 * threshold is a named constant of cramp-findings-private.h, to the
 * second.
 *
 * The texts say what the diary shows and what to do about it; they say
 * a pattern "matches what doctors check for", never what a person has.
 */

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
#define ESVS_2020 "Björck M et al. European Society for Vascular Surgery (ESVS) 2020 clinical practice guidelines on the management of acute limb ischaemia. Eur J Vasc Endovasc Surg 2020;59:173."
#define NICE_CKS_PAD "NICE Clinical Knowledge Summaries: “Peripheral arterial disease”."
#define FDA_QUININE "U.S. Food and Drug Administration: drug safety communication on quinine (Qualaquin) for night leg cramps (2010)."

static const char * const sources_clot[] = { NHS_DVT, NICE_CKS, MEDLINEPLUS, NULL };
static const char * const sources_ischaemia[] = { ESVS_2020, NICE_CKS_PAD, NULL };
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

/* What a medication entry names as taken, as cramp_drug_matches_in()
 * reads it; a diary writes the same few entries again and again, so each
 * is read once per analysis. */
static GPtrArray *
matches_of (Analysis   *analysis,
            const char *entry)
{
  GPtrArray *matches = g_hash_table_lookup (analysis->entry_drugs, entry);

  if (matches == NULL)
    {
      matches = cramp_drug_matches_in (entry);
      g_hash_table_insert (analysis->entry_drugs, (gpointer) entry, matches);
    }

  return matches;
}

/* The drug classes a medication entry names as taken. */
guint
_cramp_findings_classes_of (Analysis   *analysis,
                            const char *entry)
{
  GPtrArray *matches = matches_of (analysis, entry);
  guint classes = 0;

  for (guint i = 0; i < matches->len; i++)
    classes |= ((CrampDrugMatch *) g_ptr_array_index (matches, i))->classes;

  return classes;
}

/* Adds to @names the drugs of @drug_class that @entry names, as written,
 * each once, whatever its case. */
void
_cramp_findings_add_drug_names (Analysis       *analysis,
                                const char     *entry,
                                CrampDrugClass  drug_class,
                                GPtrArray      *names,
                                GHashTable     *seen)
{
  GPtrArray *matches = matches_of (analysis, entry);

  for (guint i = 0; i < matches->len; i++)
    {
      CrampDrugMatch *match = g_ptr_array_index (matches, i);
      char *folded;

      if ((match->classes & (1u << drug_class)) == 0)
        continue;
      folded = g_utf8_casefold (match->text, -1);
      if (g_hash_table_add (seen, folded))
        g_ptr_array_add (names, match->text);
    }
}

/* "3 cramps lasted…": a sentence that counts, in the plural @n needs */
char *
_cramp_findings_count_sentence (const char *singular,
                                const char *plural,
                                guint       n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, singular, plural, n), n);
}

/* A row that is a test and a minimum. */
static void
run_counted (Analysis   *analysis,
             const Rule *rule)
{
  g_autoptr(GPtrArray) evidence = NULL;
  g_autofree char *count = NULL;

  /* a row of the table is a test and a minimum, or a rule of its own */
  g_assert (rule->test != NULL);
  g_assert (rule->count_singular != NULL && rule->count_plural != NULL);

  evidence = collect (analysis, rule->test);
  if (evidence->len < MAX (rule->minimum, 1))
    return;

  count = _cramp_findings_count_sentence (rule->count_singular, rule->count_plural, evidence->len);
  add_finding (analysis, rule, NULL, join_sentences (count, _(rule->advice)), g_steal_pointer (&evidence));
}

/* The tests of the counted rows. */

/* A cramp in one leg, left or right: not both, and not unsaid. */
static gboolean
in_one_leg (const Fact *fact)
{
  CrampSide side = cramp_episode_get_side (fact->episode);

  return side == CRAMP_SIDE_LEFT || side == CRAMP_SIDE_RIGHT;
}

static gboolean
clot_signs (const Analysis *analysis,
            const Fact     *fact)
{
  guint symptoms = symptoms_of (fact);

  return in_one_leg (fact) &&
         (symptoms & CRAMP_SYMPTOM_SWELLING) != 0 &&
         (symptoms & (CRAMP_SYMPTOM_REDNESS | CRAMP_SYMPTOM_SKIN_WARM | CRAMP_SYMPTOM_SKIN_TEMPERATURE)) != 0;
}

/* One leg, cold, with numbness, tingling or weakness: the "perishing
 * cold", paraesthesia and paralysis of acute limb ischaemia. */
static gboolean
limb_ischaemia (const Analysis *analysis,
                const Fact     *fact)
{
  guint symptoms = symptoms_of (fact);

  return in_one_leg (fact) &&
         (symptoms & CRAMP_SYMPTOM_SKIN_COLD) != 0 &&
         (symptoms & (CRAMP_SYMPTOM_NUMBNESS | CRAMP_SYMPTOM_TINGLING | CRAMP_SYMPTOM_WEAKNESS)) != 0;
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

/* Times of day compare by the minute: 06:00:30 is 06:00. */
static gint64
minute_of_day (const Fact *fact)
{
  return fact->time_of_day / 60;
}

static gboolean
like_restless_legs (const Analysis *analysis,
                    const Fact     *fact)
{
  return (symptoms_of (fact) & CRAMP_SYMPTOM_URGE_TO_MOVE) != 0 &&
         (relief_of (fact) & (CRAMP_RELIEF_WALKING | CRAMP_RELIEF_STRETCHING)) != 0 &&
         at_rest (fact) &&
         (minute_of_day (fact) >= RLS_EVENING_MIN || minute_of_day (fact) <= RLS_MORNING_MIN);
}

static gboolean
alcohol (const Analysis *analysis,
         const Fact     *fact)
{
  return (cramp_episode_get_triggers (fact->episode) & CRAMP_TRIGGER_ALCOHOL) != 0;
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
  { "limb-ischaemia", CRAMP_SEVERITY_URGENT,
    N_("A cold leg on one side with numbness or weakness"),
    N_("A cramp in one leg (left or right) with cold skin, together with numbness, tingling or weakness."),
    sources_ischaemia, limb_ischaemia, LIMB_ISCHAEMIA_MIN,
    NP_("%u cramp in one leg came with cold skin and numbness, tingling or weakness.",
        "%u cramps in one leg came with cold skin and numbness, tingling or weakness."),
    N_("A leg that turns cold, numb or weak on one side matches what doctors check for a sudden blockage of a leg "
       "artery, which needs treatment within hours. Get medical advice now: call your doctor or an out-of-hours "
       "service. If the leg is pale, cold and painful, or you cannot move it or feel it, call an ambulance.") },
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
    N_("A cramp after which walking or standing on the leg was still not possible."),
    sources_walking, walking_difficulty, WALKING_DIFFICULTY_MIN,
    NP_("After %u cramp you still could not walk or stand on the leg.",
        "After %u cramps you still could not walk or stand on the leg."),
    N_("Soreness can last up to a day after a cramp, but a cramp that has passed should leave you able to "
       "walk. Book a visit; get help the same day if the leg is also swollen, red or warm.") },
  { "claudication", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Pain after walking a steady distance, eased by rest"),
    N_("At least three walking cramps, eased by rest within 10 minutes, after about the same distance (within a "
       "quarter of the middle distance), and three in four of all such walking cramps."),
    sources_claudication, .run = _cramp_findings_run_claudication },
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
    sources_neuromuscular, .run = _cramp_findings_run_neuromuscular },
  { "statin-muscle", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Muscle weakness while taking a statin"),
    N_("A cramp with weakness on a day a statin was taken."),
    sources_statin, .run = _cramp_findings_run_statin_muscle },
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
    sources_frequent, .run = _cramp_findings_run_frequent },
  { "sleep-disruption", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Cramps that break the sleep"),
    N_("Woken by cramps on two or more nights within 7 days, or on four or more nights within 30 days."),
    sources_sleep, .run = _cramp_findings_run_sleep_disruption },
  { "worsening", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Cramps are becoming more frequent"),
    N_("A diary of at least 60 days whose last 30 days had cramps on four or more nights, and on at least "
       "twice as many nights as the 30 days before."),
    sources_worsening, .run = _cramp_findings_run_worsening },
  { "vascular-risk", CRAMP_SEVERITY_SEE_DOCTOR,
    N_("Cramps with exertion, and a higher risk for the leg arteries"),
    N_("Two or more cramps while walking (or exercising, eased by rest), with an age or health profile at "
       "higher risk of narrowed leg arteries: 65 or older; 50 to 64 with diabetes, smoking, high cholesterol "
       "or high blood pressure; under 50 with diabetes and one more of them; an earlier heart attack, stroke "
       "or narrowed arteries at any age; without a year of birth, two of the four risk factors."),
    sources_vascular, .run = _cramp_findings_run_vascular_risk },
  { "medication", CRAMP_SEVERITY_DISCUSS,
    N_("A medicine reported with cramps"),
    N_("A medicine of the catalog taken on the day of a cramp, written with the cramp or in the health profile."),
    sources_medication, .run = _cramp_findings_run_medication },
  { "quinine", CRAMP_SEVERITY_DISCUSS,
    N_("Quinine"),
    N_("Quinine taken on the day of a cramp."),
    sources_quinine, .run = _cramp_findings_run_quinine },
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
    sources_condition, .run = _cramp_findings_run_known_condition },
  { "low-fluid", CRAMP_SEVERITY_INFO,
    N_("Cramps on days with little to drink"),
    N_("Two or more cramps on days with less than 1.5 litres to drink, or with a feeling of being dehydrated."),
    sources_fluid, .run = _cramp_findings_run_low_fluid },
  { "alcohol", CRAMP_SEVERITY_INFO,
    N_("Cramps after alcohol"),
    N_("Two or more cramps with alcohol as a suspected trigger."),
    sources_alcohol, alcohol, ALCOHOL_MIN,
    NP_("You suspected alcohol behind %u cramp.", "You suspected alcohol behind %u cramps."),
    N_("Alcohol can make cramps more likely; drinking less of it may help.") },
  { "pregnancy", CRAMP_SEVERITY_INFO,
    N_("Cramps in pregnancy"),
    N_("The health profile lists pregnancy, or a cramp has pregnancy as a suspected trigger."),
    sources_pregnancy, .run = _cramp_findings_run_pregnancy },
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
 * cramp_severity_get_label_for_doctor:
 *
 * Returns: how urgent a warning sign is, as the report tells the
 *   patient's doctor what the app advised
 */
const char *
cramp_severity_get_label_for_doctor (CrampSeverity severity)
{
  switch (severity)
    {
    case CRAMP_SEVERITY_URGENT:
      return _("Urgent: advised to seek medical advice the same day");
    case CRAMP_SEVERITY_SEE_DOCTOR:
      return _("Advised to book a visit");
    case CRAMP_SEVERITY_DISCUSS:
      return _("Advised to mention it at the next visit");
    case CRAMP_SEVERITY_INFO:
    default:
      return _("For information");
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
           "Each is named with the rule that found it, what the app advised the patient, and the cramps that "
           "show it.");
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
      fact->day = cramp_time_day_of (start);
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
        classes |= _cramp_findings_classes_of (analysis, medications[m]);
      if (classes != 0)
        {
          guint day_classes = GPOINTER_TO_UINT (g_hash_table_lookup (by_day, &fact->day));

          g_hash_table_insert (by_day, &fact->day, GUINT_TO_POINTER (day_classes | classes));
        }
    }

  for (guint m = 0; m < n_profile; m++)
    profile_classes[m] = _cramp_findings_classes_of (analysis,
                                                     cramp_profile_get_medication_name (analysis->profile, m));

  for (guint i = 0; i < analysis->n_facts; i++)
    {
      Fact *fact = &analysis->facts[i];

      fact->taken = GPOINTER_TO_UINT (g_hash_table_lookup (by_day, &fact->day));
      for (guint m = 0; m < n_profile; m++)
        if (profile_classes[m] != 0 && _cramp_findings_profile_taken_on (analysis->profile, m, fact->day))
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
 * @until: the last second of the period; "the last 30 days" end just
 *   after it
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
  /* instants are whole seconds: the period ends where its last second does */
  analysis.end = g_date_time_to_unix (until) + 1;
  analysis.until_year = g_date_time_get_year (until);
  analysis.findings = g_ptr_array_new_with_free_func (g_object_unref);
  /* keys are the episodes' and the profile's own strings */
  analysis.entry_drugs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
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
  g_hash_table_unref (analysis.entry_drugs);

  /* stable: within a severity, the catalog's order stays */
  g_ptr_array_sort (analysis.findings, compare_severity);

  return analysis.findings;
}
