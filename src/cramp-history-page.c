/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-history-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cramp-a11y.h"
#include "cramp-episode-list.h"
#include "cramp-episode-row.h"
#include "cramp-format.h"
#include "cramp-history-page.h"

struct _CrampHistoryPage
{
  GtkWidget         parent_instance;

  GtkSearchBar     *search_bar;
  GtkSearchEntry   *search_entry;
  GtkSpinner       *search_spinner;
  GtkDropDown      *muscle_dropdown;
  GtkStack         *stack;
  GtkListView      *list_view;
  GtkRevealer      *last_night_revealer;
  GtkLabel         *last_night_label;
  GtkButton        *last_night_details_button;

  CrampSession     *session;
  CrampEpisodeList *episodes;
  gboolean          search_mode;
  char             *focus_id;   /* the cramp to give the focus once its row is there */
  guint             focus_source;
  guint             spinner_source;
  gint64            not_now_night;   /* the last night the user put off */
};

G_DEFINE_FINAL_TYPE (CrampHistoryPage, cramp_history_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_stack (CrampHistoryPage *self)
{
  const char *page = "list";

  if (g_list_model_get_n_items (G_LIST_MODEL (self->episodes)) == 0)
    page = cramp_episode_list_is_filtered (self->episodes) ? "no-results" : "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
}

/* A search that takes more than a moment shows a spinner beside the
 * entry; one that is quick shows none. */
#define SPINNER_DELAY_MS 150

static gboolean
show_spinner_cb (gpointer user_data)
{
  CrampHistoryPage *self = user_data;

  self->spinner_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->search_spinner), TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_searching_cb (CrampHistoryPage *self)
{
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  if (cramp_episode_list_get_searching (self->episodes))
    self->spinner_source = g_timeout_add (SPINNER_DELAY_MS, show_spinner_cb, self);
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->search_spinner), FALSE);
      /* found nothing where there was nothing: no change of the items */
      update_stack (self);
    }
}

static GtkWidget *
find_row_of (GtkWidget  *widget,
             const char *id)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (CRAMP_IS_EPISODE_ROW (c) && gtk_widget_get_visible (c) &&
          g_strcmp0 (cramp_episode_row_get_id (CRAMP_EPISODE_ROW (c)), id) == 0)
        return c;
      if ((found = find_row_of (c, id)))
        return found;
    }

  return NULL;
}

/* The list item around the row takes the focus: the row itself passes
 * it on (see cramp-episode-row.c), never to its bin. */
static gboolean
focus_row (CrampHistoryPage *self,
           const char       *id)
{
  GtkWidget *row = find_row_of (GTK_WIDGET (self->list_view), id);

  return row != NULL && gtk_widget_grab_focus (gtk_widget_get_parent (row));
}

/* Last night's question shows until the night has a cramp or a
 * record, or the user puts it off; not in a search. */
static void
update_last_night (CrampHistoryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  CrampNight record;
  gint64 night;
  gboolean ask;

  if (self->session == NULL || !cramp_session_has_diary (self->session))
    return;

  night = cramp_session_get_last_night (self->session);
  ask = night != self->not_now_night && !gtk_search_bar_get_search_mode (self->search_bar) &&
        !cramp_session_night_has_cramp (self->session, night, &error) && error == NULL &&
        !cramp_session_get_night (self->session, night, &record, &error) && error == NULL;
  if (error != NULL)
    g_warning ("Cannot read last night from the diary: %s", error->message);

  heading = cramp_format_night (night);
  gtk_label_set_label (self->last_night_label, heading);
  /* the target first: the action takes the night */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->last_night_details_button), "x", night);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->last_night_details_button), "win.night");
  gtk_revealer_set_reveal_child (self->last_night_revealer, ask);
}

static void
on_not_now_cb (CrampHistoryPage *self)
{
  self->not_now_night = cramp_session_get_last_night (self->session);
  update_last_night (self);
}

static gboolean
focus_later_cb (gpointer user_data)
{
  CrampHistoryPage *self = user_data;

  self->focus_source = 0;
  focus_row (self, self->focus_id);
  g_clear_pointer (&self->focus_id, g_free);
  return G_SOURCE_REMOVE;
}

