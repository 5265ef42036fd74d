/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line. */
#define CRAMP_EXIT_OK    0
#define CRAMP_EXIT_ERROR 1
#define CRAMP_EXIT_USAGE 2

typedef struct
{
  char     *import_path;
  char     *export_path;
  char     *report_path;
  char     *backup_path;
  char     *restore_path;
  char     *import_profile_path;
  char     *export_profile_path;
  char     *import_nights_path;
  char     *export_nights_path;
  char     *since;
  char     *until;
  char     *add_experiment;
  char     *kind;
  char     *start;
  char     *days;
  gboolean  findings;
  gboolean  outcomes;
  gboolean  experiments;
  gboolean  json;
  gboolean  version;
  gboolean  background;
} CrampCliOptions;

const GOptionEntry *cramp_cli_get_option_entries (void);
const char * const *cramp_cli_option_goes_with   (const char *name);
gboolean  cramp_cli_parse          (const char * const    *argv,
                                    CrampCliOptions       *options,
                                    GError               **error);
gboolean  cramp_cli_options_from_dict (GVariantDict       *dict,
                                       CrampCliOptions    *options);
gboolean  cramp_cli_is_command     (const CrampCliOptions *options);
void      cramp_cli_options_clear  (CrampCliOptions       *options);
int       cramp_cli_run            (const CrampCliOptions *options,
                                    const char            *diary_path);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrampCliOptions, cramp_cli_options_clear)

G_END_DECLS
