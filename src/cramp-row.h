/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Rows whose title and subtitle are plain text. Libadwaita's rows read
 * them as Pango markup unless told otherwise, and what the user wrote —
 * "Mg & K", a note with a "<" — would show as nothing at all. */
static inline GtkWidget *
cramp_action_row_new (void)
{
  return g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);
}

static inline GtkWidget *
cramp_expander_row_new (void)
{
  return g_object_new (ADW_TYPE_EXPANDER_ROW, "use-markup", FALSE, NULL);
}

G_END_DECLS
