/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-a11y.h"
#include "cramp-episode-editor.h"
#include "cramp-experiment-dialog.h"
#include "cramp-format.h"
#include "cramp-night-dialog.h"
#include "cramp-window-private.h"

/*
 * What the main window does: log, edit and delete cramps through the
 * session's verbs, with a toast that offers the session's one undo;
 * search. Printing and saving the report,
 * backing up and restoring the diary are in cramp-window-files.c.
 */

/* Ctrl+Z and the toast's buttons follow what the session can take back. */
void
_cramp_window_update_undo (CrampWindow *self)
{
  CrampUndoKind kind = cramp_session_get_undo_kind (self->session);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", kind != CRAMP_UNDO_NOTHING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-details", kind == CRAMP_UNDO_LOG);
}

/* A message replaces the toast shown, and with it what it offered to undo. */
void
_cramp_window_show_error (CrampWindow *self,
                          const char  *message)
{
  cramp_session_forget_undo (self->session);
  cramp_toast_present (self->toast, message, CRAMP_TOAST_NO_BUTTONS);
}

static void
open_editor (CrampWindow  *self,
             CrampEpisode *episode)
{
  CrampEpisodeEditor *editor = cramp_episode_editor_new (GTK_WINDOW (self), self->session, episode);

  gtk_window_present (GTK_WINDOW (editor));
}

/* What a quick log assumed, as the toast says it: "Calf, left, woke you". */
static char *
describe_assumed (const CrampUsual *usual)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (usual->muscle != CRAMP_MUSCLE_UNKNOWN)
    g_ptr_array_add (parts, (gpointer) cramp_vocab_label (CRAMP_VOCAB_MUSCLE, usual->muscle));

  switch (usual->side)
    {
    case CRAMP_SIDE_LEFT:
      g_ptr_array_add (parts, (gpointer) C_("quick log", "left"));
      break;
    case CRAMP_SIDE_RIGHT:
      g_ptr_array_add (parts, (gpointer) C_("quick log", "right"));
      break;
    case CRAMP_SIDE_BOTH:
      g_ptr_array_add (parts, (gpointer) C_("quick log", "both legs"));
      break;
    default:
      break;
    }

  if (usual->woke_from_sleep == TRUE)
    g_ptr_array_add (parts, (gpointer) C_("quick log", "woke you"));
  else
    switch (usual->activity)
      {
      case CRAMP_ACTIVITY_SLEEPING:
        g_ptr_array_add (parts, (gpointer) C_("quick log", "asleep"));
        break;
      case CRAMP_ACTIVITY_RESTING:
        g_ptr_array_add (parts, (gpointer) C_("quick log", "at rest"));
        break;
      case CRAMP_ACTIVITY_SITTING:
        g_ptr_array_add (parts, (gpointer) C_("quick log", "sitting"));
        break;
      case CRAMP_ACTIVITY_STANDING:
        g_ptr_array_add (parts, (gpointer) C_("quick log", "standing"));
        break;
      case CRAMP_ACTIVITY_WALKING:
        g_ptr_array_add (parts, (gpointer) C_("quick log", "walking"));
        break;
      case CRAMP_ACTIVITY_EXERCISING:
        g_ptr_array_add (parts, (gpointer) C_("quick log", "exercising"));
        break;
      case CRAMP_ACTIVITY_AFTER_EXERCISE:
        g_ptr_array_add (parts, (gpointer) C_("quick log", "after exercise"));
        break;
      default:
        break;
      }

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between "Calf", "left" and "woke you" */
  return g_strjoinv (C_("quick log", ", "), (char **) parts->pdata);
}

/* One action, no question: a cramp that began now, filled in from the
 * user's own pattern at this time of day, which the toast says. */
static void
log_cramp_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);
  g_autoptr(CrampEpisode) episode = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *time = NULL;
  g_autofree char *assumed = NULL;
  g_autofree char *title = NULL;
  gboolean cleared_quiet = FALSE;
  CrampUsual usual;

  if (!(episode = cramp_session_log_cramp (self->session, &usual, &cleared_quiet, &error)))
    {
      _cramp_window_show_error (self, error->message);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "history");
  cramp_history_page_reveal (self->history_page, cramp_episode_get_id (episode));

  time = cramp_format_time_of_day (cramp_episode_get_started_at (episode));
  assumed = describe_assumed (&usual);
  if (assumed != NULL)
    /* Translators: "Calf, left, woke you — 03:14": what was assumed, and the time */
    title = g_strdup_printf (_("%s — %s"), assumed, time);
  else
    /* Translators: %s is a time of day */
    title = g_strdup_printf (_("Cramp logged at %s"), time);
  if (cleared_quiet)
    {
      g_autofree char *said = g_steal_pointer (&title);

      /* Translators: %s is what the toast says of the cramp just logged */
      title = g_strdup_printf (_("%s. The night is no longer marked quiet."), said);
    }
  cramp_toast_present (self->toast, title, CRAMP_TOAST_UNDO | CRAMP_TOAST_ADD_DETAILS);
}

