/** The per-language catalogs the build makes from shared/i18n (vite.config.ts, languageCatalogs). */
declare module 'virtual:pajaseina-catalog/*' {
  const messages: import('../shared/i18n').Messages;
  export default messages;
}
