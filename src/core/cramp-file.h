/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cramp_file_read          (const char  *path,
                                   gsize        max_length,
                                   char       **contents,
                                   gsize       *length,
                                   GError     **error);
gboolean cramp_file_write_private (const char  *path,
                                   const char  *data,
                                   gsize        length,
                                   GError     **error);

gboolean cramp_file_check_not_diary (const char  *path,
                                     const char  *diary_path,
                                     GError     **error);
gboolean cramp_file_check_target    (const char  *path,
                                     const char  *diary_path,
                                     GError     **error);

G_END_DECLS
