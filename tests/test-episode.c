/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cramp-enums.h"
#include "cramp-format.h"
#include "cramp-test-utils.h"

static CrampEpisode *
valid_episode (void)
{
  return cramp_test_episode ("2026-03-02T03:14:00+01:00", CRAMP_MUSCLE_CALF);
}

static void
assert_invalid (CrampEpisode *episode,
                CrampField    field)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cramp_episode_validate (episode, &error));
  g_assert_error (error, CRAMP_EPISODE_ERROR, (int) field);
  g_assert_cmpstr (error->message, !=, "");
}

static void
assert_valid (CrampEpisode *episode)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cramp_episode_validate (episode, &error));
  g_assert_no_error (error);
}

static void
test_defaults (void)
{
  g_autoptr(CrampEpisode) episode = valid_episode ();

  g_assert_null (cramp_episode_get_id (episode));
  g_assert_cmpint (cramp_episode_get_duration (episode), ==, CRAMP_UNSET);
  g_assert_cmpint (cramp_episode_get_intensity (episode), ==, CRAMP_UNSET);
  g_assert_cmpint (cramp_episode_get_walk_distance (episode), ==, CRAMP_UNSET);
  g_assert_cmpint (cramp_episode_get_fluid (episode), ==, CRAMP_UNSET);
  g_assert_cmpint (cramp_episode_get_woke_from_sleep (episode), ==, CRAMP_UNSET);
  g_assert_cmpint (cramp_episode_get_side (episode), ==, CRAMP_SIDE_UNKNOWN);
  g_assert_cmpint (cramp_episode_get_activity (episode), ==, CRAMP_ACTIVITY_UNKNOWN);
  g_assert_cmpuint (cramp_episode_get_relieved_by (episode), ==, 0);
  g_assert_nonnull (cramp_episode_get_medications (episode));
  g_assert_null (cramp_episode_get_medications (episode)[0]);
  g_assert_null (cramp_episode_get_notes (episode));
  assert_valid (episode);
}

static void
test_duration_bounds (void)
{
  g_autoptr(CrampEpisode) episode = valid_episode ();

  cramp_episode_set_duration (episode, 0);
  assert_invalid (episode, CRAMP_FIELD_DURATION);
  cramp_episode_set_duration (episode, 1);
  assert_valid (episode);
  cramp_episode_set_duration (episode, 86400);
  assert_valid (episode);
  cramp_episode_set_duration (episode, 86401);
  assert_invalid (episode, CRAMP_FIELD_DURATION);
  cramp_episode_set_duration (episode, CRAMP_UNSET);
  assert_valid (episode);
}

static void
test_intensity_bounds (void)
{
  g_autoptr(CrampEpisode) episode = valid_episode ();

  cramp_episode_set_intensity (episode, 0);
  assert_valid (episode);
  cramp_episode_set_intensity (episode, 10);
  assert_valid (episode);
  cramp_episode_set_intensity (episode, 11);
  assert_invalid (episode, CRAMP_FIELD_INTENSITY);
  cramp_episode_set_intensity (episode, -2);
  assert_invalid (episode, CRAMP_FIELD_INTENSITY);
}

static void
test_amount_bounds (void)
{
  g_autoptr(CrampEpisode) episode = valid_episode ();

  cramp_episode_set_walk_distance (episode, 0);
  assert_valid (episode);
  cramp_episode_set_walk_distance (episode, CRAMP_WALK_DISTANCE_MAX);
  assert_valid (episode);
  cramp_episode_set_walk_distance (episode, CRAMP_WALK_DISTANCE_MAX + 1);
  assert_invalid (episode, CRAMP_FIELD_WALK_DISTANCE);
  cramp_episode_set_walk_distance (episode, CRAMP_UNSET);

  cramp_episode_set_fluid (episode, 0);
  assert_valid (episode);
  cramp_episode_set_fluid (episode, CRAMP_FLUID_MAX);
  assert_valid (episode);
  cramp_episode_set_fluid (episode, CRAMP_FLUID_MAX + 1);
  assert_invalid (episode, CRAMP_FIELD_FLUID);
}

