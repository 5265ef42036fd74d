/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-episode"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cramp-csv-reader.h"
#include "cramp-episode-private.h"
#include "cramp-time.h"

/*
 * The table of an episode's fields, and each field as a CSV file writes
 * it: read one with what is wrong said for a person reading FILE:LINE,
 * and write one back the same way, so that export, import and export
 * again give the same bytes.
 */

#define MEMBER(member) G_STRUCT_OFFSET (CrampEpisode, member)

const CrampFieldInfo _cramp_episode_fields[CRAMP_N_FIELDS] = {
  [CRAMP_FIELD_ID] = { "id", "id", KIND_ID },
  [CRAMP_FIELD_STARTED_AT] = { "started_at", "started-at", KIND_START },
  [CRAMP_FIELD_DURATION] = { "duration_s", "duration", KIND_NUMBER, MEMBER (duration_s), 1, CRAMP_DURATION_MAX, 0,
                             N_("A cramp lasts between 1 second and 24 hours.") },
  [CRAMP_FIELD_MUSCLE] = { "muscle", "muscle", KIND_CHOICE, MEMBER (muscle), 0, 0, CRAMP_VOCAB_MUSCLE,
                           N_("The muscle is not one the diary knows.") },
  [CRAMP_FIELD_SIDE] = { "side", "side", KIND_CHOICE, MEMBER (side), 0, 0, CRAMP_VOCAB_SIDE,
                         N_("The side is not left, right or both.") },
  [CRAMP_FIELD_INTENSITY] = { "intensity", "intensity", KIND_NUMBER, MEMBER (intensity), 0, CRAMP_INTENSITY_MAX, 0,
                              N_("Pain is rated from 0 to 10.") },
  [CRAMP_FIELD_ACTIVITY] = { "activity", "activity", KIND_CHOICE, MEMBER (activity), 0, 0, CRAMP_VOCAB_ACTIVITY,
                             N_("The activity is not one the diary knows.") },
  [CRAMP_FIELD_WALK_DISTANCE] = { "walk_distance_m", "walk-distance", KIND_NUMBER, MEMBER (walk_distance_m), 0, CRAMP_WALK_DISTANCE_MAX, 0,
                                  N_("The distance walked is a number of metres from 0 to 1,000,000.") },
  [CRAMP_FIELD_RELIEVED_BY] = { "relieved_by", "relieved-by", KIND_SET, MEMBER (relieved_by), 0, 0, CRAMP_VOCAB_RELIEF,
                                N_("What relieved the cramp is not known to the diary.") },
  [CRAMP_FIELD_SYMPTOMS] = { "symptoms", "symptoms", KIND_SET, MEMBER (symptoms), 0, 0, CRAMP_VOCAB_SYMPTOM,
                             N_("A symptom is not known to the diary.") },
  [CRAMP_FIELD_TRIGGERS] = { "triggers", "triggers", KIND_SET, MEMBER (triggers), 0, 0, CRAMP_VOCAB_TRIGGER,
                             N_("A trigger is not known to the diary.") },
  [CRAMP_FIELD_FLUID] = { "fluid_ml", "fluid", KIND_NUMBER, MEMBER (fluid_ml), 0, CRAMP_FLUID_MAX, 0,
                          N_("Fluid intake is a number of millilitres from 0 to 100,000.") },
  [CRAMP_FIELD_MEDICATIONS] = { "medications", "medications", KIND_LIST },
  [CRAMP_FIELD_WOKE_FROM_SLEEP] = { "woke_from_sleep", "woke-from-sleep", KIND_YES_NO, MEMBER (woke_from_sleep), 0, 1, 0,
                                    N_("Woke from sleep is yes or no.") },
  [CRAMP_FIELD_NOTES] = { "notes", "notes", KIND_TEXT },
};

#undef MEMBER

const char *
cramp_field_name (CrampField field)
{
  g_return_val_if_fail (field < CRAMP_N_FIELDS, NULL);

  return _cramp_episode_fields[field].name;
}

gboolean
cramp_field_from_name (const char *name,
                       CrampField *field)
{
  for (guint i = 0; i < CRAMP_N_FIELDS; i++)
    {
      if (g_strcmp0 (_cramp_episode_fields[i].name, name) == 0)
        {
          *field = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cramp_field_is_number:
 *
 * Returns: whether @field holds a whole number or a yes/no (1 or 0),
 *   %CRAMP_UNSET when not recorded, as the diary stores it
 */
gboolean
cramp_field_is_number (CrampField field)
{
  g_return_val_if_fail (field < CRAMP_N_FIELDS, FALSE);

  return _cramp_episode_fields[field].kind == KIND_NUMBER || _cramp_episode_fields[field].kind == KIND_YES_NO;
}

/* The value as a message shows it: valid UTF-8, and not too long to
 * read on one line. */
static char *
shown (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);

  return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (valid, 40) - valid), valid);
}

