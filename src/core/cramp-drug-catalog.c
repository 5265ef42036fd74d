/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-drug-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cramp-drug-catalog.h"

/*
 * Medicines linked to leg cramps, by class: the generic names, the common
 * brand names and abbreviations, and other spellings in use (US and UK,
 * older names). From the documents in shared/seeds (001, 002), Allen &
 * Kirby, Am Fam Physician 2012;86(4):350, and Garrison et al. 2012
 * (PMID 22157068).
 *
 * A name matches an entry when it appears in it as a whole word, or as
 * whole consecutive words, whatever the case: "Hydrochlorothiazide 25 mg"
 * and "HCTZ" match, "prolasix" does not match "lasix".
 */

typedef struct
{
  const char *label;
  const char *names[12];
} DrugClass;

static const DrugClass classes[] = {
  { N_("thiazide diuretics"),
    { "hydrochlorothiazide", "hctz", "chlorthalidone", "chlortalidone", "indapamide" } },
  { N_("loop diuretics"),
    { "furosemide", "frusemide", "lasix", "bumetanide", "torasemide", "torsemide" } },
  { N_("potassium-sparing diuretics"),
    { "spironolactone", "aldactone", "amiloride", "triamterene" } },
  { N_("naproxen"),
    { "naproxen", "aleve", "naprosyn" } },
  { N_("teriparatide"),
    { "teriparatide", "forteo" } },
  { N_("iron sucrose"),
    { "iron sucrose", "venofer" } },
  { N_("conjugated estrogens"),
    { "conjugated estrogens", "conjugated oestrogens", "premarin" } },
  { N_("raloxifene"),
    { "raloxifene", "evista" } },
  { N_("oral contraceptives"),
    { "ethinylestradiol", "ethinyl estradiol", "ethinyloestradiol", "levonorgestrel",
      "norethisterone", "norethindrone", "desogestrel", "drospirenone" } },
  { N_("statins"),
    { "atorvastatin", "lipitor", "simvastatin", "zocor", "rosuvastatin", "crestor", "pravastatin" } },
  { N_("long-acting beta-agonists"),
    { "salmeterol", "serevent", "formoterol" } },
};

guint
cramp_drug_class_count (void)
{
  return G_N_ELEMENTS (classes);
}

/**
 * cramp_drug_class_label:
 *
 * Returns: the translated name of the class, in lower case, such as
 *   "loop diuretics"
 */
const char *
cramp_drug_class_label (guint drug_class)
{
  g_return_val_if_fail (drug_class < G_N_ELEMENTS (classes), NULL);

  return _(classes[drug_class].label);
}

/* The words of @text, case-folded, each followed by a space:
 * "Furosemide 40mg" gives "furosemide 40mg ". */
static char *
words_of (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *words = g_string_new (NULL);
  gboolean in_word = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (words, c);
          in_word = TRUE;
        }
      else if (in_word)
        {
          g_string_append_c (words, ' ');
          in_word = FALSE;
        }
    }
  if (in_word)
    g_string_append_c (words, ' ');

  return g_string_free (words, FALSE);
}

/**
 * cramp_drug_classes_in:
 * @entry: a medication as the user wrote it, such as "Lasix 40 mg"
 *
 * Returns: the classes @entry names, one bit per class
 */
guint
cramp_drug_classes_in (const char *entry)
{
  g_autofree char *split = NULL;
  g_autofree char *words = NULL;
  guint found = 0;

  g_return_val_if_fail (entry != NULL, 0);

  /* " lasix 40 mg ": a name matches where " name " appears */
  split = words_of (entry);
  words = g_strconcat (" ", split, NULL);

  for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
    {
      for (guint n = 0; n < G_N_ELEMENTS (classes[c].names) && classes[c].names[n]; n++)
        {
          g_autofree char *needle = g_strdup_printf (" %s ", classes[c].names[n]);

          if (strstr (words, needle) != NULL)
            {
              found |= 1u << c;
              break;
            }
        }
    }

  return found;
}
