/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The fixed vocabularies of the data model. Each has a token (the word
 * written in CSV files and in the diary) and a translated label. For the
 * single-choice vocabularies (muscle, side, activity) index 0 means "not
 * recorded" and has an empty token; for the sets (relief, symptom,
 * trigger) an index is a bit position.
 */
typedef enum
{
  CRAMP_VOCAB_MUSCLE,
  CRAMP_VOCAB_SIDE,
  CRAMP_VOCAB_ACTIVITY,
  CRAMP_VOCAB_RELIEF,
  CRAMP_VOCAB_SYMPTOM,
  CRAMP_VOCAB_TRIGGER,
  CRAMP_VOCAB_CONDITION,
  CRAMP_N_VOCABS
} CrampVocab;

typedef enum
{
  CRAMP_MUSCLE_UNKNOWN,
  CRAMP_MUSCLE_CALF,
  CRAMP_MUSCLE_FOOT,
  CRAMP_MUSCLE_TOES,
  CRAMP_MUSCLE_SHIN,
  CRAMP_MUSCLE_THIGH_FRONT,
  CRAMP_MUSCLE_THIGH_BACK,
  CRAMP_MUSCLE_HIP_BUTTOCK,
  CRAMP_MUSCLE_OTHER,
} CrampMuscle;

typedef enum
{
  CRAMP_SIDE_UNKNOWN,
  CRAMP_SIDE_LEFT,
  CRAMP_SIDE_RIGHT,
  CRAMP_SIDE_BOTH,
} CrampSide;

typedef enum
{
  CRAMP_ACTIVITY_UNKNOWN,
  CRAMP_ACTIVITY_SLEEPING,
  CRAMP_ACTIVITY_RESTING,
  CRAMP_ACTIVITY_SITTING,
  CRAMP_ACTIVITY_STANDING,
  CRAMP_ACTIVITY_WALKING,
  CRAMP_ACTIVITY_EXERCISING,
  CRAMP_ACTIVITY_AFTER_EXERCISE,
  CRAMP_ACTIVITY_OTHER,
} CrampActivity;

typedef enum
{
  CRAMP_RELIEF_REST        = 1 << 0,
  CRAMP_RELIEF_STRETCHING  = 1 << 1,
  CRAMP_RELIEF_MASSAGE     = 1 << 2,
  CRAMP_RELIEF_HEAT        = 1 << 3,
  CRAMP_RELIEF_COLD        = 1 << 4,
  CRAMP_RELIEF_WALKING     = 1 << 5,
  CRAMP_RELIEF_HANGING_LEG = 1 << 6,
  CRAMP_RELIEF_MEDICATION  = 1 << 7,
  CRAMP_RELIEF_NOTHING     = 1 << 8,
} CrampRelief;

typedef enum
{
  CRAMP_SYMPTOM_NUMBNESS           = 1 << 0,
  CRAMP_SYMPTOM_TINGLING           = 1 << 1,
  CRAMP_SYMPTOM_SWELLING           = 1 << 2,
  CRAMP_SYMPTOM_REDNESS            = 1 << 3,
  CRAMP_SYMPTOM_WEAKNESS           = 1 << 4,
  CRAMP_SYMPTOM_TWITCHING          = 1 << 5,
  CRAMP_SYMPTOM_SKIN_WARM          = 1 << 6,
  CRAMP_SYMPTOM_SKIN_COLD          = 1 << 7,
  CRAMP_SYMPTOM_SKIN_TEMPERATURE   = 1 << 8,   /* warmer or colder: diaries before skin-warm/skin-cold */
  CRAMP_SYMPTOM_SORES              = 1 << 9,
  CRAMP_SYMPTOM_VEIN_CHANGES       = 1 << 10,
  CRAMP_SYMPTOM_WALKING_DIFFICULTY = 1 << 11,
  CRAMP_SYMPTOM_URGE_TO_MOVE       = 1 << 12,
} CrampSymptom;

typedef enum
{
  CRAMP_TRIGGER_EXERCISE           = 1 << 0,
  CRAMP_TRIGGER_PROLONGED_STANDING = 1 << 1,
  CRAMP_TRIGGER_DEHYDRATION        = 1 << 2,
  CRAMP_TRIGGER_HEAT               = 1 << 3,
  CRAMP_TRIGGER_ALCOHOL            = 1 << 4,
  CRAMP_TRIGGER_PREGNANCY          = 1 << 5,
  CRAMP_TRIGGER_OTHER              = 1 << 6,
} CrampTrigger;

/* Conditions and risk factors of the health profile. */
typedef enum
{
  CRAMP_CONDITION_DIABETES              = 1 << 0,
  CRAMP_CONDITION_HIGH_BLOOD_PRESSURE   = 1 << 1,
  CRAMP_CONDITION_HIGH_CHOLESTEROL      = 1 << 2,
  CRAMP_CONDITION_SMOKING               = 1 << 3,
  CRAMP_CONDITION_PREGNANCY             = 1 << 4,
  CRAMP_CONDITION_KIDNEY_DISEASE        = 1 << 5,
  CRAMP_CONDITION_LIVER_DISEASE         = 1 << 6,
  CRAMP_CONDITION_THYROID_DISEASE       = 1 << 7,
  CRAMP_CONDITION_PARKINSONS_DISEASE    = 1 << 8,
  CRAMP_CONDITION_PERIPHERAL_NEUROPATHY = 1 << 9,
  CRAMP_CONDITION_ARTERIAL_DISEASE      = 1 << 10,  /* a heart attack, a stroke or narrowed arteries */
} CrampCondition;

gboolean    cramp_vocab_is_set    (CrampVocab   vocab);
guint       cramp_vocab_size      (CrampVocab   vocab);
const char *cramp_vocab_token     (CrampVocab   vocab,
                                   guint        index);
const char *cramp_vocab_label     (CrampVocab   vocab,
                                   guint        index);
const char *cramp_vocab_icon_name (CrampVocab   vocab,
                                   guint        index);
const char *cramp_vocab_description (CrampVocab vocab,
                                     guint      index);
gboolean    cramp_vocab_is_offered (CrampVocab  vocab,
                                    guint       index);
gboolean    cramp_vocab_lookup    (CrampVocab   vocab,
                                   const char  *token,
                                   guint       *index);
guint       cramp_vocab_all_bits  (CrampVocab   vocab);
char       *cramp_vocab_set_to_string   (CrampVocab   vocab,
                                         guint        bits);
char       *cramp_vocab_set_to_labels   (CrampVocab   vocab,
                                         guint        bits);
gboolean    cramp_vocab_set_from_string (CrampVocab   vocab,
                                         const char  *text,
                                         guint       *bits,
                                         char       **bad_token);

G_END_DECLS
