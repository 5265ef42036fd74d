/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-vocab"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cramp-vocab.h"

typedef struct
{
  const char *token;
  const char *context;
  const char *label;
  const char *icon_name;
  const char *description;   /* what the word means, where a label is not enough */
  gboolean    legacy;        /* read and shown, no longer offered for new entries */
} Word;

static const Word muscles[] = {
  { "", "muscle", NC_("muscle", "Not recorded") },
  { "calf", "muscle", NC_("muscle", "Calf") },
  { "foot", "muscle", NC_("muscle", "Foot") },
  { "toes", "muscle", NC_("muscle", "Toes") },
  { "shin", "muscle", NC_("muscle", "Shin") },
  { "thigh-front", "muscle", NC_("muscle", "Front of thigh") },
  { "thigh-back", "muscle", NC_("muscle", "Back of thigh") },
  { "hip-buttock", "muscle", NC_("muscle", "Hip or buttock") },
  { "other", "muscle", NC_("muscle", "Other muscle") },
};

static const Word sides[] = {
  { "", "side", NC_("side", "Not recorded") },
  { "left", "side", NC_("side", "Left") },
  { "right", "side", NC_("side", "Right") },
  { "both", "side", NC_("side", "Both legs") },
};

static const Word activities[] = {
  { "", "activity", NC_("activity", "Not recorded") },
  { "sleeping", "activity", NC_("activity", "Sleeping") },
  { "resting", "activity", NC_("activity", "Resting") },
  { "sitting", "activity", NC_("activity", "Sitting") },
  { "standing", "activity", NC_("activity", "Standing") },
  { "walking", "activity", NC_("activity", "Walking") },
  { "exercising", "activity", NC_("activity", "Exercising") },
  { "after-exercise", "activity", NC_("activity", "After exercise") },
  { "other", "activity", NC_("activity", "Something else") },
};

static const Word reliefs[] = {
  { "rest", "relief", NC_("relief", "Rest") },
  { "stretching", "relief", NC_("relief", "Stretching") },
  { "massage", "relief", NC_("relief", "Massage") },
  { "heat", "relief", NC_("relief", "Heat") },
  { "cold", "relief", NC_("relief", "Cold") },
  { "walking", "relief", NC_("relief", "Walking it off") },
  { "hanging-leg", "relief", NC_("relief", "Letting the leg hang down"), NULL,
    N_("Over the edge of the bed or chair") },
  { "medication", "relief", NC_("relief", "Medication") },
  { "nothing", "relief", NC_("relief", "Nothing helped") },
};

static const Word symptoms[] = {
  { "numbness", "symptom", NC_("symptom", "Numbness"), "cramp-symptom-numbness-symbolic" },
  { "tingling", "symptom", NC_("symptom", "Tingling"), "cramp-symptom-tingling-symbolic" },
  { "swelling", "symptom", NC_("symptom", "Swelling"), "cramp-symptom-swelling-symbolic" },
  { "redness", "symptom", NC_("symptom", "Redness"), "cramp-symptom-redness-symbolic" },
  { "weakness", "symptom", NC_("symptom", "Weakness"), "cramp-symptom-weakness-symbolic" },
  { "twitching", "symptom", NC_("symptom", "Muscle twitching"), "cramp-symptom-twitching-symbolic",
    N_("Small visible twitches under the skin") },
  { "skin-warm", "symptom", NC_("symptom", "Skin warm to the touch"), "cramp-symptom-warm-symbolic" },
  { "skin-cold", "symptom", NC_("symptom", "Skin cold to the touch"), "cramp-symptom-cold-symbolic" },
  { "skin-temperature", "symptom", NC_("symptom", "Skin warmer or colder"), "cramp-symptom-temperature-symbolic",
    NULL, TRUE },
  { "sores", "symptom", NC_("symptom", "Sores or slow-healing wounds"), "cramp-symptom-sores-symbolic" },
  { "vein-changes", "symptom", NC_("symptom", "Visible vein changes"), "cramp-symptom-veins-symbolic" },
  { "walking-difficulty", "symptom", NC_("symptom", "Difficulty walking or standing"), "cramp-symptom-walking-symbolic",
    N_("Still could not walk or stand on it after the cramp passed") },
  { "urge-to-move", "symptom", NC_("symptom", "Urge to move the legs"), "cramp-symptom-urge-symbolic" },
};

