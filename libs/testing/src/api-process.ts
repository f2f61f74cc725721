import { startAppProcess, type AppProcess } from './app-process.js';
import { httpClient, type HttpClient } from './http-client.js';
import { freePort } from './throwaway-services.js';

export type ApiProcess = {
  url: string;
  port: number;
  http: HttpClient;
  process: AppProcess;
  /** Stops the process (SIGTERM, then SIGKILL). */
  close(): Promise<void>;
};

/**
 * The built API as production runs it, on a free port of 127.0.0.1, answering once it has started. For tests
 * and benchmarks that must not load the API's code in their own process (the worker's, which never import it).
 */
export async function startApi(env: Record<string, string>, timeoutMs = 30_000): Promise<ApiProcess> {
  const port = await freePort();
  // The start-up line is logged at info.
  const api = startAppProcess('api', { LOG_LEVEL: 'info', ...env, PORT: String(port) });
  try {
    await api.waitForOutput(/Nest application successfully started/, timeoutMs);
  } catch (error) {
    await api.stop(0);
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  return { url, port, http: httpClient(url), process: api, close: () => api.stop() };
}
