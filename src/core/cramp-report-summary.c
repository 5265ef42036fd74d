/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cramp-format.h"
#include "cramp-report-private.h"
#include "cramp-time.h"

/*
 * Page 1 of the report: what a doctor takes in within a minute, after
 * the summaries clinics know from headache and bladder diaries. Who and
 * when, and how much of the period was logged; the trials' outcome
 * measures, the last 4 weeks beside the 4 before them; each warning sign
 * in one line; the last 90 nights, one cell each; the medications and
 * conditions of the health profile. The details follow on later pages.
 */

/* in points */
#define STRIP_HEIGHT 44
#define STRIP_CELLS_HEIGHT 18

/* "4 Oct to 31 Oct": the evenings of the first and last night */
static char *
describe_nights (gint64 first_night,
                 gint64 last_night)
{
  g_autoptr(GDateTime) first = cramp_time_night_start (first_night, 0);
  g_autoptr(GDateTime) last = cramp_time_night_start (last_night, 0);
  /* Translators: a day and month, in the format of g_date_time_format() */
  g_autofree char *first_text = cramp_format_datetime (first, C_("nights", "%-d %b"));
  g_autofree char *last_text = cramp_format_datetime (last, C_("nights", "%-d %b"));

  /* Translators: the nights from the evening of one date to that of another */
  return g_strdup_printf (_("%s to %s"), first_text, last_text);
}

static void
add_recorded_by (CrampReport *self)
{
  const CrampOutcomes *outcomes = &self->analysis->outcomes;
  /* Translators: the line that says whose the figures are, and how much
   * of the period they cover */
  g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "Recorded by the patient; %u of %u night logged.",
                                                        "Recorded by the patient; %u of %u nights logged.",
                                                        outcomes->nights),
                                           outcomes->logged_nights, outcomes->nights);

  cramp_compositor_add_text (self->pages, CRAMP_TEXT_BODY, line);
}

/* The measures of the period, of its last 4 weeks and of the 4 before. */
static void
add_outcomes (CrampReport *self)
{
  static const double weights[] = { 2.0, 1.2, 1.2, 1.2 };
  CrampAnalysis *analysis = self->analysis;
  g_autoptr(GArray) period = cramp_outcomes_describe (&analysis->outcomes);
  g_autoptr(GArray) recent = cramp_outcomes_describe (&analysis->recent);
  g_autoptr(GArray) earlier = cramp_outcomes_describe (&analysis->earlier);
  g_autofree char *recent_nights = describe_nights (analysis->recent.first_night, analysis->recent.last_night);
  g_autofree char *earlier_nights = describe_nights (analysis->earlier.first_night, analysis->earlier.last_night);
  /* Translators: a column of the outcome measures, then its nights */
  g_autofree char *recent_header = g_strdup_printf (_("Last 4 weeks\n%s"), recent_nights);
  /* Translators: a column of the outcome measures, then its nights */
  g_autofree char *earlier_header = g_strdup_printf (_("4 weeks before\n%s"), earlier_nights);
  const char *header[] = { _("Outcome measure"), _("The period"), recent_header, earlier_header };
  const char *warning = cramp_outcomes_coverage_warning (&analysis->outcomes);

  cramp_compositor_add_text (self->pages, CRAMP_TEXT_HEADING, _("Outcome Measures"));
  cramp_compositor_add_text (self->pages, CRAMP_TEXT_SMALL,
                             _("As the trials of night cramps count them: over the nights the patient logged, "
                               "with a cramp or as quiet. A night runs from noon to noon and is named after its "
                               "evening; intensity and sleep disturbance are rated 0 to 10."));
  cramp_compositor_begin_table (self->pages, G_N_ELEMENTS (weights), weights, header);
  for (guint i = 0; i < period->len; i++)
    {
      const char *row[] = {
        g_array_index (period, CrampOutcomeLine, i).label,
        g_array_index (period, CrampOutcomeLine, i).value,
        g_array_index (recent, CrampOutcomeLine, i).value,
        g_array_index (earlier, CrampOutcomeLine, i).value,
      };

      cramp_compositor_add_row (self->pages, row);
    }
  if (warning != NULL)
    cramp_compositor_add_text (self->pages, CRAMP_TEXT_SMALL, warning);
}

/* Each warning sign in a line: what it is, what the app advised, how
 * many cramps show it. */
static void
add_signs (CrampReport *self)
{
  static const double weights[] = { 2.6, 2.2, 0.8 };
  GPtrArray *findings = self->analysis->findings;
  const char *header[] = { _("Warning sign"), _("What the app advised"), _("Cramps") };

  cramp_compositor_add_text (self->pages, CRAMP_TEXT_HEADING, _("Warning Signs"));
  if (findings->len == 0)
    {
      cramp_compositor_add_text (self->pages, CRAMP_TEXT_BODY, _("No pattern in this period matches a warning sign."));
      return;
    }

  cramp_compositor_begin_table (self->pages, G_N_ELEMENTS (weights), weights, header);
  for (guint i = 0; i < findings->len; i++)
    {
      CrampFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *count = g_strdup_printf ("%u", cramp_finding_get_evidence (finding)->len);
      const char *row[] = {
        cramp_finding_get_title (finding),
        cramp_severity_get_label_for_doctor (cramp_finding_get_severity (finding)),
        count,
      };

      cramp_compositor_add_row (self->pages, row);
    }
  cramp_compositor_add_text (self->pages, CRAMP_TEXT_SMALL,
                             _("Patterns that match warning signs, not a diagnosis: each is set out with its rule, "
                               "its cramps and its sources after this page."));
}

