/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "cramp-experiment.h"

/*
 * The statistics of personal experiments, against figures worked out
 * here another way: the exact binomial sums written out in this file,
 * without GSL, and the Clopper–Pearson bounds found by bisection on
 * them. The values of the first case agree with R's
 * binom.test (10, 30)$conf.int = 0.1728757 0.5281200 (so that
 * poisson.test (c (10, 20), c (42, 42)) gives 0.2090 to 1.1192).
 */

/* P(X ≤ x) for X binomial (n, p), summed term by term in logs */
static double
binomial_cdf (int    x,
              int    n,
              double p)
{
  double sum = 0;

  if (x < 0)
    return 0;
  for (int k = 0; k <= x && k <= n; k++)
    sum += exp (lgamma (n + 1.0) - lgamma (k + 1.0) - lgamma (n - k + 1.0) + k * log (p) + (n - k) * log1p (-p));
  return sum;
}

/* The p at which @f (p) = @target, f falling with p, by bisection */
static double
solve_falling (double (*f) (int, int, double),
               int    x,
               int    n,
               double target)
{
  double low = 0, high = 1;

  for (int i = 0; i < 200; i++)
    {
      double middle = (low + high) / 2;

      if (f (x, n, middle) > target)
        low = middle;
      else
        high = middle;
    }
  return (low + high) / 2;
}

/* The 95 % interval of the rate ratio, worked out here */
static void
expected_interval (int     trial,
                   int     baseline,
                   double  trial_nights,
                   double  baseline_nights,
                   double *low,
                   double *high)
{
  int n = trial + baseline;
  /* the bottom: P(X ≥ trial) = 0.025, that is P(X ≤ trial − 1) = 0.975 */
  double p_low = trial == 0 ? 0 : solve_falling (binomial_cdf, trial - 1, n, 0.975);
  double p_high = trial == n ? 1 : solve_falling (binomial_cdf, trial, n, 0.025);

  *low = p_low / (1 - p_low) * baseline_nights / trial_nights;
  *high = p_high < 1 ? p_high / (1 - p_high) * baseline_nights / trial_nights : NAN;
}

static void
compare (guint            trial,
         guint            baseline,
         guint            trial_nights,
         guint            baseline_nights,
         CrampComparison *comparison)
{
  CrampExperimentPeriod before = { 0, 0, baseline_nights, baseline, baseline, NAN };
  CrampExperimentPeriod during = { 0, 0, trial_nights, trial, trial, NAN };

  cramp_experiment_compare (&before, &during, comparison);
}

static void
assert_close (double value,
              double expected)
{
  if (isnan (expected))
    g_assert_true (isnan (value));
  else
    g_assert_cmpfloat_with_epsilon (value, expected, 1e-6);
}

