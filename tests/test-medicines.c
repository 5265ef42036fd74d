/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cramp-analysis.h"
#include "cramp-drug-catalog.h"
#include "cramp-findings-test-utils.h"

/*
 * The medication catalog of DESIGN.md and the findings that read it:
 * which names it knows, what the findings quote of an entry, and on
 * which days a medicine counts.
 */

static void
test_drug_catalog (void)
{
  static const struct { const char *entry; CrampDrugClass drug_class; } matches[] = {
    { "Hydrochlorothiazide 25 mg", CRAMP_DRUG_CLASS_THIAZIDE },
    { "HCTZ", CRAMP_DRUG_CLASS_THIAZIDE },
    { "hctz 12.5mg in the morning", CRAMP_DRUG_CLASS_THIAZIDE },
    { "Hydrochlorothiazid 12,5", CRAMP_DRUG_CLASS_THIAZIDE },
    { "Dyazide", CRAMP_DRUG_CLASS_THIAZIDE },
    { "Dyazide", CRAMP_DRUG_CLASS_POTASSIUM_SPARING },
    { "Lasix", CRAMP_DRUG_CLASS_LOOP },
    { "Lasix40", CRAMP_DRUG_CLASS_LOOP },
    { "Furosemid 40 mg", CRAMP_DRUG_CLASS_LOOP },
    { "FUROSEMIDE 40", CRAMP_DRUG_CLASS_LOOP },
    { "Torem 10", CRAMP_DRUG_CLASS_LOOP },
    { "Spironolacton", CRAMP_DRUG_CLASS_POTASSIUM_SPARING },
    { "Aleve", CRAMP_DRUG_CLASS_NAPROXEN },
    { "Forsteo pen", CRAMP_DRUG_CLASS_TERIPARATIDE },
    { "Venofer infusion", CRAMP_DRUG_CLASS_IRON_SUCROSE },
    { "iron sucrose 200 mg", CRAMP_DRUG_CLASS_IRON_SUCROSE },
    { "Konjugierte Östrogene 0,6 mg", CRAMP_DRUG_CLASS_CONJUGATED_ESTROGENS },
    { "Optruma", CRAMP_DRUG_CLASS_RALOXIFENE },
    { "Yasmin: drospirenone + ethinyl estradiol", CRAMP_DRUG_CLASS_ORAL_CONTRACEPTIVES },
    { "Dienogest", CRAMP_DRUG_CLASS_ORAL_CONTRACEPTIVES },
    { "Atorvastatin20mg", CRAMP_DRUG_CLASS_STATINS },
    { "Sortis 40", CRAMP_DRUG_CLASS_STATINS },
    { "Symbicort Turbohaler", CRAMP_DRUG_CLASS_LONG_ACTING_BETA_AGONISTS },
    { "Relvar Ellipta", CRAMP_DRUG_CLASS_LONG_ACTING_BETA_AGONISTS },
    { "Limptar N", CRAMP_DRUG_CLASS_QUININE },
    { "Chininsulfat 200 mg", CRAMP_DRUG_CLASS_QUININE },
    { "Qualaquin", CRAMP_DRUG_CLASS_QUININE },
  };
  static const char *no_match[] = {
    "prolasix", "hctzz", "naproxenate-free", "iron", "sucrose", "vitamin D", "ibuprofen",
    "Statin", "superlipitor", "", "no Lasix", "Not furosemide", "stopped atorvastatin",
    "kein Limptar", "keine Pille Yasmin", "ohne HCTZ", "abgesetzt: Sortis", "without Symbicort",
    "Magnesium", "yasmine",
  };

  for (guint i = 0; i < G_N_ELEMENTS (matches); i++)
    if ((cramp_drug_classes_in (matches[i].entry) & (1u << matches[i].drug_class)) == 0)
      g_error ("“%s” should be one of the %s", matches[i].entry, cramp_drug_class_label (matches[i].drug_class));

  for (guint i = 0; i < G_N_ELEMENTS (no_match); i++)
    if (cramp_drug_classes_in (no_match[i]) != 0)
      g_error ("“%s” should match no medicine of the catalog", no_match[i]);

  /* Dyazide is in two classes, and nothing else is in a third */
  g_assert_cmpuint (cramp_drug_classes_in ("Dyazide"), ==,
                    (1u << CRAMP_DRUG_CLASS_THIAZIDE) | (1u << CRAMP_DRUG_CLASS_POTASSIUM_SPARING));

  /* the editor completes from the catalog's names */
  g_assert_true (g_strv_contains (cramp_drug_catalog_names (), "furosemid"));
  g_assert_true (g_strv_contains (cramp_drug_catalog_names (), "limptar"));
}

