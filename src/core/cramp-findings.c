/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-findings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "cramp-drug-catalog.h"
#include "cramp-findings.h"
#include "cramp-time.h"

/*
 * The red-flag catalog of DESIGN.md: pure functions of the episodes of a
 * period, the health profile and the end of the period. The thresholds
 * are the catalog's, to the second. The texts say what the diary shows
 * and what to do about it; they never say what the person has.
 */

#define DAY (G_GINT64_CONSTANT (24) * 3600)

struct _CrampFinding
{
  GObject        parent_instance;

  const char    *id;
  char          *title;
  char          *explanation;
  GPtrArray     *evidence;   /* CrampEpisode */
  const char   **sources;
  CrampSeverity  severity;
  guint          order;      /* place in the catalog, to sort stably */
};

G_DEFINE_FINAL_TYPE (CrampFinding, cramp_finding, G_TYPE_OBJECT)

/* Public references, as the app and the report cite them. */
#define MEDLINEPLUS "MedlinePlus (U.S. National Library of Medicine): “Muscle cramps”."
#define MAYO_NIGHT "Mayo Clinic: “Night leg cramps”."
#define MAYO_PAD "Mayo Clinic: “Peripheral artery disease (PAD)”."
#define AHA_ACC "Gerhard-Herman MD et al. 2016 AHA/ACC guideline on the management of patients with lower extremity peripheral artery disease. Circulation 2017;135:e726."
#define EDINBURGH "Leng GC, Fowkes FGR. The Edinburgh Claudication Questionnaire. J Clin Epidemiol 1992;45:1101."
#define IRLSSG "Allen RP et al. Restless legs syndrome/Willis–Ekbom disease diagnostic criteria: updated IRLSSG consensus criteria. Sleep Med 2014;15:860."
#define ALLEN_KIRBY "Allen RE, Kirby KA. Nocturnal leg cramps. Am Fam Physician 2012;86(4):350."
#define GARRISON "Garrison SR et al. Nocturnal leg cramps and prescription use that precedes them. Arch Intern Med 2012;172:120 (PMID 22157068)."

static const char *sources_general[] = { MEDLINEPLUS, MAYO_NIGHT, NULL };
static const char *sources_pad[] = { MAYO_PAD, AHA_ACC, NULL };
static const char *sources_claudication[] = { MAYO_PAD, AHA_ACC, EDINBURGH, NULL };
static const char *sources_medication[] = { ALLEN_KIRBY, GARRISON, NULL };
static const char *sources_rls[] = { IRLSSG, NULL };
static const char *sources_fluid[] = { MEDLINEPLUS, ALLEN_KIRBY, NULL };

static void
cramp_finding_finalize (GObject *object)
{
  CrampFinding *self = (CrampFinding *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);

  G_OBJECT_CLASS (cramp_finding_parent_class)->finalize (object);
}

static void
cramp_finding_class_init (CrampFindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cramp_finding_finalize;
}

static void
cramp_finding_init (CrampFinding *self)
{
}

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
      return _("Seek care promptly");
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
  return _("These are patterns in your diary, not a diagnosis. Only a doctor who examines you can say what causes your cramps.");
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

const char *
cramp_finding_get_id (CrampFinding *self)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), NULL);

  return self->id;
}

CrampSeverity
cramp_finding_get_severity (CrampFinding *self)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), CRAMP_SEVERITY_INFO);

  return self->severity;
}

const char *
cramp_finding_get_title (CrampFinding *self)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), NULL);

  return self->title;
}

const char *
cramp_finding_get_explanation (CrampFinding *self)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), NULL);

  return self->explanation;
}

/**
 * cramp_finding_get_evidence:
 *
 * Returns: (transfer none) (element-type CrampEpisode): the episodes that
 *   show the pattern, oldest first
 */
GPtrArray *
cramp_finding_get_evidence (CrampFinding *self)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), NULL);

  return self->evidence;
}

const char * const *
cramp_finding_get_sources (CrampFinding *self)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), NULL);

  return (const char * const *) self->sources;
}

