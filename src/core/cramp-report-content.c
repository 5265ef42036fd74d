/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cramp-chart.h"
#include "cramp-format.h"
#include "cramp-report-private.h"
#include "cramp-stats-text.h"
#include "cramp-time.h"

/*
 * What the report says, in this order: who and when, and page 1 for the
 * doctor (cramp-report-summary.c); then a summary; the warning signs,
 * most urgent first, each with its rule, cramps and sources; the answers
 * to the questions a doctor asks (document 001); the charts; cramps
 * before and after a medication; bedtime stretching; and every cramp of
 * the period in a table. Each part but the first two can be left out.
 */

/* Notes in the table are cut to this many characters. */
#define NOTE_CHARS 140

/* in points, as wide as the page's content */
#define CHART_HEIGHT 150

static void
add_header (CrampReport *self)
{
  CrampAnalysis *analysis = self->analysis;
  const char *patient = cramp_profile_get_patient_name (analysis->profile);
  g_autofree char *period = cramp_analysis_describe_period (analysis);
  g_autofree char *made = cramp_format_date (self->made_at);
  g_autofree char *made_line = NULL;

  cramp_compositor_add_text (self->pages, CRAMP_TEXT_TITLE, _("Leg Cramps: Report for the Doctor"));
  cramp_compositor_add_space (self->pages, 8);
  if (patient != NULL)
    cramp_compositor_add_pair (self->pages, _("Patient"), patient);
  if (cramp_profile_get_birth_year (analysis->profile) != 0)
    {
      guint born = cramp_profile_get_birth_year (analysis->profile);
      /* in the year the period ends, as the warning signs count it */
      int age = g_date_time_get_year (analysis->until) - (int) born;
      /* Translators: an age in years, then the year of birth */
      g_autofree char *text = g_strdup_printf (_("%d (born %u)"), age, born);

      cramp_compositor_add_pair (self->pages, _("Age"), text);
    }
  cramp_compositor_add_pair (self->pages, _("Period"), period);
  /* Translators: %s is a date */
  made_line = g_strdup_printf (_("%s, with Cramp Diary %s"), made, PACKAGE_VERSION);
  cramp_compositor_add_pair (self->pages, _("Made on"), made_line);
}

/* "Calf (45), Foot (16), Back of thigh (6)": the most frequent first */
static char *
counts_text (CrampVocab   vocab,
             const guint *counts,
             guint        first)
{
  char *text = cramp_stats_describe_counts (vocab, counts, first, G_MAXUINT);

  return text != NULL ? text : g_strdup (_("Not recorded"));
}

static void
add_summary (CrampReport *self)
{
  CrampStats *stats = self->analysis->stats;
  g_autofree char *count = g_strdup_printf ("%u", stats->n_episodes);
  g_autofree char *rate = g_strdup_printf (_("%.1f a week"), stats->per_week);
  g_autofree char *nights = g_strdup_printf ("%u", stats->n_nights_woken);
  g_autofree char *first = NULL;
  g_autofree char *length = NULL;
  g_autofree char *pain = NULL;
  g_autofree char *muscles = counts_text (CRAMP_VOCAB_MUSCLE, stats->muscles, 1);
  g_autofree char *sides = counts_text (CRAMP_VOCAB_SIDE, stats->sides, 1);

  cramp_compositor_add_text (self->pages, CRAMP_TEXT_HEADING, _("Summary"));

  if (stats->n_episodes == 0)
    {
      cramp_compositor_add_text (self->pages, CRAMP_TEXT_BODY, _("No cramp was logged in this period."));
      return;
    }

  first = stats->first_ever ? cramp_format_date (stats->first_ever) : g_strdup (_("Not known"));
  if (stats->n_duration > 0)
    {
      g_autofree char *typical = cramp_format_duration (stats->median_duration);
      g_autofree char *longest = cramp_format_duration (stats->max_duration);
      /* Translators: typical and longest duration */
      length = g_strdup_printf (_("%s (the longest %s)"), typical, longest);
    }
  else
    length = g_strdup (_("Not recorded"));
  pain = stats->n_intensity > 0 ? g_strdup_printf (_("%.1f out of 10"), stats->median_intensity)
                                : g_strdup (_("Not recorded"));

  cramp_compositor_add_pair (self->pages, _("Cramps in the period"), count);
  cramp_compositor_add_pair (self->pages, _("How often"), rate);
  cramp_compositor_add_pair (self->pages, _("Nights woken by a cramp"), nights);
  cramp_compositor_add_pair (self->pages, _("First cramp in the diary"), first);
  cramp_compositor_add_pair (self->pages, _("Typical length"), length);
  cramp_compositor_add_pair (self->pages, _("Typical pain"), pain);
  cramp_compositor_add_pair (self->pages, _("Muscles"), muscles);
  cramp_compositor_add_pair (self->pages, _("Sides"), sides);
}

