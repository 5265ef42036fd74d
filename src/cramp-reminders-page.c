/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-reminders-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-format.h"
#include "cramp-reminder.h"
#include "cramp-reminders-page.h"
#include "cramp-time-row.h"

/*
 * The settings of the background service's schedules, in the preferences
 * window: the bedtime reminder and the morning check-in. Every change
 * goes to GSettings at once, where the service follows it; each time is
 * a CrampTimeRow. While a schedule is off, its settings are shown but
 * cannot be changed.
 */

struct _CrampRemindersPage
{
  AdwPreferencesPage  parent_instance;

  GtkSwitch          *enabled_switch;
  CrampTimeRow       *time_row;
  GtkWidget          *days_row;
  GtkWidget          *snooze_row;
  GtkWidget          *skip_row;
  GtkLabel           *days_label;
  GtkBox             *days_box;
  GtkSpinButton      *snooze_spin;
  GtkSwitch          *skip_switch;
  GtkSwitch          *checkin_switch;
  CrampTimeRow       *checkin_time_row;

  GSettings          *settings;
  GtkToggleButton    *days[7];     /* Monday first, as the key */
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (CrampRemindersPage, cramp_reminders_page, ADW_TYPE_PREFERENCES_PAGE)

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

  g_type_ensure (CRAMP_TYPE_TIME_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crampdiary/CrampDiary/cramp-reminders-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, time_row);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, days_row);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, snooze_row);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, skip_row);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, days_label);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, days_box);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, snooze_spin);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, checkin_switch);
  gtk_widget_class_bind_template_child (widget_class, CrampRemindersPage, checkin_time_row);
}

static void
cramp_reminders_page_init (CrampRemindersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  add_day_buttons (self);
  cramp_time_row_bind (self->time_row, self->settings, "reminder-time", 22,
                       _("Hour of the reminder"), _("Minute of the reminder"));
  cramp_time_row_bind (self->checkin_time_row, self->settings, "checkin-time", 8,
                       _("Hour of the check-in"), _("Minute of the check-in"));

  g_settings_bind (self->settings, "reminders-enabled", self->enabled_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "snooze-minutes", self->snooze_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "skip-if-stretched", self->skip_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "checkin-enabled", self->checkin_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->checkin_switch, "active", self->checkin_time_row, "sensitive", G_BINDING_SYNC_CREATE);
  {
    GtkWidget *rows[] = { GTK_WIDGET (self->time_row), self->days_row, self->snooze_row, self->skip_row };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      g_object_bind_property (self->enabled_switch, "active", rows[i], "sensitive", G_BINDING_SYNC_CREATE);
  }
  g_signal_connect_object (self->settings, "changed::reminder-weekdays", G_CALLBACK (load_days), self, G_CONNECT_SWAPPED);

  load_days (self);
}
