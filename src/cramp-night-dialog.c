/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-night-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-format.h"
#include "cramp-night-dialog.h"
#include "cramp-row.h"
#include "cramp-time.h"

/*
 * What the user says of one night, last night or any earlier one: quiet,
 * and how much cramps disturbed the sleep (0–10, as in the trials), with
 * a way to log a cramp of that night, and "Did it?" for each experiment
 * that asks it of the night. Each change is written at once
 * through the session's verb; there is nothing to save.
 */

struct _CrampNightDialog
{
  AdwWindow            parent_instance;

  AdwExpanderRow      *night_row;
  GtkCalendar         *calendar;
  AdwPreferencesGroup *record_group;
  AdwActionRow        *quiet_row;
  GtkSwitch           *quiet_switch;
  AdwComboRow         *sleep_row;
  AdwActionRow        *cramps_row;
  AdwPreferencesGroup *experiments_group;
  GPtrArray           *experiment_rows;

  CrampSession        *session;
  gint64               night;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (CrampNightDialog, cramp_night_dialog, ADW_TYPE_WINDOW)

/* The combo row's items: "Not said", then 0 to 10. */
#define SLEEP_NOT_SAID 0

static GDateTime *
evening_of (gint64 night)
{
  g_autoptr(GDateTime) noon = cramp_time_night_start (night, 0);

  return g_date_time_new_local (g_date_time_get_year (noon), g_date_time_get_month (noon),
                                g_date_time_get_day_of_month (noon), 12, 0, 0);
}

static void
on_done_cb (CrampNightDialog *self,
            GParamSpec       *pspec,
            GtkSwitch        *toggle)
{
  const char *id = g_object_get_data (G_OBJECT (toggle), "experiment");
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  if (!cramp_session_set_experiment_done (self->session, id, self->night, gtk_switch_get_active (toggle), &error))
    {
      self->loading = TRUE;
      gtk_switch_set_active (toggle, !gtk_switch_get_active (toggle));
      self->loading = FALSE;
      adw_preferences_group_set_description (self->experiments_group, error->message);
    }
}

/* A switch for each experiment that asks "Did it?" of the night. */
static void
load_experiments (CrampNightDialog *self)
{
  g_autoptr(GPtrArray) experiments = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->experiment_rows->len; i++)
    adw_preferences_group_remove (self->experiments_group, g_ptr_array_index (self->experiment_rows, i));
  g_ptr_array_set_size (self->experiment_rows, 0);

  if (!(experiments = cramp_session_list_experiments (self->session, &error)))
    {
      g_warning ("The experiments could not be read: %s", error->message);
      return;
    }
  for (guint i = 0; i < experiments->len; i++)
    {
      const CrampExperiment *experiment = g_ptr_array_index (experiments, i);
      GtkWidget *row, *toggle;

      if (!cramp_experiment_asks_done (experiment, self->night))
        continue;

      row = cramp_action_row_new ();
      toggle = gtk_switch_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), experiment->name);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle),
                             cramp_session_get_experiment_done (self->session, experiment->id, self->night));
      g_object_set_data_full (G_OBJECT (toggle), "experiment", g_strdup (experiment->id), g_free);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_done_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->experiments_group, row);
      g_ptr_array_add (self->experiment_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->experiments_group), self->experiment_rows->len > 0);
}

/* Shows what the diary says of the night. */
static void
load (CrampNightDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) evening = evening_of (self->night);
  g_autofree char *short_date = cramp_format_date_short (evening);
  g_autofree char *date = cramp_format_date (evening);
  g_autofree char *title = NULL;
  CrampNight record = { self->night, FALSE, CRAMP_UNSET, 0 };
  gboolean has_cramp;

  self->loading = TRUE;
  /* Translators: the title of a night's window; %s is a short date */
  title = g_strdup_printf (_("Night of %s"), short_date);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_expander_row_set_subtitle (self->night_row, date);
  gtk_calendar_select_day (self->calendar, evening);

  has_cramp = cramp_session_night_has_cramp (self->session, self->night, &error);
  if (error == NULL)
    cramp_session_get_night (self->session, self->night, &record, &error);
  adw_preferences_group_set_description (self->record_group, error != NULL ? error->message : NULL);

  gtk_switch_set_active (self->quiet_switch, record.quiet && !has_cramp);
  gtk_widget_set_sensitive (GTK_WIDGET (self->quiet_row), !has_cramp);
  adw_action_row_set_subtitle (self->quiet_row, has_cramp ? _("A cramp is logged on this night")
                                                          : _("No cramp all night"));
  adw_combo_row_set_selected (self->sleep_row, record.sleep_disturbance == CRAMP_UNSET
                                               ? SLEEP_NOT_SAID : (guint) record.sleep_disturbance + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cramps_row),
                                 has_cramp ? _("Cramps of this night are in the history")
                                           : _("No cramp logged on this night"));
  load_experiments (self);
  self->loading = FALSE;
}