typedef struct
{
  GPtrArray    *episodes;   /* in the period, oldest first */
  CrampProfile *profile;
  gint64        until;
  GPtrArray    *findings;
} Analysis;

static void
add (Analysis      *analysis,
     const char    *id,
     CrampSeverity  severity,
     char          *title,
     char          *explanation,
     GPtrArray     *evidence,
     const char   **sources)
{
  CrampFinding *finding = g_object_new (CRAMP_TYPE_FINDING, NULL);

  finding->id = id;
  finding->severity = severity;
  finding->title = title;
  finding->explanation = explanation;
  finding->evidence = evidence;
  finding->sources = sources;
  finding->order = analysis->findings->len;
  g_ptr_array_add (analysis->findings, finding);
}

typedef gboolean (*EpisodeTest) (CrampEpisode *episode,
                                 gpointer      data);

static GPtrArray *
collect (Analysis    *analysis,
         EpisodeTest  test,
         gpointer     data)
{
  GPtrArray *matching = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < analysis->episodes->len; i++)
    {
      CrampEpisode *episode = g_ptr_array_index (analysis->episodes, i);

      if (test (episode, data))
        g_ptr_array_add (matching, g_object_ref (episode));
    }

  return matching;
}

/* collect(), or %NULL when fewer than @min episodes pass @test */
static GPtrArray *
collect_at_least (Analysis    *analysis,
                  guint        min,
                  EpisodeTest  test,
                  gpointer     data)
{
  GPtrArray *matching = collect (analysis, test, data);

  if (matching->len < min)
    g_clear_pointer (&matching, g_ptr_array_unref);

  return matching;
}

static gint64
start_of (CrampEpisode *episode)
{
  return g_date_time_to_unix (cramp_episode_get_started_at (episode));
}

/* Keeps the episodes of @episodes (oldest first) that have at least
 * @count - 1 others starting within @span seconds of them, in a run of
 * @count whose first and last start at most @span apart. */
static GPtrArray *
clustered (GPtrArray *episodes,
           guint      count,
           gint64     span,
           guint     *most_in_span)
{
  g_autofree gboolean *marked = g_new0 (gboolean, episodes->len + 1);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint last = 0;

  *most_in_span = 0;
  for (guint first = 0; first < episodes->len; first++)
    {
      gint64 start = start_of (g_ptr_array_index (episodes, first));

      if (last < first)
        last = first;
      while (last + 1 < episodes->len && start_of (g_ptr_array_index (episodes, last + 1)) - start <= span)
        last++;

      *most_in_span = MAX (*most_in_span, last - first + 1);
      if (last - first + 1 >= count)
        for (guint i = first; i <= last; i++)
          marked[i] = TRUE;
    }

  for (guint i = 0; i < episodes->len; i++)
    if (marked[i])
      g_ptr_array_add (result, g_object_ref (g_ptr_array_index (episodes, i)));

  return result;
}

/* A sentence about @n things, in the plural form the language needs.
 * po/meson.build tells xgettext that its two strings are a plural pair. */
static char *
plural_printf (const char *singular,
               const char *plural_form,
               guint       n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, singular, plural_form, n), n);
}

static gboolean
has_symptoms (CrampEpisode *episode,
              gpointer      bits)
{
  return (cramp_episode_get_symptoms (episode) & GPOINTER_TO_UINT (bits)) != 0;
}

static void
check_walking_difficulty (Analysis *analysis)
{
  GPtrArray *evidence = collect_at_least (analysis, 1, has_symptoms, GUINT_TO_POINTER (CRAMP_SYMPTOM_WALKING_DIFFICULTY));
  g_autofree char *count = NULL;

  if (evidence == NULL)
    return;

  count = plural_printf ("On %u occasion, you noted trouble walking or standing on the leg with a cramp.",
                         "On %u occasions, you noted trouble walking or standing on the leg with a cramp.",
                  evidence->len);
  add (analysis, "walking-difficulty", CRAMP_SEVERITY_URGENT,
       g_strdup (_("Trouble walking or standing")),
       g_strdup_printf ("%s %s", count,
                        _("An ordinary cramp passes and leaves you able to walk. Seek medical care "
                          "promptly, and at once if the leg is also swollen, red, warm or very painful.")),
       evidence, sources_general);
}

