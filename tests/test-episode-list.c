/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "cramp-episode-list.h"
#include "cramp-store-episodes.h"
#include "cramp-store-nights.h"
#include "cramp-test-utils.h"

/* Large enough that the list has to page through SQLite. */
#define N_EPISODES 20000
/* every third is of the foot, the others of the calf */
#define N_CALF (N_EPISODES - (N_EPISODES + 2) / 3)

typedef struct
{
  char             *dir;
  CrampStore       *store;
  CrampEpisodeList *list;
  GArray           *changes;    /* Change, as the list reported them */
} Fixture;

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  Change change = { position, removed, added };

  g_array_append_val (fixture->changes, change);
}

/* Episode i starts i hours after the first, so the newest is the last. */
static CrampEpisode *
nth_episode (guint i)
{
  g_autoptr(GDateTime) first = g_date_time_new_utc (2015, 1, 1, 3, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_add_hours (first, i);
  CrampEpisode *episode = cramp_episode_new (start);

  cramp_episode_set_muscle (episode, i % 3 == 0 ? CRAMP_MUSCLE_FOOT : CRAMP_MUSCLE_CALF);
  if (i % 100 == 0)
    cramp_episode_set_notes (episode, "Ärger with the STAIRS");
  if (i % 7 == 0)
    cramp_episode_set_side (episode, CRAMP_SIDE_LEFT);
  if (i % 50 == 0)
    cramp_episode_set_symptoms (episode, CRAMP_SYMPTOM_NUMBNESS | CRAMP_SYMPTOM_TINGLING);
  if (i % 40 == 0)
    cramp_episode_set_relieved_by (episode, CRAMP_RELIEF_MASSAGE);
  return episode;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = NULL;

  fixture->dir = cramp_test_mkdtemp ();
  path = g_build_filename (fixture->dir, "diary.sqlite3", NULL);
  fixture->store = cramp_store_open (path, NULL);
  g_assert_nonnull (fixture->store);

  for (guint i = 0; i < N_EPISODES; i++)
    g_ptr_array_add (episodes, nth_episode (i));
  g_assert_true (cramp_store_import (fixture->store, episodes, NULL, NULL, NULL));

  fixture->list = cramp_episode_list_new (fixture->store);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_signal_connect (fixture->list, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->list);
  g_clear_object (&fixture->store);
  g_array_unref (fixture->changes);
  cramp_test_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Filters @list and waits for the search in its worker thread. */
static void
filter (CrampEpisodeList *list,
        CrampMuscle       muscle,
        const char       *text)
{
  cramp_episode_list_set_filter (list, muscle, text);
  while (cramp_episode_list_get_searching (list))
    g_main_context_iteration (NULL, TRUE);
}

static gint64
start_at (GListModel *model,
          guint       position)
{
  g_autoptr(CrampEpisode) episode = g_list_model_get_item (model, position);

  g_assert_nonnull (episode);
  return g_date_time_to_unix (cramp_episode_get_started_at (episode));
}

static void
test_count_order (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->list);
  gint64 previous = G_MAXINT64;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_EPISODES);
  g_assert_true (g_list_model_get_item_type (model) == G_TYPE_OBJECT);
  g_assert_null (g_list_model_get_item (model, N_EPISODES));

  /* newest first, all the way down, read in random order */
  for (guint i = 0; i < N_EPISODES; i++)
    {
      gint64 start = start_at (model, i);

      g_assert_cmpint (start, <, previous);
      previous = start;
    }
  for (guint i = 0; i < 500; i++)
    {
      guint position = g_random_int_range (0, N_EPISODES);
      g_autoptr(CrampEpisode) expected = nth_episode (N_EPISODES - 1 - position);

      g_assert_cmpint (start_at (model, position), ==,
                       g_date_time_to_unix (cramp_episode_get_started_at (expected)));
    }

  /* the same object while it is cached, as list widgets expect */
  {
    g_autoptr(GObject) a = g_list_model_get_item (model, 7);
    g_autoptr(GObject) b = g_list_model_get_item (model, 7);
    g_assert_true (a == b);
  }
}

