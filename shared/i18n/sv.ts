import type { Messages } from './index';

export const sv: Messages = {
  'group.defaultName': 'Grupp {n}',
};
