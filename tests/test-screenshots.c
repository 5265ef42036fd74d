/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "cramp-application.h"
#include "cramp-csv.h"
#include "cramp-episode-editor.h"
#include "cramp-experiment-dialog.h"
#include "cramp-medication-dialog.h"
#include "cramp-night-dialog.h"
#include "cramp-preferences-window.h"
#include "cramp-report-page.h"
#include "cramp-store-episodes.h"
#include "cramp-store-experiments.h"
#include "cramp-store-nights.h"
#include "cramp-store-profile.h"
#include "cramp-store-stretches.h"
#include "cramp-stretch-log.h"
#include "cramp-stretch-window.h"
#include "cramp-test-utils.h"
#include "cramp-window.h"

/*
 * The screenshots of data/screenshots/, made from the real window on a
 * sample diary (tests/sample-diary.py) at 1280 and 360 pixels wide, and
 * in the dark style: written to screenshots/ in the build folder, where
 * a maintainer looks at them and copies them over. Each must be the size
 * asked for and not blank.
 */

static CrampApplication *app;
static char *home;
static char *out_dir;

static void
flush (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  /* a bound for a failure, which a loaded machine never reaches */
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  flush ();
  return done (data);
}

static gboolean
is_drawn (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static gboolean
report_ready (gpointer page)
{
  return cramp_report_page_get_analysis (page) != NULL && !cramp_report_page_get_busy (page);
}

/* Renders @window as the user sees it, into a PNG. */
static void
save (GtkWidget  *window,
      const char *name)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  int width, height;

  g_assert_true (wait_until (is_drawn, window));
  /* a frame for the last changes to be laid out and drawn */
  for (int i = 0; i < 5; i++)
    {
      g_usleep (20000);
      flush ();
    }

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);

  /* the window's background, then what is in it: the window's own
   * snapshot would add its shadow and leave out its background */
  {
    g_autoptr(GdkPaintable) content = gtk_widget_paintable_new (gtk_widget_get_first_child (window));
    GdkRGBA background;

    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (window), "window_bg_color", &background));
    G_GNUC_END_IGNORE_DEPRECATIONS
    gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
    gdk_paintable_snapshot (content, GDK_SNAPSHOT (snapshot), width, height);
  }
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_test_message ("%s: %d × %d", path, width, height);
}

static GtkWidget *
new_window (int width,
            int height)
{
  CrampWindow *window = cramp_window_new (app);

  /* the size of what is drawn, not counting the 5 px of shadow around */
  gtk_window_set_default_size (GTK_WINDOW (window), width + 10, height + 10);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WIDGET (window);
}

static void
show_report (GtkWidget *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (window, CRAMP_TYPE_WINDOW, "view_stack"));
  GtkWidget *page = GTK_WIDGET (gtk_widget_get_template_child (window, CRAMP_TYPE_WINDOW, "report_page"));

  adw_view_stack_set_visible_child_name (stack, "report");
  g_assert_true (wait_until (report_ready, page));
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }
  return NULL;
}

static gpointer
report_child (GtkWidget  *window,
              const char *name)
{
  GtkWidget *page = GTK_WIDGET (gtk_widget_get_template_child (window, CRAMP_TYPE_WINDOW, "report_page"));

  return gtk_widget_get_template_child (page, CRAMP_TYPE_REPORT_PAGE, name);
}

/* Scrolls the report page so that its child @name is at the top. */
static void
scroll_to (GtkWidget  *window,
           const char *name)
{
  GtkWidget *page = GTK_WIDGET (gtk_widget_get_template_child (window, CRAMP_TYPE_WINDOW, "report_page"));
  GtkWidget *target = GTK_WIDGET (gtk_widget_get_template_child (page, CRAMP_TYPE_REPORT_PAGE, name));
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW));
  GtkWidget *content = gtk_scrolled_window_get_child (scroller);
  graphene_point_t point;

  flush ();
  g_assert_true (gtk_widget_compute_point (target, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), point.y - 60);
  flush ();
}

