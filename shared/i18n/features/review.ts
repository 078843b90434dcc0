/** Messages of the review feature, in fi, sv and en. */
import { featureCatalog } from '../feature';

export const reviewMessages = featureCatalog({
  fi: {},
  sv: {},
  en: {},
});
