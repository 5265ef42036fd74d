/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-a11y.h"
#include "cramp-toast.h"

/*
 * The window's messages, styled like AdwToast. Ours because the quick
 * log offers two things at once, "Add Details" and "Undo", which AdwToast
 * (one button in libadwaita 1.2) cannot; and because libadwaita 1.2 frees
 * a toast's animation while it runs when the toast is dismissed within its
 * first 300 ms, which an Undo pressed at once would do. A toast with
 * buttons goes after a while, but stays while the pointer or the keyboard
 * focus is on it; a message without buttons stays until it is dismissed.
 */

#define TIMEOUT_S 10

struct _CrampToast
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *title_label;
  GtkWidget   *details_button;
  GtkWidget   *undo_button;
  GtkWidget   *open_button;
  GtkWidget   *show_button;

  guint        timeout_id;
  guint        holds;
};

G_DEFINE_FINAL_TYPE (CrampToast, cramp_toast, GTK_TYPE_WIDGET)

enum {
  ADD_DETAILS,
  UNDO,
  OPEN,
  SHOW_IN_FILES,
  DISMISSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
timeout_cb (gpointer user_data)
{
  CrampToast *self = user_data;

  self->timeout_id = 0;
  cramp_toast_dismiss (self);

  return G_SOURCE_REMOVE;
}

static void
restart_timeout (CrampToast *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->holds == 0 && gtk_revealer_get_reveal_child (self->revealer) &&
      (gtk_widget_get_visible (self->undo_button) || gtk_widget_get_visible (self->details_button) ||
       gtk_widget_get_visible (self->open_button)))
    self->timeout_id = g_timeout_add_seconds (TIMEOUT_S, timeout_cb, self);
}

static void
on_hold_cb (CrampToast *self)
{
  self->holds++;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

static void
on_release_cb (CrampToast *self)
{
  if (self->holds > 0)
    self->holds--;
  restart_timeout (self);
}

static void
on_details_clicked_cb (CrampToast *self)
{
  g_signal_emit (self, signals[ADD_DETAILS], 0);
  cramp_toast_dismiss (self);
}

static void
on_undo_clicked_cb (CrampToast *self)
{
  g_signal_emit (self, signals[UNDO], 0);
  cramp_toast_dismiss (self);
}

static void
on_open_clicked_cb (CrampToast *self)
{
  g_signal_emit (self, signals[OPEN], 0);
  cramp_toast_dismiss (self);
}

static void
on_show_clicked_cb (CrampToast *self)
{
  g_signal_emit (self, signals[SHOW_IN_FILES], 0);
  cramp_toast_dismiss (self);
}

static void
on_child_revealed_cb (CrampToast *self)
{
  /* Hidden, it must not catch clicks meant for the list under it. */
  gtk_widget_set_can_target (GTK_WIDGET (self), gtk_revealer_get_child_revealed (self->revealer));
}

/* The window's actions behind the buttons, for their shortcuts. */
static const struct
{
  gsize       button_offset;
  const char *action;
} button_actions[] = {
  { G_STRUCT_OFFSET (CrampToast, details_button), "win.add-details" },
  { G_STRUCT_OFFSET (CrampToast, undo_button), "win.undo" },
  { G_STRUCT_OFFSET (CrampToast, open_button), NULL },
  { G_STRUCT_OFFSET (CrampToast, show_button), NULL },
};

/* "Cramp logged at 03:14. Add Details: Ctrl+E. Undo: Ctrl+Z.": what a
 * screen reader says of the toast, with what can be done and how. */
static char *
describe (CrampToast *self,
          const char *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  GString *spoken = g_string_new (title);

  /* a sentence before the buttons */
  if (spoken->len > 0 && !g_str_has_suffix (spoken->str, ".") && !g_str_has_suffix (spoken->str, "!") &&
      !g_str_has_suffix (spoken->str, "?") && !g_str_has_suffix (spoken->str, "…"))
    g_string_append_c (spoken, '.');

  for (guint i = 0; i < G_N_ELEMENTS (button_actions); i++)
    {
      GtkWidget *button = G_STRUCT_MEMBER (GtkWidget *, self, button_actions[i].button_offset);
      const char *label = gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))));
      g_auto(GStrv) accels = NULL;
      g_autofree char *shortcut = NULL;
      guint key;
      GdkModifierType modifiers;

      if (!gtk_widget_get_visible (button))
        continue;

      if (application != NULL && button_actions[i].action != NULL)
        accels = gtk_application_get_accels_for_action (application, button_actions[i].action);
      if (accels != NULL && accels[0] != NULL && gtk_accelerator_parse (accels[0], &key, &modifiers))
        shortcut = gtk_accelerator_get_label (key, modifiers);

      g_string_append (spoken, " ");
      if (shortcut != NULL)
        /* Translators: a button of a message and its shortcut, as a
         * screen reader says them: "Undo: Ctrl+Z." */
        g_string_append_printf (spoken, _("%s: %s."), label, shortcut);
      else
        /* Translators: a button of a message, as a screen reader says it */
        g_string_append_printf (spoken, _("%s."), label);
    }

  return g_string_free (spoken, FALSE);
}

