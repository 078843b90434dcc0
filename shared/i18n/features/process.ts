/** Messages of the process feature, in fi, sv and en. */
import { featureCatalog } from '../feature';

export const processMessages = featureCatalog({
  fi: {},
  sv: {},
  en: {},
});
