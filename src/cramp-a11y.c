/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-a11y"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cramp-a11y.h"

/*
 * What a screen reader says, where GTK 4.8 would say a type name: a
 * widget without an accessible name is named after its class on AT-SPI,
 * so that Orca reads "GtkImage Search push button" for the icon inside a
 * named button, and "GtkToggleButton" for the button of a drop-down.
 */

/**
 * cramp_a11y_decorative_image_new:
 *
 * An icon that only decorates what is said beside it (an arrow, a tick):
 * assistive technology does not see it at all.
 *
 * Returns: (transfer floating): the image
 */
GtkWidget *
cramp_a11y_decorative_image_new (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

/* Widgets of GTK and libadwaita that only draw (an indicator, the arrow
 * of a drop-down) or only hold others: nothing of their own to say, and
 * so nothing to be named after. */
static const char * const drawing_only[] = {
  "AdwClampScrollable", "AdwGizmo", "AdwIndicatorBin", "AdwSqueezer", "AdwViewSwitcherBar",
  "AdwViewSwitcherTitle", "AdwWindowTitle", "GtkActionBar", "GtkBuiltinIcon", "GtkFlowBoxChild", "GtkFrame",
  "GtkListBox", "GtkListItemWidget", "GtkListView", "GtkOverlay", "GtkRange", "GtkScrollbar",
};

static gboolean
draws_only (GtkWidget *widget)
{
  /* an icon that says something has a tooltip, and its own name */
  if (GTK_IS_IMAGE (widget))
    return gtk_widget_get_tooltip_text (widget) == NULL;

  for (guint i = 0; i < G_N_ELEMENTS (drawing_only); i++)
    if (g_str_equal (G_OBJECT_TYPE_NAME (widget), drawing_only[i]))
      return TRUE;
  return FALSE;
}

/* The pages of a stack hold what is on them, which says itself. */
static void
quiet_pages (GtkSelectionModel *pages)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(GtkAccessible) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      gtk_accessible_update_property (page, GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
    }
  g_object_unref (pages);
}

/**
 * cramp_a11y_quiet_icons:
 *
 * Gives what under @root only draws or holds others an empty name: the
 * icons beside a title or inside a button (such as those of libadwaita's
 * view switchers), which say what they show; lists, cells and stacks,
 * whose content says itself. The view switchers are named "Pages". Icons
 * with a tooltip keep their own name. Run again on what is built later.
 */
void
cramp_a11y_quiet_icons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (draws_only (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      else if (ADW_IS_VIEW_SWITCHER (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages"), -1);
      else if (GTK_IS_STACK (child))
        quiet_pages (gtk_stack_get_pages (GTK_STACK (child)));
      cramp_a11y_quiet_icons (child);
    }
}

/* GTK 4.8 names a button with a mnemonic twice, by its label with the
 * underscore and by the label inside it: "_Keep Editing Keep Editing".
 * The label inside, which names it too, is enough. */
static void
name_mnemonic_buttons (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = GTK_IS_BUTTON (child) ? gtk_button_get_child (GTK_BUTTON (child)) : NULL;

      if (GTK_IS_LABEL (label) && gtk_label_get_mnemonic_widget (GTK_LABEL (label)) == child)
        gtk_accessible_reset_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL);
      name_mnemonic_buttons (child);
    }
}

static void
on_toplevel_map_cb (GtkWidget *toplevel)
{
  name_mnemonic_buttons (toplevel);
}

static void
on_toplevels_changed_cb (GListModel *toplevels,
                         guint       position,
                         guint       removed,
                         guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      g_signal_connect (toplevel, "map", G_CALLBACK (on_toplevel_map_cb), NULL);
    }
}

/**
 * cramp_a11y_watch_windows:
 *
 * From now on, each window of the process, the app's, libadwaita's
 * message dialogs and GTK's own, has the buttons with a mnemonic named
 * once (see above) whenever it comes on screen. Once a process is enough.
 */
void
cramp_a11y_watch_windows (void)
{
  static gboolean watching;
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (watching)
    return;
  watching = TRUE;
  on_toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels));
  g_signal_connect (toplevels, "items-changed", G_CALLBACK (on_toplevels_changed_cb), NULL);
}

/**
 * cramp_a11y_name_drop_down:
 *
 * Names @drop_down, and the button inside it that assistive technology
 * sees, @label.
 */
