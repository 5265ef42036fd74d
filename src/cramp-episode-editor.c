/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-episode-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cramp-a11y.h"
#include "cramp-drug-catalog.h"
#include "cramp-episode-editor-private.h"
#include "cramp-format.h"
#include "cramp-spin.h"
#include "cramp-time.h"

/*
 * Adds or edits one episode. Every field is checked as it is typed; a
 * field that is wrong turns red and says why in its row, and Save stays
 * off until all are right. A save that fails (a full disk, say) keeps the
 * window and everything in it, so the user can try again.
 */

G_DEFINE_FINAL_TYPE (CrampEpisodeEditor, cramp_episode_editor, ADW_TYPE_WINDOW)

static void
on_changed_cb (CrampEpisodeEditor *self)
{
  g_autoptr(CrampEpisode) episode = _cramp_episode_editor_read_form (self);

  if (self->loaded)
    self->edited = TRUE;

  _cramp_episode_editor_update_subtitles (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", episode != NULL);
}

/* GTK 4.8 lays out the lines of a changed text view when it is next
 * allocated, or else when it is drawn. While the cursor blinks, a key
 * press is handled in the frame that then draws the window, and nothing
 * there allocates the text view: its lines were laid out as it was
 * drawn, so the scroll bar, drawn after it, got its new range too late
 * ("Trying to snapshot GtkGizmo without a current allocation", and a bar
 * drawn where it was). Once the key is handled, before the frame's
 * layout, the text view is given its allocation again (queued first: one
 * of the same size is skipped otherwise): it lays out its lines, scrolls
 * to the cursor and sets its range there, and the layout that follows
 * takes all of it in. */
static gboolean
lay_out_notes_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  CrampEpisodeEditor *self = user_data;
  GtkAllocation allocation;

  self->notes_tick = 0;
  gtk_widget_get_allocation (widget, &allocation);
  gtk_widget_queue_allocate (widget);
  gtk_widget_size_allocate (widget, &allocation, gtk_widget_get_allocated_baseline (widget));

  return G_SOURCE_REMOVE;
}

static void
on_notes_changed_cb (CrampEpisodeEditor *self)
{
  GtkWidget *notes = GTK_WIDGET (self->notes_view);

  if (self->notes_tick == 0 && gtk_widget_get_mapped (notes))
    self->notes_tick = gtk_widget_add_tick_callback (notes, lay_out_notes_cb, self, NULL);
  on_changed_cb (self);
}

static void
on_date_changed_cb (CrampEpisodeEditor *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *label = cramp_format_date_short (day);
  g_autofree char *full = cramp_format_date (day);

  /* short, for the row's title to keep its room on a phone; the
   * weekday in the tooltip and for screen readers */
  gtk_menu_button_set_label (self->date_button, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_button), full);
  on_changed_cb (self);
}

static void
on_woke_changed_cb (CrampEpisodeEditor *self)
{
  self->woke = gtk_switch_get_active (self->woke_switch);
  on_changed_cb (self);
}

/* Seconds past 59 carry into the minutes: 99 s is 1 min 39 s, and "+"
 * at 55 s goes on to 1 min 0 s. */
static void
on_seconds_changed_cb (CrampEpisodeEditor *self)
{
  int seconds = gtk_spin_button_get_value_as_int (self->duration_sec_spin);

  if (seconds >= 60)
    {
      int minutes = gtk_spin_button_get_value_as_int (self->duration_min_spin) + seconds / 60;

      gtk_spin_button_set_value (self->duration_min_spin, minutes);
      gtk_spin_button_set_value (self->duration_sec_spin, seconds % 60);
      return;
    }

  on_changed_cb (self);
}