static void
test_enum_bounds (void)
{
  g_autoptr(CrampEpisode) episode = valid_episode ();

  cramp_episode_set_muscle (episode, CRAMP_MUSCLE_OTHER);
  assert_valid (episode);
  cramp_episode_set_muscle (episode, CRAMP_MUSCLE_OTHER + 1);
  assert_invalid (episode, CRAMP_FIELD_MUSCLE);
  cramp_episode_set_muscle (episode, CRAMP_MUSCLE_CALF);

  cramp_episode_set_side (episode, CRAMP_SIDE_BOTH + 1);
  assert_invalid (episode, CRAMP_FIELD_SIDE);
  cramp_episode_set_side (episode, CRAMP_SIDE_BOTH);

  cramp_episode_set_activity (episode, CRAMP_ACTIVITY_OTHER + 1);
  assert_invalid (episode, CRAMP_FIELD_ACTIVITY);
  cramp_episode_set_activity (episode, CRAMP_ACTIVITY_WALKING);

  cramp_episode_set_relieved_by (episode, CRAMP_RELIEF_NOTHING << 1);
  assert_invalid (episode, CRAMP_FIELD_RELIEVED_BY);
  cramp_episode_set_relieved_by (episode, CRAMP_RELIEF_NOTHING | CRAMP_RELIEF_REST);

  cramp_episode_set_symptoms (episode, CRAMP_SYMPTOM_URGE_TO_MOVE << 1);
  assert_invalid (episode, CRAMP_FIELD_SYMPTOMS);
  cramp_episode_set_symptoms (episode, CRAMP_SYMPTOM_URGE_TO_MOVE);

  cramp_episode_set_triggers (episode, CRAMP_TRIGGER_OTHER << 1);
  assert_invalid (episode, CRAMP_FIELD_TRIGGERS);
  cramp_episode_set_triggers (episode, CRAMP_TRIGGER_OTHER);

  cramp_episode_set_woke_from_sleep (episode, 2);
  assert_invalid (episode, CRAMP_FIELD_WOKE_FROM_SLEEP);
  cramp_episode_set_woke_from_sleep (episode, TRUE);
  assert_valid (episode);
}

static void
test_notes_length (void)
{
  g_autoptr(CrampEpisode) episode = valid_episode ();
  g_autoptr(GString) notes = g_string_new (NULL);

  /* characters, not bytes: 10 000 two-byte characters are allowed */
  for (int i = 0; i < CRAMP_NOTES_MAX_CHARS; i++)
    g_string_append (notes, "é");
  cramp_episode_set_notes (episode, notes->str);
  assert_valid (episode);

  g_string_append (notes, "x");
  cramp_episode_set_notes (episode, notes->str);
  assert_invalid (episode, CRAMP_FIELD_NOTES);

  cramp_episode_set_notes (episode, "bad \xff utf-8");
  assert_invalid (episode, CRAMP_FIELD_NOTES);

  /* an empty note is no note */
  cramp_episode_set_notes (episode, "");
  g_assert_null (cramp_episode_get_notes (episode));
}

static void
test_started_at (void)
{
  g_autoptr(CrampEpisode) episode = cramp_episode_new_empty ();
  g_autoptr(GDateTime) now = cramp_time_now ();
  g_autoptr(GDateTime) soon = g_date_time_add_hours (now, 23);
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 25);
  g_autoptr(GDateTime) old = g_date_time_new_utc (1969, 12, 31, 23, 0, 0);

  assert_invalid (episode, CRAMP_FIELD_STARTED_AT);

  cramp_episode_set_started_at (episode, soon);
  assert_valid (episode);
  cramp_episode_set_started_at (episode, later);
  assert_invalid (episode, CRAMP_FIELD_STARTED_AT);
  cramp_episode_set_started_at (episode, old);
  assert_invalid (episode, CRAMP_FIELD_STARTED_AT);
}

