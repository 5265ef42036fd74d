/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-csv"

#include "config.h"

#include <string.h>

#include "cramp-csv-reader.h"

/*
 * RFC 4180 records, read and written: fields separated by commas, ended
 * by CRLF, LF or the end of the file; a quoted field may hold commas,
 * doubled quotes and line breaks. What the fields mean is the business
 * of each file form.
 */

struct _CrampCsvReader
{
  const char *p;
  const char *end;
  guint       line;        /* of the next byte */
  GPtrArray  *fields;      /* GString, reused from record to record */
  guint       n_fields;
};

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/**
 * cramp_csv_reader_new:
 * @data: the text, which must outlive the reader; a UTF-8 byte order
 *   mark before it is skipped
 *
 * Returns: (transfer full): a reader at the first record
 */
CrampCsvReader *
cramp_csv_reader_new (const char *data,
                      gsize       length)
{
  CrampCsvReader *reader = g_new0 (CrampCsvReader, 1);

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  reader->p = data;
  reader->end = data + length;
  reader->line = 1;
  reader->fields = g_ptr_array_new_with_free_func (string_free);
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader->p += 3;

  return reader;
}

void
cramp_csv_reader_free (CrampCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_ptr_array_unref (reader->fields);
  g_free (reader);
}

static GString *
next_field (CrampCsvReader *reader)
{
  GString *field;

  if (reader->n_fields == reader->fields->len)
    g_ptr_array_add (reader->fields, g_string_new (NULL));

  field = g_ptr_array_index (reader->fields, reader->n_fields++);
  g_string_truncate (field, 0);
  return field;
}

/* Reads one RFC 4180 record: fields separated by commas, ended by CRLF, LF
 * or the end of the file; a quoted field may hold commas, doubled quotes
 * and line breaks. */
static CrampCsvStatus
read_record (CrampCsvReader *reader)
{
  GString *field;

  reader->n_fields = 0;
  if (reader->p >= reader->end)
    return CRAMP_CSV_END;

  field = next_field (reader);

  while (reader->p < reader->end)
    {
      char c = *reader->p;

      if (c == '"' && field->len == 0)
        {
          /* a quoted field */
          reader->p++;
          for (;;)
            {
              if (reader->p >= reader->end)
                return CRAMP_CSV_UNCLOSED_QUOTE;

              c = *reader->p++;
              if (c == '"')
                {
                  if (reader->p < reader->end && *reader->p == '"')
                    {
                      g_string_append_c (field, '"');
                      reader->p++;
                      continue;
                    }
                  break;
                }
              if (c == '\n')
                reader->line++;
              g_string_append_c (field, c);
            }

          /* after the closing quote: a separator or the end of the record */
          if (reader->p < reader->end &&
              *reader->p != ',' && *reader->p != '\n' && *reader->p != '\r')
            {
              /* skip to the end of the line so the next record is read sanely */
              while (reader->p < reader->end && *reader->p != '\n')
                reader->p++;
              if (reader->p < reader->end)
                {
                  reader->p++;
                  reader->line++;
                }
              return CRAMP_CSV_STRAY_QUOTE;
            }
          continue;
        }

      reader->p++;
      switch (c)
        {
        case ',':
          field = next_field (reader);
          break;

        case '\r':
          if (reader->p < reader->end && *reader->p == '\n')
            reader->p++;
          reader->line++;
          return CRAMP_CSV_RECORD;

        case '\n':
          reader->line++;
          return CRAMP_CSV_RECORD;

        case '"':
          while (reader->p < reader->end && *reader->p != '\n')
            reader->p++;
          if (reader->p < reader->end)
            {
              reader->p++;
              reader->line++;
            }
          return CRAMP_CSV_STRAY_QUOTE;

        default:
          g_string_append_c (field, c);
          break;
        }
    }

  return CRAMP_CSV_RECORD;
}

/**
 * cramp_csv_reader_next:
 * @line: (out) (optional): the line the record begins on
 *
 * Reads the next record. After a misplaced quote, the rest of its line
 * is skipped, so that the record after it is read sanely.
 */
CrampCsvStatus
cramp_csv_reader_next (CrampCsvReader *reader,
                       guint          *line)
{
  g_return_val_if_fail (reader != NULL, CRAMP_CSV_END);

  if (line != NULL)
    *line = reader->line;
  return read_record (reader);
}

/* The fields of the record last read: the caller's to change, until
 * the next record is read. */
guint
cramp_csv_reader_get_n_fields (CrampCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->n_fields;
}

GString *
cramp_csv_reader_get_field (CrampCsvReader *reader,
                            guint           index)
{
  g_return_val_if_fail (reader != NULL && index < reader->n_fields, NULL);

  return g_ptr_array_index (reader->fields, index);
}

/* Whether the record last read is an empty line. */
gboolean
cramp_csv_reader_is_blank (CrampCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  return reader->n_fields == 1 &&
         ((GString *) g_ptr_array_index (reader->fields, 0))->len == 0;
}

/**
 * cramp_csv_parse_yes_no:
 * @value: (out): what @text says
 *
 * Reads a yes-or-no cell as every file form writes and takes it:
 * `true`/`false`, `yes`/`no` in any case, `1`/`0`.
 *
 * Returns: whether @text is one of those
 */
gboolean
cramp_csv_parse_yes_no (const char *text,
                        gboolean   *value)
{
  if (g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "yes") == 0 || strcmp (text, "1") == 0)
    *value = TRUE;
  else if (g_ascii_strcasecmp (text, "false") == 0 || g_ascii_strcasecmp (text, "no") == 0 ||
           strcmp (text, "0") == 0)
    *value = FALSE;
  else
    return FALSE;

  return TRUE;
}

/**
 * cramp_csv_runs_as_formula:
 *
 * Whether a spreadsheet would run @text, past any quotes it begins
 * with, as a formula (CSV injection: a note "=HYPERLINK(…)"). Such a
 * field is written with one more "'" before it, which a spreadsheet
 * shows as text and an import takes away again, so the round trip is
 * byte for byte.
 */
gboolean
cramp_csv_runs_as_formula (const char *text)
{
  while (*text == '\'')
    text++;

  return *text != '\0' && strchr ("=+-@\t\r", *text) != NULL;
}

/* Appends @text as one field, quoted where it needs to be, and guarded
 * where a spreadsheet would run it (cramp_csv_runs_as_formula()). */
void
cramp_csv_append_field (GString    *out,
                        const char *text)
{
  g_autofree char *guarded = NULL;

  if (cramp_csv_runs_as_formula (text))
    text = guarded = g_strconcat ("'", text, NULL);

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
