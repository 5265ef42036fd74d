/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cramp-profile.h"

G_BEGIN_DECLS

#define CRAMP_PROFILE_JSON_ERROR (cramp_profile_json_error_quark ())

/* A profile's file is a few hundred bytes; longer ones are refused. */
#define CRAMP_PROFILE_JSON_MAX_BYTES ((gsize) 1024 * 1024)

typedef enum
{
  CRAMP_PROFILE_JSON_ERROR_INVALID,
} CrampProfileJsonError;

GQuark        cramp_profile_json_error_quark (void);
char         *cramp_profile_to_json          (CrampProfile  *profile);
CrampProfile *cramp_profile_from_json        (const char    *data,
                                              gsize          length,
                                              GError       **error);

G_END_DECLS
