/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-session"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-file.h"
#include "cramp-session-private.h"
#include "cramp-store-backup.h"
#include "cramp-store-experiments.h"
#include "cramp-store-profile.h"
#include "cramp-time.h"

/*
 * The user's verbs, which the window (and later the background service)
 * share: log a cramp, save one from the editor, delete one, change the
 * profile, back up; and the one undo of the last that can be taken back.
 */

static void
remember_undo (CrampSession  *self,
               CrampUndoKind  kind,
               CrampEpisode  *episode)
{
  g_set_object (&self->undo_episode, episode);
  self->undo_has_night = FALSE;
  g_clear_pointer (&self->undo_experiment, cramp_experiment_free);
  g_clear_pointer (&self->undo_done, g_array_unref);
  if (self->undo_kind != kind)
    {
      self->undo_kind = kind;
      _cramp_session_notify_undo_kind (self);
    }
}

/**
 * cramp_session_forget_undo:
 *
 * Lets go of what cramp_session_undo() would take back: its toast went.
 */
void
cramp_session_forget_undo (CrampSession *self)
{
  g_return_if_fail (CRAMP_IS_SESSION (self));

  remember_undo (self, CRAMP_UNDO_NOTHING, NULL);
}

CrampUndoKind
cramp_session_get_undo_kind (CrampSession *self)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), CRAMP_UNDO_NOTHING);

  return self->undo_kind;
}

/**
 * cramp_session_get_undo_episode:
 *
 * Returns: (transfer none) (nullable): the cramp of what
 *   cramp_session_undo() would take back, as it was then
 */
CrampEpisode *
cramp_session_get_undo_episode (CrampSession *self)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);

  return self->undo_episode;
}

/**
 * cramp_session_log_cramp:
 * @assumed: (out) (optional): what the cramp was taken to be
 * @cleared_quiet: (out) (optional): whether its night had been marked
 *   quiet, which it no longer is
 *
 * Logs a cramp that began now, with the user's own pattern at this time
 * of day (cramp_session_get_usual()). It can be undone, the quiet mark
 * of its night with it.
 *
 * Returns: (transfer full) (nullable): the cramp logged, or %NULL with
 *   @error set
 */
CrampEpisode *
cramp_session_log_cramp (CrampSession  *self,
                         CrampUsual    *assumed,
                         gboolean      *cleared_quiet,
                         GError       **error)
{
  g_autoptr(GDateTime) now = cramp_time_now ();
  g_autoptr(CrampEpisode) episode = cramp_episode_new (now);
  g_autoptr(GError) local_error = NULL;
  CrampNight before;
  gboolean was_quiet;
  CrampUsual usual;

  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  cramp_store_get_usual (self->store, now, &usual);
  cramp_episode_set_muscle (episode, usual.muscle);
  cramp_episode_set_side (episode, usual.side);
  cramp_episode_set_activity (episode, usual.activity);
  cramp_episode_set_woke_from_sleep (episode, usual.woke_from_sleep);

  was_quiet = cramp_store_get_night (self->store, cramp_time_night_of (now), &before, &local_error) && before.quiet;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* the store clears the mark in the same change */
  if (!cramp_store_add (self->store, episode, error))
    return NULL;

  remember_undo (self, CRAMP_UNDO_LOG, episode);
  if (was_quiet)
    {
      self->undo_has_night = TRUE;
      self->undo_night = before;
    }
  if (assumed != NULL)
    *assumed = usual;
  if (cleared_quiet != NULL)
    *cleared_quiet = was_quiet;
  return g_steal_pointer (&episode);
}

/**
 * cramp_session_get_night:
 * @record: (out): what was said of @night, if anything was
 *
 * Returns: whether anything was said of @night; %FALSE with @error set if
 *   the diary could not be read
 */
gboolean
cramp_session_get_night (CrampSession  *self,
                         gint64         night,
                         CrampNight    *record,
                         GError       **error)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  return cramp_store_get_night (self->store, night, record, error);
}

/**
 * cramp_session_get_last_night:
 *
 * Returns: the night before today, which "last night" means in the
 *   morning and all day: the one that began yesterday evening
 */