static void
add_answers (CrampReport *self)
{
  g_autoptr(GPtrArray) answers = cramp_stats_answers (self->analysis->stats);

  cramp_compositor_add_text (self->pages, CRAMP_TEXT_HEADING, _("Answers to the Usual Questions"));
  for (guint i = 0; i < answers->len; i++)
    {
      CrampAnswer *item = g_ptr_array_index (answers, i);

      cramp_compositor_add_text (self->pages, CRAMP_TEXT_SUBHEADING, item->question);
      cramp_compositor_add_text (self->pages, CRAMP_TEXT_BODY, item->answer);
    }
}

/* The cramps that show a warning sign in a compact table, the latest
 * CRAMP_FINDING_EVIDENCE_SHOWN of them, in order; the table of every
 * cramp at the end has the others. */
static void
add_evidence (CrampReport *self,
              GPtrArray   *episodes)
{
  static const double weights[] = { 1.0, 0.55, 1.0, 0.7, 2.4 };
  const char *header[] = { _("Date"), _("Time"), _("Muscle"), _("Side"), _("Other symptoms") };
  guint first = episodes->len > CRAMP_FINDING_EVIDENCE_SHOWN ? episodes->len - CRAMP_FINDING_EVIDENCE_SHOWN : 0;

  if (first > 0)
    {
      g_autofree char *more = cramp_finding_describe_shown (CRAMP_FINDING_EVIDENCE_SHOWN, first);

      cramp_compositor_add_text (self->pages, CRAMP_TEXT_SMALL, more);
    }

  cramp_compositor_begin_table (self->pages, G_N_ELEMENTS (weights), weights, header);
  for (guint e = first; e < episodes->len; e++)
    {
      CrampEpisode *episode = g_ptr_array_index (episodes, e);
      GDateTime *start = cramp_episode_get_started_at (episode);
      g_autofree char *day = cramp_format_date_short (start);
      g_autofree char *time = cramp_format_time_of_day (start);
      g_autofree char *symptoms = cramp_vocab_set_to_labels (CRAMP_VOCAB_SYMPTOM, cramp_episode_get_symptoms (episode));
      CrampMuscle muscle = cramp_episode_get_muscle (episode);
      CrampSide side = cramp_episode_get_side (episode);
      const char *row[] = {
        day, time,
        muscle ? cramp_vocab_label (CRAMP_VOCAB_MUSCLE, muscle) : "",
        side ? cramp_vocab_label (CRAMP_VOCAB_SIDE, side) : "",
        symptoms,
      };

      cramp_compositor_add_row (self->pages, row);
    }
}

/* Each warning sign as the doctor reads it: the rule that found it, what
 * the app advised the patient, the spans it counted, its cramps and its
 * sources. The patient's own text stays on the screen. */
