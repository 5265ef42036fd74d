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
