/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cramp-csv-reader.h"
#include "cramp-csv.h"
#include "cramp-store-episodes.h"
#include "cramp-test-utils.h"

static GPtrArray *
parse_ok (const char *csv)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *episodes = cramp_csv_parse (csv, strlen (csv), "test.csv", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (episodes);
  return episodes;
}

/* Parsing fails, and the message holds exactly the lines of @expected. */
static void
assert_problems (const char         *csv,
                 gsize               length,
                 const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_bad = 0;

  episodes = cramp_csv_parse (csv, length, "test.csv", NULL, &n_bad, &error);
  g_assert_null (episodes);
  g_assert_error (error, CRAMP_CSV_ERROR, CRAMP_CSV_ERROR_INVALID);
  g_assert_cmpuint (n_bad, >, 0);

  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; expected[i] != NULL || lines[i] != NULL; i++)
    {
      if (expected[i] == NULL || lines[i] == NULL || !g_str_has_prefix (lines[i], expected[i]))
        g_error ("line %u of the message: expected “%s”, got “%s”\nwhole message:\n%s",
                 i, expected[i], lines[i], error->message);
    }
}

static void
test_quoting (void)
{
  const char *csv =
    "started_at,notes,medications\r\n"
    "2026-03-02T03:14:00+01:00,\"commas, \"\"quotes\"\"\r\nand a line break\",Furosemide\r\n"
    "2026-03-03T03:14:00+01:00,\"عربى العربية — 中文 — 日本語 — עברית — ελληνικά — 🦵\",\r\n"
    "2026-03-04T03:14:00+01:00,plain,\"A, with comma is not a list;B\"\r\n";
  g_autoptr(GPtrArray) episodes = parse_ok (csv);
  const char * const *meds;

  g_assert_cmpuint (episodes->len, ==, 3);
  g_assert_cmpstr (cramp_episode_get_notes (g_ptr_array_index (episodes, 0)), ==,
                   "commas, \"quotes\"\r\nand a line break");
  g_assert_cmpstr (cramp_episode_get_notes (g_ptr_array_index (episodes, 1)), ==,
                   "عربى العربية — 中文 — 日本語 — עברית — ελληνικά — 🦵");
  meds = cramp_episode_get_medications (g_ptr_array_index (episodes, 2));
  g_assert_cmpstr (meds[0], ==, "A, with comma is not a list");
  g_assert_cmpstr (meds[1], ==, "B");
}

static void
test_columns_any_order (void)
{
  const char *csv =
    "\xEF\xBB\xBF" "notes,side,started_at,muscle,duration_s\n"
    "\n"
    "hello,left,2026-03-02T03:14:00+01:00,calf,60\n"
    "\n";
  g_autoptr(GPtrArray) episodes = parse_ok (csv);
  CrampEpisode *episode;

  g_assert_cmpuint (episodes->len, ==, 1);
  episode = g_ptr_array_index (episodes, 0);
  g_assert_cmpint (cramp_episode_get_muscle (episode), ==, CRAMP_MUSCLE_CALF);
  g_assert_cmpint (cramp_episode_get_side (episode), ==, CRAMP_SIDE_LEFT);
  g_assert_cmpint (cramp_episode_get_duration (episode), ==, 60);
  g_assert_cmpstr (cramp_episode_get_notes (episode), ==, "hello");
  /* no id column: a new id is given when it is saved */
  g_assert_null (cramp_episode_get_id (episode));
}