static void
add_findings (CrampReport *self)
{
  GPtrArray *findings = self->analysis->findings;

  cramp_compositor_add_text (self->pages, CRAMP_TEXT_HEADING, _("Warning Signs in Detail"));
  cramp_compositor_add_text (self->pages, CRAMP_TEXT_SMALL, cramp_findings_disclaimer_for_doctor ());

  if (findings->len == 0)
    {
      cramp_compositor_add_text (self->pages, CRAMP_TEXT_BODY, _("No pattern in this period matches a warning sign."));
      return;
    }

  for (guint i = 0; i < findings->len; i++)
    {
      CrampFinding *finding = g_ptr_array_index (findings, i);
      GPtrArray *evidence = cramp_finding_get_evidence (finding);
      const char * const *sources = cramp_finding_get_sources (finding);
      g_autofree char *advised = NULL;
      g_autofree char *rule = NULL;
      g_autoptr(GString) cited = g_string_new (_("Sources: "));

      cramp_compositor_add_text (self->pages, CRAMP_TEXT_SUBHEADING, cramp_finding_get_title (finding));
      rule = g_strdup_printf (_("Shown for: %s"), cramp_finding_get_rule (finding));
      cramp_compositor_add_text (self->pages, CRAMP_TEXT_BODY, rule);
      /* Translators: what the app advised, then how many cramps show the sign */
      advised = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s. %u cramp shows it.", "%s. %u cramps show it.",
                                              evidence->len),
                                 cramp_severity_get_label_for_doctor (cramp_finding_get_severity (finding)),
                                 evidence->len);
      cramp_compositor_add_text (self->pages, CRAMP_TEXT_BODY, advised);

      /* the spans a rule counted, such as "15 Oct to 1 Nov: cramps on 18 nights" */
      for (guint g = 0; g < cramp_finding_get_n_groups (finding); g++)
        cramp_compositor_add_text (self->pages, CRAMP_TEXT_SMALL, cramp_finding_get_group_label (finding, g));
      if (evidence->len > 0)
        add_evidence (self, evidence);

      for (guint s = 0; sources[s] != NULL; s++)
        {
          if (s > 0)
            g_string_append_c (cited, ' ');
          g_string_append (cited, sources[s]);
        }
      cramp_compositor_add_text (self->pages, CRAMP_TEXT_SMALL, cited->str);
    }
}

static void
draw_weekly (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  stats)
{
  CrampChartStyle style;

  cramp_chart_style_init_print (&style);
  cramp_chart_draw_weekly (cr, width, height, stats, &style);
}

static void
draw_hours (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  stats)
{
  CrampChartStyle style;

  cramp_chart_style_init_print (&style);
  cramp_chart_draw_hours (cr, width, height, stats, &style);
}

static void
add_charts (CrampReport *self)
{
  g_autofree char *weeks = cramp_stats_describe_weeks (self->analysis->stats);
  g_autofree char *hours = cramp_stats_describe_hours (self->analysis->stats);

  cramp_compositor_add_text (self->pages, CRAMP_TEXT_HEADING, _("Charts"));
  cramp_compositor_add_text (self->pages, CRAMP_TEXT_SUBHEADING, _("Cramps per week"));
  cramp_compositor_add_figure (self->pages, CHART_HEIGHT, draw_weekly, self->analysis->stats);
  cramp_compositor_add_text (self->pages, CRAMP_TEXT_SMALL, weeks);
  cramp_compositor_add_text (self->pages, CRAMP_TEXT_SUBHEADING,
                          _("Time of day, on the clock where each cramp was logged (the night, 22:00 to 06:00, is shaded)"));
  cramp_compositor_add_figure (self->pages, CHART_HEIGHT, draw_hours, self->analysis->stats);
  cramp_compositor_add_text (self->pages, CRAMP_TEXT_SMALL, hours);
}

/* The first word of a medication, as its name: "Furosemide 40 mg" and
 * "furosemide" name one medicine. */
static char *
medicine_name (const char *medication)
{
  g_autofree char *folded = g_utf8_casefold (medication, -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t", 2);

  return g_strdup (words[0] != NULL ? words[0] : "");
}

/**
 * _cramp_report_other_medications:
 *
 * Returns: (nullable): the medications named with the period's cramps
 *   that the health profile does not list, each medicine once
 */
char *
_cramp_report_other_medications (CrampReport *self)
{
  CrampProfile *profile = self->analysis->profile;
  GPtrArray *named = self->analysis->stats->medications;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < cramp_profile_get_n_medications (profile); i++)
    g_hash_table_add (seen, medicine_name (cramp_profile_get_medication_name (profile, i)));

  for (guint i = 0; i < named->len; i++)
    {
      const char *medication = g_ptr_array_index (named, i);

      if (!g_hash_table_add (seen, medicine_name (medication)))
        continue;
      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, medication);
    }

  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

/* Where the period has weeks before and after a medication was started:
 * the cramps a week on each side. The medications themselves are on
 * page 1. */
