/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-episode.h"
#include "cramp-store.h"

G_BEGIN_DECLS

#define CRAMP_CSV_ERROR (cramp_csv_error_quark ())

typedef enum
{
  CRAMP_CSV_ERROR_INVALID,   /* the message lists every problem, a line each */
  CRAMP_CSV_ERROR_TOO_LARGE,
} CrampCsvError;

/* Files larger than this are refused rather than read into memory. */
#define CRAMP_CSV_MAX_BYTES ((gsize) 512 * 1024 * 1024)

typedef void (*CrampCsvEpisodeFunc) (CrampEpisode *episode,
                                     gpointer      user_data);

GQuark     cramp_csv_error_quark  (void);
gboolean   cramp_csv_parse_each   (const char          *data,
                                   gsize                length,
                                   const char          *file_name,
                                   GStrv               *unknown_columns,
                                   guint               *n_bad_rows,
                                   guint               *n_moved,
                                   CrampCsvEpisodeFunc  func,
                                   gpointer             user_data,
                                   GError             **error);
GPtrArray *cramp_csv_parse        (const char    *data,
                                   gsize          length,
                                   const char    *file_name,
                                   GStrv         *unknown_columns,
                                   guint         *n_bad_rows,
                                   GError       **error);
void       cramp_csv_append_header  (GString     *out);
void       cramp_csv_append_episode (GString     *out,
                                     CrampEpisode *episode);
GString   *cramp_csv_export       (CrampStore    *store,
                                   guint         *n_episodes,
                                   GError       **error);

G_END_DECLS
