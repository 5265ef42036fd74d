/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-spin"

#include "config.h"

#include "cramp-spin.h"

/*
 * Spin buttons of whole numbers that never guess. GtkSpinButton reads
 * "9pm" as 9, and an empty box or "abc" pasted as 0, without a word;
 * these read only a whole number in range, keep the value as it was for
 * anything else, and let the form say what is wrong while it is typed.
 */

static gboolean
parse (GtkSpinButton *spin,
       guint64       *value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);

  return g_ascii_string_to_unsigned (text, 10, (guint64) gtk_adjustment_get_lower (adjustment),
                                     (guint64) gtk_adjustment_get_upper (adjustment), value, NULL);
}

/**
 * cramp_spin_check_text:
 *
 * Whether what is typed in @spin, not yet read, is a whole number in its
 * range.
 */
CrampSpinText
cramp_spin_check_text (GtkSpinButton *spin)
{
  g_autofree char *text = NULL;
  guint64 value;

  g_return_val_if_fail (GTK_IS_SPIN_BUTTON (spin), CRAMP_SPIN_TEXT_OK);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  if (*text == '\0' || parse (spin, &value))
    return CRAMP_SPIN_TEXT_OK;
  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &value, NULL))
    return CRAMP_SPIN_TEXT_TOO_LARGE;
  return CRAMP_SPIN_TEXT_NOT_A_NUMBER;
}

static int
on_input_cb (GtkSpinButton *spin,
             double        *new_value,
             gpointer       user_data)
{
  guint64 value;

  *new_value = parse (spin, &value) ? (double) value : gtk_spin_button_get_value (spin);
  return TRUE;
}

/**
 * cramp_spin_read_strictly:
 *
 * Makes @spin read only whole numbers in its range; anything else
 * leaves its value as it was.
 */
void
cramp_spin_read_strictly (GtkSpinButton *spin)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  gtk_spin_button_set_numeric (spin, FALSE);
  g_signal_connect (spin, "input", G_CALLBACK (on_input_cb), NULL);
}

static gboolean
on_output_cb (GtkSpinButton *spin,
              gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/**
 * cramp_spin_show_two_digits:
 *
 * Shows the value of @spin in two digits, as a clock does: 07, 05.
 */
void
cramp_spin_show_two_digits (GtkSpinButton *spin)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  g_signal_connect (spin, "output", G_CALLBACK (on_output_cb), NULL);
}
