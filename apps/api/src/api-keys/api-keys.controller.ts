import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PaginationQuery, toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { ApiKeysService } from './api-keys.service.js';
import { toApiKeyResponse, type ApiKeyResponse, type CreatedApiKeyResponse } from './dto/api-key.response.js';
import { CreateApiKeyDto } from './dto/create-api-key.dto.js';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api-keys')
@Roles('admin')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  /** The answer carries the token; it is shown this once and never stored. */
  @Post()
  async create(@Body() dto: CreateApiKeyDto, @CurrentActor() actor: Actor): Promise<CreatedApiKeyResponse> {
    const { key, token } = await this.apiKeys.create(dto, actor);
    return { ...toApiKeyResponse(key), token };
  }

  @Get()
  async list(@Query() query: PaginationQuery): Promise<Page<ApiKeyResponse>> {
    const [keys, total] = await this.apiKeys.list(query);
    return toPage(keys, total, query, toApiKeyResponse);
  }

  /** Revokes the key: it stops working on the next request. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async revoke(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.apiKeys.revoke(id, actor);
  }
}
