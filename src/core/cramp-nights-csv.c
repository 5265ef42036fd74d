/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cramp-csv-reader.h"
#include "cramp-csv.h"
#include "cramp-episode.h"
#include "cramp-nights-csv.h"
#include "cramp-time.h"

/*
 * What the user said of each night, as CSV (`--export-nights`,
 * `--import-nights`): a header "night,quiet,sleep_disturbance,
 * recorded_at", then a row a night. A night is its date, the evening it
 * began. Read all or nothing: every problem is said, `FILE:LINE: what`,
 * and nothing is written while one remains.
 */

enum { COLUMN_NIGHT, COLUMN_QUIET, COLUMN_SLEEP_DISTURBANCE, COLUMN_RECORDED_AT, N_COLUMNS };

static const char * const column_names[N_COLUMNS] = {
  "night", "quiet", "sleep_disturbance", "recorded_at",
};

static void
problem (GString    *problems,
         const char *file_name,
         guint       line,
         const char *message)
{
  g_string_append_printf (problems, "%s:%u: %s\n", file_name, line, message);
}

/* One row into @night; what is wrong goes to @problems. */
static gboolean
parse_row (CrampCsvReader *reader,
           const int      *columns,
           const char     *file_name,
           guint           line,
           GString        *problems,
           CrampNight     *night)
{
  const char *values[N_COLUMNS] = { NULL };
  gboolean ok = TRUE;

  for (guint i = 0; i < cramp_csv_reader_get_n_fields (reader); i++)
    if (columns[i] >= 0)
      values[columns[i]] = g_strstrip (cramp_csv_reader_get_field (reader, i)->str);

  night->sleep_disturbance = CRAMP_UNSET;
  night->recorded_at = cramp_time_now_unix ();

  if (!g_utf8_validate (values[COLUMN_NIGHT], -1, NULL) ||
      !cramp_time_night_from_text (values[COLUMN_NIGHT], &night->night, NULL))
    {
      /* Translators: do not translate "night" and YYYY-MM-DD */
      problem (problems, file_name, line, _("night is not a date written YYYY-MM-DD"));
      ok = FALSE;
    }

  if (values[COLUMN_QUIET] == NULL || values[COLUMN_QUIET][0] == '\0')
    night->quiet = FALSE;
  else if (!cramp_csv_parse_yes_no (values[COLUMN_QUIET], &night->quiet))
    {
      /* Translators: do not translate "quiet", "true" and "false" */
      problem (problems, file_name, line, _("quiet is not true or false"));
      ok = FALSE;
    }

  if (values[COLUMN_SLEEP_DISTURBANCE] != NULL && values[COLUMN_SLEEP_DISTURBANCE][0] != '\0')
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (values[COLUMN_SLEEP_DISTURBANCE], 10, 0, 10, &value, NULL))
        {
          /* Translators: do not translate "sleep_disturbance" */
          problem (problems, file_name, line, _("sleep_disturbance is not a whole number from 0 to 10"));
          ok = FALSE;
        }
      else
        night->sleep_disturbance = (int) value;
    }

  if (values[COLUMN_RECORDED_AT] != NULL && values[COLUMN_RECORDED_AT][0] != '\0')
    {
      g_autoptr(GDateTime) at = NULL;

      if (!g_utf8_validate (values[COLUMN_RECORDED_AT], -1, NULL) ||
          !cramp_time_has_offset (values[COLUMN_RECORDED_AT]) ||
          !(at = cramp_time_parse (values[COLUMN_RECORDED_AT], NULL)))
        {
          /* Translators: do not translate "recorded_at" */
          problem (problems, file_name, line,
                   _("recorded_at is not a date and time with its offset, such as 2026-03-07T08:00:00+01:00"));
          ok = FALSE;
        }
      else
        night->recorded_at = g_date_time_to_unix (at);
    }

  return ok;
}

