import type { Messages } from './index';

export const en: Messages = {
  'group.defaultName': 'Group {n}',
};
