/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-experiment.h"
#include "cramp-findings.h"
#include "cramp-outcomes.h"
#include "cramp-stats.h"
#include "cramp-store.h"
#include "cramp-stretch-log.h"

G_BEGIN_DECLS

/* A personal experiment as the report shows it: where it stands. */
typedef struct
{
  CrampExperiment       *experiment;
  CrampExperimentResult  result;
} CrampExperimentReport;

/* The nights the page for the doctor draws, one cell each */
#define CRAMP_STRIP_NIGHTS 90

/* One period of the diary, analysed: what the report view, the printed
 * report and the command line all show. */
typedef struct
{
  GDateTime    *since;
  GDateTime    *until;
  GPtrArray    *episodes;   /* CrampEpisode, in the period, oldest first */
  CrampProfile *profile;
  GPtrArray    *findings;   /* CrampFinding, most urgent first */
  CrampStats   *stats;
  gboolean      has_stretching;   /* the stretch log had begun by the period's end */
  CrampStretchStats stretching;

  /* the trials' outcome measures over the period's nights, the last
   * night no later than last night; and over its last 4 weeks and the 4
   * before them, for the doctor */
  CrampOutcomes outcomes;
  CrampOutcomes recent;
  CrampOutcomes earlier;
  /* CrampNightState of the 90 nights up to the period's last, oldest first */
  guint8        strip[CRAMP_STRIP_NIGHTS];
  GPtrArray    *experiments;   /* CrampExperimentReport, by their starts */
} CrampAnalysis;

CrampAnalysis *cramp_analysis_new   (CrampStore     *store,
                                     GDateTime      *since,
                                     GDateTime      *until,
                                     GError        **error);
CrampAnalysis *cramp_analysis_ref   (CrampAnalysis  *analysis);
char          *cramp_analysis_describe_period (CrampAnalysis *analysis);
void           cramp_analysis_unref (CrampAnalysis  *analysis);


G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrampAnalysis, cramp_analysis_unref)

G_END_DECLS
