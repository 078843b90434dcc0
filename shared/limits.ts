/** Every size limit of the wall model, named once. Server, client and tests import these. */
export const LIMITS = {
  titleMax: 200,
  groupNameMax: 80,
  noteTextMax: 2000,
  displayNameMax: 40,
  groupsMax: 50,
  notesMax: 5000,
} as const;
