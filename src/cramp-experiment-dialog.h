/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cramp-session.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_EXPERIMENT_DIALOG (cramp_experiment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrampExperimentDialog, cramp_experiment_dialog, CRAMP, EXPERIMENT_DIALOG, AdwWindow)

CrampExperimentDialog *cramp_experiment_dialog_new (GtkWindow    *parent,
                                                    CrampSession *session);

G_END_DECLS
