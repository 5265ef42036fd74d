/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* CSV text as RFC 4180 has it, for every file form of the diary: the
 * episodes' (cramp-csv.h) and those to come. A reader hands out one
 * record at a time, its fields reused from record to record. */
typedef struct _CrampCsvReader CrampCsvReader;

typedef enum
{
  CRAMP_CSV_RECORD,          /* a record was read */
  CRAMP_CSV_END,             /* there is none left */
  CRAMP_CSV_STRAY_QUOTE,     /* a quote inside an unquoted field, or after a quoted one */
  CRAMP_CSV_UNCLOSED_QUOTE,  /* a quoted field the file ends in */
} CrampCsvStatus;

CrampCsvReader *cramp_csv_reader_new        (const char     *data,
                                             gsize           length);
void            cramp_csv_reader_free       (CrampCsvReader *reader);
CrampCsvStatus  cramp_csv_reader_next       (CrampCsvReader *reader,
                                             guint          *line);
guint           cramp_csv_reader_get_n_fields (CrampCsvReader *reader);
GString        *cramp_csv_reader_get_field  (CrampCsvReader *reader,
                                             guint           index);
gboolean        cramp_csv_reader_is_blank   (CrampCsvReader *reader);

gboolean        cramp_csv_parse_yes_no      (const char     *text,
                                             gboolean       *value);
gboolean        cramp_csv_runs_as_formula   (const char     *text);
void            cramp_csv_append_field      (GString        *out,
                                             const char     *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrampCsvReader, cramp_csv_reader_free)

G_END_DECLS
