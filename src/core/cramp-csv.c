/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cramp-csv-reader.h"
#include "cramp-csv.h"
#include "cramp-store-episodes.h"
#include "cramp-time.h"

G_DEFINE_QUARK (cramp-csv-error-quark, cramp_csv_error)

static void
problem (GString    *problems,
         const char *file_name,
         guint       line,
         const char *message)
{
  g_string_append_printf (problems, "%s:%u: %s\n", file_name, line, message);
}

static void
append_episode (CrampEpisode *episode,
                gpointer      user_data)
{
  g_ptr_array_add (user_data, g_object_ref (episode));
}

/**
 * cramp_csv_parse:
 *
 * Reads episodes from CSV text, all of them or none, as
 * cramp_csv_parse_each() does.
 *
 * Returns: (transfer container) (element-type CrampEpisode) (nullable):
 *   the episodes in file order, or %NULL with @error set
 */
GPtrArray *
cramp_csv_parse (const char  *data,
                 gsize        length,
                 const char  *file_name,
                 GStrv       *unknown_columns,
                 guint       *n_bad_rows,
                 GError     **error)
{
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);

  if (!cramp_csv_parse_each (data, length, file_name, unknown_columns, n_bad_rows, NULL,
                             append_episode, episodes, error))
    return NULL;

  return g_steal_pointer (&episodes);
}

/**
 * cramp_csv_parse_each:
 * @file_name: the name to use in messages
 * @unknown_columns: (out) (optional): header names that are not fields of
 *   the diary, which are ignored
 * @n_bad_rows: (out) (optional): how many rows are wrong, on error
 * @n_moved: (inout) (optional): counts the local times without an offset
 *   that the clocks skipped, which were moved forward by the gap
 * @func: (scope call): called with each good episode, in file order, until
 *   a row is found wrong
 *
 * Reads episodes from CSV text, handing each to @func as soon as it is
 * read, so that a caller can store them while the rest is read. Either
 * every row is good, or the error's message lists every problem, each on
 * its own line as `FILE:LINE: what is wrong`, and what @func was given
 * is not to be kept.
 *
 * Returns: whether every row is good
 */
