/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-store-nights.h"

G_BEGIN_DECLS

/* The nights' CSV form: "night,quiet,sleep_disturbance,recorded_at". */
GArray  *cramp_nights_csv_parse  (const char   *data,
                                  gsize         length,
                                  const char   *file_name,
                                  GArray      **lines,
                                  guint        *n_bad_rows,
                                  GError      **error);
GString *cramp_nights_csv_export (CrampStore   *store,
                                  guint        *n_nights,
                                  GError      **error);
gboolean cramp_nights_csv_import (CrampStore   *store,
                                  GArray       *nights,
                                  GArray       *lines,
                                  const char   *file_name,
                                  guint        *n_added,
                                  guint        *n_skipped,
                                  GError      **error);

G_END_DECLS
