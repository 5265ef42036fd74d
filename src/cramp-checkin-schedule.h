/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-schedule.h"
#include "cramp-store.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_CHECKIN_SCHEDULE (cramp_checkin_schedule_get_type ())

G_DECLARE_FINAL_TYPE (CrampCheckinSchedule, cramp_checkin_schedule, CRAMP, CHECKIN_SCHEDULE, CrampSchedule)

CrampCheckinSchedule *cramp_checkin_schedule_new (GApplication *application,
                                                  GSettings    *settings,
                                                  CrampStore   *store);

G_END_DECLS
