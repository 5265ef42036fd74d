/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-session"

#include "config.h"

#include "cramp-reminder.h"
#include "cramp-session-private.h"
#include "cramp-store-backup.h"
#include "cramp-store-experiments.h"
#include "cramp-store-profile.h"

/*
 * What the windows of one application share: the open diary, why it
 * could not be opened or was found damaged, the settings and the bedtime
 * reminders. The application owns it; windows and pages receive it when
 * they are made, never the store, and follow its properties and its
 * #CrampSession::changed.
 *
 * It offers the user's verbs — log a cramp, save one from the editor,
 * delete one, change the profile, back up, restore — and owns the one
 * undo of the last of them that can be taken back. Restoring the diary
 * happens here, and only here.
 */


G_DEFINE_FINAL_TYPE (CrampSession, cramp_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_SETTINGS,
  PROP_STORE,
  PROP_DAMAGED,
  PROP_N_EPISODES,
  PROP_UNDO_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The store's change, as the session's: widgets listen here. */
static void
on_store_changed_cb (CrampSession     *self,
                     CrampStoreChange  change,
                     CrampStore       *store)
{
  g_signal_emit (self, signals[CHANGED], cramp_store_change_to_quark (change), change);
}

static void
on_n_episodes_cb (CrampSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EPISODES]);
}

/* Opens the default diary, and the background service's schedules that
 * go with it. */
static void
open_diary (CrampSession *self)
{
  g_assert (self->store == NULL);

  g_clear_error (&self->error);
  self->damaged = FALSE;
  self->store = cramp_store_open (self->path, &self->error);
  if (self->store == NULL)
    {
      /* the window says it, and offers a backup */
      g_message ("%s", self->error->message);
      return;
    }

  cramp_store_watch (self->store);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::n-episodes", G_CALLBACK (on_n_episodes_cb), self,
                           G_CONNECT_SWAPPED);
  self->service = cramp_service_host_new (self->application);
  self->reminders = cramp_bedtime_schedule_new (self->application, self->settings, self->store);
  cramp_service_host_add (self->service, CRAMP_SCHEDULE (self->reminders));
  self->checkin = cramp_checkin_schedule_new (self->application, self->settings, self->store);
  cramp_service_host_add (self->service, CRAMP_SCHEDULE (self->checkin));
}

static void
close_diary (CrampSession *self)
{
  cramp_session_forget_undo (self);
  g_clear_object (&self->service);
  g_clear_object (&self->reminders);
  g_clear_object (&self->checkin);
  g_clear_object (&self->store);
}

static void
cramp_session_constructed (GObject *object)
{
  CrampSession *self = (CrampSession *) object;

  G_OBJECT_CLASS (cramp_session_parent_class)->constructed (object);

  g_assert (G_IS_APPLICATION (self->application));
  g_assert (G_IS_SETTINGS (self->settings));

  self->path = cramp_store_default_path ();
  open_diary (self);
}

static void
cramp_session_dispose (GObject *object)
{
  CrampSession *self = (CrampSession *) object;

  close_diary (self);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (cramp_session_parent_class)->dispose (object);
}

static void
cramp_session_finalize (GObject *object)
{
  CrampSession *self = (CrampSession *) object;

  g_clear_error (&self->error);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (cramp_session_parent_class)->finalize (object);
}

static void
cramp_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrampSession *self = CRAMP_SESSION (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DAMAGED:
      g_value_set_boolean (value, self->damaged);
      break;
    case PROP_N_EPISODES:
      g_value_set_uint (value, cramp_session_get_n_episodes (self));
      break;
    case PROP_UNDO_KIND:
      g_value_set_uint (value, self->undo_kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_session_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CrampSession *self = CRAMP_SESSION (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_set_weak_pointer (&self->application, g_value_get_object (value));
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_session_class_init (CrampSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cramp_session_constructed;
  object_class->dispose = cramp_session_dispose;
  object_class->finalize = cramp_session_finalize;
  object_class->get_property = cramp_session_get_property;
  object_class->set_property = cramp_session_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, G_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * CrampSession:store: (nullable)
   *
   * The open diary, or %NULL when it could not be opened. It changes
   * when a damaged diary is restored from a backup.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRAMP_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CrampSession:damaged:
   *
   * Whether the diary opened but a check found it damaged; the error
   * says how.
   */
  properties[PROP_DAMAGED] =
    g_param_spec_boolean ("damaged", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CrampSession:n-episodes:
   *
   * How many cramps the diary holds, as of the last change seen.
   */
  properties[PROP_N_EPISODES] =
    g_param_spec_uint ("n-episodes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CrampSession:undo-kind:
   *
   * The #CrampUndoKind of what cramp_session_undo() would take back.
   */
  properties[PROP_UNDO_KIND] =
    g_param_spec_uint ("undo-kind", NULL, NULL, CRAMP_UNDO_NOTHING, CRAMP_UNDO_REMOVE_EXPERIMENT, CRAMP_UNDO_NOTHING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrampSession::changed:
   * @change: the #CrampStoreChange that is the detail
   *
   * The diary's #CrampStore::changed, with its detail ("episodes",
   * "profile", "stretches"): what a view listens to.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
cramp_session_init (CrampSession *self)
{
}

/**
 * cramp_session_new:
 * @application: the application the reminders notify for
 * @settings: the application's settings
 *
 * Opens the default diary.
 */
CrampSession *
cramp_session_new (GApplication *application,
                   GSettings    *settings)
{
  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (CRAMP_TYPE_SESSION,
                       "application", application,
                       "settings", settings,
                       NULL);
}

/**
 * cramp_session_get_store:
 *
 * Returns: (transfer none) (nullable): the diary, or %NULL if it could
 *   not be opened (see cramp_session_get_error())
 */
CrampStore *
cramp_session_get_store (CrampSession *self)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);

  return self->store;
}

/**
 * cramp_session_get_error:
 *
 * Returns: (nullable): why the diary could not be opened, or how it is
 *   damaged
 */
const GError *
cramp_session_get_error (CrampSession *self)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);

  return self->error;
}

gboolean
cramp_session_get_damaged (CrampSession *self)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);

  return self->damaged;
}

