/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cramp-fuzz.h"
#include "cramp-reminder.h"
#include "cramp-time.h"

/*
 * The parsers of times and dates — of CSV rows, --since and --until, and
 * the reminder's time — with any text: a time, or a refusal.
 */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GError) error = NULL;
  int hour, minute;
  GDate date;

  cramp_fuzz_init ();

  time = cramp_time_parse (text, &error);
  g_assert_true ((time == NULL) != (error == NULL));
  if (time != NULL)
    {
      /* what is written back reads back the same */
      g_autofree char *written = cramp_time_format (time);
      g_autoptr(GDateTime) again = cramp_time_parse (written, NULL);

      g_assert_nonnull (again);
      g_assert_true (g_date_time_equal (time, again));
      g_assert_cmpint (cramp_time_utc_offset (time), ==, cramp_time_utc_offset (again));
    }
  g_clear_error (&error);

  if (cramp_time_parse_date (text, &date, &error))
    g_assert_true (g_date_valid (&date));
  else
    g_assert_nonnull (error);

  if (cramp_reminder_parse_time (text, &hour, &minute))
    g_assert_true (hour >= 0 && hour < 24 && minute >= 0 && minute < 60);

  return 0;
}
