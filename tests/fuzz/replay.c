/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "cramp-fuzz.h"

/*
 * The corpus of a fuzz target, run as an ordinary test: every input
 * libFuzzer kept, and every one that once found a bug, without libFuzzer
 * and with the compiler of the build.
 */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  if (argc != 2)
    {
      g_printerr ("usage: %s CORPUS-FOLDER\n", argv[0]);
      return 2;
    }

  if (!(dir = g_dir_open (argv[1], 0, &error)))
    g_error ("%s", error->message);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (argv[1], name, NULL);
      g_autofree char *data = NULL;
      gsize length;

      if (!g_file_get_contents (path, &data, &length, &error))
        g_error ("%s", error->message);
      LLVMFuzzerTestOneInput ((const guint8 *) data, length);
      n++;
    }

  g_print ("%u inputs of %s replayed\n", n, argv[1]);
  return n > 0 ? 0 : 1;
}
