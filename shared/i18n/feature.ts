/**
 * A feature's own messages in all three languages, kept in one file beside each other so that a
 * feature's strings are written (and reviewed) together. The Finnish object is the source: the
 * types make Swedish and English carry exactly its keys.
 */
export interface FeatureCatalog<F extends Record<string, string>> {
  fi: F;
  sv: Record<keyof F, string>;
  en: Record<keyof F, string>;
}

export function featureCatalog<const F extends Record<string, string>>(catalog: FeatureCatalog<F>): FeatureCatalog<F> {
  return catalog;
}
