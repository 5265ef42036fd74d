/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-episode"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cramp-episode-private.h"
#include "cramp-time.h"


G_DEFINE_FINAL_TYPE (CrampEpisode, cramp_episode, G_TYPE_OBJECT)

G_DEFINE_QUARK (cramp-episode-error-quark, cramp_episode_error)

#define MEMBER(member) G_STRUCT_OFFSET (CrampEpisode, member)

const CrampFieldInfo _cramp_episode_fields[CRAMP_N_FIELDS] = {
  [CRAMP_FIELD_ID] = { "id", KIND_ID },
  [CRAMP_FIELD_STARTED_AT] = { "started_at", KIND_START },
  [CRAMP_FIELD_DURATION] = { "duration_s", KIND_NUMBER, MEMBER (duration_s), 1, CRAMP_DURATION_MAX, 0,
                             N_("A cramp lasts between 1 second and 24 hours.") },
  [CRAMP_FIELD_MUSCLE] = { "muscle", KIND_CHOICE, MEMBER (muscle), 0, 0, CRAMP_VOCAB_MUSCLE,
                           N_("The muscle is not one the diary knows.") },
  [CRAMP_FIELD_SIDE] = { "side", KIND_CHOICE, MEMBER (side), 0, 0, CRAMP_VOCAB_SIDE,
                         N_("The side is not left, right or both.") },
  [CRAMP_FIELD_INTENSITY] = { "intensity", KIND_NUMBER, MEMBER (intensity), 0, CRAMP_INTENSITY_MAX, 0,
                              N_("Pain is rated from 0 to 10.") },
  [CRAMP_FIELD_ACTIVITY] = { "activity", KIND_CHOICE, MEMBER (activity), 0, 0, CRAMP_VOCAB_ACTIVITY,
                             N_("The activity is not one the diary knows.") },
  [CRAMP_FIELD_WALK_DISTANCE] = { "walk_distance_m", KIND_NUMBER, MEMBER (walk_distance_m), 0, CRAMP_WALK_DISTANCE_MAX, 0,
                                  N_("The distance walked is a number of metres from 0 to 1,000,000.") },
  [CRAMP_FIELD_RELIEVED_BY] = { "relieved_by", KIND_SET, MEMBER (relieved_by), 0, 0, CRAMP_VOCAB_RELIEF,
                                N_("What relieved the cramp is not known to the diary.") },
  [CRAMP_FIELD_SYMPTOMS] = { "symptoms", KIND_SET, MEMBER (symptoms), 0, 0, CRAMP_VOCAB_SYMPTOM,
                             N_("A symptom is not known to the diary.") },
  [CRAMP_FIELD_TRIGGERS] = { "triggers", KIND_SET, MEMBER (triggers), 0, 0, CRAMP_VOCAB_TRIGGER,
                             N_("A trigger is not known to the diary.") },
  [CRAMP_FIELD_FLUID] = { "fluid_ml", KIND_NUMBER, MEMBER (fluid_ml), 0, CRAMP_FLUID_MAX, 0,
                          N_("Fluid intake is a number of millilitres from 0 to 100,000.") },
  [CRAMP_FIELD_MEDICATIONS] = { "medications", KIND_LIST },
  [CRAMP_FIELD_WOKE_FROM_SLEEP] = { "woke_from_sleep", KIND_YES_NO, MEMBER (woke_from_sleep), 0, 1, 0,
                                    N_("Woke from sleep is yes or no.") },
  [CRAMP_FIELD_NOTES] = { "notes", KIND_TEXT },
};

#undef MEMBER

static void
cramp_episode_finalize (GObject *object)
{
  CrampEpisode *self = (CrampEpisode *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->medications, g_strfreev);

  G_OBJECT_CLASS (cramp_episode_parent_class)->finalize (object);
}

static void
cramp_episode_class_init (CrampEpisodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cramp_episode_finalize;
}

static void
cramp_episode_init (CrampEpisode *self)
{
  self->medications = g_new0 (char *, 1);
  for (guint i = 0; i < CRAMP_N_FIELDS; i++)
    if (_cramp_episode_fields[i].kind == KIND_NUMBER || _cramp_episode_fields[i].kind == KIND_YES_NO)
      INT_OF (self, &_cramp_episode_fields[i]) = CRAMP_UNSET;
}

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

