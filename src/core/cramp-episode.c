/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-episode"

#include "config.h"

#include "cramp-enums.h"
#include "cramp-episode-private.h"
#include "cramp-time.h"

/*
 * One logged cramp: a value object whose fields are GObject properties,
 * one a row of the field table (cramp-episode-fields.c), each notified
 * only when its value changes. A field not recorded is CRAMP_UNSET, 0 or
 * NULL. The CSV form is in cramp-episode-fields.c, what is valid in
 * cramp-episode-validate.c.
 */

G_DEFINE_FINAL_TYPE (CrampEpisode, cramp_episode, G_TYPE_OBJECT)

G_DEFINE_QUARK (cramp-episode-error-quark, cramp_episode_error)

/* A property a field, in the table's order. */
#define PROP_OF(field) ((field) + 1)
#define N_PROPS        PROP_OF (CRAMP_N_FIELDS)

static GParamSpec *properties[N_PROPS];

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
cramp_episode_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrampEpisode *self = CRAMP_EPISODE (object);
  const CrampFieldInfo *info;

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  info = &_cramp_episode_fields[prop_id - 1];
  switch (info->kind)
    {
    case KIND_ID:
      g_value_set_string (value, self->id);
      break;
    case KIND_START:
      g_value_set_boxed (value, self->started_at);
      break;
    case KIND_NUMBER:
    case KIND_YES_NO:
      g_value_set_int (value, INT_OF (self, info));
      break;
    case KIND_CHOICE:
      g_value_set_enum (value, BITS_OF (self, info));
      break;
    case KIND_SET:
      g_value_set_flags (value, BITS_OF (self, info));
      break;
    case KIND_LIST:
      g_value_set_boxed (value, self->medications);
      break;
    case KIND_TEXT:
      g_value_set_string (value, self->notes);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
cramp_episode_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CrampEpisode *self = CRAMP_EPISODE (object);
  CrampField field = prop_id - 1;

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (_cramp_episode_fields[field].kind)
    {
    case KIND_ID:
      cramp_episode_set_id (self, g_value_get_string (value));
      break;
    case KIND_START:
      cramp_episode_set_started_at (self, g_value_get_boxed (value));
      break;
    case KIND_NUMBER:
    case KIND_YES_NO:
      _cramp_episode_set_scalar (self, field, g_value_get_int (value));
      break;
    case KIND_CHOICE:
      _cramp_episode_set_scalar (self, field, g_value_get_enum (value));
      break;
    case KIND_SET:
      _cramp_episode_set_scalar (self, field, g_value_get_flags (value));
      break;
    case KIND_LIST:
      cramp_episode_set_medications (self, g_value_get_boxed (value));
      break;
    case KIND_TEXT:
      cramp_episode_set_notes (self, g_value_get_string (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static GType
vocab_type (CrampVocab vocab)
{
  switch (vocab)
    {
    case CRAMP_VOCAB_MUSCLE:
      return CRAMP_TYPE_MUSCLE;
    case CRAMP_VOCAB_SIDE:
      return CRAMP_TYPE_SIDE;
    case CRAMP_VOCAB_ACTIVITY:
      return CRAMP_TYPE_ACTIVITY;
    case CRAMP_VOCAB_RELIEF:
      return CRAMP_TYPE_RELIEF;
    case CRAMP_VOCAB_SYMPTOM:
      return CRAMP_TYPE_SYMPTOM;
    case CRAMP_VOCAB_TRIGGER:
      return CRAMP_TYPE_TRIGGER;
    case CRAMP_VOCAB_CONDITION:
    case CRAMP_N_VOCABS:
    default:
      g_assert_not_reached ();
    }
}

/* The property of a field, from its row of the table: what is not
 * recorded is CRAMP_UNSET, NULL or nothing, as the getters say. */
static GParamSpec *
field_pspec (const CrampFieldInfo *info)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  switch (info->kind)
    {
    case KIND_ID:
    case KIND_TEXT:
      return g_param_spec_string (info->property, NULL, NULL, NULL, flags);
    case KIND_START:
      return g_param_spec_boxed (info->property, NULL, NULL, G_TYPE_DATE_TIME, flags);
    case KIND_NUMBER:
    case KIND_YES_NO:
      return g_param_spec_int (info->property, NULL, NULL, CRAMP_UNSET, info->max, CRAMP_UNSET, flags);
    case KIND_CHOICE:
      return g_param_spec_enum (info->property, NULL, NULL, vocab_type (info->vocab), 0, flags);
    case KIND_SET:
      return g_param_spec_flags (info->property, NULL, NULL, vocab_type (info->vocab), 0, flags);
    case KIND_LIST:
      return g_param_spec_boxed (info->property, NULL, NULL, G_TYPE_STRV, flags);
    default:
      g_assert_not_reached ();
    }
}

static void
cramp_episode_class_init (CrampEpisodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cramp_episode_finalize;
  object_class->get_property = cramp_episode_get_property;
  object_class->set_property = cramp_episode_set_property;

  for (guint i = 0; i < CRAMP_N_FIELDS; i++)
    properties[PROP_OF (i)] = field_pspec (&_cramp_episode_fields[i]);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cramp_episode_init (CrampEpisode *self)
{
  self->medications = g_new0 (char *, 1);
  for (guint i = 0; i < CRAMP_N_FIELDS; i++)
    if (_cramp_episode_fields[i].kind == KIND_NUMBER || _cramp_episode_fields[i].kind == KIND_YES_NO)
      INT_OF (self, &_cramp_episode_fields[i]) = CRAMP_UNSET;
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
    {
      const CrampFieldInfo *info = &_cramp_episode_fields[i];

      if (_cramp_field_is_scalar (info) && INT_OF (a, info) != INT_OF (b, info))
        return FALSE;
    }

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
  g_autofree char *lower = NULL;

  g_return_if_fail (CRAMP_IS_EPISODE (self));

  lower = id != NULL ? g_ascii_strdown (id, -1) : NULL;
  if (g_strcmp0 (lower, self->id) == 0)
    return;

  g_free (self->id);
  self->id = g_steal_pointer (&lower);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OF (CRAMP_FIELD_ID)]);
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

  if (self->started_at != NULL && g_date_time_equal (self->started_at, started_at) &&
      g_date_time_get_utc_offset (self->started_at) == g_date_time_get_utc_offset (started_at))
    return;

  g_clear_pointer (&self->started_at, g_date_time_unref);
  self->started_at = cramp_time_to_fixed (started_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OF (CRAMP_FIELD_STARTED_AT)]);
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

  _cramp_episode_set_scalar (self, field, value);
}

/* Sets a number, yes/no, choice or set, and says so if it changed. */
void
_cramp_episode_set_scalar (CrampEpisode *self,
                           CrampField    field,
                           int           value)
{
  const CrampFieldInfo *info = &_cramp_episode_fields[field];

  g_assert (_cramp_field_is_scalar (info));

  if (INT_OF (self, info) == value)
    return;

  INT_OF (self, info) = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OF (field)]);
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

  _cramp_episode_set_scalar (self, CRAMP_FIELD_DURATION, value);
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

  _cramp_episode_set_scalar (self, CRAMP_FIELD_INTENSITY, value);
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

  _cramp_episode_set_scalar (self, CRAMP_FIELD_WALK_DISTANCE, value);
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

  _cramp_episode_set_scalar (self, CRAMP_FIELD_FLUID, value);
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

  _cramp_episode_set_scalar (self, CRAMP_FIELD_WOKE_FROM_SLEEP, value);
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

  _cramp_episode_set_scalar (self, CRAMP_FIELD_MUSCLE, value);
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

  _cramp_episode_set_scalar (self, CRAMP_FIELD_SIDE, value);
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

  _cramp_episode_set_scalar (self, CRAMP_FIELD_ACTIVITY, value);
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

  _cramp_episode_set_scalar (self, CRAMP_FIELD_RELIEVED_BY, value);
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

  _cramp_episode_set_scalar (self, CRAMP_FIELD_SYMPTOMS, value);
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

  _cramp_episode_set_scalar (self, CRAMP_FIELD_TRIGGERS, value);
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

  _cramp_episode_take_medications (self, names != NULL ? g_strdupv ((char **) names) : NULL);
}

/**
 * _cramp_episode_take_medications:
 * @names: (transfer full) (nullable): none if %NULL
 */
void
_cramp_episode_take_medications (CrampEpisode *self,
                                 GStrv         names)
{
  if (names == NULL)
    names = g_new0 (char *, 1);

  if (g_strv_equal ((const char * const *) names, (const char * const *) self->medications))
    {
      g_strfreev (names);
      return;
    }

  g_strfreev (self->medications);
  self->medications = names;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OF (CRAMP_FIELD_MEDICATIONS)]);
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

  if (notes != NULL && notes[0] == '\0')
    notes = NULL;
  if (g_strcmp0 (notes, self->notes) == 0)
    return;

  g_free (self->notes);
  self->notes = g_strdup (notes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OF (CRAMP_FIELD_NOTES)]);
}