/**
 * cramp_nights_csv_parse:
 * @file_name: the name to use in messages
 * @lines: (out) (element-type guint): the line each night was on
 * @n_bad_rows: (out) (optional): how many rows are wrong, on error
 *
 * Returns: (transfer full) (element-type CrampNight): the nights, in file
 *   order, or %NULL with @error's message listing every problem, a line
 *   each, as `FILE:LINE: what is wrong`
 */
GArray *
cramp_nights_csv_parse (const char   *data,
                        gsize         length,
                        const char   *file_name,
                        GArray      **lines,
                        guint        *n_bad_rows,
                        GError      **error)
{
  g_autoptr(CrampCsvReader) reader = cramp_csv_reader_new (data, length);
  g_autoptr(GArray) nights = g_array_new (FALSE, FALSE, sizeof (CrampNight));
  g_autoptr(GArray) where = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean present[N_COLUMNS] = { FALSE };
  CrampCsvStatus status;
  guint bad_rows = 0;
  guint line;

  g_return_val_if_fail (file_name != NULL, NULL);

  do
    status = cramp_csv_reader_next (reader, NULL);
  while (status == CRAMP_CSV_RECORD && cramp_csv_reader_is_blank (reader));

  if (status == CRAMP_CSV_END)
    {
      problem (problems, file_name, 1, _("the file is empty; it needs a header row naming the columns, such as night"));
      goto failed;
    }
  if (status != CRAMP_CSV_RECORD)
    {
      problem (problems, file_name, 1, _("the header row has a misplaced quote"));
      goto failed;
    }

  for (guint i = 0; i < cramp_csv_reader_get_n_fields (reader); i++)
    {
      const char *name = g_strstrip (cramp_csv_reader_get_field (reader, i)->str);
      int column = -1;

      for (int c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (name, column_names[c]))
          column = c;
      if (column >= 0 && present[column])
        {
          g_autofree char *message = g_strdup_printf (_("the column “%s” appears twice"), name);

          problem (problems, file_name, 1, message);
          goto failed;
        }
      if (column >= 0)
        present[column] = TRUE;
      g_array_append_val (columns, column);
    }

  if (!present[COLUMN_NIGHT])
    {
      /* Translators: do not translate "night" */
      problem (problems, file_name, 1, _("there is no night column; every file of nights needs one with each night's date"));
      goto failed;
    }

  while ((status = cramp_csv_reader_next (reader, &line)) != CRAMP_CSV_END)
    {
      CrampNight night = { 0 };

      if (status == CRAMP_CSV_UNCLOSED_QUOTE)
        {
          problem (problems, file_name, line, _("a quoted field is never closed; check the quotes on this row"));
          bad_rows++;
          break;
        }
      if (status == CRAMP_CSV_STRAY_QUOTE)
        {
          problem (problems, file_name, line, _("a quote is in the middle of a field; put the whole field in quotes and double the quote"));
          bad_rows++;
          continue;
        }
      if (cramp_csv_reader_is_blank (reader))
        continue;
      if (cramp_csv_reader_get_n_fields (reader) != columns->len)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "the row has %u field, but the header names %u columns",
                                          "the row has %u fields, but the header names %u columns",
                                          cramp_csv_reader_get_n_fields (reader)),
                             cramp_csv_reader_get_n_fields (reader), columns->len);

          problem (problems, file_name, line, message);
          bad_rows++;
          continue;
        }

      if (!parse_row (reader, (const int *) columns->data, file_name, line, problems, &night))
        {
          bad_rows++;
          continue;
        }

      g_array_append_val (nights, night);
      g_array_append_val (where, line);
      /* a night is a day number well within a pointer */
      if (!g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize) night.night + 1)))
        {
          /* Translators: do not translate "night" */
          problem (problems, file_name, line, _("this night is in the file twice"));
          bad_rows++;
        }
    }

  if (problems->len > 0)
    goto failed;

  if (lines != NULL)
    *lines = g_steal_pointer (&where);
  return g_steal_pointer (&nights);