static void
check_tissue_damage (Analysis *analysis)
{
  GPtrArray *evidence = collect_at_least (analysis, 1, has_symptoms, GUINT_TO_POINTER (CRAMP_SYMPTOM_SORES));
  g_autofree char *count = NULL;

  if (evidence == NULL)
    return;

  count = plural_printf ("On %u occasion, you noted sores or wounds that heal slowly.",
                         "On %u occasions, you noted sores or wounds that heal slowly.",
                  evidence->len);
  add (analysis, "tissue-damage", CRAMP_SEVERITY_URGENT,
       g_strdup (_("Sores or slow-healing wounds")),
       g_strdup_printf ("%s %s", count,
                        _("Sores on a leg that cramps can mean that the leg does not get enough blood. "
                          "Have a doctor look at them soon.")),
       evidence, sources_pad);
}

static gboolean
walking_eased_by_rest (CrampEpisode *episode,
                       gpointer      data)
{
  return cramp_episode_get_activity (episode) == CRAMP_ACTIVITY_WALKING &&
         (cramp_episode_get_relieved_by (episode) & CRAMP_RELIEF_REST) != 0;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* Where narrowed arteries would be, for pain in each muscle (002). */
enum {
  SEGMENT_ILIAC = 1 << 0,
  SEGMENT_FEMORAL_POPLITEAL = 1 << 1,
  SEGMENT_TIBIAL = 1 << 2,
};

static char *
describe_segments (guint segments)
{
  const char *names[3] = { NULL };
  guint n = 0;

  if (segments & SEGMENT_ILIAC)
    names[n++] = _("the iliac arteries, in the pelvis");
  if (segments & SEGMENT_FEMORAL_POPLITEAL)
    names[n++] = _("the femoral and popliteal arteries, in the thigh and behind the knee");
  if (segments & SEGMENT_TIBIAL)
    names[n++] = _("the tibial arteries, in the lower leg");

  if (n == 1)
    return g_strdup (names[0]);
  if (n == 2)
    /* Translators: two places, as in "the iliac arteries or the tibial arteries" */
    return g_strdup_printf (_("%s, or %s"), names[0], names[1]);
  /* Translators: three places */
  return g_strdup_printf (_("%s, %s, or %s"), names[0], names[1], names[2]);
}

static void
check_claudication (Analysis *analysis)
{
  g_autoptr(GArray) distances = g_array_new (FALSE, FALSE, sizeof (int));
  GPtrArray *evidence = collect (analysis, walking_eased_by_rest, NULL);
  guint segments = 0;
  double median;
  g_autofree char *pattern = NULL;
  g_autofree char *where = NULL;
  g_autofree char *place = NULL;

  for (guint i = 0; i < evidence->len; i++)
    {
      CrampEpisode *episode = g_ptr_array_index (evidence, i);
      int distance = cramp_episode_get_walk_distance (episode);

      if (distance != CRAMP_UNSET)
        g_array_append_val (distances, distance);

      switch (cramp_episode_get_muscle (episode))
        {
        case CRAMP_MUSCLE_HIP_BUTTOCK:
        case CRAMP_MUSCLE_THIGH_FRONT:
        case CRAMP_MUSCLE_THIGH_BACK:
          segments |= SEGMENT_ILIAC;
          break;
        case CRAMP_MUSCLE_CALF:
          segments |= SEGMENT_FEMORAL_POPLITEAL | SEGMENT_TIBIAL;
          break;
        case CRAMP_MUSCLE_FOOT:
        case CRAMP_MUSCLE_TOES:
          segments |= SEGMENT_TIBIAL;
          break;
        case CRAMP_MUSCLE_UNKNOWN:
        case CRAMP_MUSCLE_SHIN:
        case CRAMP_MUSCLE_OTHER:
        default:
          break;
        }
    }

  if (evidence->len < 3 || distances->len < 3)
    {
      g_ptr_array_unref (evidence);
      return;
    }

  g_array_sort (distances, compare_int);
  median = distances->len % 2
    ? g_array_index (distances, int, distances->len / 2)
    : (g_array_index (distances, int, distances->len / 2 - 1) +
       g_array_index (distances, int, distances->len / 2)) / 2.0;

  for (guint i = 0; i < distances->len; i++)
    {
      if (ABS (g_array_index (distances, int, i) - median) > 0.25 * median)
        {
          g_ptr_array_unref (evidence);
          return;
        }
    }

  pattern = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u cramp began while you were walking, after about %.0f metres each time, and eased when you rested.",
                                          "%u cramps began while you were walking, after about %.0f metres each time, and eased when you rested.",
                                          evidence->len),
                             evidence->len, median);
  if (segments != 0)
    {
      where = describe_segments (segments);
      /* Translators: %s names arteries, such as "the tibial arteries, in the lower leg" */
      place = g_strdup_printf (_("Where you felt it, such pain points to %s."), where);
    }

  add (analysis, "claudication", CRAMP_SEVERITY_SEE_DOCTOR,
       g_strdup (_("Pain after walking a set distance, eased by rest")),
       g_strdup_printf ("%s %s%s%s %s", pattern,
                        _("Pain that comes back after the same walk and goes with rest is what doctors "
                          "call claudication; it can come from narrowed arteries in the legs."),
                        place ? " " : "", place ? place : "",
                        _("Ask your doctor whether you need an ankle-brachial index test, which compares "
                          "the blood pressure at your ankle and your arm.")),
       evidence, sources_claudication);
}

