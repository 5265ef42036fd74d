/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-experiment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-experiment-dialog.h"
#include "cramp-format.h"
#include "cramp-time.h"

/*
 * "Try Something": a personal experiment, its name, kind, first night
 * and length, told before it starts how long an honest answer takes,
 * from the user's own cramps: the logged nights each period needs for
 * an 80 % chance to see a halving, offered as the length when that is
 * longer. Started through the session's verb.
 */

struct _CrampExperimentDialog
{
  AdwWindow       parent_instance;

  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwExpanderRow *start_row;
  GtkCalendar    *calendar;
  GtkSpinButton  *days_spin;
  GtkLabel       *advice_label;
  GtkButton      *suggest_button;

  CrampSession   *session;
  guint           suggested;
};

G_DEFINE_FINAL_TYPE (CrampExperimentDialog, cramp_experiment_dialog, ADW_TYPE_WINDOW)

/* The experiment as the form stands. */
static CrampExperiment *
read_form (CrampExperimentDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                     g_date_time_get_day_of_month (day), 12, 0, 0);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  guint kind = adw_combo_row_get_selected (self->kind_row);

  return cramp_experiment_new (name, kind < CRAMP_N_EXPERIMENT_KINDS ? kind : CRAMP_EXPERIMENT_OTHER,
                               cramp_time_night_of (noon), (guint) gtk_spin_button_get_value_as_int (self->days_spin));
}

/* What the user's own cramps say of how long it takes, and whether it
 * can start. */
static void
on_changed_cb (CrampExperimentDialog *self)
{
  g_autoptr(CrampExperiment) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) advice = g_string_new (NULL);
  g_autofree char *start = NULL;
  g_autoptr(GDateTime) evening = NULL;
  CrampExperimentResult result;

  if (self->session == NULL)
    return;

  draft = read_form (self);
  evening = cramp_time_night_start (draft->start, 0);
  start = cramp_format_date (evening);
  adw_expander_row_set_subtitle (self->start_row, start);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "experiment.start", cramp_experiment_validate (draft, NULL));

  self->suggested = 0;
  if (!cramp_session_analyse_experiment (self->session, draft, &result, &error))
    g_string_append (advice, error->message);
  else
    {
      g_autofree char *needed = cramp_experiment_describe_needed (&result);

      if (needed != NULL)
        g_string_append (advice, needed);
      else
        g_string_append (advice, _("Your diary has too few logged nights before it, or no cramp in them, to say how "
                                   "long it takes."));
      if (result.nights_needed > draft->days && result.nights_needed <= CRAMP_EXPERIMENT_MAX_DAYS)
        self->suggested = result.nights_needed;
      if (result.baseline.logged_nights < CRAMP_EXPERIMENT_MIN_NIGHTS)
        {
          g_string_append (advice, "\n\n");
          g_string_append_printf (advice, _("It will wait for its baseline: the %u nights before it have %u logged "
                                            "nights, and need at least %d."), draft->days,
                                  result.baseline.logged_nights, CRAMP_EXPERIMENT_MIN_NIGHTS);
        }
    }
  g_string_append (advice, "\n\n");
  g_string_append (advice, cramp_experiment_caveat ());
  gtk_label_set_label (self->advice_label, advice->str);

  if (self->suggested > 0)
    {
      /* Translators: a button that sets the experiment's length */
      g_autofree char *label = g_strdup_printf (_("Make It %u Nights"), self->suggested);

      gtk_button_set_label (self->suggest_button, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggest_button), self->suggested > 0);
}

static void
on_suggest_clicked_cb (CrampExperimentDialog *self)
{
  if (self->suggested > 0)
    gtk_spin_button_set_value (self->days_spin, self->suggested);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CrampExperimentDialog *self = CRAMP_EXPERIMENT_DIALOG (widget);
  g_autoptr(CrampExperiment) experiment = read_form (self);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  if (!cramp_session_start_experiment (self->session, experiment, &error))
    {
      gtk_label_set_label (self->advice_label, error->message);
      return;
    }

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.experiment-started", "s", experiment->name);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cramp_experiment_dialog_dispose (GObject *object)
{
  CrampExperimentDialog *self = CRAMP_EXPERIMENT_DIALOG (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (cramp_experiment_dialog_parent_class)->dispose (object);
}

static void
cramp_experiment_dialog_class_init (CrampExperimentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cramp_experiment_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crampdiary/CrampDiary/cramp-experiment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrampExperimentDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrampExperimentDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CrampExperimentDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, CrampExperimentDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, CrampExperimentDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, CrampExperimentDialog, advice_label);
  gtk_widget_class_bind_template_child (widget_class, CrampExperimentDialog, suggest_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_suggest_clicked_cb);
  gtk_widget_class_install_action (widget_class, "experiment.start", NULL, start_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cramp_experiment_dialog_init (CrampExperimentDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < CRAMP_N_EXPERIMENT_KINDS; i++)
    gtk_string_list_append (kinds, cramp_experiment_kind_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * cramp_experiment_dialog_new:
 *
 * A new experiment, its first night tonight.
 */
CrampExperimentDialog *
cramp_experiment_dialog_new (GtkWindow    *parent,
                             CrampSession *session)
{
  CrampExperimentDialog *self;
  g_autoptr(GDateTime) today = cramp_time_now_local ();

  g_return_val_if_fail (CRAMP_IS_SESSION (session), NULL);

  self = g_object_new (CRAMP_TYPE_EXPERIMENT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  gtk_calendar_select_day (self->calendar, today);
  on_changed_cb (self);

  return self;
}
