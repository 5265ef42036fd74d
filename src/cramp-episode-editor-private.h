/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cramp-episode-editor.h"

G_BEGIN_DECLS

struct _CrampEpisodeEditor
{
  AdwWindow           parent_instance;

  GtkButton          *save_button;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  AdwActionRow       *date_row;
  GtkMenuButton      *date_button;
  GtkCalendar        *calendar;
  AdwActionRow       *time_row;
  GtkSpinButton      *hour_spin;
  GtkSpinButton      *minute_spin;
  AdwActionRow       *duration_row;
  GtkSpinButton      *duration_min_spin;
  GtkSpinButton      *duration_sec_spin;
  GtkSwitch          *woke_switch;
  AdwComboRow        *muscle_row;
  AdwComboRow        *side_row;
  AdwComboRow        *intensity_row;
  AdwComboRow        *activity_row;
  AdwActionRow       *walk_row;
  GtkEntry           *walk_entry;
  AdwActionRow       *fluid_row;
  GtkEntry           *fluid_entry;
  AdwExpanderRow     *triggers_row;
  AdwExpanderRow     *symptoms_row;
  AdwExpanderRow     *relief_row;
  AdwActionRow       *medications_row;
  GtkEntry           *medications_entry;
  GtkTextView        *notes_view;
  GtkLabel           *notes_count_label;
  AdwPreferencesGroup *delete_group;

  CrampSession       *session;
  CrampEpisode       *original;     /* NULL for a new episode */
  GTimeZone          *zone;         /* the clock the times are shown on */
  GPtrArray          *checks[CRAMP_N_VOCABS];   /* GtkCheckButton, for the sets */
  int                 woke;         /* as recorded, until the switch is touched */
  gboolean            loaded;       /* the fields show the episode: a change is the user's */
  gboolean            edited;       /* something was changed since */
  gboolean            discarding;   /* the user chose to let the changes go */
  gboolean            focused;      /* the first field had the focus once */
  guint               notes_tick;   /* lays the changed notes out before the frame's layout */
};

void          _cramp_episode_editor_fill_form        (CrampEpisodeEditor *self);
void          _cramp_episode_editor_load_form        (CrampEpisodeEditor *self,
                                                      CrampEpisode       *episode);
CrampEpisode *_cramp_episode_editor_read_form        (CrampEpisodeEditor *self);
void          _cramp_episode_editor_update_subtitles (CrampEpisodeEditor *self);

G_END_DECLS