GSettings *
cramp_session_get_settings (CrampSession *self)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);

  return self->settings;
}

/**
 * cramp_session_get_reminders:
 *
 * Returns: (transfer none) (nullable): the bedtime reminder, or %NULL
 *   without a diary
 */
CrampBedtimeSchedule *
cramp_session_get_reminders (CrampSession *self)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);

  return self->reminders;
}

/**
 * cramp_session_get_service:
 *
 * Returns: (transfer none) (nullable): the background service, the host
 *   of the schedules, or %NULL without a diary
 */
CrampServiceHost *
cramp_session_get_service (CrampSession *self)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);

  return self->service;
}

/**
 * cramp_session_set_damaged:
 * @error: what is wrong with the diary
 *
 * Notes that the open diary was found damaged: windows show what
 * cramp_session_get_error() says, and a restore replaces it.
 */
void
cramp_session_set_damaged (CrampSession *self,
                           const GError *error)
{
  g_return_if_fail (CRAMP_IS_SESSION (self));
  g_return_if_fail (error != NULL);

  g_clear_error (&self->error);
  self->error = g_error_copy (error);
  if (!self->damaged)
    {
      self->damaged = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGED]);
    }
}

/**
 * cramp_session_restore:
 * @backup: a copy of the diary
 * @kept_aside: (out) (optional) (nullable): where the diary as it was went
 *
 * Restores the diary from @backup. A sound diary takes the backup's
 * contents, and what shows it follows. A diary that could not be opened
 * or was found damaged is renamed aside and the backup put in its place;
 * the session then opens it, and #CrampSession:store changes.
 */
gboolean
cramp_session_restore (CrampSession  *self,
                       const char    *backup,
                       char         **kept_aside,
                       GError       **error)
{
  gboolean was_damaged;
  gboolean restored;

  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  if (self->store != NULL && !self->damaged)
    {
      if (!cramp_store_restore (self->store, backup, kept_aside, error))
        return FALSE;
      /* nothing of the diary before is taken back into the restored one */
      cramp_session_forget_undo (self);
      return TRUE;
    }

  /* a bad backup is refused before the damaged diary is touched */
  if (!cramp_store_check_backup (backup, error))
    return FALSE;

  was_damaged = self->damaged;
  close_diary (self);
  restored = cramp_store_restore_file (self->path, backup, kept_aside, error);
  open_diary (self);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  if (was_damaged != self->damaged)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGED]);
  g_object_thaw_notify (G_OBJECT (self));

  return restored;
}

/**
 * cramp_session_has_diary:
 *
 * Returns: whether the diary is open; see cramp_session_get_error() for
 *   why it is not
 */
gboolean
cramp_session_has_diary (CrampSession *self)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);

  return self->store != NULL;
}

/**
 * cramp_session_get_diary_path:
 *
 * Returns: the diary's file, open or not
 */
const char *
cramp_session_get_diary_path (CrampSession *self)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);

  return self->path;
}

/**
 * cramp_session_get_backup_folder:
 *
 * Returns: (transfer full): where the diary's automatic backups go
 */
char *
cramp_session_get_backup_folder (CrampSession *self)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);

  return cramp_store_backup_folder (self->path);
}

guint
cramp_session_get_n_episodes (CrampSession *self)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), 0);

  return self->store ? cramp_store_get_n_episodes (self->store) : 0;
}

/**
 * cramp_session_list_experiments:
 *
 * Returns: (transfer full) (element-type CrampExperiment): every personal
 *   experiment, by its start, or %NULL with @error set
 */
GPtrArray *
cramp_session_list_experiments (CrampSession  *self,
                                GError       **error)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  return cramp_store_list_experiments (self->store, error);
}

/**
 * cramp_session_get_experiment_done:
 *
 * Returns: whether the experiment with @id was said to be done on
 *   @night ("Did it")
 */
gboolean
cramp_session_get_experiment_done (CrampSession *self,
                                   const char   *id,
                                   gint64        night)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  return cramp_store_get_experiment_done (self->store, id, night);
}

