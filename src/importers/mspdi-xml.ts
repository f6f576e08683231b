/**
 * Reading an MSPDI (MS Project XML) file into plain values: the XML parsed with fast-xml-parser,
 * refused when it is not well-formed (with its line and column), carries a DOCTYPE (entity
 * expansion), nests deeper than any MSPDI file does, or has no Project root.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MSPDI_NAMESPACE } from '../exports/mspdi-fields.js';
import { ImportError } from './import-error.js';
import { isObject, type Source } from './source-values.js';

export const FORMAT = 'MS Project XML';

/** MSPDI files nest about 8 levels deep; anything far deeper is not one (and would exhaust the stack). */
const MAX_DEPTH = 64;

const REPEATED = new Set(['Task', 'PredecessorLink', 'Resource', 'Assignment', 'ExtendedAttribute', 'Calendar', 'WeekDay', 'Exception', 'WorkingTime']);

function tooDeep(text: string): boolean {
  let depth = 0;
  for (const m of text.matchAll(/<(\/?)([A-Za-z_][^\s/>]*)[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else if (!m[3]) depth++;
    if (depth > MAX_DEPTH) return true;
  }
  return false;
}

/** The Project element of an MSPDI document, its values kept as text. */
export function parseMspdi(text: string): Source {
  const fail = (path: string, message: string): never => {
    throw new ImportError(FORMAT, [{ path, message }]);
  };
  const source = text.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE/i.test(source)) fail('file', 'the file has a DOCTYPE; MS Project XML has none, and its entities are not expanded');
  const valid = XMLValidator.validate(source);
  if (valid !== true) fail(`line ${valid.err.line}, column ${valid.err.col}`, `not well-formed XML: ${valid.err.msg}`);
  if (tooDeep(source)) fail('file', `elements nest more than ${MAX_DEPTH} levels deep; this is not an MS Project XML file`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name) => REPEATED.has(name),
  });
  const doc = parser.parse(source) as Source;
  const project = doc.Project;
  if (!isObject(project)) {
    const root = Object.keys(doc).find((k) => !k.startsWith('?'));
    return fail('/', `the root element is ${root ?? 'missing'}, not Project: this is not an MS Project XML (MSPDI) file`);
  }
  const ns = project['@_xmlns'];
  if (typeof ns === 'string' && !ns.startsWith(MSPDI_NAMESPACE)) fail('/Project', `the Project element is in namespace ${ns}, not ${MSPDI_NAMESPACE}`);
  return project;
}

/** A child element's text, or undefined. */
export function textOf(node: Source, key: string): string | undefined {
  const v = node[key];
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number') return String(v);
  if (isObject(v) && typeof v['#text'] === 'string') return v['#text'];
  return undefined;
}

/** The repeated children of a collection element (Tasks/Task), or none. */
export function listOf(node: Source, collection: string, item: string): Source[] {
  const c = node[collection];
  if (!isObject(c)) return [];
  const items = c[item];
  return Array.isArray(items) ? items.filter(isObject) : [];
}

export const isTrue = (v: string | undefined) => v === '1' || v?.toLowerCase() === 'true';
