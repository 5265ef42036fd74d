/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "cramp-cli.h"
#include "cramp-experiment-stats.h"
#include "cramp-profile-json.h"
#include "cramp-test-utils.h"

/*
 * The command line, end to end: the real program, in an environment with
 * no display and no D-Bus session, on a diary in a private folder; and
 * its table of options, in process.
 */

typedef struct
{
  char *home;
  char *diary;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->home = cramp_test_mkdtemp ();
  fixture->diary = g_build_filename (fixture->home, "data", "cramp-diary", "diary.sqlite3", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cramp_test_rmdir (fixture->home);
  g_free (fixture->home);
  g_free (fixture->diary);
}

static void
run (Fixture    *fixture,
     Result     *result,
     const char *first_arg,
     ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_build_filename (fixture->home, "data", NULL);
  const char *binary = g_getenv ("CRAMP_DIARY_BIN");
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, fixture->home);
  g_subprocess_launcher_setenv (launcher, "HOME", fixture->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "LANG", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (fixture->home, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
assert_one_sentence (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_assert_cmpstr (stripped, !=, "");
  g_assert_null (strchr (stripped, '\n'));
  g_assert_true (g_str_has_suffix (stripped, "."));
}

static void
test_version (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  run (fixture, &result, "--version", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "cramp-diary " PACKAGE_VERSION "\n");
  /* looking at the version makes no diary */
  g_assert_false (g_file_test (fixture->diary, G_FILE_TEST_EXISTS));
}

static void
test_bad_usage (Fixture       *fixture,
                gconstpointer  data)
{
  const char *cases[][3] = {
    { "--bogus", NULL },
    { "--import", NULL },
    { "--import", "a.csv", "--export" },
    { "--version", "--export", "-" },
    { "some-file.csv", NULL },
    { "--import=", NULL },
    { "--background", "--findings", NULL },
    { "--background", "--since", "2026-01-01" },
    { "--import-profile", "p.json", "--export-profile" },
    { "--export-profile", "-", "--json" },
    { "--import-profile=", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) result = { 0 };

      run (fixture, &result, cases[i][0], cases[i][1], cases[i][2], NULL);
      g_test_message ("%s: %s", cases[i][0], result.err);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_nonnull (strstr (result.err, "--help"));
    }

  g_assert_false (g_file_test (fixture->diary, G_FILE_TEST_EXISTS));
}

/* The value each option stands for, as the command line gives it. */
static const char *
sample_value (const GOptionEntry *entry)
{
  return entry->arg == G_OPTION_ARG_NONE ? NULL
       : entry->arg == G_OPTION_ARG_STRING ? "2026-01-01" : "file";
}

/* The command @name on the command line: a flag, or with a value */
static char *
command_arg (const GOptionEntry *entries,
             const char         *name)
{
  for (const GOptionEntry *entry = entries; entry->long_name != NULL; entry++)
    if (g_str_equal (entry->long_name, name))
      return entry->arg == G_OPTION_ARG_NONE ? g_strdup_printf ("--%s", name)
                                             : g_strdup_printf ("--%s=file", name);
  g_assert_not_reached ();
}

/* Every field of @options, to compare two of them. */
static char *
describe (const CrampCliOptions *options)
{
  return g_strdup_printf ("import=%s export=%s report=%s backup=%s restore=%s import-profile=%s "
                          "export-profile=%s import-nights=%s export-nights=%s since=%s until=%s "
                          "add-experiment=%s kind=%s start=%s days=%s findings=%d "
                          "outcomes=%d experiments=%d json=%d version=%d background=%d",
                          options->import_path, options->export_path, options->report_path,
                          options->backup_path, options->restore_path, options->import_profile_path,
                          options->export_profile_path, options->import_nights_path, options->export_nights_path,
                          options->since, options->until, options->add_experiment, options->kind, options->start,
                          options->days, options->findings, options->outcomes, options->experiments, options->json,
                          options->version, options->background);
}

/* The one table: what the strict parse fills for each option is what
 * GApplication's dictionary gives for it, each command on its own is a
 * command, and no two are allowed together. */
static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  const GOptionEntry *entries = cramp_cli_get_option_entries ();
  guint n_commands = 0;

  for (const GOptionEntry *entry = entries; entry->long_name != NULL; entry++)
    {
      g_auto(CrampCliOptions) parsed = { 0 };
      g_auto(CrampCliOptions) from_dict = { 0 };
      g_autoptr(GVariantDict) dict = g_variant_dict_new (NULL);
      g_autofree char *arg = sample_value (entry)
        ? g_strdup_printf ("--%s=%s", entry->long_name, sample_value (entry))
        : g_strdup_printf ("--%s", entry->long_name);
      const char *argv[] = { "cramp-diary", arg, NULL, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *parsed_text = NULL;
      g_autofree char *dict_text = NULL;
      g_autofree char *needle = NULL;
      g_autofree char *first_command = NULL;
      gboolean modifier;

      g_test_message ("--%s", entry->long_name);
      g_assert_null (entry->arg_data);
      g_assert_nonnull (entry->description);

      /* the options that modify a command, with one they modify; and
       * without, refused in words that name it */
      modifier = cramp_cli_option_goes_with (entry->long_name) != NULL;
      if (modifier)
        {
          const char * const *with = cramp_cli_option_goes_with (entry->long_name);
          g_auto(CrampCliOptions) alone = { 0 };
          g_autofree char *says = g_strdup_printf ("--%s goes with --%s", entry->long_name, with[0]);

          g_assert_false (cramp_cli_parse (argv, &alone, &error));
          g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
          g_assert_true (g_str_has_prefix (error->message, says));
          g_clear_error (&error);

          for (guint i = 0; with[i] != NULL; i++)
            {
              g_auto(CrampCliOptions) with_command = { 0 };
              g_autofree char *command = command_arg (entries, with[i]);
              const char *both[] = { "cramp-diary", arg, command, NULL };

              g_assert_true (cramp_cli_parse (both, &with_command, &error));
              g_assert_no_error (error);
            }
          first_command = command_arg (entries, with[0]);
          argv[2] = first_command;
        }
      g_assert_true (cramp_cli_parse (argv, &parsed, &error));
      g_assert_no_error (error);
      parsed_text = describe (&parsed);
      needle = g_strdup_printf ("%s=%s", entry->long_name, sample_value (entry) ? sample_value (entry) : "1");
      g_assert_nonnull (strstr (parsed_text, needle));

      if (entry->arg == G_OPTION_ARG_NONE)
        g_variant_dict_insert (dict, entry->long_name, "b", TRUE);
      else if (entry->arg == G_OPTION_ARG_STRING)
        g_variant_dict_insert (dict, entry->long_name, "s", sample_value (entry));
      else
        g_variant_dict_insert (dict, entry->long_name, "^ay", sample_value (entry));
      if (modifier)
        {
          /* the command it went with, as GApplication gives it */
          const char *with = cramp_cli_option_goes_with (entry->long_name)[0];

          for (const GOptionEntry *command = entries; command->long_name != NULL; command++)
            if (g_str_equal (command->long_name, with))
              {
                if (command->arg == G_OPTION_ARG_NONE)
                  g_variant_dict_insert (dict, with, "b", TRUE);
                else if (command->arg == G_OPTION_ARG_STRING)
                  g_variant_dict_insert (dict, with, "s", "file");
                else
                  g_variant_dict_insert (dict, with, "^ay", "file");
              }
        }
      cramp_cli_options_from_dict (dict, &from_dict);
      dict_text = describe (&from_dict);
      g_assert_cmpstr (parsed_text, ==, dict_text);

      if (!modifier)
        {
          /* --background is a command the application runs itself */
          g_assert_true (cramp_cli_is_command (&parsed) == !g_str_equal (entry->long_name, "background"));
          n_commands++;
        }

      /* with another command */
      for (const GOptionEntry *other = entries; other->long_name != NULL && !modifier; other++)
        {
          g_auto(CrampCliOptions) both = { 0 };
          g_autofree char *second = sample_value (other)
            ? g_strdup_printf ("--%s=%s", other->long_name, sample_value (other))
            : g_strdup_printf ("--%s", other->long_name);
          const char *two[] = { "cramp-diary", arg, second, NULL };
          g_autoptr(GError) usage = NULL;

          if (other == entry || cramp_cli_option_goes_with (other->long_name) != NULL)
            continue;
          g_assert_false (cramp_cli_parse (two, &both, &usage));
          g_assert_error (usage, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
          g_assert_true (g_str_has_prefix (usage->message, "Give one command at a time: --import, "));
        }
    }

  g_assert_cmpuint (n_commands, ==, 15);
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  run (fixture, &result, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--import"));
  g_assert_nonnull (strstr (result.out, "--export"));
}

#define PROFILE_JSON \
  "{\n" \
  "  \"birth_year\" : 1950,\n" \
  "  \"conditions\" : [\n" \
  "    \"diabetes\",\n" \
  "    \"smoking\",\n" \
  "    \"arterial-disease\"\n" \
  "  ],\n" \
  "  \"medications\" : [\n" \
  "    {\n" \
  "      \"name\" : \"Furosemide 40 mg\",\n" \
  "      \"started\" : \"2026-01-10\",\n" \
  "      \"stopped\" : null\n" \
  "    },\n" \
  "    {\n" \
  "      \"name\" : \"Atorvastatin 20 mg\",\n" \
  "      \"started\" : null,\n" \
  "      \"stopped\" : \"2026-03-01\"\n" \
  "    }\n" \
  "  ]\n" \
  "}\n"

static void
test_profile (Fixture       *fixture,
              gconstpointer  data)
{
  /* the form of DESIGN.md, with keys in its order; absent dates and
   * year read as null */
  g_autofree char *in_path = write_file (fixture, "in.json",
    "{\"birth_year\": 1950, \"conditions\": [\"diabetes\", \"smoking\", \"arterial-disease\"],\n"
    " \"medications\": [{\"name\": \"Furosemide 40 mg\", \"started\": \"2026-01-10\", \"stopped\": null},\n"
    "                 {\"name\": \"Atorvastatin 20 mg\", \"stopped\": \"2026-03-01\"}]}");
  g_autofree char *out_path = g_build_filename (fixture->home, "out.json", NULL);
  g_autofree char *written = NULL;
  g_auto(Result) empty = { 0 };
  g_auto(Result) imported = { 0 };
  g_auto(Result) exported = { 0 };
  g_auto(Result) to_file = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) findings = { 0 };

  /* an empty diary's profile */
  run (fixture, &empty, "--export-profile", "-", NULL);
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_cmpstr (empty.out, ==, "{\n  \"birth_year\" : null,\n  \"conditions\" : [],\n  \"medications\" : []\n}\n");

  run (fixture, &imported, "--import-profile", in_path, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (strstr (imported.out, "2 medications"));

  run (fixture, &exported, "--export-profile", "-", NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_cmpstr (exported.out, ==, PROFILE_JSON);

  /* export, import, export: the same bytes */
  run (fixture, &to_file, "--export-profile", out_path, NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  run (fixture, &again, "--import-profile", out_path, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, PROFILE_JSON);

  /* the findings use it: arterial disease counts at any age */
  {
    g_autofree char *csv = write_file (fixture, "walks.csv",
      "started_at,activity,muscle\n"
      "2026-02-10T10:15:00+01:00,walking,calf\n"
      "2026-02-17T11:00:00+01:00,walking,calf\n");
    g_auto(Result) import = { 0 };

    run (fixture, &import, "--import", csv, NULL);
    g_assert_cmpint (import.status, ==, 0);
  }
  run (fixture, &findings, "--findings", "--json", NULL);
  g_assert_nonnull (strstr (findings.out, "\"vascular-risk\""));
  /* Furosemide of the profile, taken from 10 January */
  g_assert_nonnull (strstr (findings.out, "Furosemide 40 mg"));
}

static void
test_profile_errors (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct { const char *json; const char *says; } bad[] = {
    { "not json", "not valid JSON" },
    { "[1, 2]", "one JSON object" },
    { "{\"birth_year\": 1950, \"colour\": \"red\"}", "“colour” is not a key" },
    { "{\"birth_year\": 1850}", "“birth_year” must be a year" },
    { "{\"birth_year\": \"1950\"}", "“birth_year” must be a year" },
    { "{\"conditions\": [\"diabetes\", \"gout\"]}", "“gout” is not a condition" },
    { "{\"conditions\": \"diabetes\"}", "“conditions” must be a list" },
    { "{\"medications\": [{\"name\": \"Lasix\", \"started\": \"2026-02-30\"}]}", "“started” date of medication 1" },
    { "{\"medications\": [{\"name\": \"Lasix\", \"dose\": \"40\"}]}", "“dose” is not a key of the health profile in medication 1" },
    { "{\"medications\": [{\"started\": \"2026-02-01\"}]}", "Medication 1 must be an object with a “name”" },
    { "{\"medications\": [{\"name\": \"Lasix\", \"started\": \"2026-03-01\", \"stopped\": \"2026-02-01\"}]}",
      "cannot be stopped before" },
  };
  g_autofree char *good = write_file (fixture, "good.json", "{\"birth_year\": 1960, \"conditions\": [\"smoking\"]}");
  g_auto(Result) first = { 0 };
  g_auto(Result) before = { 0 };

  run (fixture, &first, "--import-profile", good, NULL);
  g_assert_cmpint (first.status, ==, 0);
  run (fixture, &before, "--export-profile", "-", NULL);

  /* a file that is not there, or far too long for a profile */
  {
    g_autofree char *missing = g_build_filename (fixture->home, "missing.json", NULL);
    g_autofree char *huge_text = g_strnfill (CRAMP_PROFILE_JSON_MAX_BYTES + 1, ' ');
    g_autofree char *huge = write_file (fixture, "huge.json", huge_text);
    const char *paths[] = { missing, huge };

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_auto(Result) result = { 0 };
        g_auto(Result) after = { 0 };

        run (fixture, &result, "--import-profile", paths[i], NULL);
        g_test_message ("%s", result.err);
        g_assert_cmpint (result.status, ==, 1);
        assert_one_sentence (result.err);
        run (fixture, &after, "--export-profile", "-", NULL);
        g_assert_cmpstr (after.out, ==, before.out);
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = write_file (fixture, "bad.json", bad[i].json);
      g_autofree char *prefix = g_strdup_printf ("%s: ", path);
      g_auto(Result) result = { 0 };
      g_auto(Result) after = { 0 };

      run (fixture, &result, "--import-profile", path, NULL);
      g_test_message ("%s → %s", bad[i].json, result.err);
      g_assert_cmpint (result.status, ==, 1);
      g_assert_true (g_str_has_prefix (result.err, prefix));
      g_assert_nonnull (strstr (result.err, bad[i].says));
      assert_one_sentence (result.err);
      /* and nothing changed */
      run (fixture, &after, "--export-profile", "-", NULL);
      g_assert_cmpstr (after.out, ==, before.out);
    }
}

static void
test_import_export (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *csv_path = write_file (fixture, "in.csv",
    "started_at,muscle,notes,colour\n"
    "2026-03-02T03:14:00+01:00,calf,\"a, b\",red\n"
    "2026-03-03T03:14:00+01:00,foot,,blue\n");
  g_autofree char *out_path = g_build_filename (fixture->home, "out.csv", NULL);
  g_autofree char *exported = NULL;
  g_auto(Result) import = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) export = { 0 };
  g_auto(Result) to_file = { 0 };

  run (fixture, &import, "--import", "in.csv", NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.out, ==, "Imported 2 episodes from in.csv.\n");
  /* the unknown column is reported once, not once per row */
  g_assert_cmpstr (import.err, ==, "in.csv: the column “colour” is not part of the diary and was ignored\n");

  /* rows without ids: the same start, duration, muscle and side are
   * the same cramp, so importing the file again adds nothing */
  run (fixture, &again, "--import", "in.csv", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.out, ==, "Imported 0 episodes from in.csv. 2 were already in the diary and were skipped.\n");

  run (fixture, &export, "--export", "-", NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_cmpstr (export.err, ==, "");
  /* 2 rows and the header */
  {
    g_auto(GStrv) lines = g_strsplit (export.out, "\r\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 4);
  }

  run (fixture, &to_file, "--export", "out.csv", NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_cmpstr (to_file.out, ==, "Exported 2 episodes to out.csv.\n");
  exported = cramp_test_read_file (out_path, NULL);
  g_assert_cmpstr (exported, ==, export.out);
  /* private, though the umask of the test is 022 */
  g_assert_cmpuint (cramp_test_file_mode (out_path), ==, 0600);

  /* importing the export adds nothing: every id is known */
  {
    g_auto(Result) reimport = { 0 };

    run (fixture, &reimport, "--import", "out.csv", NULL);
    g_assert_cmpint (reimport.status, ==, 0);
    g_assert_cmpstr (reimport.out, ==,
                     "Imported 0 episodes from out.csv. 2 were already in the diary and were skipped.\n");
  }
}

static void
test_import_all_or_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *good_path = write_file (fixture, "good.csv", "started_at\n2026-03-01T03:00:00+01:00\n");
  g_autofree char *bad_path = write_file (fixture, "bad.csv",
    "started_at,duration_s\n"
    "2026-03-02T03:14:00+01:00,60\n"
    "2026-03-02T03:14:00+01:00,0\n"
    "2026-03-03T03:14:00+01:00,60\n"
    "not a time,60\n");
  g_auto(Result) first = { 0 };
  g_auto(Result) result = { 0 };
  g_auto(Result) export = { 0 };
  g_auto(Result) export_after = { 0 };

  /* Without a diary, a wrong file makes none, even when its problem is
   * found after many rows were stored already. */
  {
    g_autoptr(GString) late = g_string_new ("started_at\n");
    g_autofree char *late_path = NULL;
    g_autofree char *folder = g_path_get_dirname (fixture->diary);
    g_auto(Result) late_result = { 0 };

    for (guint i = 0; i < 3000; i++)
      g_string_append_printf (late, "2026-01-%02uT03:%02u:00+01:00\n", 1 + i % 28, i % 60);
    g_string_append (late, "not a time\n");
    late_path = write_file (fixture, "late.csv", late->str);

    run (fixture, &late_result, "--import", "late.csv", NULL);
    g_assert_cmpint (late_result.status, ==, 1);
    g_assert_nonnull (strstr (late_result.err, "late.csv:3002: started_at"));
    g_assert_false (g_file_test (fixture->diary, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  }

  run (fixture, &first, "--import", "good.csv", NULL);
  g_assert_cmpint (first.status, ==, 0);
  run (fixture, &export, "--export", "-", NULL);

  run (fixture, &result, "--import", "bad.csv", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==,
                   "bad.csv:3: duration_s “0” is not between 1 and 86400\n"
                   "bad.csv:5: started_at “not a time” is not a date and time like 2026-03-02T03:14:00+01:00\n"
                   "Nothing was imported: 2 rows have problems. Correct them and import the file again.\n");

  /* the diary is as it was */
  run (fixture, &export_after, "--export", "-", NULL);
  g_assert_cmpstr (export_after.out, ==, export.out);
}

static void
test_import_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Result) missing = { 0 };
  g_auto(Result) folder = { 0 };

  run (fixture, &missing, "--import", "no-such-file.csv", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.err, ==, "“no-such-file.csv” cannot be read: No such file or directory.\n");

  run (fixture, &folder, "--import", ".", NULL);
  g_assert_cmpint (folder.status, ==, 1);
  assert_one_sentence (folder.err);
}

static void
test_export_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  run (fixture, &result, "--export", "/nonexistent-folder/out.csv", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, ==, "“/nonexistent-folder/out.csv” cannot be written: No such file or directory.\n");
}

static void
test_foreign_diary (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->diary);
  g_autofree char *after = NULL;
  g_auto(Result) result = { 0 };
  const char *garbage = "not a diary, but precious to somebody\n";

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->diary, garbage, -1, NULL));

  run (fixture, &result, "--export", "-", NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_sentence (result.err);
  g_assert_nonnull (strstr (result.err, "backup"));

  after = cramp_test_read_file (fixture->diary, NULL);
  g_assert_cmpstr (after, ==, garbage);
}

static void
import_fixture (Fixture    *fixture,
                const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_auto(Result) result = { 0 };

  run (fixture, &result, "--import", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
}

/* The ids of the findings in @json, each with its evidence:
 * "claudication:1,2,3 medication:1,2,3" with the ids shortened to their
 * last digits. */
static char *
summarize_findings (const char *json,
                    guint      *n_episodes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *findings;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  *n_episodes = json_object_get_int_member (root, "episodes");
  g_assert_true (json_object_has_member (root, "since"));
  g_assert_true (json_object_has_member (root, "until"));
  findings = json_object_get_array_member (root, "findings");

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      JsonArray *evidence = json_object_get_array_member (finding, "evidence");

      g_assert_cmpstr (json_object_get_string_member (finding, "title"), !=, "");
      g_assert_cmpstr (json_object_get_string_member (finding, "explanation"), !=, "");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (finding, "sources")), >, 0);

      if (summary->len > 0)
        g_string_append_c (summary, ' ');
      g_string_append_printf (summary, "%s/%s:", json_object_get_string_member (finding, "id"),
                              json_object_get_string_member (finding, "severity"));
      for (guint e = 0; e < json_array_get_length (evidence); e++)
        {
          const char *id = json_array_get_string_element (evidence, e);
          g_string_append_printf (summary, e ? ",%s" : "%s", id + strlen (id) - 1);
        }
    }

  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static void
test_findings_json (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Result) all = { 0 };
  g_auto(Result) march = { 0 };
  g_autofree char *summary = NULL;
  g_autofree char *march_summary = NULL;
  guint n = 0;

  import_fixture (fixture, "red-flags.csv");

  run (fixture, &all, "--findings", "--json", NULL);
  g_assert_cmpint (all.status, ==, 0);
  summary = summarize_findings (all.out, &n);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (summary, ==,
                   "claudication/see-doctor:1,2,3 sleep-disruption/see-doctor:4,5 medication/discuss:1,2,3");

  /* the period edges: March alone holds the two woken nights */
  run (fixture, &march, "--findings", "--json", "--since", "2026-03-01", "--until", "2026-03-31", NULL);
  g_assert_cmpint (march.status, ==, 0);
  march_summary = summarize_findings (march.out, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (march_summary, ==, "sleep-disruption/see-doctor:4,5");
  g_assert_nonnull (strstr (march.out, "\"since\" : \"2026-03-01\""));
  g_assert_nonnull (strstr (march.out, "\"until\" : \"2026-03-31\""));
}

static void
test_findings_benign (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Result) json = { 0 };
  g_auto(Result) text = { 0 };
  g_autofree char *summary = NULL;
  guint n = 0;

  import_fixture (fixture, "athlete.csv");

  run (fixture, &json, "--findings", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  summary = summarize_findings (json.out, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (summary, ==, "");

  run (fixture, &text, "--findings", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "not a diagnosis"));
  g_assert_nonnull (strstr (text.out, "No pattern in this period matches a red flag."));
}

static void
test_findings_text (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  const char *claudication, *medication;

  import_fixture (fixture, "red-flags.csv");
  run (fixture, &result, "--findings", NULL);
  g_assert_cmpint (result.status, ==, 0);

  /* by severity, each with its episodes and sources */
  g_assert_true (g_str_has_prefix (result.out, "Cramp Diary findings, 10 Feb 2026 to "));
  g_assert_nonnull (strstr (result.out, "(6 episodes)"));
  g_assert_nonnull (strstr (result.out, "not a diagnosis"));
  claudication = strstr (result.out, "Pain after walking a steady distance, eased by rest");
  medication = strstr (result.out, "A medicine reported with cramps: thiazide and thiazide-like diuretics");
  g_assert_nonnull (claudication);
  g_assert_nonnull (medication);
  g_assert_true (claudication < medication);
  g_assert_nonnull (strstr (result.out, "BOOK A VISIT TO YOUR DOCTOR"));
  g_assert_nonnull (strstr (result.out, "Episodes: 10 Feb 2026 10:15, 17 Feb 2026 11:00, 26 Feb 2026 09:40"));
  g_assert_nonnull (strstr (result.out, "Shown for: At least three walking cramps"));
  g_assert_nonnull (strstr (result.out, "Sources: Mayo Clinic"));
}

static void
test_findings_errors (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *errors[][5] = {
    { "--findings", "--since", "2026-02-30", NULL },
    { "--findings", "--until", "March", NULL },
    { "--findings", "--since", "2026-05-01", "--until", "2026-04-01" },
  };
  const char *usage[][4] = {
    { "--json", NULL },
    { "--since", "2026-01-01", NULL },
    { "--findings", "--export", "-", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_auto(Result) result = { 0 };

      run (fixture, &result, errors[i][0], errors[i][1], errors[i][2], errors[i][3], errors[i][4], NULL);
      g_assert_cmpint (result.status, ==, 1);
      g_assert_cmpstr (result.out, ==, "");
      assert_one_sentence (result.err);
    }

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(Result) result = { 0 };

      run (fixture, &result, usage[i][0], usage[i][1], usage[i][2], NULL);
      g_assert_cmpint (result.status, ==, 2);
    }
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->home, "report.pdf", NULL);
  g_autofree char *head = NULL;
  g_auto(Result) result = { 0 };
  g_auto(Result) march = { 0 };

  import_fixture (fixture, "red-flags.csv");

  run (fixture, &result, "--report", "report.pdf", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "Wrote the report of 6 cramps to report.pdf.\n");
  g_assert_cmpuint (cramp_test_file_mode (pdf), ==, 0600);
  head = cramp_test_read_file (pdf, NULL);
  g_assert_true (g_str_has_prefix (head, "%PDF-"));

  run (fixture, &march, "--report", "report.pdf", "--since", "2026-03-01", "--until", "2026-03-31", NULL);
  g_assert_cmpint (march.status, ==, 0);
  g_assert_cmpstr (march.out, ==, "Wrote the report of 2 cramps to report.pdf.\n");
}

static void
test_report_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *errors[][5] = {
    { "--report", "/nonexistent-folder/report.pdf", NULL },
    { "--report", "r.pdf", "--since", "2026-13-01", NULL },
    { "--report", "r.pdf", "--until", "yesterday", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_auto(Result) result = { 0 };

      run (fixture, &result, errors[i][0], errors[i][1], errors[i][2], errors[i][3], errors[i][4], NULL);
      g_test_message ("%s", result.err);
      g_assert_cmpint (result.status, ==, 1);
      assert_one_sentence (result.err);
    }

  {
    g_auto(Result) result = { 0 };

    run (fixture, &result, "--report", "r.pdf", "--json", NULL);
    g_assert_cmpint (result.status, ==, 2);
  }
}

static guint
exported_rows (Fixture *fixture)
{
  g_auto(Result) result = { 0 };
  guint lines = 0;

  run (fixture, &result, "--export", "-", NULL);
  g_assert_cmpint (result.status, ==, 0);
  for (const char *p = result.out; (p = strstr (p, "\r\n")) != NULL; p += 2)
    lines++;
  /* without the header */
  return lines - 1;
}

static void
test_backup_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->home, "copy.sqlite3", NULL);
  g_autofree char *csv = write_file (fixture, "not-a-diary.csv", "id,started_at\n");
  guint before;

  import_fixture (fixture, "red-flags.csv");
  before = exported_rows (fixture);

  {
    g_auto(Result) result = { 0 };
    g_autofree char *expected = g_strdup_printf ("Backed up the diary, %u episodes, to copy.sqlite3.\n", before);

    run (fixture, &result, "--backup", "copy.sqlite3", NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.out, ==, expected);
    g_assert_cmpuint (cramp_test_file_mode (copy), ==, 0600);
  }

  import_fixture (fixture, "athlete.csv");
  g_assert_cmpuint (exported_rows (fixture), >, before);

  /* not a diary, or no file: refused, and the diary is as it was */
  for (guint i = 0; i < 2; i++)
    {
      g_auto(Result) result = { 0 };
      guint now = exported_rows (fixture);

      run (fixture, &result, "--restore", i == 0 ? csv : "missing.sqlite3", NULL);
      g_test_message ("%s", result.err);
      g_assert_cmpint (result.status, ==, 1);
      assert_one_sentence (result.err);
      g_assert_cmpuint (exported_rows (fixture), ==, now);
    }

  {
    g_auto(Result) result = { 0 };
    g_autofree char *prefix = g_strdup_printf ("Restored the diary from copy.sqlite3: %u episodes. "
                                               "The diary as it was is kept in ", before);

    run (fixture, &result, "--restore", "copy.sqlite3", NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (g_str_has_prefix (result.out, prefix));
    g_assert_cmpuint (exported_rows (fixture), ==, before);
  }

  /* a diary that cannot be opened is moved aside, not overwritten */
  {
    g_auto(Result) result = { 0 };
    g_autofree char *folder = g_path_get_dirname (fixture->diary);
    g_autoptr(GDir) dir = NULL;
    const char *name;
    gboolean kept = FALSE;

    g_assert_true (g_file_set_contents (fixture->diary, "garbage", -1, NULL));
    run (fixture, &result, "--restore", "copy.sqlite3", NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpuint (exported_rows (fixture), ==, before);

    dir = g_dir_open (folder, 0, NULL);
    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "diary-damaged-"))
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autofree char *contents = cramp_test_read_file (path, NULL);

          kept = g_str_equal (contents, "garbage");
        }
    g_assert_true (kept);
  }
}