static void
assert_one_change (Fixture *fixture,
                   guint    position,
                   guint    removed,
                   guint    added)
{
  Change *change;

  g_assert_cmpuint (fixture->changes->len, ==, 1);
  change = &g_array_index (fixture->changes, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (fixture->changes, 0);
}

static void
test_insert_remove_while_scrolled (Fixture       *fixture,
                                   gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->list);
  g_autoptr(CrampEpisode) middle = NULL;
  g_autoptr(CrampEpisode) inserted = NULL;
  g_autoptr(GDateTime) when = NULL;
  guint position = 12345;

  /* "scrolled" far down: the rows there have been read */
  middle = g_list_model_get_item (model, position);
  g_assert_nonnull (middle);

  /* a new episode between positions 12344 and 12345: the list reports
   * the insertion there, and the row after it for its night heading */
  when = g_date_time_add_minutes (cramp_episode_get_started_at (middle), 30);
  inserted = cramp_episode_new (when);
  g_assert_true (cramp_store_add (fixture->store, inserted, NULL));
  assert_one_change (fixture, position, 1, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_EPISODES + 1);
  g_assert_cmpint (start_at (model, position), ==, g_date_time_to_unix (when));

  /* edited in place: that row alone (and the one below it) changes */
  cramp_episode_set_intensity (inserted, 5);
  g_assert_true (cramp_store_update (fixture->store, inserted, NULL));
  assert_one_change (fixture, position, 2, 2);
  {
    g_autoptr(CrampEpisode) read = g_list_model_get_item (model, position);
    g_assert_cmpint (cramp_episode_get_intensity (read), ==, 5);
  }

  /* removed again */
  g_assert_true (cramp_store_remove (fixture->store, cramp_episode_get_id (inserted), NULL));
  assert_one_change (fixture, position, 2, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_EPISODES);

  /* the newest removed: position 0 goes, nothing after it to redraw but
   * the new first row */
  {
    g_autoptr(CrampEpisode) newest = g_list_model_get_item (model, 0);
    g_assert_true (cramp_store_remove (fixture->store, cramp_episode_get_id (newest), NULL));
    assert_one_change (fixture, 0, 2, 1);
  }

  /* the oldest removed: the last row goes, nothing after it */
  {
    g_autoptr(CrampEpisode) oldest = g_list_model_get_item (model, N_EPISODES - 2);
    g_assert_true (cramp_store_remove (fixture->store, cramp_episode_get_id (oldest), NULL));
    assert_one_change (fixture, N_EPISODES - 2, 1, 0);
  }
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->list);

  filter (fixture->list, CRAMP_MUSCLE_FOOT, NULL);
  g_assert_true (cramp_episode_list_is_filtered (fixture->list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, (N_EPISODES + 2) / 3);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(CrampEpisode) episode = g_list_model_get_item (model, i);
      g_assert_cmpint (cramp_episode_get_muscle (episode), ==, CRAMP_MUSCLE_FOOT);
    }

  /* text, without regard to case in any script */
  filter (fixture->list, CRAMP_MUSCLE_UNKNOWN, "  ärger with the stairs ");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_EPISODES / 100);

  filter (fixture->list, CRAMP_MUSCLE_FOOT, "ÄRGER");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, (N_EPISODES / 100 + 2) / 3);

  filter (fixture->list, CRAMP_MUSCLE_UNKNOWN, "nothing like this");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  /* the words the rows show: muscle, side, symptoms, relief */
  filter (fixture->list, CRAMP_MUSCLE_UNKNOWN, "calf");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_CALF);
  filter (fixture->list, CRAMP_MUSCLE_UNKNOWN, "Left");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, (N_EPISODES + 6) / 7);
  filter (fixture->list, CRAMP_MUSCLE_UNKNOWN, "numb");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_EPISODES / 50);
  filter (fixture->list, CRAMP_MUSCLE_UNKNOWN, "tingl");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_EPISODES / 50);
  filter (fixture->list, CRAMP_MUSCLE_FOOT, "MASSAGE");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, (N_EPISODES + 119) / 120);

  filter (fixture->list, CRAMP_MUSCLE_UNKNOWN, NULL);
  g_assert_false (cramp_episode_list_is_filtered (fixture->list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_EPISODES);
}

/* The search runs beside the window: the list shows what it showed
 * until the search is done, and a newer search replaces one under way,
 * whose result is never shown. */
