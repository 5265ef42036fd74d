/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-drug-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cramp-drug-catalog.h"

/*
 * The medication catalog of DESIGN.md: medicines linked to leg cramps, by
 * class, with their generic names, German spellings, brands and
 * combination products. From the documents in shared/seeds (001, 002),
 * Allen & Kirby, Am Fam Physician 2012;86(4):350, and Garrison et al.
 * 2012 (PMID 22157068); quinine from the FDA's safety communication of
 * 2010.
 *
 * An entry is split into words at every character that is neither a
 * letter nor a digit, and between letters and digits, so that
 * "Atorvastatin20mg" gives "atorvastatin", "20", "mg". A name matches
 * where its words come one after another in the entry, whatever the case;
 * an entry that begins with a negation ("no Lasix", "keine Pille") names
 * nothing taken. One pass over the entry's words looks each up in a hash
 * of the names' first words: no string is built per name.
 */

typedef struct
{
  const char *label;
  const char *names[24];
} DrugClass;

static const DrugClass classes[CRAMP_N_DRUG_CLASSES] = {
  [CRAMP_DRUG_CLASS_THIAZIDE] = { N_("thiazide and thiazide-like diuretics"),
    { "hydrochlorothiazide", "hydrochlorothiazid", "hctz", "chlorthalidone", "chlortalidone",
      "chlortalidon", "indapamide", "indapamid", "bendroflumethiazide", "bendroflumethiazid",
      "metolazone", "metolazon", "xipamide", "xipamid", "microzide", "hygroton", "natrilix",
      "dyazide", "maxzide" } },
  [CRAMP_DRUG_CLASS_LOOP] = { N_("loop diuretics"),
    { "furosemide", "furosemid", "frusemide", "lasix", "bumetanide", "bumetanid", "bumex",
      "burinex", "torasemide", "torasemid", "torsemide", "torem", "demadex" } },
  [CRAMP_DRUG_CLASS_POTASSIUM_SPARING] = { N_("potassium-sparing diuretics"),
    { "spironolactone", "spironolacton", "aldactone", "amiloride", "amilorid", "midamor",
      "triamterene", "triamteren", "dyrenium", "eplerenone", "eplerenon", "inspra", "dyazide",
      "maxzide" } },
  [CRAMP_DRUG_CLASS_NAPROXEN] = { N_("naproxen"),
    { "naproxen", "aleve", "naprosyn", "anaprox" } },
  [CRAMP_DRUG_CLASS_TERIPARATIDE] = { N_("teriparatide"),
    { "teriparatide", "teriparatid", "forteo", "forsteo" } },
  [CRAMP_DRUG_CLASS_IRON_SUCROSE] = { N_("iron sucrose"),
    { "iron sucrose", "venofer" } },
  [CRAMP_DRUG_CLASS_CONJUGATED_ESTROGENS] = { N_("conjugated estrogens"),
    { "conjugated estrogens", "conjugated oestrogens", "konjugierte östrogene", "premarin" } },
  [CRAMP_DRUG_CLASS_RALOXIFENE] = { N_("raloxifene"),
    { "raloxifene", "raloxifen", "evista", "optruma" } },
  [CRAMP_DRUG_CLASS_ORAL_CONTRACEPTIVES] = { N_("oral contraceptives"),
    { "ethinylestradiol", "ethinyl estradiol", "ethinyloestradiol", "levonorgestrel",
      "norethisterone", "norethisteron", "norethindrone", "desogestrel", "drospirenone",
      "drospirenon", "gestodene", "gestoden", "dienogest", "microgynon", "yasmin", "yaz",
      "cerazette" } },
  [CRAMP_DRUG_CLASS_STATINS] = { N_("statins"),
    { "atorvastatin", "lipitor", "sortis", "simvastatin", "zocor", "rosuvastatin", "crestor",
      "pravastatin", "pravachol", "fluvastatin", "lescol", "lovastatin", "mevacor",
      "pitavastatin", "livalo" } },
  [CRAMP_DRUG_CLASS_LONG_ACTING_BETA_AGONISTS] = { N_("long-acting beta-agonists"),
    { "salmeterol", "serevent", "formoterol", "eformoterol", "foradil", "oxis", "vilanterol",
      "indacaterol", "olodaterol", "symbicort", "seretide", "advair", "relvar", "breo", "dulera",
      "flutiform", "fostair", "trelegy", "ultibro", "anoro", "spiolto" } },
  [CRAMP_DRUG_CLASS_QUININE] = { N_("quinine"),
    { "quinine", "quinine sulfate", "quinine sulphate", "qualaquin", "chinin", "chininsulfat",
      "limptar", "hydroquinine" } },
};

