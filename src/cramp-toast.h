/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRAMP_TYPE_TOAST (cramp_toast_get_type ())

G_DECLARE_FINAL_TYPE (CrampToast, cramp_toast, CRAMP, TOAST, GtkWidget)

typedef enum
{
  CRAMP_TOAST_NO_BUTTONS  = 0,
  CRAMP_TOAST_UNDO        = 1 << 0,
  CRAMP_TOAST_ADD_DETAILS = 1 << 1,
  CRAMP_TOAST_OPEN_FILE   = 1 << 2,   /* "Open" and "Show in Files" */
} CrampToastButtons;

void     cramp_toast_present    (CrampToast        *self,
                                 const char        *title,
                                 CrampToastButtons  buttons);
void     cramp_toast_dismiss    (CrampToast        *self);
gboolean cramp_toast_is_shown   (CrampToast        *self);

G_END_DECLS