static gboolean
parse_number (const char  *text,
              CrampField   field,
              int          min,
              int          max,
              int         *value,
              GError     **error)
{
  gint64 number = 0;
  gsize n_digits = strspn (text, "0123456789");

  if (text[0] == '\0')
    {
      *value = CRAMP_UNSET;
      return TRUE;
    }

  /* Digits only, read here. g_ascii_string_to_signed() judges by errno,
   * and its first call in a process makes GLib's C locale under a
   * g_once lock: with the main thread busy opening the diary at the same
   * moment, the CSV import's parsing thread could find errno set and
   * take "120" for no number at all (1 import in about 100 failed so).
   * Eighteen digits are a gint64 still. */
  if (n_digits == 0 || text[n_digits] != '\0' || n_digits > 18)
    {
      g_autofree char *value_shown = shown (text);

      g_set_error (error, CRAMP_EPISODE_ERROR, field,
                   _("%s “%s” is not a whole number"),
                   cramp_field_name (field), value_shown);
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p++)
    number = number * 10 + (*p - '0');

  if (number < min || number > max)
    {
      g_set_error (error, CRAMP_EPISODE_ERROR, field,
                   _("%s “%s” is not between %d and %d"),
                   cramp_field_name (field), text, min, max);
      return FALSE;
    }

  *value = (int) number;
  return TRUE;
}

/* "calf, foot, toes, …": the words of @vocab, but a choice's empty
 * "not recorded" */
static char *
allowed_tokens (CrampVocab vocab)
{
  GString *allowed = g_string_new (NULL);

  for (guint i = cramp_vocab_is_set (vocab) ? 0 : 1; i < cramp_vocab_size (vocab); i++)
    g_string_append_printf (allowed, allowed->len > 0 ? ", %s" : "%s", cramp_vocab_token (vocab, i));

  return g_string_free (allowed, FALSE);
}

static gboolean
parse_choice (const char  *text,
              CrampField   field,
              CrampVocab   vocab,
              guint       *value,
              GError     **error)
{
  if (cramp_vocab_lookup (vocab, text, value))
    return TRUE;

  {
    g_autofree char *allowed = allowed_tokens (vocab);
    g_autofree char *value_shown = shown (text);

    g_set_error (error, CRAMP_EPISODE_ERROR, field,
                 _("%s “%s” is not one of %s"),
                 cramp_field_name (field), value_shown, allowed);
  }
  return FALSE;
}

static gboolean
parse_set (const char  *text,
           CrampField   field,
           CrampVocab   vocab,
           guint       *value,
           GError     **error)
{
  g_autofree char *bad = NULL;

  if (cramp_vocab_set_from_string (vocab, text, value, &bad))
    return TRUE;

  {
    g_autofree char *allowed = allowed_tokens (vocab);
    g_autofree char *value_shown = shown (bad);

    g_set_error (error, CRAMP_EPISODE_ERROR, field,
                 _("%s has “%s”, which is not one of %s"),
                 cramp_field_name (field), value_shown, allowed);
  }
  return FALSE;
}

/**
 * cramp_episode_set_field:
 * @text: the field as written in a CSV file; empty means "not recorded"
 *
 * Parses one field. The error message names the column and the value, for
 * a person reading `FILE:LINE: message`.
 */
