/** Finnish, the default language. The source catalog: every other catalog has exactly these keys. */
export const fi = {
  'group.defaultName': 'Ryhmä {n}',
} as const;
