/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "cramp-cli.h"

G_BEGIN_DECLS

/* cramp-cli-common.c */
void _cramp_cli_json_add_number (JsonBuilder       *builder,
                                 const char        *name,
                                 double             value);
void _cramp_cli_print_json  (JsonBuilder           *builder);
int _cramp_cli_fail         (const char            *message);
int _cramp_cli_check_output (const char            *path,
                             const char            *diary_path);
int _cramp_cli_write_output (const char            *path,
                             const char            *diary_path,
                             const char            *data,
                             gsize                  length,
                             const char            *stdout_failed);

/* cramp-cli-files.c */
int _cramp_cli_run_import         (const CrampCliOptions *options,
                                   const char            *diary_path);
int _cramp_cli_run_export         (const CrampCliOptions *options,
                                   const char            *diary_path);
int _cramp_cli_run_backup         (const CrampCliOptions *options,
                                   const char            *diary_path);
int _cramp_cli_run_restore        (const CrampCliOptions *options,
                                   const char            *diary_path);
int _cramp_cli_run_import_profile (const CrampCliOptions *options,
                                   const char            *diary_path);
int _cramp_cli_run_export_profile (const CrampCliOptions *options,
                                   const char            *diary_path);
int _cramp_cli_run_import_nights  (const CrampCliOptions *options,
                                   const char            *diary_path);
int _cramp_cli_run_export_nights  (const CrampCliOptions *options,
                                   const char            *diary_path);

/* cramp-cli-analysis.c */
int cramp_cli_run_findings (const CrampCliOptions *options,
                            const char            *diary_path);
int cramp_cli_run_report   (const CrampCliOptions *options,
                            const char            *diary_path);
int cramp_cli_run_outcomes (const CrampCliOptions *options,
                            const char            *diary_path);

/* cramp-cli-experiments.c */
int _cramp_cli_run_add_experiment (const CrampCliOptions *options,
                                   const char            *diary_path);
int _cramp_cli_run_experiments    (const CrampCliOptions *options,
                                   const char            *diary_path);

G_END_DECLS