static void
on_filter_changed_cb (CrampHistoryPage *self)
{
  guint muscle = gtk_drop_down_get_selected (self->muscle_dropdown);

  if (self->episodes == NULL)
    return;

  cramp_episode_list_set_filter (self->episodes,
                                 muscle == GTK_INVALID_LIST_POSITION ? CRAMP_MUSCLE_UNKNOWN : muscle,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search_cb (CrampHistoryPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->muscle_dropdown, 0);
}

static void
on_search_mode_changed_cb (CrampHistoryPage *self)
{
  /* Leaving search shows the whole history again; the focus goes to
   * the list, not to whatever button comes next. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      on_stop_search_cb (self);
      if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar)))
        gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
    }
  update_last_night (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
on_list_activate_cb (CrampHistoryPage *self,
                     guint             position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->episodes), position);

  if (CRAMP_IS_QUIET_NIGHT (item))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.night", "x",
                                cramp_quiet_night_get_night (CRAMP_QUIET_NIGHT (item)));
  else if (CRAMP_IS_EPISODE (item) && cramp_episode_get_id (CRAMP_EPISODE (item)) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-episode", "s",
                                cramp_episode_get_id (CRAMP_EPISODE (item)));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CrampHistoryPage         *self)
{
  gtk_list_item_set_child (item, cramp_episode_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CrampHistoryPage         *self)
{
  CrampEpisodeRow *row = CRAMP_EPISODE_ROW (gtk_list_item_get_child (item));
  GObject *object = gtk_list_item_get_item (item);
  CrampEpisode *episode;
  guint position = gtk_list_item_get_position (item);
  gboolean first_of_group = TRUE;

  if (CRAMP_IS_QUIET_NIGHT (object))
    {
      cramp_episode_row_set_quiet_night (row, cramp_quiet_night_get_night (CRAMP_QUIET_NIGHT (object)),
                                         cramp_quiet_night_get_sleep_disturbance (CRAMP_QUIET_NIGHT (object)));
      return;
    }

  episode = CRAMP_EPISODE (object);
  if (position > 0 && cramp_episode_get_started_at (episode) != NULL)
    {
      g_autoptr(GObject) above = g_list_model_get_item (G_LIST_MODEL (self->episodes), position - 1);

      first_of_group = !CRAMP_IS_EPISODE (above) ||
                       cramp_episode_get_started_at (CRAMP_EPISODE (above)) == NULL ||
                       cramp_episode_row_group_of (CRAMP_EPISODE (above)) != cramp_episode_row_group_of (episode);
    }

  cramp_episode_row_set_episode (row, episode, first_of_group);
}


static void
cramp_history_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CrampHistoryPage *self = CRAMP_HISTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, gtk_search_bar_get_search_mode (self->search_bar));
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_history_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CrampHistoryPage *self = CRAMP_HISTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      gtk_search_bar_set_search_mode (self->search_bar, g_value_get_boolean (value));
      break;

    case PROP_SESSION:
      cramp_history_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_history_page_dispose (GObject *object)
{
  CrampHistoryPage *self = (CrampHistoryPage *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRAMP_TYPE_HISTORY_PAGE);
  /* GTK 4.8 unparents only the named children of a template */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->episodes);
  g_clear_object (&self->session);
  g_clear_handle_id (&self->focus_source, g_source_remove);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  g_clear_pointer (&self->focus_id, g_free);

  G_OBJECT_CLASS (cramp_history_page_parent_class)->dispose (object);
}

/* The day may have changed while the window was away. */
static void
cramp_history_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cramp_history_page_parent_class)->map (widget);
  update_last_night (CRAMP_HISTORY_PAGE (widget));
}

static void
cramp_history_page_class_init (CrampHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cramp_history_page_dispose;
  object_class->get_property = cramp_history_page_get_property;
  object_class->set_property = cramp_history_page_set_property;
  widget_class->map = cramp_history_page_map;

  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CrampHistoryPage:session: (nullable)
   *
   * The session whose diary the page lists; set once.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CRAMP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crampdiary/CrampDiary/cramp-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrampHistoryPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CrampHistoryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrampHistoryPage, search_spinner);
  gtk_widget_class_bind_template_child (widget_class, CrampHistoryPage, muscle_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrampHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrampHistoryPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, CrampHistoryPage, last_night_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrampHistoryPage, last_night_label);
  gtk_widget_class_bind_template_child (widget_class, CrampHistoryPage, last_night_details_button);
  /* for the tests */
  gtk_widget_class_bind_template_child_full (widget_class, "not_now_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_not_now_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
}

static void
cramp_history_page_init (CrampHistoryPage *self)
{
  g_autoptr(GtkStringList) muscles = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->not_now_night = G_MININT64;

  gtk_string_list_append (muscles, _("All Muscles"));
  for (guint i = 1; i < cramp_vocab_size (CRAMP_VOCAB_MUSCLE); i++)
    gtk_string_list_append (muscles, cramp_vocab_label (CRAMP_VOCAB_MUSCLE, i));
  gtk_drop_down_set_model (self->muscle_dropdown, G_LIST_MODEL (muscles));
  cramp_a11y_name_drop_down (self->muscle_dropdown, _("Muscle"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("History"), -1);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_changed_cb), self, G_CONNECT_SWAPPED);
}

