/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cramp-findings.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_EVIDENCE_WINDOW (cramp_evidence_window_get_type ())

G_DECLARE_FINAL_TYPE (CrampEvidenceWindow, cramp_evidence_window, CRAMP, EVIDENCE_WINDOW, AdwWindow)

CrampEvidenceWindow *cramp_evidence_window_new (GtkWindow    *parent,
                                                CrampFinding *finding);

G_END_DECLS
