/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "cramp-cli-private.h"

/*
 * The commands of the command line: one table, the parse, the dispatch.
 * They need no display, no D-Bus and no running instance, and work while
 * the window is open: the window notices what they wrote. What each runs
 * is in cramp-cli-files.c and cramp-cli-analysis.c.
 */

static int run_version        (const CrampCliOptions *options,
                               const char            *diary_path);

typedef int (*CommandFunc) (const CrampCliOptions *options,
                            const char            *diary_path);

/* What an option takes, which says how it is parsed, where and how it
 * is kept in CrampCliOptions, and how it is cleared. */
typedef enum
{
  KIND_FLAG,      /* gboolean */
  KIND_STRING,    /* char *, UTF-8 */
  KIND_PATH,      /* char *, in the file system's encoding; never empty */
  KIND_DATE,      /* char *, "YYYY-MM-DD", read by the command that takes it */
  KIND_NUMBER,    /* char *, a whole number read by the command that takes it */
} Kind;

static const struct
{
  GOptionArg  arg;
  const char *variant_type;   /* of GApplication's dictionary */
  gboolean    heap;           /* the field holds a string to free */
} kinds[] = {
  [KIND_FLAG] = { G_OPTION_ARG_NONE, "b", FALSE },
  [KIND_STRING] = { G_OPTION_ARG_STRING, "s", TRUE },
  [KIND_PATH] = { G_OPTION_ARG_FILENAME, "^ay", TRUE },
  [KIND_DATE] = { G_OPTION_ARG_STRING, "s", TRUE },
  /* text: GOption would take "0" for not given, and say nothing a
   * person understands of "six" */
  [KIND_NUMBER] = { G_OPTION_ARG_STRING, "s", TRUE },
};

/* The command line as one table: from it come GApplication's options
 * (with no storage, into a GVariantDict), the strict parse that tells
 * bad usage apart, the "one command at a time" and "goes with" checks,
 * the clearing and the dispatch. A command is one at a time; the other
 * options modify one of the commands they go with. */
typedef struct
{
  const char   *name;
  Kind          kind;
  gsize         offset;        /* of the field of CrampCliOptions it fills */
  const char   *description;
  const char   *arg_description;
  gboolean      command;
  CommandFunc   run;           /* NULL for what the application runs itself */
  const char   *goes_with[4];  /* a modifier: the commands it modifies */
} Option;

#define FIELD(name) G_STRUCT_OFFSET (CrampCliOptions, name)

