import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, type SchemaObject } from '@nestjs/swagger';
import { API_KEY_SCHEME } from '../common/openapi.js';
import { Public, Roles } from '../auth/auth.decorators.js';
import type { ApiEnv } from '../config/api-env.js';
import { API_PREFIX } from '../configure-app.js';
import { OcdsReleasesQuery } from './dto/ocds-releases.query.js';
import { OcdsExportService } from './ocds-export.service.js';
import {
  KEY_PROCUREMENT_EXTENSION_PATH,
  KEY_PROCUREMENT_RELEASE_SCHEMA,
  keyProcurementExtension,
} from './key-procurement-extension.js';
import { OCDS_EXTENSIONS } from './ocds-release.mapping.js';
import { CLOCK } from '#runtime';
import { type Clock } from '#domain';

/** The package is the standard's, not the API's: its schema is published with OCDS 1.1. */
const OCDS_RELEASE_PACKAGE_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'https://standard.open-contracting.org/1.1/en/schema/release_package/',
  required: ['uri', 'version', 'publishedDate', 'publisher', 'releases'],
  properties: {
    uri: { type: 'string', format: 'uri' },
    version: { type: 'string', example: '1.1' },
    extensions: { type: 'array', items: { type: 'string', format: 'uri' } },
    publishedDate: { type: 'string', format: 'date-time' },
    publisher: { type: 'object', properties: { name: { type: 'string' } } },
    license: { type: 'string', format: 'uri' },
    publicationPolicy: { type: 'string', format: 'uri' },
    releases: { type: 'array', items: { type: 'object', description: 'An OCDS 1.1 release' } },
    links: { type: 'object', properties: { next: { type: 'string', format: 'uri' } } },
  },
};

@ApiTags('open data')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('ocds')
export class OcdsController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly exporter: OcdsExportService,
    private readonly config: ConfigService<ApiEnv, true>,
  ) {}

  /** An OCDS 1.1 release package, one release per procurement process, paged by `links.next`. */
  @Get('releases')
  @ApiOperation({ summary: 'Publish contracts as an OCDS 1.1 release package, paged by links.next' })
  @ApiOkResponse({ description: 'An OCDS 1.1 release package', schema: OCDS_RELEASE_PACKAGE_SCHEMA })
  @Roles('procurement_officer')
  async releases(@Query() query: OcdsReleasesQuery): Promise<object> {
    const { releases, nextCursor } = await this.exporter.releases(query);
    const url = (cursor?: string) => {
      const params = new URLSearchParams({
        ...(query.since && { since: query.since }),
        limit: String(query.limit),
        ...(cursor && { cursor }),
      });
      return `${this.config.get('PUBLIC_BASE_URL')}/${API_PREFIX}/ocds/releases?${params}`;
    };
    const policy = this.config.get('OCDS_PUBLICATION_POLICY');
    return {
      uri: url(query.cursor),
      version: '1.1',
      extensions: [...Object.values(OCDS_EXTENSIONS), this.extensionUrl('extension.json')],
      publishedDate: this.clock.now().toISOString(),
      publisher: { name: this.config.get('OCDS_PUBLISHER_NAME') },
      license: this.config.get('OCDS_LICENSE'),
      ...(policy && { publicationPolicy: policy }),
      releases,
      ...(nextCursor && { links: { next: url(nextCursor) } }),
    };
  }

  /** The city's key-procurement extension, public like the data it describes: OCDS tools fetch it by this URL. */
  @Get('extensions/key-procurement/extension.json')
  @Public()
  @ApiOperation({ summary: "The key-procurement OCDS extension's metadata (extension.json)" })
  @ApiOkResponse({ description: 'An OCDS extension.json', schema: { type: 'object' } })
  keyProcurementExtension(): object {
    // The API's own documentation describes the field (on the release package's answer) and both files.
    return keyProcurementExtension(`${this.config.get('PUBLIC_BASE_URL')}/docs`);
  }

  @Get('extensions/key-procurement/release-schema.json')
  @Public()
  @ApiOperation({ summary: "The key-procurement OCDS extension's release-schema patch" })
  @ApiOkResponse({ description: 'A JSON merge patch over the OCDS 1.1 release schema', schema: { type: 'object' } })
  keyProcurementReleaseSchema(): object {
    return KEY_PROCUREMENT_RELEASE_SCHEMA;
  }

  private extensionUrl(file: string): string {
    return `${this.config.get('PUBLIC_BASE_URL')}/${API_PREFIX}/${KEY_PROCUREMENT_EXTENSION_PATH}/${file}`;
  }
}
