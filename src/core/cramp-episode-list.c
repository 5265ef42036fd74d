/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-episode-list"

#include "config.h"

#include "cramp-episode-list.h"
#include "cramp-store-episodes.h"
#include "cramp-store-nights.h"
#include "cramp-time.h"

/*
 * The history, newest first, as a GListModel that does not hold the
 * diary in memory: it keeps one small key per episode, in display order,
 * and reads the episodes themselves from SQLite in batches as the list
 * view asks for them. A change of the diary reloads the keys and reports
 * only the range that differs, so a list scrolled far down stays put.
 * A search reads its keys in a worker thread; many new keys at once are
 * shown a part at a time.
 *
 * The history also shows the nights the user said were quiet, each where
 * its night falls among the cramps: such a night's key has a negative
 * row (-1 - night), the time the night ended (noon after it, on this
 * computer's clock) and, as its revision, when it was recorded.
 */

struct _CrampQuietNight
{
  GObject parent_instance;

  gint64  night;
  int     sleep_disturbance;
};

G_DEFINE_FINAL_TYPE (CrampQuietNight, cramp_quiet_night, G_TYPE_OBJECT)

static void
cramp_quiet_night_class_init (CrampQuietNightClass *klass)
{
}

static void
cramp_quiet_night_init (CrampQuietNight *self)
{
}

/**
 * cramp_quiet_night_get_night:
 *
 * Returns: the night, as cramp_time_night_of() gives it
 */
gint64
cramp_quiet_night_get_night (CrampQuietNight *self)
{
  g_return_val_if_fail (CRAMP_IS_QUIET_NIGHT (self), 0);

  return self->night;
}

/**
 * cramp_quiet_night_get_sleep_disturbance:
 *
 * Returns: how much cramps disturbed the sleep, 0–10, or %CRAMP_UNSET
 */
int
cramp_quiet_night_get_sleep_disturbance (CrampQuietNight *self)
{
  g_return_val_if_fail (CRAMP_IS_QUIET_NIGHT (self), CRAMP_UNSET);

  return self->sleep_disturbance;
}

#define BATCH_SIZE 64
#define MANY_ADDED 256
/* GTK 4.8's list view makes a row for each of the first this many items */
#define ROWS_MADE 200
#define ROWS_A_TURN 40
#define PART_INTERVAL_MS 20
#define CACHE_LIMIT 4096

typedef struct
{
  gint64        revision;
  CrampEpisode *episode;
} Cached;

struct _CrampEpisodeList
{
  GObject      parent_instance;

  CrampStore  *store;
  GArray      *keys;       /* CrampEpisodeKey */
  GHashTable  *cache;      /* gint64 row → Cached */
  char        *needle;     /* case-folded search text, or NULL */
  CrampMuscle  muscle;
  gboolean     show_quiet_nights;
  GHashTable  *quiet;      /* gint64 row of a quiet night → CrampNight */
  GCancellable *search;    /* the filtered keys being read in a thread, or NULL */
  GArray      *pending;    /* keys being shown a part at a time, or NULL */
  guint        pending_start;
  guint        pending_at; /* those before this are shown */
  guint        pending_source;
};

