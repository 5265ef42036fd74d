/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-profile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cramp-enums.h"
#include "cramp-episode.h"
#include "cramp-format.h"
#include "cramp-profile.h"

/*
 * The health profile of a diary: conditions and risk factors, and the
 * medications taken, each with the dates it was started and stopped when
 * they are known. The findings use the risk factors; the report shows how
 * often cramps came before and after a medication was started.
 */

typedef struct
{
  char  *id;        /* a UUID: the diary's key of the medication */
  char  *name;
  GDate  started;   /* invalid when not known */
  GDate  stopped;
} Medication;

struct _CrampProfile
{
  GObject  parent_instance;

  GArray  *medications;   /* Medication */
  char    *patient_name;
  guint    conditions;
  guint    birth_year;    /* 0 when not given */
};

G_DEFINE_FINAL_TYPE (CrampProfile, cramp_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BIRTH_YEAR,
  PROP_CONDITIONS,
  PROP_PATIENT_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (cramp-profile-error-quark, cramp_profile_error)

static void
medication_clear (gpointer data)
{
  Medication *medication = data;

  g_clear_pointer (&medication->id, g_free);
  g_clear_pointer (&medication->name, g_free);
}

static void
cramp_profile_finalize (GObject *object)
{
  CrampProfile *self = (CrampProfile *) object;

  g_clear_pointer (&self->medications, g_array_unref);
  g_clear_pointer (&self->patient_name, g_free);

  G_OBJECT_CLASS (cramp_profile_parent_class)->finalize (object);
}

static void
cramp_profile_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrampProfile *self = CRAMP_PROFILE (object);

  switch (prop_id)
    {
    case PROP_BIRTH_YEAR:
      g_value_set_uint (value, self->birth_year);
      break;
    case PROP_CONDITIONS:
      g_value_set_flags (value, self->conditions);
      break;
    case PROP_PATIENT_NAME:
      g_value_set_string (value, self->patient_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_profile_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CrampProfile *self = CRAMP_PROFILE (object);

  switch (prop_id)
    {
    case PROP_BIRTH_YEAR:
      cramp_profile_set_birth_year (self, g_value_get_uint (value));
      break;
    case PROP_CONDITIONS:
      cramp_profile_set_conditions (self, g_value_get_flags (value));
      break;
    case PROP_PATIENT_NAME:
      cramp_profile_set_patient_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_profile_class_init (CrampProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cramp_profile_finalize;
  object_class->get_property = cramp_profile_get_property;
  object_class->set_property = cramp_profile_set_property;

  /**
   * CrampProfile:birth-year:
   *
   * The year of birth, or 0 when it was not given.
   */
  properties[PROP_BIRTH_YEAR] =
    g_param_spec_uint ("birth-year", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONDITIONS] =
    g_param_spec_flags ("conditions", NULL, NULL, CRAMP_TYPE_CONDITION, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATIENT_NAME] =
    g_param_spec_string ("patient-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cramp_profile_init (CrampProfile *self)
{
  self->medications = g_array_new (FALSE, TRUE, sizeof (Medication));
  g_array_set_clear_func (self->medications, medication_clear);
}

CrampProfile *
cramp_profile_new (void)
{
  return g_object_new (CRAMP_TYPE_PROFILE, NULL);
}

CrampProfile *
cramp_profile_copy (CrampProfile *self)
{
  CrampProfile *copy;

  g_return_val_if_fail (CRAMP_IS_PROFILE (self), NULL);

  copy = cramp_profile_new ();
  copy->conditions = self->conditions;
  copy->birth_year = self->birth_year;
  copy->patient_name = g_strdup (self->patient_name);
  for (guint i = 0; i < self->medications->len; i++)
    {
      const Medication *medication = &g_array_index (self->medications, Medication, i);
      Medication dup = *medication;

      dup.id = g_strdup (medication->id);
      dup.name = g_strdup (medication->name);
      g_array_append_val (copy->medications, dup);
    }

  return copy;
}

guint
cramp_profile_get_conditions (CrampProfile *self)
{
  g_return_val_if_fail (CRAMP_IS_PROFILE (self), 0);

  return self->conditions;
}

void
cramp_profile_set_conditions (CrampProfile *self,
                              guint         conditions)
{
  g_return_if_fail (CRAMP_IS_PROFILE (self));
  g_return_if_fail ((conditions & ~cramp_vocab_all_bits (CRAMP_VOCAB_CONDITION)) == 0);

  if (self->conditions == conditions)
    return;

  self->conditions = conditions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONDITIONS]);
}

/**
 * cramp_profile_get_birth_year:
 *
 * Returns: the year of birth, or 0 when it was not given
 */
guint
cramp_profile_get_birth_year (CrampProfile *self)
{
  g_return_val_if_fail (CRAMP_IS_PROFILE (self), 0);

  return self->birth_year;
}

/**
 * cramp_profile_set_birth_year:
 * @birth_year: a year from %CRAMP_BIRTH_YEAR_MIN to %CRAMP_BIRTH_YEAR_MAX,
 *   or 0 for "not given"; cramp_profile_validate() refuses other years
 */
void
cramp_profile_set_birth_year (CrampProfile *self,
                              guint         birth_year)
{
  g_return_if_fail (CRAMP_IS_PROFILE (self));

  if (self->birth_year == birth_year)
    return;

  self->birth_year = birth_year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIRTH_YEAR]);
}

/**
 * cramp_profile_get_patient_name:
 *
 * Returns: (nullable): the name to print on the report, if the user gave one
 */
const char *
cramp_profile_get_patient_name (CrampProfile *self)
{
  g_return_val_if_fail (CRAMP_IS_PROFILE (self), NULL);

  return self->patient_name;
}

void
cramp_profile_set_patient_name (CrampProfile *self,
                                const char   *name)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (CRAMP_IS_PROFILE (self));

  stripped = name ? g_strstrip (g_strdup (name)) : NULL;
  if (stripped != NULL && stripped[0] == '\0')
    g_clear_pointer (&stripped, g_free);

  if (g_strcmp0 (stripped, self->patient_name) == 0)
    return;

  g_free (self->patient_name);
  self->patient_name = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT_NAME]);
}

