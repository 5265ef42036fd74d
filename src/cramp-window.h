/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cramp-application.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_WINDOW (cramp_window_get_type ())

G_DECLARE_FINAL_TYPE (CrampWindow, cramp_window, CRAMP, WINDOW, AdwApplicationWindow)

CrampWindow *cramp_window_new (CrampApplication *application);

G_END_DECLS
