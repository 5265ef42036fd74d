/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-experiment.h"
#include "cramp-store.h"

G_BEGIN_DECLS

/* Personal experiments (schema version 7), and for the kinds other than
 * stretching the nights each was done. */
gboolean   cramp_store_add_experiment        (CrampStore             *self,
                                              const CrampExperiment  *experiment,
                                              GArray                 *done,
                                              GError                **error);
gboolean   cramp_store_remove_experiment     (CrampStore             *self,
                                              const char             *id,
                                              GError                **error);
GPtrArray *cramp_store_list_experiments      (CrampStore             *self,
                                              GError                **error);
gboolean   cramp_store_set_experiment_done   (CrampStore             *self,
                                              const char             *id,
                                              gint64                  night,
                                              gboolean                done,
                                              GError                **error);
GArray    *cramp_store_list_experiment_done  (CrampStore             *self,
                                              const char             *id,
                                              GError                **error);
gboolean   cramp_store_get_experiment_done   (CrampStore             *self,
                                              const char             *id,
                                              gint64                  night);

G_END_DECLS