#define ASSOCIATED_SYMPTOMS \
  (CRAMP_SYMPTOM_NUMBNESS | CRAMP_SYMPTOM_TINGLING | CRAMP_SYMPTOM_SWELLING | \
   CRAMP_SYMPTOM_REDNESS | CRAMP_SYMPTOM_WEAKNESS | CRAMP_SYMPTOM_SKIN_TEMPERATURE | \
   CRAMP_SYMPTOM_VEIN_CHANGES)

static void
check_associated_symptoms (Analysis *analysis)
{
  GPtrArray *evidence = collect_at_least (analysis, 1, has_symptoms, GUINT_TO_POINTER (ASSOCIATED_SYMPTOMS));
  g_autofree char *labels = NULL;
  g_autofree char *count = NULL;
  guint seen = 0;

  if (evidence == NULL)
    return;

  for (guint i = 0; i < evidence->len; i++)
    seen |= cramp_episode_get_symptoms (g_ptr_array_index (evidence, i)) & ASSOCIATED_SYMPTOMS;
  labels = cramp_vocab_set_to_labels (CRAMP_VOCAB_SYMPTOM, seen);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u cramp came with other symptoms: %s.",
                                        "%u cramps came with other symptoms: %s.",
                                        evidence->len),
                           evidence->len, labels);
  add (analysis, "associated-symptoms", CRAMP_SEVERITY_SEE_DOCTOR,
       g_strdup (_("Cramps with numbness, swelling or other symptoms")),
       g_strdup_printf ("%s %s", count,
                        _("Symptoms like these can point to a cause other than the cramp itself, "
                          "in the nerves, the veins or the circulation, and are worth showing a doctor.")),
       evidence, sources_general);
}

static gboolean
lasted_long (CrampEpisode *episode,
             gpointer      data)
{
  return cramp_episode_get_duration (episode) > 600;
}

static void
check_prolonged (Analysis *analysis)
{
  GPtrArray *evidence = collect_at_least (analysis, 1, lasted_long, NULL);
  g_autofree char *count = NULL;

  if (evidence == NULL)
    return;

  count = plural_printf ("%u cramp lasted longer than 10 minutes.",
                         "%u cramps lasted longer than 10 minutes.",
                  evidence->len);
  add (analysis, "prolonged", CRAMP_SEVERITY_SEE_DOCTOR,
       g_strdup (_("Cramps that last longer than usual")),
       g_strdup_printf ("%s %s", count,
                        _("Most cramps pass within seconds or a few minutes. Long ones are worth "
                          "telling a doctor about.")),
       evidence, sources_general);
}

