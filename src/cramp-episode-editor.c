/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-episode-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cramp-episode-editor.h"
#include "cramp-a11y.h"
#include "cramp-drug-catalog.h"
#include "cramp-format.h"
#include "cramp-spin.h"
#include "cramp-time.h"

/*
 * Adds or edits one episode. Every field is checked as it is typed; a
 * field that is wrong turns red and says why in its row, and Save stays
 * off until all are right. A save that fails (a full disk, say) keeps the
 * window and everything in it, so the user can try again.
 */

struct _CrampEpisodeEditor
{
  AdwWindow           parent_instance;

  GtkButton          *save_button;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  AdwActionRow       *date_row;
  GtkMenuButton      *date_button;
  GtkCalendar        *calendar;
  AdwActionRow       *time_row;
  GtkSpinButton      *hour_spin;
  GtkSpinButton      *minute_spin;
  AdwActionRow       *duration_row;
  GtkSpinButton      *duration_min_spin;
  GtkSpinButton      *duration_sec_spin;
  GtkSwitch          *woke_switch;
  AdwComboRow        *muscle_row;
  AdwComboRow        *side_row;
  AdwComboRow        *intensity_row;
  AdwComboRow        *activity_row;
  AdwActionRow       *walk_row;
  GtkEntry           *walk_entry;
  AdwActionRow       *fluid_row;
  GtkEntry           *fluid_entry;
  AdwExpanderRow     *triggers_row;
  AdwExpanderRow     *symptoms_row;
  AdwExpanderRow     *relief_row;
  AdwActionRow       *medications_row;
  GtkEntry           *medications_entry;
  GtkTextView        *notes_view;
  GtkLabel           *notes_count_label;
  AdwPreferencesGroup *delete_group;

  CrampStore         *store;
  CrampEpisode       *original;     /* NULL for a new episode */
  GTimeZone          *zone;         /* the clock the times are shown on */
  GPtrArray          *checks[CRAMP_N_VOCABS];   /* GtkCheckButton, for the sets */
  int                 woke;         /* as recorded, until the switch is touched */
  gboolean            loaded;       /* the fields show the episode: a change is the user's */
  gboolean            edited;       /* something was changed since */
  gboolean            discarding;   /* the user chose to let the changes go */
  gboolean            focused;      /* the first field had the focus once */
};

G_DEFINE_FINAL_TYPE (CrampEpisodeEditor, cramp_episode_editor, ADW_TYPE_WINDOW)

/* The rows that can be wrong, with what they say when they are not. */
typedef struct
{
  CrampField  field;
  gsize       row_offset;
  const char *subtitle;
} CheckedRow;

static const CheckedRow checked_rows[] = {
  { CRAMP_FIELD_STARTED_AT, G_STRUCT_OFFSET (CrampEpisodeEditor, time_row), NULL },
  { CRAMP_FIELD_DURATION, G_STRUCT_OFFSET (CrampEpisodeEditor, duration_row), N_("How long the muscle stayed hard, not the soreness after; zero if you do not know") },
  { CRAMP_FIELD_WALK_DISTANCE, G_STRUCT_OFFSET (CrampEpisodeEditor, walk_row), N_("In metres; leave empty if you were not walking") },
  { CRAMP_FIELD_FLUID, G_STRUCT_OFFSET (CrampEpisodeEditor, fluid_row), N_("In millilitres, roughly; a large glass is about 250") },
  { CRAMP_FIELD_MEDICATIONS, G_STRUCT_OFFSET (CrampEpisodeEditor, medications_row), NULL },
};

static AdwActionRow *
checked_row_widget (CrampEpisodeEditor *self,
                    const CheckedRow   *row)
{
  return G_STRUCT_MEMBER (AdwActionRow *, self, row->row_offset);
}