static void
cramp_toast_dispose (GObject *object)
{
  CrampToast *self = (CrampToast *) object;
  GtkWidget *child;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRAMP_TYPE_TOAST);
  /* GTK 4.8 unparents only the named children of a template */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cramp_toast_parent_class)->dispose (object);
}

static void
cramp_toast_class_init (CrampToastClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cramp_toast_dispose;

  signals[ADD_DETAILS] = g_signal_new ("add-details", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[UNDO] = g_signal_new ("undo", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SHOW_IN_FILES] = g_signal_new ("show-in-files", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DISMISSED] = g_signal_new ("dismissed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crampdiary/CrampDiary/cramp-toast.ui");
  gtk_widget_class_bind_template_child (widget_class, CrampToast, revealer);
  gtk_widget_class_bind_template_child (widget_class, CrampToast, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrampToast, details_button);
  gtk_widget_class_bind_template_child (widget_class, CrampToast, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CrampToast, open_button);
  gtk_widget_class_bind_template_child (widget_class, CrampToast, show_button);
  gtk_widget_class_bind_template_callback (widget_class, on_hold_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_release_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_details_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_undo_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cramp_toast_dismiss);
}

static void
cramp_toast_init (CrampToast *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  g_signal_connect_object (self->revealer, "notify::child-revealed",
                           G_CALLBACK (on_child_revealed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * cramp_toast_present:
 * @buttons: the buttons to offer
 *
 * Shows the toast with @title, replacing what it showed.
 */
void
cramp_toast_present (CrampToast        *self,
                     const char        *title,
                     CrampToastButtons  buttons)
{
  g_autofree char *spoken = NULL;

  g_return_if_fail (CRAMP_IS_TOAST (self));
  g_return_if_fail (title != NULL);

  gtk_label_set_label (self->title_label, title);
  /* what a screen reader says of the alert, not "CrampToast" */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_visible (self->undo_button, (buttons & CRAMP_TOAST_UNDO) != 0);
  gtk_widget_set_visible (self->details_button, (buttons & CRAMP_TOAST_ADD_DETAILS) != 0);
  gtk_widget_set_visible (self->open_button, (buttons & CRAMP_TOAST_OPEN_FILE) != 0);
  gtk_widget_set_visible (self->show_button, (buttons & CRAMP_TOAST_OPEN_FILE) != 0);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self), TRUE);
  restart_timeout (self);

  spoken = describe (self, title);
  cramp_a11y_announce (GTK_WIDGET (self), spoken);
}

void
cramp_toast_dismiss (CrampToast *self)
{
  g_return_if_fail (CRAMP_IS_TOAST (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!gtk_revealer_get_reveal_child (self->revealer))
    return;

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  g_signal_emit (self, signals[DISMISSED], 0);
}

gboolean
cramp_toast_is_shown (CrampToast *self)
{
  g_return_val_if_fail (CRAMP_IS_TOAST (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}
