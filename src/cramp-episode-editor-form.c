/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-episode-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-episode-editor-private.h"
#include "cramp-row.h"
#include "cramp-spin.h"
#include "cramp-time.h"

/*
 * The editor's form and the episode: its rows filled with the words of
 * the vocabularies, an episode shown in them, and read back from them —
 * each field that cannot be read or is out of range marked in its row,
 * with why.
 */

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
      /* the message may quote what was typed */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
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
CrampEpisode *
_cramp_episode_editor_read_form (CrampEpisodeEditor *self)
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

/* What the sets' rows say when they are folded. */
void
_cramp_episode_editor_update_subtitles (CrampEpisodeEditor *self)
{
  update_set_subtitle (self, CRAMP_VOCAB_TRIGGER, self->triggers_row);
  update_set_subtitle (self, CRAMP_VOCAB_SYMPTOM, self->symptoms_row);
  update_set_subtitle (self, CRAMP_VOCAB_RELIEF, self->relief_row);
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
      GtkWidget *row = cramp_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *description = cramp_vocab_description (vocab, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cramp_vocab_label (vocab, i));
      if (description != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (expander, row);
      g_ptr_array_add (self->checks[vocab], check);
    }
}

/* The choices of the combo rows and the sets' check buttons. */
void
_cramp_episode_editor_fill_form (CrampEpisodeEditor *self)
{
  fill_combo (self->muscle_row, CRAMP_VOCAB_MUSCLE);
  fill_combo (self->side_row, CRAMP_VOCAB_SIDE);
  fill_combo (self->activity_row, CRAMP_VOCAB_ACTIVITY);
  fill_intensity (self->intensity_row);
  fill_checks (self, CRAMP_VOCAB_TRIGGER, self->triggers_row);
  fill_checks (self, CRAMP_VOCAB_SYMPTOM, self->symptoms_row);
  fill_checks (self, CRAMP_VOCAB_RELIEF, self->relief_row);
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

void
_cramp_episode_editor_load_form (CrampEpisodeEditor *self,
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
