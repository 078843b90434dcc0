/** Messages of the projector feature, in fi, sv and en. */
import { featureCatalog } from '../feature';

export const projectorMessages = featureCatalog({
  fi: {},
  sv: {},
  en: {},
});
