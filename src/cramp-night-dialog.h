/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cramp-session.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_NIGHT_DIALOG (cramp_night_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrampNightDialog, cramp_night_dialog, CRAMP, NIGHT_DIALOG, AdwWindow)

CrampNightDialog *cramp_night_dialog_new       (GtkWindow        *parent,
                                                CrampSession     *session,
                                                gint64            night);
void              cramp_night_dialog_set_night (CrampNightDialog *self,
                                                gint64            night);
gint64            cramp_night_dialog_get_night (CrampNightDialog *self);

G_END_DECLS
