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
 * "Atorvastatin20mg" gives "atorvastatin", "20", "mg"; and into parts at
 * its commas, but for a comma between two digits ("12,5"). A name matches
 * where its words come one after another in one part, whatever the case,
 * the longest name at each position. A match names no drug taken when its
 * part begins with a negation ("keine Pille Yasmin"), when the word just
 * before it is one ("Ramipril, kein HCTZ"), or when the first word after
 * it that is not a dose is one ("Torem 10 mg abgesetzt"). One pass over
 * the entry's words looks each up in a hash of the names' first words: no
 * string is built per name.
 */

typedef struct
{
  const char *label;
  const char *names[24];
} DrugClass;

static const DrugClass classes[CRAMP_N_DRUG_CLASSES] = {
  [CRAMP_DRUG_CLASS_THIAZIDE] = { N_("thiazide and thiazide-like diuretics"),
    { "hydrochlorothiazide", "hydrochlorothiazid", "hctz", "hct", "chlorthalidone", "chlortalidone",
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
      "flutiform", "fostair", "foster", "trelegy", "ultibro", "anoro", "spiolto" } },
  [CRAMP_DRUG_CLASS_QUININE] = { N_("quinine"),
    { "quinine", "quinine sulfate", "quinine sulphate", "qualaquin", "chinin", "chininsulfat",
      "limptar", "hydroquinine", "hydrochinin" } },
};

/* Negations (catalog version 3): the word just before a name, the first
 * word after it that is not a dose, or the first word of its part. */
static const char * const negations_before[] = {
  "no", "not", "without", "stopped", "kein", "keine", "keinen", "ohne",
};
static const char * const negations_after[] = {
  "stopped", "discontinued", "abgesetzt", "pausiert",
};

/* The words of a dose, besides numbers, as written before case-folding. */
static const char * const dose_units[] = {
  "mg", "µg", "mcg", "g", "ml", "ie", "iu",
};

G_STATIC_ASSERT (CRAMP_N_DRUG_CLASSES <= 32);

/* A name of the catalog, as words; the names that share a first word
 * hang off one hash entry. */
typedef struct _Name Name;
struct _Name
{
  char  **words;     /* case-folded, NULL-terminated */
  guint   n_words;
  guint   classes;   /* a name in two classes (Dyazide) has two bits */
  Name   *next;
};

typedef struct
{
  GHashTable *by_first_word;   /* char * → Name * */
  GHashTable *dose_units;      /* case-folded */
  GPtrArray  *names;           /* the names as the catalog spells them, sorted */
} Catalog;

/* A word of an entry: case-folded, where it is in the entry as written,
 * and the comma part it belongs to. */
typedef struct
{
  char  *folded;
  gsize  start;
  gsize  end;
  guint  part;
} Word;

static void
clear_word (gpointer data)
{
  g_free (((Word *) data)->folded);
}

/* Splits @text into words, at non-letters and between letters and
 * digits, and into parts at commas that do not stand between two
 * digits. */
