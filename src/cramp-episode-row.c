/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-episode-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cramp-a11y.h"
#include "cramp-episode-row.h"
#include "cramp-format.h"
#include "cramp-time.h"

struct _CrampEpisodeRow
{
  GtkWidget  parent_instance;

  GtkLabel  *night_label;
  GtkLabel  *time_label;
  GtkLabel  *title_label;
  GtkLabel  *subtitle_label;
  GtkBox    *icon_box;
  GtkButton *delete_button;
};

G_DEFINE_FINAL_TYPE (CrampEpisodeRow, cramp_episode_row, GTK_TYPE_WIDGET)

/* The longest start of a note a row shows, in characters */
#define NOTE_EXCERPT 48

/* What a row says when none of the details it sums up were given: the
 * start of the note, or that other details were, and "No details yet"
 * only when that is true. */
static char *
describe_other_details (CrampEpisode *episode)
{
  const char *notes = cramp_episode_get_notes (episode);
  const char * const *medications = cramp_episode_get_medications (episode);

  /* from the first line with words */
  while (notes != NULL && g_unichar_isspace (g_utf8_get_char (notes)))
    notes = g_utf8_next_char (notes);

  if (notes != NULL && *notes != '\0')
    {
      g_autofree char *line = g_strndup (notes, strcspn (notes, "\n"));
      g_autofree char *excerpt = NULL;

      g_strchomp (line);
      if (g_utf8_strlen (line, -1) > NOTE_EXCERPT)
        {
          g_autofree char *start = g_utf8_substring (line, 0, NOTE_EXCERPT - 1);

          excerpt = g_strconcat (g_strchomp (start), "…", NULL);
        }
      else
        excerpt = g_strdup (line);
      /* Translators: the start of a cramp's notes, quoted */
      return g_strdup_printf (_("“%s”"), excerpt);
    }

  if (cramp_episode_get_symptoms (episode) != 0 || cramp_episode_get_triggers (episode) != 0 ||
      cramp_episode_get_relieved_by (episode) != 0 || (medications != NULL && medications[0] != NULL) ||
      cramp_episode_get_walk_distance (episode) != CRAMP_UNSET || cramp_episode_get_fluid (episode) != CRAMP_UNSET)
    return g_strdup (_("Other details recorded"));

  return g_strdup (_("No details yet"));
}

static char *
describe_details (CrampEpisode *episode)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  CrampActivity activity = cramp_episode_get_activity (episode);

  if (cramp_episode_get_duration (episode) != CRAMP_UNSET)
    g_ptr_array_add (parts, cramp_format_duration (cramp_episode_get_duration (episode)));
  if (cramp_episode_get_intensity (episode) != CRAMP_UNSET)
    /* Translators: pain intensity on a scale of 0 to 10 */
    g_ptr_array_add (parts, g_strdup_printf (_("Pain %d/10"), cramp_episode_get_intensity (episode)));
  if (activity != CRAMP_ACTIVITY_UNKNOWN)
    g_ptr_array_add (parts, g_strdup (cramp_vocab_label (CRAMP_VOCAB_ACTIVITY, activity)));
  if (cramp_episode_get_woke_from_sleep (episode) == TRUE)
    g_ptr_array_add (parts, g_strdup (_("Woke from sleep")));
  if (parts->len == 0)
    g_ptr_array_add (parts, describe_other_details (episode));

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the details of a cramp, as in "2 min · Pain 6/10" */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/**
 * cramp_episode_describe:
 *
 * Returns: (transfer full): one sentence with the time, place and details
 *   of @episode, for screen readers.
 */
char *
cramp_episode_describe (CrampEpisode *episode)
{
  g_autofree char *time = cramp_format_time_of_day (cramp_episode_get_started_at (episode));
  g_autofree char *date = cramp_format_date (cramp_episode_get_started_at (episode));
  g_autofree char *where = cramp_format_episode_place (episode);
  g_autofree char *details = describe_details (episode);

  /* Translators: date, time, where, details of a cramp */
  return g_strdup_printf (_("%s, %s: %s, %s"), date, time, where, details);
}

static void
cramp_episode_row_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), CRAMP_TYPE_EPISODE_ROW);
  /* GTK 4.8 unparents only the named children of a template */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cramp_episode_row_parent_class)->dispose (object);
}

/* Asked for the focus, as the list asks the row it moves to after a
 * delete or to a cramp it scrolls to, a row passes: the list item takes
 * it, not the bin inside, where one Space would delete another cramp.
 * Tab still reaches the bin. */
static gboolean
cramp_episode_row_grab_focus (GtkWidget *widget)
{
  return FALSE;
}

static void
cramp_episode_row_class_init (CrampEpisodeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cramp_episode_row_dispose;
  widget_class->grab_focus = cramp_episode_row_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crampdiary/CrampDiary/cramp-episode-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeRow, night_label);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeRow, icon_box);
  gtk_widget_class_bind_template_child (widget_class, CrampEpisodeRow, delete_button);
}

static void
cramp_episode_row_init (CrampEpisodeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* the bin's icon: the button says "Delete the cramp of …" */
  cramp_a11y_quiet_icons (GTK_WIDGET (self->delete_button));
}

GtkWidget *
cramp_episode_row_new (void)
{
  return g_object_new (CRAMP_TYPE_EPISODE_ROW, NULL);
}

static void
add_icon (CrampEpisodeRow *self,
          const char      *icon_name,
          const char      *label,
          const char      *css_class)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (image, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (image, css_class);
  gtk_box_append (self->icon_box, image);
}