enum {
  PROP_0,
  PROP_SEARCHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrampEpisodeList, cramp_episode_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
cached_free (gpointer data)
{
  Cached *cached = data;

  g_object_unref (cached->episode);
  g_free (cached);
}

/* Noon after @night on this computer's clock: a quiet night has no
 * cramp, so it comes after the cramps that began then or later. */
static gint64
night_end (GTimeZone *zone,
           gint64     night)
{
  g_autoptr(GDateTime) noon = cramp_time_night_start (night + 1, 0);
  g_autoptr(GDateTime) local = g_date_time_new (zone, g_date_time_get_year (noon), g_date_time_get_month (noon),
                                                g_date_time_get_day_of_month (noon), 12, 0, 0);

  return g_date_time_to_unix (local);
}

/* The cramps' keys, newest first, with the quiet nights among them. */
static GArray *
merge_quiet_nights (CrampEpisodeList *self,
                    GArray           *episodes)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GArray) nights = NULL;
  g_autoptr(GError) error = NULL;
  GArray *keys;
  guint e = 0;

  g_hash_table_remove_all (self->quiet);
  if (!(nights = cramp_store_list_nights (self->store, 0, G_MAXINT64, &error)))
    {
      g_warning ("Cannot list the nights of the diary: %s", error->message);
      return g_array_ref (episodes);
    }

  keys = g_array_sized_new (FALSE, FALSE, sizeof (CrampEpisodeKey), episodes->len + nights->len);
  /* the nights are oldest first */
  for (guint n = nights->len; n-- > 0;)
    {
      const CrampNight *record = &g_array_index (nights, CrampNight, n);
      CrampEpisodeKey key = { -1 - record->night, record->recorded_at, night_end (zone, record->night) };

      if (!record->quiet)
        continue;
      while (e < episodes->len && g_array_index (episodes, CrampEpisodeKey, e).started_utc >= key.started_utc)
        g_array_append_val (keys, g_array_index (episodes, CrampEpisodeKey, e++));
      g_array_append_val (keys, key);
      g_hash_table_insert (self->quiet, g_memdup2 (&key.row, sizeof key.row),
                           g_memdup2 (record, sizeof *record));
    }
  if (e < episodes->len)
    g_array_append_vals (keys, &g_array_index (episodes, CrampEpisodeKey, e), episodes->len - e);

  return keys;
}

/* The whole history's keys: a quick read of one index. */
static GArray *
load_keys (CrampEpisodeList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) keys = cramp_store_list_keys (self->store, CRAMP_MUSCLE_UNKNOWN, NULL, NULL, &error);

  if (keys == NULL)
    {
      g_warning ("Cannot list the diary: %s", error->message);
      return g_array_new (FALSE, FALSE, sizeof (CrampEpisodeKey));
    }

  if (self->show_quiet_nights)
    return merge_quiet_nights (self, keys);

  return g_steal_pointer (&keys);
}

static inline gboolean
key_equal (const CrampEpisodeKey *a,
           const CrampEpisodeKey *b)
{
  return a->row == b->row && a->revision == b->revision;
}

