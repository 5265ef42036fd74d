/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-episode"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cramp-episode-private.h"
#include "cramp-time.h"

/*
 * What a valid episode is: each field within its bounds, as the table of
 * cramp-episode-fields.c says, a start not far in the future, medication
 * entries a person could have typed. Everything that writes an episode —
 * the editor, the CSV import, the store — asks here first.
 */

/**
 * cramp_text_find_hidden:
 * @text: valid UTF-8
 * @lines: whether tabs and line breaks (LF, or CR LF) belong in it, as
 *   in notes
 *
 * Looks for a character that shows nothing of itself but can change
 * what a text says: a control character, or a bidirectional override or
 * isolate (U+202A–U+202E, U+2066–U+2069), which makes text read in
 * another order than it is stored ("Lasix" that shows as "xisaL", a
 * name that hides another). No text field of the diary takes one.
 *
 * Returns: the first such character, or 0
 */
gunichar
cramp_text_find_hidden (const char *text,
                        gboolean    lines)
{
  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* a line break may be a Windows one, CR LF */
      if (lines && (c == '\t' || c == '\n' || (c == '\r' && p[1] == '\n')))
        continue;
      if (g_unichar_iscntrl (c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return c;
    }

  return 0;
}

/**
 * cramp_text_describe_hidden:
 * @field: the field, as it stands after "in": "the notes"
 * @c: what cramp_text_find_hidden() found
 *
 * Returns: (transfer full): a sentence that names the character and
 *   the field
 */
char *
cramp_text_describe_hidden (const char *field,
                            gunichar    c)
{
  if (g_unichar_iscntrl (c))
    /* Translators: U+%04X names a character; %s is a field, such as "the notes" */
    return g_strdup_printf (_("The diary does not take the control character U+%04X in %s; remove it."), c, field);

  /* Translators: U+%04X names a character; %s is a field, such as "the notes" */
  return g_strdup_printf (_("The diary does not take the direction mark U+%04X in %s, which makes text read in "
                            "another order than it is written; remove it."), c, field);
}

static gboolean
check_medication (const char  *name,
                  GError     **error)
{
  gunichar hidden;

  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, CRAMP_EPISODE_ERROR, CRAMP_FIELD_MEDICATIONS,
                           _("A medication name is not valid text."));
      return FALSE;
    }

  if (g_utf8_strlen (name, -1) > CRAMP_MEDICATION_MAX_CHARS)
    {
      g_set_error (error, CRAMP_EPISODE_ERROR, CRAMP_FIELD_MEDICATIONS,
                   _("A medication name can be at most %d characters long."),
                   CRAMP_MEDICATION_MAX_CHARS);
      return FALSE;
    }

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ';' || c == '\n' || c == '\r')
        {
          g_set_error_literal (error, CRAMP_EPISODE_ERROR, CRAMP_FIELD_MEDICATIONS,
                               _("Separate medications with “;”; a name cannot contain one, or a line break."));
          return FALSE;
        }
    }

  if ((hidden = cramp_text_find_hidden (name, FALSE)) != 0)
    {
      g_autofree char *message = cramp_text_describe_hidden (_("the medications"), hidden);

      g_set_error_literal (error, CRAMP_EPISODE_ERROR, CRAMP_FIELD_MEDICATIONS, message);
      return FALSE;
    }

  return TRUE;
}

/**
 * cramp_medications_parse:
 * @text: medication entries separated by ";"
 * @names: (out): the entries, trimmed, without empty or repeated ones
 *
 * Reads what a person typed or what a CSV field holds.
 */
gboolean
cramp_medications_parse (const char  *text,
                         GStrv       *names,
                         GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *name = g_strstrip (parts[i]);
      g_autofree char *folded = NULL;
      gboolean repeated = FALSE;

      if (name[0] == '\0')
        continue;

      if (!check_medication (name, error))
        return FALSE;

      folded = g_utf8_casefold (name, -1);
      for (guint j = 0; j < seen->len && !repeated; j++)
        repeated = strcmp (g_ptr_array_index (seen, j), folded) == 0;
      if (repeated)
        continue;

      if (seen->len == CRAMP_MEDICATIONS_MAX)
        {
          g_set_error (error, CRAMP_EPISODE_ERROR, CRAMP_FIELD_MEDICATIONS,
                       _("An episode can list at most %d medications."),
                       CRAMP_MEDICATIONS_MAX);
          return FALSE;
        }

      g_ptr_array_add (seen, g_steal_pointer (&folded));
      g_strv_builder_add (builder, name);
    }

  *names = g_strv_builder_end (builder);
  return TRUE;
}

