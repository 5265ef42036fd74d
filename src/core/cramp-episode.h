/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cramp-vocab.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_EPISODE (cramp_episode_get_type ())
#define CRAMP_EPISODE_ERROR (cramp_episode_error_quark ())

G_DECLARE_FINAL_TYPE (CrampEpisode, cramp_episode, CRAMP, EPISODE, GObject)

/* The fields in the order of the CSV columns. An invalid episode is
 * reported with the field at fault as the error code. */
typedef enum
{
  CRAMP_FIELD_ID,
  CRAMP_FIELD_STARTED_AT,
  CRAMP_FIELD_DURATION,
  CRAMP_FIELD_MUSCLE,
  CRAMP_FIELD_SIDE,
  CRAMP_FIELD_INTENSITY,
  CRAMP_FIELD_ACTIVITY,
  CRAMP_FIELD_WALK_DISTANCE,
  CRAMP_FIELD_RELIEVED_BY,
  CRAMP_FIELD_SYMPTOMS,
  CRAMP_FIELD_TRIGGERS,
  CRAMP_FIELD_FLUID,
  CRAMP_FIELD_MEDICATIONS,
  CRAMP_FIELD_WOKE_FROM_SLEEP,
  CRAMP_FIELD_NOTES,
  CRAMP_N_FIELDS
} CrampField;

/* "Not recorded", for the optional numbers and the yes/no answer. */
#define CRAMP_UNSET (-1)

#define CRAMP_DURATION_MAX       86400
#define CRAMP_INTENSITY_MAX      10
#define CRAMP_WALK_DISTANCE_MAX  1000000
#define CRAMP_FLUID_MAX          100000
#define CRAMP_NOTES_MAX_CHARS    10000
#define CRAMP_MEDICATION_MAX_CHARS 200
#define CRAMP_MEDICATIONS_MAX    50
/* How far ahead of this machine's clock an episode may lie, for clocks
 * that disagree a little. */
#define CRAMP_FUTURE_SLACK_S     (24 * 3600)

GQuark         cramp_episode_error_quark     (void);
const char    *cramp_field_name              (CrampField      field);
gboolean       cramp_field_from_name         (const char     *name,
                                              CrampField     *field);
gboolean       cramp_field_is_number         (CrampField      field);

CrampEpisode  *cramp_episode_new             (GDateTime      *started_at);
CrampEpisode  *cramp_episode_new_empty       (void);
CrampEpisode  *cramp_episode_copy            (CrampEpisode   *self);
gboolean       cramp_episode_equal           (CrampEpisode   *a,
                                              CrampEpisode   *b);

const char    *cramp_episode_get_id          (CrampEpisode   *self);
void           cramp_episode_set_id          (CrampEpisode   *self,
                                              const char     *id);
GDateTime     *cramp_episode_get_started_at  (CrampEpisode   *self);
void           cramp_episode_set_started_at  (CrampEpisode   *self,
                                              GDateTime      *started_at);
gint64         cramp_episode_get_night       (CrampEpisode   *self);
int            cramp_episode_get_number      (CrampEpisode   *self,
                                              CrampField      field);
void           cramp_episode_set_number      (CrampEpisode   *self,
                                              CrampField      field,
                                              int             value);
int            cramp_episode_get_duration    (CrampEpisode   *self);
void           cramp_episode_set_duration    (CrampEpisode   *self,
                                              int             duration_s);
CrampMuscle    cramp_episode_get_muscle      (CrampEpisode   *self);
void           cramp_episode_set_muscle      (CrampEpisode   *self,
                                              CrampMuscle     muscle);
CrampSide      cramp_episode_get_side        (CrampEpisode   *self);
void           cramp_episode_set_side        (CrampEpisode   *self,
                                              CrampSide       side);
int            cramp_episode_get_intensity   (CrampEpisode   *self);
void           cramp_episode_set_intensity   (CrampEpisode   *self,
                                              int             intensity);
CrampActivity  cramp_episode_get_activity    (CrampEpisode   *self);
void           cramp_episode_set_activity    (CrampEpisode   *self,
                                              CrampActivity   activity);
int            cramp_episode_get_walk_distance (CrampEpisode *self);
void           cramp_episode_set_walk_distance (CrampEpisode *self,
                                                int           metres);
guint          cramp_episode_get_relieved_by (CrampEpisode   *self);
void           cramp_episode_set_relieved_by (CrampEpisode   *self,
                                              guint           relief);
guint          cramp_episode_get_symptoms    (CrampEpisode   *self);
void           cramp_episode_set_symptoms    (CrampEpisode   *self,
                                              guint           symptoms);
guint          cramp_episode_get_triggers    (CrampEpisode   *self);
void           cramp_episode_set_triggers    (CrampEpisode   *self,
                                              guint           triggers);
int            cramp_episode_get_fluid       (CrampEpisode   *self);
void           cramp_episode_set_fluid       (CrampEpisode   *self,
                                              int             millilitres);
const char * const *cramp_episode_get_medications (CrampEpisode *self);
void           cramp_episode_set_medications (CrampEpisode   *self,
                                              const char * const *names);
int            cramp_episode_get_woke_from_sleep (CrampEpisode *self);
void           cramp_episode_set_woke_from_sleep (CrampEpisode *self,
                                                  int           woke);
const char    *cramp_episode_get_notes       (CrampEpisode   *self);
void           cramp_episode_set_notes       (CrampEpisode   *self,
                                              const char     *notes);

gboolean       cramp_episode_validate        (CrampEpisode   *self,
                                              GError        **error);
gboolean       cramp_episode_set_field       (CrampEpisode   *self,
                                              CrampField      field,
                                              const char     *text,
                                              GError        **error);
char          *cramp_episode_get_field       (CrampEpisode   *self,
                                              CrampField      field);

gboolean       cramp_medications_parse       (const char     *text,
                                              GStrv          *names,
                                              GError        **error);
char          *cramp_medications_join        (const char * const *names);
gunichar       cramp_text_find_hidden        (const char     *text,
                                              gboolean        lines);
char          *cramp_text_describe_hidden    (const char     *field,
                                              gunichar        c);

G_END_DECLS