gboolean
cramp_csv_parse_each (const char          *data,
                      gsize                length,
                      const char          *file_name,
                      GStrv               *unknown_columns,
                      guint               *n_bad_rows,
                      guint               *n_moved,
                      CrampCsvEpisodeFunc  func,
                      gpointer             user_data,
                      GError             **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) unknown = g_strv_builder_new ();
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean seen[CRAMP_N_FIELDS] = { FALSE };
  guint bad_rows = 0;
  guint n_columns;
  g_autoptr(CrampCsvReader) reader = NULL;
  CrampCsvStatus status;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (file_name != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  reader = cramp_csv_reader_new (data, length);

  /* the header */
  do
    status = cramp_csv_reader_next (reader, NULL);
  while (status == CRAMP_CSV_RECORD && cramp_csv_reader_is_blank (reader));

  if (status == CRAMP_CSV_END)
    {
      problem (problems, file_name, 1,
               _("the file is empty; it needs a header row naming the columns, such as started_at"));
      goto failed;
    }
  if (status != CRAMP_CSV_RECORD)
    {
      problem (problems, file_name, 1, _("the header row has a misplaced quote"));
      goto failed;
    }

  n_columns = cramp_csv_reader_get_n_fields (reader);
  for (guint i = 0; i < n_columns; i++)
    {
      GString *name = cramp_csv_reader_get_field (reader, i);
      g_autofree char *stripped = g_strstrip (g_strndup (name->str, name->len));
      CrampField field;
      int column = -1;

      if (cramp_field_from_name (stripped, &field))
        {
          if (seen[field])
            {
              g_autofree char *message =
                g_strdup_printf (_("the column “%s” appears twice"), stripped);
              problem (problems, file_name, 1, message);
              goto failed;
            }
          seen[field] = TRUE;
          column = field;
        }
      else if (g_utf8_validate (stripped, -1, NULL))
        g_strv_builder_add (unknown, stripped);
      else
        g_strv_builder_add (unknown, "?");

      g_array_append_val (columns, column);
    }

  if (!seen[CRAMP_FIELD_STARTED_AT])
    {
      problem (problems, file_name, 1,
               _("there is no started_at column; every file needs one with the date and time of each cramp"));
      goto failed;
    }

  /* the rows */
  for (;;)
    {
      guint line;
      g_autoptr(CrampEpisode) episode = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean row_ok = TRUE;

      status = cramp_csv_reader_next (reader, &line);
      if (status == CRAMP_CSV_END)
        break;

      if (status == CRAMP_CSV_UNCLOSED_QUOTE)
        {
          problem (problems, file_name, line,
                   _("a quoted field is never closed; check the quotes on this row"));
          bad_rows++;
          break;
        }

      if (status == CRAMP_CSV_STRAY_QUOTE)
        {
          problem (problems, file_name, line,
                   _("a quote is in the middle of a field; put the whole field in quotes and double the quote"));
          bad_rows++;
          continue;
        }

      if (cramp_csv_reader_is_blank (reader))
        continue;

      if (cramp_csv_reader_get_n_fields (reader) != n_columns)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "the row has %u field, but the header names %u columns",
                                          "the row has %u fields, but the header names %u columns",
                                          cramp_csv_reader_get_n_fields (reader)),
                             cramp_csv_reader_get_n_fields (reader), n_columns);
          problem (problems, file_name, line, message);
          bad_rows++;
          continue;
        }

      episode = cramp_episode_new_empty ();
      for (guint i = 0; i < n_columns; i++)
        {
          GString *value = cramp_csv_reader_get_field (reader, i);
          int column = g_array_index (columns, int, i);

          if (column < 0)
            continue;

          if (!g_utf8_validate (value->str, value->len, NULL))
            {
              g_autofree char *message =
                g_strdup_printf (_("%s is not UTF-8 text"), cramp_field_name (column));
              problem (problems, file_name, line, message);
              row_ok = FALSE;
              continue;
            }

          /* the quote an export put before a formula */
          if (value->str[0] == '\'' && cramp_csv_runs_as_formula (value->str))
            g_string_erase (value, 0, 1);

          /* a local time the clocks skipped is moved, and said so */
          if (column == CRAMP_FIELD_STARTED_AT && n_moved != NULL && !cramp_time_has_offset (value->str))
            {
              g_autoptr(GDateTime) start = NULL;
              gboolean moved = FALSE;

              start = cramp_time_parse_full (value->str, &moved, NULL);
              *n_moved += moved;
            }

          if (!cramp_episode_set_field (episode, column, value->str, &local_error))
            {
              problem (problems, file_name, line, local_error->message);
              g_clear_error (&local_error);
              row_ok = FALSE;
            }
        }

      if (row_ok && !cramp_episode_validate (episode, &local_error))
        {
          problem (problems, file_name, line, local_error->message);
          row_ok = FALSE;
        }

      if (row_ok && cramp_episode_get_id (episode) != NULL)
        {
          const char *id = cramp_episode_get_id (episode);
          guint first = GPOINTER_TO_UINT (g_hash_table_lookup (ids, id));

          if (first != 0)
            {
              g_autofree char *message =
                g_strdup_printf (_("the id %s is also on line %u"), id, first);
              problem (problems, file_name, line, message);
              row_ok = FALSE;
            }
          else
            g_hash_table_insert (ids, g_strdup (id), GUINT_TO_POINTER (line));
        }

      if (!row_ok)
        {
          bad_rows++;
          continue;
        }

      /* past a wrong row, nothing is kept: the rest is only checked */
      if (bad_rows == 0)
        func (episode, user_data);
    }

  if (bad_rows > 0)
    goto failed;

  if (unknown_columns != NULL)
    *unknown_columns = g_strv_builder_end (unknown);

  return TRUE;

failed:
  if (n_bad_rows != NULL)
    *n_bad_rows = MAX (bad_rows, 1);

  /* drop the last newline */
  g_string_truncate (problems, problems->len - 1);
  g_set_error_literal (error, CRAMP_CSV_ERROR, CRAMP_CSV_ERROR_INVALID, problems->str);
  return FALSE;
}

void
cramp_csv_append_header (GString *out)
{
  for (guint i = 0; i < CRAMP_N_FIELDS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, cramp_field_name (i));
    }
  g_string_append (out, "\r\n");
}

void
cramp_csv_append_episode (GString      *out,
                          CrampEpisode *episode)
{
  for (guint i = 0; i < CRAMP_N_FIELDS; i++)
    {
      g_autofree char *value = cramp_episode_get_field (episode, i);

      if (i > 0)
        g_string_append_c (out, ',');
      cramp_csv_append_field (out, value);
    }
  g_string_append (out, "\r\n");
}

static gboolean
append_cb (CrampEpisode  *episode,
           gpointer       user_data,
           GError       **error)
{
  gpointer *data = user_data;

  cramp_csv_append_episode (data[0], episode);
  (*(guint *) data[1])++;
  return TRUE;
}

/**
 * cramp_csv_export:
 * @n_episodes: (out) (optional): how many episodes were written
 *
 * Writes the whole diary as CSV, oldest first, in the column order of the
 * format, so that exporting what was imported from an export gives the
 * same bytes.
 *
 * Returns: (transfer full): the CSV text
 */
GString *
cramp_csv_export (CrampStore  *store,
                  guint       *n_episodes,
                  GError     **error)
{
  g_autoptr(GString) out = g_string_sized_new (4096);
  guint count = 0;
  gpointer data[2] = { out, &count };

  g_return_val_if_fail (CRAMP_IS_STORE (store), NULL);

  cramp_csv_append_header (out);
  if (!cramp_store_foreach (store, append_cb, data, error))
    return NULL;

  if (n_episodes != NULL)
    *n_episodes = count;

  return g_steal_pointer (&out);
}