guint
cramp_profile_get_n_medications (CrampProfile *self)
{
  g_return_val_if_fail (CRAMP_IS_PROFILE (self), 0);

  return self->medications->len;
}

/**
 * cramp_profile_get_medication_id:
 *
 * Returns: the key of medication @index: a UUID, given when it was
 *   added and kept when it is changed
 */
const char *
cramp_profile_get_medication_id (CrampProfile *self,
                                 guint         index)
{
  g_return_val_if_fail (CRAMP_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->medications->len, NULL);

  return g_array_index (self->medications, Medication, index).id;
}

/**
 * cramp_profile_set_medication_id:
 *
 * Gives medication @index the key it has in the diary, as the diary is
 * read.
 */
void
cramp_profile_set_medication_id (CrampProfile *self,
                                 guint         index,
                                 const char   *id)
{
  g_return_if_fail (CRAMP_IS_PROFILE (self));
  g_return_if_fail (index < self->medications->len);
  g_return_if_fail (id != NULL);

  g_free (g_array_index (self->medications, Medication, index).id);
  g_array_index (self->medications, Medication, index).id = g_strdup (id);
}

const char *
cramp_profile_get_medication_name (CrampProfile *self,
                                   guint         index)
{
  g_return_val_if_fail (CRAMP_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->medications->len, NULL);

  return g_array_index (self->medications, Medication, index).name;
}

static gboolean
get_date (const GDate *stored,
          GDate       *date)
{
  if (!g_date_valid (stored))
    return FALSE;

  if (date != NULL)
    *date = *stored;
  return TRUE;
}

/**
 * cramp_profile_get_medication_started:
 * @date: (out) (optional): the day it was started
 *
 * Returns: whether the day it was started is known
 */