static void
add_medication_rates (CrampReport *self)
{
  CrampStats *stats = self->analysis->stats;
  gboolean any = FALSE;

  for (guint r = 0; r < stats->medication_rates->len; r++)
    {
      CrampMedicationRate *rate = g_ptr_array_index (stats->medication_rates, r);
      g_autofree char *text = NULL;

      if (rate->weeks_before < 1 || rate->weeks_after < 1)
        continue;

      if (!any)
        cramp_compositor_add_text (self->pages, CRAMP_TEXT_HEADING, _("Cramps Before and After a Medication"));
      any = TRUE;
      /* Translators: cramps a week before and after a medicine was
       * started, with the counts and weeks behind each rate */
      text = g_strdup_printf (_("%.1f cramps a week before (%u in %.0f weeks), %.1f after (%u in %.0f weeks)"),
                              rate->before / rate->weeks_before, rate->before, rate->weeks_before,
                              rate->after / rate->weeks_after, rate->after, rate->weeks_after);
      cramp_compositor_add_pair (self->pages, rate->name, text);
    }
}

static char *
short_note (const char *notes)
{
  g_autofree char *flat = NULL;

  if (notes == NULL)
    return g_strdup ("");

  flat = g_strdelimit (g_strdup (notes), "\r\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= NOTE_CHARS)
    return g_steal_pointer (&flat);

  return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (flat, NOTE_CHARS) - flat), flat);
}

#define N_COLUMNS 10

static const double column_weights[N_COLUMNS] = {
  /* when, muscle, side, length, pain, doing, relieved, symptoms, medications, notes */
  1.25, 0.85, 0.55, 0.85, 0.5, 0.85, 1.0, 1.15, 1.1, 1.5,
};

/* A medication named with at least this many cramps of the period is
 * named once, above the table, and marked in it by a letter. */
#define KEYED_MEDICATION_MIN 2

typedef struct
{
  const char *name;
  guint       count;
} Medication;

static int
compare_by_count (gconstpointer a,
                  gconstpointer b)
{
  const Medication *x = a, *y = b;

  return x->count != y->count ? (x->count < y->count ? 1 : -1) : g_strcmp0 (x->name, y->name);
}

/* The medications named most often, the most frequent first, at most
 * one a letter of the alphabet. */
static GArray *
keyed_medications (GPtrArray *episodes)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *keyed = g_array_new (FALSE, FALSE, sizeof (Medication));
  GHashTableIter iter;
  gpointer name, count;

  for (guint i = 0; i < episodes->len; i++)
    {
      const char * const *names = cramp_episode_get_medications (g_ptr_array_index (episodes, i));

      for (guint k = 0; names != NULL && names[k] != NULL; k++)
        g_hash_table_insert (counts, (gpointer) names[k],
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, names[k])) + 1));
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &name, &count))
    if (GPOINTER_TO_UINT (count) >= KEYED_MEDICATION_MIN)
      g_array_append_val (keyed, ((Medication) { name, GPOINTER_TO_UINT (count) }));
  g_array_sort (keyed, compare_by_count);
  if (keyed->len > 26)
    g_array_set_size (keyed, 26);
  return keyed;
}

/* "A, Ramipril 5 mg": the letters of keyed medications, the others by name */
static char *
medications_cell (const char * const *names,
                  GArray             *keyed)
{
  g_autoptr(GString) cell = g_string_new (NULL);

  for (guint k = 0; names != NULL && names[k] != NULL; k++)
    {
      guint key = 0;

      while (key < keyed->len && !g_str_equal (g_array_index (keyed, Medication, key).name, names[k]))
        key++;
      if (cell->len > 0)
        g_string_append (cell, _(", "));
      if (key < keyed->len)
        g_string_append_c (cell, 'A' + key);
      else
        g_string_append (cell, names[k]);
    }

  return g_string_free (g_steal_pointer (&cell), FALSE);
}

static void
add_medication_key (CrampReport *self,
                    GArray      *keyed)
{
  guint n_episodes = self->analysis->episodes->len;

  if (keyed->len == 0)
    return;

  cramp_compositor_add_text (self->pages, CRAMP_TEXT_BODY, _("Medications are marked in the table by a letter:"));
  for (guint i = 0; i < keyed->len; i++)
    {
      const Medication *medication = &g_array_index (keyed, Medication, i);
      /* Translators: a medication of the table's key: a letter, a name and
       * dose, and how many of the period's cramps name it, as
       * "A = Atorvastatin 20 mg, with 22 of 69 cramps" */
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%c = %s, with %u of %u cramp",
                                                            "%c = %s, with %u of %u cramps", n_episodes),
                                               'A' + i, medication->name, medication->count, n_episodes);

      cramp_compositor_add_text (self->pages, CRAMP_TEXT_BODY, line);
    }
  cramp_compositor_add_space (self->pages, 4);
}

