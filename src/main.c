/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cramp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CrampApplication) app = NULL;

  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  setlocale (LC_ALL, "");
  /* run from the build folder, the translations built there */
  if (self != NULL && !g_str_equal (self, BINDIR "/cramp-diary") && g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cramp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
