/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-service"

#include "config.h"

#include <glib/gi18n.h>

#include "cramp-schedule.h"

/*
 * What every schedule of the background service shares: the
 * application it notifies for, its settings, and the two signals by
 * which it tells the host that it was turned on or off ("enabled-
 * changed") or that its times changed ("times-changed": look again now).
 */

typedef struct
{
  GApplication *application;   /* not owned: it owns the host, which owns us */
  GSettings    *settings;
  gboolean      warned;        /* that no notification service answered */
} CrampSchedulePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CrampSchedule, cramp_schedule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ENABLED_CHANGED,
  TIMES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cramp_schedule_dispose (GObject *object)
{
  CrampSchedulePrivate *priv = cramp_schedule_get_instance_private (CRAMP_SCHEDULE (object));

  g_clear_object (&priv->settings);

  G_OBJECT_CLASS (cramp_schedule_parent_class)->dispose (object);
}

static void
cramp_schedule_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrampSchedulePrivate *priv = cramp_schedule_get_instance_private (CRAMP_SCHEDULE (object));

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, priv->application);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, priv->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_schedule_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CrampSchedulePrivate *priv = cramp_schedule_get_instance_private (CRAMP_SCHEDULE (object));

  switch (prop_id)
    {
    case PROP_APPLICATION:
      priv->application = g_value_get_object (value);
      break;

    case PROP_SETTINGS:
      priv->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_schedule_class_init (CrampScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cramp_schedule_dispose;
  object_class->get_property = cramp_schedule_get_property;
  object_class->set_property = cramp_schedule_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, G_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrampSchedule::enabled-changed:
   *
   * The user turned the schedule on or off.
   */
  signals[ENABLED_CHANGED] =
    g_signal_new ("enabled-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CrampSchedule::times-changed:
   *
   * When the schedule is due changed: the host looks at it again now.
   */
  signals[TIMES_CHANGED] =
    g_signal_new ("times-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cramp_schedule_init (CrampSchedule *self)
{
}

GSettings *
cramp_schedule_get_settings (CrampSchedule *self)
{
  CrampSchedulePrivate *priv = cramp_schedule_get_instance_private (self);

  g_return_val_if_fail (CRAMP_IS_SCHEDULE (self), NULL);

  return priv->settings;
}

GApplication *
cramp_schedule_get_application (CrampSchedule *self)
{
  CrampSchedulePrivate *priv = cramp_schedule_get_instance_private (self);

  g_return_val_if_fail (CRAMP_IS_SCHEDULE (self), NULL);

  return priv->application;
}

gboolean
cramp_schedule_get_enabled (CrampSchedule *self)
{
  g_return_val_if_fail (CRAMP_IS_SCHEDULE (self), FALSE);

  return CRAMP_SCHEDULE_GET_CLASS (self)->get_enabled (self);
}

void
cramp_schedule_start (CrampSchedule *self,
                      gint64         now)
{
  g_return_if_fail (CRAMP_IS_SCHEDULE (self));

  CRAMP_SCHEDULE_GET_CLASS (self)->start (self, now);
}

void
cramp_schedule_stop (CrampSchedule *self)
{
  g_return_if_fail (CRAMP_IS_SCHEDULE (self));

  CRAMP_SCHEDULE_GET_CLASS (self)->stop (self);
}

gint64
cramp_schedule_check (CrampSchedule *self,
                      GTimeZone     *zone,
                      gint64         now)
{
  g_return_val_if_fail (CRAMP_IS_SCHEDULE (self), G_MAXINT64);

  return CRAMP_SCHEDULE_GET_CLASS (self)->check (self, zone, now);
}

/* For a schedule: it was turned on or off. */
void
cramp_schedule_enabled_changed (CrampSchedule *self)
{
  g_return_if_fail (CRAMP_IS_SCHEDULE (self));

  g_signal_emit (self, signals[ENABLED_CHANGED], 0);
}

/* For a schedule: when it is due changed. */
void
cramp_schedule_times_changed (CrampSchedule *self)
{
  g_return_if_fail (CRAMP_IS_SCHEDULE (self));

  g_signal_emit (self, signals[TIMES_CHANGED], 0);
}

/**
 * cramp_schedule_new_notification:
 * @summary: the title; nothing about health, since a locked screen may
 *   show it to anyone
 *
 * Returns: (transfer full): a notification of the app that stays until
 *   it is answered
 */
NotifyNotification *
cramp_schedule_new_notification (CrampSchedule *self,
                                 const char    *summary,
                                 const char    *body)
{
  NotifyNotification *notification;

  g_return_val_if_fail (CRAMP_IS_SCHEDULE (self), NULL);

  if (!notify_is_initted ())
    notify_init (_("Cramp Diary"));

  notification = notify_notification_new (summary, body, APP_ID);
  notify_notification_set_hint (notification, "desktop-entry", g_variant_new_string (APP_ID));
  notify_notification_set_timeout (notification, NOTIFY_EXPIRES_NEVER);
  return notification;
}

/**
 * cramp_schedule_show_notification:
 * @what: what it is, for the log: "the bedtime reminder"
 *
 * Shows @notification, in place of itself if it is shown already. With
 * no notification service, that is said once, until one answers again.
 *
 * Returns: whether it is shown
 */
gboolean
cramp_schedule_show_notification (CrampSchedule      *self,
                                  NotifyNotification *notification,
                                  const char         *what)
{
  CrampSchedulePrivate *priv = cramp_schedule_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CRAMP_IS_SCHEDULE (self), FALSE);

  if (!notify_notification_show (notification, &error))
    {
      if (!priv->warned)
        g_warning ("No notification service answered, so %s could not be shown: %s", what, error->message);
      priv->warned = TRUE;
      return FALSE;
    }

  priv->warned = FALSE;
  return TRUE;
}