static void
new_episode_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_editor (CRAMP_WINDOW (widget), NULL);
}

/* A cramp of a night gone by, its time picked in that night. */
static void
log_cramp_for_night_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);
  CrampEpisodeEditor *editor = cramp_episode_editor_new_for_night (GTK_WINDOW (self), self->session,
                                                                   g_variant_get_int64 (parameter));

  gtk_window_present (GTK_WINDOW (editor));
}

/* What the user says of a night: quiet, the sleep, a cramp of it. */
static void
night_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);
  CrampNightDialog *dialog;
  gint64 night = parameter != NULL ? g_variant_get_int64 (parameter) : G_MAXINT64;

  adw_view_stack_set_visible_child_name (self->view_stack, "history");
  dialog = cramp_night_dialog_new (GTK_WINDOW (self), self->session,
                                   MIN (night, cramp_session_get_last_night (self->session)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
mark_night (CrampWindow *self,
            gint64       night,
            gboolean     quiet,
            const char  *said)
{
  g_autoptr(GError) error = NULL;
  CrampNight record = { night, FALSE, CRAMP_UNSET, 0 };

  if (!cramp_session_get_night (self->session, night, &record, &error) && error != NULL)
    {
      _cramp_window_show_error (self, error->message);
      return;
    }
  if (!cramp_session_mark_night (self->session, night, quiet, record.sleep_disturbance, &error))
    {
      _cramp_window_show_error (self, error->message);
      return;
    }
  cramp_toast_present (self->toast, said, CRAMP_TOAST_UNDO);
}

/* "Try Something": a personal experiment. */
static void
try_something_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);
  CrampExperimentDialog *dialog = cramp_experiment_dialog_new (GTK_WINDOW (self), self->session);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
experiment_started_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);
  /* Translators: %s is the experiment's name */
  g_autofree char *title = g_strdup_printf (_("Started “%s”"), g_variant_get_string (parameter, NULL));

  cramp_toast_present (self->toast, title, CRAMP_TOAST_UNDO);
}

/* An experiment forgotten, from the report page; it can be undone. */
static void
remove_experiment_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!cramp_session_remove_experiment (self->session, g_variant_get_string (parameter, NULL), &error))
    {
      _cramp_window_show_error (self, error->message);
      return;
    }

  cramp_toast_present (self->toast, _("Experiment removed"), CRAMP_TOAST_UNDO);
}

static void
quiet_last_night_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);

  mark_night (self, cramp_session_get_last_night (self->session), TRUE, _("Last night marked quiet"));
}

static void
forget_night_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  mark_night (CRAMP_WINDOW (widget), g_variant_get_int64 (parameter), FALSE, _("No longer marked quiet"));
}

static CrampEpisode *
lookup_or_complain (CrampWindow *self,
                    GVariant    *parameter)
{
  g_autoptr(GError) error = NULL;
  CrampEpisode *episode;

  episode = cramp_session_lookup (self->session, g_variant_get_string (parameter, NULL), &error);
  if (episode == NULL)
    _cramp_window_show_error (self, error ? error->message : _("This episode is no longer in the diary."));

  return episode;
}

static void
edit_episode_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);
  g_autoptr(CrampEpisode) episode = lookup_or_complain (self, parameter);

  if (episode != NULL)
    open_editor (self, episode);
}