static void
test_medications (void)
{
  g_autoptr(CrampEpisode) episode = valid_episode ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (CRAMP_MEDICATION_MAX_CHARS + 1, 'x');
  g_auto(GStrv) names = NULL;
  const char *with_semicolon[] = { "a;b", NULL };
  const char *with_newline[] = { "a\nb", NULL };
  const char *too_long[] = { long_name, NULL };

  g_assert_true (cramp_medications_parse (" Furosemide 40 mg ; HCTZ;;furosemide 40 MG ", &names, &error));
  g_assert_no_error (error);
  /* trimmed, empty entries dropped, repeats (ignoring case) dropped */
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Furosemide 40 mg");
  g_assert_cmpstr (names[1], ==, "HCTZ");

  cramp_episode_set_medications (episode, (const char * const *) names);
  assert_valid (episode);

  cramp_episode_set_medications (episode, with_semicolon);
  assert_invalid (episode, CRAMP_FIELD_MEDICATIONS);
  cramp_episode_set_medications (episode, with_newline);
  assert_invalid (episode, CRAMP_FIELD_MEDICATIONS);
  cramp_episode_set_medications (episode, too_long);
  assert_invalid (episode, CRAMP_FIELD_MEDICATIONS);

  {
    g_autoptr(GString) many = g_string_new (NULL);
    g_auto(GStrv) parsed = NULL;

    for (int i = 0; i <= CRAMP_MEDICATIONS_MAX; i++)
      g_string_append_printf (many, "drug%d;", i);
    g_assert_false (cramp_medications_parse (many->str, &parsed, &error));
    g_assert_error (error, CRAMP_EPISODE_ERROR, CRAMP_FIELD_MEDICATIONS);
  }
}

static void
test_id (void)
{
  g_autoptr(CrampEpisode) episode = valid_episode ();

  cramp_episode_set_id (episode, "not-a-uuid");
  assert_invalid (episode, CRAMP_FIELD_ID);
  cramp_episode_set_id (episode, "0B7F5E4C-3C1D-4B52-9A3E-6F1D2C9A8B10");
  assert_valid (episode);
  /* ids are kept in lower case so that one id is always one string */
  g_assert_cmpstr (cramp_episode_get_id (episode), ==, "0b7f5e4c-3c1d-4b52-9a3e-6f1d2c9a8b10");
}

static void
test_field_round_trip (void)
{
  static const char *values[CRAMP_N_FIELDS] = {
    "0b7f5e4c-3c1d-4b52-9a3e-6f1d2c9a8b10",
    "2026-03-02T03:14:00+01:00",
    "95",
    "thigh-back",
    "both",
    "7",
    "after-exercise",
    "400",
    "rest;stretching;nothing",
    "numbness;urge-to-move",
    "dehydration;other",
    "1500",
    "Furosemide 40 mg;Atorvastatin",
    "true",
    " two lines,\nwith \"quotes\" ",
  };
  g_autoptr(CrampEpisode) episode = cramp_episode_new_empty ();

  for (guint i = 0; i < CRAMP_N_FIELDS; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (cramp_episode_set_field (episode, i, values[i], &error));
      g_assert_no_error (error);
    }
  assert_valid (episode);

  for (guint i = 0; i < CRAMP_N_FIELDS; i++)
    {
      g_autofree char *value = cramp_episode_get_field (episode, i);
      g_assert_cmpstr (value, ==, values[i]);
    }

  /* the empty string is "not recorded" for every field but the start */
  for (guint i = 0; i < CRAMP_N_FIELDS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = NULL;

      if (i == CRAMP_FIELD_STARTED_AT)
        continue;
      g_assert_true (cramp_episode_set_field (episode, i, "", &error));
      value = cramp_episode_get_field (episode, i);
      g_assert_cmpstr (value, ==, "");
    }
}