#define NIGHTS_HEADER "night,quiet,sleep_disturbance,recorded_at\r\n"

/* What was said of nights, out and in: all or nothing, idempotent by
 * night, every problem said with its line. */
static void
test_nights (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct
  {
    const char *rows;
    const char *says;
  } bad[] = {
    { "", "nights.csv:1: the file is empty" },
    { "quiet\r\ntrue\r\n", "nights.csv:1: there is no night column" },
    { "night,night\r\n2026-03-01,2026-03-01\r\n", "nights.csv:1: the column “night” appears twice" },
    { NIGHTS_HEADER "2026-02-30,true,,\r\n", "nights.csv:2: night is not a date" },
    { NIGHTS_HEADER "2026-03-01,perhaps,,\r\n", "nights.csv:2: quiet is not true or false" },
    { NIGHTS_HEADER "2026-03-01,true,11,\r\n", "nights.csv:2: sleep_disturbance is not a whole number" },
    { NIGHTS_HEADER "2026-03-01,true,,2026-03-02T08:00:00\r\n", "nights.csv:2: recorded_at is not a date" },
    { NIGHTS_HEADER "2026-03-01,true\r\n", "nights.csv:2: the row has 2 fields" },
    { NIGHTS_HEADER "2026-03-01,true,,\r\n2026-03-01,false,3,\r\n", "nights.csv:3: this night is in the file twice" },
    { NIGHTS_HEADER "2026-03-01,tr\"ue,,\r\n", "nights.csv:2: a quote is in the middle of a field" },
    { NIGHTS_HEADER "2026-03-01,\"true,,\r\n", "nights.csv:2: a quoted field is never closed" },
    /* the cramp of the diary at 03:10 on 6 March belongs to the 5th */
    { NIGHTS_HEADER "2026-03-05,true,,\r\n", "nights.csv:2: That night cannot be quiet: a cramp is logged on it, at 03:10" },
  };
  g_autofree char *good = NULL;
  g_autofree char *cramps = write_file (fixture, "cramps.csv",
                                        "started_at,muscle\r\n2026-03-06T03:10:00-10:00,calf\r\n");
  g_autofree char *before = NULL;

  {
    g_auto(Result) result = { 0 };

    run (fixture, &result, "--import", cramps, NULL);
    g_assert_cmpint (result.status, ==, 0);
  }
  good = write_file (fixture, "good.csv",
                     NIGHTS_HEADER
                     "2026-03-01,true,,2026-03-02T07:30:00+01:00\r\n"
                     "2026-03-02,yes,2,2026-03-03T06:59:59Z\r\n"
                     "\r\n"
                     "2026-03-04,false,6,2026-03-05T08:00:00+01:00\r\n");

  /* in, and out as it went in */
  {
    g_auto(Result) in = { 0 };
    g_auto(Result) out = { 0 };
    g_auto(Result) again = { 0 };
    g_auto(Result) same = { 0 };

    run (fixture, &in, "--import-nights", "good.csv", NULL);
    g_test_message ("%s%s", in.out, in.err);
    g_assert_cmpint (in.status, ==, 0);
    g_assert_cmpstr (in.out, ==, "Imported 3 nights from good.csv.\n");
    run (fixture, &out, "--export-nights", "-", NULL);
    g_assert_cmpint (out.status, ==, 0);
    g_assert_cmpstr (out.out, ==,
                     NIGHTS_HEADER
                     "2026-03-01,true,,2026-03-02T06:30:00Z\r\n"
                     "2026-03-02,true,2,2026-03-03T06:59:59Z\r\n"
                     "2026-03-04,false,6,2026-03-05T07:00:00Z\r\n");

    /* twice: nothing more */
    run (fixture, &again, "--import-nights", "good.csv", NULL);
    g_assert_cmpint (again.status, ==, 0);
    g_assert_cmpstr (again.out, ==, "Imported 0 nights from good.csv. 3 were already in the diary and were skipped.\n");
    run (fixture, &same, "--export-nights", "-", NULL);
    g_assert_cmpstr (same.out, ==, out.out);
    before = g_strdup (out.out);
  }

  /* each problem: said with its line, and nothing written */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = write_file (fixture, "nights.csv", bad[i].rows);
      g_auto(Result) result = { 0 };
      g_auto(Result) out = { 0 };

      run (fixture, &result, "--import-nights", "nights.csv", NULL);
      g_test_message ("%s", result.err);
      g_assert_cmpint (result.status, ==, 1);
      g_assert_nonnull (strstr (result.err, bad[i].says));
      g_assert_nonnull (strstr (result.err, "Nothing was imported"));
      run (fixture, &out, "--export-nights", "-", NULL);
      g_assert_cmpstr (out.out, ==, before);
    }
}

