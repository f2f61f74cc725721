import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { API_KEY_SCHEME } from '../common/openapi.js';
import { UuidParam } from '../common/uuid-param.js';
import { VendorPerformanceResponse } from './dto/vendor-performance.response.js';
import { VendorPerformanceService } from './vendor-performance.service.js';

@ApiTags('vendors')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('vendors/:id/performance')
export class VendorPerformanceController {
  constructor(private readonly performance: VendorPerformanceService) {}

  @Get()
  @ApiOperation({ summary: "A vendor's record: KPI results by year and final performance ratings" })
  @ApiOkResponse({ type: VendorPerformanceResponse })
  @Roles('procurement_officer', 'department_head', 'vendor')
  async get(@UuidParam() id: string, @CurrentPrincipal() principal: Principal): Promise<VendorPerformanceResponse> {
    return this.performance.record(id, principal);
  }
}