/**
 * cramp_episode_new:
 * @started_at: when the cramp began
 *
 * Returns: (transfer full): an episode with nothing recorded but its
 *   start. It gets an id when the store first saves it.
 */
CrampEpisode *
cramp_episode_new (GDateTime *started_at)
{
  CrampEpisode *self;

  g_return_val_if_fail (started_at != NULL, NULL);

  self = g_object_new (CRAMP_TYPE_EPISODE, NULL);
  self->started_at = cramp_time_to_fixed (started_at);

  return self;
}

/**
 * cramp_episode_new_empty:
 *
 * Returns: (transfer full): an episode without even a start time, to be
 *   filled in field by field (as the CSV reader does).
 */
CrampEpisode *
cramp_episode_new_empty (void)
{
  return g_object_new (CRAMP_TYPE_EPISODE, NULL);
}

CrampEpisode *
cramp_episode_copy (CrampEpisode *self)
{
  CrampEpisode *copy;

  g_return_val_if_fail (CRAMP_IS_EPISODE (self), NULL);

  copy = g_object_new (CRAMP_TYPE_EPISODE, NULL);
  copy->id = g_strdup (self->id);
  copy->started_at = self->started_at ? g_date_time_ref (self->started_at) : NULL;
  copy->notes = g_strdup (self->notes);
  g_strfreev (copy->medications);
  copy->medications = g_strdupv (self->medications);
  for (guint i = 0; i < CRAMP_N_FIELDS; i++)
    if (_cramp_field_is_scalar (&_cramp_episode_fields[i]))
      INT_OF (copy, &_cramp_episode_fields[i]) = INT_OF (self, &_cramp_episode_fields[i]);

  return copy;
}

/**
 * cramp_episode_equal:
 *
 * Returns: whether every field of @a and @b holds the same value; the
 *   start must be the same instant with the same offset.
 */
gboolean
cramp_episode_equal (CrampEpisode *a,
                     CrampEpisode *b)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (a), FALSE);
  g_return_val_if_fail (CRAMP_IS_EPISODE (b), FALSE);

  if ((a->started_at == NULL) != (b->started_at == NULL))
    return FALSE;
  if (a->started_at != NULL &&
      (!g_date_time_equal (a->started_at, b->started_at) ||
       g_date_time_get_utc_offset (a->started_at) != g_date_time_get_utc_offset (b->started_at)))
    return FALSE;

  for (guint i = 0; i < CRAMP_N_FIELDS; i++)
    if (_cramp_field_is_scalar (&_cramp_episode_fields[i]) && INT_OF (a, &_cramp_episode_fields[i]) != INT_OF (b, &_cramp_episode_fields[i]))
      return FALSE;

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->notes, b->notes) == 0 &&
         g_strv_equal ((const char * const *) a->medications,
                       (const char * const *) b->medications);
}

const char *
cramp_episode_get_id (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), NULL);

  return self->id;
}

void
cramp_episode_set_id (CrampEpisode *self,
                      const char   *id)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));

  g_free (self->id);
  self->id = id != NULL ? g_ascii_strdown (id, -1) : NULL;
}

/**
 * cramp_episode_get_started_at:
 *
 * Returns: (transfer none) (nullable): the start, in a zone fixed at the
 *   offset of the clock where the cramp was logged.
 */
GDateTime *
cramp_episode_get_started_at (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), NULL);

  return self->started_at;
}

void
cramp_episode_set_started_at (CrampEpisode *self,
                              GDateTime    *started_at)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));
  g_return_if_fail (started_at != NULL);

  g_clear_pointer (&self->started_at, g_date_time_unref);
  self->started_at = cramp_time_to_fixed (started_at);
}

/**
 * cramp_episode_get_number:
 * @field: a field for which cramp_field_is_number() holds
 *
 * Returns: its value, or %CRAMP_UNSET
 */
int
cramp_episode_get_number (CrampEpisode *self,
                          CrampField    field)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), CRAMP_UNSET);
  g_return_val_if_fail (cramp_field_is_number (field), CRAMP_UNSET);

  return INT_OF (self, &_cramp_episode_fields[field]);
}

/**
 * cramp_episode_set_number:
 * @field: a field for which cramp_field_is_number() holds
 *
 * Sets it as it is, as the diary stores it; cramp_episode_validate()
 * says whether it is in bounds.
 */
