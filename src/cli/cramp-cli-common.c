/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cramp-cli-private.h"
#include "cramp-file.h"

/*
 * What every command of the command line says and checks the same way:
 * a failure in one sentence, and output to the standard output or a
 * private file, never over the diary. The
 * commands (cramp-cli.c, cramp-cli-analysis.c) use this unit, and it
 * uses neither.
 */

/**
 * _cramp_cli_json_add_number:
 *
 * A member with @value rounded to 3 decimals, or null for NAN.
 */
void
_cramp_cli_json_add_number (JsonBuilder *builder,
                            const char  *name,
                            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value) || isinf (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, round (value * 1000) / 1000);
}

/**
 * _cramp_cli_print_json:
 *
 * Prints what @builder built, as UTF-8 whatever the locale: g_print()
 * would convert it to the locale's character set, and a “ to "?" under
 * LANG=C.
 */
void
_cramp_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

int
_cramp_cli_fail (const char *message)
{
  g_printerr ("%s\n", message);
  return CRAMP_EXIT_ERROR;
}

/**
 * _cramp_cli_check_output:
 *
 * Refuses to write an export, a report or a copy over the diary, its
 * -wal and -shm files, the app's other files, or anything that is not a
 * regular file (cramp_file_check_target()).
 */
int
_cramp_cli_check_output (const char *path,
                         const char *diary_path)
{
  g_autoptr(GError) error = NULL;

  if (!cramp_file_check_target (path, diary_path, &error))
    return _cramp_cli_fail (error->message);

  return CRAMP_EXIT_OK;
}

/**
 * _cramp_cli_write_output:
 * @path: a file, or "-" for the standard output
 * @stdout_failed: what to say when the standard output takes none of it
 *
 * Writes what a command made where it was told to: to the standard
 * output, or to a file only its owner can read, never over the diary.
 */
int
_cramp_cli_write_output (const char *path,
                         const char *diary_path,
                         const char *data,
                         gsize       length,
                         const char *stdout_failed)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (strcmp (path, "-") == 0)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        return _cramp_cli_fail (stdout_failed);
      return CRAMP_EXIT_OK;
    }

  if ((status = _cramp_cli_check_output (path, diary_path)) != CRAMP_EXIT_OK)
    return status;
  if (!cramp_file_write_private (path, data, length, &error))
    return _cramp_cli_fail (error->message);

  return CRAMP_EXIT_OK;
}