static void
notify_searching (CrampEpisodeList *self,
                  gboolean          was_searching)
{
  if (was_searching != cramp_episode_list_get_searching (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/* The next of the keys being shown a part at a time: a part of the rows
 * the list view makes, or all the rest once it has made them. */
static gboolean
show_next_part_cb (gpointer user_data)
{
  CrampEpisodeList *self = user_data;
  /* the list holds what the old and the new share, and the new shown so far */
  guint left = self->pending->len - self->keys->len;
  guint made = self->pending_at - self->pending_start;
  guint n = made < ROWS_MADE ? MIN (left, ROWS_A_TURN) : left;

  g_array_insert_vals (self->keys, self->pending_at,
                       &g_array_index (self->pending, CrampEpisodeKey, self->pending_at), n);
  self->pending_at += n;
  g_list_model_items_changed (G_LIST_MODEL (self), self->pending_at - n, 0, n);
  if (self->keys->len < self->pending->len)
    return G_SOURCE_CONTINUE;

  self->pending_source = 0;
  g_clear_pointer (&self->pending, g_array_unref);
  notify_searching (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
stop_showing (CrampEpisodeList *self)
{
  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_pointer (&self->pending, g_array_unref);
}

/* Shows @keys in place of the list's, reporting only the range that
 * differs. */
static void
replace_keys (CrampEpisodeList *self,
              GArray           *keys)
{
  g_autoptr(GArray) old = NULL;
  guint old_n, new_n, prefix = 0, suffix = 0, removed, added;

  /* a part still to be shown of what came before is not */
  stop_showing (self);
  old = self->keys;
  old_n = old ? old->len : 0;
  self->keys = keys;
  new_n = self->keys->len;

  while (prefix < old_n && prefix < new_n &&
         key_equal (&g_array_index (old, CrampEpisodeKey, prefix),
                    &g_array_index (self->keys, CrampEpisodeKey, prefix)))
    prefix++;

  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         key_equal (&g_array_index (old, CrampEpisodeKey, old_n - 1 - suffix),
                    &g_array_index (self->keys, CrampEpisodeKey, new_n - 1 - suffix)))
    suffix++;

  removed = old_n - prefix - suffix;
  added = new_n - prefix - suffix;

  if (g_hash_table_size (self->cache) > CACHE_LIMIT)
    g_hash_table_remove_all (self->cache);

  if (removed == 0 && added == 0)
    return;

  /* A row shows the night it belongs to when the row above it is of
   * another night, so the row after a change may need redrawing too. */
  if (suffix > 0)
    {
      removed++;
      added++;
    }

  if (removed == 0 || added <= MANY_ADDED)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
      return;
    }

  /* GTK 4.8 reads every item of a change that both removes and adds
   * many, looking for the rows it removed among those added: all the
   * cramps a search found, from disk, in the thread that draws. So the
   * old go first, leaving what the old and the new have in common; then
   * the new come a part at a time, each part in a turn of the main loop
   * of its own, as the list view makes a row for each of the first 200
   * at once. */
  self->pending = g_steal_pointer (&self->keys);
  self->keys = g_array_sized_new (FALSE, FALSE, sizeof (CrampEpisodeKey), new_n);
  g_array_append_vals (self->keys, old->data, prefix);
  g_array_append_vals (self->keys, &g_array_index (old, CrampEpisodeKey, prefix + removed), old_n - prefix - removed);
  self->pending_start = self->pending_at = prefix;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, 0);

  /* a timeout, not an idle, which the frames of a window whose drawing
   * takes longer than a frame would keep from ever running */
  if (show_next_part_cb (self) == G_SOURCE_CONTINUE)
    self->pending_source = g_timeout_add (PART_INTERVAL_MS, show_next_part_cb, self);
}

typedef struct
{
  CrampStore  *reader;
  CrampMuscle  muscle;
  char        *needle;
} Search;

static void
search_free (gpointer data)
{
  Search *search = data;

  g_clear_object (&search->reader);
  g_free (search->needle);
  g_free (search);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Search *search = task_data;
  GError *error = NULL;
  GArray *keys = cramp_store_list_keys (search->reader, search->muscle, search->needle, cancellable, &error);

  if (keys == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, keys, (GDestroyNotify) g_array_unref);
}

static void
search_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CrampEpisodeList) self = user_data;
  g_autoptr(GError) error = NULL;
  GArray *keys = g_task_propagate_pointer (G_TASK (result), &error);

  /* a newer search took its place */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->search);
  if (keys == NULL)
    {
      g_warning ("Cannot search the diary: %s", error->message);
      keys = g_array_new (FALSE, FALSE, sizeof (CrampEpisodeKey));
    }
  replace_keys (self, keys);
  notify_searching (self, TRUE);
}

/* A search reads the whole diary, too long for the thread that draws
 * the window: it runs in a worker thread on a read-only connection of
 * its own, and the list shows what it found when it is done. A search
 * under way when the filter or the diary changes is stopped. */
