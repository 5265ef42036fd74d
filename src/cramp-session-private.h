/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-session.h"

G_BEGIN_DECLS

struct _CrampSession
{
  GObject               parent_instance;

  GApplication         *application;   /* weak: it owns us */
  GSettings            *settings;
  char                 *path;          /* the diary's, opened or not */
  CrampStore           *store;
  GError               *error;         /* why it could not be opened, or is damaged */
  CrampServiceHost     *service;
  CrampBedtimeSchedule *reminders;
  CrampCheckinSchedule *checkin;
  gboolean              damaged;       /* opened, but a check found it damaged */

  /* The one verb that cramp_session_undo() takes back. */
  CrampUndoKind         undo_kind;
  CrampEpisode         *undo_episode;
  gboolean              undo_has_night;  /* the record of a night to put back */
  CrampNight            undo_night;
  gint64                undo_night_of;   /* for CRAMP_UNDO_NIGHT: the night */
  /* for CRAMP_UNDO_EXPERIMENT the one started; for
   * CRAMP_UNDO_REMOVE_EXPERIMENT the one removed, and the nights it was
   * done */
  CrampExperiment      *undo_experiment;
  GArray               *undo_done;
};

void _cramp_session_notify_undo_kind (CrampSession *self);

G_END_DECLS