gboolean
cramp_profile_get_medication_started (CrampProfile *self,
                                      guint         index,
                                      GDate        *date)
{
  g_return_val_if_fail (CRAMP_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (index < self->medications->len, FALSE);

  return get_date (&g_array_index (self->medications, Medication, index).started, date);
}

gboolean
cramp_profile_get_medication_stopped (CrampProfile *self,
                                      guint         index,
                                      GDate        *date)
{
  g_return_val_if_fail (CRAMP_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (index < self->medications->len, FALSE);

  return get_date (&g_array_index (self->medications, Medication, index).stopped, date);
}

/**
 * cramp_profile_describe_medication_dates:
 *
 * Returns: (transfer full): when medication @index was taken, in words:
 *   "From 2 March 2026 to 1 June 2026", "Since …", "Stopped on …" or
 *   "Start not known"
 */
char *
cramp_profile_describe_medication_dates (CrampProfile *self,
                                         guint         index)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate started, stopped;
  gboolean has_start = cramp_profile_get_medication_started (self, index, &started);
  gboolean has_stop = cramp_profile_get_medication_stopped (self, index, &stopped);

  if (has_start)
    from = cramp_format_day (&started);
  if (has_stop)
    to = cramp_format_day (&stopped);

  if (has_start && has_stop)
    /* Translators: two days, such as "From 2 March 2026 to 1 June 2026" */
    return g_strdup_printf (_("From %s to %s"), from, to);
  if (has_start)
    /* Translators: a day */
    return g_strdup_printf (_("Since %s"), from);
  if (has_stop)
    /* Translators: a day */
    return g_strdup_printf (_("Stopped on %s"), to);
  return g_strdup (_("Start not known"));
}

static gboolean
check_medication (const char   *name,
                  const GDate  *started,
                  const GDate  *stopped,
                  GError      **error)
{
  g_auto(GStrv) parsed = NULL;
  gunichar hidden;

  if (name != NULL && g_utf8_validate (name, -1, NULL) && (hidden = cramp_text_find_hidden (name, FALSE)) != 0)
    {
      g_autofree char *message = cramp_text_describe_hidden (_("the medications"), hidden);

      g_set_error_literal (error, CRAMP_PROFILE_ERROR, CRAMP_PROFILE_ERROR_NAME, message);
      return FALSE;
    }

  if (name == NULL || !g_utf8_validate (name, -1, NULL) ||
      !cramp_medications_parse (name, &parsed, NULL) || g_strv_length (parsed) != 1)
    {
      g_set_error_literal (error, CRAMP_PROFILE_ERROR, CRAMP_PROFILE_ERROR_NAME,
                           _("Give the medication a name of up to 200 characters, without “;”."));
      return FALSE;
    }

  if (started && g_date_valid (started) && stopped && g_date_valid (stopped) &&
      g_date_compare (stopped, started) < 0)
    {
      g_set_error_literal (error, CRAMP_PROFILE_ERROR, CRAMP_PROFILE_ERROR_DATES,
                           _("A medication cannot be stopped before it was started."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
make_medication (Medication   *medication,
                 const char   *name,
                 const GDate  *started,
                 const GDate  *stopped,
                 GError      **error)
{
  if (!check_medication (name, started, stopped, error))
    return FALSE;

  medication->name = g_strstrip (g_strdup (name));
  g_date_clear (&medication->started, 1);
  g_date_clear (&medication->stopped, 1);
  if (started && g_date_valid (started))
    medication->started = *started;
  if (stopped && g_date_valid (stopped))
    medication->stopped = *stopped;

  return TRUE;
}

/**
 * cramp_profile_add_medication:
 * @started: (nullable): the day it was started, if known
 * @stopped: (nullable): the day it was stopped, if it was
 */
gboolean
cramp_profile_add_medication (CrampProfile  *self,
                              const char    *name,
                              const GDate   *started,
                              const GDate   *stopped,
                              GError       **error)
{
  Medication medication = { 0 };

  g_return_val_if_fail (CRAMP_IS_PROFILE (self), FALSE);

  if (!make_medication (&medication, name, started, stopped, error))
    return FALSE;

  medication.id = g_uuid_string_random ();
  g_array_append_val (self->medications, medication);
  return TRUE;
}

/**
 * cramp_profile_replace_medication:
 *
 * Changes medication @index in its place.
 */
gboolean
cramp_profile_replace_medication (CrampProfile  *self,
                                  guint          index,
                                  const char    *name,
                                  const GDate   *started,
                                  const GDate   *stopped,
                                  GError       **error)
{
  Medication medication = { 0 };

  g_return_val_if_fail (CRAMP_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (index < self->medications->len, FALSE);

  if (!make_medication (&medication, name, started, stopped, error))
    return FALSE;

  /* the same medication, changed: its key stays */
  medication.id = g_steal_pointer (&g_array_index (self->medications, Medication, index).id);
  medication_clear (&g_array_index (self->medications, Medication, index));
  g_array_index (self->medications, Medication, index) = medication;
  return TRUE;
}

void
cramp_profile_remove_medication (CrampProfile *self,
                                 guint         index)
{
  g_return_if_fail (CRAMP_IS_PROFILE (self));
  g_return_if_fail (index < self->medications->len);

  g_array_remove_index (self->medications, index);
}

gboolean
cramp_profile_validate (CrampProfile  *self,
                        GError       **error)
{
  g_return_val_if_fail (CRAMP_IS_PROFILE (self), FALSE);

  if (self->patient_name != NULL &&
      (!g_utf8_validate (self->patient_name, -1, NULL) ||
       g_utf8_strlen (self->patient_name, -1) > CRAMP_PATIENT_NAME_MAX_CHARS))
    {
      g_set_error (error, CRAMP_PROFILE_ERROR, CRAMP_PROFILE_ERROR_PATIENT,
                   _("The name can be at most %d characters long."), CRAMP_PATIENT_NAME_MAX_CHARS);
      return FALSE;
    }

  if (self->patient_name != NULL)
    {
      gunichar hidden = cramp_text_find_hidden (self->patient_name, FALSE);

      if (hidden != 0)
        {
          g_autofree char *message = cramp_text_describe_hidden (_("the name for the report"), hidden);

          g_set_error_literal (error, CRAMP_PROFILE_ERROR, CRAMP_PROFILE_ERROR_PATIENT, message);
          return FALSE;
        }
    }

  if (self->birth_year != 0 &&
      (self->birth_year < CRAMP_BIRTH_YEAR_MIN || self->birth_year > CRAMP_BIRTH_YEAR_MAX))
    {
      g_set_error (error, CRAMP_PROFILE_ERROR, CRAMP_PROFILE_ERROR_BIRTH_YEAR,
                   _("The year of birth must lie between %d and %d."), CRAMP_BIRTH_YEAR_MIN, CRAMP_BIRTH_YEAR_MAX);
      return FALSE;
    }

  for (guint i = 0; i < self->medications->len; i++)
    {
      const Medication *medication = &g_array_index (self->medications, Medication, i);

      if (!check_medication (medication->name, &medication->started, &medication->stopped, error))
        return FALSE;
    }

  return TRUE;
}
