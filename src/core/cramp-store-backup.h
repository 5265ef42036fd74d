/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-store.h"

G_BEGIN_DECLS

/* Copies of the diary: on demand, daily, before an upgrade or a restore;
 * restoring one; and checking the diary and its copies whole. */
char         *cramp_store_backup_folder       (const char         *diary_path);
GPtrArray    *cramp_store_list_backups        (const char         *diary_path);
gboolean      cramp_store_check_backup        (const char         *path,
                                               GError            **error);
gboolean      cramp_store_back_up             (CrampStore         *self,
                                               const char         *path,
                                               GError            **error);
gboolean      cramp_store_restore             (CrampStore         *self,
                                               const char         *source,
                                               char              **kept_aside,
                                               GError            **error);
void          cramp_store_quick_check_async   (CrampStore         *self,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean      cramp_store_quick_check_finish  (CrampStore         *self,
                                               GAsyncResult       *result,
                                               GError            **error);
gboolean      cramp_store_check_whole         (CrampStore         *self,
                                               GError            **error);
gboolean      cramp_store_restore_file        (const char         *diary_path,
                                               const char         *source,
                                               char              **kept_aside,
                                               GError            **error);

G_END_DECLS