/**
 * cramp_session_analyse_experiment:
 *
 * Where @experiment stands now; it need not be in the diary yet (a
 * draft, for how long it would take).
 */
gboolean
cramp_session_analyse_experiment (CrampSession           *self,
                                  const CrampExperiment  *experiment,
                                  CrampExperimentResult  *result,
                                  GError                **error)
{
  g_autoptr(GDateTime) now = cramp_time_now_local ();

  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  return cramp_experiment_analyse (experiment, self->store, now, result, error);
}

/**
 * cramp_session_list_episodes:
 *
 * Returns: (transfer full): the diary's cramps, newest first, kept up to
 *   date as it changes
 */
CrampEpisodeList *
cramp_session_list_episodes (CrampSession *self)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  return cramp_episode_list_new (self->store);
}

/**
 * cramp_session_lookup:
 *
 * Returns: (transfer full) (nullable): the cramp with @id, or %NULL, with
 *   @error set if it could not be read
 */
CrampEpisode *
cramp_session_lookup (CrampSession  *self,
                      const char    *id,
                      GError       **error)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  return cramp_store_lookup (self->store, id, error);
}

/* What a cramp logged at @at is likely to be: the user's own pattern. */
void
cramp_session_get_usual (CrampSession *self,
                         GDateTime    *at,
                         CrampUsual   *usual)
{
  g_return_if_fail (CRAMP_IS_SESSION (self));
  g_return_if_fail (self->store != NULL);

  cramp_store_get_usual (self->store, at, usual);
}

GStrv
cramp_session_list_medication_names (CrampSession *self)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  return cramp_store_list_medication_names (self->store);
}

CrampProfile *
cramp_session_get_profile (CrampSession  *self,
                           GError       **error)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  return cramp_store_get_profile (self->store, error);
}

/**
 * cramp_session_analyse:
 *
 * Returns: (transfer full): the period from @since to @until, analysed
 */
CrampAnalysis *
cramp_session_analyse (CrampSession  *self,
                       GDateTime     *since,
                       GDateTime     *until,
                       GError       **error)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  return cramp_analysis_new (self->store, since, until, error);
}

typedef struct
{
  CrampStore *reader;
  GDateTime  *since;
  GDateTime  *until;
} AnalyseJob;

static void
analyse_job_free (gpointer data)
{
  AnalyseJob *job = data;

  g_clear_object (&job->reader);
  g_clear_pointer (&job->since, g_date_time_unref);
  g_clear_pointer (&job->until, g_date_time_unref);
  g_free (job);
}

static void
analyse_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AnalyseJob *job = task_data;
  g_autoptr(GError) error = NULL;
  CrampAnalysis *analysis;

  if (g_task_return_error_if_cancelled (task))
    return;
  analysis = cramp_analysis_new (job->reader, job->since, job->until, &error);
  /* the connection is the thread's: closed here, not in the window's */
  g_clear_object (&job->reader);
  if (analysis == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, analysis, (GDestroyNotify) cramp_analysis_unref);
}

/**
 * cramp_session_analyse_async:
 * @since: (nullable): as for cramp_session_analyse()
 *
 * Works out the period from @since to @until in a worker thread, on a
 * read-only connection of its own, so that years of cramps cost the
 * window nothing. Cancelled, it calls back at once; what the thread was
 * working out is dropped when it is done.
 */
void
cramp_session_analyse_async (CrampSession        *self,
                             GDateTime           *since,
                             GDateTime           *until,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  AnalyseJob *job;

  g_return_if_fail (CRAMP_IS_SESSION (self));
  g_return_if_fail (self->store != NULL);
  g_return_if_fail (until != NULL);

  /* no source object: the task may be let go of in the worker thread,
   * and the session must not be finalized there */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cramp_session_analyse_async);
  g_task_set_return_on_cancel (task, TRUE);

  job = g_new0 (AnalyseJob, 1);
  job->since = since ? g_date_time_ref (since) : NULL;
  job->until = g_date_time_ref (until);
  g_task_set_task_data (task, job, analyse_job_free);
  if (!(job->reader = cramp_store_open_reader (self->store, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_run_in_thread (task, analyse_thread);
}

/**
 * cramp_session_analyse_finish:
 *
 * Returns: (transfer full): the period analysed, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when it was cancelled)
 */
CrampAnalysis *
cramp_session_analyse_finish (CrampSession  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cramp_session_analyse_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * cramp_session_check_async:
 *
 * Checks the whole diary for damage, in a thread.
 */
void
cramp_session_check_async (CrampSession        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (CRAMP_IS_SESSION (self));
  g_return_if_fail (self->store != NULL);

  cramp_store_quick_check_async (self->store, cancellable, callback, user_data);
}

gboolean
cramp_session_check_finish (CrampSession  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);

  return cramp_store_quick_check_finish (self->store, result, error);
}

/* What cramp_session_undo() takes back changed: cramp-session-verbs.c */
void
_cramp_session_notify_undo_kind (CrampSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_KIND]);
}
