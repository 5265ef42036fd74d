/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cramp-episode.h"
#include "cramp-profile.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_FINDING (cramp_finding_get_type ())

G_DECLARE_FINAL_TYPE (CrampFinding, cramp_finding, CRAMP, FINDING, GObject)

/* In order of urgency. */
typedef enum
{
  CRAMP_SEVERITY_URGENT,       /* get medical advice the same day */
  CRAMP_SEVERITY_SEE_DOCTOR,   /* book a visit */
  CRAMP_SEVERITY_DISCUSS,      /* mention at the next visit */
  CRAMP_SEVERITY_INFO,
} CrampSeverity;

/* At most this many cramps of a warning sign are listed, on the report
 * page and on paper; the latest of them. */
#define CRAMP_FINDING_EVIDENCE_SHOWN 20

const char         *cramp_severity_to_string      (CrampSeverity  severity);
const char         *cramp_severity_get_label      (CrampSeverity  severity);
const char         *cramp_severity_get_label_for_doctor (CrampSeverity severity);

const char         *cramp_finding_get_id          (CrampFinding  *self);
CrampSeverity       cramp_finding_get_severity    (CrampFinding  *self);
const char         *cramp_finding_get_title       (CrampFinding  *self);
const char         *cramp_finding_get_explanation (CrampFinding  *self);
GPtrArray          *cramp_finding_get_evidence    (CrampFinding  *self);
const char         *cramp_finding_get_rule        (CrampFinding  *self);
guint               cramp_finding_get_n_groups    (CrampFinding  *self);
const char         *cramp_finding_get_group_label (CrampFinding  *self,
                                                   guint          group);
GPtrArray          *cramp_finding_get_group_evidence (CrampFinding *self,
                                                      guint         group);
const char * const *cramp_finding_get_sources     (CrampFinding  *self);
char               *cramp_finding_describe_shown  (guint          shown,
                                                   guint          more);

GPtrArray          *cramp_findings_analyze        (GPtrArray     *episodes,
                                                   CrampProfile  *profile,
                                                   GDateTime     *until);
const char         *cramp_findings_disclaimer     (void);
const char         *cramp_findings_disclaimer_for_doctor (void);

guint               cramp_findings_catalog_size   (void);
const char         *cramp_findings_catalog_get    (guint                 index,
                                                   CrampSeverity        *severity,
                                                   const char          **title,
                                                   const char          **rule,
                                                   const char * const  **sources);

G_END_DECLS
