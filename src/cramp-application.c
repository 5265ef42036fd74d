/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-a11y.h"
#include "cramp-application.h"
#include "cramp-cli.h"
#include "cramp-preferences-window.h"
#include "cramp-reminder.h"
#include "cramp-resources.h"
#include "cramp-session.h"
#include "cramp-stretch-log.h"
#include "cramp-stretch-window.h"
#include "cramp-window.h"

struct _CrampApplication
{
  AdwApplication  parent_instance;

  CrampSession *session;
  gboolean      background;   /* started with --background: no window */
};

G_DEFINE_FINAL_TYPE (CrampApplication, cramp_application, ADW_TYPE_APPLICATION)

static gboolean
wants_help (char **argv)
{
  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "-h") || g_str_has_prefix (argv[i], "--help"))
        return TRUE;
    }

  return FALSE;
}

/* GApplication reports a bad option with exit status 1; the command line
 * promises 2 for bad usage, so the options are checked strictly first. */
static gboolean
cramp_application_local_command_line (GApplication   *app,
                                      char         ***arguments,
                                      int            *exit_status)
{
  g_auto(CrampCliOptions) options = { 0 };
  g_autoptr(GError) error = NULL;

  if (!wants_help (*arguments) &&
      !cramp_cli_parse ((const char * const *) *arguments, &options, &error))
    {
      g_printerr ("%s\n", error->message);
      g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
      *exit_status = CRAMP_EXIT_USAGE;
      return TRUE;
    }

  return G_APPLICATION_CLASS (cramp_application_parent_class)->local_command_line (app, arguments, exit_status);
}

static gboolean
reminders_running (CrampApplication *self)
{
  CrampServiceHost *service = self->session ? cramp_session_get_service (self->session) : NULL;

  return service != NULL && cramp_service_host_is_running (service);
}

/* --background: the reminders without a window, as a session starts
 * them at login. An instance that runs already has the service, and is
 * left as it is. As the primary instance, the reminder service holds the
 * application while reminders are on; the activation that follows shows
 * no window (see cramp_application_activate()), and a later start of the
 * app opens it in this process. Returns an exit status, or -1 to go on
 * into the main loop. */
static int
run_in_background (CrampApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return CRAMP_EXIT_ERROR;
    }

  if (g_application_get_is_remote (G_APPLICATION (self)))
    return CRAMP_EXIT_OK;

  if (!reminders_running (self))
    {
      if (cramp_session_get_error (self->session) != NULL)
        g_printerr ("%s\n", cramp_session_get_error (self->session)->message);
      else
        g_printerr (_("Bedtime reminders are off; turn them on in the preferences.\n"));
      return CRAMP_EXIT_OK;
    }

  self->background = TRUE;
  return -1;
}

static int
cramp_application_handle_local_options (GApplication *app,
                                        GVariantDict *dict)
{
  g_auto(CrampCliOptions) options = { 0 };
  g_autofree char *diary_path = NULL;
  gboolean command = cramp_cli_options_from_dict (dict, &options);

  if (options.background)
    return run_in_background (CRAMP_APPLICATION (app));
  if (!command)
    return -1;

  diary_path = cramp_store_default_path ();
  return cramp_cli_run (&options, diary_path);
}

/* GTK 4.8 connects a scrolled window, when it is realized, to the
 * "gtk-overlay-scrolling" setting, and disconnects another function when
 * it is unrealized: once a scrolled window is gone, a change of that
 * setting (Settings' "Always Show Scroll Bars") calls into freed memory
 * and ends the app. So each one is disconnected as it is unrealized. */
static gboolean
on_unrealize_hook_cb (GSignalInvocationHint *hint,
                      guint                  n_values,
                      const GValue          *values,
                      gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (GTK_IS_SCROLLED_WINDOW (widget))
    g_signal_handlers_disconnect_matched (gtk_widget_get_settings (widget), G_SIGNAL_MATCH_DATA,
                                          0, 0, NULL, NULL, widget);

  return TRUE;
}

static void
forget_gone_scrolled_windows (void)
{
  static gboolean hooked;
  g_autoptr(GTypeClass) scrolled_window_class = NULL;

  if (hooked)
    return;
  hooked = TRUE;
  /* the signals of a class are there once the class is */
  scrolled_window_class = g_type_class_ref (GTK_TYPE_SCROLLED_WINDOW);
  g_signal_add_emission_hook (g_signal_lookup ("unrealize", GTK_TYPE_WIDGET), 0, on_unrealize_hook_cb, NULL, NULL);
}

/* A damaged diary was replaced by a backup: the windows start again on
 * the new one. */
static void
on_store_changed_cb (CrampApplication *self)
{
  GList *windows;

  g_application_hold (G_APPLICATION (self));
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  g_application_activate (G_APPLICATION (self));
  g_application_release (G_APPLICATION (self));
}

