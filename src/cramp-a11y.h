/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *cramp_a11y_decorative_image_new (const char *icon_name);
void       cramp_a11y_quiet_icons          (GtkWidget  *root);
void       cramp_a11y_name_drop_down       (GtkDropDown *drop_down,
                                            const char  *label);
void       cramp_a11y_set_description      (GtkWidget   *widget,
                                            const char  *description);
void       cramp_a11y_announce             (GtkWidget   *widget,
                                            const char  *message);
void       cramp_a11y_watch_windows        (void);

G_END_DECLS
