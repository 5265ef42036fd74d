/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-findings.h"

G_BEGIN_DECLS

CrampFinding *_cramp_finding_new       (const char          *id,
                                        CrampSeverity        severity,
                                        char                *title,
                                        char                *explanation,
                                        const char          *rule,
                                        const char * const  *sources,
                                        GPtrArray           *evidence);
void          _cramp_finding_add_group (CrampFinding        *self,
                                        char                *label,
                                        GPtrArray           *episodes);

G_END_DECLS