static void
start_search (CrampEpisodeList *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_searching = cramp_episode_list_get_searching (self);
  Search *search;

  g_cancellable_cancel (self->search);
  g_clear_object (&self->search);
  self->search = g_cancellable_new ();

  /* no source object: the list is let go of in this thread, in the
   * callback, never in the worker's */
  task = g_task_new (NULL, self->search, search_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_search);
  search = g_new0 (Search, 1);
  search->muscle = self->muscle;
  search->needle = g_strdup (self->needle);
  g_task_set_task_data (task, search, search_free);

  notify_searching (self, was_searching);

  if (!(search->reader = cramp_store_open_reader (self->store, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_run_in_thread (task, search_thread);
}

static void
reload (CrampEpisodeList *self)
{
  gboolean was_searching = cramp_episode_list_get_searching (self);

  if (cramp_episode_list_is_filtered (self))
    {
      start_search (self);
      return;
    }

  g_cancellable_cancel (self->search);
  g_clear_object (&self->search);
  replace_keys (self, load_keys (self));
  notify_searching (self, was_searching);
}

static void
on_store_changed_cb (CrampEpisodeList *self,
                     CrampStoreChange  change,
                     CrampStore       *store)
{
  reload (self);
}

static void
on_nights_changed_cb (CrampEpisodeList *self,
                      CrampStoreChange  change,
                      CrampStore       *store)
{
  if (self->show_quiet_nights)
    reload (self);
}

static void
fetch_batch (CrampEpisodeList *self,
             guint             position)
{
  guint first = position > BATCH_SIZE / 4 ? position - BATCH_SIZE / 4 : 0;
  guint last = MIN (first + BATCH_SIZE, self->keys->len);

  for (guint i = first; i < last; i++)
    {
      const CrampEpisodeKey *key = &g_array_index (self->keys, CrampEpisodeKey, i);
      Cached *cached = g_hash_table_lookup (self->cache, &key->row);
      g_autoptr(GError) error = NULL;
      CrampEpisode *episode;
      gint64 revision;

      if (key->row < 0 || (cached != NULL && cached->revision == key->revision))
        continue;

      if ((episode = cramp_store_read_row (self->store, key->row, &revision, &error)))
        {
          cached = g_new (Cached, 1);
          cached->episode = episode;
          cached->revision = revision;
          g_hash_table_replace (self->cache, g_memdup2 (&key->row, sizeof key->row), cached);
        }
      else if (error != NULL)
        {
          g_warning ("Cannot read the diary: %s", error->message);
          return;
        }
    }
}

/* A CrampEpisode, or a CrampQuietNight where the list shows them */
static GType
cramp_episode_list_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
cramp_episode_list_get_n_items (GListModel *model)
{
  CrampEpisodeList *self = CRAMP_EPISODE_LIST (model);

  return self->keys->len;
}

static gpointer
cramp_episode_list_get_item (GListModel *model,
                             guint       position)
{
  CrampEpisodeList *self = CRAMP_EPISODE_LIST (model);
  const CrampEpisodeKey *key;
  Cached *cached;

  if (position >= self->keys->len)
    return NULL;

  key = &g_array_index (self->keys, CrampEpisodeKey, position);
  if (key->row < 0)
    {
      const CrampNight *record = g_hash_table_lookup (self->quiet, &key->row);
      CrampQuietNight *night = g_object_new (CRAMP_TYPE_QUIET_NIGHT, NULL);

      night->night = record->night;
      night->sleep_disturbance = record->sleep_disturbance;
      return night;
    }

  cached = g_hash_table_lookup (self->cache, &key->row);
  if (cached == NULL || cached->revision != key->revision)
    {
      fetch_batch (self, position);
      cached = g_hash_table_lookup (self->cache, &key->row);
    }

  /* Deleted by another process a moment ago; the reload that is on its
   * way removes the row. */
  if (cached == NULL)
    return cramp_episode_new_empty ();

  return g_object_ref (cached->episode);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cramp_episode_list_get_item_type;
  iface->get_n_items = cramp_episode_list_get_n_items;
  iface->get_item = cramp_episode_list_get_item;
}

static void
cramp_episode_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CrampEpisodeList *self = CRAMP_EPISODE_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCHING:
      g_value_set_boolean (value, cramp_episode_list_get_searching (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_episode_list_dispose (GObject *object)
{
  CrampEpisodeList *self = (CrampEpisodeList *) object;

  g_cancellable_cancel (self->search);
  g_clear_object (&self->search);
  stop_showing (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cramp_episode_list_parent_class)->dispose (object);
}

static void
cramp_episode_list_finalize (GObject *object)
{
  CrampEpisodeList *self = (CrampEpisodeList *) object;

  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->quiet, g_hash_table_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (cramp_episode_list_parent_class)->finalize (object);
}

static void
cramp_episode_list_class_init (CrampEpisodeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = cramp_episode_list_get_property;
  object_class->dispose = cramp_episode_list_dispose;
  object_class->finalize = cramp_episode_list_finalize;

  /**
   * CrampEpisodeList:searching:
   *
   * Whether a search is under way in a worker thread, or many cramps
   * are being shown a part at a time (what a search found, or the whole
   * history again): until it is %FALSE, the list shows what it showed
   * before, or a part of what comes.
   */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cramp_episode_list_init (CrampEpisodeList *self)
{
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, cached_free);
  self->quiet = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/**
 * cramp_episode_list_new:
 *
 * Returns: (transfer full): the episodes of @store, newest first, kept up
 *   to date as the store changes: #CrampEpisode items, and
 *   #CrampQuietNight ones if asked for
 */
CrampEpisodeList *
cramp_episode_list_new (CrampStore *store)
{
  CrampEpisodeList *self;

  g_return_val_if_fail (CRAMP_IS_STORE (store), NULL);

  self = g_object_new (CRAMP_TYPE_EPISODE_LIST, NULL);
  self->store = g_object_ref (store);
  self->keys = load_keys (self);
  g_signal_connect_object (store, "changed::episodes", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::nights", G_CALLBACK (on_nights_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

CrampStore *
cramp_episode_list_get_store (CrampEpisodeList *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE_LIST (self), NULL);

  return self->store;
}

/**
 * cramp_episode_list_set_filter:
 * @muscle: the muscle to show, or %CRAMP_MUSCLE_UNKNOWN for all
 * @text: (nullable): text to find in the notes, the medications or the
 *   words shown for the muscle, side, activity, relief, symptoms and
 *   triggers, without regard to case
 *
 * Shows only the cramps that match, once a search in a worker thread
 * has found them (see #CrampEpisodeList:searching); no filter shows the
 * whole history at once.
 */
void
cramp_episode_list_set_filter (CrampEpisodeList *self,
                               CrampMuscle       muscle,
                               const char       *text)
{
  g_autofree char *needle = NULL;

  g_return_if_fail (CRAMP_IS_EPISODE_LIST (self));

  if (text != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (stripped[0] != '\0')
        needle = g_utf8_casefold (stripped, -1);
    }

  if (muscle == self->muscle && g_strcmp0 (needle, self->needle) == 0)
    return;

  self->muscle = muscle;
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  reload (self);
}

gboolean
cramp_episode_list_get_searching (CrampEpisodeList *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE_LIST (self), FALSE);

  return self->search != NULL || self->pending != NULL;
}

gboolean
cramp_episode_list_is_filtered (CrampEpisodeList *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE_LIST (self), FALSE);

  return self->muscle != CRAMP_MUSCLE_UNKNOWN || self->needle != NULL;
}

/**
 * cramp_episode_list_set_show_quiet_nights:
 *
 * Whether the list shows the nights the user said were quiet, each as a
 * #CrampQuietNight where the night falls among the cramps. A search shows
 * cramps only.
 */
void
cramp_episode_list_set_show_quiet_nights (CrampEpisodeList *self,
                                          gboolean          show)
{
  g_return_if_fail (CRAMP_IS_EPISODE_LIST (self));

  if (self->show_quiet_nights == !!show)
    return;
  self->show_quiet_nights = !!show;
  reload (self);
}

/**
 * cramp_episode_list_find:
 *
 * Returns: the position of the episode with @id, or %G_MAXUINT if it is
 *   not in the list.
 */
guint
cramp_episode_list_find (CrampEpisodeList *self,
                         const char       *id)
{
  gint64 row;

  g_return_val_if_fail (CRAMP_IS_EPISODE_LIST (self), G_MAXUINT);
  g_return_val_if_fail (id != NULL, G_MAXUINT);

  if (!cramp_store_find_row (self->store, id, &row))
    return G_MAXUINT;

  for (guint i = 0; i < self->keys->len; i++)
    {
      if (g_array_index (self->keys, CrampEpisodeKey, i).row == row)
        return i;
    }

  return G_MAXUINT;
}