static void
test_field_lenient (void)
{
  g_autoptr(CrampEpisode) episode = cramp_episode_new_empty ();
  g_autofree char *relief = NULL;

  /* tokens ignore case and surrounding spaces; yes/no/1/0 are booleans */
  g_assert_true (cramp_episode_set_field (episode, CRAMP_FIELD_MUSCLE, " Calf ", NULL));
  g_assert_cmpint (cramp_episode_get_muscle (episode), ==, CRAMP_MUSCLE_CALF);
  g_assert_true (cramp_episode_set_field (episode, CRAMP_FIELD_RELIEVED_BY, "Stretching ; REST", NULL));
  relief = cramp_episode_get_field (episode, CRAMP_FIELD_RELIEVED_BY);
  g_assert_cmpstr (relief, ==, "rest;stretching");

  g_assert_true (cramp_episode_set_field (episode, CRAMP_FIELD_WOKE_FROM_SLEEP, "yes", NULL));
  g_assert_cmpint (cramp_episode_get_woke_from_sleep (episode), ==, TRUE);
  g_assert_true (cramp_episode_set_field (episode, CRAMP_FIELD_WOKE_FROM_SLEEP, "0", NULL));
  g_assert_cmpint (cramp_episode_get_woke_from_sleep (episode), ==, FALSE);
  g_assert_true (cramp_episode_set_field (episode, CRAMP_FIELD_WOKE_FROM_SLEEP, "No", NULL));
  g_assert_cmpint (cramp_episode_get_woke_from_sleep (episode), ==, FALSE);
  g_assert_true (cramp_episode_set_field (episode, CRAMP_FIELD_WOKE_FROM_SLEEP, "1", NULL));
  g_assert_cmpint (cramp_episode_get_woke_from_sleep (episode), ==, TRUE);
}

static void
test_field_errors (void)
{
  static const struct {
    CrampField  field;
    const char *text;
    const char *message_part;
  } cases[] = {
    { CRAMP_FIELD_ID, "123", "is not a UUID" },
    { CRAMP_FIELD_STARTED_AT, "", "started_at is empty" },
    { CRAMP_FIELD_STARTED_AT, "yesterday", "is not a date and time" },
    { CRAMP_FIELD_STARTED_AT, "2026-02-30T03:00:00", "is not a date and time" },
    { CRAMP_FIELD_DURATION, "ninety", "is not a whole number" },
    { CRAMP_FIELD_DURATION, "1.5", "is not a whole number" },
    { CRAMP_FIELD_DURATION, "-5", "is not a whole number" },
    { CRAMP_FIELD_DURATION, "0", "is not between 1 and 86400" },
    { CRAMP_FIELD_DURATION, "99999999999999999999", "is not a whole number" },
    { CRAMP_FIELD_INTENSITY, "11", "is not between 0 and 10" },
    { CRAMP_FIELD_MUSCLE, "calves", "is not one of calf" },
    { CRAMP_FIELD_SIDE, "middle", "is not one of left" },
    { CRAMP_FIELD_ACTIVITY, "dancing", "is not one of sleeping" },
    { CRAMP_FIELD_RELIEVED_BY, "rest;prayer", "“prayer”" },
    { CRAMP_FIELD_SYMPTOMS, "itching", "“itching”" },
    { CRAMP_FIELD_TRIGGERS, "coffee", "“coffee”" },
    { CRAMP_FIELD_WALK_DISTANCE, "2km", "is not a whole number" },
    { CRAMP_FIELD_FLUID, "100001", "is not between 0 and 100000" },
    { CRAMP_FIELD_WOKE_FROM_SLEEP, "maybe", "is not true or false" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrampEpisode) episode = cramp_episode_new_empty ();
      g_autoptr(GError) error = NULL;

      g_assert_false (cramp_episode_set_field (episode, cases[i].field, cases[i].text, &error));
      g_assert_error (error, CRAMP_EPISODE_ERROR, (int) cases[i].field);
      if (strstr (error->message, cases[i].message_part) == NULL)
        g_error ("%s “%s”: expected a message with “%s”, got “%s”",
                 cramp_field_name (cases[i].field), cases[i].text,
                 cases[i].message_part, error->message);
    }
}