static void
test_unknown_columns (void)
{
  const char *csv = "started_at,colour,mood\n2026-03-02T03:14:00+01:00,red,fine\n";
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unknown = NULL;
  g_autoptr(GPtrArray) episodes = cramp_csv_parse (csv, strlen (csv), "t.csv", &unknown, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (episodes->len, ==, 1);
  g_assert_cmpuint (g_strv_length (unknown), ==, 2);
  g_assert_cmpstr (unknown[0], ==, "colour");
  g_assert_cmpstr (unknown[1], ==, "mood");
}

static void
test_errors_header (void)
{
  const char *empty[] = { "test.csv:1: the file is empty", NULL };
  const char *no_start[] = { "test.csv:1: there is no started_at column", NULL };
  const char *twice[] = { "test.csv:1: the column “muscle” appears twice", NULL };

  assert_problems ("", 0, empty);
  assert_problems ("\n\n", 2, empty);
  assert_problems ("muscle,side\ncalf,left\n", 22, no_start);
  assert_problems ("started_at,muscle,muscle\n", 25, twice);
}

static void
test_errors_rows (void)
{
  const char *csv =
    "id,started_at,duration_s,muscle,woke_from_sleep\n"                     /* 1 */
    ",2026-03-02T03:14:00+01:00,90,calf,true\n"                             /* 2: good */
    ",2026-03-02T03:14:00+01:00,ninety,calves,true\n"                       /* 3: two problems */
    ",2026-03-02T03:14:00+01:00,90\n"                                       /* 4: too few fields */
    ",\"2026-03-02T03:14:00+01:00\"x,90,calf,true\n"                        /* 5: stray quote */
    ",2026-03-02T03:14:00+01:00,90,calf,maybe\n"                            /* 6 */
    "0b7f5e4c-3c1d-4b52-9a3e-6f1d2c9a8b10,2026-03-02T03:14:00+01:00,,,\n"   /* 7 */
    "0b7f5e4c-3c1d-4b52-9a3e-6f1d2c9a8b10,2026-03-03T03:14:00+01:00,,,\n"   /* 8: same id */
    ",2099-03-02T03:14:00+01:00,,,\n"                                       /* 9: the future */
    ",,,,\n"                                                                /* 10: no start */
    ",2026-03-02T03:14:00+01:00,\"multi\nline\",calf,true\n"                /* 11-12 */
    ",2026-03-02T03:14:00+01:00,\"never closed,calf,true\n";                /* 13 */
  const char *expected[] = {
    "test.csv:3: duration_s “ninety” is not a whole number",
    "test.csv:3: muscle “calves” is not one of calf, foot",
    "test.csv:4: the row has 3 fields, but the header names 5 columns",
    "test.csv:5: a quote is in the middle of a field",
    "test.csv:6: woke_from_sleep “maybe” is not true or false",
    "test.csv:8: the id 0b7f5e4c-3c1d-4b52-9a3e-6f1d2c9a8b10 is also on line 7",
    "test.csv:9: The start lies in the future.",
    "test.csv:10: started_at is empty",
    "test.csv:11: duration_s “multi\nline” is not a whole number",
    "test.csv:13: a quoted field is never closed",
    NULL,
  };
  g_auto(GStrv) flattened = NULL;

  /* the multi-line value is quoted across two lines of the message */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) episodes = NULL;
    guint n_bad = 0;

    episodes = cramp_csv_parse (csv, strlen (csv), "test.csv", NULL, &n_bad, &error);
    g_assert_null (episodes);
    g_assert_cmpuint (n_bad, ==, 9);
    flattened = g_strsplit (error->message, "\n", -1);
  }
  /* compare line by line, with the quoted line break joined again */
  {
    g_autoptr(GPtrArray) joined = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; flattened[i] != NULL; i++)
      {
        if (g_str_has_prefix (flattened[i], "line”"))
          {
            char *last = g_ptr_array_index (joined, joined->len - 1);
            joined->pdata[joined->len - 1] = g_strconcat (last, "\n", flattened[i], NULL);
            g_free (last);
          }
        else
          g_ptr_array_add (joined, g_strdup (flattened[i]));
      }

    g_assert_cmpuint (joined->len, ==, g_strv_length ((char **) expected));
    for (guint i = 0; i < joined->len; i++)
      if (!g_str_has_prefix (g_ptr_array_index (joined, i), expected[i]))
        g_error ("problem %u: expected “%s”, got “%s”", i, expected[i],
                 (char *) g_ptr_array_index (joined, i));
  }
}

static void
test_errors_encoding (void)
{
  const char csv[] = "started_at,notes\n2026-03-02T03:14:00+01:00,caf\xe9\n2026-03-02T03:14:00+01:00,nul\0byte\n";
  const char *expected[] = {
    "test.csv:2: notes is not UTF-8 text",
    "test.csv:3: notes is not UTF-8 text",
    NULL,
  };

  assert_problems (csv, sizeof csv - 1, expected);
}

