import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import jsonMergePatch from 'json-merge-patch';
import { KEY_PROCUREMENT_RELEASE_SCHEMA } from '../../src/ocds/key-procurement-extension.js';

// CommonJS packages: under NodeNext the default import is the module object, whose `default` is the export.
const Ajv04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

/** The extensions the export declares, by their folder under OCDS_EXTENSIONS_DIR. */
const USED_EXTENSIONS = ['ocds_bid_extension', 'ocds_metrics_extension', 'ocds_organizationClassification_extension'];

/** A directory of the shared OCDS material, from its variable or the default beside the repository. */
export function ocdsDir(variable: string, fallback: string): string {
  const dir = resolve(process.cwd(), process.env[variable] ?? fallback);
  if (!existsSync(dir)) {
    throw new Error(
      `${variable}: ${dir} does not exist; set ${variable} to the OCDS ${fallback.split('/').pop()} folder`,
    );
  }
  return dir;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

export type PackageValidator = (data: unknown) => { valid: boolean; errors: string[] };

/**
 * The official OCDS 1.1.5 release-package schema (draft-04) with the used extensions' patches merged into the
 * core release schema, as the OCDS documentation describes, the city's key-procurement extension included.
 */
export function releasePackageValidator(): PackageValidator {
  const schemaDir = ocdsDir('OCDS_SCHEMA_DIR', '../shared/ocds/schema');
  const extensionsDir = ocdsDir('OCDS_EXTENSIONS_DIR', '../shared/ocds/extensions');
  let release = readJson(join(schemaDir, 'release-schema.json'));
  for (const extension of USED_EXTENSIONS) {
    release = jsonMergePatch.apply(release, readJson(join(extensionsDir, extension, 'release-schema.json')));
  }
  // The city's own extension, served by the API rather than kept with the registry's.
  release = jsonMergePatch.apply(release, structuredClone(KEY_PROCUREMENT_RELEASE_SCHEMA));
  const ajv = new Ajv04({ allErrors: true, allowUnionTypes: true });
  ajv.addVocabulary(['codelist', 'openCodelist', 'deprecated', 'omitWhenMerged', 'wholeListMerge', 'versionId']);
  addFormats(ajv);
  ajv.addSchema(release);
  const validate = ajv.compile(readJson(join(schemaDir, 'release-package-schema.json')));
  return (data) => {
    const valid = validate(data) as boolean;
    return {
      valid,
      errors: (validate.errors ?? []).map(
        (error: { instancePath: string; message?: string }) => `${error.instancePath || '/'} ${error.message}`,
      ),
    };
  };
}

/** OCDS wants unique `id`s within every array of objects; JSON Schema cannot say so. Returns the offending paths. */
export function duplicateIds(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) {
    const seen = new Set<unknown>();
    const duplicates: string[] = [];
    value.forEach((item, index) => {
      if (item && typeof item === 'object' && 'id' in item) {
        const id = (item as { id: unknown }).id;
        if (seen.has(id)) duplicates.push(`${path}/${index}/id ${String(id)}`);
        seen.add(id);
      }
      duplicates.push(...duplicateIds(item, `${path}/${index}`));
    });
    return duplicates;
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => duplicateIds(item, `${path}/${key}`));
  }
  return [];
}