static const Option options_table[] = {
  { "import", KIND_PATH, FIELD (import_path),
    N_("Import episodes from a CSV file"), N_("FILE.csv"), TRUE, _cramp_cli_run_import, { NULL } },
  { "export", KIND_PATH, FIELD (export_path),
    N_("Export every episode as CSV (“-” writes to the standard output)"), N_("FILE.csv"), TRUE,
    _cramp_cli_run_export, { NULL } },
  { "report", KIND_PATH, FIELD (report_path),
    N_("Write the report for the doctor as a PDF file"), N_("FILE.pdf"), TRUE, cramp_cli_run_report, { NULL } },
  { "findings", KIND_FLAG, FIELD (findings),
    N_("Print the patterns that match medical red flags"), NULL, TRUE, cramp_cli_run_findings, { NULL } },
  { "outcomes", KIND_FLAG, FIELD (outcomes),
    N_("Print the outcome measures of the trials: nights logged, cramp nights, cramps a logged week"), NULL, TRUE,
    cramp_cli_run_outcomes, { NULL } },
  { "experiments", KIND_FLAG, FIELD (experiments),
    N_("Print each personal experiment: its nights, the rate ratio and what it shows"), NULL, TRUE,
    _cramp_cli_run_experiments, { NULL } },
  { "add-experiment", KIND_STRING, FIELD (add_experiment),
    N_("Start a personal experiment of this name (with --kind and --start)"), N_("NAME"), TRUE,
    _cramp_cli_run_add_experiment, { NULL } },
  { "kind", KIND_STRING, FIELD (kind),
    N_("The kind of experiment: stretching, supplement, fluid, medication-change or other"), N_("KIND"), FALSE,
    NULL, { "add-experiment", NULL } },
  { "start", KIND_DATE, FIELD (start),
    N_("The experiment's first night, by the date of its evening"), N_("YYYY-MM-DD"), FALSE, NULL,
    { "add-experiment", NULL } },
  { "days", KIND_NUMBER, FIELD (days),
    N_("How many nights the experiment lasts (default: 42)"), N_("N"), FALSE, NULL, { "add-experiment", NULL } },
  { "json", KIND_FLAG, FIELD (json),
    N_("With --findings, --outcomes or --experiments, print them as JSON"), NULL, FALSE, NULL,
    { "findings", "outcomes", "experiments" } },
  { "since", KIND_DATE, FIELD (since),
    N_("Start the period on this day (default: the first cramp)"), N_("YYYY-MM-DD"), FALSE, NULL,
    { "findings", "report", "outcomes" } },
  { "until", KIND_DATE, FIELD (until),
    N_("End the period on this day (default: now)"), N_("YYYY-MM-DD"), FALSE, NULL,
    { "findings", "report", "outcomes" } },
  { "import-profile", KIND_PATH, FIELD (import_profile_path),
    N_("Replace the health profile with one from a JSON file"), N_("FILE.json"), TRUE,
    _cramp_cli_run_import_profile, { NULL } },
  { "export-profile", KIND_PATH, FIELD (export_profile_path),
    N_("Write the health profile as JSON (“-” writes to the standard output)"), N_("FILE.json"), TRUE,
    _cramp_cli_run_export_profile, { NULL } },
  { "import-nights", KIND_PATH, FIELD (import_nights_path),
    N_("Add what was said of nights (quiet, sleep disturbance) from a CSV file"), N_("FILE.csv"), TRUE,
    _cramp_cli_run_import_nights, { NULL } },
  { "export-nights", KIND_PATH, FIELD (export_nights_path),
    N_("Write what was said of each night as CSV (“-” writes to the standard output)"), N_("FILE.csv"), TRUE,
    _cramp_cli_run_export_nights, { NULL } },
  { "backup", KIND_PATH, FIELD (backup_path),
    N_("Write a copy of the diary to a file"), N_("FILE"), TRUE, _cramp_cli_run_backup, { NULL } },
  { "restore", KIND_PATH, FIELD (restore_path),
    N_("Replace the diary with a backup; the diary as it was is kept aside"), N_("FILE"), TRUE,
    _cramp_cli_run_restore, { NULL } },
  /* a command the application runs */
  { "background", KIND_FLAG, FIELD (background),
    N_("Run the bedtime reminders without a window (as at login)"), NULL, TRUE, NULL, { NULL } },
  { "version", KIND_FLAG, FIELD (version),
    N_("Show the version"), NULL, TRUE, run_version, { NULL } },
};

#undef FIELD

static gpointer
field_of (const CrampCliOptions *options,
          const Option          *option)
{
  return G_STRUCT_MEMBER_P ((gpointer) options, option->offset);
}

/* Whether @option was given. */
static gboolean
is_given (const CrampCliOptions *options,
          const Option          *option)
{
  switch (option->kind)
    {
    case KIND_FLAG:
      return *(gboolean *) field_of (options, option);

    case KIND_STRING:
    case KIND_PATH:
    case KIND_DATE:
    case KIND_NUMBER:
    default:
      return *(char **) field_of (options, option) != NULL;
    }
}

static const Option *
find_option (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (options_table); i++)
    if (g_str_equal (options_table[i].name, name))
      return &options_table[i];

  return NULL;
}

/**
 * cramp_cli_option_goes_with:
 * @name: an option's long name, without "--"
 *
 * Returns: (nullable) (array zero-terminated=1): the commands the option
 *   modifies, or %NULL for a command (or an option there is not)
 */
const char * const *
cramp_cli_option_goes_with (const char *name)
{
  const Option *option = find_option (name);

  if (option == NULL || option->goes_with[0] == NULL)
    return NULL;

  return option->goes_with;
}

/* @options_out == NULL: entries without storage, for GApplication */
static GOptionEntry *
make_entries (CrampCliOptions *options_out)
{
  GOptionEntry *entries = g_new0 (GOptionEntry, G_N_ELEMENTS (options_table) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (options_table); i++)
    {
      const Option *option = &options_table[i];

      entries[i] = (GOptionEntry) {
        option->name, 0, 0, kinds[option->kind].arg,
        options_out ? field_of (options_out, option) : NULL,
        option->description, option->arg_description
      };
    }

  return entries;
}

const GOptionEntry *
cramp_cli_get_option_entries (void)
{
  static GOptionEntry *entries;

  if (g_once_init_enter (&entries))
    g_once_init_leave (&entries, make_entries (NULL));

  return entries;
}

static gboolean
usage_error (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return FALSE;
}

/**
 * cramp_cli_parse:
 * @argv: the whole command line, program name first
 *
 * Parses the command line strictly, to tell bad usage (exit status 2)
 * from everything else before GApplication sees it.
 */
