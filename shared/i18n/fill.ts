/** Fills a message's `{name}` placeholders; a placeholder without a value stays as it is. */
export function fillMessage(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
