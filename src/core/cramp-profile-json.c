/* Copyright 2026 The Cramp Diary developers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cramp-profile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cramp-profile-json.h"
#include "cramp-time.h"

/*
 * The health profile's file form of DESIGN.md, for --import-profile and
 * --export-profile: one JSON object with "birth_year", "conditions" and
 * "medications", in that order. Reading is strict and all-or-nothing:
 * an unknown key, condition or date is refused with what is wrong.
 * The name printed on the report is not part of the form.
 */

G_DEFINE_QUARK (cramp-profile-json-error-quark, cramp_profile_json_error)

static void
add_date (JsonBuilder *builder,
          const char  *key,
          gboolean     known,
          const GDate *date)
{
  char text[16];

  json_builder_set_member_name (builder, key);
  if (!known)
    {
      json_builder_add_null_value (builder);
      return;
    }

  g_snprintf (text, sizeof text, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  json_builder_add_string_value (builder, text);
}

/**
 * cramp_profile_to_json:
 *
 * Returns: (transfer full): @profile in its file form, ending in a newline
 */
char *
cramp_profile_to_json (CrampProfile *profile)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint conditions = cramp_profile_get_conditions (profile);
  guint birth_year = cramp_profile_get_birth_year (profile);
  g_autofree char *text = NULL;

  g_return_val_if_fail (CRAMP_IS_PROFILE (profile), NULL);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "birth_year");
  if (birth_year != 0)
    json_builder_add_int_value (builder, birth_year);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "conditions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cramp_vocab_size (CRAMP_VOCAB_CONDITION); i++)
    if (conditions & (1u << i))
      json_builder_add_string_value (builder, cramp_vocab_token (CRAMP_VOCAB_CONDITION, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "medications");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cramp_profile_get_n_medications (profile); i++)
    {
      GDate started, stopped;
      gboolean has_started, has_stopped;

      g_date_clear (&started, 1);
      g_date_clear (&stopped, 1);
      has_started = cramp_profile_get_medication_started (profile, i, &started);
      has_stopped = cramp_profile_get_medication_stopped (profile, i, &stopped);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, cramp_profile_get_medication_name (profile, i));
      add_date (builder, "started", has_started, &started);
      add_date (builder, "stopped", has_stopped, &stopped);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}

static gboolean
fail (GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CRAMP_PROFILE_JSON_ERROR, CRAMP_PROFILE_JSON_ERROR_INVALID, message);

  return FALSE;
}

static gboolean
check_keys (JsonObject          *object,
            const char * const  *known,
            const char          *where,
            GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      /* Translators: the first %s is a key of a JSON file, the second says where, such as "in medication 2" */
      return fail (error, _("“%s” is not a key of the health profile%s."), (const char *) l->data, where);

  return TRUE;
}

static gboolean
read_date (JsonObject  *object,
           const char  *key,
           guint        position,
           GDate       *date,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *text;

  g_date_clear (date, 1);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  text = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
    ? json_node_get_string (node) : NULL;
  if (text == NULL || !cramp_time_parse_date (text, date, NULL))
    /* Translators: %s is "started" or "stopped", %u counts the medications from 1 */
    return fail (error, _("The “%s” date of medication %u is not a date written as YYYY-MM-DD."), key, position);

  return TRUE;
}

static gboolean
read_medications (JsonNode      *node,
                  CrampProfile  *profile,
                  GError       **error)
{
  static const char * const keys[] = { "name", "started", "stopped", NULL };
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, _("“medications” must be a list."));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *where = NULL;
      JsonObject *object;
      JsonNode *name;
      GDate started, stopped;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (error, _("Medication %u must be an object with a “name”."), i + 1);
      object = json_node_get_object (element);
      /* Translators: %u counts the medications from 1 */
      where = g_strdup_printf (_(" in medication %u"), i + 1);
      if (!check_keys (object, keys, where, error))
        return FALSE;

      name = json_object_get_member (object, "name");
      if (name == NULL || !JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING)
        return fail (error, _("Medication %u must be an object with a “name”."), i + 1);
      if (!read_date (object, "started", i + 1, &started, error) ||
          !read_date (object, "stopped", i + 1, &stopped, error))
        return FALSE;

      if (!cramp_profile_add_medication (profile, json_node_get_string (name), &started, &stopped, &local_error))
        /* Translators: %u counts the medications from 1, %s says what is wrong */
        return fail (error, _("Medication %u: %s"), i + 1, local_error->message);
    }

  return TRUE;
}

static gboolean
read_conditions (JsonNode      *node,
                 CrampProfile  *profile,
                 GError       **error)
{
  JsonArray *array;
  guint conditions = 0;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, _("“conditions” must be a list."));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *token = JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING
        ? json_node_get_string (element) : NULL;
      guint index;

      if (token == NULL || !cramp_vocab_lookup (CRAMP_VOCAB_CONDITION, token, &index) ||
          !g_str_equal (token, cramp_vocab_token (CRAMP_VOCAB_CONDITION, index)))
        return fail (error, _("“%s” is not a condition the health profile knows."),
                     token ? token : _("(not a word)"));
      conditions |= 1u << index;
    }

  cramp_profile_set_conditions (profile, conditions);
  return TRUE;
}

/* The deepest a profile nests: the object, its list of medications, and
 * a medication. */
#define MAX_DEPTH 3

typedef struct
{
  GHashTable *keys;        /* of an object: the keys seen, as written */
  gboolean    want_key;    /* of an object: the next string is a key */
} Level;

