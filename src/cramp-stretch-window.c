/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-stretch-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-stretch-log.h"
#include "cramp-stretch-window.h"

/*
 * The bedtime stretches, with a countdown that walks through them: each
 * hold, a short rest, the other leg, the next stretch. "Done" records
 * the night's stretch through app.stretch-done, whether or not the
 * countdown was used; in the middle of the countdown it asks first.
 */

#define REST_SECONDS 5

typedef struct
{
  const char *title;
  const char *how;
  guint       hold_seconds;
  guint       times;
  gboolean    each_leg;
} Stretch;

static const Stretch routine[] = {
  { N_("Calf Stretch"),
    N_("Stand an arm’s length from a wall, hands on it. Step one foot back, keep its heel on the floor "
       "and its knee straight, and lean towards the wall until the calf of the back leg stretches."),
    10, 3, TRUE },
  { N_("Hamstring Stretch"),
    N_("Sit on the edge of the bed with one leg out in front, heel on the floor and toes up. With your "
       "back straight, lean forward from the hips until the back of the thigh stretches."),
    10, 3, TRUE },
  { N_("Calf Stretch on a Step"),
    N_("Stand with the front of both feet on a step, heels over the edge, holding on for balance. "
       "Slowly lower your heels a little below the step, hold, then rise back up."),
    5, 3, FALSE },
};

/* One stop of the countdown. */
typedef struct
{
  guint    stretch;
  int      leg;        /* 0 left, 1 right, -1 both */
  guint    time;       /* 1 … times */
  gboolean rest;       /* the rest before this hold */
  guint    seconds;
} Step;

struct _CrampStretchWindow
{
  AdwApplicationWindow  parent_instance;

  GtkLabel             *step_title;
  GtkLabel             *step_detail;
  GtkLabel             *countdown;
  GtkProgressBar       *progress;
  GtkButton            *start_button;
  GtkButton            *done_button;
  AdwPreferencesGroup  *routine_group;

  GArray               *steps;       /* Step */
  guint                 step;        /* the current one; steps->len when finished */
  guint                 left;        /* seconds left in it */
  guint                 tick_source;
  guint                 total_seconds;
  guint                 elapsed;
};

G_DEFINE_FINAL_TYPE (CrampStretchWindow, cramp_stretch_window, ADW_TYPE_APPLICATION_WINDOW)

static void
build_steps (CrampStretchWindow *self)
{
  self->steps = g_array_new (FALSE, FALSE, sizeof (Step));

  for (guint s = 0; s < G_N_ELEMENTS (routine); s++)
    {
      const Stretch *stretch = &routine[s];
      int legs = stretch->each_leg ? 2 : 1;

      for (int leg = 0; leg < legs; leg++)
        for (guint time = 1; time <= stretch->times; time++)
          {
            Step hold = { s, stretch->each_leg ? leg : -1, time, FALSE, stretch->hold_seconds };
            Step rest = hold;

            /* a rest before every hold but the first: time to change
             * legs, or to let go */
            if (self->steps->len > 0)
              {
                rest.rest = TRUE;
                rest.seconds = REST_SECONDS;
                g_array_append_val (self->steps, rest);
              }
            g_array_append_val (self->steps, hold);
          }
    }

  for (guint i = 0; i < self->steps->len; i++)
    self->total_seconds += g_array_index (self->steps, Step, i).seconds;
}

static const char *
leg_name (int leg)
{
  switch (leg)
    {
    case 0:
      return _("Left leg");
    case 1:
      return _("Right leg");
    default:
      return _("Both legs");
    }
}

/* the countdown's pause before a hold on @leg */
static const char *
rest_text (int leg)
{
  switch (leg)
    {
    case 0:
      return _("Rest, then the left leg");
    case 1:
      return _("Rest, then the right leg");
    default:
      return _("Rest, then both legs");
    }
}

static void
update (CrampStretchWindow *self)
{
  gboolean running = self->tick_source != 0;
  g_autofree char *detail = NULL;
  g_autofree char *seconds = NULL;

  if (self->step >= self->steps->len)
    {
      gtk_label_set_label (self->step_title, _("All Done"));
      gtk_label_set_label (self->step_detail, _("Press Done to record tonight’s stretch."));
      gtk_label_set_label (self->countdown, "✓");
      gtk_button_set_label (self->start_button, _("Start _Again"));
      gtk_widget_add_css_class (GTK_WIDGET (self->done_button), "suggested-action");
      gtk_widget_remove_css_class (GTK_WIDGET (self->start_button), "suggested-action");
      gtk_progress_bar_set_fraction (self->progress, 1.0);
      return;
    }

  {
    const Step *step = &g_array_index (self->steps, Step, self->step);
    const Stretch *stretch = &routine[step->stretch];

    gtk_label_set_label (self->step_title, _(stretch->title));
    if (step->rest)
      detail = g_strdup (rest_text (step->leg));
    else
      /* Translators: the countdown's current hold: a leg, then for example "2 of 3" */
      detail = g_strdup_printf (_("%s, hold %u of %u"), leg_name (step->leg), step->time, stretch->times);
    gtk_label_set_label (self->step_detail, detail);

    seconds = g_strdup_printf ("%u", self->left);
    gtk_label_set_label (self->countdown, seconds);
  }

  gtk_button_set_label (self->start_button, running ? _("_Pause") : self->elapsed > 0 ? _("_Continue") : _("_Start"));
  gtk_widget_add_css_class (GTK_WIDGET (self->start_button), "suggested-action");
  gtk_widget_remove_css_class (GTK_WIDGET (self->done_button), "suggested-action");
  gtk_progress_bar_set_fraction (self->progress, (double) self->elapsed / self->total_seconds);
}

