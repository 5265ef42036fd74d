/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRAMP_TYPE_STRETCH_WINDOW (cramp_stretch_window_get_type ())

G_DECLARE_FINAL_TYPE (CrampStretchWindow, cramp_stretch_window, CRAMP, STRETCH_WINDOW, AdwApplicationWindow)

CrampStretchWindow *cramp_stretch_window_new (GtkApplication *application);

G_END_DECLS
