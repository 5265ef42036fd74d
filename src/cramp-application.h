/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cramp-store.h"

G_BEGIN_DECLS

#define CRAMP_TYPE_APPLICATION (cramp_application_get_type ())

G_DECLARE_FINAL_TYPE (CrampApplication, cramp_application, CRAMP, APPLICATION, AdwApplication)

CrampApplication *cramp_application_new            (void);
CrampStore       *cramp_application_get_store      (CrampApplication *self);
const GError     *cramp_application_get_store_error (CrampApplication *self);
GSettings        *cramp_application_get_settings   (CrampApplication *self);
void              cramp_application_set_store_damaged (CrampApplication *self,
                                                       const GError     *error);
gboolean          cramp_application_restore        (CrampApplication  *self,
                                                    const char        *backup,
                                                    char             **kept_aside,
                                                    GError           **error);

G_END_DECLS