static void
test_medication (void)
{
  CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");
  CrampEpisode *same_day = ep ("2026-06-01T09:00:00+02:00");
  CrampEpisode *b = ep ("2026-06-15T03:00:00+02:00");
  CrampEpisode *c = ep ("2026-06-25T03:00:00+02:00");
  CrampEpisode **all = EVIDENCE (a, same_day, b, c);
  const char *meds_a[] = { "Lasix 40 mg", "Vitamin D", NULL };
  const char *meds_b[] = { "furosemide", "Lipitor", NULL };
  const char *meds_c[] = { "no Lasix", NULL };
  g_autoptr(GPtrArray) findings = NULL;
  CrampFinding *loop, *statin;

  cramp_episode_set_medications (a, meds_a);
  cramp_episode_set_medications (b, meds_b);
  cramp_episode_set_medications (c, meds_c);

  findings = analyze_these (all, NULL);
  /* one finding per class, naming the medicines as they were written;
   * a medicine taken on a day counts for every cramp of that day */
  g_assert_cmpuint (count_id (findings, "medication"), ==, 2);
  loop = assert_fires_with (findings, "medication", CRAMP_SEVERITY_DISCUSS, EVIDENCE (a, same_day, b));
  statin = g_ptr_array_index (findings, 1);
  g_assert_nonnull (strstr (cramp_finding_get_title (loop), "loop diuretics"));
  g_assert_nonnull (strstr (cramp_finding_get_explanation (loop), "Lasix 40 mg, furosemide"));
  g_assert_nonnull (strstr (cramp_finding_get_explanation (loop), "reported"));
  g_assert_nonnull (strstr (cramp_finding_get_title (statin), "statins"));
  g_assert_nonnull (strstr (cramp_finding_get_explanation (statin), "muscle pain or weakness"));
  g_assert_cmpuint (cramp_finding_get_evidence (statin)->len, ==, 1);
  g_assert_true (g_ptr_array_index (cramp_finding_get_evidence (statin), 0) == (gpointer) b);
  unref_all (all);
}

static void
test_profile_medication (void)
{
  g_autoptr(CrampProfile) profile = cramp_profile_new ();
  CrampEpisode *before = ep ("2026-05-31T23:59:00+02:00");
  CrampEpisode *first_day = ep ("2026-06-01T00:10:00+02:00");
  CrampEpisode *last_day = ep ("2026-06-10T23:00:00+02:00");
  CrampEpisode *after = ep ("2026-06-11T00:30:00+02:00");
  CrampEpisode **all = EVIDENCE (before, first_day, last_day, after);
  GDate started, stopped, none;
  g_autoptr(GPtrArray) findings = NULL;
  CrampFinding *finding;

  g_date_set_dmy (&started, 1, G_DATE_JUNE, 2026);
  g_date_set_dmy (&stopped, 10, G_DATE_JUNE, 2026);
  g_date_clear (&none, 1);
  g_assert_true (cramp_profile_add_medication (profile, "Torasemid 10 mg", &started, &stopped, NULL));

  /* taken from its start to its stop, both days included */
  findings = analyze_these (all, profile);
  finding = assert_fires_with (findings, "medication", CRAMP_SEVERITY_DISCUSS, EVIDENCE (first_day, last_day));
  g_assert_nonnull (strstr (cramp_finding_get_explanation (finding), "Torasemid 10 mg"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* without dates: every day */
  cramp_profile_remove_medication (profile, 0);
  g_assert_true (cramp_profile_add_medication (profile, "Limptar N", &none, &none, NULL));
  CHECK_FIRES (all, profile, "quinine", CRAMP_SEVERITY_DISCUSS, EVIDENCE (before, first_day, last_day, after));

  /* stopped before the period: nothing */
  cramp_profile_remove_medication (profile, 0);
  g_date_set_dmy (&stopped, 30, G_DATE_MAY, 2026);
  g_assert_true (cramp_profile_add_medication (profile, "Limptar N", &none, &stopped, NULL));
  CHECK_SILENT (all, profile, "quinine");
  unref_all (all);
}

static void
test_quinine_and_statin_muscle (void)
{
  CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");
  CrampEpisode *b = ep ("2026-06-02T03:00:00+02:00");
  CrampEpisode **all = EVIDENCE (a, b);
  const char *quinine[] = { "Chininsulfat", NULL };
  const char *statin[] = { "Simvastatin 40", NULL };

  CHECK_SILENT (all, NULL, "quinine");
  cramp_episode_set_medications (a, quinine);
  {
    g_autoptr(GPtrArray) findings = analyze_these (all, NULL);
    CrampFinding *finding = assert_fires_with (findings, "quinine", CRAMP_SEVERITY_DISCUSS, EVIDENCE (a));
    const char *text = cramp_finding_get_explanation (finding);

    /* quinine is its own finding, not a class of "medication" */
    assert_silent (findings, "medication");
    g_assert_nonnull (strstr (text, "Food and Drug Administration"));
    g_assert_nonnull (strstr (text, "bleeding or bruising"));
  }

  /* weakness on a statin day; weakness alone is only a symptom */
  cramp_episode_set_symptoms (b, CRAMP_SYMPTOM_WEAKNESS);
  CHECK_SILENT (all, NULL, "statin-muscle");
  cramp_episode_set_medications (b, statin);
  CHECK_FIRES (all, NULL, "statin-muscle", CRAMP_SEVERITY_SEE_DOCTOR, EVIDENCE (b));
  unref_all (all);
}


int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/findings/medication/catalog", test_drug_catalog);
  g_test_add_func ("/findings/medication", test_medication);
  g_test_add_func ("/findings/medication/profile", test_profile_medication);
  g_test_add_func ("/findings/quinine-statin", test_quinine_and_statin_muscle);

  return g_test_run ();
}