static char *
export_store (CrampStore *store)
{
  g_autoptr(GError) error = NULL;
  GString *csv = cramp_csv_export (store, NULL, &error);

  g_assert_no_error (error);
  return g_string_free (csv, FALSE);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = cramp_test_mkdtemp ();
  g_autofree char *path_a = g_build_filename (dir, "a", "diary.sqlite3", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b", "diary.sqlite3", NULL);
  g_autoptr(CrampStore) a = cramp_store_open (path_a, NULL);
  g_autoptr(CrampStore) b = cramp_store_open (path_b, NULL);
  g_autoptr(GPtrArray) episodes = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  const char *input =
    "started_at,muscle,side,duration_s,intensity,activity,walk_distance_m,relieved_by,symptoms,"
    "triggers,fluid_ml,medications,woke_from_sleep,notes\n"
    "2026-03-02T03:14:00+01:00,calf,left,95,7,sleeping,,rest;stretching,numbness;sores,dehydration,"
    "1200,Furosemide 40 mg;HCTZ,yes,\"“night”, with \"\"quotes\"\",\nbreaks and commas\"\n"
    "2026-03-02 03:14:00,,,,,,,,,,,,,\n"
    "2026-07-02T22:00:00-04:00,hip-buttock,both,86400,0,walking,1000000,nothing,urge-to-move,"
    "other,0,,0,  spaces kept  \n"
    "2026-03-04T03:14:00+09:00,toes,right,1,10,other,0,cold,,,100000,x,,𝄞 抽筋 غشاء\n";

  g_assert_nonnull (a);
  g_assert_nonnull (b);

  episodes = cramp_csv_parse (input, strlen (input), "in.csv", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cramp_store_import (a, episodes, NULL, NULL, &error));
  g_assert_no_error (error);

  /* export, import elsewhere, export again: the same bytes */
  first = export_store (a);
  g_clear_pointer (&episodes, g_ptr_array_unref);
  episodes = cramp_csv_parse (first, strlen (first), "first.csv", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cramp_store_import (b, episodes, NULL, NULL, &error));
  second = export_store (b);
  g_assert_cmpstr (first, ==, second);

  /* the export is the documented header and CRLF records */
  g_assert_true (g_str_has_prefix (first,
    "id,started_at,duration_s,muscle,side,intensity,activity,walk_distance_m,relieved_by,"
    "symptoms,triggers,fluid_ml,medications,woke_from_sleep,notes\r\n"));
  g_assert_nonnull (strstr (first, ",true,\"“night”, with \"\"quotes\"\",\nbreaks and commas\"\r\n"));
  g_assert_nonnull (strstr (first, ",  spaces kept  \r\n"));

  g_clear_object (&a);
  g_clear_object (&b);
  cramp_test_rmdir (dir);
}

static void
test_reimport_idempotent (void)
{
  g_autofree char *dir = cramp_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.sqlite3", NULL);
  g_autoptr(CrampStore) store = cramp_store_open (path, NULL);
  g_autofree char *exported = NULL;
  const char *input = "started_at\n2026-03-02T03:14:00+01:00\n2026-03-03T03:14:00+01:00\n";
  guint added = 0, skipped = 0;

  {
    g_autoptr(GPtrArray) episodes = parse_ok (input);
    g_assert_true (cramp_store_import (store, episodes, &added, &skipped, NULL));
    g_assert_cmpuint (added, ==, 2);
  }

  exported = export_store (store);
  for (int round = 0; round < 2; round++)
    {
      g_autoptr(GPtrArray) episodes = parse_ok (exported);
      g_assert_true (cramp_store_import (store, episodes, &added, &skipped, NULL));
      g_assert_cmpuint (added, ==, 0);
      g_assert_cmpuint (skipped, ==, 2);
    }
  g_assert_cmpint (cramp_store_count (store), ==, 2);

  g_clear_object (&store);
  cramp_test_rmdir (dir);
}

/* A spreadsheet's export has no ids: imported twice, it adds nothing the
 * second time. A row that differs in start, duration, muscle or side is
 * another cramp; one the same but for its notes is the same cramp. */
static void
test_reimport_without_ids (void)
{
  g_autofree char *dir = cramp_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.sqlite3", NULL);
  g_autoptr(CrampStore) store = cramp_store_open (path, NULL);
  const char *sheet =
    "started_at,duration_s,muscle,side,notes\n"
    "2026-03-02T03:14:00+01:00,90,calf,left,\n"
    "2026-03-03T03:14:00+01:00,,foot,,\n";
  const char *again =
    "started_at,duration_s,muscle,side,notes\n"
    "2026-03-02T03:14:00+01:00,90,calf,left,typed again\n"
    "2026-03-03T03:14:00+01:00,,foot,,\n"
    "2026-03-02T03:14:00+01:00,90,calf,right,\n"
    "2026-03-02T03:14:00+01:00,60,calf,left,\n"
    "2026-03-02T03:15:00+01:00,90,calf,left,\n";
  guint added = 0, skipped = 0;

  {
    g_autoptr(GPtrArray) episodes = parse_ok (sheet);
    g_assert_true (cramp_store_import (store, episodes, &added, &skipped, NULL));
    g_assert_cmpuint (added, ==, 2);
    g_assert_cmpuint (skipped, ==, 0);
  }
  {
    g_autoptr(GPtrArray) episodes = parse_ok (sheet);
    g_assert_true (cramp_store_import (store, episodes, &added, &skipped, NULL));
    g_assert_cmpuint (added, ==, 0);
    g_assert_cmpuint (skipped, ==, 2);
  }
  {
    g_autoptr(GPtrArray) episodes = parse_ok (again);
    g_assert_true (cramp_store_import (store, episodes, &added, &skipped, NULL));
    g_assert_cmpuint (added, ==, 3);
    g_assert_cmpuint (skipped, ==, 2);
  }
  g_assert_cmpint (cramp_store_count (store), ==, 5);

  g_clear_object (&store);
  cramp_test_rmdir (dir);
}

/* Reads every record of @text, each as "line:field|field|…" or the
 * status's name, one a line. */
static char *
read_all (const char *text)
{
  g_autoptr(CrampCsvReader) reader = cramp_csv_reader_new (text, strlen (text));
  g_autoptr(GString) out = g_string_new (NULL);
  static const char * const names[] = { "record", "end", "stray", "unclosed" };
  CrampCsvStatus status;
  guint line;

  while ((status = cramp_csv_reader_next (reader, &line)) != CRAMP_CSV_END)
    {
      g_string_append_printf (out, "%u:", line);
      if (status != CRAMP_CSV_RECORD)
        g_string_append (out, names[status]);
      else if (cramp_csv_reader_is_blank (reader))
        g_string_append (out, "blank");
      else
        for (guint i = 0; i < cramp_csv_reader_get_n_fields (reader); i++)
          g_string_append_printf (out, "%s%s", i ? "|" : "", cramp_csv_reader_get_field (reader, i)->str);
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The RFC 4180 reader that every file form uses, on its own. */
static void
test_reader (void)
{
  static const struct
  {
    const char *text;
    const char *records;
  } cases[] = {
    { "", "" },
    { "a,b\r\nc,d", "1:a|b\n2:c|d\n" },
    { "\xEF\xBB\xBF" "a,,b\n", "1:a||b\n" },
    { "\"x,y\",\"say \"\"hi\"\"\"\n", "1:x,y|say \"hi\"\n" },
    /* a line break in a quoted field: the next record's line is right */
    { "\"one\ntwo\",3\n4\n", "1:one\ntwo|3\n3:4\n" },
    { "a\n\nb\n", "1:a\n2:blank\n3:b\n" },
    /* a misplaced quote costs its line only */
    { "a\"b,c\nd\n", "1:stray\n2:d\n" },
    { "\"a\"b,c\nd\n", "1:stray\n2:d\n" },
    { "a,\"open\n", "1:unclosed\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *records = read_all (cases[i].text);

      g_assert_cmpstr (records, ==, cases[i].records);
    }

  /* written back, each field reads as it was */
  {
    static const char * const fields[] = { "plain", "a,b", "say \"hi\"", "two\nlines", "=1+2", "'+x" };
    g_autoptr(GString) out = g_string_new (NULL);
    g_autoptr(CrampCsvReader) reader = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        if (i > 0)
          g_string_append_c (out, ',');
        cramp_csv_append_field (out, fields[i]);
      }
    g_assert_cmpstr (out->str, ==, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=1+2,''+x");

    reader = cramp_csv_reader_new (out->str, out->len);
    g_assert_cmpint (cramp_csv_reader_next (reader, NULL), ==, CRAMP_CSV_RECORD);
    g_assert_cmpuint (cramp_csv_reader_get_n_fields (reader), ==, G_N_ELEMENTS (fields));
    for (guint i = 0; i < 4; i++)
      g_assert_cmpstr (cramp_csv_reader_get_field (reader, i)->str, ==, fields[i]);
    /* the guard stays for the file form to take away */
    g_assert_cmpstr (cramp_csv_reader_get_field (reader, 4)->str, ==, "'=1+2");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reader", test_reader);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/columns-any-order", test_columns_any_order);
  g_test_add_func ("/csv/unknown-columns", test_unknown_columns);
  g_test_add_func ("/csv/errors/header", test_errors_header);
  g_test_add_func ("/csv/errors/rows", test_errors_rows);
  g_test_add_func ("/csv/errors/encoding", test_errors_encoding);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/reimport-idempotent", test_reimport_idempotent);
  g_test_add_func ("/csv/reimport-without-ids", test_reimport_without_ids);

  return g_test_run ();
}