/* Delete, from the editor of a cramp in the diary: the window deletes it,
 * with Undo in its toast, as from the list. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrampEpisodeEditor *self = CRAMP_EPISODE_EDITOR (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->original == NULL || parent == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (parent), "win.delete-episode", "s",
                              cramp_episode_get_id (self->original));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrampEpisodeEditor *self = CRAMP_EPISODE_EDITOR (widget);
  g_autoptr(CrampEpisode) episode = _cramp_episode_editor_read_form (self);
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (episode == NULL)
    return;

  saved = cramp_session_save_episode (self->session, episode, self->original == NULL, &error);

  if (!saved)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

/* The completion of the medications is a popup that leaves the focus in
 * the entry. GTK 4.8 closes it on Esc and, when no suggestion was
 * chosen, lets the key go on to the window, which would then close too:
 * so the entry sees Esc first, and keeps it when it closed the popup. */
static gboolean
on_medications_key_pressed_cb (GtkEventControllerKey *controller,
                               guint                  keyval,
                               guint                  keycode,
                               GdkModifierType        state,
                               gpointer               user_data)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (keyval != GDK_KEY_Escape || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  for (GtkWidget *c = gtk_widget_get_first_child (entry); c; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_POPOVER (c) && gtk_widget_get_visible (c))
        {
          gtk_popover_popdown (GTK_POPOVER (c));
          return GDK_EVENT_STOP;
        }
    }

  return GDK_EVENT_PROPAGATE;
}

/* Esc: the window, which asks before it drops what was typed */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
close_cb (gpointer user_data)
{
  gtk_window_close (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_discard_response_cb (CrampEpisodeEditor *self,
                        const char         *response)
{
  if (!g_str_equal (response, "discard"))
    return;

  /* once the question is gone: it belongs to this window */
  self->discarding = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_cb, g_object_ref (self), g_object_unref);
}

/* On screen, the focus goes to the first detail to fill in, not to
 * Cancel. (Set before the window is on screen, it would keep the
 * window from the accessibility tree.) */
/* One Tab stop a row: a row that only passes its clicks on to a switch
 * or a spin button gives the focus to that, and takes none itself. Done
 * once the window is mapped: done before, GTK 4.8 tells assistive
 * technology that the window is a "filler", not a frame. */
static void
one_tab_stop_a_row (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (ADW_IS_ACTION_ROW (c) && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (c)) != NULL)
        gtk_widget_set_focusable (c, FALSE);
      one_tab_stop_a_row (c);
    }
}

static void
cramp_episode_editor_map (GtkWidget *widget)
{
  CrampEpisodeEditor *self = CRAMP_EPISODE_EDITOR (widget);

  GTK_WIDGET_CLASS (cramp_episode_editor_parent_class)->map (widget);

  if (!self->focused)
    {
      self->focused = TRUE;
      one_tab_stop_a_row (widget);
      cramp_a11y_quiet_icons (widget);
      gtk_widget_grab_focus (GTK_WIDGET (self->muscle_row));
    }
}

/* What was typed is never dropped without a word: as the HIG asks for a
 * form that was changed, the user chooses. */