failed:
  if (n_bad_rows != NULL)
    *n_bad_rows = MAX (bad_rows, 1);
  g_string_truncate (problems, problems->len - 1);
  g_set_error_literal (error, CRAMP_CSV_ERROR, CRAMP_CSV_ERROR_INVALID, problems->str);
  return NULL;
}

/**
 * cramp_nights_csv_export:
 * @n_nights: (out) (optional): how many nights were written
 *
 * Returns: (transfer full): every night the user said something of, as
 *   CSV, oldest first, or %NULL with @error set
 */
GString *
cramp_nights_csv_export (CrampStore  *store,
                         guint       *n_nights,
                         GError     **error)
{
  g_autoptr(GArray) nights = cramp_store_list_nights (store, 0, G_MAXINT64, error);
  GString *out;

  if (nights == NULL)
    return NULL;

  out = g_string_new ("night,quiet,sleep_disturbance,recorded_at\r\n");
  for (guint i = 0; i < nights->len; i++)
    {
      const CrampNight *night = &g_array_index (nights, CrampNight, i);
      g_autoptr(GDateTime) recorded = g_date_time_new_from_unix_utc (night->recorded_at);
      g_autofree char *recorded_text = recorded ? g_date_time_format (recorded, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
      g_autofree char *date = cramp_time_night_to_text (night->night);

      g_string_append_printf (out, "%s,%s,", date, night->quiet ? "true" : "false");
      if (night->sleep_disturbance != CRAMP_UNSET)
        g_string_append_printf (out, "%d", night->sleep_disturbance);
      g_string_append_printf (out, ",%s\r\n", recorded_text);
    }

  if (n_nights != NULL)
    *n_nights = nights->len;
  return out;
}

typedef struct
{
  GArray     *nights;
  GArray     *lines;
  const char *file_name;
  guint       added;
  guint       skipped;
} Import;

static gboolean
import_cb (CrampStore  *store,
           gpointer     user_data,
           GError     **error)
{
  Import *import = user_data;
  g_autoptr(GString) problems = g_string_new (NULL);

  for (guint i = 0; i < import->nights->len; i++)
    {
      const CrampNight *night = &g_array_index (import->nights, CrampNight, i);
      g_autoptr(GError) local_error = NULL;
      CrampNight there;

      /* a night the diary has a record of already stays as it is */
      if (cramp_store_get_night (store, night->night, &there, &local_error))
        {
          import->skipped++;
          continue;
        }
      if (local_error == NULL && cramp_store_put_night (store, night, &local_error))
        {
          import->added++;
          continue;
        }
      if (!g_error_matches (local_error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      problem (problems, import->file_name, g_array_index (import->lines, guint, i), local_error->message);
    }

  if (problems->len == 0)
    return TRUE;

  g_string_truncate (problems, problems->len - 1);
  g_set_error_literal (error, CRAMP_CSV_ERROR, CRAMP_CSV_ERROR_INVALID, problems->str);
  return FALSE;
}

/**
 * cramp_nights_csv_import:
 * @nights: (element-type CrampNight): from cramp_nights_csv_parse()
 * @lines: (element-type guint): the line of each
 * @n_added: (out) (optional): how many nights were added
 * @n_skipped: (out) (optional): how many the diary had already
 *
 * Adds @nights, all or none: a night the diary has a record of already
 * is skipped (so a file imported twice adds nothing), and a quiet one
 * with a cramp on it is refused, `FILE:LINE:` with the cramp's time.
 */
gboolean
cramp_nights_csv_import (CrampStore  *store,
                         GArray      *nights,
                         GArray      *lines,
                         const char  *file_name,
                         guint       *n_added,
                         guint       *n_skipped,
                         GError     **error)
{
  Import import = { nights, lines, file_name, 0, 0 };

  if (!cramp_store_write (store, CRAMP_STORE_CHANGE_NIGHTS, import_cb, &import, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = import.added;
  if (n_skipped != NULL)
    *n_skipped = import.skipped;
  return TRUE;
}