static void
add_table (CrampReport *self)
{
  GPtrArray *episodes = self->analysis->episodes;
  const char *header[N_COLUMNS] = {
    _("Date and time"), _("Muscle"), _("Side"), _("Length"), _("Pain"), _("Doing"),
    _("Relieved by"), _("Other symptoms"), _("Medications"), _("Notes"),
  };
  g_autoptr(GArray) keyed = NULL;

  cramp_compositor_add_text (self->pages, CRAMP_TEXT_HEADING, _("Every Cramp in the Period"));
  if (episodes->len == 0)
    {
      cramp_compositor_add_text (self->pages, CRAMP_TEXT_BODY, _("No cramp was logged in this period."));
      return;
    }

  keyed = keyed_medications (episodes);
  add_medication_key (self, keyed);
  /* the notes are the last column */
  cramp_compositor_begin_table (self->pages, self->options.notes ? N_COLUMNS : N_COLUMNS - 1,
                                column_weights, header);

  for (guint i = 0; i < episodes->len; i++)
    {
      CrampEpisode *episode = g_ptr_array_index (episodes, i);
      GDateTime *start = cramp_episode_get_started_at (episode);
      g_autofree char *day = cramp_format_date_short (start);
      g_autofree char *time = cramp_format_time_of_day (start);
      int intensity = cramp_episode_get_intensity (episode);
      g_auto(GStrv) cells = g_new0 (char *, N_COLUMNS + 1);

      /* the day above the time, in every row alike */
      cells[0] = g_strdup_printf ("%s\n%s", day, time);
      cells[1] = g_strdup (cramp_episode_get_muscle (episode) ? cramp_vocab_label (CRAMP_VOCAB_MUSCLE, cramp_episode_get_muscle (episode)) : "");
      cells[2] = g_strdup (cramp_episode_get_side (episode) ? cramp_vocab_label (CRAMP_VOCAB_SIDE, cramp_episode_get_side (episode)) : "");
      cells[3] = cramp_episode_get_duration (episode) != CRAMP_UNSET ? cramp_format_duration (cramp_episode_get_duration (episode)) : g_strdup ("");
      cells[4] = intensity != CRAMP_UNSET ? g_strdup_printf ("%d", intensity) : g_strdup ("");
      cells[5] = g_strdup (cramp_episode_get_activity (episode) ? cramp_vocab_label (CRAMP_VOCAB_ACTIVITY, cramp_episode_get_activity (episode)) : "");
      cells[6] = cramp_vocab_set_to_labels (CRAMP_VOCAB_RELIEF, cramp_episode_get_relieved_by (episode));
      cells[7] = cramp_vocab_set_to_labels (CRAMP_VOCAB_SYMPTOM, cramp_episode_get_symptoms (episode));
      cells[8] = medications_cell (cramp_episode_get_medications (episode), keyed);
      cells[9] = self->options.notes ? short_note (cramp_episode_get_notes (episode)) : g_strdup ("");
      cramp_compositor_add_row (self->pages, (const char * const *) cells);
    }
}

static void
add_stretching (CrampReport *self)
{
  g_autoptr(GPtrArray) lines = cramp_stats_describe_stretching (&self->analysis->stretching);

  cramp_compositor_add_text (self->pages, CRAMP_TEXT_HEADING, _("Bedtime Stretching"));
  for (guint i = 0; i < lines->len; i++)
    cramp_compositor_add_text (self->pages, i == lines->len - 1 && lines->len > 1 ? CRAMP_TEXT_SMALL : CRAMP_TEXT_BODY,
                            g_ptr_array_index (lines, i));
}

/* Cramps a week across an experiment's baseline and trial. */
static void
draw_experiment (cairo_t  *cr,
                 double    width,
                 double    height,
                 gpointer  data)
{
  CrampExperimentReport *report = data;
  CrampChartStyle style;

  cramp_chart_style_init_print (&style);
  cramp_chart_draw_experiment (cr, width, height, report->experiment, &report->result, &style);
}

/* Each personal experiment: what it shows so far, its two periods, how
 * long an honest answer takes, its weeks; and what it cannot show. */