static void
go_to_step (CrampStretchWindow *self,
            guint               step)
{
  self->step = step;
  self->left = step < self->steps->len ? g_array_index (self->steps, Step, step).seconds : 0;
}

static gboolean
tick_cb (gpointer user_data)
{
  CrampStretchWindow *self = user_data;

  self->elapsed++;
  if (--self->left == 0)
    {
      go_to_step (self, self->step + 1);
      if (self->step >= self->steps->len)
        {
          self->tick_source = 0;
          update (self);
          return G_SOURCE_REMOVE;
        }
    }

  update (self);
  return G_SOURCE_CONTINUE;
}

static void
pause_countdown (CrampStretchWindow *self)
{
  g_clear_handle_id (&self->tick_source, g_source_remove);
}

static void
on_start_clicked_cb (CrampStretchWindow *self)
{
  if (self->tick_source != 0)
    pause_countdown (self);
  else
    {
      if (self->step >= self->steps->len)
        {
          go_to_step (self, 0);
          self->elapsed = 0;
        }
      self->tick_source = g_timeout_add_seconds (1, tick_cb, self);
    }

  update (self);
}

static void
record_and_close (CrampStretchWindow *self)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  pause_countdown (self);
  if (app != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "stretch-done", NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
record_and_close_cb (gpointer user_data)
{
  record_and_close (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_stop_answered_cb (CrampStretchWindow *self,
                     const char         *response,
                     AdwMessageDialog   *dialog)
{
  /* once the question, which this window owns, has closed */
  if (g_str_equal (response, "record"))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, record_and_close_cb, g_object_ref (self), g_object_unref);
  else if (self->tick_source == 0)
    on_start_clicked_cb (self);
}

/* Done in the middle of the routine asks first: a click meant for
 * Pause should not end it. Before it starts and once it is over, Done
 * records at once. */
static void
on_done_clicked_cb (CrampStretchWindow *self)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->elapsed == 0 || self->step >= self->steps->len)
    {
      record_and_close (self);
      return;
    }

  pause_countdown (self);
  update (self);
  /* Translators: how far the routine has come, in percent */
  body = g_strdup_printf (_("The routine is %.0f %% done. Done records tonight’s stretch all the same."),
                          100.0 * self->elapsed / self->total_seconds);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Stop the Stretches Here?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "continue", _("_Go On"),
                                    "record", _("_Record and Close"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_stop_answered_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
append_wrapped (GtkWidget *box,
                GtkWidget *label)
{
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
}

static void
add_routine_rows (CrampStretchWindow *self)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint s = 0; s < G_N_ELEMENTS (routine); s++)
    {
      const Stretch *stretch = &routine[s];
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      GtkWidget *title = gtk_label_new (NULL);
      GtkWidget *how = gtk_label_new (_(stretch->how));
      g_autofree char *text = NULL;

      if (stretch->each_leg)
        /* Translators: a stretch, then how long it is held and how often */
        text = g_strdup_printf (_("%s: %u s, %u times each leg"), _(stretch->title),
                                stretch->hold_seconds, stretch->times);
      else
        text = g_strdup_printf (_("%s: %u s, %u times"), _(stretch->title),
                                stretch->hold_seconds, stretch->times);

      gtk_label_set_label (GTK_LABEL (title), text);
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_add_css_class (how, "dim-label");
      append_wrapped (box, title);
      append_wrapped (box, how);
      gtk_widget_add_css_class (box, "stretch-row");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  adw_preferences_group_add (self->routine_group, list);
}

static void
cramp_stretch_window_dispose (GObject *object)
{
  CrampStretchWindow *self = CRAMP_STRETCH_WINDOW (object);

  pause_countdown (self);
  g_clear_pointer (&self->steps, g_array_unref);

  G_OBJECT_CLASS (cramp_stretch_window_parent_class)->dispose (object);
}

static void
cramp_stretch_window_class_init (CrampStretchWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cramp_stretch_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crampdiary/CrampDiary/cramp-stretch-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrampStretchWindow, step_title);
  gtk_widget_class_bind_template_child (widget_class, CrampStretchWindow, step_detail);
  gtk_widget_class_bind_template_child (widget_class, CrampStretchWindow, countdown);
  gtk_widget_class_bind_template_child (widget_class, CrampStretchWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, CrampStretchWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, CrampStretchWindow, done_button);
  gtk_widget_class_bind_template_child (widget_class, CrampStretchWindow, routine_group);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_done_clicked_cb);
}

static void
cramp_stretch_window_init (CrampStretchWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_button_set_use_underline (self->start_button, TRUE);

  build_steps (self);
  add_routine_rows (self);
  go_to_step (self, 0);
  update (self);
  /* Space or Enter starts the countdown */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->start_button));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->start_button));
}

CrampStretchWindow *
cramp_stretch_window_new (GtkApplication *application)
{
  return g_object_new (CRAMP_TYPE_STRETCH_WINDOW,
                       "application", application,
                       NULL);
}