static void
on_changed_cb (CrampNightDialog *self)
{
  guint sleep = adw_combo_row_get_selected (self->sleep_row);
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  if (!cramp_session_mark_night (self->session, self->night, gtk_switch_get_active (self->quiet_switch),
                                 sleep == SLEEP_NOT_SAID || sleep == GTK_INVALID_LIST_POSITION
                                 ? CRAMP_UNSET : (int) sleep - 1, &error))
    {
      /* the diary says what it holds again, and why the change is not in it */
      load (self);
      adw_preferences_group_set_description (self->record_group, error->message);
    }
}

/* A night after last night has not happened: the calendar goes back. */
static void
on_day_selected_cb (CrampNightDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) noon = NULL;
  gint64 night;

  if (self->loading)
    return;

  noon = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), 12, 0, 0);
  night = MIN (cramp_time_night_of (noon), cramp_session_get_last_night (self->session));
  cramp_night_dialog_set_night (self, night);
}

static void
log_cramp_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrampNightDialog *self = CRAMP_NIGHT_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.log-cramp-for-night", "x", self->night);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cramp_night_dialog_dispose (GObject *object)
{
  CrampNightDialog *self = CRAMP_NIGHT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->experiment_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cramp_night_dialog_parent_class)->dispose (object);
}

static void
cramp_night_dialog_class_init (CrampNightDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cramp_night_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crampdiary/CrampDiary/cramp-night-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrampNightDialog, night_row);
  gtk_widget_class_bind_template_child (widget_class, CrampNightDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, CrampNightDialog, record_group);
  gtk_widget_class_bind_template_child (widget_class, CrampNightDialog, quiet_row);
  gtk_widget_class_bind_template_child (widget_class, CrampNightDialog, quiet_switch);
  gtk_widget_class_bind_template_child (widget_class, CrampNightDialog, sleep_row);
  gtk_widget_class_bind_template_child (widget_class, CrampNightDialog, cramps_row);
  gtk_widget_class_bind_template_child (widget_class, CrampNightDialog, experiments_group);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_install_action (widget_class, "night.log-cramp", NULL, log_cramp_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cramp_night_dialog_init (CrampNightDialog *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->experiment_rows = g_ptr_array_new ();

  gtk_string_list_append (levels, C_("sleep disturbance", "Not said"));
  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *text = NULL;

      if (i == 0)
        /* Translators: the lowest mark of the sleep disturbance scale */
        text = g_strdup (C_("sleep disturbance", "0 — not at all"));
      else if (i == 10)
        /* Translators: the highest mark of the sleep disturbance scale */
        text = g_strdup (C_("sleep disturbance", "10 — no sleep at all"));
      else
        text = g_strdup_printf ("%d", i);
      gtk_string_list_append (levels, text);
    }
  adw_combo_row_set_model (self->sleep_row, G_LIST_MODEL (levels));
  g_signal_connect_object (self->sleep_row, "notify::selected", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * cramp_night_dialog_new:
 * @night: the night to show, as cramp_time_night_of() gives it
 */
CrampNightDialog *
cramp_night_dialog_new (GtkWindow    *parent,
                        CrampSession *session,
                        gint64        night)
{
  CrampNightDialog *self;

  g_return_val_if_fail (CRAMP_IS_SESSION (session), NULL);

  self = g_object_new (CRAMP_TYPE_NIGHT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  cramp_night_dialog_set_night (self, night);

  return self;
}

/**
 * cramp_night_dialog_set_night:
 *
 * Shows @night instead.
 */
void
cramp_night_dialog_set_night (CrampNightDialog *self,
                              gint64            night)
{
  g_return_if_fail (CRAMP_IS_NIGHT_DIALOG (self));

  self->night = night;
  load (self);
}

gint64
cramp_night_dialog_get_night (CrampNightDialog *self)
{
  g_return_val_if_fail (CRAMP_IS_NIGHT_DIALOG (self), 0);

  return self->night;
}