gboolean
cramp_episode_set_field (CrampEpisode  *self,
                         CrampField     field,
                         const char    *text,
                         GError       **error)
{
  g_autofree char *stripped = NULL;
  const CrampFieldInfo *info;
  gboolean yes;

  g_return_val_if_fail (CRAMP_IS_EPISODE (self), FALSE);
  g_return_val_if_fail (field < CRAMP_N_FIELDS, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  info = &_cramp_episode_fields[field];

  /* Notes keep their spaces; everything else is a word or a number. */
  if (info->kind != KIND_TEXT)
    {
      stripped = g_strstrip (g_strdup (text));
      text = stripped;
    }

  switch (info->kind)
    {
    case KIND_NUMBER:
      {
        int number;

        if (!parse_number (text, field, info->min, info->max, &number, error))
          return FALSE;
        _cramp_episode_set_scalar (self, field, number);
      }
      return TRUE;

    case KIND_CHOICE:
    case KIND_SET:
      {
        guint bits;

        if (info->kind == KIND_CHOICE ? !parse_choice (text, field, info->vocab, &bits, error)
                                      : !parse_set (text, field, info->vocab, &bits, error))
          return FALSE;
        _cramp_episode_set_scalar (self, field, bits);
      }
      return TRUE;

    case KIND_ID:
      if (text[0] == '\0')
        cramp_episode_set_id (self, NULL);
      else if (g_uuid_string_is_valid (text))
        cramp_episode_set_id (self, text);
      else
        {
          g_autofree char *value_shown = shown (text);

          g_set_error (error, CRAMP_EPISODE_ERROR, field,
                       _("id “%s” is not a UUID like 0b7f5e4c-3c1d-4b52-9a3e-6f1d2c9a8b10"),
                       value_shown);
          return FALSE;
        }
      return TRUE;

    case KIND_START:
      {
        g_autoptr(GError) local_error = NULL;
        g_autoptr(GDateTime) datetime = NULL;

        if (text[0] == '\0')
          {
            g_set_error_literal (error, CRAMP_EPISODE_ERROR, field,
                                 _("started_at is empty; every row needs the date and time the cramp began"));
            return FALSE;
          }

        if (!(datetime = cramp_time_parse (text, &local_error)))
          {
            g_set_error (error, CRAMP_EPISODE_ERROR, field,
                         "started_at %s", local_error->message);
            return FALSE;
          }
        cramp_episode_set_started_at (self, datetime);
      }
      return TRUE;

    case KIND_LIST:
      {
        g_autoptr(GError) local_error = NULL;
        GStrv names = NULL;

        if (!cramp_medications_parse (text, &names, &local_error))
          {
            g_set_error (error, CRAMP_EPISODE_ERROR, field,
                         "medications: %s", local_error->message);
            return FALSE;
          }
        _cramp_episode_take_medications (self, names);
      }
      return TRUE;

    case KIND_YES_NO:
      if (text[0] == '\0')
        _cramp_episode_set_scalar (self, field, CRAMP_UNSET);
      else if (cramp_csv_parse_yes_no (text, &yes))
        _cramp_episode_set_scalar (self, field, yes);
      else
        {
          g_autofree char *value_shown = shown (text);

          g_set_error (error, CRAMP_EPISODE_ERROR, field,
                       _("woke_from_sleep “%s” is not true or false"), value_shown);
          return FALSE;
        }
      return TRUE;

    case KIND_TEXT:
      if (g_utf8_strlen (text, -1) > CRAMP_NOTES_MAX_CHARS)
        {
          g_set_error (error, CRAMP_EPISODE_ERROR, field,
                       _("notes are longer than %d characters"), CRAMP_NOTES_MAX_CHARS);
          return FALSE;
        }
      cramp_episode_set_notes (self, text);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static char *
number_or_empty (int value)
{
  return value == CRAMP_UNSET ? g_strdup ("") : g_strdup_printf ("%d", value);
}

/**
 * cramp_episode_get_field:
 *
 * Returns: (transfer full): the field as a CSV file holds it, the empty
 *   string for "not recorded".
 */
char *
cramp_episode_get_field (CrampEpisode *self,
                         CrampField    field)
{
  const CrampFieldInfo *info;

  g_return_val_if_fail (CRAMP_IS_EPISODE (self), NULL);
  g_return_val_if_fail (field < CRAMP_N_FIELDS, NULL);

  info = &_cramp_episode_fields[field];
  switch (info->kind)
    {
    case KIND_ID:
      return g_strdup (self->id ? self->id : "");
    case KIND_START:
      return self->started_at ? cramp_time_format (self->started_at) : g_strdup ("");
    case KIND_NUMBER:
      return number_or_empty (INT_OF (self, info));
    case KIND_CHOICE:
      return g_strdup (cramp_vocab_token (info->vocab, BITS_OF (self, info)));
    case KIND_SET:
      return cramp_vocab_set_to_string (info->vocab, BITS_OF (self, info));
    case KIND_LIST:
      return cramp_medications_join ((const char * const *) self->medications);
    case KIND_YES_NO:
      return g_strdup (INT_OF (self, info) == CRAMP_UNSET ? "" : INT_OF (self, info) ? "true" : "false");
    case KIND_TEXT:
      return g_strdup (self->notes ? self->notes : "");
    default:
      g_return_val_if_reached (NULL);
    }
}
