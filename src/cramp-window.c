/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-window"

#include "config.h"

#include "cramp-a11y.h"
#ifdef CRAMP_BENCH_HOOKS
#include "cramp-bench-hooks.h"
#endif
#include "cramp-window-private.h"

/*
 * The main window: the history and the report, or, when the diary cannot
 * be used, a page that says why. Its actions, the toasts they show and
 * the undo they offer are in cramp-window-actions.c.
 */

G_DEFINE_FINAL_TYPE (CrampWindow, cramp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Search belongs to the history. A narrow header, where the page
 * switcher moves to the bottom, names the page: "Cramp Diary" would not
 * fit beside its buttons. */
static void
on_page_changed_cb (CrampWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  AdwViewStackPage *stack_page = adw_view_stack_get_page (self->view_stack,
                                                          adw_view_stack_get_visible_child (self->view_stack));

  gtk_widget_set_visible (GTK_WIDGET (self->search_button), g_strcmp0 (page, "history") == 0);
  adw_view_switcher_title_set_title (self->switcher_title, adw_view_stack_page_get_title (stack_page));
}

/* No report to print or save from a period without a cramp. */
static void
on_report_empty_cb (CrampWindow *self)
{
  gboolean empty;

  g_object_get (self->report_page, "empty", &empty, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-pdf", !empty);
}

static gboolean
cramp_window_close_request (GtkWindow *window)
{
  CrampWindow *self = CRAMP_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (cramp_window_parent_class)->close_request (window);
}

/* The diary cannot be used: say why, and offer a backup or the folder.
 * The file itself is left as it is. */
static void
show_error_page (CrampWindow *self,
                 const char  *message)
{
  static const char * const actions[] = {
    "win.log-cramp", "win.new-episode", "win.search", "win.print", "win.save-pdf", "win.back-up",
  };

  gtk_label_set_label (self->error_label, message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], FALSE);
}

static void
on_quick_check_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CrampWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (cramp_session_check_finish (self->session, result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* said on the error page, which offers a backup */
  g_message ("%s", error->message);
  cramp_session_set_damaged (self->session, error);
  show_error_page (self, error->message);
}

/* The whole diary is checked for damage once the window is on screen,
 * in a worker thread, so that the check never delays it. */
static gboolean
check_diary_cb (gpointer user_data)
{
  CrampWindow *self = user_data;

  if (cramp_session_has_diary (self->session))
    cramp_session_check_async (self->session, self->cancellable, on_quick_check_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
cramp_window_map (GtkWidget *widget)
{
  CrampWindow *self = CRAMP_WINDOW (widget);

  GTK_WIDGET_CLASS (cramp_window_parent_class)->map (widget);

  if (!self->checked)
    {
#ifdef CRAMP_BENCH_HOOKS
      cramp_bench_hooks_attach (GTK_WINDOW (self));
#endif
      g_idle_add_full (G_PRIORITY_LOW, check_diary_cb, g_object_ref (self), g_object_unref);
    }
  self->checked = TRUE;
}

static void
cramp_window_constructed (GObject *object)
{
  CrampWindow *self = (CrampWindow *) object;
  const GError *error;
  int width, height;

  G_OBJECT_CLASS (cramp_window_parent_class)->constructed (object);

  g_assert (CRAMP_IS_SESSION (self->session));

  self->settings = g_object_ref (cramp_session_get_settings (self->session));
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  _cramp_window_update_undo (self);
  g_signal_connect_object (self->session, "notify::undo-kind", G_CALLBACK (_cramp_window_update_undo), self,
                           G_CONNECT_SWAPPED);

  if (!cramp_session_has_diary (self->session))
    {
      error = cramp_session_get_error (self->session);
      show_error_page (self, error->message);
      return;
    }

  /* a diary restored in place of a damaged one comes with new windows */
  cramp_history_page_set_session (self->history_page, self->session);
  cramp_report_page_set_session (self->report_page, self->session);
  cramp_history_page_set_key_capture_widget (self->history_page, GTK_WIDGET (self));
  g_object_bind_property (self->search_button, "active",
                          self->history_page, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_page_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->report_page, "notify::empty",
                           G_CALLBACK (on_report_empty_cb), self, G_CONNECT_SWAPPED);
  on_page_changed_cb (self);
}

static void
cramp_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CrampWindow *self = CRAMP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CrampWindow *self = CRAMP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_window_dispose (GObject *object)
{
  CrampWindow *self = (CrampWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->saved_report);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAMP_TYPE_WINDOW);

  G_OBJECT_CLASS (cramp_window_parent_class)->dispose (object);
}

static void
cramp_window_class_init (CrampWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cramp_window_constructed;
  object_class->dispose = cramp_window_dispose;
  object_class->get_property = cramp_window_get_property;
  object_class->set_property = cramp_window_set_property;
  window_class->close_request = cramp_window_close_request;
  widget_class->map = cramp_window_map;

  /**
   * CrampWindow:session:
   *
   * What the windows of the application share: the diary, the
   * settings, the reminders.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CRAMP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRAMP_TYPE_HISTORY_PAGE);
  g_type_ensure (CRAMP_TYPE_REPORT_PAGE);
  g_type_ensure (CRAMP_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crampdiary/CrampDiary/cramp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrampWindow, toast);
  gtk_widget_class_bind_template_child (widget_class, CrampWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CrampWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CrampWindow, history_page);
  gtk_widget_class_bind_template_child (widget_class, CrampWindow, report_page);
  gtk_widget_class_bind_template_child (widget_class, CrampWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CrampWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, CrampWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CrampWindow, error_label);
  /* for the tests, through gtk_widget_get_template_child() */
  gtk_widget_class_bind_template_child_full (widget_class, "log_button", FALSE, 0);

  _cramp_window_class_add_actions (widget_class);

}

static void
cramp_window_init (CrampWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* the page switchers' icons, which libadwaita leaves unnamed */
  cramp_a11y_quiet_icons (GTK_WIDGET (self));
}

CrampWindow *
cramp_window_new (CrampApplication *application)
{
  g_return_val_if_fail (CRAMP_IS_APPLICATION (application), NULL);

  return g_object_new (CRAMP_TYPE_WINDOW,
                       "application", application,
                       "session", cramp_application_get_session (application),
                       NULL);
}
