import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Readiness } from '@integration-api/core';
import { Type } from 'typebox';

export interface HealthRoutesOptions {
  readonly readiness: () => Promise<Readiness>;
}

const Liveness = Type.Object({ status: Type.Literal('ok') });

const DependencyStatus = Type.Object({
  name: Type.String(),
  ok: Type.Boolean(),
  error: Type.Optional(Type.String({ description: 'Why the dependency did not answer.' })),
});

const ReadinessReport = (status: 'ready' | 'unavailable', description: string) =>
  Type.Object({ status: Type.Literal(status), dependencies: Type.Array(DependencyStatus) }, { description });

/**
 * Probes for the orchestrator, without authentication. Liveness does no I/O: it only proves the
 * event loop answers. Readiness pings the dependencies and names those that failed.
 */
export const healthRoutes: FastifyPluginAsyncTypebox<HealthRoutesOptions> = async (app, { readiness }) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        security: [],
        response: { 200: Liveness },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readiness',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: every dependency answers',
        security: [],
        response: {
          200: ReadinessReport('ready', 'Every dependency answered.'),
          503: ReadinessReport('unavailable', 'A dependency did not answer; see `dependencies`.'),
        },
      },
    },
    async (request, reply) => {
      let report: Readiness;
      try {
        report = await readiness();
      } catch (error) {
        request.log.error({ err: error }, 'readiness check failed');
        report = {
          ready: false,
          dependencies: [{ name: 'readiness', ok: false, error: 'the check failed' }],
        };
      }
      const dependencies = report.dependencies.map((d) => ({ ...d }));
      return report.ready
        ? reply.code(200).send({ status: 'ready', dependencies })
        : reply.code(503).send({ status: 'unavailable', dependencies });
    },
  );
};
