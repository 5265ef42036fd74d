/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint       cramp_drug_class_count  (void);
const char *cramp_drug_class_label  (guint       drug_class);
guint       cramp_drug_classes_in   (const char *entry);

G_END_DECLS