static void
test_search_latest (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->list);
  g_autoptr(GArray) keys = NULL;

  cramp_episode_list_set_filter (fixture->list, CRAMP_MUSCLE_UNKNOWN, "stairs");
  g_assert_true (cramp_episode_list_get_searching (fixture->list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_EPISODES);
  cramp_episode_list_set_filter (fixture->list, CRAMP_MUSCLE_UNKNOWN, "calf");
  while (cramp_episode_list_get_searching (fixture->list))
    g_main_context_iteration (NULL, TRUE);

  /* the old rows go, then the new come a part at a time, each part
   * after the last: GTK 4.8 would read every item of one change that
   * removes and adds many, and makes a row for each of the first 200 */
  g_assert_cmpuint (fixture->changes->len, >, 2);
  g_assert_cmpuint (g_array_index (fixture->changes, Change, 0).added, ==, 0);
  for (guint i = 1; i < fixture->changes->len; i++)
    {
      const Change *part = &g_array_index (fixture->changes, Change, i);
      const Change *before = &g_array_index (fixture->changes, Change, i - 1);
      /* the last part is all the rest */
      guint most = i < fixture->changes->len - 1 ? 40 : N_CALF;

      g_assert_cmpuint (part->removed, ==, 0);
      g_assert_cmpuint (part->added, <=, most);
      if (i > 1)
        g_assert_cmpuint (part->position, ==, before->position + before->added);
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_CALF);

  /* the same cramps, in the same order, as the query read at once */
  keys = cramp_store_list_keys (fixture->store, CRAMP_MUSCLE_UNKNOWN, "calf", NULL, NULL);
  g_assert_cmpuint (keys->len, ==, N_CALF);
  for (guint i = 0; i < keys->len; i++)
    g_assert_cmpint (start_at (model, i), ==, g_array_index (keys, CrampEpisodeKey, i).started_utc);

  /* no filter: the whole history, without a search, a part at a time
   * all the same; a filter chosen meanwhile is what shows */
  cramp_episode_list_set_filter (fixture->list, CRAMP_MUSCLE_FOOT, NULL);
  cramp_episode_list_set_filter (fixture->list, CRAMP_MUSCLE_UNKNOWN, NULL);
  g_assert_true (cramp_episode_list_get_searching (fixture->list));
  g_main_context_iteration (NULL, TRUE);
  filter (fixture->list, CRAMP_MUSCLE_UNKNOWN, "stairs");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_EPISODES / 100);
  filter (fixture->list, CRAMP_MUSCLE_UNKNOWN, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_EPISODES);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_EPISODES);
}

/* A cramp written while a search is under way is in what it finds. */
static void
test_search_while_writing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CrampEpisode) added = nth_episode (N_EPISODES + 100);

  /* in capitals, and all ASCII (folded otherwise than other text) */
  cramp_episode_set_notes (added, "Up the STAIRS again");
  cramp_episode_list_set_filter (fixture->list, CRAMP_MUSCLE_UNKNOWN, "stairs");
  g_assert_true (cramp_store_add (fixture->store, added, NULL));
  while (cramp_episode_list_get_searching (fixture->list))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, N_EPISODES / 100 + 1);
  g_assert_cmpint (start_at (G_LIST_MODEL (fixture->list), 0), ==,
                   g_date_time_to_unix (cramp_episode_get_started_at (added)));
}

static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->list);
  g_autoptr(CrampEpisode) episode = g_list_model_get_item (model, 777);

  g_assert_cmpuint (cramp_episode_list_find (fixture->list, cramp_episode_get_id (episode)), ==, 777);
  g_assert_cmpuint (cramp_episode_list_find (fixture->list, "0b7f5e4c-3c1d-4b52-9a3e-6f1d2c9a8b10"), ==, G_MAXUINT);
}

static void
test_external_change (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->list);
  g_autofree char *path = g_build_filename (fixture->dir, "diary.sqlite3", NULL);
  g_autoptr(CrampStore) other = cramp_store_open (path, NULL);
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);

  /* another process adds three newer episodes and deletes one */
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (episodes, nth_episode (N_EPISODES + i));
  g_assert_true (cramp_store_import (other, episodes, NULL, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_EPISODES);

  g_assert_true (cramp_store_check_for_changes (fixture->store));
  assert_one_change (fixture, 0, 1, 4);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_EPISODES + 3);
}

/* A cramp at @hour:30 local time in the morning after the evening of
 * 2026-03-@day. */
static CrampEpisode *
cramp_after (int day,
             int hour)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, day + 1, hour, 30, 0);

  return cramp_episode_new (start);
}

static gint64
night_of_march (int day)
{
  g_autoptr(GDateTime) evening = g_date_time_new_local (2026, 3, day, 22, 0, 0);

  return cramp_time_night_of (evening);
}