static void
mark_row (CrampEpisodeEditor *self,
          CrampField          field,
          const char         *message)
{
  for (guint i = 0; i < G_N_ELEMENTS (checked_rows); i++)
    {
      AdwActionRow *row;

      if (checked_rows[i].field != field)
        continue;

      row = checked_row_widget (self, &checked_rows[i]);
      adw_action_row_set_subtitle (row, message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
}

static void
clear_marks (CrampEpisodeEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (checked_rows); i++)
    {
      AdwActionRow *row = checked_row_widget (self, &checked_rows[i]);
      const char *subtitle = checked_rows[i].subtitle;

      adw_action_row_set_subtitle (row, subtitle ? _(subtitle) : "");
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static char *
get_notes (CrampEpisodeEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A count typed into an entry: empty is "not recorded". */
static gboolean
read_count (GtkEntry   *entry,
            int         max,
            int        *value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  guint64 number;

  *value = CRAMP_UNSET;
  if (text[0] == '\0')
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &number, NULL))
    return FALSE;

  *value = (int) number;
  return TRUE;
}

static GDateTime *
get_started_at (CrampEpisodeEditor *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) when = NULL;

  when = g_date_time_new (self->zone,
                          g_date_time_get_year (day),
                          g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin),
                          0);
  if (when == NULL)
    return NULL;

  /* Keep the seconds of a time that was not changed. */
  if (self->original != NULL)
    {
      GDateTime *original = cramp_episode_get_started_at (self->original);

      if (g_date_time_get_year (original) == g_date_time_get_year (when) &&
          g_date_time_get_day_of_year (original) == g_date_time_get_day_of_year (when) &&
          g_date_time_get_hour (original) == g_date_time_get_hour (when) &&
          g_date_time_get_minute (original) == g_date_time_get_minute (when))
        return g_date_time_ref (original);
    }

  return cramp_time_to_fixed (when);
}

static guint
get_set (CrampEpisodeEditor *self,
         CrampVocab          vocab)
{
  guint bits = 0;

  for (guint i = 0; i < self->checks[vocab]->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (self->checks[vocab], i)))
        bits |= 1u << i;
    }

  return bits;
}

/* The count under the notes follows what is typed, pasted or cut. */
static void
update_notes_count (CrampEpisodeEditor *self,
                    const char         *notes)
{
  glong n_chars = g_utf8_strlen (notes, -1);
  g_autofree char *count = g_strdup_printf (_("%ld of %d characters"), n_chars, CRAMP_NOTES_MAX_CHARS);

  gtk_label_set_label (self->notes_count_label, count);
  if (n_chars > CRAMP_NOTES_MAX_CHARS)
    gtk_widget_add_css_class (GTK_WIDGET (self->notes_count_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->notes_count_label), "error");
}

/*
 * Reads every field into a new episode, marking each field that cannot
 * be read or is out of range.
 *
 * Returns: (transfer full) (nullable): the episode, or %NULL if a field
 *   is wrong
 */
