/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-store.h"
#include "cramp-stretch-log.h"

G_BEGIN_DECLS

/* The stretch log kept in the diary. */
gboolean      cramp_store_add_stretch         (CrampStore         *self,
                                               CrampStretchEvent   event,
                                               GDateTime          *at,
                                               GError            **error);
GArray       *cramp_store_list_stretches      (CrampStore         *self,
                                               gint64              first_night,
                                               gint64              last_night,
                                               GError            **error);
gboolean      cramp_store_get_first_stretch_night (CrampStore     *self,
                                               gint64             *night);
gboolean      cramp_store_night_stretched     (CrampStore         *self,
                                               gint64              night);
gint64        cramp_store_get_last_reminder_night (CrampStore     *self);

G_END_DECLS