static void
clear_level (gpointer data)
{
  g_clear_pointer (&((Level *) data)->keys, g_hash_table_unref);
}

/* What JSON allows but json-glib takes without a word, or cannot take
 * at all, looked for in the text before the parser sees it: nesting
 * deeper than a profile has (a file of nested "[" overflows the
 * parser's stack), a key twice in one object (the parser keeps the
 * last), text after the object, comments, single quotes and a NUL in a
 * string (which json-glib accepts, or cuts the string at). */
static gboolean
check_form (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GArray) levels = g_array_new (FALSE, TRUE, sizeof (Level));
  gboolean done = FALSE;
  guint line = 1;

  g_array_set_clear_func (levels, clear_level);

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      Level *top = levels->len > 0 ? &g_array_index (levels, Level, levels->len - 1) : NULL;

      if (c == '\n')
        line++;
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        continue;
      if (done)
        /* Translators: %u is a line of the file */
        return fail (error, _("The file holds more than the health profile: there is more after its end, on line %u."),
                     line);

      switch (c)
        {
        case '"':
          {
            gsize start = ++i;
            gboolean escaped = FALSE;

            for (; i < length && data[i] != '"'; i++)
              {
                if (data[i] == '\\')
                  {
                    escaped = TRUE;
                    if (i + 5 < length && strncmp (data + i + 1, "u0000", 5) == 0)
                      /* Translators: %u is a line of the file */
                      return fail (error, _("A text on line %u holds a NUL character (\\u0000), which the health "
                                            "profile cannot."), line);
                    i++;
                  }
                else if (data[i] == '\n')
                  line++;
              }
            if (top != NULL && top->want_key)
              {
                g_autofree char *key = g_strndup (data + start, MIN (i, length) - start);

                top->want_key = FALSE;
                if (escaped)
                  return fail (error, _("“%s” is not a key of the health profile%s."), key, "");
                if (!g_hash_table_add (top->keys, g_steal_pointer (&key)))
                  /* Translators: %s is a key of a JSON file, %u a line of the file */
                  return fail (error, _("The key “%.*s” is in one object twice, the second time on line %u."),
                               (int) (i - start), data + start, line);
              }
            break;
          }

        case '{':
        case '[':
          {
            Level level = { NULL, FALSE };

            if (levels->len == MAX_DEPTH)
              /* Translators: %u is a line of the file, %d a number of levels */
              return fail (error, _("The file nests lists or objects deeper than a health profile can (%d levels), "
                                    "on line %u."), MAX_DEPTH, line);
            if (c == '{')
              {
                level.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
                level.want_key = TRUE;
              }
            g_array_append_val (levels, level);
            break;
          }

        case '}':
        case ']':
          if (levels->len > 0)
            g_array_set_size (levels, levels->len - 1);
          done = levels->len == 0;
          break;

        case ',':
          if (top != NULL && top->keys != NULL)
            top->want_key = TRUE;
          break;

        case '/':
          /* Translators: %u is a line of the file */
          return fail (error, _("The file has a comment on line %u; JSON has none."), line);

        case '\'':
          /* Translators: %u is a line of the file */
          return fail (error, _("The file has a single quote on line %u; JSON writes text in double quotes."), line);

        default:
          /* a number, a word (true, null) or a colon: the parser judges
           * them, and a file that is one of them alone */
          if (levels->len == 0)
            return TRUE;
          break;
        }
    }

  return TRUE;
}

/**
 * cramp_profile_from_json:
 * @data: the file's contents
 *
 * Reads a health profile in its file form.
 *
 * Returns: (transfer full): the profile, or %NULL with @error saying, in
 *   a sentence, what is wrong
 */
CrampProfile *
cramp_profile_from_json (const char  *data,
                         gsize        length,
                         GError     **error)
{
  static const char * const keys[] = { "birth_year", "conditions", "medications", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CrampProfile) profile = cramp_profile_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;

  g_return_val_if_fail (data != NULL, NULL);

  if (!g_utf8_validate (data, length, NULL))
    return fail (error, _("The file is not UTF-8 text.")), NULL;
  if (!check_form (data, length, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      guint line = 0, column = 0;

      /* json-glib says "<data>:LINE:COLUMN: Parse error: …" */
      if (sscanf (local_error->message, "<data>:%u:%u:", &line, &column) == 2)
        /* Translators: a line and a character of a file */
        return fail (error, _("The file is not valid JSON: something is wrong on line %u, at character %u."),
                     line, column), NULL;
      return fail (error, _("The file is not valid JSON.")), NULL;
    }
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return fail (error, _("The file must hold one JSON object.")), NULL;

  root = json_node_get_object (json_parser_get_root (parser));
  if (!check_keys (root, keys, "", error))
    return NULL;

  node = json_object_get_member (root, "birth_year");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      gint64 year = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
        ? json_node_get_int (node) : -1;

      if (year < CRAMP_BIRTH_YEAR_MIN || year > CRAMP_BIRTH_YEAR_MAX)
        return fail (error, _("“birth_year” must be a year from %d to %d, or null."),
                     CRAMP_BIRTH_YEAR_MIN, CRAMP_BIRTH_YEAR_MAX), NULL;
      cramp_profile_set_birth_year (profile, (guint) year);
    }

  if ((node = json_object_get_member (root, "conditions")) != NULL && !read_conditions (node, profile, error))
    return NULL;
  if ((node = json_object_get_member (root, "medications")) != NULL && !read_medications (node, profile, error))
    return NULL;

  if (!cramp_profile_validate (profile, error))
    return NULL;

  return g_steal_pointer (&profile);
}