static const Word triggers[] = {
  { "exercise", "trigger", NC_("trigger", "Exercise") },
  { "prolonged-standing", "trigger", NC_("trigger", "Standing for a long time") },
  { "dehydration", "trigger", NC_("trigger", "Not drinking enough") },
  { "heat", "trigger", NC_("trigger", "Hot weather") },
  { "alcohol", "trigger", NC_("trigger", "Alcohol") },
  { "pregnancy", "trigger", NC_("trigger", "Pregnancy") },
  { "other", "trigger", NC_("trigger", "Something else") },
};

static const Word conditions[] = {
  { "diabetes", "condition", NC_("condition", "Diabetes") },
  { "high-blood-pressure", "condition", NC_("condition", "High blood pressure") },
  { "high-cholesterol", "condition", NC_("condition", "High cholesterol") },
  { "smoking", "condition", NC_("condition", "Smoking") },
  { "pregnancy", "condition", NC_("condition", "Pregnancy") },
  { "kidney-disease", "condition", NC_("condition", "Kidney disease") },
  { "liver-disease", "condition", NC_("condition", "Liver disease") },
  { "thyroid-disease", "condition", NC_("condition", "Thyroid disease") },
  { "parkinsons-disease", "condition", NC_("condition", "Parkinson’s disease") },
  { "peripheral-neuropathy", "condition", NC_("condition", "Nerve damage in the legs (peripheral neuropathy)") },
  { "arterial-disease", "condition", NC_("condition", "Heart attack, stroke or narrowed arteries"), NULL,
    N_("Now or in the past, anywhere in the body") },
};

static const struct
{
  const Word *words;
  guint       n_words;
  gboolean    is_set;
} vocabs[CRAMP_N_VOCABS] = {
  [CRAMP_VOCAB_MUSCLE] = { muscles, G_N_ELEMENTS (muscles), FALSE },
  [CRAMP_VOCAB_SIDE] = { sides, G_N_ELEMENTS (sides), FALSE },
  [CRAMP_VOCAB_ACTIVITY] = { activities, G_N_ELEMENTS (activities), FALSE },
  [CRAMP_VOCAB_RELIEF] = { reliefs, G_N_ELEMENTS (reliefs), TRUE },
  [CRAMP_VOCAB_SYMPTOM] = { symptoms, G_N_ELEMENTS (symptoms), TRUE },
  [CRAMP_VOCAB_TRIGGER] = { triggers, G_N_ELEMENTS (triggers), TRUE },
  [CRAMP_VOCAB_CONDITION] = { conditions, G_N_ELEMENTS (conditions), TRUE },
};

gboolean
cramp_vocab_is_set (CrampVocab vocab)
{
  g_return_val_if_fail (vocab < CRAMP_N_VOCABS, FALSE);

  return vocabs[vocab].is_set;
}

guint
cramp_vocab_size (CrampVocab vocab)
{
  g_return_val_if_fail (vocab < CRAMP_N_VOCABS, 0);

  return vocabs[vocab].n_words;
}

const char *
cramp_vocab_token (CrampVocab vocab,
                   guint      index)
{
  g_return_val_if_fail (vocab < CRAMP_N_VOCABS, NULL);
  g_return_val_if_fail (index < vocabs[vocab].n_words, NULL);

  return vocabs[vocab].words[index].token;
}

/**
 * cramp_vocab_label:
 *
 * Returns: the translated label of a word, for people to read.
 */
const char *
cramp_vocab_label (CrampVocab vocab,
                   guint      index)
{
  const Word *word;

  g_return_val_if_fail (vocab < CRAMP_N_VOCABS, NULL);
  g_return_val_if_fail (index < vocabs[vocab].n_words, NULL);

  word = &vocabs[vocab].words[index];
  return g_dpgettext2 (GETTEXT_PACKAGE, word->context, word->label);
}

const char *
cramp_vocab_icon_name (CrampVocab vocab,
                       guint      index)
{
  g_return_val_if_fail (vocab < CRAMP_N_VOCABS, NULL);
  g_return_val_if_fail (index < vocabs[vocab].n_words, NULL);

  return vocabs[vocab].words[index].icon_name;
}

