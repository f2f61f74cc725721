import { ApiProperty } from '@nestjs/swagger';
import type { ImportNote } from '../ocds-import.mapping.js';
import type { OcdsImportResult } from '../ocds-import.service.js';

/** The body of an import: the standard's package, checked by the importer rather than by a DTO. */
export const OCDS_PACKAGE_BODY = {
  type: 'object',
  description: 'An OCDS 1.1 release package or record package',
  additionalProperties: true,
} as const;

class OcdsImportCounts {
  @ApiProperty()
  departments!: number;

  @ApiProperty()
  vendors!: number;

  @ApiProperty()
  solicitations!: number;

  @ApiProperty()
  bids!: number;

  @ApiProperty()
  contracts!: number;

  @ApiProperty()
  payments!: number;
}

/** The file's releases, each kept by ocid and release id. */
class OcdsImportReleaseCounts {
  @ApiProperty({ description: 'Kept for the first time' })
  created!: number;

  @ApiProperty({ description: 'Replaced a kept version of the same release (a later-dated one)' })
  updated!: number;

  @ApiProperty({ description: 'Already kept as they are, or an older version of a kept release (noted in skipped)' })
  unchanged!: number;
}

class OcdsImportNote implements ImportNote {
  @ApiProperty({ example: 'releases.0.parties.1.contactPoint.email' })
  path!: string;

  @ApiProperty()
  message!: string;
}

/** What an OCDS import created, changed and left alone, and what it repaired or skipped on the way. */
export class OcdsImportResultResponse implements OcdsImportResult {
  @ApiProperty()
  releases!: OcdsImportReleaseCounts;

  @ApiProperty()
  created!: OcdsImportCounts;

  @ApiProperty()
  updated!: OcdsImportCounts;

  @ApiProperty()
  unchanged!: OcdsImportCounts;

  @ApiProperty({ type: () => [OcdsImportNote] })
  repaired!: OcdsImportNote[];

  @ApiProperty({ type: () => [OcdsImportNote] })
  skipped!: OcdsImportNote[];
}
