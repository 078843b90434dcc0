/** Messages of the report feature, in fi, sv and en. */
import { featureCatalog } from '../feature';

export const reportMessages = featureCatalog({
  fi: {},
  sv: {},
  en: {},
});
