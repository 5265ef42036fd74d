/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cramp-session.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_PREFERENCES_WINDOW (cramp_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CrampPreferencesWindow, cramp_preferences_window, CRAMP, PREFERENCES_WINDOW, AdwPreferencesWindow)

CrampPreferencesWindow *cramp_preferences_window_new (GtkWindow  *parent,
                                                      CrampSession *session);

G_END_DECLS
