import { AppEnv } from '#domain';

/** The worker reads the variables of the product design (§5), as the API does; it has no settings of its own yet. */
export class WorkerEnv extends AppEnv {}
