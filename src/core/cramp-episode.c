/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-episode"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cramp-episode.h"
#include "cramp-time.h"

struct _CrampEpisode
{
  GObject        parent_instance;

  char          *id;
  GDateTime     *started_at;
  char          *notes;
  GStrv          medications;   /* never NULL */
  int            duration_s;
  int            intensity;
  int            walk_distance_m;
  int            fluid_ml;
  int            woke_from_sleep;
  CrampMuscle    muscle;
  CrampSide      side;
  CrampActivity  activity;
  guint          relieved_by;
  guint          symptoms;
  guint          triggers;
};

G_DEFINE_FINAL_TYPE (CrampEpisode, cramp_episode, G_TYPE_OBJECT)

G_DEFINE_QUARK (cramp-episode-error-quark, cramp_episode_error)

static const char * const field_names[CRAMP_N_FIELDS] = {
  "id", "started_at", "duration_s", "muscle", "side", "intensity", "activity",
  "walk_distance_m", "relieved_by", "symptoms", "triggers", "fluid_ml",
  "medications", "woke_from_sleep", "notes",
};

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
  self->duration_s = CRAMP_UNSET;
  self->intensity = CRAMP_UNSET;
  self->walk_distance_m = CRAMP_UNSET;
  self->fluid_ml = CRAMP_UNSET;
  self->woke_from_sleep = CRAMP_UNSET;
}

const char *
cramp_field_name (CrampField field)
{
  g_return_val_if_fail (field < CRAMP_N_FIELDS, NULL);

  return field_names[field];
}

gboolean
cramp_field_from_name (const char *name,
                       CrampField *field)
{
  for (guint i = 0; i < CRAMP_N_FIELDS; i++)
    {
      if (g_strcmp0 (field_names[i], name) == 0)
        {
          *field = i;
          return TRUE;
        }
    }

  return FALSE;
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
  copy->duration_s = self->duration_s;
  copy->intensity = self->intensity;
  copy->walk_distance_m = self->walk_distance_m;
  copy->fluid_ml = self->fluid_ml;
  copy->woke_from_sleep = self->woke_from_sleep;
  copy->muscle = self->muscle;
  copy->side = self->side;
  copy->activity = self->activity;
  copy->relieved_by = self->relieved_by;
  copy->symptoms = self->symptoms;
  copy->triggers = self->triggers;

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

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->notes, b->notes) == 0 &&
         g_strv_equal ((const char * const *) a->medications,
                       (const char * const *) b->medications) &&
         a->duration_s == b->duration_s &&
         a->intensity == b->intensity &&
         a->walk_distance_m == b->walk_distance_m &&
         a->fluid_ml == b->fluid_ml &&
         a->woke_from_sleep == b->woke_from_sleep &&
         a->muscle == b->muscle &&
         a->side == b->side &&
         a->activity == b->activity &&
         a->relieved_by == b->relieved_by &&
         a->symptoms == b->symptoms &&
         a->triggers == b->triggers;
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

gint64
cramp_episode_get_night (CrampEpisode *self)
{
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), 0);
  g_return_val_if_fail (self->started_at != NULL, 0);

  return cramp_time_night_of (self->started_at);
}

#define SIMPLE_ACCESSORS(type, name, member)                              \
  type                                                                    \
  cramp_episode_get_##name (CrampEpisode *self)                           \
  {                                                                       \
    g_return_val_if_fail (CRAMP_IS_EPISODE (self), 0);                    \
    return self->member;                                                  \
  }                                                                       \
  void                                                                    \
  cramp_episode_set_##name (CrampEpisode *self,                           \
                            type          value)                          \
  {                                                                       \
    g_return_if_fail (CRAMP_IS_EPISODE (self));                           \
    self->member = value;                                                 \
  }

SIMPLE_ACCESSORS (int, duration, duration_s)
SIMPLE_ACCESSORS (int, intensity, intensity)
SIMPLE_ACCESSORS (int, walk_distance, walk_distance_m)
SIMPLE_ACCESSORS (int, fluid, fluid_ml)
SIMPLE_ACCESSORS (int, woke_from_sleep, woke_from_sleep)
SIMPLE_ACCESSORS (CrampMuscle, muscle, muscle)
SIMPLE_ACCESSORS (CrampSide, side, side)
SIMPLE_ACCESSORS (CrampActivity, activity, activity)
SIMPLE_ACCESSORS (guint, relieved_by, relieved_by)
SIMPLE_ACCESSORS (guint, symptoms, symptoms)
SIMPLE_ACCESSORS (guint, triggers, triggers)