static void
test_long_value_shortened (void)
{
  g_autoptr(CrampEpisode) episode = cramp_episode_new_empty ();
  g_autoptr(GError) error = NULL;
  g_autofree char *value = g_strnfill (5000, 'x');

  g_assert_false (cramp_episode_set_field (episode, CRAMP_FIELD_MUSCLE, value, &error));
  g_assert_cmpuint (strlen (error->message), <, 300);
}

static void
test_copy_equal (void)
{
  g_autoptr(CrampEpisode) episode = valid_episode ();
  g_autoptr(CrampEpisode) copy = NULL;

  cramp_episode_set_notes (episode, "note");
  cramp_episode_set_symptoms (episode, CRAMP_SYMPTOM_SWELLING);
  copy = cramp_episode_copy (episode);
  g_assert_true (cramp_episode_equal (episode, copy));

  cramp_episode_set_fluid (copy, 100);
  g_assert_false (cramp_episode_equal (episode, copy));
}

/* The registered enums and flags say the vocabulary's own tokens, so
 * that a .ui file or a property reads as the CSV does. */
static void
test_vocab_types (void)
{
  static const struct { CrampVocab vocab; GType (*get_type) (void); } vocabs[] = {
    { CRAMP_VOCAB_MUSCLE, cramp_muscle_get_type },
    { CRAMP_VOCAB_SIDE, cramp_side_get_type },
    { CRAMP_VOCAB_ACTIVITY, cramp_activity_get_type },
    { CRAMP_VOCAB_RELIEF, cramp_relief_get_type },
    { CRAMP_VOCAB_SYMPTOM, cramp_symptom_get_type },
    { CRAMP_VOCAB_TRIGGER, cramp_trigger_get_type },
    { CRAMP_VOCAB_CONDITION, cramp_condition_get_type },
  };

  for (guint v = 0; v < G_N_ELEMENTS (vocabs); v++)
    {
      GType type = vocabs[v].get_type ();
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);

      for (guint i = 0; i < cramp_vocab_size (vocabs[v].vocab); i++)
        {
          const char *token = cramp_vocab_token (vocabs[v].vocab, i);
          const char *nick;

          if (cramp_vocab_is_set (vocabs[v].vocab))
            nick = g_flags_get_first_value (G_FLAGS_CLASS (klass), 1u << i)->value_nick;
          else
            nick = g_enum_get_value (G_ENUM_CLASS (klass), i)->value_nick;

          /* "not recorded" is the empty token, and "unknown" in the enum */
          if (token[0] == '\0')
            g_assert_cmpstr (nick, ==, "unknown");
          else
            g_assert_cmpstr (nick, ==, token);
        }
    }
}

static void
test_vocab (void)
{
  guint bits = 0, index = 0;
  g_autofree char *bad = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (cramp_vocab_size (CRAMP_VOCAB_MUSCLE), ==, 9);
  g_assert_cmpuint (cramp_vocab_size (CRAMP_VOCAB_SYMPTOM), ==, 13);
  g_assert_true (cramp_vocab_lookup (CRAMP_VOCAB_MUSCLE, "hip-buttock", &index));
  g_assert_cmpuint (index, ==, CRAMP_MUSCLE_HIP_BUTTOCK);
  g_assert_true (cramp_vocab_lookup (CRAMP_VOCAB_MUSCLE, "", &index));
  g_assert_cmpuint (index, ==, CRAMP_MUSCLE_UNKNOWN);

  g_assert_false (cramp_vocab_set_from_string (CRAMP_VOCAB_SYMPTOM, "sores;nope", &bits, &bad));
  g_assert_cmpstr (bad, ==, "nope");

  g_assert_true (cramp_vocab_set_from_string (CRAMP_VOCAB_SYMPTOM, "sores;numbness", &bits, NULL));
  g_assert_cmpuint (bits, ==, CRAMP_SYMPTOM_SORES | CRAMP_SYMPTOM_NUMBNESS);
  text = cramp_vocab_set_to_string (CRAMP_VOCAB_SYMPTOM, bits);
  g_assert_cmpstr (text, ==, "numbness;sores");
}

