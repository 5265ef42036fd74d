/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cramp-schedule.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_SERVICE_HOST (cramp_service_host_get_type ())

G_DECLARE_FINAL_TYPE (CrampServiceHost, cramp_service_host, CRAMP, SERVICE_HOST, GObject)

CrampServiceHost *cramp_service_host_new            (GApplication     *application);
void              cramp_service_host_add            (CrampServiceHost *self,
                                                     CrampSchedule    *schedule);
gboolean          cramp_service_host_is_running     (CrampServiceHost *self);
void              cramp_service_host_check          (CrampServiceHost *self);
char             *cramp_service_host_autostart_path (void);

G_END_DECLS