static void
test_desktop (void)
{
  GtkWidget *window = new_window (1280, 800);

  save (window, "history.png");
  show_report (window);
  save (window, "report.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opens the first @n warning signs and scrolls to them. */
static void
show_findings (GtkWidget *window,
               guint      n)
{
  GtkWidget *list = report_child (window, "findings_list");
  GtkWidget *row = gtk_widget_get_first_child (list);

  for (guint i = 0; i < n && row != NULL; i++, row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_EXPANDER_ROW (row))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  scroll_to (window, "findings_group");
}

static void
test_findings (void)
{
  GtkWidget *window = new_window (1280, 800);

  show_report (window);
  show_findings (window, 2);
  save (window, "report-findings.png");
  gtk_window_destroy (GTK_WINDOW (window));

  window = new_window (360, 640);
  show_report (window);
  show_findings (window, 1);
  save (window, "report-findings-phone.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_phone (void)
{
  GtkWidget *window = new_window (360, 640);
  GtkWindow *editor = NULL;
  GtkWindow *preferences;
  GtkWindow *medication;
  GtkWindow *night;
  GObject *reminders;
  AdwExpanderRow *started;
  GListModel *toplevels = gtk_window_get_toplevels ();

  save (window, "history-phone.png");
  show_report (window);
  save (window, "report-phone.png");
  scroll_to (window, "weekly_chart");
  save (window, "report-phone-charts.png");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (report_child (window, "period_dropdown")), 4);
  g_assert_true (wait_until (report_ready, gtk_widget_get_template_child (window, CRAMP_TYPE_WINDOW, "report_page")));
  scroll_to (window, "period_dropdown");
  save (window, "report-phone-days.png");

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  flush ();
  preferences = find_toplevel (CRAMP_TYPE_PREFERENCES_WINDOW);
  gtk_window_set_default_size (preferences, 370, 650);
  reminders = gtk_widget_get_template_child (GTK_WIDGET (preferences), CRAMP_TYPE_PREFERENCES_WINDOW,
                                             "reminders_page");
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (reminders));
  save (GTK_WIDGET (preferences), "reminders-phone.png");

  medication = GTK_WINDOW (cramp_medication_dialog_new (preferences, "Ramipril 5 mg", NULL, NULL));
  gtk_window_set_default_size (medication, 370, 650);
  gtk_window_present (medication);
  started = ADW_EXPANDER_ROW (gtk_widget_get_template_child (GTK_WIDGET (medication), CRAMP_TYPE_MEDICATION_DIALOG,
                                                             "started_row"));
  adw_expander_row_set_enable_expansion (started, TRUE);
  adw_expander_row_set_expanded (started, TRUE);
  save (GTK_WIDGET (medication), "medication-phone.png");
  gtk_window_destroy (medication);
  gtk_window_destroy (preferences);

  gtk_widget_activate_action (window, "win.new-episode", NULL);
  flush ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && editor == NULL; i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (CRAMP_IS_EPISODE_EDITOR (toplevel))
        editor = GTK_WINDOW (toplevel);
    }
  g_assert_nonnull (editor);
  gtk_window_set_default_size (editor, 370, 650);
  save (GTK_WIDGET (editor), "editor-phone.png");
  gtk_window_destroy (editor);

  gtk_widget_activate_action (window, "win.record-night", NULL);
  flush ();
  night = find_toplevel (CRAMP_TYPE_NIGHT_DIALOG);
  g_assert_nonnull (night);
  gtk_window_set_default_size (night, 370, 650);
  save (GTK_WIDGET (night), "night-phone.png");
  gtk_window_destroy (night);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Try Something on a phone, and the experiments of the report */
static void
test_experiments (void)
{
  GtkWidget *window = new_window (360, 640);
  GtkWindow *dialog;
  GtkWidget *row;

  gtk_widget_activate_action (window, "win.try-something", NULL);
  flush ();
  dialog = find_toplevel (CRAMP_TYPE_EXPERIMENT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (dialog, 370, 650);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                      CRAMP_TYPE_EXPERIMENT_DIALOG, "name_row")),
                         "Magnesium 300 mg");
  save (GTK_WIDGET (dialog), "experiment-phone.png");
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));

  window = new_window (1280, 800);
  show_report (window);
  row = gtk_widget_get_first_child (report_child (window, "experiments_list"));
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  scroll_to (window, "experiments_list");
  save (window, "report-experiments.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_stretches (void)
{
  CrampStretchWindow *guide = cramp_stretch_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (guide), 470, 730);
  gtk_window_present (GTK_WINDOW (guide));
  save (GTK_WIDGET (guide), "stretches.png");
  gtk_window_destroy (GTK_WINDOW (guide));
}