static void
delete_episode_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);
  g_autoptr(CrampEpisode) episode = lookup_or_complain (self, parameter);
  g_autoptr(GError) error = NULL;

  if (episode == NULL)
    return;

  /* the focus on the next row, not on a bin: the list gives the row of
   * this one to the next cramp, where a Space would delete that one too */
  cramp_history_page_focus_neighbour (self->history_page, cramp_episode_get_id (episode));
  if (!cramp_session_delete_episode (self->session, cramp_episode_get_id (episode), &error))
    {
      _cramp_window_show_error (self, error->message);
      return;
    }

  cramp_toast_present (self->toast, _("Cramp deleted"), CRAMP_TOAST_UNDO);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);
  g_autoptr(CrampEpisode) episode = NULL;
  g_autoptr(GError) error = NULL;
  CrampUndoKind kind;
  gboolean ok;

  if (cramp_session_get_undo_episode (self->session) != NULL)
    episode = g_object_ref (cramp_session_get_undo_episode (self->session));
  ok = cramp_session_undo (self->session, &kind, &error);
  cramp_toast_dismiss (self->toast);

  /* the row goes from the list: nothing else tells a screen reader */
  if (ok && kind == CRAMP_UNDO_LOG)
    cramp_a11y_announce (GTK_WIDGET (self), _("Undone: the cramp just logged is no longer in the diary."));
  /* back where it was, with the focus on it */
  else if (ok && kind == CRAMP_UNDO_DELETE)
    {
      cramp_history_page_focus_episode (self->history_page, cramp_episode_get_id (episode));
      cramp_a11y_announce (GTK_WIDGET (self), _("Undone: the cramp is back in the diary."));
    }

  else if (ok && kind == CRAMP_UNDO_NIGHT)
    cramp_a11y_announce (GTK_WIDGET (self), _("Undone: the night is as it was."));
  else if (ok && kind == CRAMP_UNDO_EXPERIMENT)
    cramp_a11y_announce (GTK_WIDGET (self), _("Undone: the experiment is no longer in the diary."));
  else if (ok && kind == CRAMP_UNDO_REMOVE_EXPERIMENT)
    cramp_a11y_announce (GTK_WIDGET (self), _("Undone: the experiment is back in the diary."));

  /* Undoing a log that was edited or deleted meanwhile is not an error
   * worth a message: the episode is gone either way. */
  if (!ok && !g_error_matches (error, CRAMP_STORE_ERROR, CRAMP_STORE_ERROR_NOT_FOUND))
    _cramp_window_show_error (self, error->message);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "history");
  gtk_toggle_button_set_active (self->search_button, TRUE);
  cramp_history_page_focus_search (self->history_page);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);
  g_autofree char *folder = g_path_get_dirname (cramp_session_get_diary_path (self->session));
  g_autofree char *uri = g_filename_to_uri (folder, NULL, NULL);

  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

/* The details of the cramp just logged, while its toast is shown. */
static void
add_details_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrampWindow *self = CRAMP_WINDOW (widget);
  g_autoptr(CrampEpisode) episode = NULL;

  if (cramp_session_get_undo_kind (self->session) != CRAMP_UNDO_LOG)
    return;

  episode = cramp_session_lookup (self->session, cramp_episode_get_id (cramp_session_get_undo_episode (self->session)),
                                  NULL);
  cramp_session_forget_undo (self->session);
  cramp_toast_dismiss (self->toast);
  if (episode != NULL)
    open_editor (self, episode);
}

static void
on_toast_add_details_cb (CrampWindow *self,
                         CrampToast  *toast)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-details", NULL);
}

static void
on_toast_undo_cb (CrampWindow *self,
                  CrampToast  *toast)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.undo", NULL);
}

static void
on_toast_dismissed_cb (CrampWindow *self,
                       CrampToast  *toast)
{
  cramp_session_forget_undo (self->session);
}

/* The window's actions, and the toast's buttons of its template. */
void
_cramp_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_toast_add_details_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_toast_undo_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_toast_dismissed_cb);
  gtk_widget_class_install_action (widget_class, "win.log-cramp", NULL, log_cramp_action);
  gtk_widget_class_install_action (widget_class, "win.new-episode", NULL, new_episode_action);
  gtk_widget_class_install_action (widget_class, "win.log-cramp-for-night", "x", log_cramp_for_night_action);
  gtk_widget_class_install_action (widget_class, "win.night", "x", night_action);
  gtk_widget_class_install_action (widget_class, "win.record-night", NULL, night_action);
  gtk_widget_class_install_action (widget_class, "win.quiet-last-night", NULL, quiet_last_night_action);
  gtk_widget_class_install_action (widget_class, "win.forget-night", "x", forget_night_action);
  gtk_widget_class_install_action (widget_class, "win.try-something", NULL, try_something_action);
  gtk_widget_class_install_action (widget_class, "win.experiment-started", "s", experiment_started_action);
  gtk_widget_class_install_action (widget_class, "win.remove-experiment", "s", remove_experiment_action);
  gtk_widget_class_install_action (widget_class, "win.edit-episode", "s", edit_episode_action);
  gtk_widget_class_install_action (widget_class, "win.delete-episode", "s", delete_episode_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.add-details", NULL, add_details_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  _cramp_window_class_add_file_actions (widget_class);
}
