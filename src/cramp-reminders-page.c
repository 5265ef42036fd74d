/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-reminders-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-format.h"
#include "cramp-reminder.h"
#include "cramp-reminders-page.h"
#include "cramp-spin.h"

/*
 * The reminder settings, in the preferences window. Every change goes to
 * GSettings at once, where the reminder service follows it. The time is
 * set as in GNOME Clocks, an hour and a minute that wrap around; what is
 * typed there that is not an hour or a minute is explained and not saved.
 * While reminders are off, their settings are shown but cannot be changed.
 */

struct _CrampRemindersPage
{
  AdwPreferencesPage  parent_instance;

  GtkSwitch          *enabled_switch;
  AdwActionRow       *time_row;
  GtkSpinButton      *hour_spin;
  GtkSpinButton      *minute_spin;
  GtkWidget          *days_row;
  GtkWidget          *snooze_row;
  GtkWidget          *skip_row;
  GtkLabel           *days_label;
  GtkBox             *days_box;
  GtkSpinButton      *snooze_spin;
  GtkSwitch          *skip_switch;

  GSettings          *settings;
  GtkToggleButton    *days[7];     /* Monday first, as the key */
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (CrampRemindersPage, cramp_reminders_page, ADW_TYPE_PREFERENCES_PAGE)

static void
load_time (CrampRemindersPage *self)
{
  g_autofree char *time = g_settings_get_string (self->settings, "reminder-time");
  int hour = 22, minute = 0;

  cramp_reminder_parse_time (time, &hour, &minute);
  self->loading = TRUE;
  gtk_spin_button_set_value (self->hour_spin, hour);
  gtk_spin_button_set_value (self->minute_spin, minute);
  self->loading = FALSE;
}

static void
on_time_value_changed_cb (CrampRemindersPage *self)
{
  g_autofree char *time = NULL;

  if (self->loading)
    return;

  time = g_strdup_printf ("%02d:%02d", gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin));
  g_settings_set_string (self->settings, "reminder-time", time);
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
on_time_typed_cb (CrampRemindersPage *self)
{
  const char *reason = explain_typed (self->hour_spin, TRUE);

  if (reason == NULL)
    reason = explain_typed (self->minute_spin, FALSE);

  adw_action_row_set_subtitle (self->time_row, reason != NULL ? reason : "");
  if (reason != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->time_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_row), "error");
}

static void
load_days (CrampRemindersPage *self)
{
  g_auto(GStrv) days = g_settings_get_strv (self->settings, "reminder-weekdays");
  guint weekdays = CRAMP_ALL_WEEKDAYS;

  cramp_reminder_parse_weekdays ((const char * const *) days, &weekdays);

  self->loading = TRUE;
  for (guint d = 0; d < 7; d++)
    gtk_toggle_button_set_active (self->days[d], (weekdays & (1u << d)) != 0);
  self->loading = FALSE;

  gtk_label_set_label (self->days_label,
                       weekdays == 0 ? _("No day is chosen, so no reminder comes.")
                       : weekdays == CRAMP_ALL_WEEKDAYS ? _("Every day")
                       : _("On the days chosen"));
}

static void
on_day_toggled_cb (CrampRemindersPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) days = NULL;

  if (self->loading)
    return;

  for (guint d = 0; d < 7; d++)
    if (gtk_toggle_button_get_active (self->days[d]))
      g_strv_builder_add (builder, cramp_reminder_weekday_token (d + 1));
  days = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "reminder-weekdays", (const char * const *) days);
}

static void
add_day_buttons (CrampRemindersPage *self)
{
  /* 5 January 2026 was a Monday */
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2026, 1, 5, 12, 0, 0);

  for (guint d = 0; d < 7; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (monday, d);
      g_autofree char *short_name = cramp_format_datetime (day, "%a");
      g_autofree char *name = cramp_format_datetime (day, "%A");
      GtkWidget *button = gtk_toggle_button_new_with_label (short_name);

      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_add_css_class (button, "day-toggle");
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_day_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->days_box, button);
      self->days[d] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
cramp_reminders_page_dispose (GObject *object)
{
  CrampRemindersPage *self = CRAMP_REMINDERS_PAGE (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cramp_reminders_page_parent_class)->dispose (object);
}

static void
cramp_reminders_page_class_init (CrampRemindersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cramp_reminders_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crampdiary/CrampDiary/cramp-reminders-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, time_row);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, days_row);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, snooze_row);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, skip_row);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, days_label);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, days_box);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, snooze_spin);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, skip_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_time_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_typed_cb);
}

static void
cramp_reminders_page_init (CrampRemindersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  add_day_buttons (self);
  cramp_spin_read_strictly (self->hour_spin);
  cramp_spin_read_strictly (self->minute_spin);
  cramp_spin_show_two_digits (self->hour_spin);
  cramp_spin_show_two_digits (self->minute_spin);

  g_settings_bind (self->settings, "reminders-enabled", self->enabled_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "snooze-minutes", self->snooze_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "skip-if-stretched", self->skip_switch, "active", G_SETTINGS_BIND_DEFAULT);
  {
    GtkWidget *rows[] = { GTK_WIDGET (self->time_row), self->days_row, self->snooze_row, self->skip_row };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      g_object_bind_property (self->enabled_switch, "active", rows[i], "sensitive", G_BINDING_SYNC_CREATE);
  }
  g_signal_connect_object (self->settings, "changed::reminder-time", G_CALLBACK (load_time), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::reminder-weekdays", G_CALLBACK (load_days), self, G_CONNECT_SWAPPED);

  load_time (self);
  load_days (self);
}