static CrampEpisode *
read_episode (CrampEpisodeEditor *self)
{
  g_autoptr(CrampEpisode) episode = NULL;
  g_autoptr(GDateTime) started_at = get_started_at (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = get_notes (self);
  g_auto(GStrv) medications = NULL;
  gboolean ok = TRUE;
  guint intensity;
  int duration, walk, fluid;

  clear_marks (self);
  update_notes_count (self, notes);

  if (cramp_spin_check_text (self->hour_spin) != CRAMP_SPIN_TEXT_OK ||
      cramp_spin_check_text (self->minute_spin) != CRAMP_SPIN_TEXT_OK)
    {
      mark_row (self, CRAMP_FIELD_STARTED_AT, _("Type the hour, 0 to 23, and the minutes, 0 to 59, as numbers."));
      return NULL;
    }

  if (started_at == NULL)
    {
      mark_row (self, CRAMP_FIELD_STARTED_AT, _("This time does not exist on that day (the clocks changed)."));
      return NULL;
    }

  episode = cramp_episode_new (started_at);
  if (self->original != NULL)
    cramp_episode_set_id (episode, cramp_episode_get_id (self->original));

  duration = gtk_spin_button_get_value_as_int (self->duration_min_spin) * 60 +
             gtk_spin_button_get_value_as_int (self->duration_sec_spin);
  cramp_episode_set_duration (episode, duration == 0 ? CRAMP_UNSET : duration);
  if (cramp_spin_check_text (self->duration_min_spin) != CRAMP_SPIN_TEXT_OK)
    {
      mark_row (self, CRAMP_FIELD_DURATION, _("Type the minutes as a whole number, such as 2, up to 1440."));
      ok = FALSE;
    }
  else if (cramp_spin_check_text (self->duration_sec_spin) != CRAMP_SPIN_TEXT_OK)
    {
      mark_row (self, CRAMP_FIELD_DURATION, _("Type the seconds as a whole number, such as 30."));
      ok = FALSE;
    }

  cramp_episode_set_muscle (episode, adw_combo_row_get_selected (self->muscle_row));
  cramp_episode_set_side (episode, adw_combo_row_get_selected (self->side_row));
  intensity = adw_combo_row_get_selected (self->intensity_row);
  cramp_episode_set_intensity (episode, intensity == 0 ? CRAMP_UNSET : (int) intensity - 1);
  cramp_episode_set_activity (episode, adw_combo_row_get_selected (self->activity_row));

  if (read_count (self->walk_entry, CRAMP_WALK_DISTANCE_MAX, &walk))
    cramp_episode_set_walk_distance (episode, walk);
  else
    {
      mark_row (self, CRAMP_FIELD_WALK_DISTANCE,
                _("Type the distance in whole metres, such as 400, up to 1,000,000."));
      ok = FALSE;
    }

  if (read_count (self->fluid_entry, CRAMP_FLUID_MAX, &fluid))
    cramp_episode_set_fluid (episode, fluid);
  else
    {
      mark_row (self, CRAMP_FIELD_FLUID,
                _("Type the amount in whole millilitres, such as 1500, up to 100,000."));
      ok = FALSE;
    }

  if (cramp_medications_parse (gtk_editable_get_text (GTK_EDITABLE (self->medications_entry)),
                               &medications, &error))
    cramp_episode_set_medications (episode, (const char * const *) medications);
  else
    {
      mark_row (self, CRAMP_FIELD_MEDICATIONS, error->message);
      g_clear_error (&error);
      ok = FALSE;
    }

  cramp_episode_set_relieved_by (episode, get_set (self, CRAMP_VOCAB_RELIEF));
  cramp_episode_set_symptoms (episode, get_set (self, CRAMP_VOCAB_SYMPTOM));
  cramp_episode_set_triggers (episode, get_set (self, CRAMP_VOCAB_TRIGGER));
  cramp_episode_set_woke_from_sleep (episode, self->woke);

  cramp_episode_set_notes (episode, notes);

  if (!ok)
    return NULL;

  if (!cramp_episode_validate (episode, &error))
    {
      mark_row (self, error->code, error->message);
      return NULL;
    }

  return g_steal_pointer (&episode);
}

static void
update_set_subtitle (CrampEpisodeEditor *self,
                     CrampVocab          vocab,
                     AdwExpanderRow     *row)
{
  guint bits = get_set (self, vocab);
  g_autofree char *labels = cramp_vocab_set_to_labels (vocab, bits);

  adw_expander_row_set_subtitle (row, bits ? labels : _("None recorded"));
}

static void
on_changed_cb (CrampEpisodeEditor *self)
{
  g_autoptr(CrampEpisode) episode = read_episode (self);

  if (self->loaded)
    self->edited = TRUE;

  update_set_subtitle (self, CRAMP_VOCAB_TRIGGER, self->triggers_row);
  update_set_subtitle (self, CRAMP_VOCAB_SYMPTOM, self->symptoms_row);
  update_set_subtitle (self, CRAMP_VOCAB_RELIEF, self->relief_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", episode != NULL);
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
  g_autoptr(CrampEpisode) episode = read_episode (self);
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (episode == NULL)
    return;

  if (self->original != NULL)
    saved = cramp_store_update (self->store, episode, &error);
  else
    saved = cramp_store_add (self->store, episode, &error);

  if (!saved)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

/* Esc: a popup that does not take the focus, as the completion of the
 * medications, closes first; then the window, which asks before it
 * drops what was typed. */
static GtkPopover *
find_open_popover (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkPopover *found;

      if (GTK_IS_POPOVER (c) && gtk_widget_get_visible (c))
        return GTK_POPOVER (c);
      if ((found = find_open_popover (c)))
        return found;
    }

  return NULL;
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrampEpisodeEditor *self = CRAMP_EPISODE_EDITOR (widget);
  GtkPopover *popup = find_open_popover (GTK_WIDGET (self->medications_entry));

  if (popup != NULL)
    {
      gtk_popover_popdown (popup);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
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

static void
fill_combo (AdwComboRow *row,
            CrampVocab   vocab)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < cramp_vocab_size (vocab); i++)
    gtk_string_list_append (labels, cramp_vocab_label (vocab, i));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
fill_intensity (AdwComboRow *row)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, C_("pain", "Not recorded"));
  for (int i = 0; i <= CRAMP_INTENSITY_MAX; i++)
    {
      g_autofree char *label = NULL;

      if (i == 0)
        label = g_strdup (_("0 — no pain"));
      else if (i == CRAMP_INTENSITY_MAX)
        label = g_strdup_printf (_("%d — the worst imaginable"), i);
      else
        label = g_strdup_printf ("%d", i);
      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
fill_checks (CrampEpisodeEditor *self,
             CrampVocab          vocab,
             AdwExpanderRow     *expander)
{
  self->checks[vocab] = g_ptr_array_new ();

  for (guint i = 0; i < cramp_vocab_size (vocab); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *description = cramp_vocab_description (vocab, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cramp_vocab_label (vocab, i));
      if (description != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (expander, row);
      g_ptr_array_add (self->checks[vocab], check);
    }
}

static void
set_count (GtkEntry *entry,
           int       value)
{
  g_autofree char *text = value == CRAMP_UNSET ? g_strdup ("") : g_strdup_printf ("%d", value);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
set_checks (CrampEpisodeEditor *self,
            CrampVocab          vocab,
            guint               bits)
{
  for (guint i = 0; i < self->checks[vocab]->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks[vocab], i);
      gboolean active = (bits & (1u << i)) != 0;

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      /* a word no longer offered shows only on an episode that has it */
      if (!cramp_vocab_is_offered (vocab, i))
        gtk_widget_set_visible (gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW), active);
    }
}

static void
load_episode (CrampEpisodeEditor *self,
              CrampEpisode       *episode)
{
  GDateTime *started_at = cramp_episode_get_started_at (episode);
  int duration = cramp_episode_get_duration (episode);
  int intensity = cramp_episode_get_intensity (episode);
  /* as a person writes a list, not as the CSV field */
  g_autofree char *medications = g_strjoinv ("; ", (char **) cramp_episode_get_medications (episode));
  const char *notes = cramp_episode_get_notes (episode);

  gtk_calendar_select_day (self->calendar, started_at);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (started_at));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (started_at));
  if (duration != CRAMP_UNSET)
    {
      gtk_spin_button_set_value (self->duration_min_spin, duration / 60);
      gtk_spin_button_set_value (self->duration_sec_spin, duration % 60);
    }

  adw_combo_row_set_selected (self->muscle_row, cramp_episode_get_muscle (episode));
  adw_combo_row_set_selected (self->side_row, cramp_episode_get_side (episode));
  adw_combo_row_set_selected (self->intensity_row, intensity == CRAMP_UNSET ? 0 : intensity + 1);
  adw_combo_row_set_selected (self->activity_row, cramp_episode_get_activity (episode));
  set_count (self->walk_entry, cramp_episode_get_walk_distance (episode));
  set_count (self->fluid_entry, cramp_episode_get_fluid (episode));
  set_checks (self, CRAMP_VOCAB_RELIEF, cramp_episode_get_relieved_by (episode));
  set_checks (self, CRAMP_VOCAB_SYMPTOM, cramp_episode_get_symptoms (episode));
  set_checks (self, CRAMP_VOCAB_TRIGGER, cramp_episode_get_triggers (episode));
  gtk_editable_set_text (GTK_EDITABLE (self->medications_entry), medications);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes ? notes : "", -1);

  /* The switch shows yes or no; "not recorded" stays so until the user
   * turns it. */
  gtk_switch_set_active (self->woke_switch, cramp_episode_get_woke_from_sleep (episode) == TRUE);
  self->woke = cramp_episode_get_woke_from_sleep (episode);
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
  g_auto(GStrv) known = cramp_store_list_medication_names (self->store);
  const char * const *catalog = cramp_drug_catalog_names ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

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
}

