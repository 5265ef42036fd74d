/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cramp-reminder-service.h"
#include "cramp-store.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_SESSION (cramp_session_get_type ())

G_DECLARE_FINAL_TYPE (CrampSession, cramp_session, CRAMP, SESSION, GObject)

CrampSession         *cramp_session_new           (GApplication  *application,
                                                   GSettings     *settings);
CrampStore           *cramp_session_get_store     (CrampSession  *self);
const GError         *cramp_session_get_error     (CrampSession  *self);
gboolean              cramp_session_get_damaged   (CrampSession  *self);
GSettings            *cramp_session_get_settings  (CrampSession  *self);
CrampReminderService *cramp_session_get_reminders (CrampSession  *self);
void                  cramp_session_set_damaged   (CrampSession  *self,
                                                   const GError  *error);
gboolean              cramp_session_restore       (CrampSession  *self,
                                                   const char    *backup,
                                                   char         **kept_aside,
                                                   GError       **error);

G_END_DECLS