static void
cramp_application_startup (GApplication *app)
{
  CrampApplication *self = CRAMP_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const struct {
    const char *action;
    const char *accels[3];
  } window_accels[] = {
    { "win.log-cramp", { "<Control>n", NULL } },
    { "win.new-episode", { "<Control><Shift>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.add-details", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.save-pdf", { "<Control><Shift>s", NULL } },
  };

  G_APPLICATION_CLASS (cramp_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  cramp_a11y_watch_windows ();
  forget_gone_scrolled_windows ();

  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    self->session = cramp_session_new (app, settings);
  }
  g_signal_connect_object (self->session, "notify::store", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  for (guint i = 0; i < G_N_ELEMENTS (window_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           window_accels[i].action,
                                           window_accels[i].accels);
}

static void
cramp_application_activate (GApplication *app)
{
  CrampApplication *self = CRAMP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* the activation of --background itself: the service, no window */
  if (self->background)
    {
      self->background = FALSE;
      return;
    }

  if (window == NULL)
    window = GTK_WINDOW (cramp_window_new (CRAMP_APPLICATION (app)));

  gtk_window_present (window);
}

/* Closes the main windows, or all others (editors, dialogs, the
 * stretches); whether one that was asked is still open, as an editor
 * that asks before it drops what was typed. */
static gboolean
close_windows (gboolean main_windows)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean refused = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CRAMP_IS_WINDOW (window) == main_windows && gtk_widget_get_visible (GTK_WIDGET (window)))
        g_ptr_array_add (windows, g_steal_pointer (&window));
    }

  for (guint i = 0; i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);

      gtk_window_close (window);
      refused |= gtk_widget_get_visible (GTK_WIDGET (window));
    }

  return refused;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CrampApplication *self = user_data;
  GApplication *app = user_data;

  /* The editors first: one that asks keeps everything open until it is
   * answered. Closing the windows, rather than quitting under them, lets
   * each save its size. */
  if (close_windows (FALSE) || close_windows (TRUE))
    return;

  /* bedtime reminders go on without windows: they are turned off in
   * the preferences, not by quitting */
  if (!reminders_running (self))
    g_application_quit (app);
}

static void
stretches_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *guide = NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL && guide == NULL; l = l->next)
    if (CRAMP_IS_STRETCH_WINDOW (l->data))
      guide = l->data;

  if (guide == NULL)
    {
      GtkWindow *parent = gtk_application_get_active_window (app);

      guide = GTK_WINDOW (cramp_stretch_window_new (app));
      /* above a modal window, such as the preferences, it must be modal
       * too to take any input */
      if (parent != NULL)
        {
          gtk_window_set_transient_for (guide, parent);
          gtk_window_set_modal (guide, gtk_window_get_modal (parent));
        }
    }
  gtk_window_present (guide);
}

static void
stretch_done_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  CrampApplication *self = user_data;
  CrampBedtimeSchedule *reminders = cramp_session_get_reminders (self->session);
  g_autoptr(GError) error = NULL;

  if (reminders == NULL)
    return;

  if (!cramp_bedtime_schedule_record_done (reminders, &error))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
      GtkWidget *dialog = adw_message_dialog_new (window, _("The Stretch Was Not Recorded"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Cramp Diary developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Cramp Diary"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Cramp Diary developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("A private diary of leg cramps: log them in seconds, see the patterns, "
                                      "and take a clear report to your doctor."),
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Without a help viewer (GNOME's Help, Yelp), say so and where the
 * pages are, rather than GTK's "Operation not supported". */
static void
explain_no_help (GtkWindow *parent)
{
  g_autofree char *folder = g_build_filename (HELPDIR, "C", "cramp-diary", NULL);
  /* Translators: %s is the folder of the help pages */
  g_autofree char *body = g_strdup_printf (_("The help opens in the Help app (Yelp), which is not installed "
                                             "on this computer. Install the “yelp” package, or read the "
                                             "pages in %s, or the README on the project's page."),
                                           folder);
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Help Is Not Installed"), body);

  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_help_shown_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("The help cannot be shown: %s", error->message);
      explain_no_help (GTK_WINDOW (source));
    }
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *parent = gtk_application_get_active_window (app);
  g_autoptr(GAppInfo) viewer = g_app_info_get_default_for_uri_scheme ("help");

  if (viewer == NULL || parent == NULL)
    explain_no_help (parent);
  else
    gtk_show_uri_full (parent, "help:cramp-diary", GDK_CURRENT_TIME, NULL, on_help_shown_cb, NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CrampApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *preferences;

  if (!cramp_session_has_diary (self->session))
    return;

  preferences = GTK_WINDOW (cramp_preferences_window_new (parent, self->session));
  /* for the app actions, such as showing the stretches */
  gtk_window_set_application (preferences, GTK_APPLICATION (self));
  gtk_window_present (preferences);
}

/* The window, on what the user says of @parameter's night: the morning
 * check-in's Open Diary. */
static void
night_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  CrampApplication *self = user_data;

  g_application_activate (G_APPLICATION (self));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (CRAMP_IS_WINDOW (l->data))
        {
          gtk_widget_activate_action (l->data, "win.night", "x", g_variant_get_int64 (parameter));
          return;
        }
    }
}

static void
cramp_application_dispose (GObject *object)
{
  CrampApplication *self = (CrampApplication *) object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (cramp_application_parent_class)->dispose (object);
}

static void
cramp_application_class_init (CrampApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cramp_application_dispose;

  app_class->local_command_line = cramp_application_local_command_line;
  app_class->handle_local_options = cramp_application_handle_local_options;
  app_class->startup = cramp_application_startup;
  app_class->activate = cramp_application_activate;

  cramp_register_resource ();
}

static void
cramp_application_init (CrampApplication *self)
{
  static const GActionEntry actions[] = {
    { "quit", quit_action },
    { "about", about_action },
    { "help", help_action },
    { "preferences", preferences_action },
    { "stretches", stretches_action },
    { "stretch-done", stretch_done_action },
    { "night", night_action, "x" },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  g_application_add_main_option_entries (G_APPLICATION (self), cramp_cli_get_option_entries ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Without options, open the diary window."));
}

CrampApplication *
cramp_application_new (void)
{
  return g_object_new (CRAMP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/crampdiary/CrampDiary",
                       NULL);
}

/**
 * cramp_application_get_session:
 *
 * Returns: (transfer none): what the windows share: the diary, the
 *   settings, the reminders; made at startup
 */
CrampSession *
cramp_application_get_session (CrampApplication *self)
{
  g_return_val_if_fail (CRAMP_IS_APPLICATION (self), NULL);

  return self->session;
}