gint64
cramp_session_get_last_night (CrampSession *self)
{
  g_autoptr(GDateTime) now = cramp_time_now_local ();

  g_return_val_if_fail (CRAMP_IS_SESSION (self), 0);

  return cramp_time_last_night (now);
}

/**
 * cramp_session_night_has_cramp:
 *
 * Returns: whether a cramp is logged on @night; %FALSE with @error set if
 *   the diary could not be read
 */
gboolean
cramp_session_night_has_cramp (CrampSession  *self,
                               gint64         night,
                               GError       **error)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  return cramp_store_first_cramp_of_night (self->store, night, NULL, error);
}

/**
 * cramp_session_mark_night:
 * @quiet: whether the night passed without a cramp
 * @sleep_disturbance: how much cramps disturbed the sleep, 0–10, or
 *   %CRAMP_UNSET
 *
 * Records what the user says of @night (from the morning check-in, or
 * the history); a night of which nothing is said (not quiet, no sleep
 * disturbance) has no record. A night with a cramp cannot be quiet. It
 * can be undone.
 */
gboolean
cramp_session_mark_night (CrampSession  *self,
                          gint64         night,
                          gboolean       quiet,
                          int            sleep_disturbance,
                          GError       **error)
{
  CrampNight record = { night, quiet, sleep_disturbance, cramp_time_now_unix () };
  g_autoptr(GError) local_error = NULL;
  CrampNight before;
  gboolean had;

  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  had = cramp_store_get_night (self->store, night, &before, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!quiet && sleep_disturbance == CRAMP_UNSET)
    {
      if (had && !cramp_store_remove_night (self->store, night, error))
        return FALSE;
    }
  else if (!cramp_store_set_night (self->store, &record, error))
    return FALSE;

  remember_undo (self, CRAMP_UNDO_NIGHT, NULL);
  self->undo_night_of = night;
  self->undo_has_night = had;
  if (had)
    self->undo_night = before;
  return TRUE;
}

typedef struct
{
  const char       *id;      /* the cramp to delete */
  const CrampNight *night;   /* the record of its night to put back */
} UndoLog;

static gboolean
undo_log_cb (CrampStore  *store,
             gpointer     user_data,
             GError     **error)
{
  UndoLog *undo = user_data;

  return cramp_store_delete_episode (store, undo->id, error) &&
         cramp_store_put_night (store, undo->night, error);
}

/**
 * cramp_session_save_episode:
 * @is_new: whether @episode is a new cramp, or one of the diary changed
 *
 * Saves a cramp from the editor.
 */
gboolean
cramp_session_save_episode (CrampSession  *self,
                            CrampEpisode  *episode,
                            gboolean       is_new,
                            GError       **error)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (is_new)
    return cramp_store_add (self->store, episode, error);

  return cramp_store_update (self->store, episode, error);
}

/**
 * cramp_session_delete_episode:
 *
 * Deletes the cramp with @id. It can be undone.
 */
gboolean
cramp_session_delete_episode (CrampSession  *self,
                              const char    *id,
                              GError       **error)
{
  g_autoptr(CrampEpisode) episode = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(episode = cramp_store_lookup (self->store, id, &local_error)))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_NOT_FOUND,
                             _("This episode is no longer in the diary."));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!cramp_store_remove (self->store, id, error))
    return FALSE;

  remember_undo (self, CRAMP_UNDO_DELETE, episode);
  return TRUE;
}

/**
 * cramp_session_undo:
 * @undone: (out) (optional): what was taken back
 *
 * Takes back the last verb that can be: the cramp just logged goes, the
 * cramp just deleted comes back. A cramp that is gone either way (a log
 * deleted meanwhile) fails with %CRAMP_STORE_ERROR_NOT_FOUND.
 */
