import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { InfraEnv } from '#runtime';
import { typeormOptions } from './typeorm-options.js';

/** TypeORM on DATABASE_URL for a Nest app; `applicationName` tells the processes apart in pg_stat_activity. */
@Module({})
export class DatabaseModule {
  static forRoot(applicationName: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<InfraEnv, true>) => ({
            ...typeormOptions({ url: config.get('DATABASE_URL'), applicationName }),
            retryAttempts: 5,
            retryDelay: 2000,
          }),
        }),
      ],
    };
  }
}
