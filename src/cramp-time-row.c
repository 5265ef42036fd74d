/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-time-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-reminder.h"
#include "cramp-spin.h"
#include "cramp-time-row.h"

/*
 * A time of day kept in a GSettings key as "HH:MM", set as in GNOME
 * Clocks: an hour and a minute that wrap around. What is typed that is
 * not an hour or a minute is explained in the row and not saved. The
 * bedtime reminder's time and the morning check-in's are such rows.
 */

struct _CrampTimeRow
{
  AdwActionRow   parent_instance;

  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;

  GSettings     *settings;
  char          *key;
  int            default_hour;
  gboolean       loading;
};

G_DEFINE_FINAL_TYPE (CrampTimeRow, cramp_time_row, ADW_TYPE_ACTION_ROW)

static void
load_time (CrampTimeRow *self)
{
  g_autofree char *time = g_settings_get_string (self->settings, self->key);
  int hour = self->default_hour, minute = 0;

  if (!cramp_reminder_parse_time (time, &hour, &minute))
    {
      hour = self->default_hour;
      minute = 0;
    }
  self->loading = TRUE;
  gtk_spin_button_set_value (self->hour_spin, hour);
  gtk_spin_button_set_value (self->minute_spin, minute);
  self->loading = FALSE;
}

static void
on_value_changed_cb (CrampTimeRow *self)
{
  g_autofree char *time = NULL;

  if (self->loading || self->settings == NULL)
    return;

  time = g_strdup_printf ("%02d:%02d", gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin));
  g_settings_set_string (self->settings, self->key, time);
}

/* What is typed, said wrong while it is typed: the spin button would
 * put back the last time, or the nearest, without a word. */
static const char *
explain_typed (GtkSpinButton *spin,
               gboolean       hour)
{
  switch (cramp_spin_check_text (spin))
    {
    case CRAMP_SPIN_TEXT_NOT_A_NUMBER:
      return hour ? _("Type the hour as a number on the 24-hour clock, such as 22.")
                  : _("Type the minutes as a number, such as 30.");
    case CRAMP_SPIN_TEXT_TOO_LARGE:
      return hour ? _("The hours go from 0 to 23, on the 24-hour clock.") : _("The minutes go from 0 to 59.");
    case CRAMP_SPIN_TEXT_OK:
    default:
      return NULL;
    }
}

static void
on_typed_cb (CrampTimeRow *self)
{
  const char *reason = explain_typed (self->hour_spin, TRUE);

  if (reason == NULL)
    reason = explain_typed (self->minute_spin, FALSE);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), reason != NULL ? reason : "");
  if (reason != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
}

static void
cramp_time_row_dispose (GObject *object)
{
  CrampTimeRow *self = CRAMP_TIME_ROW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (cramp_time_row_parent_class)->dispose (object);
}

static void
cramp_time_row_class_init (CrampTimeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cramp_time_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crampdiary/CrampDiary/cramp-time-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrampTimeRow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, CrampTimeRow, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_typed_cb);
}

static void
cramp_time_row_init (CrampTimeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  cramp_spin_read_strictly (self->hour_spin);
  cramp_spin_read_strictly (self->minute_spin);
  cramp_spin_show_two_digits (self->hour_spin);
  cramp_spin_show_two_digits (self->minute_spin);
}

/**
 * cramp_time_row_bind:
 * @key: a key of @settings that holds "HH:MM"
 * @default_hour: the hour shown for a value that is not a time
 * @hour_label: what a screen reader calls the hour: "Hour of the reminder"
 *
 * Shows the time @key holds, and keeps it there as it is changed.
 */
void
cramp_time_row_bind (CrampTimeRow *self,
                     GSettings    *settings,
                     const char   *key,
                     int           default_hour,
                     const char   *hour_label,
                     const char   *minute_label)
{
  g_autofree char *signal = g_strconcat ("changed::", key, NULL);

  g_return_if_fail (CRAMP_IS_TIME_ROW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  self->key = g_strdup (key);
  self->default_hour = default_hour;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hour_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, hour_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->minute_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, minute_label,
                                  -1);
  g_signal_connect_object (settings, signal, G_CALLBACK (load_time), self, G_CONNECT_SWAPPED);
  load_time (self);
}

GtkSpinButton *
cramp_time_row_get_hour_spin (CrampTimeRow *self)
{
  g_return_val_if_fail (CRAMP_IS_TIME_ROW (self), NULL);

  return self->hour_spin;
}

GtkSpinButton *
cramp_time_row_get_minute_spin (CrampTimeRow *self)
{
  g_return_val_if_fail (CRAMP_IS_TIME_ROW (self), NULL);

  return self->minute_spin;
}
