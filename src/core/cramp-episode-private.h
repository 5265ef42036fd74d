/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-episode.h"

G_BEGIN_DECLS

struct _CrampEpisode
{
  GObject        parent_instance;

  char          *id;
  GDateTime     *started_at;
  char          *notes;
  GStrv          medications;   /* never NULL */
  /* the numbers and yes/no: CRAMP_UNSET when not recorded */
  int            duration_s;
  int            intensity;
  int            walk_distance_m;
  int            fluid_ml;
  int            woke_from_sleep;
  /* an index into a vocabulary (0: not recorded), or a set of its bits */
  guint          muscle;
  guint          side;
  guint          activity;
  guint          relieved_by;
  guint          symptoms;
  guint          triggers;
};

/* How a field is held, read and written. */
typedef enum
{
  KIND_ID,       /* a UUID, or none yet */
  KIND_START,    /* an instant with the offset of its clock */
  KIND_NUMBER,   /* a whole number from min to max, or CRAMP_UNSET */
  KIND_CHOICE,   /* one word of a vocabulary; 0 is "not recorded" */
  KIND_SET,      /* words of a vocabulary, a bit each */
  KIND_YES_NO,   /* TRUE, FALSE or CRAMP_UNSET */
  KIND_LIST,     /* medication names */
  KIND_TEXT,     /* notes */
} CrampFieldKind;

/* The episode's fields in one table, in the order of the CSV columns:
 * their names (the CSV's columns and the diary's), properties, kinds,
 * bounds and vocabularies drive the properties, copying, comparing,
 * validating and the CSV form. */
typedef struct
{
  const char *name;
  const char *property;  /* the episode's GObject property */
  CrampFieldKind   kind;
  gsize       offset;    /* of the member, for the numbers, choices and sets */
  int         min;
  int         max;
  CrampVocab  vocab;
  const char *invalid;   /* what validation says of a value out of bounds */
} CrampFieldInfo;

extern const CrampFieldInfo _cramp_episode_fields[CRAMP_N_FIELDS];

/* The member of a number or yes/no, and of a choice or set. */
#define INT_OF(episode, info) G_STRUCT_MEMBER (int, (episode), (info)->offset)
#define BITS_OF(episode, info) G_STRUCT_MEMBER (guint, (episode), (info)->offset)

static inline gboolean
_cramp_field_is_scalar (const CrampFieldInfo *info)
{
  return info->kind == KIND_NUMBER || info->kind == KIND_YES_NO ||
         info->kind == KIND_CHOICE || info->kind == KIND_SET;
}

void _cramp_episode_set_scalar       (CrampEpisode *self,
                                     CrampField    field,
                                     int           value);
void _cramp_episode_take_medications (CrampEpisode *self,
                                     GStrv         names);

G_END_DECLS