static void
test_format_duration (void)
{
  static const struct { int s; const char *text; } cases[] = {
    { 45, "45 s" }, { 60, "1 min" }, { 150, "2 min 30 s" },
    { 3600, "1 h" }, { 3900, "1 h 5 min" }, { 86400, "24 h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cramp_format_duration (cases[i].s);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  GHashTable *counts = user_data;
  const char *name = g_param_spec_get_name (pspec);

  g_hash_table_insert (counts, (gpointer) name,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1));
}

static guint
notified (GHashTable *counts,
          const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

/* Every field is a property, named as the UI binds it; each setter, the
 * CSV reader and g_object_set() notify once when the value changes and
 * never when it does not. */
static void
test_properties (void)
{
  static const struct
  {
    CrampField  field;
    const char *property;
    const char *text;   /* a value, in the CSV form */
  } cases[] = {
    { CRAMP_FIELD_ID, "id", "0b7f5e4c-3c1d-4b52-9a3e-6f1d2c9a8b10" },
    { CRAMP_FIELD_STARTED_AT, "started-at", "2026-03-29T02:30:00+01:00" },
    { CRAMP_FIELD_DURATION, "duration", "90" },
    { CRAMP_FIELD_MUSCLE, "muscle", "calf" },
    { CRAMP_FIELD_SIDE, "side", "left" },
    { CRAMP_FIELD_INTENSITY, "intensity", "7" },
    { CRAMP_FIELD_ACTIVITY, "activity", "sleeping" },
    { CRAMP_FIELD_WALK_DISTANCE, "walk-distance", "300" },
    { CRAMP_FIELD_RELIEVED_BY, "relieved-by", "stretching;massage" },
    { CRAMP_FIELD_SYMPTOMS, "symptoms", "numbness" },
    { CRAMP_FIELD_TRIGGERS, "triggers", "heat" },
    { CRAMP_FIELD_FLUID, "fluid", "1500" },
    { CRAMP_FIELD_MEDICATIONS, "medications", "Ramipril 5 mg;Furosemide 40 mg" },
    { CRAMP_FIELD_WOKE_FROM_SLEEP, "woke-from-sleep", "true" },
    { CRAMP_FIELD_NOTES, "notes", "Stood up to make it stop" },
  };
  GObjectClass *klass = g_type_class_ref (CRAMP_TYPE_EPISODE);
  guint n_properties;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (klass, &n_properties);

  g_assert_cmpuint (n_properties, ==, CRAMP_N_FIELDS);
  g_assert_cmpuint (G_N_ELEMENTS (cases), ==, CRAMP_N_FIELDS);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrampEpisode) episode = cramp_episode_new_empty ();
      g_autoptr(CrampEpisode) other = cramp_episode_new_empty ();
      g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GError) error = NULL;
      GParamSpec *pspec = g_object_class_find_property (klass, cases[i].property);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *text = NULL;

      g_test_message ("%s", cases[i].property);
      g_assert_nonnull (pspec);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_signal_connect (episode, "notify", G_CALLBACK (count_notify), counts);

      /* the CSV reader: once, then not again for the same value */
      g_assert_true (cramp_episode_set_field (episode, cases[i].field, cases[i].text, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (notified (counts, cases[i].property), ==, 1);
      g_assert_cmpuint (g_hash_table_size (counts), ==, 1);
      g_assert_true (cramp_episode_set_field (episode, cases[i].field, cases[i].text, &error));
      g_assert_cmpuint (notified (counts, cases[i].property), ==, 1);

      /* the property holds what the field does, and carries it over */
      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (episode), cases[i].property, &value);
      g_object_set_property (G_OBJECT (other), cases[i].property, &value);
      text = cramp_episode_get_field (other, cases[i].field);
      g_assert_cmpstr (text, ==, cases[i].text);

      /* g_object_set() of the same value says nothing */
      g_object_set_property (G_OBJECT (episode), cases[i].property, &value);
      g_assert_cmpuint (notified (counts, cases[i].property), ==, 1);
    }

  /* the setters, and a binding */
  {
    g_autoptr(CrampEpisode) episode = cramp_episode_new_empty ();
    g_autoptr(CrampEpisode) mirror = cramp_episode_new_empty ();
    g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 12, 1, 3, 14, 0);
    g_autoptr(GDateTime) same = g_date_time_new_utc (2026, 12, 1, 3, 14, 0);
    const char *names[] = { "Ramipril 5 mg", NULL };
    const char *same_names[] = { "Ramipril 5 mg", NULL };

    g_signal_connect (episode, "notify", G_CALLBACK (count_notify), counts);
    g_object_bind_property (episode, "muscle", mirror, "muscle", G_BINDING_DEFAULT);

    cramp_episode_set_muscle (episode, CRAMP_MUSCLE_CALF);
    cramp_episode_set_muscle (episode, CRAMP_MUSCLE_CALF);
    g_assert_cmpint (cramp_episode_get_muscle (mirror), ==, CRAMP_MUSCLE_CALF);
    cramp_episode_set_duration (episode, 60);
    cramp_episode_set_duration (episode, 60);
    cramp_episode_set_number (episode, CRAMP_FIELD_DURATION, 60);
    cramp_episode_set_started_at (episode, start);
    cramp_episode_set_started_at (episode, same);
    cramp_episode_set_medications (episode, names);
    cramp_episode_set_medications (episode, same_names);
    cramp_episode_set_notes (episode, "");
    cramp_episode_set_notes (episode, NULL);
    cramp_episode_set_id (episode, "0B7F5E4C-3C1D-4B52-9A3E-6F1D2C9A8B10");
    cramp_episode_set_id (episode, "0b7f5e4c-3c1d-4b52-9a3e-6f1d2c9a8b10");

    g_assert_cmpuint (notified (counts, "muscle"), ==, 1);
    g_assert_cmpuint (notified (counts, "duration"), ==, 1);
    g_assert_cmpuint (notified (counts, "started-at"), ==, 1);
    g_assert_cmpuint (notified (counts, "medications"), ==, 1);
    g_assert_cmpuint (notified (counts, "notes"), ==, 0);
    g_assert_cmpuint (notified (counts, "id"), ==, 1);

    /* a copy notifies nothing on the original */
    g_clear_object (&mirror);
    mirror = cramp_episode_copy (episode);
    g_assert_cmpuint (g_hash_table_size (counts), ==, 5);
  }

  g_type_class_unref (klass);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/episode/defaults", test_defaults);
  g_test_add_func ("/episode/validate/duration", test_duration_bounds);
  g_test_add_func ("/episode/validate/intensity", test_intensity_bounds);
  g_test_add_func ("/episode/validate/amounts", test_amount_bounds);
  g_test_add_func ("/episode/validate/choices", test_enum_bounds);
  g_test_add_func ("/episode/validate/notes", test_notes_length);
  g_test_add_func ("/episode/validate/started-at", test_started_at);
  g_test_add_func ("/episode/validate/medications", test_medications);
  g_test_add_func ("/episode/validate/id", test_id);
  g_test_add_func ("/episode/field/round-trip", test_field_round_trip);
  g_test_add_func ("/episode/field/lenient", test_field_lenient);
  g_test_add_func ("/episode/field/errors", test_field_errors);
  g_test_add_func ("/episode/field/long-value", test_long_value_shortened);
  g_test_add_func ("/episode/copy-equal", test_copy_equal);
  g_test_add_func ("/episode/properties", test_properties);
  g_test_add_func ("/episode/vocab/types", test_vocab_types);
  g_test_add_func ("/episode/vocab", test_vocab);
  g_test_add_func ("/episode/format/duration", test_format_duration);

  return g_test_run ();
}
