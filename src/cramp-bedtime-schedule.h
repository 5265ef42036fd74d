/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-schedule.h"
#include "cramp-store.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_BEDTIME_SCHEDULE (cramp_bedtime_schedule_get_type ())

G_DECLARE_FINAL_TYPE (CrampBedtimeSchedule, cramp_bedtime_schedule, CRAMP, BEDTIME_SCHEDULE, CrampSchedule)

CrampBedtimeSchedule *cramp_bedtime_schedule_new         (GApplication          *application,
                                                          GSettings             *settings,
                                                          CrampStore            *store);
gboolean              cramp_bedtime_schedule_record_done (CrampBedtimeSchedule  *self,
                                                          GError               **error);

G_END_DECLS
