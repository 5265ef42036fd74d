/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-medication-dialog.h"
#include "cramp-preferences-window.h"
#include "cramp-reminders-page.h"
#include "cramp-row.h"

/*
 * Preferences: the health profile, and the reminders
 * (cramp-reminders-page.c). Every change is saved at once, as
 * GNOME preferences are; a medication removed can be put back with Undo.
 */

struct _CrampPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *patient_row;
  AdwEntryRow          *birth_year_row;
  AdwPreferencesGroup  *conditions_group;
  GtkListBox           *medications_list;

  CrampSession         *session;
  CrampProfile         *profile;
  CrampProfile         *before_removal;   /* for Undo */
  GPtrArray            *condition_switches;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (CrampPreferencesWindow, cramp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void rebuild_medications (CrampPreferencesWindow *self);

static void
show_message (CrampPreferencesWindow *self,
              const char             *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static gboolean
save (CrampPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (cramp_session_set_profile (self->session, self->profile, &error))
    return TRUE;

  show_message (self, error->message);
  return FALSE;
}

static void
on_patient_apply_cb (CrampPreferencesWindow *self)
{
  cramp_profile_set_patient_name (self->profile, gtk_editable_get_text (GTK_EDITABLE (self->patient_row)));
  save (self);
}

/* A year of birth: empty for "not given", else a whole year in range. */
static void
on_birth_year_apply_cb (CrampPreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->birth_year_row))));
  guint64 year = 0;

  if (text[0] != '\0' &&
      (!g_ascii_string_to_unsigned (text, 10, CRAMP_BIRTH_YEAR_MIN, CRAMP_BIRTH_YEAR_MAX, &year, NULL)))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->birth_year_row), "error");
      show_message (self, _("Write the year of birth as four digits, such as 1956, or leave it empty."));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->birth_year_row), "error");
  cramp_profile_set_birth_year (self->profile, (guint) year);
  save (self);
}

static void
on_condition_toggled_cb (CrampPreferencesWindow *self)
{
  guint conditions = 0;

  if (self->loading)
    return;

  for (guint i = 0; i < self->condition_switches->len; i++)
    if (gtk_switch_get_active (g_ptr_array_index (self->condition_switches, i)))
      conditions |= 1u << i;

  cramp_profile_set_conditions (self->profile, conditions);
  save (self);
}

/* Changes medication @index in its place, or adds one for G_MAXUINT. */
static void
on_medication_saved_cb (CrampMedicationDialog *dialog,
                        const char            *name,
                        const GDate           *started,
                        const GDate           *stopped,
                        gpointer               user_data)
{
  CrampPreferencesWindow *self = user_data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "index"));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (index == G_MAXUINT)
    ok = cramp_profile_add_medication (self->profile, name, started, stopped, &error);
  else
    ok = cramp_profile_replace_medication (self->profile, index, name, started, stopped, &error);

  if (!ok)
    {
      show_message (self, error->message);
      return;
    }

  save (self);
  rebuild_medications (self);
}

static void
open_medication (CrampPreferencesWindow *self,
                 guint                   index)
{
  CrampMedicationDialog *dialog;
  const char *name;
  GDate started, stopped;

  g_date_clear (&started, 1);
  g_date_clear (&stopped, 1);
  if (index != G_MAXUINT)
    {
      cramp_profile_get_medication_started (self->profile, index, &started);
      cramp_profile_get_medication_stopped (self->profile, index, &stopped);
    }

  name = index != G_MAXUINT ? cramp_profile_get_medication_name (self->profile, index) : NULL;
  dialog = cramp_medication_dialog_new (GTK_WINDOW (self), name, &started, &stopped);
  g_object_set_data (G_OBJECT (dialog), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_medication_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_medication_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_medication (CRAMP_PREFERENCES_WINDOW (widget), G_MAXUINT);
}

static void
edit_medication_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  open_medication (CRAMP_PREFERENCES_WINDOW (widget), g_variant_get_uint32 (parameter));
}

static void
on_undo_removal_cb (CrampPreferencesWindow *self)
{
  if (self->before_removal == NULL)
    return;

  g_set_object (&self->profile, self->before_removal);
  g_clear_object (&self->before_removal);
  save (self);
  rebuild_medications (self);
}

