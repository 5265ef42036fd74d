/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-experiment"

#include "config.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>

#include "cramp-experiment-stats.h"

/*
 * "Does it help me?", answered as a statistician would: the cramps of a
 * trial period against those of its baseline, each over its logged
 * nights, compared by the rate ratio and its exact conditional interval.
 * Given the total n of cramps in both periods, the trial's count is
 * binomial with p = RR·e_t ÷ (RR·e_t + e_b), e the logged nights; the
 * Clopper–Pearson interval of p, from GSL's beta quantiles, is turned
 * into one for RR. And how long it takes to know: the logged nights each
 * period needs for an 80 % chance of "fewer" when the remedy halves the
 * rate, from the power of the same test summed over the Poisson
 * distribution of the total.
 */

#define ALPHA 0.05
#define WANTED_POWER 0.8
/* the longest a period is worth asking for: ten years of nights */
#define MAX_NIGHTS 3650

static const char *verdicts[] = { NULL, "too-early", "fewer", "more", "unclear" };

/**
 * cramp_verdict_to_string:
 *
 * Returns: (nullable): the verdict's word in files and JSON, or %NULL
 *   for none
 */
const char *
cramp_verdict_to_string (CrampVerdict verdict)
{
  g_return_val_if_fail (verdict < G_N_ELEMENTS (verdicts), NULL);

  return verdicts[verdict];
}

/* The Clopper–Pearson 95 % interval of a binomial proportion, @x of @n. */
static void
clopper_pearson (guint   x,
                 guint   n,
                 double *low,
                 double *high)
{
  *low = x == 0 ? 0.0 : gsl_cdf_beta_Pinv (ALPHA / 2, x, n - x + 1);
  *high = x == n ? 1.0 : gsl_cdf_beta_Pinv (1 - ALPHA / 2, x + 1, n - x);
}

/* The rate ratio for which the trial's share of the cramps is @p; NAN
 * where it is infinite. */
static double
ratio_of_share (double p,
                double trial_nights,
                double baseline_nights)
{
  if (p >= 1.0)
    return NAN;
  return p / (1 - p) * baseline_nights / trial_nights;
}

/**
 * cramp_experiment_compare:
 *
 * The trial against its baseline. With no cramp in either period there
 * is no interval (verdict %CRAMP_VERDICT_NONE); with none in the trial
 * the ratio is 0, with none in the baseline it is infinite (NAN), and
 * the verdict follows what interval there is.
 */
void
cramp_experiment_compare (const CrampExperimentPeriod *baseline,
                          const CrampExperimentPeriod *trial,
                          CrampComparison             *comparison)
{
  guint n = baseline->cramps + trial->cramps;
  double p_low, p_high;

  comparison->rate_ratio = NAN;
  comparison->ci_low = NAN;
  comparison->ci_high = NAN;
  comparison->verdict = CRAMP_VERDICT_NONE;

  if (baseline->logged_nights == 0 || trial->logged_nights == 0)
    {
      comparison->verdict = CRAMP_VERDICT_TOO_EARLY;
      return;
    }

  if (baseline->cramps > 0)
    comparison->rate_ratio = ((double) trial->cramps / trial->logged_nights) /
                             ((double) baseline->cramps / baseline->logged_nights);

  if (n > 0)
    {
      clopper_pearson (trial->cramps, n, &p_low, &p_high);
      comparison->ci_low = ratio_of_share (p_low, trial->logged_nights, baseline->logged_nights);
      comparison->ci_high = ratio_of_share (p_high, trial->logged_nights, baseline->logged_nights);

      if (!isnan (comparison->ci_high) && comparison->ci_high < 1)
        comparison->verdict = CRAMP_VERDICT_FEWER;
      else if (comparison->ci_low > 1)
        comparison->verdict = CRAMP_VERDICT_MORE;
      else
        comparison->verdict = CRAMP_VERDICT_UNCLEAR;
    }

  if (baseline->logged_nights < CRAMP_EXPERIMENT_MIN_NIGHTS || trial->logged_nights < CRAMP_EXPERIMENT_MIN_NIGHTS)
    comparison->verdict = CRAMP_VERDICT_TOO_EARLY;
}

/* For equal periods and n cramps in all, the most of them in the trial
 * for which the verdict is "fewer" (the interval's top below a share of
 * 1/2), or -1: the table grows to @n. The interval's top falls as n
 * grows, so the most never falls. */
static int
most_for_fewer (GArray *most,
                guint   n)
{
  while (most->len <= n)
    {
      guint total = most->len;
      int x = total > 0 ? g_array_index (most, int, total - 1) : -1;

      while ((guint) (x + 1) < total)
        {
          double low, high;

          clopper_pearson (x + 1, total, &low, &high);
          if (high >= 0.5)
            break;
          x++;
        }
      g_array_append_val (most, x);
    }
  return g_array_index (most, int, n);
}

static double
power_with (GArray *most,
            double  rate,
            guint   nights)
{
  double mean = 1.5 * rate * nights;
  double spread = 12 * sqrt (mean) + 20;
  guint first = mean > spread ? (guint) floor (mean - spread) : 1;
  guint last = (guint) ceil (mean + spread);
  double power = 0;

  if (nights < CRAMP_EXPERIMENT_MIN_NIGHTS || mean <= 0)
    return 0;

  for (guint n = MAX (first, 1); n <= last; n++)
    {
      int x = most_for_fewer (most, n);

      if (x >= 0)
        power += gsl_ran_poisson_pdf (n, mean) * gsl_cdf_binomial_P (x, 1.0 / 3, n);
    }
  return power;
}

/**
 * cramp_experiment_power:
 * @rate: the baseline's cramps per logged night
 * @nights: the logged nights of each period
 *
 * Returns: the chance that the verdict is "fewer" when the trial's rate
 *   is half of @rate: the sum over the total n of its Poisson chance
 *   times the binomial chance (a share of 1/3) of a trial count low
 *   enough
 */
double
cramp_experiment_power (double rate,
                        guint  nights)
{
  g_autoptr(GArray) most = g_array_new (FALSE, FALSE, sizeof (int));

  g_return_val_if_fail (rate >= 0, 0);

  return power_with (most, rate, nights);
}

/**
 * cramp_experiment_nights_needed:
 * @rate: the baseline's cramps per logged night
 *
 * The power of an exact test saws up and down a little as the nights
 * grow; this is the first length that reaches 80 %.
 *
 * Returns: the fewest logged nights each period needs for an 80 %
 *   chance of "fewer" if the remedy halves @rate (at least 14); 0 when
 *   @rate is 0 or more than ten years would be needed
 */
guint
cramp_experiment_nights_needed (double rate)
{
  g_autoptr(GArray) most = g_array_new (FALSE, FALSE, sizeof (int));

  g_return_val_if_fail (rate >= 0, 0);

  if (rate <= 0)
    return 0;

  for (guint nights = CRAMP_EXPERIMENT_MIN_NIGHTS; nights <= MAX_NIGHTS; nights++)
    if (power_with (most, rate, nights) >= WANTED_POWER)
      return nights;

  return 0;
}
