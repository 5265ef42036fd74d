/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-medication-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-format.h"
#include "cramp-medication-dialog.h"
#include "cramp-time.h"
#include "cramp-profile.h"

/*
 * Adds or changes one medication of the health profile: its name and dose,
 * and the days it was started and stopped when they are known. The
 * "saved" signal carries the result; the window does not write the diary.
 */

struct _CrampMedicationDialog
{
  AdwWindow       parent_instance;

  AdwEntryRow    *name_row;
  AdwPreferencesGroup *dates_group;
  AdwExpanderRow *started_row;
  AdwExpanderRow *stopped_row;
  GtkCalendar    *started_calendar;
  GtkCalendar    *stopped_calendar;
};

G_DEFINE_FINAL_TYPE (CrampMedicationDialog, cramp_medication_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
read_day (AdwExpanderRow *row,
          GtkCalendar    *calendar,
          GDate          *date)
{
  g_autoptr(GDateTime) day = NULL;

  g_date_clear (date, 1);
  if (!adw_expander_row_get_enable_expansion (row))
    return FALSE;

  day = gtk_calendar_get_date (calendar);
  cramp_time_get_date (day, date);
  return TRUE;
}

static void
show_day (AdwExpanderRow *row,
          GtkCalendar    *calendar)
{
  GDate date;

  if (read_day (row, calendar, &date))
    {
      g_autofree char *text = cramp_format_day (&date);
      adw_expander_row_set_subtitle (row, text);
    }
  else
    adw_expander_row_set_subtitle (row, _("Not known"));
}

/* Checks what was entered; the error, if any, is shown under the dates. */
static gboolean
check (CrampMedicationDialog *self)
{
  g_autoptr(CrampProfile) probe = cramp_profile_new ();
  g_autoptr(GError) error = NULL;
  GDate started, stopped;
  gboolean ok;

  read_day (self->started_row, self->started_calendar, &started);
  read_day (self->stopped_row, self->stopped_calendar, &stopped);
  ok = cramp_profile_add_medication (probe, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                     &started, &stopped, &error);

  /* an empty name is not worth a red message until Save */
  if (!ok && g_error_matches (error, CRAMP_PROFILE_ERROR, CRAMP_PROFILE_ERROR_DATES))
    {
      adw_preferences_group_set_description (self->dates_group, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->dates_group), "error");
    }
  else
    {
      adw_preferences_group_set_description (self->dates_group, _("Leave a day off when you do not know it."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->dates_group), "error");
    }

  if (!ok && g_error_matches (error, CRAMP_PROFILE_ERROR, CRAMP_PROFILE_ERROR_NAME) &&
      gtk_editable_get_text (GTK_EDITABLE (self->name_row))[0] != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");

  return ok;
}

static void
on_changed_cb (CrampMedicationDialog *self)
{
  show_day (self->started_row, self->started_calendar);
  show_day (self->stopped_row, self->stopped_calendar);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "medication.save", check (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrampMedicationDialog *self = CRAMP_MEDICATION_DIALOG (widget);
  GDate started, stopped;

  if (!check (self))
    return;

  read_day (self->started_row, self->started_calendar, &started);
  read_day (self->stopped_row, self->stopped_calendar, &stopped);
  g_signal_emit (self, signals[SAVED], 0,
                 gtk_editable_get_text (GTK_EDITABLE (self->name_row)), &started, &stopped);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cramp_medication_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRAMP_TYPE_MEDICATION_DIALOG);

  G_OBJECT_CLASS (cramp_medication_dialog_parent_class)->dispose (object);
}

/* The focus on the name, where typing begins; not on Cancel. Set once
 * the window is mapped: set before, it would not reach assistive
 * technology. */
static void
cramp_medication_dialog_map (GtkWidget *widget)
{
  CrampMedicationDialog *self = CRAMP_MEDICATION_DIALOG (widget);

  GTK_WIDGET_CLASS (cramp_medication_dialog_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
cramp_medication_dialog_class_init (CrampMedicationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cramp_medication_dialog_dispose;
  widget_class->map = cramp_medication_dialog_map;

  /**
   * CrampMedicationDialog::saved:
   * @name: the name and dose
   * @started: (type GLib.Date): the day started, invalid if not known
   * @stopped: (type GLib.Date): the day stopped, invalid if not known
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                 G_TYPE_STRING, G_TYPE_POINTER, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crampdiary/CrampDiary/cramp-medication-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrampMedicationDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrampMedicationDialog, dates_group);
  gtk_widget_class_bind_template_child (widget_class, CrampMedicationDialog, started_row);
  gtk_widget_class_bind_template_child (widget_class, CrampMedicationDialog, stopped_row);
  gtk_widget_class_bind_template_child (widget_class, CrampMedicationDialog, started_calendar);
  gtk_widget_class_bind_template_child (widget_class, CrampMedicationDialog, stopped_calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);

  gtk_widget_class_install_action (widget_class, "medication.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "medication.save", NULL);
}

/* A wheel over a calendar scrolls the page it is on, as over anything
 * else: GtkCalendar would change its month instead, under the pointer of
 * someone who only meant to reach the Stopped row. */
static void
scroll_past (GtkCalendar *calendar)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (calendar));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_NONE);
    }
}

static void
cramp_medication_dialog_init (CrampMedicationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  scroll_past (self->started_calendar);
  scroll_past (self->stopped_calendar);
}

static void
select_day (GtkCalendar *calendar,
            const GDate *date)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                    g_date_get_day (date), 12, 0, 0);

  gtk_calendar_select_day (calendar, day);
}

/**
 * cramp_medication_dialog_new:
 * @name: (nullable): the medication to change, or %NULL to add one
 * @started: (nullable): the day it was started
 * @stopped: (nullable): the day it was stopped
 */
CrampMedicationDialog *
cramp_medication_dialog_new (GtkWindow   *parent,
                             const char  *name,
                             const GDate *started,
                             const GDate *stopped)
{
  CrampMedicationDialog *self = g_object_new (CRAMP_TYPE_MEDICATION_DIALOG,
                                              "transient-for", parent,
                                              "title", name ? _("Change Medication") : _("Add Medication"),
                                              NULL);

  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  if (started != NULL && g_date_valid (started))
    {
      select_day (self->started_calendar, started);
      adw_expander_row_set_enable_expansion (self->started_row, TRUE);
    }
  if (stopped != NULL && g_date_valid (stopped))
    {
      select_day (self->stopped_calendar, stopped);
      adw_expander_row_set_enable_expansion (self->stopped_row, TRUE);
    }
  adw_expander_row_set_expanded (self->started_row, FALSE);
  adw_expander_row_set_expanded (self->stopped_row, FALSE);
  on_changed_cb (self);

  return self;
}