static double
member_number (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? -1 : json_node_get_double (node);
}

/* The outcome measures of a fixture, worked out by hand (the comments
 * say how), and the same from the command line. */
static void
test_outcomes (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *cramps = write_file (fixture, "cramps.csv",
                                        "started_at,intensity\r\n"
                                        "2026-03-01T23:30:00+01:00,4\r\n"    /* night of 1 March */
                                        "2026-03-02T02:30:00+01:00,6\r\n"    /* the same night */
                                        "2026-03-04T03:00:00-10:00,8\r\n"    /* 3 March, in Honolulu */
                                        "2026-03-06T15:00:00+01:00,\r\n"     /* a day's: noon to noon, the 6th */
                                        "2026-03-11T02:00:00+01:00,2\r\n"    /* 10 March, the last night */
                                        "2026-03-01T02:00:00+01:00,9\r\n"    /* 28 February: before */
                                        "2026-03-11T13:00:00+01:00,9\r\n");  /* 11 March: after */
  g_autofree char *nights = write_file (fixture, "nights.csv",
                                        "night,quiet,sleep_disturbance,recorded_at\r\n"
                                        "2026-03-02,true,0,\r\n"
                                        "2026-03-05,true,,\r\n"
                                        "2026-03-03,false,7,\r\n"
                                        "2026-03-07,false,3,\r\n"
                                        "2026-02-27,true,,\r\n");
  g_auto(Result) json = { 0 };
  g_auto(Result) text = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  {
    g_auto(Result) a = { 0 };
    g_auto(Result) b = { 0 };

    run (fixture, &a, "--import", cramps, NULL);
    g_assert_cmpint (a.status, ==, 0);
    run (fixture, &b, "--import-nights", nights, NULL);
    g_assert_cmpint (b.status, ==, 0);
  }

  run (fixture, &json, "--outcomes", "--json", "--since", "2026-03-01", "--until", "2026-03-10", NULL);
  g_test_message ("%s%s", json.out, json.err);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "since"), ==, "2026-03-01");
  g_assert_cmpstr (json_object_get_string_member (object, "until"), ==, "2026-03-10");
  /* the evenings of 1 to 10 March */
  g_assert_cmpfloat (member_number (object, "nights"), ==, 10);
  /* cramps on the 1st, 3rd, 6th and 10th; records of the 2nd, 3rd, 5th and 7th */
  g_assert_cmpfloat (member_number (object, "logged_nights"), ==, 7);
  g_assert_cmpfloat (member_number (object, "coverage"), ==, 0.7);
  g_assert_cmpfloat (member_number (object, "cramp_nights"), ==, 4);
  /* the 2nd and the 5th; the 3rd had a cramp */
  g_assert_cmpfloat (member_number (object, "quiet_nights"), ==, 2);
  g_assert_cmpfloat (member_number (object, "cramps"), ==, 5);
  /* 5 cramps in 7 logged nights */
  g_assert_cmpfloat (member_number (object, "cramps_per_logged_week"), ==, 5);
  /* 2, 4, 6, 8: between 4 and 6 */
  g_assert_cmpfloat (member_number (object, "median_intensity"), ==, 5);
  /* 0, 3, 7 */
  g_assert_cmpfloat (member_number (object, "median_sleep_disturbance"), ==, 3);

  /* in words, and with fewer than 8 in 10 nights logged, said so */
  run (fixture, &text, "--outcomes", "--since", "2026-03-01", "--until", "2026-03-10", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Nights logged: 7 of 10 (70 %)"));
  g_assert_nonnull (strstr (text.out, "Cramps per logged week: 5.0"));
  g_assert_nonnull (strstr (text.out, "may overstate the cramps"));

  /* a period with nothing recorded: null, not zero */
  {
    g_auto(Result) empty = { 0 };
    g_autoptr(JsonParser) empty_parser = json_parser_new ();
    JsonObject *none;

    run (fixture, &empty, "--outcomes", "--json", "--since", "2025-01-01", "--until", "2025-01-07", NULL);
    g_assert_true (json_parser_load_from_data (empty_parser, empty.out, -1, NULL));
    none = json_node_get_object (json_parser_get_root (empty_parser));
    g_assert_cmpfloat (member_number (none, "logged_nights"), ==, 0);
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (none, "cramps_per_logged_week")));
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (none, "median_intensity")));
  }
}