static void
fill_cell (cairo_t         *cr,
           CrampNightState  state,
           double           x,
           double           y,
           double           width,
           double           height)
{
  switch (state)
    {
    case CRAMP_NIGHT_CRAMP:
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
      cairo_rectangle (cr, x, y, width, height);
      cairo_fill (cr);
      break;

    case CRAMP_NIGHT_NO_CRAMP:
      cairo_set_source_rgb (cr, 0.78, 0.78, 0.78);
      cairo_rectangle (cr, x, y, width, height);
      cairo_fill (cr);
      break;

    case CRAMP_NIGHT_NOT_LOGGED:
    default:
      cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
      cairo_set_line_width (cr, 0.5);
      cairo_rectangle (cr, x + 0.25, y + 0.25, width - 0.5, height - 0.5);
      cairo_stroke (cr);
      break;
    }
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 7.5");

  /* points, as the compositor measures them */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Returns: the width of @text */
static double
show_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           gboolean    right_aligned)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, right_aligned ? x - width : x, y);
  pango_cairo_show_layout (cr, layout);
  return width;
}

/* The 90 nights to the period's last, one cell each, the first and last
 * named, and what the cells mean. */
static void
draw_strip (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  data)
{
  CrampAnalysis *analysis = data;
  double cell = width / CRAMP_STRIP_NIGHTS;
  gint64 last = analysis->outcomes.last_night;
  g_autoptr(GDateTime) first_evening = cramp_time_night_start (last - CRAMP_STRIP_NIGHTS + 1, 0);
  g_autoptr(GDateTime) last_evening = cramp_time_night_start (last, 0);
  g_autofree char *first_text = cramp_format_date_short (first_evening);
  g_autofree char *last_text = cramp_format_date_short (last_evening);
  const struct { CrampNightState state; const char *label; } legend[] = {
    /* Translators: what a cell of the 90 nights means */
    { CRAMP_NIGHT_CRAMP, C_("night strip", "a cramp") },
    /* Translators: what a cell of the 90 nights means */
    { CRAMP_NIGHT_NO_CRAMP, C_("night strip", "logged without a cramp") },
    /* Translators: what a cell of the 90 nights means */
    { CRAMP_NIGHT_NOT_LOGGED, C_("night strip", "not logged") },
  };
  double x, first_width;

  for (guint i = 0; i < CRAMP_STRIP_NIGHTS; i++)
    fill_cell (cr, analysis->strip[i], i * cell, 0, cell - 0.6, STRIP_CELLS_HEIGHT);

  first_width = show_text (cr, first_text, 0, STRIP_CELLS_HEIGHT + 3, FALSE);
  show_text (cr, last_text, width, STRIP_CELLS_HEIGHT + 3, TRUE);

  /* the legend, after the first date: a cell, what it means */
  x = first_width + 24;
  for (guint i = 0; i < G_N_ELEMENTS (legend); i++)
    {
      fill_cell (cr, legend[i].state, x, STRIP_CELLS_HEIGHT + 5, 7, 7);
      x += 10;
      x += show_text (cr, legend[i].label, x, STRIP_CELLS_HEIGHT + 3, FALSE) + 16;
    }
}

/* The medications and conditions of the health profile, each named once;
 * then those named only with cramps. */
static void
add_profile (CrampReport *self)
{
  CrampProfile *profile = self->analysis->profile;
  guint conditions = cramp_profile_get_conditions (profile);
  g_autofree char *condition_text = conditions ? cramp_vocab_set_to_labels (CRAMP_VOCAB_CONDITION, conditions)
                                               : g_strdup (_("None recorded"));
  g_autoptr(GString) regular = g_string_new (NULL);
  g_autofree char *others = _cramp_report_other_medications (self);

  for (guint i = 0; i < cramp_profile_get_n_medications (profile); i++)
    {
      g_autofree char *dates = cramp_profile_describe_medication_dates (profile, i);

      if (regular->len > 0)
        g_string_append (regular, "\n");
      /* Translators: a medication and when it was taken */
      g_string_append_printf (regular, _("%s (%s)"), cramp_profile_get_medication_name (profile, i), dates);
    }

  cramp_compositor_add_text (self->pages, CRAMP_TEXT_HEADING, _("Medications and Conditions"));
  cramp_compositor_add_pair (self->pages, _("Regular medications"),
                             regular->len > 0 ? regular->str : _("None recorded"));
  if (others != NULL)
    cramp_compositor_add_pair (self->pages, _("Also named with cramps"), others);
  cramp_compositor_add_pair (self->pages, _("Conditions and risk factors"), condition_text);
}

/* Page 1, and a new page after it. */
void
_cramp_report_add_first_page (CrampReport *self)
{
  cramp_compositor_add_space (self->pages, 6);
  add_recorded_by (self);
  add_outcomes (self);
  if (self->options.findings)
    add_signs (self);

  cramp_compositor_add_text (self->pages, CRAMP_TEXT_HEADING, _("The Last 90 Nights"));
  cramp_compositor_add_figure (self->pages, STRIP_HEIGHT, draw_strip, self->analysis);
  if (self->options.profile)
    add_profile (self);
  cramp_compositor_add_page_break (self->pages);
}
