/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-experiment-stats.h"
#include "cramp-store.h"

G_BEGIN_DECLS

/* The length of an experiment unless one is given: the 2012 stretching
 * trial's six weeks. */
#define CRAMP_EXPERIMENT_DAYS 42
#define CRAMP_EXPERIMENT_MAX_DAYS 366
#define CRAMP_EXPERIMENT_NAME_MAX 200
/* the weeks of a baseline and a trial of the longest length */
#define CRAMP_EXPERIMENT_MAX_WEEKS (2 * CRAMP_EXPERIMENT_MAX_DAYS / 7 + 1)

typedef enum
{
  CRAMP_EXPERIMENT_STRETCHING,
  CRAMP_EXPERIMENT_SUPPLEMENT,
  CRAMP_EXPERIMENT_FLUID,
  CRAMP_EXPERIMENT_MEDICATION_CHANGE,
  CRAMP_EXPERIMENT_OTHER,
  CRAMP_N_EXPERIMENT_KINDS
} CrampExperimentKind;

/* "Does it help me?": a change tried for @days nights from the night of
 * @start, against as many nights before it. */
typedef struct
{
  char                *id;           /* a UUID */
  char                *name;
  CrampExperimentKind  kind;
  gint64               start;        /* the trial's first night (cramp_time_night_of()) */
  guint                days;
  gint64               created_at;   /* seconds since the epoch */
} CrampExperiment;

/* An experiment as it stands: its periods so far, the comparison, and
 * how many logged nights a period needs (0 where the baseline has no
 * cramp to halve). */
typedef struct
{
  CrampExperimentPeriod baseline;
  CrampExperimentPeriod trial;
  CrampComparison       comparison;
  double                usual_rate;     /* cramps per logged night before the start, or NAN */
  guint                 nights_needed;
  /* cramps in each week from the baseline's first night to the last
   * night counted */
  guint                 n_weeks;
  guint                 weeks[CRAMP_EXPERIMENT_MAX_WEEKS];
} CrampExperimentResult;

const char      *cramp_experiment_kind_to_string   (CrampExperimentKind  kind);
gboolean         cramp_experiment_kind_from_string (const char          *text,
                                                    CrampExperimentKind *kind);
const char      *cramp_experiment_kind_label       (CrampExperimentKind  kind);

CrampExperiment *cramp_experiment_new      (const char           *name,
                                            CrampExperimentKind   kind,
                                            gint64                start,
                                            guint                 days);
CrampExperiment *cramp_experiment_copy     (const CrampExperiment *experiment);
void             cramp_experiment_free     (CrampExperiment      *experiment);
gboolean         cramp_experiment_validate (const CrampExperiment *experiment,
                                            GError              **error);
gboolean         cramp_experiment_asks_done (const CrampExperiment *experiment,
                                             gint64                 night);
gboolean         cramp_experiment_analyse  (const CrampExperiment *experiment,
                                            CrampStore           *store,
                                            GDateTime            *now,
                                            CrampExperimentResult *result,
                                            GError              **error);

char            *cramp_experiment_describe_verdict (const CrampExperiment       *experiment,
                                                    const CrampExperimentResult *result);
char            *cramp_experiment_describe_needed  (const CrampExperimentResult *result);
char            *cramp_experiment_describe_weeks   (const CrampExperiment       *experiment,
                                                    const CrampExperimentResult *result);
const char      *cramp_experiment_caveat           (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrampExperiment, cramp_experiment_free)

G_END_DECLS