/* What the list holds: "q5" for the quiet night of 5 March, "c5" for a
 * cramp of that night. */
static char *
describe_list (GListModel *model)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 night;

      if (CRAMP_IS_QUIET_NIGHT (item))
        night = cramp_quiet_night_get_night (CRAMP_QUIET_NIGHT (item));
      else
        night = cramp_episode_get_night (CRAMP_EPISODE (item));
      g_string_append_printf (text, "%s%c%d", i ? " " : "", CRAMP_IS_QUIET_NIGHT (item) ? 'q' : 'c',
                              (int) (night - night_of_march (1) + 1));
    }
  return g_string_free (text, FALSE);
}

static void
mark_quiet (CrampStore *store,
            int         day,
            int         sleep_disturbance)
{
  CrampNight record = { night_of_march (day), TRUE, sleep_disturbance, 1700000000 + day };

  g_assert_true (cramp_store_set_night (store, &record, NULL));
}

/* Quiet nights where they fall among the cramps, newest first; none in
 * a search; gone when a cramp comes on one. */
static void
test_quiet_nights (void)
{
  g_autofree char *dir = cramp_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "diary.sqlite3", NULL);
  g_autoptr(CrampStore) store = cramp_store_open (path, NULL);
  g_autoptr(CrampEpisodeList) list = cramp_episode_list_new (store);
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrampEpisode) late = cramp_after (4, 11);
  g_autoptr(GObject) item = NULL;
  g_autofree char *text = NULL;

  /* two cramps the night of 3 March, the later just before noon; one of
   * 5 March; one the afternoon of 6 March, of the night that began then */
  g_ptr_array_add (episodes, cramp_after (3, 2));
  g_ptr_array_add (episodes, cramp_after (3, 11));
  g_ptr_array_add (episodes, cramp_after (5, 4));
  g_ptr_array_add (episodes, cramp_after (5, 14));
  g_assert_true (cramp_store_import (store, episodes, NULL, NULL, NULL));
  mark_quiet (store, 2, CRAMP_UNSET);
  mark_quiet (store, 4, 3);
  mark_quiet (store, 7, CRAMP_UNSET);
  {
    /* a night said not to be quiet is no row */
    CrampNight record = { night_of_march (8), FALSE, 6, 1700000000 };
    g_assert_true (cramp_store_set_night (store, &record, NULL));
  }

  text = describe_list (G_LIST_MODEL (list));
  g_assert_cmpstr (text, ==, "c6 c5 c3 c3");
  g_clear_pointer (&text, g_free);

  cramp_episode_list_set_show_quiet_nights (list, TRUE);
  text = describe_list (G_LIST_MODEL (list));
  g_assert_cmpstr (text, ==, "q7 c6 c5 q4 c3 c3 q2");
  g_clear_pointer (&text, g_free);
  item = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_assert_cmpint (cramp_quiet_night_get_sleep_disturbance (CRAMP_QUIET_NIGHT (item)), ==, 3);

  filter (list, CRAMP_MUSCLE_UNKNOWN, "calf");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  filter (list, CRAMP_MUSCLE_UNKNOWN, NULL);

  /* a cramp on the quiet night of 4 March clears its mark */
  g_assert_true (cramp_store_add (store, late, NULL));
  text = describe_list (G_LIST_MODEL (list));
  g_assert_cmpstr (text, ==, "q7 c6 c5 c4 c3 c3 q2");
  g_clear_pointer (&text, g_free);

  mark_quiet (store, 9, CRAMP_UNSET);
  text = describe_list (G_LIST_MODEL (list));
  g_assert_cmpstr (text, ==, "q9 q7 c6 c5 c4 c3 c3 q2");

  g_clear_object (&list);
  g_clear_object (&store);
  cramp_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/episode-list/count-order", test_count_order);
  ADD ("/episode-list/insert-remove-while-scrolled", test_insert_remove_while_scrolled);
  ADD ("/episode-list/filter", test_filter);
  ADD ("/episode-list/search/latest", test_search_latest);
  ADD ("/episode-list/search/while-writing", test_search_while_writing);
  ADD ("/episode-list/find", test_find);
  ADD ("/episode-list/external-change", test_external_change);
  g_test_add_func ("/episode-list/quiet-nights", test_quiet_nights);

#undef ADD

  return g_test_run ();
}