static void
check_frequent (Analysis *analysis)
{
  guint most = 0;
  GPtrArray *evidence = clustered (analysis->episodes, 3, 7 * DAY, &most);
  g_autofree char *count = NULL;

  if (evidence->len == 0)
    {
      g_ptr_array_unref (evidence);
      return;
    }

  count = plural_printf ("You had %u cramp within a single week.",
                         "You had %u cramps within a single week.",
                  most);
  add (analysis, "frequent", CRAMP_SEVERITY_SEE_DOCTOR,
       g_strdup (_("Frequent cramps")),
       g_strdup_printf ("%s %s", count,
                        _("Cramps that come often are a reason to see a doctor, who can look for a "
                          "cause and suggest what may help.")),
       evidence, sources_general);
}

static gboolean
woke (CrampEpisode *episode,
      gpointer      data)
{
  return cramp_episode_get_woke_from_sleep (episode) == TRUE;
}

static void
check_sleep_disruption (Analysis *analysis)
{
  g_autoptr(GPtrArray) woken = collect (analysis, woke, NULL);
  guint most = 0;
  GPtrArray *evidence = clustered (woken, 2, 30 * DAY, &most);
  g_autofree char *count = NULL;

  if (evidence->len == 0)
    {
      g_ptr_array_unref (evidence);
      return;
    }

  count = plural_printf ("%u cramp woke you within 30 days.",
                         "%u cramps woke you within 30 days.",
                  most);
  add (analysis, "sleep-disruption", CRAMP_SEVERITY_SEE_DOCTOR,
       g_strdup (_("Cramps that break your sleep")),
       g_strdup_printf ("%s %s", count,
                        _("Cramps that keep interrupting your sleep are worth seeing a doctor about.")),
       evidence, sources_general);
}

