/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-session"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-file.h"
#include "cramp-session-private.h"
#include "cramp-store-backup.h"
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
 *
 * Logs a cramp that began now, with the user's own pattern at this time
 * of day (cramp_session_get_usual()). It can be undone.
 *
 * Returns: (transfer full) (nullable): the cramp logged, or %NULL with
 *   @error set
 */
CrampEpisode *
cramp_session_log_cramp (CrampSession  *self,
                         CrampUsual    *assumed,
                         GError       **error)
{
  g_autoptr(GDateTime) now = cramp_time_now ();
  g_autoptr(CrampEpisode) episode = cramp_episode_new (now);
  CrampUsual usual;

  g_return_val_if_fail (CRAMP_IS_SESSION (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  cramp_store_get_usual (self->store, now, &usual);
  cramp_episode_set_muscle (episode, usual.muscle);
  cramp_episode_set_side (episode, usual.side);
  cramp_episode_set_activity (episode, usual.activity);
  cramp_episode_set_woke_from_sleep (episode, usual.woke_from_sleep);

  if (!cramp_store_add (self->store, episode, error))
    return NULL;

  remember_undo (self, CRAMP_UNDO_LOG, episode);
  if (assumed != NULL)
    *assumed = usual;
  return g_steal_pointer (&episode);
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
  CrampUndoKind kind;

  g_return_val_if_fail (CRAMP_IS_SESSION (self), FALSE);

  kind = self->undo_kind;
  episode = self->undo_episode ? g_object_ref (self->undo_episode) : NULL;
  cramp_session_forget_undo (self);
  if (undone != NULL)
    *undone = kind;

  switch (kind)
    {
    case CRAMP_UNDO_LOG:
      return cramp_store_remove (self->store, cramp_episode_get_id (episode), error);

    case CRAMP_UNDO_DELETE:
      return cramp_store_add (self->store, episode, error);

    case CRAMP_UNDO_NOTHING:
    default:
      return TRUE;
    }
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
