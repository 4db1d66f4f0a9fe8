import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/authenticated.decorator.js';
import { HealthService, type HealthReport } from './health.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly checks: HealthService) {}

  @Get('live')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Public('Liveness: the process is up and its event loop answers. Never touches the database.')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Header('Cache-Control', 'no-store')
  @Public(
    'Readiness: 200 when the database answers within a second, 503 naming the failing dependency otherwise. Also reports the connection pool.',
  )
  async ready(@Res({ passthrough: true }) res: FastifyReply): Promise<HealthReport> {
    const report = await this.checks.check();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  @Get()
  @Header('Cache-Control', 'no-store')
  @Public('Same as /api/health/ready (kept for existing probes).')
  async health(@Res({ passthrough: true }) res: FastifyReply): Promise<HealthReport> {
    return this.ready(res);
  }
}
