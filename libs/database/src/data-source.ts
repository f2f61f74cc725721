// The data source of TypeORM's own CLI (`npm run migration:generate`); the apps use typeormOptions().
import { DataSource } from 'typeorm';
import { InfraEnv, loadEnv } from '#runtime';
import { typeormOptions } from './typeorm-options.js';

const env = loadEnv(InfraEnv);

export default new DataSource(typeormOptions({ url: env.DATABASE_URL, applicationName: 'cpt-typeorm-cli' }));
