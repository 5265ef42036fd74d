/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-findings"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cramp-format.h"

#include "cramp-findings-private.h"

/*
 * The rules that count nights in spans of days: frequent cramps, broken
 * sleep, and cramps becoming more frequent. A night runs from noon to
 * noon; a span of N days holds episodes that start at most N × 24 hours
 * apart. A finding built on spans names its busiest one, and groups its
 * evidence by span.
 */

/* Nights and spans. */

typedef struct
{
  guint first;      /* index into the episodes */
  guint last;
  guint nights;
} Span;

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

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;

  return ia < ib ? -1 : ia > ib;
}

/* The nights of the episodes from @first to @last, in any order: only
 * clocks moved between zones put a later start on an earlier night. */
static guint
count_nights (const Fact * const *facts,
              guint               first,
              guint               last)
{
  g_autoptr(GArray) nights = NULL;
  guint distinct = 0;

  nights = g_array_sized_new (FALSE, FALSE, sizeof (gint64), last - first + 1);
  for (guint i = first; i <= last; i++)
    g_array_append_val (nights, facts[i]->night);
  g_array_sort (nights, compare_gint64);
  for (guint i = 0; i < nights->len; i++)
    distinct += i == 0 || g_array_index (nights, gint64, i) != g_array_index (nights, gint64, i - 1);

  return distinct;
}

/* Marks the episodes of every span of @days whose episodes fall on at
 * least @min_nights nights, and returns the span with the most nights.
 * The span slides along the episodes, keeping count of the steps from
 * one night to another inside it, so that years of cramps are one pass,
 * not one pass a cramp. */
static Span
mark_spans (const Fact * const *facts,
            guint               n_facts,
            guint               days,
            guint               min_nights,
            gboolean           *marked)
{
  Span busiest = { 0, 0, 0 };
  guint last = 0;
  guint steps = 0;      /* in (first, last]: episodes on another night than the one before */
  guint backwards = 0;  /* of those, on an earlier night */
  guint marked_to = 0;  /* the episodes before this one are marked */

  for (guint first = 0; first < n_facts; first++)
    {
      guint nights;

      if (first > 0 && last < first)
        {
          last = first;
          steps = backwards = 0;
        }
      else if (first > 0)
        {
          steps -= facts[first]->night != facts[first - 1]->night;
          backwards -= facts[first]->night < facts[first - 1]->night;
        }
      while (last + 1 < n_facts && facts[last + 1]->start - facts[first]->start <= days * DAY_S)
        {
          last++;
          steps += facts[last]->night != facts[last - 1]->night;
          backwards += facts[last]->night < facts[last - 1]->night;
        }

      /* in order of their nights, as nearly always, the steps say how
       * many; clocks moved between zones need a count */
      nights = backwards == 0 ? steps + 1 : count_nights (facts, first, last);
      if (nights < min_nights)
        continue;

      for (guint i = MAX (first, marked_to); i <= last; i++)
        marked[i] = TRUE;
      marked_to = last + 1;
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

/* The marked episodes, oldest first. */
static GPtrArray *
marked_evidence (const Fact * const *facts,
                 guint               n_facts,
                 const gboolean     *marked)
{
  GPtrArray *evidence = new_evidence ();

  for (guint i = 0; i < n_facts; i++)
    if (marked[i])
      g_ptr_array_add (evidence, g_object_ref (facts[i]->episode));

  return evidence;
}

/* Groups the evidence of @finding: one group for each run of marked
 * episodes that follow one another within @days. */
static void
add_span_groups (CrampFinding        *finding,
                 const Fact * const  *facts,
                 guint                n_facts,
                 const gboolean      *marked,
                 guint                days)
{
  guint first = 0;

  while (first < n_facts)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *count = NULL;
      GPtrArray *group;
      guint last = first;

      if (!marked[first])
        {
          first++;
          continue;
        }

      while (last + 1 < n_facts && marked[last + 1] && facts[last + 1]->start - facts[last]->start <= days * DAY_S)
        last++;

      group = new_evidence ();
      for (guint i = first; i <= last; i++)
        g_ptr_array_add (group, g_object_ref (facts[i]->episode));

      from = format_fact_day (facts[first]);
      to = format_fact_day (facts[last]);
      count = _cramp_findings_count_sentence (NP_("cramps on %u night", "cramps on %u nights"),
                                              count_nights (facts, first, last));
      /* Translators: "3 Nov 2026 to 9 Nov 2026: cramps on 4 nights" */
      _cramp_finding_add_group (finding, g_strdup_printf (_("%s to %s: %s"), from, to, count), group);

      first = last + 1;
    }
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

void
_cramp_findings_run_frequent (Analysis   *analysis,
                              const Rule *rule)
{
  guint n = 0;
  g_autofree const Fact **facts = facts_passing (analysis, not_exercise, &n);
  g_autofree gboolean *marked = g_new0 (gboolean, n + 1);
  g_autofree char *from = NULL;
  g_autofree char *text = NULL;
  CrampFinding *finding;
  Span busiest;

  busiest = mark_spans (facts, n, FREQUENT_SPAN_DAYS, FREQUENT_MIN_NIGHTS, marked);
  if (busiest.nights == 0)
    return;

  from = format_fact_day (facts[busiest.first]);
  /* Translators: %u is a number of nights, %s a date */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "You had cramps on %u night in the week from %s.",
                                       "You had cramps on %u nights in the week from %s.",
                                       busiest.nights),
                          busiest.nights, from);
  finding = add_finding (analysis, rule, NULL,
                         join_sentences (text, _("Cramps on several nights of a week, away from sport, are worth a visit: a doctor "
                                                 "can look for a cause and suggest what may help.")),
                         marked_evidence (facts, n, marked));
  add_span_groups (finding, facts, n, marked, FREQUENT_SPAN_DAYS);
}