/* The cramps of the nights of @first to @last March, one each, at 03:00
 * the morning after; @twice: that night has two */
static void
add_march_cramps (GString *csv,
                  int      first,
                  int      last,
                  int      twice)
{
  for (int day = first; day <= last; day++)
    for (int k = 0; k < (day == twice ? 2 : 1); k++)
      g_string_append_printf (csv, "2026-03-%02dT03:%02d:00+01:00\r\n", day + 1, 10 * k);
}

static JsonObject *
find_experiment (JsonArray  *experiments,
                 const char *name)
{
  for (guint i = 0; i < json_array_get_length (experiments); i++)
    {
      JsonObject *experiment = json_array_get_object_element (experiments, i);

      if (g_str_equal (json_object_get_string_member (experiment, "name"), name))
        return experiment;
    }
  g_assert_not_reached ();
}

/* Experiments over a diary with gaps, counted by hand (the comments say
 * how), their interval as the statistics module gives it (tested on its
 * own in test-experiment.c), and every kind of bad input refused with a
 * sentence, adding nothing. */
static void
test_experiments (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GString) cramps = g_string_new ("started_at\r\n");
  g_autofree char *cramps_path = NULL;
  g_autofree char *nights_path = NULL;
  g_auto(Result) json = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *experiments;
  JsonObject *stretching, *magnesium, *baseline, *trial;
  JsonArray *ci;
  static const struct {
    const char *args[8];
    const char *says;
    int         status;
  } refused[] = {
    { { "--add-experiment", "Magic", "--kind", "magic", "--start", "2026-03-15" }, "not a kind of experiment", 1 },
    { { "--add-experiment", "Magic", "--kind", "other", "--start", "2026-02-30" }, "--start", 1 },
    { { "--add-experiment", "Magic", "--kind", "other", "--start", "2026-03-15", "--days", "0" }, "--days 0", 1 },
    { { "--add-experiment", "Magic", "--kind", "other", "--start", "2026-03-15", "--days", "six" }, "--days six", 1 },
    { { "--add-experiment", "Magic", "--kind", "other", "--start", "2026-03-15", "--days", "367" }, "1 to 366", 1 },
    { { "--add-experiment", "  ", "--kind", "other", "--start", "2026-03-15" }, "needs a name", 1 },
    { { "--add-experiment", "Magic", "--kind", "other" }, "needs --start", 1 },
    { { "--add-experiment", "Magic", "--start", "2026-03-15" }, "needs --kind", 1 },
    { { "--kind", "other" }, "--kind goes with --add-experiment", 2 },
    { { "--days", "14", "--experiments" }, "--days goes with --add-experiment", 2 },
  };

  /* the baseline of "stretching" (the nights of 1 to 14 March): a cramp
   * on each of 1 to 10, two on the 1st (11 cramps, 10 cramp nights);
   * 11 to 14 quiet: 14 logged nights. Its trial (15 to 28 March): a
   * cramp on the 15th, 17th and 19th; the rest quiet but the 28th: 13
   * logged nights, and the 28th marked quiet later */
  add_march_cramps (cramps, 1, 10, 1);
  add_march_cramps (cramps, 15, 15, 0);
  add_march_cramps (cramps, 17, 17, 0);
  add_march_cramps (cramps, 19, 19, 0);
  cramps_path = write_file (fixture, "cramps.csv", cramps->str);
  {
    g_autoptr(GString) nights = g_string_new ("night,quiet,sleep_disturbance,recorded_at\r\n");

    for (int day = 11; day <= 27; day++)
      if (day != 15 && day != 17 && day != 19)
        g_string_append_printf (nights, "2026-03-%02d,true,,\r\n", day);
    nights_path = write_file (fixture, "nights.csv", nights->str);
  }
  {
    g_auto(Result) a = { 0 };
    g_auto(Result) b = { 0 };

    run (fixture, &a, "--import", cramps_path, NULL);
    run (fixture, &b, "--import-nights", nights_path, NULL);
    g_assert_cmpint (a.status + b.status, ==, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(Result) result = { 0 };
      const char * const *a = refused[i].args;

      run (fixture, &result, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], NULL);
      g_test_message ("%s: %s", a[0], result.err);
      g_assert_cmpint (result.status, ==, refused[i].status);
      g_assert_nonnull (strstr (result.err, refused[i].says));
    }

  {
    g_auto(Result) a = { 0 };
    g_auto(Result) b = { 0 };

    run (fixture, &a, "--add-experiment", "Nightly stretching", "--kind", "stretching", "--start", "2026-03-15",
         "--days", "14", NULL);
    g_assert_cmpint (a.status, ==, 0);
    /* the usual rate: 11 cramps in the 14 logged nights before the start */
    g_assert_nonnull (strstr (a.out, "the usual 5.5 cramps a week"));
    /* a baseline of 7 nights, fewer than 14 logged: it waits */
    run (fixture, &b, "--add-experiment", "Magnesium", "--kind", "supplement", "--start", "2026-03-22", "--days",
         "7", NULL);
    g_assert_cmpint (b.status, ==, 0);
    g_assert_nonnull (strstr (b.out, "It waits for its baseline"));
  }

  run (fixture, &json, "--experiments", "--json", NULL);
  g_test_message ("%s%s", json.out, json.err);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  experiments = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "experiments");
  g_assert_cmpuint (json_array_get_length (experiments), ==, 2);

  stretching = find_experiment (experiments, "Nightly stretching");
  g_assert_cmpstr (json_object_get_string_member (stretching, "kind"), ==, "stretching");
  g_assert_cmpstr (json_object_get_string_member (stretching, "start"), ==, "2026-03-15");
  g_assert_cmpfloat (member_number (stretching, "days"), ==, 14);
  baseline = json_object_get_object_member (stretching, "baseline");
  g_assert_cmpstr (json_object_get_string_member (baseline, "from"), ==, "2026-03-01");
  g_assert_cmpstr (json_object_get_string_member (baseline, "to"), ==, "2026-03-14");
  g_assert_cmpfloat (member_number (baseline, "logged_nights"), ==, 14);
  g_assert_cmpfloat (member_number (baseline, "cramp_nights"), ==, 10);
  g_assert_cmpfloat (member_number (baseline, "cramps"), ==, 11);
  trial = json_object_get_object_member (stretching, "trial");
  g_assert_cmpstr (json_object_get_string_member (trial, "to"), ==, "2026-03-28");
  g_assert_cmpfloat (member_number (trial, "logged_nights"), ==, 13);
  g_assert_cmpfloat (member_number (trial, "cramp_nights"), ==, 3);
  g_assert_cmpfloat (member_number (trial, "cramps"), ==, 3);
  /* no stretch recorded: done on none of its nights */
  g_assert_cmpfloat (member_number (trial, "adherence"), ==, 0);
  /* (3 ÷ 13) ÷ (11 ÷ 14) */
  g_assert_cmpfloat_with_epsilon (member_number (stretching, "rate_ratio"), round (3.0 / 13 / (11.0 / 14) * 1000) / 1000,
                                  1e-9);
  /* 13 logged nights in the trial: too early, whatever the interval */
  g_assert_cmpstr (json_object_get_string_member (stretching, "verdict"), ==, "too-early");
  ci = json_object_get_array_member (stretching, "ci95");
  {
    CrampExperimentPeriod before = { 0, 0, 14, 10, 11, NAN };
    CrampExperimentPeriod during = { 0, 0, 13, 3, 3, NAN };
    CrampComparison comparison;

    cramp_experiment_compare (&before, &during, &comparison);
    g_assert_cmpfloat_with_epsilon (json_array_get_double_element (ci, 0), round (comparison.ci_low * 1000) / 1000,
                                    1e-9);
    g_assert_cmpfloat_with_epsilon (json_array_get_double_element (ci, 1), round (comparison.ci_high * 1000) / 1000,
                                    1e-9);
  }
  /* 11 cramps in 14 logged nights: 0.79 a night */
  g_assert_cmpfloat (member_number (stretching, "nights_needed"), ==, cramp_experiment_nights_needed (11.0 / 14));

  magnesium = find_experiment (experiments, "Magnesium");
  baseline = json_object_get_object_member (magnesium, "baseline");
  /* the nights of 15 to 21 March: 3 cramps, 4 quiet */
  g_assert_cmpfloat (member_number (baseline, "logged_nights"), ==, 7);
  g_assert_cmpfloat (member_number (baseline, "cramps"), ==, 3);
  trial = json_object_get_object_member (magnesium, "trial");
  /* 22 to 28 March: all quiet but the 28th; no "Did it" said */
  g_assert_cmpfloat (member_number (trial, "logged_nights"), ==, 6);
  g_assert_cmpfloat (member_number (trial, "cramps"), ==, 0);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (trial, "adherence")));
  g_assert_cmpfloat (member_number (magnesium, "rate_ratio"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (magnesium, "verdict"), ==, "too-early");

  /* a night logged later: the trial of "stretching" is 14 nights now */
  {
    g_autofree char *more = write_file (fixture, "more.csv",
                                        "night,quiet,sleep_disturbance,recorded_at\r\n2026-03-28,true,,\r\n");
    g_auto(Result) a = { 0 };
    g_auto(Result) b = { 0 };
    g_autoptr(JsonParser) again = json_parser_new ();

    run (fixture, &a, "--import-nights", more, NULL);
    run (fixture, &b, "--experiments", "--json", NULL);
    g_assert_true (json_parser_load_from_data (again, b.out, -1, NULL));
    stretching = find_experiment (json_object_get_array_member (json_node_get_object (json_parser_get_root (again)),
                                                                "experiments"),
                                  "Nightly stretching");
    g_assert_cmpfloat (member_number (json_object_get_object_member (stretching, "trial"), "logged_nights"), ==, 14);
    /* 3 of 14 cramps in the trial: binom.test (3, 14) reaches 0.508, so
     * the ratio's interval reaches above 1 */
    g_assert_cmpstr (json_object_get_string_member (stretching, "verdict"), ==, "unclear");
  }
}

