/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "cramp-test-utils.h"

/*
 * The command line, end to end: the real program, in an environment with
 * no display and no D-Bus session, on a diary in a private folder.
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

  run (fixture, &again, "--import", "in.csv", NULL);
  g_assert_cmpint (again.status, ==, 0);

  run (fixture, &export, "--export", "-", NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_cmpstr (export.err, ==, "");
  /* rows without ids got new ones, so importing the same file again
   * added them again: 4 rows and the header */
  {
    g_auto(GStrv) lines = g_strsplit (export.out, "\r\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 6);
  }

  run (fixture, &to_file, "--export", "out.csv", NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_cmpstr (to_file.out, ==, "Exported 4 episodes to out.csv.\n");
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
                     "Imported 0 episodes from out.csv. 4 were already in the diary and were skipped.\n");
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
  ADD ("/cli/import-export", test_import_export);
  ADD ("/cli/import/all-or-nothing", test_import_all_or_nothing);
  ADD ("/cli/import/errors", test_import_errors);
  ADD ("/cli/export/errors", test_export_errors);
  ADD ("/cli/foreign-diary", test_foreign_diary);

#undef ADD

  return g_test_run ();
}