static void
test_intervals (void)
{
  static const struct {
    guint trial, baseline, trial_nights, baseline_nights;
    CrampVerdict verdict;
  } cases[] = {
    { 10, 20, 42, 42, CRAMP_VERDICT_UNCLEAR },
    { 5, 30, 42, 42, CRAMP_VERDICT_FEWER },
    { 30, 5, 42, 42, CRAMP_VERDICT_MORE },
    /* unequal exposure: the same counts over more trial nights */
    { 12, 20, 60, 30, CRAMP_VERDICT_FEWER },
    { 12, 20, 30, 45, CRAMP_VERDICT_UNCLEAR },
    /* no cramp in the trial: a ratio of 0, the top from (α/2)^(1/n) */
    { 0, 12, 42, 42, CRAMP_VERDICT_FEWER },
    { 0, 3, 42, 42, CRAMP_VERDICT_UNCLEAR },
    /* none in the baseline: no ratio, no top */
    { 8, 0, 42, 42, CRAMP_VERDICT_MORE },
    { 2, 0, 42, 42, CRAMP_VERDICT_UNCLEAR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CrampComparison comparison;
      double low, high;

      compare (cases[i].trial, cases[i].baseline, cases[i].trial_nights, cases[i].baseline_nights, &comparison);
      expected_interval (cases[i].trial, cases[i].baseline, cases[i].trial_nights, cases[i].baseline_nights,
                         &low, &high);
      g_test_message ("%u in %u nights against %u in %u: %.4f [%.4f, %.4f] %s", cases[i].trial,
                      cases[i].trial_nights, cases[i].baseline, cases[i].baseline_nights, comparison.rate_ratio,
                      comparison.ci_low, comparison.ci_high, cramp_verdict_to_string (comparison.verdict));
      assert_close (comparison.ci_low, low);
      assert_close (comparison.ci_high, high);
      if (cases[i].baseline > 0)
        assert_close (comparison.rate_ratio, ((double) cases[i].trial / cases[i].trial_nights) /
                                             ((double) cases[i].baseline / cases[i].baseline_nights));
      else
        g_assert_true (isnan (comparison.rate_ratio));
      g_assert_cmpint (comparison.verdict, ==, cases[i].verdict);
    }

  /* R: binom.test (10, 30), to the 7 digits it prints */
  {
    CrampComparison comparison;

    compare (10, 20, 42, 42, &comparison);
    g_assert_cmpfloat_with_epsilon (comparison.ci_low, 0.1728757 / (1 - 0.1728757), 1e-5);
    g_assert_cmpfloat_with_epsilon (comparison.ci_high, 0.5281200 / (1 - 0.5281200), 1e-5);
  }
}

static void
test_edges (void)
{
  CrampComparison comparison;

  /* no cramp at all: no interval, no verdict */
  compare (0, 0, 42, 42, &comparison);
  g_assert_cmpint (comparison.verdict, ==, CRAMP_VERDICT_NONE);
  g_assert_true (isnan (comparison.rate_ratio) && isnan (comparison.ci_low) && isnan (comparison.ci_high));

  /* 14 logged nights in each period are enough, 13 in either are not */
  compare (2, 30, 14, 14, &comparison);
  g_assert_cmpint (comparison.verdict, ==, CRAMP_VERDICT_FEWER);
  compare (2, 30, 13, 14, &comparison);
  g_assert_cmpint (comparison.verdict, ==, CRAMP_VERDICT_TOO_EARLY);
  g_assert_false (isnan (comparison.ci_high));
  compare (2, 30, 14, 13, &comparison);
  g_assert_cmpint (comparison.verdict, ==, CRAMP_VERDICT_TOO_EARLY);
  compare (0, 0, 0, 42, &comparison);
  g_assert_cmpint (comparison.verdict, ==, CRAMP_VERDICT_TOO_EARLY);

  g_assert_cmpstr (cramp_verdict_to_string (CRAMP_VERDICT_FEWER), ==, "fewer");
  g_assert_cmpstr (cramp_verdict_to_string (CRAMP_VERDICT_TOO_EARLY), ==, "too-early");
  g_assert_null (cramp_verdict_to_string (CRAMP_VERDICT_NONE));
}

/* The power, summed here: the total n of both periods is Poisson with
 * mean 1.5·rate·nights; given n, the trial's count is binomial (n, 1/3)
 * when the remedy halves the rate; "fewer" when the interval's top lies
 * below a share of 1/2, that is when P(X ≤ x) < 0.025 for X binomial
 * (n, 1/2). */
static double
expected_power (double rate,
                int    nights)
{
  /* the most for "fewer" of n never falls as n grows: kept from call
   * to call */
  static int most[4096];
  static int known = 0;
  double mean = 1.5 * rate * nights, power = 0;

  for (int n = 1; n < mean + 20 * sqrt (mean) + 40; n++)
    {
      g_assert_cmpint (n, <, G_N_ELEMENTS (most));
      for (; known <= n; known++)
        {
          most[known] = known > 0 ? most[known - 1] : -1;
          while (most[known] + 1 < known && binomial_cdf (most[known] + 1, known, 0.5) < 0.025)
            most[known]++;
        }
      power += exp (n * log (mean) - mean - lgamma (n + 1.0)) * binomial_cdf (most[n], n, 1.0 / 3);
    }
  return power;
}

static void
test_nights_needed (void)
{
  /* 2 cramps a week; 1; 4; one a night */
  static const double rates[] = { 2.0 / 7, 1.0 / 7, 4.0 / 7, 1.0 };

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      guint needed = cramp_experiment_nights_needed (rates[i]);

      g_test_message ("%.1f cramps a week: %u logged nights a period (power %.4f)", rates[i] * 7, needed,
                      expected_power (rates[i], needed));
      g_assert_cmpfloat_with_epsilon (cramp_experiment_power (rates[i], needed), expected_power (rates[i], needed),
                                      1e-9);
      g_assert_cmpfloat (expected_power (rates[i], needed), >=, 0.8);
      /* the first that reaches it */
      for (guint nights = 14; nights < needed; nights++)
        g_assert_cmpfloat (expected_power (rates[i], nights), <, 0.8);
    }

  /* with 2 cramps a week, halving them takes about half a year a period
   * to show: the normal approximation, 49 ÷ rate, gives 171.5 */
  g_assert_cmpuint (cramp_experiment_nights_needed (2.0 / 7), >=, 160);
  g_assert_cmpuint (cramp_experiment_nights_needed (2.0 / 7), <=, 190);

  /* no cramp to halve; or ten years would not be enough */
  g_assert_cmpuint (cramp_experiment_nights_needed (0), ==, 0);
  g_assert_cmpuint (cramp_experiment_nights_needed (0.001), ==, 0);
  /* however many cramps, 14 nights at least */
  g_assert_cmpuint (cramp_experiment_nights_needed (20), ==, 14);
}

