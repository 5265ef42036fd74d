/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cramp-analysis.h"
#include "cramp-episode-list.h"
#include "cramp-service-host.h"
#include "cramp-bedtime-schedule.h"
#include "cramp-checkin-schedule.h"
#include "cramp-experiment.h"
#include "cramp-store-episodes.h"
#include "cramp-store-nights.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_SESSION (cramp_session_get_type ())

G_DECLARE_FINAL_TYPE (CrampSession, cramp_session, CRAMP, SESSION, GObject)

/* What cramp_session_undo() takes back. */
typedef enum
{
  CRAMP_UNDO_NOTHING,
  CRAMP_UNDO_LOG,      /* remove the cramp just logged */
  CRAMP_UNDO_DELETE,   /* put the deleted cramp back */
  CRAMP_UNDO_NIGHT,    /* put back what was said of a night */
  CRAMP_UNDO_EXPERIMENT, /* forget the experiment just started */
  CRAMP_UNDO_REMOVE_EXPERIMENT, /* put back the experiment removed */
} CrampUndoKind;

CrampSession         *cramp_session_new           (GApplication  *application,
                                                   GSettings     *settings);
CrampStore           *cramp_session_get_store     (CrampSession  *self);
const GError         *cramp_session_get_error     (CrampSession  *self);
gboolean              cramp_session_get_damaged   (CrampSession  *self);
GSettings            *cramp_session_get_settings  (CrampSession  *self);
CrampBedtimeSchedule *cramp_session_get_reminders (CrampSession  *self);
CrampServiceHost     *cramp_session_get_service   (CrampSession  *self);
void                  cramp_session_set_damaged   (CrampSession  *self,
                                                   const GError  *error);

/* Reading the diary */
gboolean              cramp_session_has_diary     (CrampSession  *self);
const char           *cramp_session_get_diary_path (CrampSession *self);
char                 *cramp_session_get_backup_folder (CrampSession *self);
guint                 cramp_session_get_n_episodes (CrampSession *self);
CrampEpisodeList     *cramp_session_list_episodes (CrampSession  *self);
CrampEpisode         *cramp_session_lookup        (CrampSession  *self,
                                                   const char    *id,
                                                   GError       **error);
void                  cramp_session_get_usual     (CrampSession  *self,
                                                   GDateTime     *at,
                                                   CrampUsual    *usual);
GStrv                 cramp_session_list_medication_names (CrampSession *self);
CrampProfile         *cramp_session_get_profile   (CrampSession  *self,
                                                   GError       **error);
CrampAnalysis        *cramp_session_analyse       (CrampSession  *self,
                                                   GDateTime     *since,
                                                   GDateTime     *until,
                                                   GError       **error);
void                  cramp_session_analyse_async (CrampSession  *self,
                                                   GDateTime     *since,
                                                   GDateTime     *until,
                                                   GCancellable  *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer       user_data);
CrampAnalysis        *cramp_session_analyse_finish (CrampSession *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);
GPtrArray            *cramp_session_list_experiments (CrampSession *self,
                                                   GError       **error);
gboolean              cramp_session_get_experiment_done (CrampSession *self,
                                                   const char    *id,
                                                   gint64         night);
gboolean              cramp_session_analyse_experiment (CrampSession          *self,
                                                        const CrampExperiment *experiment,
                                                        CrampExperimentResult *result,
                                                        GError               **error);
void                  cramp_session_check_async   (CrampSession  *self,
                                                   GCancellable  *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer       user_data);
gboolean              cramp_session_check_finish  (CrampSession  *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

/* The user's verbs */
CrampEpisode         *cramp_session_log_cramp     (CrampSession  *self,
                                                   CrampUsual    *assumed,
                                                   gboolean      *cleared_quiet,
                                                   GError       **error);
gboolean              cramp_session_get_night     (CrampSession  *self,
                                                   gint64         night,
                                                   CrampNight    *record,
                                                   GError       **error);
gint64                cramp_session_get_last_night (CrampSession *self);
gboolean              cramp_session_night_has_cramp (CrampSession *self,
                                                   gint64         night,
                                                   GError       **error);
gboolean              cramp_session_mark_night    (CrampSession  *self,
                                                   gint64         night,
                                                   gboolean       quiet,
                                                   int            sleep_disturbance,
                                                   GError       **error);
gboolean              cramp_session_start_experiment (CrampSession    *self,
                                                   CrampExperiment *experiment,
                                                   GError         **error);
gboolean              cramp_session_remove_experiment (CrampSession *self,
                                                   const char    *id,
                                                   GError       **error);
gboolean              cramp_session_set_experiment_done (CrampSession *self,
                                                   const char    *id,
                                                   gint64         night,
                                                   gboolean       done,
                                                   GError       **error);
gboolean              cramp_session_save_episode  (CrampSession  *self,
                                                   CrampEpisode  *episode,
                                                   gboolean       is_new,
                                                   GError       **error);
gboolean              cramp_session_delete_episode (CrampSession *self,
                                                   const char    *id,
                                                   GError       **error);
CrampUndoKind         cramp_session_get_undo_kind (CrampSession  *self);
CrampEpisode         *cramp_session_get_undo_episode (CrampSession *self);
gboolean              cramp_session_undo          (CrampSession  *self,
                                                   CrampUndoKind *undone,
                                                   GError       **error);
void                  cramp_session_forget_undo   (CrampSession  *self);
gboolean              cramp_session_set_profile   (CrampSession  *self,
                                                   CrampProfile  *profile,
                                                   GError       **error);
gboolean              cramp_session_back_up       (CrampSession  *self,
                                                   const char    *path,
                                                   GError       **error);
gboolean              cramp_session_restore       (CrampSession  *self,
                                                   const char    *backup,
                                                   char         **kept_aside,
                                                   GError       **error);

G_END_DECLS