#undef SIMPLE_ACCESSORS

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

  if (self->duration_s != CRAMP_UNSET &&
      (self->duration_s < 1 || self->duration_s > CRAMP_DURATION_MAX))
    return fail (error, CRAMP_FIELD_DURATION,
                 _("A cramp lasts between 1 second and 24 hours."));

  if (self->muscle >= cramp_vocab_size (CRAMP_VOCAB_MUSCLE))
    return fail (error, CRAMP_FIELD_MUSCLE, _("The muscle is not one the diary knows."));
  if (self->side >= cramp_vocab_size (CRAMP_VOCAB_SIDE))
    return fail (error, CRAMP_FIELD_SIDE, _("The side is not left, right or both."));
  if (self->activity >= cramp_vocab_size (CRAMP_VOCAB_ACTIVITY))
    return fail (error, CRAMP_FIELD_ACTIVITY, _("The activity is not one the diary knows."));

  if (self->intensity != CRAMP_UNSET &&
      (self->intensity < 0 || self->intensity > CRAMP_INTENSITY_MAX))
    return fail (error, CRAMP_FIELD_INTENSITY, _("Pain is rated from 0 to 10."));

  if (self->walk_distance_m != CRAMP_UNSET &&
      (self->walk_distance_m < 0 || self->walk_distance_m > CRAMP_WALK_DISTANCE_MAX))
    return fail (error, CRAMP_FIELD_WALK_DISTANCE,
                 _("The distance walked is a number of metres from 0 to 1,000,000."));

  if (self->fluid_ml != CRAMP_UNSET &&
      (self->fluid_ml < 0 || self->fluid_ml > CRAMP_FLUID_MAX))
    return fail (error, CRAMP_FIELD_FLUID,
                 _("Fluid intake is a number of millilitres from 0 to 100,000."));

  if ((self->relieved_by & ~cramp_vocab_all_bits (CRAMP_VOCAB_RELIEF)) != 0)
    return fail (error, CRAMP_FIELD_RELIEVED_BY, _("What relieved the cramp is not known to the diary."));
  if ((self->symptoms & ~cramp_vocab_all_bits (CRAMP_VOCAB_SYMPTOM)) != 0)
    return fail (error, CRAMP_FIELD_SYMPTOMS, _("A symptom is not known to the diary."));
  if ((self->triggers & ~cramp_vocab_all_bits (CRAMP_VOCAB_TRIGGER)) != 0)
    return fail (error, CRAMP_FIELD_TRIGGERS, _("A trigger is not known to the diary."));

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

  if (self->woke_from_sleep != CRAMP_UNSET && self->woke_from_sleep != 0 && self->woke_from_sleep != 1)
    return fail (error, CRAMP_FIELD_WOKE_FROM_SLEEP, _("Woke from sleep is yes or no."));

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
    g_autoptr(GString) allowed = g_string_new (NULL);
    g_autofree char *value_shown = shown (text);

    for (guint i = 1; i < cramp_vocab_size (vocab); i++)
      g_string_append_printf (allowed, i > 1 ? ", %s" : "%s", cramp_vocab_token (vocab, i));

    g_set_error (error, CRAMP_EPISODE_ERROR, field,
                 _("%s “%s” is not one of %s"),
                 cramp_field_name (field), value_shown, allowed->str);
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
    g_autoptr(GString) allowed = g_string_new (NULL);
    g_autofree char *value_shown = shown (bad);

    for (guint i = 0; i < cramp_vocab_size (vocab); i++)
      g_string_append_printf (allowed, i > 0 ? ", %s" : "%s", cramp_vocab_token (vocab, i));

    g_set_error (error, CRAMP_EPISODE_ERROR, field,
                 _("%s has “%s”, which is not one of %s"),
                 cramp_field_name (field), value_shown, allowed->str);
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
  guint choice;
  int number;

  g_return_val_if_fail (CRAMP_IS_EPISODE (self), FALSE);
  g_return_val_if_fail (field < CRAMP_N_FIELDS, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  /* Notes keep their spaces; everything else is a word or a number. */
  if (field != CRAMP_FIELD_NOTES)
    {
      stripped = g_strstrip (g_strdup (text));
      text = stripped;
    }

  switch (field)
    {
    case CRAMP_FIELD_ID:
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

    case CRAMP_FIELD_STARTED_AT:
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

    case CRAMP_FIELD_DURATION:
      if (!parse_number (text, field, 1, CRAMP_DURATION_MAX, &number, error))
        return FALSE;
      self->duration_s = number;
      return TRUE;

    case CRAMP_FIELD_INTENSITY:
      if (!parse_number (text, field, 0, CRAMP_INTENSITY_MAX, &number, error))
        return FALSE;
      self->intensity = number;
      return TRUE;

    case CRAMP_FIELD_WALK_DISTANCE:
      if (!parse_number (text, field, 0, CRAMP_WALK_DISTANCE_MAX, &number, error))
        return FALSE;
      self->walk_distance_m = number;
      return TRUE;

    case CRAMP_FIELD_FLUID:
      if (!parse_number (text, field, 0, CRAMP_FLUID_MAX, &number, error))
        return FALSE;
      self->fluid_ml = number;
      return TRUE;

    case CRAMP_FIELD_MUSCLE:
      if (!parse_choice (text, field, CRAMP_VOCAB_MUSCLE, &choice, error))
        return FALSE;
      self->muscle = choice;
      return TRUE;

    case CRAMP_FIELD_SIDE:
      if (!parse_choice (text, field, CRAMP_VOCAB_SIDE, &choice, error))
        return FALSE;
      self->side = choice;
      return TRUE;

    case CRAMP_FIELD_ACTIVITY:
      if (!parse_choice (text, field, CRAMP_VOCAB_ACTIVITY, &choice, error))
        return FALSE;
      self->activity = choice;
      return TRUE;

    case CRAMP_FIELD_RELIEVED_BY:
      return parse_set (text, field, CRAMP_VOCAB_RELIEF, &self->relieved_by, error);

    case CRAMP_FIELD_SYMPTOMS:
      return parse_set (text, field, CRAMP_VOCAB_SYMPTOM, &self->symptoms, error);

    case CRAMP_FIELD_TRIGGERS:
      return parse_set (text, field, CRAMP_VOCAB_TRIGGER, &self->triggers, error);

    case CRAMP_FIELD_MEDICATIONS:
      {
        g_autoptr(GError) local_error = NULL;
        GStrv names = NULL;

        if (!cramp_medications_parse (text, &names, &local_error))
          {
            g_set_error (error, CRAMP_EPISODE_ERROR, field,
                         "medications: %s", local_error->message);
            return FALSE;
          }
        g_strfreev (self->medications);
        self->medications = names;
      }
      return TRUE;

    case CRAMP_FIELD_WOKE_FROM_SLEEP:
      if (text[0] == '\0')
        self->woke_from_sleep = CRAMP_UNSET;
      else if (g_ascii_strcasecmp (text, "true") == 0 ||
               g_ascii_strcasecmp (text, "yes") == 0 ||
               strcmp (text, "1") == 0)
        self->woke_from_sleep = TRUE;
      else if (g_ascii_strcasecmp (text, "false") == 0 ||
               g_ascii_strcasecmp (text, "no") == 0 ||
               strcmp (text, "0") == 0)
        self->woke_from_sleep = FALSE;
      else
        {
          g_autofree char *value_shown = shown (text);

          g_set_error (error, CRAMP_EPISODE_ERROR, field,
                       _("woke_from_sleep “%s” is not true or false"), value_shown);
          return FALSE;
        }
      return TRUE;

    case CRAMP_FIELD_NOTES:
      if (g_utf8_strlen (text, -1) > CRAMP_NOTES_MAX_CHARS)
        {
          g_set_error (error, CRAMP_EPISODE_ERROR, field,
                       _("notes are longer than %d characters"), CRAMP_NOTES_MAX_CHARS);
          return FALSE;
        }
      cramp_episode_set_notes (self, text);
      return TRUE;

    case CRAMP_N_FIELDS:
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
  g_return_val_if_fail (CRAMP_IS_EPISODE (self), NULL);

  switch (field)
    {
    case CRAMP_FIELD_ID:
      return g_strdup (self->id ? self->id : "");
    case CRAMP_FIELD_STARTED_AT:
      return self->started_at ? cramp_time_format (self->started_at) : g_strdup ("");
    case CRAMP_FIELD_DURATION:
      return number_or_empty (self->duration_s);
    case CRAMP_FIELD_MUSCLE:
      return g_strdup (cramp_vocab_token (CRAMP_VOCAB_MUSCLE, self->muscle));
    case CRAMP_FIELD_SIDE:
      return g_strdup (cramp_vocab_token (CRAMP_VOCAB_SIDE, self->side));
    case CRAMP_FIELD_INTENSITY:
      return number_or_empty (self->intensity);
    case CRAMP_FIELD_ACTIVITY:
      return g_strdup (cramp_vocab_token (CRAMP_VOCAB_ACTIVITY, self->activity));
    case CRAMP_FIELD_WALK_DISTANCE:
      return number_or_empty (self->walk_distance_m);
    case CRAMP_FIELD_RELIEVED_BY:
      return cramp_vocab_set_to_string (CRAMP_VOCAB_RELIEF, self->relieved_by);
    case CRAMP_FIELD_SYMPTOMS:
      return cramp_vocab_set_to_string (CRAMP_VOCAB_SYMPTOM, self->symptoms);
    case CRAMP_FIELD_TRIGGERS:
      return cramp_vocab_set_to_string (CRAMP_VOCAB_TRIGGER, self->triggers);
    case CRAMP_FIELD_FLUID:
      return number_or_empty (self->fluid_ml);
    case CRAMP_FIELD_MEDICATIONS:
      return cramp_medications_join ((const char * const *) self->medications);
    case CRAMP_FIELD_WOKE_FROM_SLEEP:
      return g_strdup (self->woke_from_sleep == CRAMP_UNSET ? "" :
                       self->woke_from_sleep ? "true" : "false");
    case CRAMP_FIELD_NOTES:
      return g_strdup (self->notes ? self->notes : "");
    case CRAMP_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}