static void
check_worsening (Analysis *analysis)
{
  GPtrArray *evidence;
  gint64 recent_start = analysis->until - 30 * DAY;
  gint64 previous_start = analysis->until - 60 * DAY;
  guint previous = 0;
  g_autofree char *text = NULL;

  /* a baseline: the period began before its last 30 days */
  if (analysis->episodes->len == 0 ||
      start_of (g_ptr_array_index (analysis->episodes, 0)) > recent_start)
    return;

  evidence = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < analysis->episodes->len; i++)
    {
      CrampEpisode *episode = g_ptr_array_index (analysis->episodes, i);
      gint64 start = start_of (episode);

      if (start > recent_start && start <= analysis->until)
        g_ptr_array_add (evidence, g_object_ref (episode));
      else if (start > previous_start && start <= recent_start)
        previous++;
    }

  if (evidence->len < 4 || evidence->len < 2 * previous)
    {
      g_ptr_array_unref (evidence);
      return;
    }

  if (previous == 0)
    text = plural_printf ("The last 30 days had %u cramp, and the 30 days before them none.",
                          "The last 30 days had %u cramps, and the 30 days before them none.",
                   evidence->len);
  else
    {
      g_autofree char *before = plural_printf ("%u in the 30 days before them",
                                               "%u in the 30 days before them",
                                        previous);
      /* Translators: the second %s is "N in the 30 days before them" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The last 30 days had %u cramp, against %s.",
                                           "The last 30 days had %u cramps, against %s.",
                                           evidence->len),
                              evidence->len, before);
    }

  add (analysis, "worsening", CRAMP_SEVERITY_SEE_DOCTOR,
       g_strdup (_("Cramps are becoming more frequent")),
       g_strdup_printf ("%s %s", text,
                        _("Cramps that come more and more often are worth a doctor’s visit.")),
       evidence, sources_general);
}

static gboolean
when_active (CrampEpisode *episode,
             gpointer      data)
{
  CrampActivity activity = cramp_episode_get_activity (episode);

  return activity == CRAMP_ACTIVITY_WALKING || activity == CRAMP_ACTIVITY_EXERCISING;
}

#define VASCULAR_RISKS \
  (CRAMP_CONDITION_DIABETES | CRAMP_CONDITION_HIGH_BLOOD_PRESSURE | \
   CRAMP_CONDITION_HIGH_CHOLESTEROL | CRAMP_CONDITION_SMOKING)

static void
check_vascular_risk (Analysis *analysis)
{
  guint risks = analysis->profile ? cramp_profile_get_conditions (analysis->profile) & VASCULAR_RISKS : 0;
  GPtrArray *evidence;
  g_autofree char *labels = NULL;
  g_autofree char *text = NULL;

  if (risks == 0)
    return;

  if (!(evidence = collect_at_least (analysis, 2, when_active, NULL)))
    return;

  labels = cramp_vocab_set_to_labels (CRAMP_VOCAB_CONDITION, risks);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u cramp came while you were walking or exercising, and your health profile lists %s.",
                                       "%u cramps came while you were walking or exercising, and your health profile lists %s.",
                                       evidence->len),
                          evidence->len, labels);
  add (analysis, "vascular-risk", CRAMP_SEVERITY_SEE_DOCTOR,
       g_strdup (_("Cramps during activity, with risks for the circulation")),
       g_strdup_printf ("%s %s", text,
                        _("These raise the chance of narrowed leg arteries; ask your doctor whether "
                          "your circulation should be checked.")),
       evidence, sources_pad);
}

static void
check_medication (Analysis *analysis)
{
  for (guint c = 0; c < cramp_drug_class_count (); c++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      GPtrArray *evidence = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *drugs = NULL;
      g_autofree char *text = NULL;

      for (guint i = 0; i < analysis->episodes->len; i++)
        {
          CrampEpisode *episode = g_ptr_array_index (analysis->episodes, i);
          const char * const *medications = cramp_episode_get_medications (episode);
          gboolean listed = FALSE;

          for (guint m = 0; medications[m] != NULL; m++)
            {
              if ((cramp_drug_classes_in (medications[m]) & (1u << c)) == 0)
                continue;

              listed = TRUE;
              if (!g_ptr_array_find_with_equal_func (names, medications[m], g_str_equal, NULL))
                g_ptr_array_add (names, (gpointer) medications[m]);
            }

          if (listed)
            g_ptr_array_add (evidence, g_object_ref (episode));
        }

      if (evidence->len == 0)
        {
          g_ptr_array_unref (evidence);
          continue;
        }

      g_ptr_array_add (names, NULL);
      /* Translators: separates the names of medicines */
      drugs = g_strjoinv (_(", "), (char **) names->pdata);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u cramp was logged while you took %s (%s).",
                                           "%u cramps were logged while you took %s (%s).",
                                           evidence->len),
                              evidence->len, drugs, cramp_drug_class_label (c));

      add (analysis, "medication", CRAMP_SEVERITY_DISCUSS,
           /* Translators: %s is a class of medicines, such as "loop diuretics" */
           g_strdup_printf (_("A medicine linked to cramps: %s"), cramp_drug_class_label (c)),
           g_strdup_printf ("%s %s", text,
                            _("Cramps are a known side effect of these medicines in some people. Do not "
                              "stop or change a medicine on your own: ask your doctor or pharmacist "
                              "whether it could play a part.")),
           evidence, sources_medication);
    }
}

static gboolean
like_restless_legs (CrampEpisode *episode,
                    gpointer      data)
{
  CrampActivity activity = cramp_episode_get_activity (episode);
  gint64 local = cramp_time_local_seconds (cramp_episode_get_started_at (episode));
  gint64 time_of_day = ((local % DAY) + DAY) % DAY;

  return (cramp_episode_get_symptoms (episode) & CRAMP_SYMPTOM_URGE_TO_MOVE) != 0 &&
         (cramp_episode_get_relieved_by (episode) & CRAMP_RELIEF_WALKING) != 0 &&
         (activity == CRAMP_ACTIVITY_SLEEPING || activity == CRAMP_ACTIVITY_RESTING ||
          activity == CRAMP_ACTIVITY_SITTING) &&
         (time_of_day >= 18 * 3600 || time_of_day <= 6 * 3600);
}

