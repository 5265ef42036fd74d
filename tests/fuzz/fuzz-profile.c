/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cramp-fuzz.h"
#include "cramp-profile-json.h"

/*
 * The health profile's file form (--import-profile) with any bytes: a
 * profile, or a refusal in a sentence; never a crash, however deep the
 * nesting. What is read is written back, and what is written reads back
 * the same (export, import, export is byte for byte).
 */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(CrampProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  cramp_fuzz_init ();

  profile = cramp_profile_from_json ((const char *) data, size, &error);
  g_assert_true ((profile == NULL) != (error == NULL));
  if (profile == NULL)
    {
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpstr (error->message, !=, "");
      return 0;
    }

  {
    g_autofree char *written = cramp_profile_to_json (profile);
    g_autoptr(CrampProfile) again = cramp_profile_from_json (written, strlen (written), &error);
    g_autofree char *rewritten = NULL;

    g_assert_no_error (error);
    rewritten = cramp_profile_to_json (again);
    g_assert_cmpstr (written, ==, rewritten);
  }

  return 0;
}