static gboolean
cramp_episode_editor_close_request (GtkWindow *window)
{
  CrampEpisodeEditor *self = CRAMP_EPISODE_EDITOR (window);
  GtkWidget *dialog;

  if (!self->edited || self->discarding)
    return GTK_WINDOW_CLASS (cramp_episode_editor_parent_class)->close_request (window);

  if (self->original != NULL)
    dialog = adw_message_dialog_new (window, _("Discard Your Changes?"),
                                     _("The changes you made to this cramp have not been saved."));
  else
    dialog = adw_message_dialog_new (window, _("Discard the New Cramp?"),
                                     _("The cramp you were writing down has not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Completes the medication being typed, the text after the last ";". */
static gboolean
match_medication_cb (GtkEntryCompletion *completion,
                     const char         *key,
                     GtkTreeIter        *iter,
                     gpointer            user_data)
{
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  const char *last = strrchr (key, ';');
  g_autofree char *name = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *folded = NULL;

  typed = g_strstrip (g_strdup (last ? last + 1 : key));
  if (typed[0] == '\0')
    return FALSE;

  gtk_tree_model_get (model, iter, 0, &name, -1);
  folded = g_utf8_casefold (name, -1);
  return g_str_has_prefix (folded, typed);
}

static gboolean
on_medication_selected_cb (GtkEntryCompletion *completion,
                           GtkTreeModel       *model,
                           GtkTreeIter        *iter,
                           CrampEpisodeEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->medications_entry));
  const char *last = strrchr (text, ';');
  g_autofree char *name = NULL;
  g_autofree char *completed = NULL;

  gtk_tree_model_get (model, iter, 0, &name, -1);
  if (last != NULL)
    completed = g_strdup_printf ("%.*s; %s", (int) (last - text), text, name);
  else
    completed = g_strdup (name);

  gtk_editable_set_text (GTK_EDITABLE (self->medications_entry), completed);
  gtk_editable_set_position (GTK_EDITABLE (self->medications_entry), -1);
  return TRUE;
}

static void
setup_completion (CrampEpisodeEditor *self)
{
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();
  g_autoptr(GtkListStore) names = gtk_list_store_new (1, G_TYPE_STRING);
  g_auto(GStrv) known = cramp_session_list_medication_names (self->session);
  const char * const *catalog = cramp_drug_catalog_names ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkEventController *key;

  /* what the user wrote before, then the catalog's names, so that a
   * medicine that matters to the warning signs is spelt right */
  for (guint i = 0; known[i] != NULL; i++)
    {
      gtk_list_store_insert_with_values (names, NULL, -1, 0, known[i], -1);
      g_hash_table_add (seen, g_utf8_casefold (known[i], -1));
    }
  for (guint i = 0; catalog[i] != NULL; i++)
    {
      gunichar first = g_unichar_totitle (g_utf8_get_char (catalog[i]));
      char head[8] = { 0 };
      g_autofree char *name = NULL;

      if (g_hash_table_contains (seen, catalog[i]))
        continue;
      g_unichar_to_utf8 (first, head);
      name = g_strconcat (head, g_utf8_next_char (catalog[i]), NULL);
      gtk_list_store_insert_with_values (names, NULL, -1, 0, name, -1);
    }

  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (names));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_match_func (completion, match_medication_cb, NULL, NULL);
  g_signal_connect_object (completion, "match-selected",
                           G_CALLBACK (on_medication_selected_cb), self, 0);
  gtk_entry_set_completion (self->medications_entry, completion);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_medications_key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (self->medications_entry), key);
}

static void
cramp_episode_editor_dispose (GObject *object)
{
  CrampEpisodeEditor *self = (CrampEpisodeEditor *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAMP_TYPE_EPISODE_EDITOR);
  g_clear_object (&self->session);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (cramp_episode_editor_parent_class)->dispose (object);
}

static void
cramp_episode_editor_finalize (GObject *object)
{
  CrampEpisodeEditor *self = (CrampEpisodeEditor *) object;

  for (guint i = 0; i < CRAMP_N_VOCABS; i++)
    g_clear_pointer (&self->checks[i], g_ptr_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (cramp_episode_editor_parent_class)->finalize (object);
}

static void
cramp_episode_editor_class_init (CrampEpisodeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cramp_episode_editor_dispose;
  object_class->finalize = cramp_episode_editor_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = cramp_episode_editor_close_request;
  widget_class->map = cramp_episode_editor_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crampdiary/CrampDiary/cramp-episode-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, duration_row);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, duration_min_spin);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, duration_sec_spin);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, woke_switch);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, muscle_row);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, side_row);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, intensity_row);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, activity_row);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, walk_row);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, walk_entry);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, fluid_row);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, fluid_entry);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, triggers_row);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, symptoms_row);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, relief_row);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, medications_row);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, medications_entry);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, notes_count_label);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_seconds_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_woke_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