/* Right to left, as in Arabic or Hebrew: the layout mirrors. */
static void
test_right_to_left (void)
{
  GtkWidget *window;
  GtkWidget *log_button;
  graphene_point_t at;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  window = new_window (1280, 800);
  save (window, "history-rtl.png");

  /* Log Cramp, at the start of the header bar, is on the right */
  log_button = GTK_WIDGET (gtk_widget_get_template_child (window, CRAMP_TYPE_WINDOW, "log_button"));
  g_assert_true (gtk_widget_compute_point (log_button, window, &GRAPHENE_POINT_INIT (0, 0), &at));
  g_assert_cmpfloat (at.x, >, gtk_widget_get_width (window) / 2);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

/* High contrast, as the accessibility settings ask for it. */
static void
test_high_contrast (void)
{
  g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  GtkWidget *window;

  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  flush ();
  g_assert_true (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
  window = new_window (1280, 800);
  show_report (window);
  save (window, "report-high-contrast.png");
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_boolean (a11y, "high-contrast", FALSE);
}

static void
test_dark (void)
{
  GtkWidget *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  window = new_window (1280, 800);
  show_report (window);
  save (window, "report-dark.png");
  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* Sixty days of the sample diary, a statin in the health profile and a
 * fortnight of bedtime stretching. */
static void
fill_diary (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "sample-diary.py", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *diary = cramp_store_default_path ();
  g_autoptr(CrampStore) store = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(CrampProfile) profile = NULL;
  g_autoptr(GDateTime) now = cramp_time_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *argv[] = { "/usr/bin/python3", script, "60", "7", today, NULL };
  GDate started;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &csv, NULL, &status, &error);
  g_assert_no_error (error);
  episodes = cramp_csv_parse (csv, strlen (csv), "sample.csv", NULL, NULL, &error);
  g_assert_no_error (error);

  /* walks that end at about the same corner, eased by rest, and one
   * swollen, red calf: the warning signs a doctor would look at first */
  for (int d = 0; d < 4; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -(3 + 6 * d));
      g_autoptr(GDateTime) walk = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                         g_date_time_get_day_of_month (day), 10, 15, 0);
      CrampEpisode *episode = cramp_episode_new (walk);

      cramp_episode_set_muscle (episode, CRAMP_MUSCLE_CALF);
      cramp_episode_set_side (episode, CRAMP_SIDE_LEFT);
      cramp_episode_set_activity (episode, CRAMP_ACTIVITY_WALKING);
      cramp_episode_set_relieved_by (episode, CRAMP_RELIEF_REST);
      cramp_episode_set_walk_distance (episode, 380 + 20 * d);
      cramp_episode_set_duration (episode, 90 + 15 * d);
      if (d == 0)
        cramp_episode_set_symptoms (episode, CRAMP_SYMPTOM_SWELLING | CRAMP_SYMPTOM_REDNESS | CRAMP_SYMPTOM_SKIN_WARM);
      g_ptr_array_add (episodes, episode);
    }

  store = cramp_store_open (diary, &error);
  g_assert_no_error (error);
  g_assert_true (cramp_store_import (store, episodes, NULL, NULL, NULL));

  profile = cramp_profile_new ();
  g_date_clear (&started, 1);
  g_date_set_dmy (&started, 1, g_date_time_get_month (now), g_date_time_get_year (now));
  g_date_subtract_months (&started, 1);
  g_assert_true (cramp_profile_add_medication (profile, "Atorvastatin 20 mg", &started, NULL, NULL));
  cramp_profile_set_conditions (profile, CRAMP_CONDITION_HIGH_CHOLESTEROL);
  g_assert_true (cramp_store_set_profile (store, profile, NULL));

  /* the nights without a cramp among the last ten, but last night,
   * said to be quiet */
  for (int d = 10; d > 1; d--)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -d);
      g_autoptr(GDateTime) evening = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                            g_date_time_get_day_of_month (day), 22, 0, 0);
      CrampNight record = { cramp_time_night_of (evening), TRUE, d % 2 ? CRAMP_UNSET : 1, 1700000000 };

      if (!cramp_store_first_cramp_of_night (store, record.night, NULL, NULL))
        g_assert_true (cramp_store_set_night (store, &record, NULL));
    }

  /* nightly stretching, begun with the stretch log a fortnight ago */
  {
    g_autoptr(GDateTime) begun = g_date_time_add_days (now, -14);
    g_autoptr(CrampExperiment) stretching = cramp_experiment_new ("Nightly stretching", CRAMP_EXPERIMENT_STRETCHING,
                                                                  cramp_time_night_of (begun), 42);

    g_assert_true (cramp_store_add_experiment (store, stretching, NULL, NULL));
  }

  /* and magnesium this last week, said done on most evenings */
  {
    g_autoptr(GDateTime) begun = g_date_time_add_days (now, -7);
    g_autoptr(CrampExperiment) magnesium = cramp_experiment_new ("Magnesium & zinc", CRAMP_EXPERIMENT_SUPPLEMENT,
                                                                 cramp_time_night_of (begun), 42);

    g_assert_true (cramp_store_add_experiment (store, magnesium, NULL, NULL));
    for (int d = 0; d < 6; d++)
      if (d != 2)
        g_assert_true (cramp_store_set_experiment_done (store, magnesium->id, magnesium->start + d, TRUE, NULL));
  }

  for (int d = 14; d > 0; d--)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -d);
      g_autoptr(GDateTime) evening = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                            g_date_time_get_day_of_month (day), 22, 0, 0);

      g_assert_true (cramp_store_add_stretch (store, CRAMP_STRETCH_SHOWN, evening, NULL));
      g_assert_true (cramp_store_add_stretch (store, d % 3 ? CRAMP_STRETCH_DONE : CRAMP_STRETCH_SNOOZED,
                                              evening, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  int status;

  /* English, unless CRAMP_SCREENSHOT_LOCALE asks for another language,
   * such as de_DE.UTF-8 (with LANGUAGE=de), from the build's translations */
  setlocale (LC_ALL, g_getenv ("CRAMP_SCREENSHOT_LOCALE") ? g_getenv ("CRAMP_SCREENSHOT_LOCALE") : "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  home = cramp_test_mkdtemp ();
  data = g_build_filename (home, "data", NULL);
  config = g_build_filename (home, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  /* the pictures show the same days whenever they are taken */
  cramp_test_set_clock ("2026-11-19T21:30:00+01:00");
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() sets its own locale: the numbers are in the
   * language's own form again */
  setlocale (LC_ALL, g_getenv ("CRAMP_SCREENSHOT_LOCALE") ? g_getenv ("CRAMP_SCREENSHOT_LOCALE") : "C.UTF-8");
  cramp_test_trace_warnings ();
  out_dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0755), ==, 0);
  fill_diary ();

  app = cramp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  /* the windows are made here, not by activating */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/screenshots/desktop", test_desktop);
  g_test_add_func ("/screenshots/phone", test_phone);
  g_test_add_func ("/screenshots/findings", test_findings);
  g_test_add_func ("/screenshots/stretches", test_stretches);
  g_test_add_func ("/screenshots/experiments", test_experiments);
  g_test_add_func ("/screenshots/dark", test_dark);
  g_test_add_func ("/screenshots/right-to-left", test_right_to_left);
  g_test_add_func ("/screenshots/high-contrast", test_high_contrast);
  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  cramp_test_rmdir (home);
  g_free (out_dir);
  return status;
}
