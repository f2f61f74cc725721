import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_SCHEME, ApiErrors, ApiPageResponse } from '../common/openapi.js';
import type { Actor } from '#domain';
import { CurrentActor, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { ContractsService } from './contracts.service.js';
import { toContractResponse, ContractResponse } from './dto/contract.response.js';
import { ContractsQuery } from './dto/contracts.query.js';
import { CreateContractDto } from './dto/create-contract.dto.js';
import { UpdateContractDto } from './dto/update-contract.dto.js';

@ApiTags('contracts')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a contract' })
  @ApiCreatedResponse({ type: ContractResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async create(@Body() dto: CreateContractDto, @CurrentActor() actor: Actor): Promise<ContractResponse> {
    return toContractResponse(await this.contracts.create(dto, actor));
  }

  @Get()
  @ApiOperation({ summary: 'List contracts' })
  @ApiPageResponse(ContractResponse)
  @Roles('procurement_officer', 'department_head', 'vendor')
  async list(
    @Query() query: ContractsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<ContractResponse>> {
    const [contracts, total] = await this.contracts.list(query, principal);
    return toPage(contracts, total, query, toContractResponse);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a contract' })
  @ApiOkResponse({ type: ContractResponse })
  @Roles('procurement_officer', 'department_head', 'vendor')
  async get(@UuidParam() id: string, @CurrentPrincipal() principal: Principal): Promise<ContractResponse> {
    return toContractResponse(await this.contracts.get(id, principal));
  }

  /** Dates stay ordered and keep every recorded measurement inside; active → completed | terminated only. */
  @Patch(':id')
  @ApiOperation({ summary: 'Change a contract (JSON merge patch)' })
  @ApiOkResponse({ type: ContractResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdateContractDto,
    @CurrentActor() actor: Actor,
  ): Promise<ContractResponse> {
    return toContractResponse(await this.contracts.update(id, dto, actor));
  }
}