/**
 * cramp_vocab_description:
 *
 * Returns: (nullable): the translated explanation of a word, where its
 *   label needs one, such as what counts as "difficulty walking"
 */
const char *
cramp_vocab_description (CrampVocab vocab,
                         guint      index)
{
  g_return_val_if_fail (vocab < CRAMP_N_VOCABS, NULL);
  g_return_val_if_fail (index < vocabs[vocab].n_words, NULL);

  if (vocabs[vocab].words[index].description == NULL)
    return NULL;

  return _(vocabs[vocab].words[index].description);
}

/**
 * cramp_vocab_is_offered:
 *
 * Returns: whether editors offer the word for new entries; a word that
 *   is not (such as "skin-temperature", which did not say warm or cold)
 *   is still read, kept and shown where a diary has it
 */
gboolean
cramp_vocab_is_offered (CrampVocab vocab,
                        guint      index)
{
  g_return_val_if_fail (vocab < CRAMP_N_VOCABS, FALSE);
  g_return_val_if_fail (index < vocabs[vocab].n_words, FALSE);

  return !vocabs[vocab].words[index].legacy;
}

/**
 * cramp_vocab_lookup:
 * @token: a token, compared without regard to ASCII case
 *
 * Finds the index of @token. The empty token of a single-choice
 * vocabulary is index 0 ("not recorded").
 */
gboolean
cramp_vocab_lookup (CrampVocab  vocab,
                    const char *token,
                    guint      *index)
{
  g_return_val_if_fail (vocab < CRAMP_N_VOCABS, FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  for (guint i = 0; i < vocabs[vocab].n_words; i++)
    {
      if (g_ascii_strcasecmp (vocabs[vocab].words[i].token, token) == 0)
        {
          if (index != NULL)
            *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

guint
cramp_vocab_all_bits (CrampVocab vocab)
{
  g_return_val_if_fail (cramp_vocab_is_set (vocab), 0);

  return (1u << vocabs[vocab].n_words) - 1;
}

static char *
join_set (CrampVocab  vocab,
          guint       bits,
          gboolean    labels,
          const char *separator)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < vocabs[vocab].n_words; i++)
    {
      if ((bits & (1u << i)) == 0)
        continue;
      if (str->len > 0)
        g_string_append (str, separator);
      g_string_append (str, labels ? cramp_vocab_label (vocab, i) : vocabs[vocab].words[i].token);
    }

  return g_string_free (str, FALSE);
}

/**
 * cramp_vocab_set_to_string:
 *
 * Returns: (transfer full): the tokens of @bits in vocabulary order,
 *   separated by ";", or an empty string for an empty set.
 */
char *
cramp_vocab_set_to_string (CrampVocab vocab,
                           guint      bits)
{
  g_return_val_if_fail (cramp_vocab_is_set (vocab), NULL);

  return join_set (vocab, bits, FALSE, ";");
}

/**
 * cramp_vocab_set_to_labels:
 *
 * Returns: (transfer full): the translated labels of @bits, separated by
 *   the locale's list separator.
 */
char *
cramp_vocab_set_to_labels (CrampVocab vocab,
                           guint      bits)
{
  g_return_val_if_fail (cramp_vocab_is_set (vocab), NULL);

  /* Translators: separates the items of a list such as "Rest, Massage" */
  return join_set (vocab, bits, TRUE, _(", "));
}

/**
 * cramp_vocab_set_from_string:
 * @text: tokens separated by ";", surrounding spaces ignored
 * @bad_token: (out) (optional): the first token that is not a word of
 *   the vocabulary
 */
gboolean
cramp_vocab_set_from_string (CrampVocab   vocab,
                             const char  *text,
                             guint       *bits,
                             char       **bad_token)
{
  g_auto(GStrv) parts = NULL;
  guint result = 0;

  g_return_val_if_fail (cramp_vocab_is_set (vocab), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *token = g_strstrip (parts[i]);
      guint index;

      if (token[0] == '\0')
        continue;

      if (!cramp_vocab_lookup (vocab, token, &index))
        {
          if (bad_token != NULL)
            *bad_token = g_strdup (token);
          return FALSE;
        }

      result |= 1u << index;
    }

  *bits = result;
  return TRUE;
}
