/** Every size limit of the wall model, named once. Server, client and tests import these. */
export const LIMITS = {
  titleMax: 200,
  groupNameMax: 80,
  noteTextMax: 2000,
  displayNameMax: 40,
  groupsMax: 50,
  notesMax: 5000,
  workshopsMax: 12,
  tasksMax: 60,
  instructionsMax: 1000,
  mirrorMax: 200,
  mirrorTextMax: 2000,
  urlMax: 500,
  experimentFieldMax: 200,
  votesPerPersonMax: 20,
  votesMax: 50000,
  timerMaxMs: 6 * 60 * 60 * 1000,
} as const;