void
_cramp_findings_run_sleep_disruption (Analysis   *analysis,
                                      const Rule *rule)
{
  guint n = 0;
  g_autofree const Fact **facts = facts_passing (analysis, woke, &n);
  g_autofree gboolean *marked = g_new0 (gboolean, n + 1);
  g_autofree char *from = NULL;
  g_autofree char *text = NULL;
  CrampFinding *finding;
  Span week, month;

  week = mark_spans (facts, n, SLEEP_WEEK_DAYS, SLEEP_WEEK_MIN_NIGHTS, marked);
  month = mark_spans (facts, n, SLEEP_MONTH_DAYS, SLEEP_MONTH_MIN_NIGHTS, marked);
  if (week.nights == 0 && month.nights == 0)
    return;

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

  finding = add_finding (analysis, rule, NULL,
                         join_sentences (text, _("Cramps that keep breaking your sleep are worth a visit: there are things a doctor "
                                                 "can check and suggest.")),
                         marked_evidence (facts, n, marked));
  add_span_groups (finding, facts, n, marked, SLEEP_MONTH_DAYS);
}

void
_cramp_findings_run_worsening (Analysis   *analysis,
                               const Rule *rule)
{
  gint64 recent_start = analysis->end - WORSENING_RECENT_DAYS * DAY_S;
  gint64 previous_start = analysis->end - WORSENING_BASELINE_DAYS * DAY_S;
  g_autoptr(GHashTable) recent_nights = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) previous_nights = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) evidence = NULL;
  guint recent, previous;
  g_autofree char *text = NULL;

  /* a whole baseline: the period's first cramp 60 days or more before its end */
  if (analysis->n_facts == 0 || analysis->facts[0].start > previous_start)
    return;

  evidence = new_evidence ();
  for (guint i = 0; i < analysis->n_facts; i++)
    {
      Fact *fact = &analysis->facts[i];

      if (fact->start >= recent_start && fact->start < analysis->end)
        {
          g_hash_table_add (recent_nights, &fact->night);
          g_ptr_array_add (evidence, g_object_ref (fact->episode));
        }
      else if (fact->start >= previous_start && fact->start < recent_start)
        g_hash_table_add (previous_nights, &fact->night);
    }

  recent = g_hash_table_size (recent_nights);
  previous = g_hash_table_size (previous_nights);
  if (recent < WORSENING_MIN_NIGHTS || recent < WORSENING_FACTOR * previous)
    return;

  /* Translators: the nights with cramps in the last 30 days, then in the 30 days before */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Cramps came on %u night in the last 30 days, and on %u in the 30 days before.",
                                       "Cramps came on %u nights in the last 30 days, and on %u in the 30 days before.",
                                       recent),
                          recent, previous);
  add_finding (analysis, rule, NULL,
               join_sentences (text, _("Cramps that come more and more often are worth a visit.")),
               g_steal_pointer (&evidence));
}