static void
cramp_episode_editor_dispose (GObject *object)
{
  CrampEpisodeEditor *self = (CrampEpisodeEditor *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAMP_TYPE_EPISODE_EDITOR);
  g_clear_object (&self->store);
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
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
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

  fill_combo (self->muscle_row, CRAMP_VOCAB_MUSCLE);
  fill_combo (self->side_row, CRAMP_VOCAB_SIDE);
  fill_combo (self->activity_row, CRAMP_VOCAB_ACTIVITY);
  fill_intensity (self->intensity_row);
  fill_checks (self, CRAMP_VOCAB_TRIGGER, self->triggers_row);
  fill_checks (self, CRAMP_VOCAB_SYMPTOM, self->symptoms_row);
  fill_checks (self, CRAMP_VOCAB_RELIEF, self->relief_row);

  /* filled: from now on a choice is a change */
  {
    AdwComboRow *combos[] = { self->muscle_row, self->side_row, self->intensity_row, self->activity_row };

    for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
      g_signal_connect_object (combos[i], "notify::selected", G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  }
}

/**
 * cramp_episode_editor_new:
 * @episode: (nullable): the episode to edit, or %NULL for a new one
 *   that starts now with the usual muscle and side
 */
CrampEpisodeEditor *
cramp_episode_editor_new (GtkWindow    *parent,
                          CrampStore   *store,
                          CrampEpisode *episode)
{
  CrampEpisodeEditor *self;
  g_autoptr(CrampEpisode) fresh = NULL;

  g_return_val_if_fail (CRAMP_IS_STORE (store), NULL);

  self = g_object_new (CRAMP_TYPE_EPISODE_EDITOR,
                       "transient-for", parent,
                       "title", episode ? _("Edit Cramp") : _("New Cramp"),
                       NULL);
  self->store = g_object_ref (store);

  if (episode != NULL)
    {
      self->original = cramp_episode_copy (episode);
      gtk_widget_set_visible (GTK_WIDGET (self->delete_group), TRUE);
      /* Shown, and changed, on the clock where it was logged. */
      self->zone = g_time_zone_new_offset (cramp_time_utc_offset (cramp_episode_get_started_at (episode)));
    }
  else
    {
      g_autoptr(GDateTime) now = cramp_time_now ();
      CrampUsual usual;

      /* the leg only: the rest is for the user to say here */
      fresh = cramp_episode_new (now);
      cramp_store_get_usual (store, now, &usual);
      cramp_episode_set_muscle (fresh, usual.muscle);
      cramp_episode_set_side (fresh, usual.side);
      self->zone = g_time_zone_new_local ();
      episode = fresh;
    }

  setup_completion (self);
  load_episode (self, episode);
  on_date_changed_cb (self);
  self->loaded = TRUE;

  return self;
}
