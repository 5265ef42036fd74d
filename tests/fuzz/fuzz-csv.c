/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "cramp-csv.h"
#include "cramp-fuzz.h"

/*
 * CSV import with any bytes at all: every input is either a list of
 * valid episodes or a clear error, without a crash, a leak or undefined
 * behaviour.
 */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unknown = NULL;
  guint n_bad = 0;

  cramp_fuzz_init ();
  episodes = cramp_csv_parse ((const char *) data, size, "fuzz.csv", &unknown, &n_bad, &error);

  if (episodes == NULL)
    {
      /* refused: with a message that names the file */
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.csv"));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  else
    {
      g_autoptr(GString) written = g_string_new (NULL);
      g_autoptr(GString) rewritten = g_string_new (NULL);
      g_autoptr(GPtrArray) again = NULL;

      /* accepted: every episode is one the diary would take */
      g_assert_null (error);
      for (guint i = 0; i < episodes->len; i++)
        g_assert_true (cramp_episode_validate (g_ptr_array_index (episodes, i), NULL));

      /* and exporting what was imported, then importing and exporting
       * that again, gives the same bytes */
      cramp_csv_append_header (written);
      for (guint i = 0; i < episodes->len; i++)
        cramp_csv_append_episode (written, g_ptr_array_index (episodes, i));
      again = cramp_csv_parse (written->str, written->len, "again.csv", NULL, &n_bad, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (again->len, ==, episodes->len);
      cramp_csv_append_header (rewritten);
      for (guint i = 0; i < again->len; i++)
        cramp_csv_append_episode (rewritten, g_ptr_array_index (again, i));
      g_assert_cmpstr (written->str, ==, rewritten->str);
    }

  return 0;
}
