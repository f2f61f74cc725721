// What every template does with the contract inputs: check them and link to the contract.
import { requireHttpUrl } from './format.js';
import type { Block } from './layout.js';
import type { MessageCatalogue } from './messages/index.js';
import type { EmailContractInput } from './types.js';

const TEXT_FIELDS = [
  'vendorName',
  'contractNumber',
  'contractTitle',
  'departmentName',
  'periodLabel',
  'managerEmail',
  'cityName',
] as const;

/** RangeError naming the first field that is not usable text, or a contract link that is not http(s). */
export function requireContractInput(input: EmailContractInput): void {
  for (const field of TEXT_FIELDS) {
    if (typeof input[field] !== 'string' || input[field].trim() === '') {
      throw new RangeError(`${field} must be a non-empty string`);
    }
  }
  requireHttpUrl(input.contractUrl, 'contractUrl');
}

export function contractLink(messages: MessageCatalogue, input: EmailContractInput): Block {
  return { kind: 'link', label: messages.contractLink(input), url: input.contractUrl };
}