static GArray *
split_words (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *start = NULL;
  gboolean start_digit = FALSE;
  gunichar previous = 0;
  guint part = 0;

  g_array_set_clear_func (words, clear_word);

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word = c != 0 && g_unichar_isalnum (c);
      gboolean digit = word && g_unichar_isdigit (c);

      if (start != NULL && (!word || digit != start_digit))
        {
          Word w = { g_utf8_casefold (start, p - start), start - text, p - text, part };

          g_array_append_val (words, w);
          start = NULL;
        }
      if (c == ',' && !(g_unichar_isdigit (previous) && g_unichar_isdigit (g_utf8_get_char (p + 1))))
        part++;
      if (word && start == NULL)
        {
          start = p;
          start_digit = digit;
        }
      if (c == 0)
        break;
      previous = c;
    }

  return words;
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
  catalog->dose_units = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->names = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (dose_units); i++)
    g_hash_table_add (catalog->dose_units, g_utf8_casefold (dose_units[i], -1));

  for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
    {
      for (guint n = 0; n < G_N_ELEMENTS (classes[c].names) && classes[c].names[n]; n++)
        {
          const char *spelling = classes[c].names[n];
          g_autoptr(GArray) split = split_words (spelling);
          char **words = g_new0 (char *, split->len + 1);
          Name *head, *name;

          for (guint w = 0; w < split->len; w++)
            words[w] = g_steal_pointer (&g_array_index (split, Word, w).folded);
          head = g_hash_table_lookup (catalog->by_first_word, words[0]);

          for (name = head; name != NULL; name = name->next)
            if (g_strv_equal ((const char * const *) name->words, (const char * const *) words))
              break;
          if (name != NULL)
            {
              /* the same name in a second class */
              name->classes |= 1u << c;
              g_strfreev (words);
              continue;
            }

          name = g_new0 (Name, 1);
          name->words = words;
          name->n_words = split->len;
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
is_one_of (const char         *word,
           const char * const *list,
           gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;

  return FALSE;
}

#define IS_ONE_OF(word, list) is_one_of ((word), (list), G_N_ELEMENTS (list))

static gboolean
is_part_negation (const char *word)
{
  return IS_ONE_OF (word, negations_before) || IS_ONE_OF (word, negations_after);
}

static gboolean
is_dose (const Catalog *catalog,
         const Word    *word)
{
  /* a word is all digits or none */
  return g_unichar_isdigit (g_utf8_get_char (word->folded)) ||
         g_hash_table_contains (catalog->dose_units, word->folded);
}

/* The longest name of the catalog whose words begin at @words[@i], all
 * in its part. */
static const Name *
longest_name_at (const Catalog *catalog,
                 GArray        *words,
                 guint          i)
{
  const Word *first = &g_array_index (words, Word, i);
  const Name *longest = NULL;

  for (const Name *name = g_hash_table_lookup (catalog->by_first_word, first->folded);
       name != NULL; name = name->next)
    {
      guint n = 1;

      if (longest != NULL && name->n_words <= longest->n_words)
        continue;
      while (n < name->n_words && i + n < words->len &&
             g_array_index (words, Word, i + n).part == first->part &&
             g_str_equal (name->words[n], g_array_index (words, Word, i + n).folded))
        n++;
      if (n == name->n_words)
        longest = name;
    }

  return longest;
}

static void
drug_match_free (gpointer data)
{
  CrampDrugMatch *match = data;

  g_free (match->text);
  g_free (match);
}

/**
 * cramp_drug_matches_in:
 * @entry: a medication as the user wrote it, such as "Lasix 40 mg"
 *
 * Reads @entry by the medication catalog, version 3 of DESIGN.md.
 *
 * Returns: (transfer container) (element-type CrampDrugMatch): the
 *   drugs @entry names as taken, in its order, each with the name and
 *   the dose right after it as written ("Furosemid 40mg"); a negated
 *   name is left out
 */
GPtrArray *
cramp_drug_matches_in (const char *entry)
{
  const Catalog *catalog = get_catalog ();
  g_autoptr(GArray) words = NULL;
  GPtrArray *matches;
  guint part_start = 0;

  g_return_val_if_fail (entry != NULL, NULL);

  matches = g_ptr_array_new_with_free_func (drug_match_free);
  words = split_words (entry);
  for (guint i = 0; i < words->len;)
    {
      const Word *first = &g_array_index (words, Word, i);
      const Name *name;
      guint after;
      gboolean negated;
      gsize end;

      if (i == 0 || g_array_index (words, Word, i - 1).part != first->part)
        part_start = i;

      name = longest_name_at (catalog, words, i);
      if (name == NULL)
        {
          i++;
          continue;
        }

      /* the name, then the dose that follows it in its part */
      after = i + name->n_words;
      end = g_array_index (words, Word, after - 1).end;
      while (after < words->len && g_array_index (words, Word, after).part == first->part &&
             is_dose (catalog, &g_array_index (words, Word, after)))
        end = g_array_index (words, Word, after++).end;

      negated = is_part_negation (g_array_index (words, Word, part_start).folded) ||
                (i > part_start && IS_ONE_OF (g_array_index (words, Word, i - 1).folded, negations_before)) ||
                (after < words->len && g_array_index (words, Word, after).part == first->part &&
                 IS_ONE_OF (g_array_index (words, Word, after).folded, negations_after));
      if (!negated)
        {
          CrampDrugMatch *match = g_new0 (CrampDrugMatch, 1);

          match->classes = name->classes;
          match->text = g_strndup (entry + first->start, end - first->start);
          g_ptr_array_add (matches, match);
        }

      i += name->n_words;
    }

  return matches;
}

/**
 * cramp_drug_classes_in:
 * @entry: a medication as the user wrote it, such as "Lasix 40 mg"
 *
 * Returns: the classes of the drugs @entry names as taken, one bit
 *   (1 << #CrampDrugClass) per class
 */
guint
cramp_drug_classes_in (const char *entry)
{
  g_autoptr(GPtrArray) matches = NULL;
  guint found = 0;

  g_return_val_if_fail (entry != NULL, 0);

  matches = cramp_drug_matches_in (entry);
  for (guint i = 0; i < matches->len; i++)
    found |= ((CrampDrugMatch *) g_ptr_array_index (matches, i))->classes;

  return found;
}
