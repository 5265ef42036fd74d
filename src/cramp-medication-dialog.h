/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRAMP_TYPE_MEDICATION_DIALOG (cramp_medication_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrampMedicationDialog, cramp_medication_dialog, CRAMP, MEDICATION_DIALOG, AdwWindow)

CrampMedicationDialog *cramp_medication_dialog_new (GtkWindow   *parent,
                                                    const char  *name,
                                                    const GDate *started,
                                                    const GDate *stopped);

G_END_DECLS
