/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cramp-analysis.h"
#include "cramp-drug-catalog.h"
#include "cramp-findings-test-utils.h"
#include "cramp-store-episodes.h"
#include "cramp-store-profile.h"

/*
 * The medication catalog of DESIGN.md (red-flag catalog version 3) and
 * the findings that read it: which names it knows, how an entry is read
 * in comma parts with its negations before and after the drug, what the
 * findings quote of an entry, and on which days a medicine counts.
 */

#define LOOP (1u << CRAMP_DRUG_CLASS_LOOP)
#define THIAZIDE (1u << CRAMP_DRUG_CLASS_THIAZIDE)
#define STATINS (1u << CRAMP_DRUG_CLASS_STATINS)
#define LABA (1u << CRAMP_DRUG_CLASS_LONG_ACTING_BETA_AGONISTS)
#define QUININE (1u << CRAMP_DRUG_CLASS_QUININE)

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


/* Each entry and the classes it names as taken, from DESIGN.md's words:
 * a part beginning with a negation, the word just before the name, the
 * first word after it that is not a dose. */
static void
test_negations (void)
{
  static const struct { const char *entry; guint classes; } cases[] = {
    /* DESIGN.md's own examples */
    { "Torem abgesetzt", 0 },
    { "Ramipril, kein HCTZ", 0 },
    { "abgesetzt: Simvastatin 40", 0 },
    { "Not taking Lasix anymore", 0 },
    { "no Lasix", 0 },
    { "Furosemide 40 mg", LOOP },
    { "Ramipril, HCTZ", THIAZIDE },
    { "kein Ramipril, Torem 10 mg", LOOP },
    /* the word just before */
    { "Ramipril und kein HCTZ", 0 },
    { "Ramipril ohne HCTZ", 0 },
    { "Ramipril without hydrochlorothiazide", 0 },
    { "Ramipril, stopped Sortis", 0 },
    { "Bisoprolol keine Sortis", 0 },
    { "ASS, keinen Lasix", 0 },
    { "Ramipril not Lasix", 0 },
    /* ... only just before: a word between, and the drug is taken */
    { "kein Ramipril, nur Torem", LOOP },
    { "half a Lasix", LOOP },
    /* the first word after that is not a dose, with doses between */
    { "Torem 10 mg abgesetzt", 0 },
    { "Furosemid 40mg pausiert", 0 },
    { "Simvastatin 20 mg discontinued", 0 },
    { "Lasix 40 stopped", 0 },
    { "Hydrochlorothiazid 12,5 mg abgesetzt", 0 },
    { "Salmeterol 50 µg pausiert", 0 },
    { "Salmeterol 50 mcg discontinued", 0 },
    { "Chinin 200 MG ABGESETZT", 0 },
    { "Venofer 100 IE stopped", 0 },
    /* ... the first such word only */
    { "Torem morgens abgesetzt", LOOP },
    { "Torem 10 mg, abgesetzt seit Mai: Lasix", LOOP },
    /* a part that begins with a negation names nothing in it */
    { "kein Ramipril Torem", 0 },
    { "Pausiert: Lasix 40 mg", 0 },
    { "Discontinued - Torem", 0 },
    { "keine Pille Yasmin", 0 },
    /* parts are read apart: one negated, the other taken */
    { "Torem 10 mg, no Lasix", LOOP },
    { "Lasix 40 mg, Simvastatin abgesetzt", LOOP },
    { "Simvastatin, stopped Lasix", STATINS },
    { "no Lasix, Simvastatin 20 mg", STATINS },
    /* a comma between two digits is no part: "12,5" is a dose */
    { "HCT 12,5 abgesetzt", 0 },
    { "HCT 12, abgesetzt", THIAZIDE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint classes = cramp_drug_classes_in (cases[i].entry);

      if (classes != cases[i].classes)
        g_error ("“%s” names the classes %#x as taken, not %#x", cases[i].entry, classes, cases[i].classes);
    }
}

/* Three names of version 3, each a whole word of its own. */
static void
test_new_names (void)
{
  static const struct { const char *entry; guint classes; } cases[] = {
    { "HCT 12,5 mg", THIAZIDE },
    { "Ramipril comp (Ramipril/HCT)", THIAZIDE },
    { "hct", THIAZIDE },
    { "Foster 100/6", LABA },
    { "FOSTER NEXThaler", LABA },
    { "Hydrochinin", QUININE },
    { "Hydrochinin-ratiopharm 200 mg", QUININE },
    { "hcts", 0 },
    { "Fosters", 0 },
    { "hydrochininum", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint classes = cramp_drug_classes_in (cases[i].entry);

      if (classes != cases[i].classes)
        g_error ("“%s” is of the classes %#x, not %#x", cases[i].entry, classes, cases[i].classes);
    }
  g_assert_true (g_strv_contains (cramp_drug_catalog_names (), "hct"));
  g_assert_true (g_strv_contains (cramp_drug_catalog_names (), "foster"));
  g_assert_true (g_strv_contains (cramp_drug_catalog_names (), "hydrochinin"));
}

/* What an entry names: the name and the dose after it, as written. */
static void
test_matches (void)
{
  static const struct { const char *entry; const char *names[4]; } cases[] = {
    { "Torem 10, Furosemid 40mg, Simvastatin 20mg, Metformin", { "Torem 10", "Furosemid 40mg", "Simvastatin 20mg" } },
    { "Hydrochlorothiazid 12,5 mg morgens", { "Hydrochlorothiazid 12,5 mg" } },
    { "Quinine sulfate 200 mg", { "Quinine sulfate 200 mg" } },
    { "  Lasix  ", { "Lasix" } },
    { "Atorvastatin20mg", { "Atorvastatin20mg" } },
    { "Lasix 40 mg, kein Torem", { "Lasix 40 mg" } },
    { "Metformin 500", { NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) matches = cramp_drug_matches_in (cases[i].entry);
      guint n = g_strv_length ((char **) cases[i].names);

      if (matches->len != n)
        g_error ("“%s” names %u drugs, not %u", cases[i].entry, matches->len, n);
      for (guint m = 0; m < n; m++)
        g_assert_cmpstr (((CrampDrugMatch *) g_ptr_array_index (matches, m))->text, ==, cases[i].names[m]);
    }
}

/* The finding names the drugs that matched, never the whole entry. */
static void
test_medication_text (void)
{
  CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");
  CrampEpisode *b = ep ("2026-06-02T03:00:00+02:00");
  const char *meds_a[] = { "Torem 10, Furosemid 40mg, Simvastatin 20mg, Metformin", NULL };
  const char *meds_b[] = { "TOREM 10", "Lasix 40 mg, kein Torem 20", NULL };
  g_autoptr(GPtrArray) findings = NULL;
  const char *loop = NULL, *statins = NULL;

  cramp_episode_set_medications (a, meds_a);
  cramp_episode_set_medications (b, meds_b);
  findings = analyze_these (EVIDENCE (a, b), NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      CrampFinding *finding = g_ptr_array_index (findings, i);

      if (strstr (cramp_finding_get_title (finding), "loop diuretics"))
        loop = cramp_finding_get_explanation (finding);
      else if (strstr (cramp_finding_get_title (finding), "statins"))
        statins = cramp_finding_get_explanation (finding);
    }

  /* each drug once, whatever its case, by the first spelling seen */
  g_assert_nonnull (loop);
  g_assert_nonnull (strstr (loop, "took Torem 10, Furosemid 40mg, Lasix 40 mg (loop diuretics)."));
  g_assert_null (strstr (loop, "Simvastatin"));
  g_assert_null (strstr (loop, "Metformin"));
  g_assert_null (strstr (loop, "TOREM"));
  g_assert_null (strstr (loop, "Torem 20"));
  g_assert_nonnull (statins);
  g_assert_nonnull (strstr (statins, "took Simvastatin 20mg (statins)."));
  g_assert_null (strstr (statins, "Torem"));
  unref_all (EVIDENCE (a, b));
}

/* The profile's medications are read by the same rules. */
static void
test_profile_negations (void)
{
  CrampEpisode *a = ep ("2026-06-01T03:00:00+02:00");
  static const char *negated[] = { "Torem abgesetzt", "Ramipril, kein HCTZ", "abgesetzt: Simvastatin 40",
                                   "Not taking Lasix anymore", "Furosemid 40 mg pausiert" };
  GDate none;

  g_date_clear (&none, 1);
  for (guint i = 0; i < G_N_ELEMENTS (negated); i++)
    {
      g_autoptr(CrampProfile) profile = cramp_profile_new ();

      g_assert_true (cramp_profile_add_medication (profile, negated[i], &none, &none, NULL));
      CHECK_SILENT (EVIDENCE (a), profile, "medication");
    }

  {
    g_autoptr(CrampProfile) profile = cramp_profile_new ();
    g_autoptr(GPtrArray) findings = NULL;
    CrampFinding *finding;

    g_assert_true (cramp_profile_add_medication (profile, "kein Ramipril, Torem 10 mg", &none, &none, NULL));
    findings = analyze_these (EVIDENCE (a), profile);
    finding = assert_fires_with (findings, "medication", CRAMP_SEVERITY_DISCUSS, EVIDENCE (a));
    g_assert_nonnull (strstr (cramp_finding_get_explanation (finding), "took Torem 10 mg (loop diuretics)"));
    g_assert_null (strstr (cramp_finding_get_explanation (finding), "Ramipril"));
  }
  g_object_unref (a);
}

/* A medicine counts on a day only through the window's episodes and the
 * profile: a cramp after the window's end, on the same day, does not
 * make the day one it was taken. */
static void
test_window_only (void)
{
  g_autofree char *dir = cramp_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.sqlite3", NULL);
  g_autoptr(CrampStore) store = cramp_store_open (path, NULL);
  g_autoptr(GDateTime) since = cramp_time_parse ("2026-06-01T00:00:00+02:00", NULL);
  g_autoptr(GDateTime) until = cramp_time_parse ("2026-06-30T12:00:00+02:00", NULL);
  g_autoptr(CrampEpisode) inside = ep ("2026-06-30T08:00:00+02:00");
  g_autoptr(CrampEpisode) later = ep ("2026-06-30T20:00:00+02:00");
  g_autoptr(CrampEpisode) earlier = ep ("2026-05-31T23:30:00+02:00");
  g_autoptr(CrampProfile) profile = cramp_profile_new ();
  const char *lasix[] = { "Lasix 40 mg", NULL };
  GDate started, none;

  cramp_episode_set_medications (later, lasix);
  cramp_episode_set_medications (earlier, lasix);
  g_assert_true (cramp_store_add (store, inside, NULL));
  g_assert_true (cramp_store_add (store, later, NULL));
  g_assert_true (cramp_store_add (store, earlier, NULL));
  {
    g_autoptr(CrampAnalysis) analysis = cramp_analysis_new (store, since, until, NULL);

    g_assert_cmpuint (analysis->episodes->len, ==, 1);
    assert_silent (analysis->findings, "medication");
  }

  /* the profile's medicine, started that day, does */
  g_date_set_dmy (&started, 30, G_DATE_JUNE, 2026);
  g_date_clear (&none, 1);
  g_assert_true (cramp_profile_add_medication (profile, "Torem 10 mg", &started, &none, NULL));
  g_assert_true (cramp_store_set_profile (store, profile, NULL));
  {
    g_autoptr(CrampAnalysis) analysis = cramp_analysis_new (store, since, until, NULL);
    CrampFinding *finding = assert_fires_with (analysis->findings, "medication", CRAMP_SEVERITY_DISCUSS,
                                               EVIDENCE (inside));

    g_assert_nonnull (strstr (cramp_finding_get_explanation (finding), "took Torem 10 mg (loop"));
    g_assert_null (strstr (cramp_finding_get_explanation (finding), "Lasix"));
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

  g_test_add_func ("/findings/medication/catalog", test_drug_catalog);
  g_test_add_func ("/findings/medication/new-names", test_new_names);
  g_test_add_func ("/findings/medication/negations", test_negations);
  g_test_add_func ("/findings/medication/matches", test_matches);
  g_test_add_func ("/findings/medication", test_medication);
  g_test_add_func ("/findings/medication/text", test_medication_text);
  g_test_add_func ("/findings/medication/profile", test_profile_medication);
  g_test_add_func ("/findings/medication/profile-negations", test_profile_negations);
  g_test_add_func ("/findings/medication/window-only", test_window_only);
  g_test_add_func ("/findings/quinine-statin", test_quinine_and_statin_muscle);

  return g_test_run ();
}
