/**
 * The catalogs are complete and the components use them: every catalog has the same keys, no
 * message is empty, and no component hard-codes a user-visible string (JSX text with letters,
 * or a string literal as aria-label, title, placeholder or alt).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../shared/i18n';

const ROOT = join(import.meta.dirname, '..', '..');
const CLIENT = join(ROOT, 'client');

/** Attributes whose literal value a person reads or hears. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt']);

/**
 * Non-linguistic content that may stay in components. Only glyphs: anything with a letter in
 * it belongs in the catalogs. (Strings without letters are never reported in the first place;
 * this list is for glyph-like strings that still contain a letter, of which there are none.)
 */
const ALLOWED = new Set<string>(['×', '✓', '⚠', '+', '·', '–']);

const LETTER = /\p{L}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

/** Hard-coded user-visible strings in one TSX source, each as "file:line: text". */
export function hardCodedStrings(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (!LETTER.test(trimmed) || ALLOWED.has(trimmed)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push(`${relative(ROOT, fileName)}:${line}: ${JSON.stringify(trimmed)}`);
  };
  const literal = (expr: ts.Expression | undefined): string | null => {
    if (!expr) return null;
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
    if (ts.isParenthesizedExpression(expr)) return literal(expr.expression);
    return null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      report(node, node.text);
    } else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      // {'text'} as a child is JSX text too.
      const text = literal(node.expression);
      if (text !== null) report(node, text);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      if (TEXT_ATTRIBUTES.has(name) && node.initializer) {
        const init = node.initializer;
        const text = ts.isStringLiteral(init) ? init.text : ts.isJsxExpression(init) ? literal(init.expression) : null;
        if (text !== null) report(node, text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('message catalogs', () => {
  const languages = Object.keys(catalogs) as (keyof typeof catalogs)[];

  it('every catalog has exactly the keys of every other', () => {
    for (const a of languages) {
      for (const b of languages) {
        const missing = Object.keys(catalogs[a]).filter((k) => !(k in catalogs[b]));
        expect(missing, `keys in ${a} but not in ${b}`).toEqual([]);
      }
    }
  });

  it('no message is empty', () => {
    for (const lang of languages) {
      const empty = Object.entries(catalogs[lang] as Record<string, unknown>)
        .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
        .map(([k]) => k);
      expect(empty, `empty messages in ${lang}`).toEqual([]);
    }
  });

  it('every plural has both forms in every catalog (t.plural picks `.one` or `.other`)', () => {
    for (const lang of languages) {
      const keys = new Set(Object.keys(catalogs[lang]));
      const orphans = [...keys].filter((k) => k.endsWith('.one') && !keys.has(k.replace(/\.one$/, '.other')));
      expect(orphans, `plural keys without a twin in ${lang}`).toEqual([]);
    }
  });
});

describe('no hard-coded user-visible strings in components', () => {
  it('the scanner finds JSX text and literal text attributes (self-test)', () => {
    const planted = [
      'export const A = () => <p>Hei maailma</p>;',
      'export const B = () => <button aria-label="Sulje">×</button>;',
      "export const C = () => <input placeholder={'Kirjoita'} title=\"Otsikko\" />;",
      'export const D = () => <img alt="Kuva" src="x.png" />;',
      "export const E = () => <span>{'Teksti'}</span>;",
      'export const F = () => <p>{t("x")} · <b>{n}</b> ✓ ⚠ ×</p>;',
      'export const G = () => <img alt="" class="Luokka" data-x="Nimi" />;',
    ].join('\n');
    expect(hardCodedStrings(join(CLIENT, 'planted.tsx'), planted)).toEqual([
      'client/planted.tsx:1: "Hei maailma"',
      'client/planted.tsx:2: "Sulje"',
      'client/planted.tsx:3: "Kirjoita"',
      'client/planted.tsx:3: "Otsikko"',
      'client/planted.tsx:4: "Kuva"',
      'client/planted.tsx:5: "Teksti"',
    ]);
  });

  it('client/**/*.tsx has none', () => {
    const files = tsxFiles(CLIENT);
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((f) => hardCodedStrings(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });
});