static gboolean
in_night_hours (CrampEpisode *episode)
{
  return CRAMP_IS_NIGHT_HOUR (g_date_time_get_hour (cramp_episode_get_started_at (episode)));
}

/**
 * cramp_episode_row_group_of:
 *
 * The history groups a cramp of the night hours under its night, and one
 * of the day under its day: a daytime cramp is never headed as a night.
 *
 * Returns: the group of @episode, equal for the cramps of one heading
 */
gint64
cramp_episode_row_group_of (CrampEpisode *episode)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (episode), 0);

  if (in_night_hours (episode))
    return 2 * cramp_episode_get_night (episode);
  return 2 * (cramp_time_last_night (cramp_episode_get_started_at (episode)) + 1) + 1;
}

/**
 * cramp_episode_row_set_episode:
 * @first_of_group: whether the row above belongs to another night or
 *   day (cramp_episode_row_group_of()), so that this row shows the
 *   heading
 */
void
cramp_episode_row_set_episode (CrampEpisodeRow *self,
                               CrampEpisode    *episode,
                               gboolean         first_of_group)
{
  g_autofree char *time = NULL;
  g_autofree char *where = NULL;
  g_autofree char *details = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;
  guint symptoms;

  g_return_if_fail (CRAMP_IS_EPISODE_ROW (self));
  g_return_if_fail (CRAMP_IS_EPISODE (episode));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->icon_box))))
    gtk_box_remove (self->icon_box, child);

  /* Gone a moment ago; the list is about to drop the row. */
  if (cramp_episode_get_started_at (episode) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);

  if (first_of_group)
    {
      g_autofree char *heading = in_night_hours (episode)
                                 ? cramp_format_night (cramp_episode_get_night (episode))
                                 : cramp_format_date (cramp_episode_get_started_at (episode));
      gtk_label_set_label (self->night_label, heading);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->night_label), first_of_group);

  time = cramp_format_time_of_day (cramp_episode_get_started_at (episode));
  where = cramp_format_episode_place (episode);
  details = describe_details (episode);
  gtk_label_set_label (self->time_label, time);
  gtk_label_set_label (self->title_label, where);
  gtk_label_set_label (self->subtitle_label, details);

  if (cramp_episode_get_woke_from_sleep (episode) == TRUE)
    add_icon (self, "weather-clear-night-symbolic", _("Woke from sleep"), "dim-label");

  symptoms = cramp_episode_get_symptoms (episode);
  for (guint i = 0; i < cramp_vocab_size (CRAMP_VOCAB_SYMPTOM); i++)
    {
      if (symptoms & (1u << i))
        add_icon (self,
                  cramp_vocab_icon_name (CRAMP_VOCAB_SYMPTOM, i),
                  cramp_vocab_label (CRAMP_VOCAB_SYMPTOM, i),
                  "symptom-icon");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->icon_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->icon_box)) != NULL);

  /* The target first: the action takes the episode's id. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s",
                                    cramp_episode_get_id (episode));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "win.delete-episode");

  description = cramp_episode_describe (episode);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  {
    /* Translators: the name of a delete button, for screen readers;
     * %s is the time the cramp began */
    g_autofree char *delete_label = g_strdup_printf (_("Delete the cramp of %s"), time);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label,
                                    -1);
  }
}

/**
 * cramp_episode_row_set_quiet_night:
 * @sleep_disturbance: 0–10, or %CRAMP_UNSET
 *
 * Shows a night the user said was quiet, under its heading.
 */
void
cramp_episode_row_set_quiet_night (CrampEpisodeRow *self,
                                   gint64           night,
                                   int              sleep_disturbance)
{
  g_autofree char *heading = cramp_format_night (night);
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *child;

  g_return_if_fail (CRAMP_IS_EPISODE_ROW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->icon_box))))
    gtk_box_remove (self->icon_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_label_set_label (self->night_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->night_label), TRUE);
  add_icon (self, "weather-clear-night-symbolic", _("Quiet night"), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->icon_box), TRUE);

  if (sleep_disturbance == CRAMP_UNSET)
    subtitle = g_strdup (_("No cramp all night"));
  else
    /* Translators: %d is 0 to 10, as the user rated it */
    subtitle = g_strdup_printf (_("No cramp; sleep disturbed %d of 10"), sleep_disturbance);
  gtk_label_set_label (self->time_label, "");
  gtk_label_set_label (self->title_label, _("Quiet night"));
  gtk_label_set_label (self->subtitle_label, subtitle);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x", night);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "win.forget-night");

  /* Translators: "Night of Monday 2 March 2026: quiet night, no cramp all night" */
  description = g_strdup_printf (_("%s: quiet night, %s"), heading, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  /* Translators: the name of a delete button, for screen readers;
   * %s is "Night of Monday 2 March 2026" */
  remove_label = g_strdup_printf (_("Remove the quiet mark, %s"), heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
}

/**
 * cramp_episode_row_get_id:
 *
 * Returns: (nullable): the id of the cramp the row shows
 */
const char *
cramp_episode_row_get_id (CrampEpisodeRow *self)
{
  GVariant *target;

  g_return_val_if_fail (CRAMP_IS_EPISODE_ROW (self), NULL);

  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (self->delete_button));
  if (target == NULL || !g_variant_is_of_type (target, G_VARIANT_TYPE_STRING))
    return NULL;
  return g_variant_get_string (target, NULL);
}
