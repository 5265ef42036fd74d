/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRAMP_TYPE_REMINDERS_PAGE (cramp_reminders_page_get_type ())

G_DECLARE_FINAL_TYPE (CrampRemindersPage, cramp_reminders_page, CRAMP, REMINDERS_PAGE, AdwPreferencesPage)

G_END_DECLS