static void
check_rls_like (Analysis *analysis)
{
  GPtrArray *evidence = collect_at_least (analysis, 2, like_restless_legs, NULL);
  g_autofree char *text = NULL;

  if (evidence == NULL)
    return;

  text = plural_printf ("On %u occasion, at rest in the evening or at night, you felt an urge to move your legs, and walking relieved it.",
                        "On %u occasions, at rest in the evening or at night, you felt an urge to move your legs, and walking relieved it.",
                 evidence->len);
  add (analysis, "rls-like", CRAMP_SEVERITY_DISCUSS,
       g_strdup (_("An urge to move the legs at rest, in the evening")),
       g_strdup_printf ("%s %s", text,
                        _("This is the pattern of restless legs syndrome, which is not a cramp and is "
                          "treated differently. Mention it to your doctor.")),
       evidence, sources_rls);
}

static gboolean
drank_little (CrampEpisode *episode,
              gpointer      data)
{
  int fluid = cramp_episode_get_fluid (episode);

  return (fluid != CRAMP_UNSET && fluid < 1500) ||
         (cramp_episode_get_triggers (episode) & CRAMP_TRIGGER_DEHYDRATION) != 0;
}

static void
check_low_fluid (Analysis *analysis)
{
  GPtrArray *evidence = collect_at_least (analysis, 2, drank_little, NULL);
  g_autofree char *text = NULL;

  if (evidence == NULL)
    return;

  text = plural_printf ("%u cramp came on a day you drank less than 1.5 litres or felt dehydrated.",
                        "%u cramps came on days you drank less than 1.5 litres or felt dehydrated.",
                 evidence->len);
  add (analysis, "low-fluid", CRAMP_SEVERITY_INFO,
       g_strdup (_("Cramps on days you drank little")),
       g_strdup_printf ("%s %s", text,
                        _("Whether drinking more prevents cramps is not clear: studies disagree. "
                          "It does no harm to try, unless a doctor has limited what you drink.")),
       evidence, sources_fluid);
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const CrampFinding *fa = *(CrampFinding * const *) a;
  const CrampFinding *fb = *(CrampFinding * const *) b;

  if (fa->severity != fb->severity)
    return fa->severity < fb->severity ? -1 : 1;

  return fa->order < fb->order ? -1 : fa->order > fb->order;
}

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  gint64 sa = start_of (*(CrampEpisode * const *) a);
  gint64 sb = start_of (*(CrampEpisode * const *) b);

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
  g_autoptr(GPtrArray) sorted = NULL;
  Analysis analysis;

  g_return_val_if_fail (episodes != NULL, NULL);
  g_return_val_if_fail (profile == NULL || CRAMP_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (until != NULL, NULL);

  sorted = g_ptr_array_new_full (episodes->len, g_object_unref);
  for (guint i = 0; i < episodes->len; i++)
    g_ptr_array_add (sorted, g_object_ref (g_ptr_array_index (episodes, i)));
  g_ptr_array_sort (sorted, compare_starts);

  analysis.episodes = sorted;
  analysis.profile = profile;
  analysis.until = g_date_time_to_unix (until);
  analysis.findings = g_ptr_array_new_with_free_func (g_object_unref);

  check_walking_difficulty (&analysis);
  check_tissue_damage (&analysis);
  check_claudication (&analysis);
  check_associated_symptoms (&analysis);
  check_prolonged (&analysis);
  check_frequent (&analysis);
  check_sleep_disruption (&analysis);
  check_worsening (&analysis);
  check_vascular_risk (&analysis);
  check_medication (&analysis);
  check_rls_like (&analysis);
  check_low_fluid (&analysis);

  g_ptr_array_sort (analysis.findings, compare_findings);

  return analysis.findings;
}
