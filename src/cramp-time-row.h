/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRAMP_TYPE_TIME_ROW (cramp_time_row_get_type ())

G_DECLARE_FINAL_TYPE (CrampTimeRow, cramp_time_row, CRAMP, TIME_ROW, AdwActionRow)

void           cramp_time_row_bind            (CrampTimeRow *self,
                                               GSettings    *settings,
                                               const char   *key,
                                               int           default_hour,
                                               const char   *hour_label,
                                               const char   *minute_label);
GtkSpinButton *cramp_time_row_get_hour_spin   (CrampTimeRow *self);
GtkSpinButton *cramp_time_row_get_minute_spin (CrampTimeRow *self);

G_END_DECLS
