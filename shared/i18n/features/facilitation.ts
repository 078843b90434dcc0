/** Messages of the facilitation feature, in fi, sv and en. */
import { featureCatalog } from '../feature';

export const facilitationMessages = featureCatalog({
  fi: {},
  sv: {},
  en: {},
});
