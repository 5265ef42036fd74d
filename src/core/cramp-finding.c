/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-findings"

#include "config.h"

#include "cramp-enums.h"
#include "cramp-findings-private.h"

/*
 * One finding: what the catalog says of a pattern (id, severity, title,
 * rule, sources), what this diary shows of it (the explanation), and the
 * episodes that show it, grouped by span where the rule counts spans.
 */

typedef struct
{
  char      *label;
  GPtrArray *episodes;   /* CrampEpisode */
} Group;

struct _CrampFinding
{
  GObject              parent_instance;

  const char          *id;
  const char          *rule;
  const char * const  *sources;
  char                *title;
  char                *explanation;
  GPtrArray           *evidence;   /* CrampEpisode, oldest first */
  GArray              *groups;     /* Group */
  CrampSeverity        severity;
};

G_DEFINE_FINAL_TYPE (CrampFinding, cramp_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SEVERITY,
  PROP_TITLE,
  PROP_EXPLANATION,
  PROP_RULE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
group_clear (gpointer data)
{
  Group *group = data;

  g_clear_pointer (&group->label, g_free);
  g_clear_pointer (&group->episodes, g_ptr_array_unref);
}

static void
cramp_finding_finalize (GObject *object)
{
  CrampFinding *self = (CrampFinding *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);

  G_OBJECT_CLASS (cramp_finding_parent_class)->finalize (object);
}

static void
cramp_finding_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrampFinding *self = CRAMP_FINDING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cramp_finding_class_init (CrampFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cramp_finding_finalize;
  object_class->get_property = cramp_finding_get_property;

  /* A finding does not change once made: what the UI shows, to bind. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, CRAMP_TYPE_SEVERITY, CRAMP_SEVERITY_INFO,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULE] =
    g_param_spec_string ("rule", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cramp_finding_init (CrampFinding *self)
{
  self->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (self->groups, group_clear);
}

/* Takes @title, @explanation and @evidence; @id, @rule (translated)
 * and @sources are the catalog's and live as long as the process. */
CrampFinding *
_cramp_finding_new (const char          *id,
                    CrampSeverity        severity,
                    char                *title,
                    char                *explanation,
                    const char          *rule,
                    const char * const  *sources,
                    GPtrArray           *evidence)
{
  CrampFinding *self = g_object_new (CRAMP_TYPE_FINDING, NULL);

  g_assert (id != NULL && title != NULL && explanation != NULL && rule != NULL);
  g_assert (sources != NULL && sources[0] != NULL);
  g_assert (evidence != NULL && evidence->len > 0);

  self->id = id;
  self->severity = severity;
  self->title = title;
  self->explanation = explanation;
  self->rule = rule;
  self->sources = sources;
  self->evidence = evidence;

  return self;
}

/* Adds a group of the evidence; takes @label and @episodes. */
void
_cramp_finding_add_group (CrampFinding *self,
                          char         *label,
                          GPtrArray    *episodes)
{
  Group group = { label, episodes };

  g_assert (CRAMP_IS_FINDING (self));
  g_assert (label != NULL && episodes != NULL);

  g_array_append_val (self->groups, group);
}

const char *
cramp_finding_get_id (CrampFinding *self)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), NULL);

  return self->id;
}

CrampSeverity
cramp_finding_get_severity (CrampFinding *self)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), CRAMP_SEVERITY_INFO);

  return self->severity;
}

const char *
cramp_finding_get_title (CrampFinding *self)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), NULL);

  return self->title;
}

const char *
cramp_finding_get_explanation (CrampFinding *self)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), NULL);

  return self->explanation;
}

/**
 * cramp_finding_get_rule:
 *
 * Returns: when the finding shows, in plain words
 */
const char *
cramp_finding_get_rule (CrampFinding *self)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), NULL);

  return self->rule;
}

/**
 * cramp_finding_get_evidence:
 *
 * Returns: (transfer none) (element-type CrampEpisode): the episodes that
 *   show the pattern, oldest first
 */
GPtrArray *
cramp_finding_get_evidence (CrampFinding *self)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), NULL);

  return self->evidence;
}

/**
 * cramp_finding_get_n_groups:
 *
 * A finding built on spans of days (`frequent`, `sleep-disruption`)
 * groups its evidence by span; the others have no groups.
 *
 * Returns: the number of groups
 */
guint
cramp_finding_get_n_groups (CrampFinding *self)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), 0);

  return self->groups->len;
}

/**
 * cramp_finding_get_group_label:
 *
 * Returns: what the span held, such as "3 Nov 2026 to 9 Nov 2026: cramps
 *   on 4 nights"
 */
const char *
cramp_finding_get_group_label (CrampFinding *self,
                               guint         group)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), NULL);
  g_return_val_if_fail (group < self->groups->len, NULL);

  return g_array_index (self->groups, Group, group).label;
}

/**
 * cramp_finding_get_group_evidence:
 *
 * Returns: (transfer none) (element-type CrampEpisode): the episodes of
 *   the span, oldest first
 */
GPtrArray *
cramp_finding_get_group_evidence (CrampFinding *self,
                                  guint         group)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), NULL);
  g_return_val_if_fail (group < self->groups->len, NULL);

  return g_array_index (self->groups, Group, group).episodes;
}

const char * const *
cramp_finding_get_sources (CrampFinding *self)
{
  g_return_val_if_fail (CRAMP_IS_FINDING (self), NULL);

  return self->sources;
}

/**
 * cramp_finding_describe_shown:
 * @shown: how many of a sign's cramps are listed, the latest
 * @more: how many more, before them, are not
 *
 * Returns: (transfer full): what is said before such a list
 */
char *
cramp_finding_describe_shown (guint shown,
                              guint more)
{
  /* Translators: said before the list of a warning sign's cramps */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The latest %u cramps, and %u more before them:",
                                       "The latest %u cramps, and %u more before them:", more),
                          shown, more);
}
