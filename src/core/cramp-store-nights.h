/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cramp-store.h"

G_BEGIN_DECLS

/* What the user said of a night: the nights table (schema version 6).
 * A night is cramp_time_night_of(): the evening it began, as days since
 * 1970; in files, its date. A night with a cramp is a cramp night
 * whatever its record says. */
typedef struct
{
  gint64   night;
  gboolean quiet;               /* no cramp that night */
  int      sleep_disturbance;   /* 0–10, or CRAMP_UNSET */
  gint64   recorded_at;         /* seconds since the epoch */
} CrampNight;

gboolean      cramp_store_get_night           (CrampStore       *self,
                                               gint64            night,
                                               CrampNight       *record,
                                               GError          **error);
GArray       *cramp_store_list_nights         (CrampStore       *self,
                                               gint64            first_night,
                                               gint64            last_night,
                                               GError          **error);
gboolean      cramp_store_first_cramp_of_night (CrampStore      *self,
                                               gint64            night,
                                               GDateTime       **started_at,
                                               GError          **error);
gboolean      cramp_store_set_night           (CrampStore       *self,
                                               const CrampNight *record,
                                               GError          **error);
gboolean      cramp_store_remove_night        (CrampStore       *self,
                                               gint64            night,
                                               GError          **error);

/* Inside a write (cramp_store_write()) */
gboolean      cramp_store_put_night           (CrampStore       *self,
                                               const CrampNight *record,
                                               GError          **error);
gboolean      cramp_store_unmark_quiet        (CrampStore       *self,
                                               gint64            night,
                                               GError          **error);

G_END_DECLS
