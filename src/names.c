/*
 * names.c — layer 0: the SPEC §4/§5 names of qualifiers, categories, groups
 * and statuses, both ways.
 */
#include "internal.h"

static const char *const category_names[BL_CAT_COUNT_] = {
    [BL_CAT_OTHER] = "other",         [BL_CAT_KILLED] = "killed",
    [BL_CAT_INJURED] = "injured",     [BL_CAT_MISSING] = "missing",
    [BL_CAT_ARRESTED] = "arrested",   [BL_CAT_HOSTAGES] = "hostages",
    [BL_CAT_DISPLACED] = "displaced", [BL_CAT_EVACUATED] = "evacuated",
    [BL_CAT_AFFECTED] = "affected",   [BL_CAT_SICK] = "sick",
    [BL_CAT_PARTICIPANTS] = "participants", [BL_CAT_DEPLOYED] = "deployed"};

static const char *const group_names[BL_GROUP_COUNT_] = {
    [BL_GROUP_NONE] = NULL,
    [BL_GROUP_CIVILIANS] = "civilians",
    [BL_GROUP_CHILDREN] = "children",
    [BL_GROUP_SECURITY_FORCES] = "security_forces",
    [BL_GROUP_MILITANTS] = "militants",
    [BL_GROUP_PROTESTERS] = "protesters",
    [BL_GROUP_MIGRANTS] = "migrants",
    [BL_GROUP_JOURNALISTS] = "journalists",
    [BL_GROUP_HEALTH_WORKERS] = "health_workers"};

const char *bl_category_name(bl_category c) {
  return (unsigned)c < BL_CAT_COUNT_ ? category_names[c] : "other";
}

const char *bl_group_name(bl_group g) {
  return (unsigned)g < BL_GROUP_COUNT_ ? group_names[g] : NULL;
}

const char *bl_status_name(bl_status s) {
  switch (s) {
  case BL_STATUS_PROVISIONAL: return "provisional";
  case BL_STATUS_FINAL: return "final";
  case BL_STATUS_REVISED: return "revised";
  default: return NULL;
  }
}

int bl_category_from_name(const char *name) {
  for (int i = 0; i < BL_CAT_COUNT_; i++)
    if (!strcmp(category_names[i], name)) return i;
  return -1;
}

int bl_group_from_name(const char *name) {
  for (int i = 1; i < BL_GROUP_COUNT_; i++)
    if (!strcmp(group_names[i], name)) return i;
  return -1;
}