/* What each verdict says: the ratio and its interval wherever they
 * exist, in the words of the period's sentences. */
static void
test_words (void)
{
  static const struct {
    guint trial, baseline;
    const char *says;
  } cases[] = {
    /* 42 nights each, the share's bounds from the binomial sums above
     * (R's binom.test gives the same): 5 of 35, 0.04806 to 0.30257, a
     * ratio of 0.0505 to 0.4338; 30 of 35, 0.69743 to 0.95194, 2.3050 to
     * 19.8070; 8 of 8 from 0.63058 (1.7070); 2 of 2 from 0.15811
     * (0.1878); 10 of 30, 0.17287 to 0.52812 (0.2090 to 1.1192); 0 of 3
     * up to 0.70760 (2.4200) */
    { 5, 30, "Fewer cramps during it: 0.17 times the rate before (95 % interval 0.05 to 0.43)." },
    { 30, 5, "More cramps during it: 6.00 times the rate before (95 % interval 2.31 to 19.81)." },
    { 8, 0, "More cramps during it: none before, 8 during (95 % interval of the ratio from 1.71 up)." },
    { 2, 0, "Unclear: none before, 2 during; the 95 % interval of the ratio, from 0.19 up, includes 1 (no change)." },
    { 10, 20, "Unclear: 0.50 times the rate before, but its 95 % interval, 0.21 to 1.12, includes 1 (no change)." },
    { 0, 3, "Unclear: 0.00 times the rate before, but its 95 % interval, 0.00 to 2.42, includes 1 (no change)." },
    { 0, 0, "No cramp in either period: nothing to compare." },
  };
  g_autoptr(CrampExperiment) experiment = cramp_experiment_new ("Magnesium", CRAMP_EXPERIMENT_SUPPLEMENT, 20500, 42);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CrampExperimentResult result = { 0 };
      g_autofree char *said = NULL;

      result.baseline = (CrampExperimentPeriod) { 20458, 20499, 42, cases[i].baseline, cases[i].baseline, NAN };
      result.trial = (CrampExperimentPeriod) { 20500, 20541, 42, cases[i].trial, cases[i].trial, NAN };
      cramp_experiment_compare (&result.baseline, &result.trial, &result.comparison);
      said = cramp_experiment_describe_verdict (experiment, &result);
      g_test_message ("%u against %u: %s", cases[i].trial, cases[i].baseline, said);
      g_assert_cmpstr (said, ==, cases[i].says);
    }

  /* what the chart shows, for a screen reader */
  {
    g_autoptr(CrampExperiment) fortnight = cramp_experiment_new ("Water", CRAMP_EXPERIMENT_FLUID, 20500, 14);
    CrampExperimentResult weeks = { .n_weeks = 4, .weeks = { 2, 4, 1, 0 } };
    g_autofree char *said = cramp_experiment_describe_weeks (fortnight, &weeks);

    g_assert_cmpstr (said, ==, "Cramps a week before it: 2, 4; during it: 1, 0.");
    g_free (said);
    weeks.n_weeks = 2;
    said = cramp_experiment_describe_weeks (fortnight, &weeks);
    g_assert_cmpstr (said, ==, "Cramps a week before it: 2, 4.");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/experiment/intervals", test_intervals);
  g_test_add_func ("/experiment/edges", test_edges);
  g_test_add_func ("/experiment/nights-needed", test_nights_needed);
  g_test_add_func ("/experiment/words", test_words);

  return g_test_run ();
}