static gboolean
attach_model_cb (gpointer user_data)
{
  CrampHistoryPage *self = user_data;
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->episodes != NULL)
    {
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->episodes)));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    }
  return G_SOURCE_REMOVE;
}

/**
 * cramp_history_page_set_session:
 *
 * Lists the diary of @session, which is open; set once.
 */
void
cramp_history_page_set_session (CrampHistoryPage *self,
                                CrampSession     *session)
{
  g_return_if_fail (CRAMP_IS_HISTORY_PAGE (self));
  g_return_if_fail (CRAMP_IS_SESSION (session) && cramp_session_has_diary (session));
  g_return_if_fail (self->session == NULL || self->session == session);

  if (self->session != NULL)
    return;

  self->session = g_object_ref (session);
  self->episodes = cramp_session_list_episodes (session);
  cramp_episode_list_set_show_quiet_nights (self->episodes, TRUE);
  g_signal_connect_object (self->episodes, "items-changed",
                           G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->episodes, "notify::searching",
                           G_CALLBACK (on_searching_cb), self, G_CONNECT_SWAPPED);
  update_stack (self);
  g_signal_connect_object (session, "changed::episodes", G_CALLBACK (update_last_night), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "changed::nights", G_CALLBACK (update_last_night), self, G_CONNECT_SWAPPED);
  update_last_night (self);

  /* GTK 4.8's list view makes 200 rows at once, whatever fits: that
   * waits until the window's first frame is on screen. */
  g_idle_add_full (G_PRIORITY_LOW, attach_model_cb, g_object_ref (self), g_object_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * cramp_history_page_set_key_capture_widget:
 *
 * Typing anywhere in @widget starts a search, as in other GNOME apps.
 */
void
cramp_history_page_set_key_capture_widget (CrampHistoryPage *self,
                                           GtkWidget        *widget)
{
  g_return_if_fail (CRAMP_IS_HISTORY_PAGE (self));

  gtk_search_bar_set_key_capture_widget (self->search_bar, widget);
}

void
cramp_history_page_focus_search (CrampHistoryPage *self)
{
  g_return_if_fail (CRAMP_IS_HISTORY_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * cramp_history_page_reveal:
 *
 * Scrolls to the episode with @id, showing the whole history first if a
 * search hides it.
 */
void
cramp_history_page_reveal (CrampHistoryPage *self,
                           const char       *id)
{
  guint position;

  g_return_if_fail (CRAMP_IS_HISTORY_PAGE (self));

  if (self->episodes == NULL)
    return;

  position = cramp_episode_list_find (self->episodes, id);
  if (position == G_MAXUINT && cramp_episode_list_is_filtered (self->episodes))
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      position = cramp_episode_list_find (self->episodes, id);
    }

  if (position != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/**
 * cramp_history_page_focus_episode:
 *
 * Reveals the episode with @id and gives its row the keyboard focus,
 * once the list has caught up with the diary and made the row.
 */
void
cramp_history_page_focus_episode (CrampHistoryPage *self,
                                  const char       *id)
{
  g_return_if_fail (CRAMP_IS_HISTORY_PAGE (self));
  g_return_if_fail (id != NULL);

  cramp_history_page_reveal (self, id);
  g_clear_handle_id (&self->focus_source, g_source_remove);
  g_free (self->focus_id);
  /* after the list has caught up with the diary and laid out its rows */
  self->focus_id = g_strdup (id);
  self->focus_source = g_idle_add_full (G_PRIORITY_LOW, focus_later_cb, self, NULL);
}

/**
 * cramp_history_page_focus_neighbour:
 *
 * Before the episode with @id is removed: gives the focus to the row
 * that takes its place, the next older cramp, or the newer one at the
 * end of the list.
 */
void
cramp_history_page_focus_neighbour (CrampHistoryPage *self,
                                    const char       *id)
{
  GListModel *model;
  g_autoptr(GObject) neighbour = NULL;
  guint position;

  g_return_if_fail (CRAMP_IS_HISTORY_PAGE (self));
  g_return_if_fail (id != NULL);

  if (self->episodes == NULL)
    return;

  model = G_LIST_MODEL (self->episodes);
  position = cramp_episode_list_find (self->episodes, id);
  if (position == G_MAXUINT)
    return;
  if (position + 1 < g_list_model_get_n_items (model))
    neighbour = g_list_model_get_item (model, position + 1);
  else if (position > 0)
    neighbour = g_list_model_get_item (model, position - 1);

  if (CRAMP_IS_EPISODE (neighbour) && cramp_episode_get_id (CRAMP_EPISODE (neighbour)) != NULL)
    cramp_history_page_focus_episode (self, cramp_episode_get_id (CRAMP_EPISODE (neighbour)));
}