cramp_episode_editor_init (CrampEpisodeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed_cb), self, G_CONNECT_SWAPPED);
  {
    GtkSpinButton *spins[] = { self->hour_spin, self->minute_spin, self->duration_min_spin, self->duration_sec_spin };

    /* what is typed is checked as it is typed, and never guessed */
    for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
      {
        cramp_spin_read_strictly (spins[i]);
        g_signal_connect_object (spins[i], "changed", G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
      }
    cramp_spin_show_two_digits (self->hour_spin);
    cramp_spin_show_two_digits (self->minute_spin);
  }

  _cramp_episode_editor_fill_form (self);
  for (guint v = 0; v < CRAMP_N_VOCABS; v++)
    for (guint i = 0; self->checks[v] != NULL && i < self->checks[v]->len; i++)
      g_signal_connect_object (g_ptr_array_index (self->checks[v], i), "toggled",
                               G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);

  /* filled: from now on a choice is a change */
  {
    AdwComboRow *combos[] = { self->muscle_row, self->side_row, self->intensity_row, self->activity_row };

    for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
      g_signal_connect_object (combos[i], "notify::selected", G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  }
}

static CrampEpisodeEditor *
new_editor (GtkWindow    *parent,
            CrampSession *session,
            CrampEpisode *episode,
            GDateTime    *fresh_start)
{
  CrampEpisodeEditor *self;
  g_autoptr(CrampEpisode) fresh = NULL;

  self = g_object_new (CRAMP_TYPE_EPISODE_EDITOR,
                       "transient-for", parent,
                       "title", episode ? _("Edit Cramp") : _("New Cramp"),
                       NULL);
  self->session = g_object_ref (session);

  if (episode != NULL)
    {
      self->original = cramp_episode_copy (episode);
      gtk_widget_set_visible (GTK_WIDGET (self->delete_group), TRUE);
      /* Shown, and changed, on the clock where it was logged. */
      self->zone = g_time_zone_new_offset (cramp_time_utc_offset (cramp_episode_get_started_at (episode)));
    }
  else
    {
      CrampUsual usual;

      /* the leg only: the rest is for the user to say here */
      fresh = cramp_episode_new (fresh_start);
      cramp_session_get_usual (session, fresh_start, &usual);
      cramp_episode_set_muscle (fresh, usual.muscle);
      cramp_episode_set_side (fresh, usual.side);
      self->zone = g_time_zone_new_local ();
      episode = fresh;
    }

  setup_completion (self);
  _cramp_episode_editor_load_form (self, episode);
  on_date_changed_cb (self);
  self->loaded = TRUE;

  return self;
}

/**
 * cramp_episode_editor_new:
 * @episode: (nullable): the episode to edit, or %NULL for a new one
 *   that starts now with the usual muscle and side
 */
CrampEpisodeEditor *
cramp_episode_editor_new (GtkWindow    *parent,
                          CrampSession *session,
                          CrampEpisode *episode)
{
  g_autoptr(GDateTime) now = cramp_time_now ();

  g_return_val_if_fail (CRAMP_IS_SESSION (session), NULL);

  return new_editor (parent, session, episode, now);
}

/**
 * cramp_episode_editor_new_for_night:
 * @night: the night the cramp came in, as cramp_time_night_of() gives it
 *
 * A new cramp of @night, not of now: it starts at 03:00 the morning after
 * the evening @night began (or now, if that is still to come), with the
 * usual muscle and side; the user picks the time.
 */
CrampEpisodeEditor *
cramp_episode_editor_new_for_night (GtkWindow    *parent,
                                    CrampSession *session,
                                    gint64        night)
{
  g_autoptr(GDateTime) now = cramp_time_now_local ();
  g_autoptr(GDateTime) noon = cramp_time_night_start (night + 1, 0);
  g_autoptr(GDateTime) start = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (noon),
                                                g_date_time_get_month (noon), g_date_time_get_day_of_month (noon),
                                                3, 0, 0);

  g_return_val_if_fail (CRAMP_IS_SESSION (session), NULL);

  if (g_date_time_compare (start, now) > 0)
    return new_editor (parent, session, NULL, now);
  return new_editor (parent, session, NULL, start);
}
