/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cramp-episode.h"
#include "cramp-format.h"
#include "cramp-time.h"

char *
cramp_format_time_of_day (GDateTime *datetime)
{
  /* Translators: a time of day, in the format of g_date_time_format();
   * use %I:%M %p for a 12-hour clock */
  return g_date_time_format (datetime, _("%H:%M"));
}

char *
cramp_format_date (GDateTime *datetime)
{
  /* Translators: a date with the weekday, in the format of
   * g_date_time_format() */
  return g_date_time_format (datetime, _("%A %-d %B %Y"));
}

char *
cramp_format_date_short (GDateTime *datetime)
{
  /* Translators: a short date, in the format of g_date_time_format() */
  return g_date_time_format (datetime, _("%-d %b %Y"));
}

/**
 * cramp_format_day:
 *
 * Returns: (transfer full): a calendar day, such as "2 March 2026"
 */
char *
cramp_format_day (const GDate *date)
{
  g_autoptr(GDateTime) noon = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);

  /* Translators: a day, in the format of g_date_time_format() */
  return g_date_time_format (noon, _("%-d %B %Y"));
}

/**
 * cramp_format_night:
 * @night: a night, as cramp_time_night_of() gives it
 *
 * Returns: (transfer full): "Night of Monday 2 March 2026", named after
 *   the evening it began.
 */
char *
cramp_format_night (gint64 night)
{
  g_autoptr(GDateTime) evening = cramp_time_night_start (night, 0);
  g_autofree char *date = cramp_format_date (evening);

  /* Translators: %s is a date; a night runs from noon to noon and is
   * named after the evening it began */
  return g_strdup_printf (_("Night of %s"), date);
}

/**
 * cramp_format_duration:
 *
 * Returns: (transfer full): a short duration for people, such as
 *   "2 min 30 s".
 */
char *
cramp_format_duration (int duration_s)
{
  int h = duration_s / 3600;
  int m = (duration_s % 3600) / 60;
  int s = duration_s % 60;

  if (duration_s == CRAMP_UNSET)
    return g_strdup (C_("duration", "—"));
  if (h > 0 && m > 0)
    /* Translators: a duration in hours and minutes */
    return g_strdup_printf (_("%d h %d min"), h, m);
  if (h > 0)
    /* Translators: a duration in hours */
    return g_strdup_printf (_("%d h"), h);
  if (m > 0 && s > 0)
    /* Translators: a duration in minutes and seconds */
    return g_strdup_printf (_("%d min %d s"), m, s);
  if (m > 0)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%d min"), m);
  /* Translators: a duration in seconds */
  return g_strdup_printf (_("%d s"), s);
}

/**
 * cramp_format_episode_place:
 *
 * Returns: (transfer full): where a cramp was, such as "Calf · Left"
 */
char *
cramp_format_episode_place (CrampEpisode *episode)
{
  CrampMuscle muscle = cramp_episode_get_muscle (episode);
  CrampSide side = cramp_episode_get_side (episode);

  if (muscle == CRAMP_MUSCLE_UNKNOWN && side == CRAMP_SIDE_UNKNOWN)
    return g_strdup (_("Cramp, muscle not recorded"));
  if (side == CRAMP_SIDE_UNKNOWN)
    return g_strdup (cramp_vocab_label (CRAMP_VOCAB_MUSCLE, muscle));
  if (muscle == CRAMP_MUSCLE_UNKNOWN)
    /* Translators: %s is a side, such as "Left leg" */
    return g_strdup_printf (_("Cramp, %s"), cramp_vocab_label (CRAMP_VOCAB_SIDE, side));

  /* Translators: a muscle and a side, such as "Calf · Left leg" */
  return g_strdup_printf (_("%s · %s"),
                          cramp_vocab_label (CRAMP_VOCAB_MUSCLE, muscle),
                          cramp_vocab_label (CRAMP_VOCAB_SIDE, side));
}

/**
 * cramp_format_episode_evidence:
 *
 * Returns: (transfer full): what a doctor checks of a cramp that shows a
 *   warning sign: where it was and its symptoms, such as
 *   "Calf · Left — Swelling, Redness"
 */
char *
cramp_format_episode_evidence (CrampEpisode *episode)
{
  g_autofree char *place = cramp_format_episode_place (episode);
  g_autofree char *symptoms = NULL;
  guint bits = cramp_episode_get_symptoms (episode);

  if (bits == 0)
    return g_steal_pointer (&place);

  symptoms = cramp_vocab_set_to_labels (CRAMP_VOCAB_SYMPTOM, bits);
  /* Translators: where a cramp was, then its symptoms */
  return g_strdup_printf (_("%s — %s"), place, symptoms);
}