static void
remove_medication_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CrampPreferencesWindow *self = CRAMP_PREFERENCES_WINDOW (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(CrampProfile) before = cramp_profile_copy (self->profile);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (index >= cramp_profile_get_n_medications (self->profile))
    return;

  /* Translators: %s is a medication */
  title = g_strdup_printf (_("%s removed"), cramp_profile_get_medication_name (self->profile, index));
  cramp_profile_remove_medication (self->profile, index);
  if (!save (self))
    {
      g_set_object (&self->profile, before);
      return;
    }

  g_set_object (&self->before_removal, before);
  rebuild_medications (self);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_removal_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static GtkWidget *
make_icon_button (const char *icon_name,
                  const char *label,
                  const char *action_name,
                  guint       index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return button;
}

static void
rebuild_medications (CrampPreferencesWindow *self)
{
  GtkWidget *child;
  guint n = cramp_profile_get_n_medications (self->profile);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->medications_list))))
    gtk_list_box_remove (self->medications_list, child);

  if (n == 0)
    {
      GtkWidget *row = cramp_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No medications listed"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->medications_list, row);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = cramp_action_row_new ();
      g_autofree char *dates = cramp_profile_describe_medication_dates (self->profile, i);
      g_autofree char *edit_label = NULL;
      g_autofree char *remove_label = NULL;
      const char *name = cramp_profile_get_medication_name (self->profile, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dates);
      /* Translators: %s is a medication */
      edit_label = g_strdup_printf (_("Change %s"), name);
      /* Translators: %s is a medication */
      remove_label = g_strdup_printf (_("Remove %s"), name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_icon_button ("document-edit-symbolic", edit_label, "prefs.edit-medication", i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_icon_button ("user-trash-symbolic", remove_label, "prefs.remove-medication", i));
      gtk_list_box_append (self->medications_list, row);
    }
}

static void
load_profile (CrampPreferencesWindow *self)
{
  guint conditions = cramp_profile_get_conditions (self->profile);
  const char *patient = cramp_profile_get_patient_name (self->profile);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->patient_row), patient ? patient : "");
  if (cramp_profile_get_birth_year (self->profile) != 0)
    {
      g_autofree char *year = g_strdup_printf ("%u", cramp_profile_get_birth_year (self->profile));

      gtk_editable_set_text (GTK_EDITABLE (self->birth_year_row), year);
    }
  for (guint i = 0; i < self->condition_switches->len; i++)
    gtk_switch_set_active (g_ptr_array_index (self->condition_switches, i), (conditions & (1u << i)) != 0);
  self->loading = FALSE;

  rebuild_medications (self);
}

static void
cramp_preferences_window_dispose (GObject *object)
{
  CrampPreferencesWindow *self = (CrampPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAMP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->profile);
  g_clear_object (&self->before_removal);
  g_clear_pointer (&self->condition_switches, g_ptr_array_unref);

  G_OBJECT_CLASS (cramp_preferences_window_parent_class)->dispose (object);
}

static void
cramp_preferences_window_class_init (CrampPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cramp_preferences_window_dispose;

  g_type_ensure (CRAMP_TYPE_REMINDERS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crampdiary/CrampDiary/cramp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrampPreferencesWindow, patient_row);
  /* for gtk_widget_get_template_child(): it lives on its own */
  gtk_widget_class_bind_template_child_full (widget_class, "reminders_page", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, CrampPreferencesWindow, conditions_group);
  gtk_widget_class_bind_template_child (widget_class, CrampPreferencesWindow, medications_list);
  gtk_widget_class_bind_template_child (widget_class, CrampPreferencesWindow, birth_year_row);
  gtk_widget_class_bind_template_callback (widget_class, on_patient_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_birth_year_apply_cb);

  gtk_widget_class_install_action (widget_class, "prefs.add-medication", NULL, add_medication_action);
  gtk_widget_class_install_action (widget_class, "prefs.edit-medication", "u", edit_medication_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-medication", "u", remove_medication_action);
}

static void
cramp_preferences_window_init (CrampPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->condition_switches = g_ptr_array_new ();
  for (guint i = 0; i < cramp_vocab_size (CRAMP_VOCAB_CONDITION); i++)
    {
      GtkWidget *row = cramp_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      const char *description = cramp_vocab_description (CRAMP_VOCAB_CONDITION, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cramp_vocab_label (CRAMP_VOCAB_CONDITION, i));
      if (description != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_condition_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->conditions_group, row);
      g_ptr_array_add (self->condition_switches, toggle);
    }
}

CrampPreferencesWindow *
cramp_preferences_window_new (GtkWindow    *parent,
                              CrampSession *session)
{
  CrampPreferencesWindow *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CRAMP_IS_SESSION (session), NULL);

  self = g_object_new (CRAMP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->session = g_object_ref (session);
  self->profile = cramp_session_get_profile (session, &error);
  if (self->profile == NULL)
    {
      self->profile = cramp_profile_new ();
      show_message (self, error->message);
    }
  load_profile (self);

  return self;
}
