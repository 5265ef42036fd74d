/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cramp-episode.h"
#include "cramp-format.h"
#include "cramp-time.h"

static const char *
month_name (int      month,
            gboolean abbreviated)
{
  static const char * const full[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"), NC_("month", "April"),
    NC_("month", "May"), NC_("month", "June"), NC_("month", "July"), NC_("month", "August"),
    NC_("month", "September"), NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  static const char * const short_names[] = {
    NC_("abbreviated month", "Jan"), NC_("abbreviated month", "Feb"), NC_("abbreviated month", "Mar"),
    NC_("abbreviated month", "Apr"), NC_("abbreviated month", "May"), NC_("abbreviated month", "Jun"),
    NC_("abbreviated month", "Jul"), NC_("abbreviated month", "Aug"), NC_("abbreviated month", "Sep"),
    NC_("abbreviated month", "Oct"), NC_("abbreviated month", "Nov"), NC_("abbreviated month", "Dec"),
  };

  g_assert (month >= 1 && month <= 12);
  return abbreviated ? g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated month", short_names[month - 1])
                     : g_dpgettext2 (GETTEXT_PACKAGE, "month", full[month - 1]);
}

static const char *
weekday_name (int      weekday,
              gboolean abbreviated)
{
  /* Monday is 1, as g_date_time_get_day_of_week() counts */
  static const char * const full[] = {
    NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"), NC_("weekday", "Thursday"),
    NC_("weekday", "Friday"), NC_("weekday", "Saturday"), NC_("weekday", "Sunday"),
  };
  static const char * const short_names[] = {
    NC_("abbreviated weekday", "Mon"), NC_("abbreviated weekday", "Tue"), NC_("abbreviated weekday", "Wed"),
    NC_("abbreviated weekday", "Thu"), NC_("abbreviated weekday", "Fri"), NC_("abbreviated weekday", "Sat"),
    NC_("abbreviated weekday", "Sun"),
  };

  g_assert (weekday >= 1 && weekday <= 7);
  return abbreviated ? g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated weekday", short_names[weekday - 1])
                     : g_dpgettext2 (GETTEXT_PACKAGE, "weekday", full[weekday - 1]);
}

/**
 * cramp_format_datetime:
 * @format: as g_date_time_format() takes it
 *
 * As g_date_time_format(), but the names of months and weekdays (%b,
 * %B, %a, %A) come in the language of the app's messages, as the rest
 * of a sentence does, not in that of LC_TIME: an English sentence never
 * carries "20 févr. 2026".
 *
 * Returns: (transfer full): @datetime as @format says
 */
char *
cramp_format_datetime (GDateTime  *datetime,
                       const char *format)
{
  g_autoptr(GString) named = g_string_new (NULL);

  g_return_val_if_fail (datetime != NULL && format != NULL, NULL);

  for (const char *p = format; *p; p++)
    {
      const char *name = NULL;

      if (p[0] == '%' && p[1] != '\0')
        {
          switch (p[1])
            {
            case 'b':
            case 'h':
              name = month_name (g_date_time_get_month (datetime), TRUE);
              break;
            case 'B':
              name = month_name (g_date_time_get_month (datetime), FALSE);
              break;
            case 'a':
              name = weekday_name (g_date_time_get_day_of_week (datetime), TRUE);
              break;
            case 'A':
              name = weekday_name (g_date_time_get_day_of_week (datetime), FALSE);
              break;
            default:
              /* any other, and "%%", go to g_date_time_format() whole */
              g_string_append_c (named, *p++);
              break;
            }
        }

      if (name == NULL)
        {
          g_string_append_c (named, *p);
          continue;
        }

      for (const char *n = name; *n; n++)
        {
          if (*n == '%')
            g_string_append_c (named, '%');
          g_string_append_c (named, *n);
        }
      p++;
    }

  return g_date_time_format (datetime, named->str);
}

char *
cramp_format_time_of_day (GDateTime *datetime)
{
  /* Translators: a time of day, in the format of g_date_time_format();
   * use %I:%M %p for a 12-hour clock */
  return cramp_format_datetime (datetime, _("%H:%M"));
}

char *
cramp_format_date (GDateTime *datetime)
{
  /* Translators: a date with the weekday, in the format of
   * g_date_time_format() */
  return cramp_format_datetime (datetime, _("%A %-d %B %Y"));
}

char *
cramp_format_date_short (GDateTime *datetime)
{
  /* Translators: a short date, in the format of g_date_time_format() */
  return cramp_format_datetime (datetime, _("%-d %b %Y"));
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
  return cramp_format_datetime (noon, _("%-d %B %Y"));
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