char *
cramp_medications_join (const char * const *names)
{
  return g_strjoinv (";", (char **) names);
}

static gboolean
fail (GError     **error,
      CrampField   field,
      const char  *message)
{
  g_set_error_literal (error, CRAMP_EPISODE_ERROR, field, message);
  return FALSE;
}

/**
 * cramp_episode_validate:
 *
 * Checks every field against the data model. The error code is the
 * #CrampField at fault and the message a sentence for the person who
 * entered it.
 */
gboolean
cramp_episode_validate (CrampEpisode  *self,
                        GError       **error)
{
  gint64 start;

  g_return_val_if_fail (CRAMP_IS_EPISODE (self), FALSE);

  if (self->id != NULL && !g_uuid_string_is_valid (self->id))
    return fail (error, CRAMP_FIELD_ID, _("The episode’s id is not a UUID."));

  if (self->started_at == NULL)
    return fail (error, CRAMP_FIELD_STARTED_AT, _("When the cramp started is missing."));

  start = g_date_time_to_unix (self->started_at);
  if (start < CRAMP_TIME_MIN_UNIX)
    return fail (error, CRAMP_FIELD_STARTED_AT, _("The start lies before 1970."));
  if (start > cramp_time_now_unix () + CRAMP_FUTURE_SLACK_S)
    return fail (error, CRAMP_FIELD_STARTED_AT, _("The start lies in the future."));

  for (guint i = 0; i < CRAMP_N_FIELDS; i++)
    {
      const CrampFieldInfo *info = &_cramp_episode_fields[i];
      gboolean valid = TRUE;

      switch (info->kind)
        {
        case KIND_NUMBER:
        case KIND_YES_NO:
          valid = INT_OF (self, info) == CRAMP_UNSET ||
                  (INT_OF (self, info) >= info->min && INT_OF (self, info) <= info->max);
          break;
        case KIND_CHOICE:
          valid = BITS_OF (self, info) < cramp_vocab_size (info->vocab);
          break;
        case KIND_SET:
          valid = (BITS_OF (self, info) & ~cramp_vocab_all_bits (info->vocab)) == 0;
          break;
        case KIND_ID:
        case KIND_START:
        case KIND_LIST:
        case KIND_TEXT:
        default:
          break;
        }

      if (!valid)
        return fail (error, i, _(info->invalid));
    }

  if (g_strv_length (self->medications) > CRAMP_MEDICATIONS_MAX)
    {
      g_set_error (error, CRAMP_EPISODE_ERROR, CRAMP_FIELD_MEDICATIONS,
                   _("An episode can list at most %d medications."),
                   CRAMP_MEDICATIONS_MAX);
      return FALSE;
    }
  for (guint i = 0; self->medications[i] != NULL; i++)
    {
      if (self->medications[i][0] == '\0')
        return fail (error, CRAMP_FIELD_MEDICATIONS, _("A medication name is empty."));
      if (!check_medication (self->medications[i], error))
        return FALSE;
    }

  if (self->notes != NULL)
    {
      gunichar hidden;

      if (!g_utf8_validate (self->notes, -1, NULL))
        return fail (error, CRAMP_FIELD_NOTES, _("The notes are not valid text."));
      if ((hidden = cramp_text_find_hidden (self->notes, TRUE)) != 0)
        {
          g_autofree char *message = cramp_text_describe_hidden (_("the notes"), hidden);

          return fail (error, CRAMP_FIELD_NOTES, message);
        }
      if (g_utf8_strlen (self->notes, -1) > CRAMP_NOTES_MAX_CHARS)
        {
          g_set_error (error, CRAMP_EPISODE_ERROR, CRAMP_FIELD_NOTES,
                       _("Notes can be at most %d characters long."),
                       CRAMP_NOTES_MAX_CHARS);
          return FALSE;
        }
    }

  return TRUE;
}