void
cramp_episode_set_number (CrampEpisode *self,
                          CrampField    field,
                          int           value)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));
  g_return_if_fail (cramp_field_is_number (field));

  INT_OF (self, &_cramp_episode_fields[field]) = value;
}

gint64
cramp_episode_get_night (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), 0);
  g_return_val_if_fail (self->started_at != NULL, 0);

  return cramp_time_night_of (self->started_at);
}

int
cramp_episode_get_duration (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), 0);

  return self->duration_s;
}

void
cramp_episode_set_duration (CrampEpisode *self,
                            int           value)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));

  self->duration_s = value;
}

int
cramp_episode_get_intensity (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), 0);

  return self->intensity;
}

void
cramp_episode_set_intensity (CrampEpisode *self,
                             int           value)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));

  self->intensity = value;
}

int
cramp_episode_get_walk_distance (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), 0);

  return self->walk_distance_m;
}

void
cramp_episode_set_walk_distance (CrampEpisode *self,
                                 int           value)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));

  self->walk_distance_m = value;
}

int
cramp_episode_get_fluid (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), 0);

  return self->fluid_ml;
}

void
cramp_episode_set_fluid (CrampEpisode *self,
                         int           value)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));

  self->fluid_ml = value;
}

int
cramp_episode_get_woke_from_sleep (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), 0);

  return self->woke_from_sleep;
}

void
cramp_episode_set_woke_from_sleep (CrampEpisode *self,
                                   int           value)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));

  self->woke_from_sleep = value;
}

CrampMuscle
cramp_episode_get_muscle (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), 0);

  return self->muscle;
}

void
cramp_episode_set_muscle (CrampEpisode *self,
                          CrampMuscle   value)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));

  self->muscle = value;
}

CrampSide
cramp_episode_get_side (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), 0);

  return self->side;
}

void
cramp_episode_set_side (CrampEpisode *self,
                        CrampSide     value)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));

  self->side = value;
}

CrampActivity
cramp_episode_get_activity (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), 0);

  return self->activity;
}

void
cramp_episode_set_activity (CrampEpisode *self,
                            CrampActivity value)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));

  self->activity = value;
}

guint
cramp_episode_get_relieved_by (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), 0);

  return self->relieved_by;
}

void
cramp_episode_set_relieved_by (CrampEpisode *self,
                               guint         value)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));

  self->relieved_by = value;
}

guint
cramp_episode_get_symptoms (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), 0);

  return self->symptoms;
}

void
cramp_episode_set_symptoms (CrampEpisode *self,
                            guint         value)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));

  self->symptoms = value;
}

guint
cramp_episode_get_triggers (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), 0);

  return self->triggers;
}

void
cramp_episode_set_triggers (CrampEpisode *self,
                            guint         value)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));

  self->triggers = value;
}

/**
 * cramp_episode_get_medications:
 *
 * Returns: (transfer none): the medication entries, never %NULL.
 */
const char * const *
cramp_episode_get_medications (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), NULL);

  return (const char * const *) self->medications;
}

void
cramp_episode_set_medications (CrampEpisode       *self,
                               const char * const *names)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));

  g_strfreev (self->medications);
  self->medications = names != NULL ? g_strdupv ((char **) names) : g_new0 (char *, 1);
}

const char *
cramp_episode_get_notes (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), NULL);

  return self->notes;
}

void
cramp_episode_set_notes (CrampEpisode *self,
                         const char   *notes)
{
  g_return_if_fail (CRAMP_IS_EPISODE (self));

  g_free (self->notes);
  self->notes = (notes != NULL && notes[0] != '\0') ? g_strdup (notes) : NULL;
}

static gboolean
check_medication (const char  *name,
                  GError     **error)
{
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

      if (c == ';' || g_unichar_iscntrl (c))
        {
          g_set_error_literal (error, CRAMP_EPISODE_ERROR, CRAMP_FIELD_MEDICATIONS,
                               _("Separate medications with “;”; a name cannot contain one, or a line break."));
          return FALSE;
        }
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
      if (!g_utf8_validate (self->notes, -1, NULL))
        return fail (error, CRAMP_FIELD_NOTES, _("The notes are not valid text."));
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