void
cramp_a11y_name_drop_down (GtkDropDown *drop_down,
                           const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/*
 * Announcements. GTK 4.8 has no gtk_accessible_announce() (it came in
 * 4.14), and a toast that slides in is not an event a screen reader
 * hears: GTK tells AT-SPI of widgets shown only as children added, which
 * Orca 43 ignores. What Orca does speak is a new description of the
 * widget that has the keyboard focus. So a message becomes, for a moment,
 * the description of the focused widget — the focus itself stays where
 * the user left it. A few seconds later the description is emptied, of
 * which nothing is said, so that coming back to the widget does not say
 * the message again; the widget's own description comes back when the
 * focus leaves it, when a screen reader says nothing of it either.
 */

/* Long enough for the message to be read out. */
#define ANNOUNCEMENT_S 4

#define ANNOUNCED_ON         "cramp-a11y-announced-on"         /* GWeakRef, on the root */
#define WATCHING_FOCUS       "cramp-a11y-watching-focus"       /* on the root */
#define ANNOUNCEMENT_TIMEOUT "cramp-a11y-announcement-timeout" /* on the widget */
#define OWN_DESCRIPTION      "cramp-a11y-description"          /* on the widget */

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Returns: (transfer full) (nullable): the widget of @root that holds an
 *   announcement */
static GtkWidget *
get_announced (GtkRoot *root)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (root), ANNOUNCED_ON);

  return ref != NULL ? g_weak_ref_get (ref) : NULL;
}

static void
set_announced (GtkRoot   *root,
               GtkWidget *widget)
{
  GWeakRef *ref = NULL;

  if (widget != NULL)
    {
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, widget);
    }
  g_object_set_data_full (G_OBJECT (root), ANNOUNCED_ON, ref, ref != NULL ? weak_ref_free : NULL);
}

static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

/* Said: the message goes, silently, from a widget still in its window. */
static gboolean
announced_cb (gpointer user_data)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (user_data);

  if (widget == NULL)
    return G_SOURCE_REMOVE;

  g_object_steal_data (G_OBJECT (widget), ANNOUNCEMENT_TIMEOUT);
  if (gtk_widget_get_root (widget) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "", -1);
  return G_SOURCE_REMOVE;
}

static void
restore_description (GtkWidget *widget)
{
  const char *own = g_object_get_data (G_OBJECT (widget), OWN_DESCRIPTION);
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  g_object_set_data (G_OBJECT (widget), ANNOUNCEMENT_TIMEOUT, NULL);
  if (own == NULL)
    own = tooltip;
  if (own != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, own, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
on_focus_changed_cb (GtkRoot    *root,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  g_autoptr(GtkWidget) announced = get_announced (root);

  if (announced == NULL || announced == gtk_root_get_focus (root))
    return;

  restore_description (announced);
  set_announced (root, NULL);
}

/**
 * cramp_a11y_set_description:
 *
 * Sets the accessible description of @widget, and keeps it to come back
 * after an announcement.
 */
void
cramp_a11y_set_description (GtkWidget  *widget,
                            const char *description)
{
  g_autoptr(GtkWidget) announced = NULL;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), OWN_DESCRIPTION, g_strdup (description), g_free);
  root = gtk_widget_get_root (widget);
  if (root != NULL)
    announced = get_announced (root);
  if (announced != widget)
    restore_description (widget);
}

typedef struct
{
  GWeakRef    widget;
  char       *message;
} Announcement;

static void
announcement_free (gpointer data)
{
  Announcement *announcement = data;

  g_weak_ref_clear (&announcement->widget);
  g_free (announcement->message);
  g_free (announcement);
}

static gboolean
announce_cb (gpointer data)
{
  Announcement *announcement = data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&announcement->widget);
  g_autoptr(GtkWidget) previous = NULL;
  GWeakRef *target_ref;
  GtkRoot *root;
  GtkWidget *target;

  if (widget == NULL || (root = gtk_widget_get_root (widget)) == NULL)
    return G_SOURCE_REMOVE;

  target = gtk_root_get_focus (root);
  if (target == NULL)
    target = GTK_WIDGET (root);

  previous = get_announced (root);
  if (previous != NULL && previous != target)
    restore_description (previous);
  if (g_object_get_data (G_OBJECT (root), WATCHING_FOCUS) == NULL)
    {
      g_signal_connect (root, "notify::focus-widget", G_CALLBACK (on_focus_changed_cb), NULL);
      g_object_set_data (G_OBJECT (root), WATCHING_FOCUS, GINT_TO_POINTER (TRUE));
    }

  /* through an empty one, of which nothing is said: the same message
   * twice is a change both times */
  gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  announcement->message, -1);
  set_announced (root, target);

  target_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (target_ref, target);
  g_object_set_data_full (G_OBJECT (target), ANNOUNCEMENT_TIMEOUT,
                          GUINT_TO_POINTER (g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, ANNOUNCEMENT_S,
                                                                        announced_cb, target_ref, weak_ref_free)),
                          remove_source);
  return G_SOURCE_REMOVE;
}

/**
 * cramp_a11y_announce:
 * @widget: a widget of the window that announces
 * @message: what a screen reader is to say
 *
 * Has a screen reader say @message, without moving the focus: once what
 * this turn of the main loop does to the focus is done (the focus given
 * to a row when the list has made it, say), on the widget that has it.
 */
void
cramp_a11y_announce (GtkWidget  *widget,
                     const char *message)
{
  Announcement *announcement;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  announcement = g_new0 (Announcement, 1);
  g_weak_ref_init (&announcement->widget, widget);
  announcement->message = g_strdup (message);
  g_idle_add_full (G_PRIORITY_LOW, announce_cb, announcement, announcement_free);
}