gboolean
cramp_cli_parse (const char * const  *argv,
                 CrampCliOptions     *options,
                 GError             **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = g_strdupv ((char **) argv);
  g_autofree GOptionEntry *strict = make_entries (options);
  g_autoptr(GString) commands = g_string_new (NULL);
  guint n_commands = 0;

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, strict, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, error))
    return FALSE;

  if (args[0] != NULL && args[1] != NULL)
    return usage_error (error, _("Cramp Diary does not open files by name; use --import FILE.csv to import one."));

  for (guint i = 0; i < G_N_ELEMENTS (options_table); i++)
    {
      const Option *option = &options_table[i];

      if (option->kind == KIND_PATH && is_given (options, option) &&
          **(char **) field_of (options, option) == '\0')
        return usage_error (error, _("The option needs a file name."));

      if (option->command)
        {
          n_commands += is_given (options, option);
          /* Translators: separates the options in "Give one command at a time: --import, --export…" */
          g_string_append_printf (commands, "%s--%s", commands->len ? _(", ") : "", option->name);
        }
    }

  if (n_commands > 1)
    {
      /* Translators: %s lists the commands, such as "--import, --export, --report" */
      g_autofree char *message = g_strdup_printf (_("Give one command at a time: %s."), commands->str);

      return usage_error (error, message);
    }

  /* a modifier, with a command it modifies */
  for (guint i = 0; i < G_N_ELEMENTS (options_table); i++)
    {
      const Option *option = &options_table[i];
      g_autoptr(GString) with = NULL;
      gboolean modified = FALSE;

      if (option->goes_with[0] == NULL || !is_given (options, option))
        continue;

      with = g_string_new (NULL);
      for (guint j = 0; option->goes_with[j] != NULL; j++)
        {
          modified |= is_given (options, find_option (option->goes_with[j]));
          /* Translators: between the commands in "--since goes with --findings or --report." */
          g_string_append_printf (with, "%s--%s", j > 0 ? _(" or ") : "", option->goes_with[j]);
        }

      if (!modified)
        {
          /* Translators: "--json goes with --findings.", "--since goes with --findings or --report." */
          g_autofree char *message = g_strdup_printf (_("--%s goes with %s."), option->name, with->str);

          return usage_error (error, message);
        }
    }

  return TRUE;
}

/**
 * cramp_cli_options_from_dict:
 *
 * Reads the options GApplication parsed.
 *
 * Returns: whether they ask for a command of the command line, which
 *   --background is not: the application runs it
 */
gboolean
cramp_cli_options_from_dict (GVariantDict    *dict,
                             CrampCliOptions *options)
{
  for (guint i = 0; i < G_N_ELEMENTS (options_table); i++)
    {
      const Option *option = &options_table[i];

      g_variant_dict_lookup (dict, option->name, kinds[option->kind].variant_type, field_of (options, option));
    }

  return cramp_cli_is_command (options);
}

gboolean
cramp_cli_is_command (const CrampCliOptions *options)
{
  for (guint i = 0; i < G_N_ELEMENTS (options_table); i++)
    if (options_table[i].run != NULL && is_given (options, &options_table[i]))
      return TRUE;

  return FALSE;
}

void
cramp_cli_options_clear (CrampCliOptions *options)
{
  for (guint i = 0; i < G_N_ELEMENTS (options_table); i++)
    {
      const Option *option = &options_table[i];

      if (kinds[option->kind].heap)
        g_clear_pointer ((char **) field_of (options, option), g_free);
      else
        *(gboolean *) field_of (options, option) = FALSE;
    }
}

static int
run_version (const CrampCliOptions *options,
             const char            *diary_path)
{
  g_print ("cramp-diary %s\n", PACKAGE_VERSION);
  return CRAMP_EXIT_OK;
}

/**
 * cramp_cli_run:
 * @diary_path: the diary to work on
 *
 * Runs the one command @options asks for.
 *
 * Returns: the exit status
 */
int
cramp_cli_run (const CrampCliOptions *options,
               const char            *diary_path)
{
  g_return_val_if_fail (options != NULL, CRAMP_EXIT_ERROR);
  g_return_val_if_fail (diary_path != NULL, CRAMP_EXIT_ERROR);

  for (guint i = 0; i < G_N_ELEMENTS (options_table); i++)
    if (options_table[i].run != NULL && is_given (options, &options_table[i]))
      {
        int status = options_table[i].run (options, diary_path);

        /* what a command printed reached its reader, or it failed: a
         * full disk (> /dev/full) or a closed pipe is not success */
        if ((fflush (stdout) != 0 || ferror (stdout)) && status == CRAMP_EXIT_OK)
          {
            g_printerr ("%s\n", _("The output could not be written, so the command failed."));
            return CRAMP_EXIT_ERROR;
          }
        return status;
      }

  g_return_val_if_reached (CRAMP_EXIT_USAGE);
}
