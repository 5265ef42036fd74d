/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-drug-catalog.h"
#include "cramp-findings.h"

G_BEGIN_DECLS

CrampFinding *_cramp_finding_new       (const char          *id,
                                        CrampSeverity        severity,
                                        char                *title,
                                        char                *explanation,
                                        const char          *rule,
                                        const char * const  *sources,
                                        GPtrArray           *evidence);
void          _cramp_finding_add_group (CrampFinding        *self,
                                        char                *label,
                                        GPtrArray           *episodes);


/*
 * What the units of the red-flag catalog share: its thresholds, what the
 * analysis knows of each episode, the rows of the table, and the rules
 * that are more than a test and a minimum (cramp-findings-rules.c,
 * cramp-findings-spans.c, cramp-findings-medicines.c).
 */

#define DAY_S (G_GINT64_CONSTANT (24) * 3600)

#define CLOT_SIGNS_MIN                1
#define LIMB_ISCHAEMIA_MIN            1
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
#define RLS_EVENING_MIN               (18 * 60)   /* minute of the day, inclusive */
#define RLS_MORNING_MIN               (6 * 60)
#define LOW_FLUID_BELOW_ML            1500
#define LOW_FLUID_MIN                 2
#define ALCOHOL_MIN                   2
#define PREGNANCY_MIN                 1

/* A plural pair in a table; po/meson.build tells xgettext about NP_. */
#define NP_(singular, plural) singular, plural

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
  gint64        end;          /* Unix time just after the period: [since, end) */
  int           until_year;
  GPtrArray    *findings;
  GHashTable   *entry_drugs;     /* a medication entry → what it names, CrampDrugMatch */
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

static inline guint
symptoms_of (const Fact *fact)
{
  return cramp_episode_get_symptoms (fact->episode);
}

static inline guint
relief_of (const Fact *fact)
{
  return cramp_episode_get_relieved_by (fact->episode);
}

static inline CrampActivity
activity_of (const Fact *fact)
{
  return cramp_episode_get_activity (fact->episode);
}

static inline gboolean
at_rest (const Fact *fact)
{
  CrampActivity activity = activity_of (fact);

  return activity == CRAMP_ACTIVITY_SLEEPING || activity == CRAMP_ACTIVITY_RESTING ||
         activity == CRAMP_ACTIVITY_SITTING;
}

static inline GPtrArray *
new_evidence (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static inline GPtrArray *
collect (const Analysis *analysis,
         EpisodeTest     test)
{
  GPtrArray *evidence = new_evidence ();

  for (guint i = 0; i < analysis->n_facts; i++)
    if (test (analysis, &analysis->facts[i]))
      g_ptr_array_add (evidence, g_object_ref (analysis->facts[i].episode));

  return evidence;
}

static inline GPtrArray *
all_episodes (const Analysis *analysis)
{
  GPtrArray *evidence = new_evidence ();

  for (guint i = 0; i < analysis->n_facts; i++)
    g_ptr_array_add (evidence, g_object_ref (analysis->facts[i].episode));

  return evidence;
}


static inline char *
join_sentences (const char *first,
                const char *second)
{
  return g_strdup_printf ("%s %s", first, second);
}

/* Adds a finding of @rule, with the rule's title unless @title is given;
 * takes @title, @explanation and @evidence. */
static inline CrampFinding *
add_finding (Analysis   *analysis,
             const Rule *rule,
             char       *title,
             char       *explanation,
             GPtrArray  *evidence)
{
  CrampFinding *finding =
    _cramp_finding_new (rule->id, rule->severity,
                        title ? title : g_strdup (g_dgettext (GETTEXT_PACKAGE, rule->title)),
                        explanation, g_dgettext (GETTEXT_PACKAGE, rule->rule), rule->sources, evidence);

  g_ptr_array_add (analysis->findings, finding);
  return finding;
}

guint    _cramp_findings_classes_of          (Analysis     *analysis,
                                               const char   *entry);
void     _cramp_findings_add_drug_names      (Analysis       *analysis,
                                               const char     *entry,
                                               CrampDrugClass  drug_class,
                                               GPtrArray      *names,
                                               GHashTable     *seen);
char    *_cramp_findings_count_sentence      (const char   *singular,
                                               const char   *plural,
                                               guint         n);

/* Rules of their own, for the table's rows. */
void     _cramp_findings_run_claudication     (Analysis     *analysis,
                                               const Rule   *rule);
void     _cramp_findings_run_neuromuscular    (Analysis     *analysis,
                                               const Rule   *rule);
void     _cramp_findings_run_vascular_risk    (Analysis     *analysis,
                                               const Rule   *rule);
void     _cramp_findings_run_known_condition  (Analysis     *analysis,
                                               const Rule   *rule);
void     _cramp_findings_run_low_fluid        (Analysis     *analysis,
                                               const Rule   *rule);
void     _cramp_findings_run_pregnancy        (Analysis     *analysis,
                                               const Rule   *rule);
void     _cramp_findings_run_frequent         (Analysis     *analysis,
                                               const Rule   *rule);
void     _cramp_findings_run_sleep_disruption (Analysis     *analysis,
                                               const Rule   *rule);
void     _cramp_findings_run_worsening        (Analysis     *analysis,
                                               const Rule   *rule);
void     _cramp_findings_run_statin_muscle    (Analysis     *analysis,
                                               const Rule   *rule);
void     _cramp_findings_run_medication       (Analysis     *analysis,
                                               const Rule   *rule);
void     _cramp_findings_run_quinine          (Analysis     *analysis,
                                               const Rule   *rule);
gboolean _cramp_findings_profile_taken_on     (CrampProfile *profile,
                                               guint         index,
                                               gint64        day);

G_END_DECLS