gboolean
cramp_session_undo (CrampSession   *self,
                    CrampUndoKind  *undone,
                    GError        **error)
{
  g_autoptr(CrampEpisode) episode = NULL;
  g_autoptr(CrampExperiment) experiment = NULL;
  g_autoptr(GArray) done = NULL;
  CrampUndoKind kind;
  CrampNight night;
  gboolean has_night;
  gint64 night_of;

  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);

  kind = self->undo_kind;
  experiment = g_steal_pointer (&self->undo_experiment);
  done = g_steal_pointer (&self->undo_done);
  episode = self->undo_episode ? g_object_ref (self->undo_episode) : NULL;
  has_night = self->undo_has_night;
  night = self->undo_night;
  night_of = self->undo_night_of;
  cramp_session_forget_undo (self);
  if (undone != NULL)
    *undone = kind;

  switch (kind)
    {
    case CRAMP_UNDO_LOG:
      if (!has_night)
        return cramp_store_remove (self->store, cramp_episode_get_id (episode), error);
      /* the cramp goes, and its night is quiet again, in one change */
      return cramp_store_write (self->store, CRAMP_STORE_CHANGE_EPISODES | CRAMP_STORE_CHANGE_NIGHTS, undo_log_cb,
                                &(UndoLog) { cramp_episode_get_id (episode), &night }, error);

    case CRAMP_UNDO_DELETE:
      return cramp_store_add (self->store, episode, error);

    case CRAMP_UNDO_NIGHT:
      if (has_night)
        return cramp_store_set_night (self->store, &night, error);
      return cramp_store_remove_night (self->store, night_of, error);

    case CRAMP_UNDO_EXPERIMENT:
      return cramp_store_remove_experiment (self->store, experiment->id, error);

    case CRAMP_UNDO_REMOVE_EXPERIMENT:
      return cramp_store_add_experiment (self->store, experiment, done, error);

    case CRAMP_UNDO_NOTHING:
    default:
      return TRUE;
    }
}

/**
 * cramp_session_start_experiment:
 *
 * Starts @experiment ("Try Something"). It can be undone.
 */
gboolean
cramp_session_start_experiment (CrampSession     *self,
                                CrampExperiment  *experiment,
                                GError          **error)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (experiment != NULL, FALSE);

  if (!cramp_store_add_experiment (self->store, experiment, NULL, error))
    return FALSE;

  remember_undo (self, CRAMP_UNDO_EXPERIMENT, NULL);
  self->undo_experiment = cramp_experiment_copy (experiment);
  return TRUE;
}

/**
 * cramp_session_remove_experiment:
 *
 * Forgets the experiment with @id, and the nights it was done. It can be
 * undone.
 */
gboolean
cramp_session_remove_experiment (CrampSession  *self,
                                 const char    *id,
                                 GError       **error)
{
  g_autoptr(GPtrArray) experiments = NULL;
  g_autoptr(GArray) done = NULL;
  CrampExperiment *removed = NULL;

  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(experiments = cramp_store_list_experiments (self->store, error)) ||
      !(done = cramp_store_list_experiment_done (self->store, id, error)))
    return FALSE;
  for (guint i = 0; i < experiments->len && removed == NULL; i++)
    if (g_str_equal (((CrampExperiment *) g_ptr_array_index (experiments, i))->id, id))
      removed = g_ptr_array_steal_index (experiments, i);
  if (removed == NULL)
    {
      g_set_error_literal (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_NOT_FOUND,
                           _("This experiment is no longer in the diary."));
      return FALSE;
    }
  if (!cramp_store_remove_experiment (self->store, id, error))
    {
      cramp_experiment_free (removed);
      return FALSE;
    }

  remember_undo (self, CRAMP_UNDO_REMOVE_EXPERIMENT, NULL);
  self->undo_experiment = removed;
  self->undo_done = g_steal_pointer (&done);
  return TRUE;
}

/**
 * cramp_session_set_experiment_done:
 *
 * Says whether the experiment with @id was done on @night ("Did it").
 */
gboolean
cramp_session_set_experiment_done (CrampSession  *self,
                                   const char    *id,
                                   gint64         night,
                                   gboolean       done,
                                   GError       **error)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  return cramp_store_set_experiment_done (self->store, id, night, done, error);
}

gboolean
cramp_session_set_profile (CrampSession  *self,
                           CrampProfile  *profile,
                           GError       **error)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  return cramp_store_set_profile (self->store, profile, error);
}

/**
 * cramp_session_back_up:
 * @path: a file the user chose; refused if it is one of the app's own
 *
 * Writes a copy of the diary as it is now.
 */
gboolean
cramp_session_back_up (CrampSession  *self,
                       const char    *path,
                       GError       **error)
{
  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  return cramp_file_check_target (path, self->path, error) &&
         cramp_store_back_up (self->store, path, error);
}
