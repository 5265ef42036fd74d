/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-cli"

#include "config.h"

#include "cramp-cli-private.h"
#include "cramp-file.h"

/*
 * What every command of the command line says and checks the same way:
 * a failure in one sentence, and no file written over the diary. The
 * commands (cramp-cli.c, cramp-cli-analysis.c) use this unit, and it
 * uses neither.
 */

int
_cramp_cli_fail (const char *message)
{
  g_printerr ("%s\n", message);
  return CRAMP_EXIT_ERROR;
}

/**
 * _cramp_cli_check_output:
 *
 * Refuses to write an export, a report or a copy over the diary itself
 * or its -wal and -shm files.
 */
int
_cramp_cli_check_output (const char *path,
                         const char *diary_path)
{
  g_autoptr(GError) error = NULL;

  if (!cramp_file_check_not_diary (path, diary_path, &error))
    return _cramp_cli_fail (error->message);

  return CRAMP_EXIT_OK;
}
