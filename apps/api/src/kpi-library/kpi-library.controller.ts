import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { API_KEY_SCHEME, ApiErrors, ApiPageResponse } from '../common/openapi.js';
import { toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { CreateLibraryKpiDto } from './dto/create-library-kpi.dto.js';
import { LibraryKpisQuery } from './dto/library-kpis.query.js';
import { LibraryKpiResponse, toLibraryKpiResponse } from './dto/library-kpi.response.js';
import { NewLibraryVersionDto } from './dto/new-library-version.dto.js';
import { KpiLibraryService, type LibraryKpiVersion } from './kpi-library.service.js';

const toResponse = ({ version, latestVersion }: LibraryKpiVersion) => toLibraryKpiResponse(version, latestVersion);

/** The library holds definitions, nothing confidential: every role reads it; officers write it. */
@ApiTags('kpi-library')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('kpi-library')
export class KpiLibraryController {
  constructor(private readonly library: KpiLibraryService) {}

  @Post()
  @ApiOperation({ summary: 'Add an entry to the KPI library (its version 1)' })
  @ApiCreatedResponse({ type: LibraryKpiResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async create(@Body() dto: CreateLibraryKpiDto, @CurrentActor() actor: Actor): Promise<LibraryKpiResponse> {
    return toResponse(await this.library.create(dto, actor));
  }

  @Get()
  @ApiOperation({ summary: "List the library: each entry's latest version, or every version of one entry" })
  @ApiPageResponse(LibraryKpiResponse)
  @Roles('procurement_officer', 'department_head', 'vendor')
  async list(@Query() query: LibraryKpisQuery): Promise<Page<LibraryKpiResponse>> {
    const [versions, total] = await this.library.list(query);
    return toPage(versions, total, query, toResponse);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get one version of a library entry' })
  @ApiOkResponse({ type: LibraryKpiResponse })
  @Roles('procurement_officer', 'department_head', 'vendor')
  async get(@UuidParam() id: string): Promise<LibraryKpiResponse> {
    return toResponse(await this.library.get(id));
  }

  @Post(':id/versions')
  @ApiOperation({
    summary: 'Edit a library entry: writes its next version; KPIs keep the version they pin',
    description: 'The id must be the latest version (409 otherwise). Fields left out are copied from it.',
  })
  @ApiCreatedResponse({ type: LibraryKpiResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async addVersion(
    @UuidParam() id: string,
    @Body() dto: NewLibraryVersionDto,
    @CurrentActor() actor: Actor,
  ): Promise<LibraryKpiResponse> {
    return toResponse(await this.library.addVersion(id, dto, actor));
  }
}
