/* SPDX-License-Identifier: GPL-3.0-or-later */
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
  CRAMP_SEVERITY_URGENT,       /* seek care promptly */
  CRAMP_SEVERITY_SEE_DOCTOR,   /* book a visit */
  CRAMP_SEVERITY_DISCUSS,      /* mention at the next visit */
  CRAMP_SEVERITY_INFO,
} CrampSeverity;

const char         *cramp_severity_to_string      (CrampSeverity  severity);
const char         *cramp_severity_get_label      (CrampSeverity  severity);

const char         *cramp_finding_get_id          (CrampFinding  *self);
CrampSeverity       cramp_finding_get_severity    (CrampFinding  *self);
const char         *cramp_finding_get_title       (CrampFinding  *self);
const char         *cramp_finding_get_explanation (CrampFinding  *self);
GPtrArray          *cramp_finding_get_evidence    (CrampFinding  *self);
const char * const *cramp_finding_get_sources     (CrampFinding  *self);

GPtrArray          *cramp_findings_analyze        (GPtrArray     *episodes,
                                                   CrampProfile  *profile,
                                                   GDateTime     *until);
const char         *cramp_findings_disclaimer     (void);
const char         *cramp_findings_disclaimer_for_doctor (void);

G_END_DECLS
