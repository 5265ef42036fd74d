/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-evidence-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-evidence-window.h"
#include "cramp-format.h"

/*
 * Every cramp that shows a warning sign, newest first, when the report
 * page lists only the latest CRAMP_FINDING_EVIDENCE_SHOWN: a list view
 * whose rows are recycled as it scrolls, so that a sign shown by a
 * hundred thousand cramps makes a screenful of widgets, not a widget a
 * cramp. A cramp opens in the editor (win.edit-episode).
 */

struct _CrampEvidenceWindow
{
  AdwWindow    parent_instance;

  GtkListView *list;
};

G_DEFINE_FINAL_TYPE (CrampEvidenceWindow, cramp_evidence_window, ADW_TYPE_WINDOW)

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  CrampEpisode *episode = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GDateTime *start = cramp_episode_get_started_at (episode);
  g_autofree char *date = cramp_format_date (start);
  g_autofree char *time = cramp_format_time_of_day (start);
  /* Translators: a cramp's date and time of day */
  g_autofree char *when = g_strdup_printf (_("%s %s"), date, time);
  g_autofree char *evidence = cramp_format_episode_evidence (episode);

  gtk_label_set_label (GTK_LABEL (title), when);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (title)), evidence);
}

static void
on_activate_cb (GtkListView *list,
                guint        position,
                gpointer     user_data)
{
  CrampEvidenceWindow *self = user_data;
  g_autoptr(CrampEpisode) episode = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), position);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (episode != NULL && parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.edit-episode", "s", cramp_episode_get_id (episode));
}

static void
cramp_evidence_window_class_init (CrampEvidenceWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cramp_evidence_window_init (CrampEvidenceWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_object (self->list, "activate", G_CALLBACK (on_activate_cb), self, 0);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 640);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 240);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
}

/**
 * cramp_evidence_window_new:
 *
 * Returns: (transfer none): a window listing every cramp of @finding
 */
CrampEvidenceWindow *
cramp_evidence_window_new (GtkWindow    *parent,
                           CrampFinding *finding)
{
  CrampEvidenceWindow *self;
  GPtrArray *evidence;
  g_autoptr(GListStore) episodes = g_list_store_new (CRAMP_TYPE_EPISODE);
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GPtrArray) newest_first = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CRAMP_IS_FINDING (finding), NULL);

  self = g_object_new (CRAMP_TYPE_EVIDENCE_WINDOW, "transient-for", parent, NULL);
  evidence = cramp_finding_get_evidence (finding);
  newest_first = g_ptr_array_sized_new (evidence->len);
  for (guint i = evidence->len; i > 0; i--)
    g_ptr_array_add (newest_first, g_ptr_array_index (evidence, i - 1));
  g_list_store_splice (episodes, 0, 0, newest_first->pdata, newest_first->len);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&episodes)));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));

  /* Translators: the title of the window of a warning sign's cramps: its
   * title, and how many */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u Cramp", "%s: %u Cramps", evidence->len),
                           cramp_finding_get_title (finding), evidence->len);
  gtk_window_set_title (GTK_WINDOW (self), title);
  return self;
}
