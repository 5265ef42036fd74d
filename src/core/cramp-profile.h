/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cramp-vocab.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_PROFILE (cramp_profile_get_type ())
#define CRAMP_PROFILE_ERROR (cramp_profile_error_quark ())

G_DECLARE_FINAL_TYPE (CrampProfile, cramp_profile, CRAMP, PROFILE, GObject)

typedef enum
{
  CRAMP_PROFILE_ERROR_NAME,
  CRAMP_PROFILE_ERROR_DATES,
  CRAMP_PROFILE_ERROR_PATIENT,
  CRAMP_PROFILE_ERROR_BIRTH_YEAR,
} CrampProfileError;

#define CRAMP_PATIENT_NAME_MAX_CHARS 200
#define CRAMP_BIRTH_YEAR_MIN 1900
#define CRAMP_BIRTH_YEAR_MAX 2100

GQuark        cramp_profile_error_quark            (void);
CrampProfile *cramp_profile_new                    (void);
CrampProfile *cramp_profile_copy                   (CrampProfile  *self);
guint         cramp_profile_get_conditions         (CrampProfile  *self);
void          cramp_profile_set_conditions         (CrampProfile  *self,
                                                    guint          conditions);
guint         cramp_profile_get_birth_year         (CrampProfile  *self);
void          cramp_profile_set_birth_year         (CrampProfile  *self,
                                                    guint          birth_year);
const char   *cramp_profile_get_patient_name       (CrampProfile  *self);
void          cramp_profile_set_patient_name       (CrampProfile  *self,
                                                    const char    *name);
guint         cramp_profile_get_n_medications      (CrampProfile  *self);
const char   *cramp_profile_get_medication_id      (CrampProfile  *self,
                                                    guint          index);
void          cramp_profile_set_medication_id      (CrampProfile  *self,
                                                    guint          index,
                                                    const char    *id);
const char   *cramp_profile_get_medication_name    (CrampProfile  *self,
                                                    guint          index);
gboolean      cramp_profile_get_medication_started (CrampProfile  *self,
                                                    guint          index,
                                                    GDate         *date);
gboolean      cramp_profile_get_medication_stopped (CrampProfile  *self,
                                                    guint          index,
                                                    GDate         *date);
char         *cramp_profile_describe_medication_dates (CrampProfile *self,
                                                       guint         index);
gboolean      cramp_profile_add_medication         (CrampProfile  *self,
                                                    const char    *name,
                                                    const GDate   *started,
                                                    const GDate   *stopped,
                                                    GError       **error);
gboolean      cramp_profile_replace_medication     (CrampProfile  *self,
                                                    guint          index,
                                                    const char    *name,
                                                    const GDate   *started,
                                                    const GDate   *stopped,
                                                    GError       **error);
void          cramp_profile_remove_medication      (CrampProfile  *self,
                                                    guint          index);
gboolean      cramp_profile_validate               (CrampProfile  *self,
                                                    GError       **error);

G_END_DECLS
