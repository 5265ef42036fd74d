/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The classes of the medication catalog, in the catalog's order. Quinine
 * has a finding of its own, not one of the class findings. */
typedef enum
{
  CRAMP_DRUG_CLASS_THIAZIDE,
  CRAMP_DRUG_CLASS_LOOP,
  CRAMP_DRUG_CLASS_POTASSIUM_SPARING,
  CRAMP_DRUG_CLASS_NAPROXEN,
  CRAMP_DRUG_CLASS_TERIPARATIDE,
  CRAMP_DRUG_CLASS_IRON_SUCROSE,
  CRAMP_DRUG_CLASS_CONJUGATED_ESTROGENS,
  CRAMP_DRUG_CLASS_RALOXIFENE,
  CRAMP_DRUG_CLASS_ORAL_CONTRACEPTIVES,
  CRAMP_DRUG_CLASS_STATINS,
  CRAMP_DRUG_CLASS_LONG_ACTING_BETA_AGONISTS,
  CRAMP_DRUG_CLASS_QUININE,
  CRAMP_N_DRUG_CLASSES
} CrampDrugClass;

/* A drug an entry names as taken: its classes (1 << #CrampDrugClass
 * each) and its name with the dose after it, as the user wrote them. */
typedef struct
{
  guint  classes;
  char  *text;
} CrampDrugMatch;

guint               cramp_drug_class_count   (void);
const char         *cramp_drug_class_label   (CrampDrugClass  drug_class);
GPtrArray          *cramp_drug_matches_in    (const char     *entry);
guint               cramp_drug_classes_in    (const char     *entry);
const char * const *cramp_drug_catalog_names (void);

G_END_DECLS
