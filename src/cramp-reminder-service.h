/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cramp-reminder.h"
#include "cramp-store.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_REMINDER_SERVICE (cramp_reminder_service_get_type ())

G_DECLARE_FINAL_TYPE (CrampReminderService, cramp_reminder_service, CRAMP, REMINDER_SERVICE, GObject)

CrampReminderService *cramp_reminder_service_new         (GApplication         *application,
                                                          CrampStore           *store,
                                                          GSettings            *settings);
gboolean              cramp_reminder_service_is_running  (CrampReminderService *self);
gboolean              cramp_reminder_service_record_done (CrampReminderService *self,
                                                          GError              **error);
char                 *cramp_reminder_autostart_path      (void);

G_END_DECLS
