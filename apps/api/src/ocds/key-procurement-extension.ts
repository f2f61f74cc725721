// The city's own OCDS extension for the one field the standard and its registry have no home for: whether a
// procurement is a key procurement (the product design, §10). The API serves both files (extension.json and the
// release-schema patch) without a key, at the address the release package lists, as OCDS tools fetch them.

export const KEY_PROCUREMENT_EXTENSION_PATH = 'ocds/extensions/key-procurement';

const FIELD = {
  title: 'Key procurement',
  description:
    'Whether the buyer treats this procurement as a key procurement: one of the purchases it tracks most closely, ' +
    'with engagements and disaggregated performance indicators, as evidence of results-driven contracting.',
  type: 'boolean',
};

/** A JSON merge patch (RFC 7386) over the OCDS 1.1 release schema. */
export const KEY_PROCUREMENT_RELEASE_SCHEMA = {
  definitions: {
    Tender: { properties: { isKeyProcurement: FIELD } },
    Contract: { properties: { isKeyProcurement: FIELD } },
  },
};

export const keyProcurementExtension = (documentationUrl: string) => ({
  name: { en: 'Key procurement' },
  description: {
    en: 'Marks tenders and contracts that the buyer treats as key procurements (tender.isKeyProcurement, contracts[].isKeyProcurement).',
  },
  documentationUrl: { en: documentationUrl },
  compatibility: ['1.1'],
  schemas: ['release-schema.json'],
});
