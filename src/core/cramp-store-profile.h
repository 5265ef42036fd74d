/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-profile.h"
#include "cramp-store.h"

G_BEGIN_DECLS

/* The health profile kept in the diary. */
CrampProfile *cramp_store_get_profile         (CrampStore     *self,
                                               GError        **error);
gboolean      cramp_store_set_profile         (CrampStore     *self,
                                               CrampProfile   *profile,
                                               GError        **error);

G_END_DECLS
