import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import type { ApiEnv } from '../config/api-env.js';
import { API_PREFIX } from '../configure-app.js';
import { OcdsReleasesQuery } from './dto/ocds-releases.query.js';
import { OcdsExportService } from './ocds-export.service.js';
import { OCDS_EXTENSIONS } from './ocds-release.mapping.js';
import { CLOCK } from '#runtime';
import { type Clock } from '#domain';

@ApiTags('open data')
@ApiBearerAuth()
@Controller('ocds')
export class OcdsController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly exporter: OcdsExportService,
    private readonly config: ConfigService<ApiEnv, true>,
  ) {}

  /** An OCDS 1.1 release package, one release per procurement process, paged by `links.next`. */
  @Get('releases')
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
      extensions: Object.values(OCDS_EXTENSIONS),
      publishedDate: this.clock.now().toISOString(),
      publisher: { name: this.config.get('OCDS_PUBLISHER_NAME') },
      license: this.config.get('OCDS_LICENSE'),
      ...(policy && { publicationPolicy: policy }),
      releases,
      ...(nextCursor && { links: { next: url(nextCursor) } }),
    };
  }
}
