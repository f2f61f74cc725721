import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_SCHEME, ApiErrors, ApiPageResponse } from '../common/openapi.js';
import type { Actor } from '#domain';
import { CurrentActor, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { PaginationQuery, toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { DepartmentsService } from './departments.service.js';
import { CreateDepartmentDto } from './dto/create-department.dto.js';
import { toDepartmentResponse, toVendorDepartmentResponse, DepartmentResponse } from './dto/department.response.js';
import { UpdateDepartmentDto } from './dto/update-department.dto.js';

@ApiTags('departments')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a department' })
  @ApiCreatedResponse({ type: DepartmentResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async create(@Body() dto: CreateDepartmentDto, @CurrentActor() actor: Actor): Promise<DepartmentResponse> {
    return toDepartmentResponse(await this.departments.create(dto, actor));
  }

  /** Officers see every department, heads their own, vendors those of their contracts (without the head's address). */
  @Get()
  @ApiOperation({ summary: 'List departments' })
  @ApiPageResponse(DepartmentResponse)
  @Roles('procurement_officer', 'department_head', 'vendor')
  async list(
    @Query() query: PaginationQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<DepartmentResponse>> {
    const [departments, total] = await this.departments.list(query, principal);
    return toPage(departments, total, query, responseFor(principal));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a department' })
  @ApiOkResponse({ type: DepartmentResponse })
  @Roles('procurement_officer', 'department_head', 'vendor')
  async get(@UuidParam() id: string, @CurrentPrincipal() principal: Principal): Promise<DepartmentResponse> {
    return responseFor(principal)(await this.departments.get(id, principal));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a department' })
  @ApiOkResponse({ type: DepartmentResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdateDepartmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<DepartmentResponse> {
    return toDepartmentResponse(await this.departments.update(id, dto, actor));
  }
}

const responseFor = (principal: Principal) =>
  principal.role === 'vendor' ? toVendorDepartmentResponse : toDepartmentResponse;