/* Words that, first in an entry, say the medicine is not taken. */
static const char * const negations[] = {
  "no", "not", "stopped", "without", "kein", "keine", "keinen", "ohne", "abgesetzt",
};

G_STATIC_ASSERT (CRAMP_N_DRUG_CLASSES <= 32);

/* A name of the catalog, as words; the names that share a first word
 * hang off one hash entry. */
typedef struct _Name Name;
struct _Name
{
  char  **words;     /* case-folded, NULL-terminated */
  guint   classes;   /* a name in two classes (Dyazide) has two bits */
  Name   *next;
};

typedef struct
{
  GHashTable *by_first_word;   /* char * → Name * */
  GPtrArray  *names;           /* the names as the catalog spells them, sorted */
} Catalog;

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

/* Splits @text (already case-folded) into words, at non-letters and
 * between letters and digits. */
static void
split_words (const char *text,
             GPtrArray  *words)
{
  const char *start = NULL;
  gboolean start_digit = FALSE;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word = c != 0 && is_word_char (c);
      gboolean digit = word && g_unichar_isdigit (c);

      if (start != NULL && (!word || digit != start_digit))
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      if (word && start == NULL)
        {
          start = p;
          start_digit = digit;
        }
      if (c == 0)
        break;
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static gpointer
build_catalog (gpointer data)
{
  Catalog *catalog = g_new0 (Catalog, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* lives as long as the process */
  catalog->by_first_word = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->names = g_ptr_array_new ();

  for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
    {
      for (guint n = 0; n < G_N_ELEMENTS (classes[c].names) && classes[c].names[n]; n++)
        {
          const char *spelling = classes[c].names[n];
          g_autofree char *folded = g_utf8_casefold (spelling, -1);
          GPtrArray *words = g_ptr_array_new ();
          Name *head, *name;

          split_words (folded, words);
          g_ptr_array_add (words, NULL);
          head = g_hash_table_lookup (catalog->by_first_word, words->pdata[0]);

          for (name = head; name != NULL; name = name->next)
            if (g_strv_equal ((const char * const *) name->words, (const char * const *) words->pdata))
              break;
          if (name != NULL)
            {
              /* the same name in a second class */
              name->classes |= 1u << c;
              g_strfreev ((char **) g_ptr_array_free (words, FALSE));
              continue;
            }

          name = g_new0 (Name, 1);
          name->words = (char **) g_ptr_array_free (words, FALSE);
          name->classes = 1u << c;
          name->next = head;
          g_hash_table_insert (catalog->by_first_word, name->words[0], name);

          if (g_hash_table_add (seen, (gpointer) spelling))
            g_ptr_array_add (catalog->names, (gpointer) spelling);
        }
    }

  g_ptr_array_sort (catalog->names, compare_names);
  g_ptr_array_add (catalog->names, NULL);

  return catalog;
}

static const Catalog *
get_catalog (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, build_catalog, NULL);
}

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
cramp_drug_class_label (CrampDrugClass drug_class)
{
  g_return_val_if_fail (drug_class < G_N_ELEMENTS (classes), NULL);

  return _(classes[drug_class].label);
}

/**
 * cramp_drug_catalog_names:
 *
 * Returns: (transfer none): every name of the catalog, in lower case as
 *   the catalog spells it, sorted, for completing what a person types
 */
const char * const *
cramp_drug_catalog_names (void)
{
  return (const char * const *) get_catalog ()->names->pdata;
}

static gboolean
is_negation (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (negations); i++)
    if (g_str_equal (word, negations[i]))
      return TRUE;

  return FALSE;
}

/**
 * cramp_drug_classes_in:
 * @entry: a medication as the user wrote it, such as "Lasix 40 mg"
 *
 * Returns: the classes @entry names, one bit (1 << #CrampDrugClass) per
 *   class; none when the entry begins with a negation
 */
guint
cramp_drug_classes_in (const char *entry)
{
  const Catalog *catalog = get_catalog ();
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  guint found = 0;

  g_return_val_if_fail (entry != NULL, 0);

  folded = g_utf8_casefold (entry, -1);
  split_words (folded, words);

  if (words->len == 0 || is_negation (g_ptr_array_index (words, 0)))
    return 0;

  for (guint i = 0; i < words->len; i++)
    {
      for (const Name *name = g_hash_table_lookup (catalog->by_first_word, g_ptr_array_index (words, i));
           name != NULL; name = name->next)
        {
          guint n = 1;

          while (name->words[n] != NULL && i + n < words->len &&
                 g_str_equal (name->words[n], g_ptr_array_index (words, i + n)))
            n++;
          if (name->words[n] == NULL)
            found |= name->classes;
        }
    }

  return found;
}
