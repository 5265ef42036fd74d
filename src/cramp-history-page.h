/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cramp-session.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_HISTORY_PAGE (cramp_history_page_get_type ())

G_DECLARE_FINAL_TYPE (CrampHistoryPage, cramp_history_page, CRAMP, HISTORY_PAGE, GtkWidget)

void cramp_history_page_set_session           (CrampHistoryPage *self,
                                               CrampSession     *session);
void cramp_history_page_set_key_capture_widget (CrampHistoryPage *self,
                                                GtkWidget        *widget);
void cramp_history_page_focus_search          (CrampHistoryPage *self);
void cramp_history_page_reveal                (CrampHistoryPage *self,
                                               const char       *id);
void cramp_history_page_focus_episode         (CrampHistoryPage *self,
                                               const char       *id);
void cramp_history_page_focus_neighbour       (CrampHistoryPage *self,
                                               const char       *id);

G_END_DECLS
