/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-findings"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cramp-findings-private.h"
#include "cramp-time.h"

/*
 * The rules about medicines: a medicine of the catalog taken on the day
 * of a cramp, quinine, and weakness on a statin. A medicine is taken on
 * a day when a cramp of that day lists it, or when the health profile
 * lists it with no start or a start on or before that day, and no stop
 * or a stop on or after it.
 */

static gboolean
weak_on_statin (const Analysis *analysis,
                const Fact     *fact)
{
  return (symptoms_of (fact) & CRAMP_SYMPTOM_WEAKNESS) != 0 &&
         (fact->taken & (1u << CRAMP_DRUG_CLASS_STATINS)) != 0;
}

/* Whether a profile medication was taken on @day (days since 1970). */
gboolean
_cramp_findings_profile_taken_on (CrampProfile *profile,
                                  guint         index,
                                  gint64        day)
{
  gint64 julian = day + CRAMP_TIME_EPOCH_JULIAN;
  GDate started, stopped;

  g_date_clear (&started, 1);
  g_date_clear (&stopped, 1);
  if (cramp_profile_get_medication_started (profile, index, &started) && g_date_get_julian (&started) > julian)
    return FALSE;
  if (cramp_profile_get_medication_stopped (profile, index, &stopped) && g_date_get_julian (&stopped) < julian)
    return FALSE;

  return TRUE;
}

/* The medicines of @drug_class taken on the days of the period's
 * episodes, each once, by the name and dose that matched as written
 * ("Furosemid 40 mg"), never a whole entry that names others too. */
static char *
describe_drugs (Analysis       *analysis,
                CrampDrugClass  drug_class)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint bit = 1u << drug_class;
  guint n_profile = analysis->profile ? cramp_profile_get_n_medications (analysis->profile) : 0;

  for (guint i = 0; i < analysis->n_facts; i++)
    {
      const Fact *fact = &analysis->facts[i];
      const char * const *medications = cramp_episode_get_medications (fact->episode);

      if ((fact->taken & bit) == 0)
        continue;

      for (guint m = 0; medications[m] != NULL; m++)
        _cramp_findings_add_drug_names (analysis, medications[m], drug_class, names, seen);

      for (guint m = 0; m < n_profile; m++)
        if (_cramp_findings_profile_taken_on (analysis->profile, m, fact->day))
          _cramp_findings_add_drug_names (analysis, cramp_profile_get_medication_name (analysis->profile, m),
                                          drug_class, names, seen);
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

void
_cramp_findings_run_statin_muscle (Analysis   *analysis,
                                   const Rule *rule)
{
  g_autoptr(GPtrArray) evidence = collect (analysis, weak_on_statin);
  g_autofree char *drugs = NULL;
  g_autofree char *text = NULL;

  if (evidence->len < STATIN_MUSCLE_MIN)
    return;

  drugs = describe_drugs (analysis, CRAMP_DRUG_CLASS_STATINS);
  /* Translators: %s names medicines, such as "Atorvastatin 20 mg" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u cramp with muscle weakness came on a day you took a statin (%s).",
                                       "%u cramps with muscle weakness came on days you took a statin (%s).",
                                       evidence->len),
                          evidence->len, drugs);
  add_finding (analysis, rule, NULL,
               join_sentences (text, _("Unexplained muscle pain or weakness while taking a statin is worth telling your "
                                       "doctor soon. Do not stop the medicine on your own.")),
               g_steal_pointer (&evidence));
}

void
_cramp_findings_run_medication (Analysis   *analysis,
                                const Rule *rule)
{
  for (CrampDrugClass c = 0; c < CRAMP_N_DRUG_CLASSES; c++)
    {
      g_autoptr(GPtrArray) evidence = NULL;
      g_autofree char *drugs = NULL;
      g_autofree char *text = NULL;
      g_autofree char *advice = NULL;

      if (c == CRAMP_DRUG_CLASS_QUININE)
        continue;

      evidence = taken_evidence (analysis, c);
      if (evidence->len == 0)
        continue;

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

      add_finding (analysis, rule,
                   /* Translators: %s is a class of medicines, such as "loop diuretics" */
                   g_strdup_printf (_("A medicine reported with cramps: %s"), cramp_drug_class_label (c)),
                   join_sentences (text, advice), g_steal_pointer (&evidence));
    }
}

void
_cramp_findings_run_quinine (Analysis   *analysis,
                             const Rule *rule)
{
  g_autoptr(GPtrArray) evidence = taken_evidence (analysis, CRAMP_DRUG_CLASS_QUININE);
  g_autofree char *drugs = NULL;
  g_autofree char *text = NULL;

  if (evidence->len == 0)
    return;

  drugs = describe_drugs (analysis, CRAMP_DRUG_CLASS_QUININE);
  /* Translators: %s names medicines, such as "Limptar" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u cramp came on a day you took quinine (%s).",
                                       "%u cramps came on days you took quinine (%s).",
                                       evidence->len),
                          evidence->len, drugs);
  add_finding (analysis, rule, NULL,
               join_sentences (text, _("The U.S. Food and Drug Administration advises against quinine for leg cramps, "
                                       "because of rare but serious side effects. Do not stop a prescribed medicine on "
                                       "your own; talk to your doctor about it. Get help at once if you notice unusual "
                                       "bleeding or bruising.")),
               g_steal_pointer (&evidence));
}
