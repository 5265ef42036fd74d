/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What is typed in a spin button of whole numbers, before it is read. */
typedef enum
{
  CRAMP_SPIN_TEXT_OK,            /* a number in range, or nothing yet */
  CRAMP_SPIN_TEXT_NOT_A_NUMBER,
  CRAMP_SPIN_TEXT_TOO_LARGE,
} CrampSpinText;

CrampSpinText cramp_spin_check_text        (GtkSpinButton *spin);
void          cramp_spin_read_strictly     (GtkSpinButton *spin);
void          cramp_spin_show_two_digits   (GtkSpinButton *spin);

G_END_DECLS