/* Nothing is ever written over the diary, whatever file name is given. */
static void
test_output_onto_diary (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->diary, "-wal", NULL);
  const char *commands[] = { "--export", "--report", "--backup" };
  guint before;

  import_fixture (fixture, "red-flags.csv");
  before = exported_rows (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    for (guint j = 0; j < 2; j++)
      {
        g_auto(Result) result = { 0 };

        run (fixture, &result, commands[i], j == 0 ? fixture->diary : wal, NULL);
        g_test_message ("%s: %s", commands[i], result.err);
        g_assert_cmpint (result.status, ==, 1);
        assert_one_sentence (result.err);
        g_assert_nonnull (strstr (result.err, "is the diary itself, so it was left alone"));
        g_assert_cmpuint (exported_rows (fixture), ==, before);
      }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  umask (022);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/version", test_version);
  ADD ("/cli/bad-usage", test_bad_usage);
  ADD ("/cli/help", test_help);
  ADD ("/cli/table", test_table);
  ADD ("/cli/nights", test_nights);
  ADD ("/cli/outcomes", test_outcomes);
  ADD ("/cli/experiments", test_experiments);
  ADD ("/cli/import-export", test_import_export);
  ADD ("/cli/import/all-or-nothing", test_import_all_or_nothing);
  ADD ("/cli/import/errors", test_import_errors);
  ADD ("/cli/export/errors", test_export_errors);
  ADD ("/cli/foreign-diary", test_foreign_diary);
  ADD ("/cli/findings/json", test_findings_json);
  ADD ("/cli/findings/benign", test_findings_benign);
  ADD ("/cli/findings/text", test_findings_text);
  ADD ("/cli/findings/errors", test_findings_errors);
  ADD ("/cli/report", test_report);
  ADD ("/cli/report/errors", test_report_errors);
  ADD ("/cli/backup-restore", test_backup_restore);
  ADD ("/cli/profile", test_profile);
  ADD ("/cli/profile/errors", test_profile_errors);
  ADD ("/cli/output-onto-diary", test_output_onto_diary);

#undef ADD

  return g_test_run ();
}