static void
add_experiments (CrampReport *self)
{
  GPtrArray *experiments = self->analysis->experiments;

  cramp_compositor_add_text (self->pages, CRAMP_TEXT_HEADING, _("Personal Experiments"));
  for (guint i = 0; i < experiments->len; i++)
    {
      CrampExperimentReport *report = g_ptr_array_index (experiments, i);
      const CrampExperiment *experiment = report->experiment;
      const CrampExperimentResult *result = &report->result;
      g_autofree char *start = cramp_time_night_to_text (experiment->start);
      /* Translators: a name, its kind, its first night and its length */
      g_autofree char *title = g_strdup_printf (_("%s (%s), from the night of %s for %u nights"), experiment->name,
                                                cramp_experiment_kind_label (experiment->kind), start,
                                                experiment->days);
      g_autofree char *verdict = cramp_experiment_describe_verdict (experiment, result);
      g_autofree char *needed = cramp_experiment_describe_needed (result);
      const CrampExperimentPeriod *periods[] = { &result->baseline, &result->trial };
      const char *names[] = { _("Before"), _("During") };

      /* each experiment whole on one page, its chart too (whose caption
       * is its own), unless it alone is longer than a page */
      cramp_compositor_add_text (self->pages, CRAMP_TEXT_SUBHEADING, title);
      cramp_compositor_add_text (self->pages, CRAMP_TEXT_BODY, verdict);
      cramp_compositor_set_keep_with_next (self->pages, TRUE);
      for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
        {
          g_autofree char *first = cramp_time_night_to_text (periods[p]->first_night);
          g_autofree char *last = cramp_time_night_to_text (MAX (periods[p]->last_night, periods[p]->first_night));
          /* Translators: a period, its nights, and its figures */
          g_autofree char *line = g_strdup_printf (_("%s, the nights of %s to %s: %u cramps in %u logged nights"),
                                                   names[p], first, last, periods[p]->cramps,
                                                   periods[p]->logged_nights);

          if (!isnan (periods[p]->adherence))
            {
              /* Translators: a period's line, then how often it was done */
              g_autofree char *done = g_strdup_printf (_("%s; done on %.0f %% of its nights"), line,
                                                       periods[p]->adherence * 100);
              cramp_compositor_add_text (self->pages, CRAMP_TEXT_BODY, done);
            }
          else
            cramp_compositor_add_text (self->pages, CRAMP_TEXT_BODY, line);
          cramp_compositor_set_keep_with_next (self->pages, TRUE);
        }
      if (needed != NULL)
        {
          cramp_compositor_add_text (self->pages, CRAMP_TEXT_SMALL, needed);
          cramp_compositor_set_keep_with_next (self->pages, TRUE);
        }
      if (result->n_weeks > 0)
        {
          cramp_compositor_add_figure (self->pages, 110, draw_experiment, report);
          cramp_compositor_add_text (self->pages, CRAMP_TEXT_SMALL,
                                     _("Cramps in each week: before the change in light grey, during it in dark "
                                       "grey."));
        }
      /* its last block, not with the next experiment */
      cramp_compositor_set_keep_with_next (self->pages, FALSE);
    }
  cramp_compositor_add_text (self->pages, CRAMP_TEXT_SMALL, cramp_experiment_caveat ());
}

void
_cramp_report_add_content (CrampReport *self)
{
  g_autofree char *period = cramp_analysis_describe_period (self->analysis);
  const char *patient = cramp_profile_get_patient_name (self->analysis->profile);
  g_autofree char *footer = NULL;

  add_header (self);
  _cramp_report_add_first_page (self);
  add_summary (self);
  if (self->options.findings)
    add_findings (self);
  if (self->options.answers && self->analysis->stats->n_episodes > 0)
    add_answers (self);
  if (self->options.charts && self->analysis->stats->n_episodes > 0)
    add_charts (self);
  if (self->options.profile)
    add_medication_rates (self);
  if (self->options.stretches && self->analysis->has_stretching)
    add_stretching (self);
  if (self->options.stretches && self->analysis->experiments->len > 0)
    add_experiments (self);
  if (self->options.table)
    add_table (self);

  if (patient != NULL)
    /* Translators: the footer of each page: a name, a period, and that
     * the report is not a diagnosis */
    footer = g_strdup_printf (_("Cramp Diary report for %s, %s. A diary kept by the patient, not a diagnosis."),
                              patient, period);
  else
    /* Translators: the footer of each page: a period, and that the
     * report is not a diagnosis */
    footer = g_strdup_printf (_("Cramp Diary report, %s. A diary kept by the patient, not a diagnosis."),
                              period);
  cramp_compositor_set_footer (self->pages, footer);
}
